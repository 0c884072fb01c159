"""What a document's relations, taken together, rule out: applied once after every extractor.

``ontology/words.toml`` ``[rules] excludes`` lists pairs of properties "P Q":
when a sentence states P of two entities, the same sentence states Q of them
only with one of Q's own trigger words between the two names or on the parse
path between them. "Jane Doe was born in Mobile" gives ``bornIn`` and no
``livesIn``; "Jane Doe was born and raised in Mobile" gives both.

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Jane Doe was born in Mobile, Alabama.", "x"))
>>> sorted({r.predicate for r in graph.relations})
['bornIn', 'locatedIn']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from kg.extract.classifier import triggered
from kg.types import Relation

if TYPE_CHECKING:
    from kg.extract.context import DocContext


def exclusions(ctx: DocContext) -> dict[str, frozenset[str]]:
    """Property -> the properties it excludes for the same pair in the same sentence."""
    out: dict[str, set[str]] = {}
    for entry in ctx.lexicon.words.rules.get("excludes", ()):
        first, second = entry.split()
        out.setdefault(first, set()).add(second)
    return {k: frozenset(v) for k, v in out.items()}


def consistent(ctx: DocContext, relations: Iterable[Relation]) -> list[Relation]:
    """``relations`` less those another relation of the same pair and sentence excludes."""
    relations = list(relations)
    excludes = exclusions(ctx)
    if not excludes:
        return relations
    excluded = {(q, r.subject, r.obj, r.sentence) for r in relations
                for q in excludes.get(r.predicate, ())}
    return [r for r in relations
            if (r.predicate, r.subject, r.obj, r.sentence) not in excluded or triggered(ctx, r)]
