"""``rule:possessive``: "Amazon's Trainium2 chip" for properties marked ``kg:possessive``.

The direction follows domain and range: "Apple's Benoit Dupin" gives Dupin
worksFor Apple. A property ``ontology/words.toml`` lists in
``possessor_is_organization`` needs the organisation as the possessor ("her
List A debut" states no employment), unless the organisation is one people
belong to (:func:`~kg.extract.rules.args.member_body`: "Smith's Labour Party").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.rules.args import arg, confidence, member_body, relation
from kg.extract.rules.titles import is_title
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from kg.extract.context import DocContext


#: Classes of things no person belongs to: a possessor of one of them before a person's name is a misread name.
_THINGS = frozenset({"Product", "Technology"})


@extractors.register("possessive")
def possessives(ctx: DocContext) -> Iterator[Relation]:
    """Relations between a possessor and the name it qualifies, sentence by sentence."""
    specs = [s for s in ctx.lexicon.properties.values() if s.possessive]
    conf = confidence(ctx, "possessive")
    owner_is_object = ctx.lexicon.words.rules.get("possessor_is_organization", frozenset())
    channels = ctx.lexicon.words.rules.get("channel_nouns", frozenset())
    t = ctx.tokens
    for sent in ctx.sentences:
        for i in range(sent.start, sent.end):
            if t.dep[i] != "poss":
                continue
            token = head = ctx.doc[i]
            if t.word(i) == ")":  # "Lok Janshakti Party (LJP)'s Pashupati Paras": the name before the brackets
                opening = next((k for k in range(i - 1, max(sent.start, i - 6), -1) if t.word(k) == "("), None)
                if opening is None:
                    continue
                token = ctx.doc[opening - 1]
            owner = arg(ctx, token)
            head = head.head
            if owner is None or is_title(ctx, head):
                continue
            owned = arg(ctx, head)
            if owned is None and owner.cls != "Person" and head.lower_ not in channels:
                # "his NBA career", "her List A debut": no employer; "its Twitter account": not its;
                # a person naming the thing is no one's ("its Goliath gold project", NER's person)
                owned = next((a for c in head.children if c.dep_ in {"compound", "nmod", "amod"}
                              for a in [arg(ctx, c)] if a and a.cls != "Person"), None)
            if owned is None or owned.iri == owner.iri:
                continue
            if owned.cls == "Person" and owner.cls in _THINGS:
                continue  # "Maersk's Soren Toft", NER's product: a thing has no people; he develops nothing
            for spec in specs:
                if spec.name in owner_is_object and owner.cls != "Organization" and not member_body(
                        ctx, owned.start_char, owned.end_char):
                    continue  # "his List A debut", "Rodin's The Thinker"; "Smith's party" is his
                if spec.allows(owner.cls, owned.cls):
                    yield relation(ctx, spec, owner, owned, sent, "possessive", conf)
                elif spec.allows(owned.cls, owner.cls):
                    yield relation(ctx, spec, owned, owner, sent, "possessive", conf)
