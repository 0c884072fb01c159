"""Given names, from Faker's name lists: a vote that a name NER took for an organisation's is a person's.

spaCy's small English model often calls a person an organisation when the
surname is rare to it ("Theodor Rumpel", "Beatrice Dugand", "Terje
Halleland"). Faker (MIT licence) ships the given names of 58 locales; a name
counts as given when at least :data:`MIN_LOCALES` of them, Faker's catch-all ``en``
left out, list it (``en`` holds "General", "Royal" and "Star").
A surname that is an English noun (:func:`common_nouns`: "Commission" in
"Philippine Commission", "Hospital" in "Mercy Hospital") leaves the vote out.
The tables are derived once and kept between processes
(:func:`kg.extract.tables.kept`).

Examples
--------
>>> given = given_names()
>>> "Theodor" in given, "Beatrice" in given, "General" in given, "Ford" in given
(True, True, False, False)
>>> "hospital" in common_nouns(), "rumpel" in common_nouns()
(True, False)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from kg.extract.tables import kept
from kg.lexicon import load_words

#: Locales (besides Faker's catch-all ``en``) that must list a name for it to count as given.
MIN_LOCALES = 1


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The given names (as written: "Theodor") at least :data:`MIN_LOCALES` of Faker's locales list."""
    return kept("given-names", _derive, __name__)


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """The family names (as written: "Browne") Faker's locales list: a word WordNet also holds
    as a noun ("browne", "chambers") can still be a surname.

    >>> "Browne" in family_names(), "Speaker" in family_names()
    (True, False)
    """
    return kept("family-names", _derive_family_names, __name__)


@lru_cache(maxsize=1)
def name_genders() -> dict[str, str]:
    """The gender ("m" or "f") of the given names Faker's locales list as one gender only:
    "Theodor" is a man's, "Beatrice" a woman's; "Andrea" (both) is in neither.

    >>> genders = name_genders()
    >>> genders["Theodor"], genders["Beatrice"], "Andrea" in genders, "Nana" in genders
    ('m', 'f', False, False)

    Nor is a name ``ontology/words.toml`` ``genderless_given_names`` lists: a title of either
    gender too ("Nana Addo Dankwa Akufo-Addo" is a man).
    """
    genderless = frozenset(load_words().names.get("genderless_given_names", ()))
    return {n: g for n, g in kept("name-genders", _derive_genders, __name__).items() if n not in genderless}


def nickname_of(short: str, given: str) -> bool:
    """Whether ``short`` is a nickname of the given name ``given`` ("Jim" of "James", "Bill"
    of "William": the ``nicknames`` package's hand-made English table, Apache-2.0), and a
    nickname Faker also lists as a given name is one of the same gender ("Erin", listed
    for "Aaron", is a woman's name too).

    >>> nickname_of("Jim", "James"), nickname_of("Bill", "William"), nickname_of("Erin", "Aaron")
    (True, True, False)
    """
    if short.casefold() not in _canonicals().get(given.casefold(), ()):
        return False
    genders = name_genders()
    return short not in given_names() or genders.get(short) == genders.get(given)


@lru_cache(maxsize=1)
def _canonicals() -> dict[str, frozenset[str]]:
    """Given name (lower case) -> its nicknames (lower case)."""
    try:
        from nicknames import NickNamer
    except ImportError:  # an install without it: no nickname joins a name
        return {}
    return {name: frozenset(nicks) for name, nicks in NickNamer().nickname_lookup.items()}


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """English common nouns, lower case: the noun index of the default pipeline's lemmatizer
    (WordNet's nouns in ``en_core_web_sm``), read once and kept between processes; empty
    when the pipeline has none or cannot be loaded (a build with a model of the user's own)."""
    from kg.errors import ModelError

    try:
        return kept("common-nouns", _nouns, __name__)
    except (ModelError, ImportError, OSError):  # no default pipeline here (a user's own model): none known
        return frozenset()


@lru_cache(maxsize=1)
def common_adjectives() -> frozenset[str]:
    """English adjectives, lower case, as :func:`common_nouns` ("economic", "electoral").

    >>> "economic" in common_adjectives(), "economic" in common_nouns()
    (True, False)
    """
    from kg.errors import ModelError

    try:
        return kept("common-adjectives", _adjectives, __name__)
    except (ModelError, ImportError, OSError):
        return frozenset()


def _nouns() -> frozenset[str]:
    return _lemma_index("noun")


def _adjectives() -> frozenset[str]:
    return _lemma_index("adj")


def _lemma_index(part: str) -> frozenset[str]:
    from kg.extract.nlp import load_nlp

    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lemmatizer = nlp.get_pipe("lemmatizer")
    lookups = getattr(getattr(lemmatizer, "lemmatizer", lemmatizer), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get(part, ()))


def _derive() -> frozenset[str]:
    from collections import Counter

    counts: Counter[str] = Counter()
    for locale, lists in _locales():
        if locale != "en":
            counts.update(set().union(*(names for attr, names in lists.items() if attr != "last_names")))
    return frozenset(n for n, c in counts.items() if c >= MIN_LOCALES)


def _derive_family_names() -> frozenset[str]:
    return frozenset(n for _, lists in _locales() for n in lists.get("last_names", ()))


def _derive_genders() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for _, lists in _locales():
        for attr, gender in (("first_names_male", "m"), ("first_names_female", "f")):
            for name in lists.get(attr, ()):
                seen.setdefault(name, set()).add(gender)
    return {n: g.pop() for n, g in seen.items() if len(g) == 1}


def _locales() -> Iterator[tuple[str, dict[str, set[str]]]]:
    """Each of Faker's person locales with its lists of given names (all, men's, women's) and
    family names, each name one word in capitals ("Theodor")."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        lists = {}
        for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
            listed = provider.__dict__.get(attr)
            if isinstance(listed, (tuple, list, set, frozenset, dict)):
                lists[attr] = {n for n in listed if isinstance(n, str) and n.isalpha() and n.istitle()}
        yield module.name, lists
