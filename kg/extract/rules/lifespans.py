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
from kg.extract.rules.args import Arg, arg, confidence
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span

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
                    or by_token[token.i].end - 1 != token.i or token.i + 1 >= sent.end \
                    or ctx.doc[token.i + 1].text != "(":
                continue
            close = next((k for k in range(token.i + 2, min(sent.end, token.i + 40))
                          if ctx.doc[k].text == ")"), None)
            if close is not None:
                for prop, date in _dates(ctx.doc[token.i + 2:close]):
                    yield _relation(ctx, prop, person, date, sent, conf)


def _dates(inside: Span) -> list[tuple[str, Span]]:
    """The (property, date) pairs the inside of a lifespan's parentheses states.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee (born 3 May 1950) and Tom Vale (1874 – 1932, London) met Kim (r. 1884–1888).")
    >>> [(p, d.text) for p, d in _dates(doc[3:7])], [(p, d.text) for p, d in _dates(doc[12:17])]
    ([('birthDate', '3 May 1950')], [('birthDate', '1874'), ('deathDate', '1932')])
    >>> _dates(doc[21:23])
    []
    """
    from kg.extract.constraints import names_a_time  # constraints imports the rules' helpers

    doc = inside.doc
    ents = [e for e in doc.ents if inside.start <= e.start and e.end <= inside.end]
    dates = [e for e in ents if e.label_ == "DATE"]
    named = {t.i for e in ents if e.label_ in {"DATE", "GPE", "LOC"} for t in e}
    if not dates or any(t.i not in named and t.lower_ not in _LIFE_WORDS and t.text not in DASHES for t in inside):
        return []  # "(in office 1884–1888)", '("Gerry")': no lifespan
    words = {t.lower_ for t in inside}
    if len(dates) == 1:
        date = dates[0]
        dash = next((t for t in date if t.text in DASHES), None)
        if dash is not None and dash.i > date.start:  # "(1874–1932)": NER's one date
            birth, death = doc[date.start:dash.i], doc[dash.i + 1:date.end]
            if not len(birth) or not len(death) or not a_life(birth, death):
                return []
            return [(p, d) for p, d in (("birthDate", birth), ("deathDate", death)) if names_a_time(d.text)]
        if not names_a_time(date.text) or not words & (_BIRTH | _DEATH):
            return []  # "(1950)": a work's year as often as a birth's
        return [("deathDate" if words & _DEATH and not words & _BIRTH else "birthDate", date)]
    dashed = any(t.text in DASHES for t in doc[dates[0].end:dates[1].start])
    if len(dates) != 2 or not dashed or not a_life(dates[0], dates[1]):
        return []
    return [(p, d) for p, d in zip(("birthDate", "deathDate"), dates) if names_a_time(d.text)]


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
