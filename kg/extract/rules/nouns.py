"""``rule:noun``: a relational noun (``kg:nounTrigger``).

"Apple's use of AWS", "the collaboration between Apple and AWS"; and a noun said of an
organisation that puts it under another (``ontology/words.toml`` ``[rules] subsidiary_nouns``,
``parent_nouns``): "Harlow Foods, a unit of Harlow Group", "Harlow Group, the parent
company of Harlow Foods" (Harlow Foods is the subsidiary either way).

>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> text = "Harlow Group, the parent company of Harlow Foods Plc, grew in Lagos."
>>> [(r.subject.rsplit("/")[-1], r.obj.rsplit("/")[-1]) for r in extract(Document.from_text(text, "x")).relations
...  if r.predicate == "subsidiaryOf"]
[('Harlow_Foods_Plc', 'Harlow_Group')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.classes import noun_class
from kg.extract.rules.args import (
    Arg,
    arg,
    args,
    confidence,
    fitting,
    negated,
    planned,
    pobj,
    relation,
    subject,
)
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.context import DocContext
    from kg.lexicon import PropertySpec


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
            if _unrealised(ctx, noun):
                continue
            preps = [c for c in noun.children if c.dep_ == "prep"]
            owners = [a for c in noun.children if c.dep_ == "poss" for a in args(ctx, c)]
            agent = None if owners else _agent(noun, preps)
            if agent is not None:  # "the acquisition of Kestrel Foods by Marlow Holdings": Marlow's
                owners = args(ctx, pobj(agent))
                preps = [c for c in preps if c.lower_ == "of"]
            elif agents := [a for c in preps if c.lower_ == "by" for a in args(ctx, pobj(c))]:
                if not owners and noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
                    # "Before its acquisition by Moniepoint, Kopo Kopo was valued ...": Kopo Kopo's
                    owners = args(ctx, subject(ctx, noun.head.head))
                for s, o in ((s, o) for s in agents for o in owners):  # "its acquisition by CBS": CBS acquired it
                    yield relation(ctx, fitting(specs, s.cls, o.cls), s, o, sent, "noun", conf)
                continue  # the one "by" names is the doer, never the object
            if not owners and noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
                # "Apple's aspirations to grow amid competition from rivals": the clause's subject
                owners = args(ctx, subject(ctx, noun.head.head))
            owned = not owners and noun.dep_ == "dobj" and noun.head.lemma_ in ctx.lexicon.words.rules["owning_verbs"]
            if owned and planned(ctx, noun.head):
                continue  # "said it will acquire the remaining stake in RGE": not yet
            if owned:  # "Lixil acquired a 51% stake in Sentini", "Vireo announced a partnership with Kestrel"
                owners = args(ctx, subject(ctx, noun.head))
                specs = _controlling(ctx, noun, specs) if len(owners) == 1 else specs  # "Nissin, First Pacific take 60%"
            for prep in preps:
                if owned and prep.lower_ not in _RELATING:
                    continue  # "announced a partnership with the Smithsonian on its Race Initiative"
                objects = args(ctx, pobj(prep), maker=True) or _named_after(ctx, pobj(prep))
                share = None if objects or prep.lower_ != "of" else share_of(ctx, pobj(prep))
                if share is not None:  # "the purchase of 67% of Kestrel Foods", "of a 30% stake in X"
                    objects, specs = args(ctx, share[0], maker=True), share[1] or specs
                if prep.lower_ == "between" and len(objects) >= 2:
                    pairs = [(objects[0], o) for o in objects[1:]]
                else:
                    pairs = [(s, o) for s in owners for o in objects]
                for s, o in pairs:
                    spec = fitting(specs, s.cls, o.cls)
                    if not owned or spec.allows(s.cls, o.cls):  # a person announcing a deal speaks for a firm
                        yield relation(ctx, spec, s, o, sent, "noun", conf)
        yield from _ownership(ctx, sent, conf)
        yield from _holdings(ctx, sent, conf)


def _holdings(ctx: DocContext, sent: Span, conf: float) -> Iterator[Relation]:
    """What one company holds of another, said by a verb of holding or a holder's noun: "X owns
    20% of Y", "X, which controls 30 percent of Y", "Y is 35% owned by X" (``investsIn``; over
    half of it: Y ``subsidiaryOf`` X), "Y's parent company X" (``subsidiaryOf``), "X, Y's biggest
    shareholder" (``investsIn``; ``words.toml`` ``holding_verbs``, ``holder_nouns``).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Kessel Group owns 20% of Rell Bank. "
    ...                                "Vexa Holdings is 60% owned by Zentro Capital.", "x"))
    >>> sorted((r.subject.rsplit("/")[-1], r.predicate, r.obj.rsplit("/")[-1]) for r in g.relations)
    [('Kessel_Group', 'investsIn', 'Rell_Bank'), ('Vexa_Holdings', 'subsidiaryOf', 'Zentro_Capital')]
    """
    rules, props = ctx.lexicon.words.rules, ctx.lexicon.properties
    holding, holders, parents = rules["holding_verbs"], rules["holder_nouns"], rules["parent_nouns"]
    if "investsIn" not in props or "subsidiaryOf" not in props:
        return

    def held(owner: Arg, owned: Arg, percent: float | None) -> Iterator[Relation]:
        if owner.iri == owned.iri:
            return
        if percent is not None and percent > 50:  # control: the owned is the owner's
            if props["subsidiaryOf"].allows(owned.cls, owner.cls):
                yield relation(ctx, props["subsidiaryOf"], owned, owner, sent, "noun", conf)
        elif props["investsIn"].allows(owner.cls, owned.cls):
            yield relation(ctx, props["investsIn"], owner, owned, sent, "noun", conf)

    t = ctx.tokens  # the table: a Token's strings are made at each read, and this reads every word
    for i in range(sent.start, sent.end):
        if t.pos[i] not in {"VERB", "NOUN"} or (t.lemma[i] not in holding and t.lower[i] not in holders | parents):
            continue
        token = ctx.doc[i]
        if token.pos_ == "VERB" and token.lemma_.lower() in holding and not planned(ctx, token) \
                and not negated(ctx, token):
            passive = token.tag_ == "VBN" and any(c.dep_ in {"auxpass", "agent"} for c in token.children)
            amounts = [c for c in token.children if c.dep_ in ({"npadvmod", "advmod"} if passive else {"dobj"})
                       and c.lower_ in {"%", "percent"}]
            for amount in amounts:
                percent = _percent(amount)
                if passive:  # "Safaricom is 35% owned by Vodacom"
                    owners = [a for c in token.children if c.dep_ == "agent" for a in args(ctx, pobj(c))]
                    said = token.head if token.dep_ == "acomp" else token  # "X is 60% owned": "is X owned"
                    owned = args(ctx, subject(ctx, said))
                else:  # "Exor, which controls 30 percent of Stellantis"
                    share = share_of(ctx, amount)
                    owners = args(ctx, subject(ctx, token))
                    owned = args(ctx, share[0]) if share is not None else []
                for a in owners:
                    for b in owned:
                        yield from held(a, b, percent)
        elif token.pos_ == "NOUN" and token.lower_ in holders | parents:
            chain = [token]  # "Coles' parent company Wesfarmers": up the compounds to the name
            while chain[-1].dep_ == "compound" and chain[-1].head.i > chain[-1].i:
                chain.append(chain[-1].head)
            top = chain[-1]
            named = args(ctx, top) if top is not token else args(ctx, token.head) \
                if token.dep_ == "appos" and token.head.i < token.i else []  # "Temasek, DBS Bank's shareholder"
            whose = [a for t in chain for c in t.children if c.dep_ == "poss" for a in args(ctx, c)]
            for a in named:
                for b in whose:
                    if token.lower_ in parents:  # "Coles' parent company Wesfarmers"
                        if a.iri != b.iri and props["subsidiaryOf"].allows(b.cls, a.cls):
                            yield relation(ctx, props["subsidiaryOf"], b, a, sent, "noun", conf)
                    else:  # "Temasek, DBS Bank's biggest shareholder"
                        yield from held(a, b, None)


def _named_after(ctx: DocContext, noun: Token | None) -> list[Arg]:
    """The name right after a noun that says what it is, where the parser hangs it elsewhere:
    "its acquisition of US athleticwear chain The Finish Line" (the chain is The Finish Line).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Vexa completed its acquisition of US athleticwear "
    ...                                             "chain The Finish Line in a deal worth $558m.", "x"))
    >>> [ctx.text[a.start_char:a.end_char] for a in _named_after(ctx, ctx.doc[7])]
    ['The Finish Line']
    """
    if noun is None or noun.i + 1 >= len(noun.doc) or noun_class(noun, ctx.lexicon) not in {"Organization", "Product"}:
        return []
    named = arg(ctx, noun.doc[noun.i + 1])
    return [named] if named is not None and named.cls in {"Organization", "Product"} else []


def _unrealised(ctx: DocContext, noun: Token) -> bool:
    """Whether a relational noun states a deal that is only planned or that did not happen:
    "the proposed acquisition of X", "talks on a possible partnership", "plans for a takeover",
    "abandoned its bid", "the acquisition ... was blocked", "speculation that it was in the fray for
    a stake" (``ontology/words.toml`` ``hedges``, ``abandoning``); not one a verb of
    ``completing_verbs`` says is done ("completed its planned takeover").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "Vireo abandoned its planned takeover of Kestrel. Vireo completed its planned takeover of Brevant."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> _unrealised(ctx, ctx.doc[4]), _unrealised(ctx, ctx.doc[12])
    (True, False)
    """
    rules = ctx.lexicon.words.rules
    hedges, abandoning = rules["hedges"], rules["abandoning"]
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ == "dobj" and governor.lemma_.lower() in rules["completing_verbs"]:
        return False  # "completed its planned acquisition of X": done now
    if any(c.dep_ in {"amod", "compound"} and (c.lemma_.lower() in hedges or c.lower_ in hedges)
           for c in noun.children):
        return True
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"} and (
            governor.lemma_.lower() in abandoning or governor.lemma_.lower() in hedges):
        return True
    node = noun  # "market speculation that it was in the fray for a stake in Cipla": only said to be
    while node.head.i != node.i:
        if node.dep_ in {"acl", "ccomp"} and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in hedges:
            return True
        node = node.head
    return False


def _agent(noun: Token, preps: list[Token]) -> Token | None:
    """The "by" of a relational noun with an "of" ("the takeover of Brightwater by Orion"),
    where the parser hangs it on the noun or on the "of"'s object ("the purchase of Sable
    Mining by Gold Fields").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The takeover of Brightwater Telecom by Orion Group was completed.")
    >>> _agent(doc[1], [c for c in doc[1].children if c.dep_ == "prep"]).i
    5
    """
    of = next((c for c in preps if c.lower_ == "of"), None)
    if of is None or (owned := pobj(of)) is None:
        return None
    return next((c for c in (*preps, *owned.children) if c.dep_ == "prep" and c.lower_ == "by" and c.i > owned.i),
                None)


#: Prepositions that name the other end of a relational noun a verb's subject owns ("acquired a
#: stake in", "completed the acquisition of", "announced a partnership with"); not "on", "for" or
#: "at" (what or where it is about), nor "from" (a seller).
_RELATING = frozenset({"of", "in", "with", "between", "into", "among"})


def share_of(ctx: DocContext, amount: Token | None) -> tuple[Token | None, list[PropertySpec]] | None:
    """What a share a deal's noun takes is of, and the property its size states: "(the
    purchase of) 67% of X" takes X over (``acquired``), "a 10% stake in X" invests in it, "a
    majority of X" takes it over; None where the noun's object is no share.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Vireo completed the purchase of 67% of Kestrel.", "x"))
    >>> whose, specs = share_of(ctx, ctx.doc[6])
    >>> whose.text, [s.name for s in specs]
    ('Kestrel', ['acquired'])
    >>> ctx = Pipeline().context(Document.from_text("Vireo bought an 87.61 percent stake in Kestrel.", "x"))
    >>> whose, specs = share_of(ctx, ctx.doc[5])
    >>> whose.text, [s.name for s in specs]
    ('Kestrel', ['acquired'])
    """
    if amount is None:
        return None
    words = ctx.lexicon.words.rules
    percent = _percent(amount)
    if amount.lower_ not in {"%", "percent", "stake", "share", "shares", "majority"} and percent is None:
        return None
    inner = next((c for c in amount.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}), None)
    if inner is None:
        return None
    props = ctx.lexicon.properties
    controlling = amount.lower_ == "majority" or any(c.lower_ in words["controlling_words"] for c in amount.children) \
        or (percent is not None and percent > 50)
    name = "acquired" if controlling else "investsIn"
    return pobj(inner), [props[name]] if name in props else []


def _percent(amount: Token) -> float | None:
    """The percentage a share's noun is written with ("67%", "an 87.61 percent stake"), if any."""
    number = next((c for c in (amount, *amount.lefts, *(g for c in amount.lefts for g in c.lefts))
                   if c.ent_type_ in {"PERCENT", "MONEY"} and c.like_num), None)
    if number is None or not number.text.replace(".", "", 1).isdigit():
        return None
    return float(number.text)


def _controlling(ctx: DocContext, noun: Token, specs: list[PropertySpec]) -> list[PropertySpec]:
    """``acquired`` for a stake that gives control, bought or taken ("acquired a majority stake
    in Sentini", "bought a 67% stake": a takeover, ``ontology/words.toml`` ``controlling_words``);
    else ``specs``."""
    words = ctx.lexicon.words.rules
    acquired = ctx.lexicon.properties.get("acquired")
    if acquired is None or noun.lemma_ != "stake" or noun.head.lemma_ in {"hold", "own"}:
        return specs
    percent = _percent(noun)
    if not any(c.lower_ in words["controlling_words"] for c in noun.children) and (percent is None or percent <= 50):
        return specs
    return [acquired]


def _ownership(ctx: DocContext, sent: Span, conf: float) -> Iterator[Relation]:
    """``subsidiaryOf`` from a noun said of an organisation, in apposition or after "is":
    "X, a subsidiary of Y", "X is a unit of Y"; "Y, the parent company of X"."""
    spec = ctx.lexicon.properties.get("subsidiaryOf")
    rules = ctx.lexicon.words.rules
    if spec is None:
        return
    pos = ctx.tokens.pos
    for i in range(sent.start, sent.end):
        if pos[i] != "NOUN":
            continue
        noun = ctx.doc[i]
        words = {noun.lower_, *(f"{c.lower_} {noun.lower_}" for c in noun.children if c.dep_ == "compound")}
        under, over = bool(words & rules["subsidiary_nouns"]), bool(words & rules["parent_nouns"])
        if not (under or over):
            continue
        if noun.dep_ == "appos":
            said_of = noun.head
        elif noun.dep_ == "attr" and noun.head.lemma_ in rules["copulas"]:
            said_of = subject(ctx, noun.head)
        else:
            continue
        described = args(ctx, said_of)
        if noun.dep_ == "appos" and noun.tag_ == "NN":  # "X, a subsidiary of Y, and Z": X's alone
            described = sorted((a for a in described if a.end_char <= noun.idx), key=lambda a: a.start_char)[-1:]
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for a in described:
                for b in args(ctx, pobj(prep)):
                    s, o = (a, b) if under else (b, a)
                    if s.iri != o.iri and spec.allows(s.cls, o.cls):
                        yield relation(ctx, spec, s, o, sent, "noun", conf)
