"""``rule:lifespan``: the dates in parentheses right after a person's name.

An encyclopaedia's first sentence gives them so: "Ahmet Kaya (28 October 1957 – 16 November
2000) was a folk singer" states a birth date and a death date, "Ann Lee (born 3 May 1950)"
a birth date, "Pierre de Varn (died 1443)" a death date. The parentheses may hold the
dates, the places they happened in, and the words of birth and death; anything else
("in office 1884–1888", "r. 1884–1888", a nickname) is no lifespan, and nor are two years
too close or too far apart for a life ("Lynn Harrell (1986 – 1993)": a term).

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> text = "Ahmet Kaya (28 October 1957 – 16 November 2000) was a folk singer."
>>> sorted((r.predicate, r.obj) for r in extract(Document.from_text(text, "x")).relations
...        if r.extractor == "rule:lifespan")
[('birthDate', '28 October 1957'), ('deathDate', '16 November 2000')]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from kg.extract.classes import DASHES
from kg.extract.nlp import MONTHS
from kg.extract.rules.args import Arg, arg, confidence
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.context import DocContext

#: Words a lifespan's parentheses may hold besides dates, places and dashes.
_LIFE_WORDS = frozenset({"born", "died", "b.", "d.", "c.", "ca.", "circa", "in", "at", "on", "near", "and", ","})
_BIRTH, _DEATH = frozenset({"born", "b."}), frozenset({"died", "d."})


@extractors.register("lifespan")
def lifespans(ctx: DocContext) -> Iterator[Relation]:
    """Birth and death dates from the parentheses after each person's name."""
    specs = ctx.lexicon.properties
    if "birthDate" not in specs or "deathDate" not in specs:
        return
    conf = confidence(ctx, "lifespan")
    by_token = ctx.resolved.by_token
    for sent in ctx.sentences:
        for token in ctx.named_tokens(sent):
            person = arg(ctx, token)
            if person is None or person.cls != "Person" or by_token[token.i].anaphor \
                    or by_token[token.i].end - 1 != token.i:
                continue
            opening = _opening(ctx.doc, token.i + 1, sent.end)  # read for a person's last word only
            if opening is None:
                continue
            close = next((k for k in range(opening + 1, min(sent.end, opening + 40))
                          if ctx.doc[k].text == ")"), None)
            if close is not None:
                for prop, date in _dates(ctx.doc[opening + 1:close]):
                    yield _relation(ctx, prop, person, date, sent, conf)


def _opening(doc, i: int, end: int) -> int | None:  # type: ignore[no-untyped-def]
    """Where the parenthesis right after a name opens: at ``i``, or after a comma and the
    letters of an order or an honour ("Chrysostom Blashkevich, OSB (January 27, 1915 ...")."""
    if i < end and doc[i].text == "(":
        return i
    if i + 2 < end and doc[i].text == "," and doc[i + 1].is_upper and len(doc[i + 1].text) <= 4 \
            and doc[i + 2].text == "(":
        return i + 2
    return None


def _dates(inside: Span) -> list[tuple[str, Span]]:
    """The (property, date) pairs the inside of a lifespan's parentheses states: the date
    words (numbers, months) either side of a dash, or one date with a word of birth or death;
    the rest may only be places (NER's, or capitalised proper nouns it missed) and
    :data:`_LIFE_WORDS`.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee (born 3 May 1950) and Tom Vale (1874 – 1932, London) met Kim (r. 1884–1888).")
    >>> [(p, d.text) for p, d in _dates(doc[3:7])], [(p, d.text) for p, d in _dates(doc[12:17])]
    ([('birthDate', '3 May 1950')], [('birthDate', '1874'), ('deathDate', '1932')])
    >>> _dates(doc[21:23])
    []
    >>> doc = load_nlp()("Ramey Idriss (11 September 1911 – 5 February 1971) and Jo Roe (October 6, 1814 – July 24, 1854).")
    >>> [d.text for p, d in _dates(doc[3:10])], [d.text for p, d in _dates(doc[15:24])]
    (['11 September 1911', '5 February 1971'], ['October 6, 1814', 'July 24, 1854'])
    """
    from kg.extract.constraints import names_a_time  # constraints imports the rules' helpers

    doc = inside.doc
    named = {t.i for e in doc.ents if inside.start <= e.start and e.end <= inside.end
             and e.label_ in {"DATE", "GPE", "LOC"} for t in e}
    tokens = [t for t in inside if not t.is_space]
    if not any(_dated(t) for t in tokens) or any(
            t.i not in named and not _dated(t) and t.lower_ not in _LIFE_WORDS and t.text not in DASHES
            and not (t.pos_ == "PROPN" and t.is_title) for t in tokens):  # places NER missed: "Bely, Tver Oblast"
        return []  # "(in office 1884–1888)", '("Gerry")': no lifespan
    words = {t.lower_ for t in tokens}
    dash = next((t for t in tokens if t.text in DASHES), None)
    if dash is None:
        date = _date_in(inside)
        if date is None or not names_a_time(date.text) or not words & (_BIRTH | _DEATH):
            return []  # "(1950)": a work's year as often as a birth's
        return [("deathDate" if words & _DEATH and not words & _BIRTH else "birthDate", date)]
    birth, death = _date_in(doc[inside.start:dash.i]), _date_in(doc[dash.i + 1:inside.end])
    if birth is None or death is None or not a_life(birth, death):
        return []
    return [(p, d) for p, d in (("birthDate", birth), ("deathDate", death)) if names_a_time(d.text)]


def _dated(token: Token) -> bool:
    """Whether a word can be part of a date: a number ("1911", "6") or a month ("May", "Sept.")."""
    return token.like_num or any(c.isdigit() for c in token.text) or token.lower_.rstrip(".") in MONTHS


def _date_in(span: Span) -> Span | None:
    """The first run of date words in ``span``, with the commas between them ("July 24, 1854")."""
    doc = span.doc
    first = next((t.i for t in span if _dated(t)), None)
    if first is None:
        return None
    end = first + 1
    while end < span.end and (_dated(doc[end]) or (
            doc[end].text == "," and end + 1 < span.end and _dated(doc[end + 1]))):
        end += 1
    return doc[first:end]


def a_life(birth: Span, death: Span) -> bool:
    """Whether two dates are far enough apart to be a life's, not a term's or a school's years
    ("Lynn Harrell (1986 – 1993)", "alumni include Sue Townsend (1946 - 1950)").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("1874 1932 1986 1993")
    >>> a_life(doc[0:1], doc[1:2]), a_life(doc[2:3], doc[3:4])
    (True, False)
    """
    born, died = years(birth.text), years(death.text)
    if not born or not died:
        return True  # no year to tell: "(3 May – 2 June 1950)" is rare, and not a term
    return lifelike(born[-1], died[-1])


def years(text: str) -> list[int]:
    """The years written in ``text``: ``years("3 May 1950 – 1932")`` is ``[1950, 1932]``."""
    return [int(y) for y in re.findall(r"\b\d{3,4}\b", text)]


def lifelike(first: int, last: int) -> bool:
    """Whether a life may span the years ``first`` to ``last`` (:data:`MIN_LIFE` to :data:`MAX_LIFE`).

    >>> lifelike(1874, 1932), lifelike(1986, 1993)
    (True, False)
    """
    return MIN_LIFE <= last - first <= MAX_LIFE


#: The years a lifespan's two dates may be apart.
MIN_LIFE, MAX_LIFE = 15, 120


def _relation(ctx: DocContext, prop: str, person: Arg, date: Span, sent: Span, conf: float) -> Relation:
    return Relation(
        subject=person.iri, predicate=prop, obj=date.text, doc_id=ctx.doc_id, sentence=ctx.sentence_text(sent),
        subject_span=(person.start_char, person.end_char), object_span=(date.start_char, date.end_char),
        confidence=conf, extractor="rule:lifespan", object_is_literal=True,
    )
