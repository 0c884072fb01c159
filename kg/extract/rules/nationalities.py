"""``rule:nationality``: a demonym before a person's role.

"X is a Belgian engineer", "X, an American businessman": the demonym's country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.rules.args import arg, confidence, relation
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from kg.extract.context import DocContext


@extractors.register("nationality")
def nationalities(ctx: DocContext) -> Iterator[Relation]:
    """Nationalities stated by demonyms, sentence by sentence."""
    spec = ctx.lexicon.properties.get("nationality")
    if spec is None:
        return
    conf = confidence(ctx, "nationality")
    for sent in ctx.sentences:
        for token in sent:
            place = arg(ctx, token)
            if place is None or place.cls != "Place" or token.dep_ not in {"amod", "compound", "nmod"}:
                continue
            noun = token.head
            if noun.i in ctx.resolved.by_token:  # a name ("San Fernando", "Chhattisgarh"), not a role
                continue
            people = []
            if noun.dep_ in {"attr", "appos"} or noun.head.dep_ == "appos":
                holder = noun.head
                if noun.dep_ == "attr":
                    holder = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), holder)
                people = [a for a in [arg(ctx, holder)] if a and a.cls == "Person"]
            for person in people:
                yield relation(ctx, spec, person, place, sent, "nationality", conf)
