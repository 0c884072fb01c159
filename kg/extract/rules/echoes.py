"""The relations found before, again, with a pronoun's other evidence in the sentence.

Extractor ``echoes`` reads the relations of the extractors before it
(``ctx.relations``) and, sentence by sentence, restates each with other spans
of the same entity: "He was born in Paris, and his family lived there" is one
triple with "He" and "his" as evidence; "Kristine Perry and her husband
William Perry" gives (William Perry, spouse, "her") and, with the name just
before, (William Perry, spouse, "Kristine Perry").

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> text = "The team includes Kristine Perry and her husband William Perry."
>>> graph = extract(Document.from_text(text, "x"))
>>> sorted(text[slice(*r.object_span)] for r in graph.relations if r.extractor == "rule:title")
['Kristine Perry', 'her']
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kg.extract.context import DocContext


@extractors.register("echoes")
def echoes(ctx: DocContext) -> Iterator[Relation]:
    """Each earlier relation restated with the subject's pronouns, then with a pronoun end's name."""
    by_sentence: dict[int, list[Relation]] = {}
    for r in ctx.relations:
        by_sentence.setdefault(ctx.sentence_index(r.subject_span[0]), []).append(r)
    for index in sorted(by_sentence):
        sent = ctx.sentences[index]
        yield from _pronoun_echoes(ctx, by_sentence[index], sent)
        yield from _named_echoes(ctx, by_sentence[index], sent)


def _named_echoes(ctx: DocContext, relations: list[Relation], sent: Span) -> Iterator[Relation]:
    """The same relations again, with a pronoun end's name in the sentence as evidence."""
    names: dict[str, tuple[int, int]] = {}
    for hit in _token_hits(ctx, sent):
        if not hit.anaphor:
            names.setdefault(hit.iri, hit.char_span)
    anaphora = {hit.start_char for hit in _token_hits(ctx, sent) if hit.anaphor}
    for r in relations:
        for end, span in (("subject", r.subject_span), ("object", r.object_span)):
            iri = r.subject if end == "subject" else r.obj
            name = names.get(iri)
            if name is not None and name[0] < span[0] and span[0] in anaphora:
                yield replace(r, **{f"{end}_span": name})


def _pronoun_echoes(ctx: DocContext, relations: list[Relation], sent: Span) -> Iterator[Relation]:
    """The same relations again, with the subject's other pronouns in the sentence as evidence.

    A sentence that names the subject keeps the name as the only evidence.
    """
    spans: dict[str, set[tuple[int, int]]] = {}
    named: set[str] = set()
    for hit in _token_hits(ctx, sent):
        if hit.anaphor:
            spans.setdefault(hit.iri, set()).add(hit.char_span)
        else:
            named.add(hit.iri)
    for r in relations:
        if r.subject in named:
            continue
        for span in sorted(spans.get(r.subject, ())):
            if span != r.subject_span and span != r.object_span:
                yield replace(r, subject_span=span)


def _token_hits(ctx: DocContext, sent: Span) -> Iterable:  # type: ignore[type-arg]
    return (hit for t in range(sent.start, sent.end) for hit in [ctx.resolved.by_token.get(t)]
            if hit is not None)


def dedupe(relations: Iterable[Relation], seen: set[tuple] | None = None) -> list[Relation]:  # type: ignore[type-arg]
    """The relations without repeats (same triple, same spans) and without self-relations; a
    repeat that states as current what the first stated as held before makes it current ("the
    former chairman and current chief executive of X": leads X, now).

    >>> a = Relation("ex:a", "leads", "ex:b", "d", "s", (0, 1), (2, 3), 0.7, "rule:title", former=True)
    >>> [r.former for r in dedupe([a, replace(a, former=False), a])]
    [False]
    """
    seen = set() if seen is None else seen
    out: list[Relation] = []
    at: dict[tuple, int] = {}  # type: ignore[type-arg]
    for r in relations:
        key = (r.subject, r.predicate, r.obj, r.subject_span, r.object_span)
        if key not in seen and r.subject != r.obj:
            seen.add(key)
            at[key] = len(out)
            out.append(r)
        elif key in at and out[at[key]].former and not r.former:
            out[at[key]] = replace(out[at[key]], former=False)
    return out
