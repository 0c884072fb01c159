"""Name-to-name joins within one document: which of its names are one entity.

An acronym and its expansion ("Amazon Web Services (AWS)"), a name and another the
text says it has ("Kasimir (born Tomas Roux)"), a surname or a first name and the full
name, a shorter form of a name and the one longer form it fits. Each ``_link_*`` function
calls ``union`` on the indices of two names to join; :func:`kg.extract.resolve.resolve`
keeps the groups (and asks :func:`_groups_apart` before a weak join).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from kg.extract.classes import ORGANIZATION_WORDS
from kg.extract.coreference import _LAST_WORD, _TITLES_BEFORE_NAMES
from kg.extract.given_names import common_adjectives, given_names, nickname_of
from kg.extract.mentions import GAZETTEER_WEIGHT, HEAD_NOUN_WEIGHT, Found
from kg.extract.places import is_place
from kg.extract.naming import (_POSSESSIVE, _initials, _is_acronym, _subsequence, abbreviates, coined,
                               stock_tickers, translates)
from kg.extract.short_names import NAME_PARTICLES, surnames
from kg.lexicon import load_words

#: Words that say the name after them is another name of the one before: "Peter of Varn (or
#: Pierre de Varn; died 1443)", "Kasimir (born Tomas Roux ...)", "Ann Lee, also known as Annie Lee",
#: "Rachel Perry (born 1962, formerly Rachel Perry Welty)".
_ALIAS_CUE = re.compile(r"(?:\(|,)\s*(?:born\s+[^,;()]{1,30}[,;]\s*)?(?:or|also|also known as|better known as|"
                        r"known as|also called|a\.k\.a\.?|aka|born|née|nee|né|formerly)", re.IGNORECASE)


#: A parenthesis opening with "the": "TMF (The Music Factory)".
_OPENS_WITH_THE = re.compile(r"\(\s*the", re.IGNORECASE)


def _link_acronyms(found: list[Found], text: str, union) -> None:  # type: ignore[no-untyped-def]
    """Join "Amazon Web Services (AWS)" and an acronym with its expansion, and a name
    with the one the text says is another name of it ("Peter of Varn (or Pierre de Varn;
    died 1443)", "Kasimir (born Tomas Roux)": :data:`_ALIAS_CUE`, same class).

    A name in parentheses after another is the same thing only when one
    abbreviates the other, it coins a short name for an organisation (:func:`coined`:
    "Pakistan Stock Exchange (PSX)", "Ministry of Defence (Mindef)") or is its acronym in the
    language it was named in (:func:`translates`: "Brazilian Socialist Party (PSB)"),
    the gazetteer gives both one entry or the words
    before it say so (a stock ticker after its exchange's code too: "(ASX: FMG)"); otherwise it is
    something the text relates to the first
    ("Mitsubishi Electric (Japan)", "Terje Halleland (Progress Party)").
    """
    tickers = {ticker: text.rfind("(", 0, ticker[0]) for _, ticker in stock_tickers(text)}  # ticker -> its "("
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        between = text[a.end_char:b.start_char].strip()
        if between == "(" and text[b.end_char:b.end_char + 1] == ")":
            if abbreviates(b.text, a.text) or abbreviates(a.text, b.text) or (
                    a.cls == "Organization" and b.canonical is None
                    and (coined(b.text, a.text) or translates(b.text, a.text))):
                union(i, i + 1, "abbreviation")
            elif a.canonical is not None and a.canonical == b.canonical:
                union(i, i + 1, "gazetteer")
        elif _OPENS_WITH_THE.fullmatch(between) and text[b.end_char:b.end_char + 1] == ")" \
                and abbreviates(a.text, f"The {b.text}"):
            union(i, i + 1, "abbreviation")  # "TMF (The Music Factory)": its "The" spelled too
        elif _ALIAS_CUE.fullmatch(between) and a.cls == b.cls and a.canonical == b.canonical:
            union(i, i + 1, "alias")
        elif (b.start_char, b.end_char) in tickers and a.cls == "Organization" and b.canonical is None \
                and text[a.end_char:tickers[(b.start_char, b.end_char)]].strip() == "":
            union(i, i + 1, "alias")  # "Fortescue Metals Group (ASX: FMG)": its stock ticker
    expansions = {}
    for i, f in enumerate(found):
        initials = _initials(f.text)
        if initials:
            expansions.setdefault(initials, i)
    for i, f in enumerate(found):
        if _is_acronym(f.text) and f.text in expansions and not _known_otherwise(f, found[expansions[f.text]]) \
                and found[expansions[f.text]].cls != "Person":  # "JBS", not its founder José Batista Sobrinho
            union(i, expansions[f.text], "abbreviation")


def _known_otherwise(short: Found, long: Found) -> bool:
    """Whether the gazetteer knows ``short`` as another entity than ``long``: "US" is the
    United States, not the "University of Sheffield" its letters spell.

    >>> us = Found(0, 1, 0, 2, "US", "Place", 100.0, canonical="United States")
    >>> _known_otherwise(us, Found(3, 6, 5, 28, "University of Sheffield", "Organization", 1.0))
    True
    """
    return short.canonical is not None and short.canonical != long.canonical


def _link_surnames(found: list[Found], union, text: str = "") -> set[int]:  # type: ignore[no-untyped-def]
    """Join "Dupin" to "Benoit Dupin" (and "Des Cars" to "Laurence Des Cars", "DeMott" to
    "William Charles DeMott II"); return the surnames joined (they vote Person).

    The first full name with that surname wins, unless the sentence keeps the
    two apart: in "Reddy is married to Sneha Reddy", Reddy is someone else; or a noun said of
    each gives them two genders ("Prince Hussein" is not "Princess Rajwa Al Hussein"); or the surname
    comes before the first of two or more full names with it and that one is called someone's
    child or spouse (``text`` right before it: "Mrs Rinehart ... Her youngest daughter, Ginia
    Rinehart": the mother, whose full name NER missed); and a name the
    document calls a thing by its noun is no surname ("a chip design called Blackwell, named
    after David Blackwell": the chip).
    """
    full_names: dict[str, list[int]] = defaultdict(list)
    suffixed: dict[str, set[str]] = defaultdict(set)  # "William Charles DeMott II": DeMott's
    for i, f in enumerate(found):
        words = (f.canonical or f.text).split()  # "Aston, Francis William": Francis William Aston
        if f.cls == "Person" and len(words) > 2 and words[-1].rstrip(".") in _SUFFIXES:
            suffixed[words[-2]].add(f.text)
        if f.cls == "Person" and len(words) > 1 and words[-2].lower() != "of":  # "Ruler of Dubai": no surname
            full_names[words[-1]].append(i)
            for short in surnames(f.canonical or f.text):  # "Laurence Des Cars": "Des Cars"; "Von der Leyen" at a sentence's start
                full_names[short].append(i)
    for surname, names in suffixed.items():  # one such name only: not "Paul Desmarais Jr." and "Sr."
        if len(names) == 1:  # and in its place among the others ("Mayor Benjamin Abalos Jr. ... Abalos
            # is the president of ULAP ... councilors Jonathan Abalos": the mayor, named first)
            full_names[surname] = sorted({*full_names.get(surname, ()),
                                          *(i for i, f in enumerate(found) if f.text in names)})
    things = {f.text for f in found if f.cls in _THINGS and f.weight >= HEAD_NOUN_WEIGHT}  # "the Blackwell chips"
    joined = set()
    bare: dict[int, str] = {}  # the surnames alone: index -> the surname
    for i, f in enumerate(found):
        name = _without_title(f.text)  # "Dr. Abbey" is Ransford Anertey Abbey
        if not ((" " in name and name.split()[0].lower() not in NAME_PARTICLES)
                or f.weight >= GAZETTEER_WEIGHT or f.text in things):
            bare[i] = name
    first_bare: dict[str, int] = {}  # surname -> the token its first use alone starts at
    for i, name in bare.items():
        first_bare[name] = min(first_bare.get(name, found[i].start), found[i].start)
    for i, name in bare.items():
        f = found[i]
        fits = [j for j in full_names.get(name, ()) if not _kept_apart(f, found[j])
                and not (f.gender and found[j].gender and f.gender != found[j].gender)]  # "Prince Hussein", not
        # "Princess Rajwa Al Hussein"
        if fits and len({found[j].text for j in fits}) > 1 and found[fits[0]].start > first_bare[name] \
                and _KIN_BEFORE.search(text, max(0, found[fits[0]].start_char - 40), found[fits[0]].start_char):
            continue  # "Mrs Rinehart ... Her youngest daughter, Ginia Rinehart": her mother's, never named in full
        if fits:
            union(i, fits[0])
            joined.add(i)
    return joined


#: A kin noun right before a name ("Her youngest daughter, Ginia Vell", "his son Kenji").
_KIN_BEFORE = re.compile(r"\b(?:" + "|".join(map(re.escape, load_words().mentions["kin_nouns"])) + r")\s*[,:]?\s*$",
                         re.IGNORECASE)


#: Classes of things a head noun gives a name ("the Blackwell chips"): no person's surname.
_THINGS = frozenset({"Product", "Technology", "Event"})

#: Generational suffixes after a surname.
_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV", "jr", "sr"})
_FOLDED_SUFFIXES = frozenset(s.casefold() for s in _SUFFIXES)


def _without_title(name: str) -> str:
    """A surname without the title NER kept before it (``coreference._TITLES_BEFORE_NAMES``):
    "Dr. Abbey" -> "Abbey", "Lord Sugar" -> "Sugar".

    >>> _without_title("Dr. Abbey"), _without_title("Prof Lee"), _without_title("Dr. Ann Lee")
    ('Abbey', 'Lee', 'Dr. Ann Lee')
    """
    words = name.split()
    return words[1] if len(words) == 2 and words[0].rstrip(".").lower() in _TITLES_BEFORE_NAMES else name


def _link_family_names_first(found: list[Found], text: str, taken: set[int],
                             union) -> set[int]:  # type: ignore[no-untyped-def]
    """Join "Mr. Xi" to "Xi Jinping" named before it: an honorific or a rank before a one-word
    name puts a family name after it (``_TITLES_BEFORE_NAMES``, "Gen."), and a name written
    family name first begins with it (Chinese, Korean, Vietnamese, Hungarian names), when one
    full name only does. Return the names joined (they vote Person). ``taken``: those joined.

    >>> f = lambda text, start, at: Found(start, start + len(text.split()), at, at + len(text), text,
    ...                                   "Person", 1.0)
    >>> text = "Xi Jinping spoke. Later Mr. Xi left."
    >>> joined = []
    >>> _link_family_names_first([f("Xi Jinping", 0, 0), f("Xi", 6, 28)], text, set(),
    ...                          lambda a, b: joined.append((a, b)))
    {1}
    >>> joined
    [(1, 0)]
    """
    first_words: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        words = f.text.split()
        if f.cls == "Person" and 2 <= len(words) <= 3:
            first_words[words[0]].append(i)
    joined = set()
    for i, f in enumerate(found):
        if i in taken or " " in f.text or f.anaphor or f.weight >= GAZETTEER_WEIGHT or f.text not in first_words:
            continue
        before = _LAST_WORD.search(text[max(0, f.start_char - 14):f.start_char])
        if before is None or before.group(1).casefold() not in _RANKS_BEFORE_NAMES:
            continue
        fits = {found[j].text: j for j in first_words[f.text]
                if found[j].start < f.start and not _kept_apart(f, found[j])}
        if len(fits) == 1:
            union(i, next(iter(fits.values())))
            joined.add(i)
    return joined


#: Honorifics and ranks a family name follows: "Mr. Xi", "Gen. Li", "President Xi".
_RANKS_BEFORE_NAMES = _TITLES_BEFORE_NAMES | frozenset({
    "gen", "general", "col", "colonel", "lt", "maj", "adm", "admiral", "president", "premier", "minister",
    "chairman", "governor", "ambassador", "justice", "judge"})


def _link_first_names(found: list[Found], taken: set[int], union,  # type: ignore[no-untyped-def]
                      text: str = "") -> set[int]:
    """Join "Meg" to "Meg Whitman" named before it, when she is the only person named in full
    with that given name (:func:`kg.extract.given_names.given_names`) and the sentence does
    not keep the two apart, nor lists it among other given names alone (``text``: "survived by
    his wife, Grace Mugabe, and Bona, Robert, Bellarmine and Russel": his son Robert, not Robert
    Gabriel Mugabe); a person's nickname too ("James Taiclet ... Jim will lead":
    :func:`kg.extract.given_names.nickname_of`). Return the names joined (they vote
    Person). ``taken``: the names already joined as surnames.

    >>> f = lambda text, start, cls="Person": Found(start, start + len(text.split()), 0, 0, text, cls, 1.0)
    >>> names = [f("Meg Whitman", 0), f("Ray Lane", 5), f("Meg", 9, "Organization")]
    >>> joined = []
    >>> _link_first_names(names, set(), lambda a, b: joined.append((a, b)))
    {2}
    >>> joined
    [(2, 0)]
    """
    given = given_names()
    full: dict[str, set[str]] = defaultdict(set)
    first_at: dict[str, int] = {}
    for i, f in enumerate(found):
        words = f.text.split()
        if f.cls == "Person" and len(words) > 1 and words[0] in given:
            full[words[0]].add(f.text)
            first_at.setdefault(words[0], i)
    joined = set()
    for i, f in enumerate(found):
        given = f.text if f.text in first_at else _nicknamed(f, first_at)
        j = first_at.get(given) if given else None
        if j is None or i in taken or " " in f.text or f.anaphor or f.weight >= GAZETTEER_WEIGHT \
                or len(full[given]) > 1 or found[j].start > f.start or _kept_apart(f, found[j]) \
                or _listed_alone(found, i, text):
            continue
        union(i, j)
        joined.add(i)
    return joined


def _link_shared_surnames(found: list[Found], text: str, union) -> set[int]:  # type: ignore[no-untyped-def]
    """Join a given name alone before "and" and a full name to the full name with the surname
    they share, wherever the text writes it: "the son of Edward and Adeline Akufo-Addo ... His
    father Edward Akufo-Addo" (Edward is Edward Akufo-Addo, as "Bill and Melinda Gates" are
    both Gateses). Return the names joined (they vote Person).

    >>> f = lambda text, start, at: Found(start, start + len(text.split()), at, at + len(text), text, "Person", 1.0)
    >>> text = "son of Edward and Adeline Vell. Edward Vell was a judge."
    >>> joined = []
    >>> _link_shared_surnames([f("Edward", 2, 7), f("Adeline Vell", 4, 18), f("Edward Vell", 7, 32)], text,
    ...                       lambda a, b: joined.append((a, b)))
    {0}
    >>> joined
    [(0, 2)]
    """
    given = given_names()
    by_text: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(found):
        if g.cls == "Person" and not g.anaphor:
            by_text[g.text].append(j)
    joined = set()
    for i, (f, g) in enumerate(pairwise(found)):
        words = g.text.split()
        if f.cls != "Person" or g.cls != "Person" or " " in f.text or f.text not in given or len(words) < 2 \
                or words[0] not in given or text[f.end_char:g.start_char] != " and ":
            continue
        full = by_text.get(f"{f.text} {' '.join(words[1:])}", [])
        if len({found[j].text for j in full}) == 1:
            union(i, full[0])
            joined.add(i)
    return joined


def _listed_alone(found: list[Found], i: int, text: str) -> bool:
    """Whether the one-word name ``found[i]`` is listed with another one-word person's name right
    before or after it, in the same sentence ("Bona, Robert, Bellarmine and Russel"): children or
    siblings named by their given names, none of them the full name before.

    >>> f = lambda text, at: Found(0, 1, at, at + len(text), text, "Person", 1.0)
    >>> text = "survived by Bona, Robert, Bellarmine and Russel Goreraza"
    >>> _listed_alone([f("Bona", 12), f("Robert", 18), f("Bellarmine", 26)], 1, text)
    True
    """
    f = found[i]
    for k in (i - 1, i + 1):
        other = found[k] if 0 <= k < len(found) else None
        if other is None or other.cls != "Person" or " " in other.text or other.anaphor \
                or other.sentence != f.sentence:
            continue
        between = text[min(f.end_char, other.end_char):max(f.start_char, other.start_char)].strip()
        if between in {",", "and", ", and", "&"}:
            return True
    return False


def _nicknamed(f: Found, given_names: dict[str, int]) -> str | None:
    """The one given name of ``given_names`` a person's one-word name is a nickname of."""
    if f.cls != "Person" or " " in f.text:
        return None
    fits = [g for g in given_names if nickname_of(f.text, g)]
    return fits[0] if len(fits) == 1 else None


def _link_variants(found: list[Found], root, union) -> None:  # type: ignore[no-untyped-def]
    """Join a shorter form of a name to the one longer form of its class it fits.

    "Henrik Angell" fits "Henrik August Angell": two words or more, the same
    first and last word, its words in order among the longer one's, and the
    longer form named first (a name is shortened after it is introduced; a
    longer name after a shorter one is often a son's or a spin-off's). An
    organisation's one word fits a longer organisation name it ends ("the Varden
    Commission ... the Commission"), or begins where the rest are organisations' words
    ("Nordvik Energy ... Nordvik", ``organization_words``; not "Amazon Web Services"), and so
    do its first words ("Tower Transit Group ... Tower Transit") and the words before "of" and a
    place ("Art Institute of Chicago ... the Art Institute"); a person's first two words or
    more fit a name they begin ("Niaz Ahmad Akhtar ... Niaz Ahmad"; not a "Jr." one); not a
    gazetteer's name, nor an acronym. A person's initials fit the names they stand for
    ("J. H. Dearle" after "John Henry Dearle"), and a nickname its given name ("Jim Taiclet"
    after "James Taiclet"). A longer name with a nickname in quotes fits a shorter one written
    before it too ('Jimmy Wales ... Jimmy Donal "Jimbo" Wales'). When two different longer names
    fit (or the sentence keeps them apart) it joins none.
    """
    words = [[w.casefold().replace("’", "'") for w in _POSSESSIVE.sub("", f.text).split()] for f in found]
    first: dict[int, int] = {}  # group -> its first mention's token
    for i, f in enumerate(found):
        first.setdefault(root(i), f.start)
    for i, f in enumerate(found):
        short = words[i]
        if f.demonym or not short:
            continue
        if len(short) == 1:
            if f.cls != "Organization" or f.weight >= GAZETTEER_WEIGHT or _is_acronym(f.text):
                continue
            adjective = short[0] in common_adjectives()  # "formerly International Executive Director of
            # Greenpeace": no Amnesty International; but "Sterling Construction ... Sterling's CEO" is the firm
            fits = [j for j, long in enumerate(words)
                    if len(long) > 1 and found[j].cls == f.cls and ((long[-1] == short[0] and not adjective) or (
                        long[0] == short[0] and all(w in ORGANIZATION_WORDS for w in long[1:])))]
        else:
            # the sentence's apartness asked last (the words rule out most); "Tower Transit (Group)"
            fits = [j for j, long in enumerate(words)
                    if found[j].cls == f.cls and (long[-1] == short[-1] and (
                        len(long) > len(short) and long[0] == short[0] and _subsequence(short, long)
                        or f.cls == "Person" and long != short and _initialled(short, long)
                        or f.cls == "Person" and len(long) == len(short) and long[:-1] != short[:-1]
                        and nickname_of(f.text.split()[0], found[j].text.split()[0]))
                        or f.cls == "Organization" and len(long) > len(short) and long[:len(short)] == short
                        and all(w in ORGANIZATION_WORDS for w in long[len(short):])
                        or f.cls == "Organization" and len(long) > len(short) + 1 and long[:len(short)] == short
                        and long[len(short)] == "of" and is_place(" ".join(long[len(short) + 1:]))
                        or f.cls == "Person" and len(long) > len(short) and long[:len(short)] == short
                        and long[-1].rstrip(".") not in _FOLDED_SUFFIXES)
                    and not _kept_apart(f, found[j])]
        if not fits:
            continue
        if len({root(j) for j in fits}) == 1 and root(fits[0]) != root(i) \
                and (first[root(fits[0])] < first[root(i)] or _QUOTES & set(found[fits[0]].text)):
            union(i, fits[0])  # a name with its nickname introduces its bearer, wherever it comes


#: Quotation marks round a nickname in a full name: 'Jimmy Donal "Jimbo" Wales'.
_QUOTES = frozenset('"“”')


def _initialled(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` writes some of ``long``'s words as their initials, the others as
    they are (words case-folded).

    >>> _initialled(["j.", "h.", "dearle"], ["john", "henry", "dearle"])
    True
    >>> _initialled(["j.h.", "dearle"], ["john", "henry", "dearle"])
    True
    >>> _initialled(["j.", "dearle"], ["john", "henry", "dearle"])
    False
    """
    letters = [w for word in short[:-1]
               for w in (re.findall(r"\w\.", word) if _INITIALS.fullmatch(word) else [word])]
    return len(letters) == len(long) - 1 and any(_INITIALS.fullmatch(w) for w in short[:-1]) and all(
        w == x or _INITIALS.fullmatch(w) is not None and w[0] == x[0] for w, x in zip(letters, long))


#: One initial or several run together: "j.", "j.h.".
_INITIALS = re.compile(r"(?:\w\.)+")


def _groups_apart(found: list[Found], root, a: int, b: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a mention of ``a``'s group is kept apart from one of ``b``'s: "Vineeth
    Sreenivasan ... Vineeth is son of the actor Sreenivasan" joins "Vineeth" and
    "Sreenivasan" each to the full name, but not both."""
    ra, rb = root(a), root(b)
    group_a = [found[i] for i in range(len(found)) if root(i) == ra]
    group_b = [found[i] for i in range(len(found)) if root(i) == rb]
    return any(_kept_apart(x, y) for x in group_a for y in group_b)


def _kept_apart(a: Found, b: Found) -> bool:
    """Whether the sentence says ``a`` and ``b`` are two people ("X married Y")."""
    return any(t in a.apart for t in range(b.start, b.end)) or \
        any(t in b.apart for t in range(a.start, a.end))
