"""Short forms of names NER missed or mistyped, read from the document's longer names.

A person is named in full once and by a short form after: the last name ("Kenji Watanabe
... Watanabe"), or the surname from its particle on ("Ursula von der Leyen ... Von der
Leyen"); an organisation by its first word when the rest are organisations' words
("Helix Pharmaceuticals ... Helix"; ``ontology/words.toml`` ``organization_words``). The
small model's NER often misses the short form at a sentence's start, or gives it another
class; :func:`short_names_again` finds it, :func:`short_names_reclassed` gives it the class
of the name it shortens. :mod:`kg.extract.resolve` then joins it to that name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.classes import HONORIFICS, ORGANIZATION_WORDS
from kg.extract.given_names import common_nouns
from kg.extract.places import (  # mentions and name_links read NAME_PARTICLES from here too
    NAME_PARTICLES,
    is_place,
)
from kg.extract.tokens import tokens_of
from kg.types import changed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kg.extract.mentions import Found


def short_names_again(doc: Doc, shorts: Shorts, taken: set[int]) -> Iterator[tuple[Span, str]]:
    """A short form of a name alone, after the name, where NER missed it: a person's last
    name ("Kenji Watanabe ... Watanabe was born in Nagoya") or an organisation's first word
    when the rest are organisations' words ("Helix Pharmaceuticals ... Helix, based in
    Cambridge"; ``organization_words``). A proper noun in capitals, standing alone ("Cook
    County" is no one; "Mr. Watanabe" is), the short form of one name only among those
    written before it (``shorts``: :func:`short_forms`).

    >>> from kg.extract.mentions import find_mentions
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Dr. Kenji Watanabe said it. Watanabe was born in Nagoya.")
    >>> [(f.text, f.cls) for f in find_mentions(doc, load_lexicon()) if not f.anaphor]
    [('Kenji Watanabe', 'Person'), ('Watanabe', 'Person'), ('Nagoya', 'Place')]
    """
    if not shorts:
        return  # no name has a short form: no token is one
    table = tokens_of(doc)
    for i in range(len(doc)):
        named = _named_before(shorts, table.word(i), i)
        if named is None or i in taken:
            continue
        token = doc[i]
        if table.pos[i] != "PROPN" and not (named == (token.text, "Organization") and token.is_sent_start):
            continue  # a coined name the tagger reads as a word where it opens a sentence ("Improbable creates")
        if not token.is_title:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if any(t is not None and t.pos_ == "PROPN" and t.is_title and t.lower_.rstrip(".") not in HONORIFICS
               for t in (before, after)):
            continue  # "Cook County", "Watanabe Robotics"
        yield doc[token.i:token.i + 1], named[1]


#: Short form -> (end token, name, class) of the names it shortens, in text order.
Shorts = dict[str, list[tuple[int, str, str]]]


def short_forms(doc: Doc, found: list[Found]) -> Shorts:
    """The short forms of a document's names: a person's last name (or surname from its
    particle on), an organisation's first word where the rest are organisations' words, its
    last after a place (:func:`_after_its_place`)."""
    shorts: Shorts = {}
    for f in found:
        words = f.text.split()
        if f.anaphor or len(words) < 2:
            continue
        if f.cls == "Person":
            for short in {doc[f.end - 1].text} | surnames(f.text):
                shorts.setdefault(short, []).append((f.end, f.text, f.cls))
        elif f.cls == "Organization" and all(w.lower() in ORGANIZATION_WORDS for w in words[1:]):
            shorts.setdefault(doc[f.start].text, []).append((f.end, f.text, f.cls))
        elif f.cls == "Organization" and _after_its_place(words):
            shorts.setdefault(doc[f.end - 1].text, []).append((f.end, f.text, f.cls))
    return shorts


def _after_its_place(words: list[str]) -> bool:
    """Whether an organisation's two-word name is a place and a word of its own that is no
    English noun, no place and no organisation's word: "Zhejiang Geely" is Geely, "Anhui Conch"
    Conch; not "Texas Instruments", "Dubai Holding" or "Paris Orly".

    >>> _after_its_place(["Zhejiang", "Geely"]), _after_its_place(["Texas", "Instruments"])
    (True, False)
    """
    if len(words) != 2 or not is_place(words[0]):
        return False
    own = words[1].lower()
    nouns = common_nouns()
    return words[1].istitle() and own not in ORGANIZATION_WORDS and own not in nouns \
        and own.removesuffix("s") not in nouns and not is_place(own)


def with_coined_names(shorts: Shorts, found: list[Found]) -> Shorts:
    """``shorts`` and the coined one-word names of organisations (:func:`_coined`), each its
    own short form, which :func:`short_names_again` finds again where NER missed them
    ("Heineken plans to acquire Distell ... Distell CEO Richard Rushton"); a name found again
    is no reason to change another mention's class (NER's one-word organisations are often
    people), so :func:`short_names_reclassed` reads ``shorts`` alone; and a short form of
    another name stays that name's ("Aimé Guerlain ... Guerlain's second generation")."""
    coined = [f for f in found if not f.anaphor and f.cls == "Organization" and f.canonical is None
              and f.end - f.start == 1 and f.text.istitle() and f.text not in shorts and _coined(f.text)]
    if not coined:
        return shorts
    out = {short: list(entries) for short, entries in shorts.items()}
    for f in coined:
        out.setdefault(f.text, []).append((f.end, f.text, f.cls))
    return out


def _coined(word: str) -> bool:
    """Whether a one-word name is a coined one, no place's, given name or English noun: it
    names the same organisation wherever the document writes it ("Distell"; not "Santiago",
    "Majesty", "Pierre-François").

    >>> _coined("Distell"), _coined("Santiago"), _coined("Majesty"), _coined("Pierre-François")
    (True, False, False, False)
    """
    from kg.extract.given_names import common_nouns, given_names
    from kg.extract.places import is_place

    return not any(part in given_names() for part in word.split("-")) and word.lower() not in common_nouns() \
        and not is_place(word)  # "Pierre-François" is a given name


def _named_before(shorts: Shorts, short: str, i: int) -> tuple[str, str] | None:
    """The (name, class) ``short`` shortens among the names ending before token ``i``, if one only."""
    entries = shorts.get(short)
    if not entries:  # most words shorten no name: asked for every token of the document
        return None
    named = {(name, cls) for end, name, cls in entries if end <= i}
    return next(iter(named)) if len(named) == 1 else None


def _class_named_before(shorts: Shorts, short: str, i: int) -> str | None:
    """The class of every name ``short`` shortens among those ending before token ``i``, if they
    share one ("Jimmy Wales" and 'Jimmy Donal "Jimbo" Wales': a person)."""
    classes = {cls for end, _, cls in shorts.get(short, ()) if end <= i}
    return next(iter(classes)) if len(classes) == 1 else None


def surnames(name: str) -> set[str]:
    """A person's surname where it is not the name's last word: from its particle on, as
    written and capitalised (a sentence's first word), if the name has a particle after its
    first word; the first of two words when it is neither a given name nor an English noun
    (a family name written first: "Adachi Kenzō", "Xi Jinping"), and of three when none of the
    three is a given name ("Yeoh Tiong Lay": not "Hugh Patrick Thompson").

    >>> sorted(surnames("Ursula von der Leyen")), surnames("Laurence Des Cars"), surnames("Tim Cook")
    (['Von der Leyen', 'von der Leyen'], {'Des Cars'}, set())
    >>> surnames("Adachi Kenzō"), surnames("Governor Cuomo"), surnames("Yeoh Tiong Lay")
    ({'Adachi'}, set(), {'Yeoh'})
    """
    words = name.split()
    at = next((i for i in range(1, len(words) - 1) if words[i].lower() in NAME_PARTICLES), None)
    if at is None:
        return {words[0]} if (len(words) == 2 or len(words) == 3 and not _given(words[1:])) \
            and _family_first(words[0]) else set()
    surname = " ".join(words[at:])
    return {surname, surname[0].upper() + surname[1:]}


def _given(words: list[str]) -> bool:
    """Whether one of ``words`` is a given name (Faker's)."""
    from kg.extract.given_names import given_names

    return any(w in given_names() for w in words)


def _family_first(word: str) -> bool:
    """Whether a name's first word is a family name: a capitalised word of letters that is
    no given name and no English noun (Faker's given names, WordNet's nouns)."""
    from kg.extract.given_names import common_nouns, given_names

    return word.isalpha() and word.istitle() and word not in given_names() \
        and word.lower() not in common_nouns() and word.lower() not in HONORIFICS


def short_names_reclassed(found: list[Found], shorts: Shorts, placed: frozenset[int] | set[int] = frozenset(),
                          acting: frozenset[int] | set[int] = frozenset(),
                          run: frozenset[int] | set[int] = frozenset()) -> list[Found]:
    """A one-word person or organisation whose name shortens one longer name written before
    it has that name's class: "Corvane Biotech ... Corvane's founder" (NER: a person) is the
    company; a place keeps its class ("Syracuse University ... born in Syracuse") unless it is
    a surname from its particle on ("Laurence Des Cars ... Des Cars", NER: a place). A
    gazetteer's alias that is the surname of a person named before it is that person's, not
    the gazetteer's entity ("Cindy Holland ... Holland said": not the Netherlands), unless the
    text writes it as a place (``placed``: the mentions' first tokens; "moved to Holland"). So is a
    place's own name that is the surname of the people named before it where it acts as a person
    does (``acting``: the subject of a verb or an owner; "Jimmy Wales ... Wales was born in
    Huntsville"), and a place's own name that shortens an organisation named before it where it
    owns what a company has (``run``: "Sterling Construction Company ... Sterling's CEO").

    >>> from kg.extract.mentions import find_mentions
    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Helix bought Corvane Biotech. Corvane's founder, Priya Raman, spoke.")
    >>> [(f.text, f.cls) for f in find_mentions(doc, load_lexicon()) if f.text.startswith("Corvane")]
    [('Corvane Biotech', 'Organization'), ('Corvane', 'Organization')]
    """
    from kg.extract.mentions import NER_WEIGHT  # (mentions reads this module)

    out = []
    for f in found:
        alias = f.canonical not in {None, f.text} and f.end - f.start == 1 and f.start not in placed
        if alias and not f.anaphor:
            named = _named_before(shorts, f.text, f.start)
            if named is not None and named[1] == "Person" != f.cls:  # a name's reading, no longer the gazetteer's
                f = changed(f, cls="Person", canonical=None, weight=NER_WEIGHT)
            out.append(f)
            continue
        if f.cls == "Place" and f.canonical == f.text and f.start in acting and not f.anaphor \
                and _class_named_before(shorts, f.text, f.start) == "Person":
            out.append(changed(f, cls="Person", canonical=None, weight=NER_WEIGHT))  # "Wales was born in Huntsville"
            continue
        if f.cls == "Place" and f.canonical in {None, f.text} and f.start in run and not f.anaphor \
                and _class_named_before(shorts, f.text, f.start) == "Organization":
            out.append(changed(f, cls="Organization", canonical=None, weight=NER_WEIGHT))  # "Sterling's CEO"
            continue
        named = None if f.anaphor or f.canonical is not None else _named_before(shorts, f.text, f.start)
        particle = named is not None and named[1] == "Person" and f.text.split()[0].lower() in NAME_PARTICLES
        if named is not None and (particle or (f.end - f.start == 1 and f.cls in {"Person", "Organization"})):
            f = changed(f, cls=named[1])  # a place stays: "Syracuse University ... in Syracuse"
        out.append(f)
    return out
