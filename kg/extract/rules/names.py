"""``rule:name``: a product named after an organisation the text names.

"Apple Maps", "Microsoft Azure": the maker's name starts the product's
mention, or its gazetteer name when the sentence names the maker too
("Microsoft has been making strides with Azure").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.resolve import name_key
from kg.extract.rules.args import Arg, arg, confidence, relation
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from kg.extract.context import DocContext


@extractors.register("name")
def brands(ctx: DocContext) -> Iterator[Relation]:
    """``develops`` from a product's name to the organisation it starts with."""
    spec = ctx.lexicon.properties.get("develops")
    if spec is None:
        return
    things = ctx.lexicon.words.rules["made_classes"]
    conf = confidence(ctx, "name")
    # names of the document's organisations, for products named after them
    organizations = {name_key(m.text): iri for iri, m in ctx.resolved.mentions
                     if m.cls == "Organization"}
    for sent in ctx.sentences:
        for token in ctx.named_tokens(sent):
            hit = ctx.resolved.by_token.get(token.i)
            product = arg(ctx, token)
            if hit is None or product is None or hit.cls not in things or hit.start != token.i \
                    or hit.anaphor:
                continue
            maker = _maker(organizations, hit.text)
            if maker is not None:
                span = (hit.start_char, hit.start_char + len(maker[1]))
            else:
                maker = _maker(organizations, ctx.labels.get(product.iri, ""))
                named = next((other for other in ctx.hits(sent)
                              if maker and other.iri == maker[0]), None)
                if maker is None or named is None:
                    continue
                span = named.char_span
            if maker[0] != product.iri:
                yield relation(ctx, spec, Arg(maker[0], "Organization", *span), product, sent,
                               "name", conf)


def _maker(organizations: dict[str, str], name: str) -> tuple[str, str] | None:
    """The organisation (IRI, name) whose name starts ``name``, if the text names one."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        iri = organizations.get(name_key(" ".join(words[:k])))
        if iri is not None:
            return iri, " ".join(words[:k])
    return None
