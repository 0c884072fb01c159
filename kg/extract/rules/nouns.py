"""``rule:noun``: a relational noun (``kg:nounTrigger``).

"Apple's use of AWS", "the collaboration between Apple and AWS".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.rules.args import args, confidence, fitting, pobj, relation, subject
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from kg.extract.context import DocContext


@extractors.register("noun")
def nouns(ctx: DocContext) -> Iterator[Relation]:
    """Relations stated by relational nouns, sentence by sentence."""
    table = ctx.lexicon.triggers.nouns
    conf = confidence(ctx, "noun")
    t = ctx.tokens
    for sent in ctx.sentences:
        for i in range(sent.start, sent.end):
            specs = table.get(t.lemma[i]) or table.get(t.lower[i])
            if not specs or t.pos[i] not in {"NOUN", "PROPN"}:
                continue
            noun = ctx.doc[i]
            preps = [c for c in noun.children if c.dep_ == "prep"]
            owners = [a for c in noun.children if c.dep_ == "poss" for a in args(ctx, c)]
            if not owners and noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
                # "Apple's aspirations to grow amid competition from rivals": the clause's subject
                owners = args(ctx, subject(ctx, noun.head.head))
            for prep in preps:
                objects = args(ctx, pobj(prep), maker=True)
                if prep.lower_ == "between" and len(objects) >= 2:
                    pairs = [(objects[0], o) for o in objects[1:]]
                else:
                    pairs = [(s, o) for s in owners for o in objects]
                for s, o in pairs:
                    yield relation(ctx, fitting(specs, s.cls, o.cls), s, o, sent, "noun", conf)
