"""``rule:funding``: who invests in a company, as news of a funding round says it.

"Paystack has raised $8 million in Series A funding from Stripe, Visa and Tencent", "Byju's
has raised $460 million in its Series F round led by MC Global", "BuyMed netted $500,000 from
Cocoon": each investor ``investsIn`` the company that raised the money; "Nextrans and Cocoon
pledged $9 million for BuyMed" too. The money must be money (NER's MONEY, or a noun of
``ontology/words.toml`` ``funding_nouns``: "raised fresh capital from X"); a raise only hedged,
to come or denied ("is in talks to raise $700 million from investors") states nothing; a pledge
to come does ("SoftBank will invest $1 billion in Rappi").

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> text = "Paystack has raised $8 million in Series A funding from payment giants Stripe and Visa."
>>> g = extract(Document.from_text(text, "x"))
>>> label = {e.iri: e.label for e in g.entities}
>>> sorted((label[r.subject], label[r.obj]) for r in g.relations if r.predicate == "investsIn")
[('Stripe', 'Paystack'), ('Visa', 'Paystack')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.rules.args import args, confidence, future, hedged, negated, relation, subject
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.context import DocContext


@extractors.register("funding")
def funding(ctx: DocContext) -> Iterator[Relation]:
    """``investsIn`` from the investors of a funding round to the company that raised it."""
    spec = ctx.lexicon.properties.get("investsIn")
    if spec is None:
        return
    rules = ctx.lexicon.words.rules
    raising, pledging = frozenset(rules["raising_verbs"]), frozenset(rules["pledging_verbs"])
    nouns = frozenset(rules["funding_nouns"])
    conf = confidence(ctx, "funding")
    t, verbs = ctx.tokens, raising | pledging
    for sent in ctx.sentences:
        for i in range(sent.start, sent.end):  # the table's words: a Token is made for the verbs alone
            if t.pos[i] != "VERB" or t.lemma[i] not in verbs:
                continue
            verb, lemma = ctx.doc[i], t.lemma[i]
            if negated(ctx, verb) or hedged(ctx, verb) or (lemma in raising and future(verb)):
                continue  # "is in talks to raise", "will raise"; but "SoftBank will invest $1 billion in Rappi"
            money = [c for c in verb.children if c.dep_ == "dobj" and _money(c, nouns)]
            if not money:
                continue
            if lemma in raising:  # "X raised $8 million ... from Y": Y invests in X
                companies = args(ctx, subject(ctx, verb))
                investors = [a for t in _backers(verb, money, nouns) for a in args(ctx, t)]
            else:  # "Y pledged $9 million for X", "will invest $1 billion in X": Y invests in X
                investors = args(ctx, subject(ctx, verb))
                companies = [a for h in (verb, *money) for c in h.children
                             if c.dep_ == "prep" and c.lower_ in {"for", "in", "into"}
                             for t in c.children if t.dep_ == "pobj" for a in args(ctx, t)]
            for company in companies:
                for investor in investors:
                    if investor.iri != company.iri and spec.allows(investor.cls, company.cls):
                        yield relation(ctx, spec, investor, company, sent, "funding", conf)


def _money(token: Token, nouns: frozenset[str]) -> bool:
    """Whether a verb's object is money: NER's MONEY ("$8 million") or a funding noun ("capital")."""
    return token.ent_type_ == "MONEY" or token.lemma_.lower() in nouns


def _rounds(verb: Token, money: list[Token], nouns: frozenset[str]) -> list[Token]:
    """The round or funding a raise was "in" ("raised $8 million in Series A funding")."""
    return [t for h in (verb, *money) for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
            for t in c.children if t.dep_ == "pobj" and t.lemma_.lower() in nouns]


def _backers(verb: Token, money: list[Token], nouns: frozenset[str]) -> Iterator[Token]:
    """The words that name who put money into a raise: the object of "from" on the verb, on its
    money or on the round it was raised in ("in Series A funding from X"), and the agent of a
    round "led by" someone ("in its Series F round led by X")."""
    for head in (verb, *money, *_rounds(verb, money, nouns)):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                yield from (t for t in c.children if t.dep_ == "pobj")
            elif c.dep_ == "acl" and c.lemma_.lower() == "lead":  # "a round led by X"
                yield from (t for a in c.children if a.dep_ == "agent" for t in a.children if t.dep_ == "pobj")

