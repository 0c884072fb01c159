"""``rule:svo``: a verb whose lemma (with a preposition, optionally) is a trigger.

"Apple uses AWS", "Apple was founded by Steve Jobs", "Microsoft is
headquartered in Redmond" (``kg:activeTrigger``, ``kg:inverseTrigger``);
subjects are inherited through "is focused on using", "known to utilize".
Negated or counterfactual verbs state nothing; hedged ones lose confidence.

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Apple uses AWS. Microsoft is headquartered in Redmond.", "x"))
>>> sorted((r.predicate, r.extractor) for r in graph.relations)
[('headquarteredIn', 'rule:svo'), ('uses', 'rule:svo')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from kg.extract.rules.args import (
    Arg,
    arg,
    args,
    casts,
    confidence,
    conjuncts,
    formerly,
    future,
    hedged,
    negated,
    pobj,
    relation,
    subject,
)
from kg.extract.rules.nouns import share_of
from kg.lexicon import PropertySpec
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext


@extractors.register("svo")
def svo(ctx: DocContext) -> Iterator[Relation]:
    """Relations stated by trigger verbs, sentence by sentence."""
    for sent in ctx.sentences:
        yield from _sentence(ctx, sent)


def _of_a_date(prep: Token) -> bool:
    """Whether a preposition's object is a date ("on April 21, 1986", "In 1833")."""
    return any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in prep.children)


def _joined_in_doing(verb: Token) -> bool:
    """Whether "join" says the subject took part in what its object did ("joined Tom Roe in
    calling for a ban", "have joined the District Council in signing a letter"), no membership.

    >>> from kg.extract.nlp import load_nlp
    >>> _joined_in_doing(load_nlp()("Ann Vell joined Tom Roe in calling for a ban.")[2])
    True
    >>> _joined_in_doing(load_nlp()("Ann Vell joined Acme in 2001.")[2])
    False
    """
    return verb.lemma_.lower() == "join" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in verb.children)


def _sentence(ctx: DocContext, sent: Span) -> Iterator[Relation]:
    verb_triggers = ctx.lexicon.triggers.verbs
    t = ctx.tokens
    for i in range(sent.start, sent.end):
        triggers = verb_triggers.get(t.lemma[i])
        if not triggers or t.pos[i] not in {"VERB", "AUX"}:
            continue
        verb = ctx.doc[i]
        if negated(ctx, verb) or _hyphened(ctx.doc, i):
            continue
        preps: dict[str, Token] = {}  # a preposition's first of a name's, and the first of a date's:
        dated: dict[str, Token] = {}  # "born in X on November 12, 1960 and ordained priest on April 21, 1986"
        for c in verb.children:  # (the parse hangs both on "born"), "In 1833 ... was born in North Bend",
            if c.dep_ in {"prep", "agent", "dative"}:  # "founded in London in 2010"
                (dated if _of_a_date(c) else preps).setdefault(c.lower_, c)
        preps = {**dated, **preps}
        if casts(ctx, verb):
            continue  # "establishing Grupo Bimbo as the largest bakery firm": no founding
        if _joined_in_doing(verb):
            continue  # "councils have joined Waimakariri District Council in signing a letter": no member
        for child in verb.children:  # "born 7 May 1932 in Metz": the place hangs on the date
            if child.ent_type_ == "DATE" and child.dep_ in {"npadvmod", "dobj", "tmod", "oprd"}:
                for c in child.children:
                    if c.dep_ == "prep":
                        preps.setdefault(c.lower_, c)
        is_hedged, was = hedged(ctx, verb), formerly(ctx, verb)  # "previously worked at X"
        only_planned = is_hedged or future(verb)  # :func:`planned`, reading hedged once
        conf = confidence(ctx, "svo") * (ctx.lexicon.words.discount["hedge"] if is_hedged else 1.0)
        found: dict[tuple[str, str], list[tuple[PropertySpec, Arg, Arg]]] = {}
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        for words, specs, inverse in triggers:
            if len(words) == 2 and words[1] in particles:
                words = words[:1]  # "set up", "spun off": the verb and its particle act as one verb
            elif len(words) == 2 and words[1] not in preps:
                continue
            for spec in specs:
                if only_planned and spec.name in ctx.lexicon.words.rules.get("done_only", ()):
                    continue  # "plans to acquire Distell", "will buy Zentro": no acquisition yet
                if spec.literal:
                    yield from _dated(ctx, spec, verb, words, {**preps, **dated}, sent, conf)
                    continue
                share = _bought_share(ctx, verb, spec) if len(words) == 1 and not inverse else None
                if share is not None:  # "agreed to buy 40 percent of Patria": a stake in it
                    whose, stated = share
                    spec = stated[0] if stated else spec
                    pairs = [(s, o) for s in args(ctx, subject(ctx, verb)) for o in args(ctx, whose, maker=True)]
                else:
                    pairs = list(_pairs(ctx, verb, words, preps, inverse, spec.symmetric))
                if spec.name == "subsidiaryOf" and _part_owned(verb) and "investsIn" in ctx.lexicon.properties:
                    spec = ctx.lexicon.properties["investsIn"]  # "35% owned by Vodacom": a stake, no parent
                    pairs = [(o, s) for s, o in pairs]
                if spec.name == "worksFor" and inverse:  # "PM Sharif appointed X as chairman of the JCSC"
                    pairs = [(s, o) for s, o in pairs if not _appointed_elsewhere(ctx, verb, o)]
                if spec.name == "worksFor" and not inverse and _joined_to_study(verb) \
                        and "educatedAt" in ctx.lexicon.properties:
                    spec = ctx.lexicon.properties["educatedAt"]  # "joined the University of X, where he studied"
                pairs += _co_agents(ctx, spec, verb, preps, pairs, inverse)
                for s, o in pairs:
                    found.setdefault((s.iri, o.iri), []).append((spec, s, o))
        for options in found.values():
            # a pair several triggers fit: keep the properties whose domain and
            # range fit, or the first (it goes to the quarantine graph)
            fits = [x for x in options if x[0].allows(x[1].cls, x[2].cls)] or options[:1]
            for spec, s, o in fits:
                yield relation(ctx, spec, s, o, sent, "svo", conf, former=was)


def _joined_to_study(verb: Token) -> bool:
    """Whether a "join" is a student's: "joined the University of Clermont-Ferrand, where he
    studied physics", "joined Nyenga Seminary", "joined the college to study law".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tom Roe joined Kessel University, where he studied law. Ann Lee joined Acme.")
    >>> [_joined_to_study(t) for t in doc if t.lemma_ == "join"]
    [True, False]
    """
    if verb.lemma_ != "join":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lower_ in _SEMINARIES for o in objects):
        return True
    after = min((o.i for o in objects), default=len(verb.doc))  # "joined X in France, where he studied"
    clauses = [c for c in verb.subtree if c.dep_ == "relcl" and c.i > after] + \
        [c for c in verb.children if c.dep_ in {"xcomp", "advcl"}]
    return any(c.lemma_ in _STUDYING for c in clauses)


#: Verbs of a student's: a "join" with one after it is a school's student's.
_STUDYING = frozenset({"study", "enrol", "enroll", "train", "graduate", "major"})
#: Schools one joins as a pupil.
_SEMINARIES = frozenset({"seminary", "seminaries", "novitiate"})


def _appointed_elsewhere(ctx: DocContext, verb: Token, employer: Arg) -> bool:
    """Whether the one a verb of hiring names as employer only appointed: a person appointing
    ("PM Sharif has appointed Lt Gen Mirza as the chairman of ...": a government's post, no
    employment by Sharif), or one whose "as" title names another organisation ("Kessel Group
    appointed Ann Vell as chairman of Zentro Bank": Zentro's chairman).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Kessel Group appointed Ann Vell as chairman of Zentro Bank.", "x"))
    >>> sorted((r.predicate, r.obj.rsplit("/")[-1]) for r in g.relations if r.predicate in {"worksFor", "leads"})
    [('leads', 'Zentro_Bank')]
    """
    if employer.cls == "Person" and verb.lemma_ in ctx.lexicon.words.rules["appointing_verbs"]:
        return True
    titles = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
              for p in c.children if p.dep_ == "pobj"]
    return any(o.cls == "Organization" and o.iri != employer.iri
               for title in titles for c in title.children if c.dep_ == "prep" and c.lower_ in {"of", "at"}
               for o in args(ctx, pobj(c)))


def _hyphened(doc: Doc, i: int) -> bool:
    """Whether the verb at ``i`` ends a hyphened modifier, no verb of the clause: "Anil Ambani-
    controlled Reliance Infrastructure", "the state-owned Saudi Aramco" (whose subject the parser
    may take from the sentence's main verb).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The Ambani- controlled firm and the state-owned bank - acquired in 2010 - grew.")
    >>> [doc[i].text for i in range(len(doc)) if _hyphened(doc, i)]
    ['controlled', 'owned']
    """
    if i == 0:
        return False
    before = doc[i - 1]
    return len(before.text) > 1 and before.text.endswith("-") \
        or before.text == "-" and i >= 2 and not doc[i - 2].whitespace_


def _dated(ctx: DocContext, spec: PropertySpec, verb: Token, words: list[str], preps: dict,  # type: ignore[type-arg]
           sent: Span, conf: float) -> Iterator[Relation]:
    """A date literal: "founded in 1998", "born on 4 May 1970"."""
    if len(words) == 2:
        date = pobj(preps[words[1]])
    else:  # "born May 24, 1977": a date right under the verb
        date = next((c for c in verb.children if c.ent_type_ == "DATE" and c.dep_ != "prep"), None)
    if date is None or date.ent_type_ != "DATE":
        return
    span = next(e for e in ctx.doc.ents if e.start <= date.i < e.end)
    made = next((c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ != "DATE"), None)
    for s in args(ctx, made if made is not None else subject(ctx, verb)):  # "X founded Y in 1998": Y's date
        if spec.allows(s.cls, None):
            yield Relation(
                subject=s.iri, predicate=spec.name, obj=span.text, doc_id=ctx.doc_id,
                sentence=ctx.sentence_text(sent), subject_span=(s.start_char, s.end_char),
                object_span=(span.start_char, span.end_char), confidence=conf,
                extractor="rule:svo", object_is_literal=True,
            )


def _bought_share(ctx: DocContext, verb: Token, spec: PropertySpec):  # type: ignore[no-untyped-def]
    """What share of what an active verb of buying takes, and the property its size states
    (:func:`kg.extract.rules.nouns.share_of`): "acquired 30% of Zentro" invests in Zentro,
    "bought 67% of Zentro" takes it over; None where its object is no share.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Vexa Capital acquired 30% of Zentro Inc last year.", "x"))
    >>> [(r.predicate, r.obj.rsplit("/", 1)[-1]) for r in g.relations]
    [('investsIn', 'Zentro_Inc')]
    """
    if spec.name != "acquired" or any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None if dobj is None or args(ctx, dobj) else share_of(ctx, dobj)


def _part_owned(verb: Token) -> bool:
    """Whether a verb of owning says its owners hold at most half: "The company, 35% owned by
    Vodacom and 5% by Vodafone" (stakes), not "a wholly owned unit" nor "67% owned by X".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Kessel, 35% owned by Vexa and 5% by Zentro, grew. Orvex is 67% owned by Vexa.")
    >>> _part_owned(doc[4]), _part_owned(doc[20])
    (True, False)
    """
    if verb.lemma_ != "own":
        return False
    shares = [float(n.text) for c in verb.children if c.ent_type_ == "PERCENT" and c.dep_ in {"npadvmod", "conj", "advmod"}
              for n in (c, *c.children) if n.like_num and n.text.replace(".", "", 1).isdigit()]
    return bool(shares) and max(shares) <= 50


def _pairs(ctx: DocContext, verb: Token, words: list[str], preps: dict,  # type: ignore[type-arg]
           inverse: bool, symmetric: bool = False) -> Iterator[tuple[Arg, Arg]]:
    """The (subject, object) pairs the verb relates; a symmetric property's verb with no
    object relates its two conjoined subjects ("Tom Hale and Nina Roe married in 1990")."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    subj = subject(ctx, verb)
    modified = _modified(ctx, verb) if "by" in preps else None
    if modified is not None:  # "Mistral AI, the Paris startup founded by Arthur Mensch"
        passive, subj = True, modified
    if len(words) == 2:  # "rely on", "headquartered in": the subject, the preposition's object
        agents, patients = args(ctx, subj), _prepositions_objects(ctx, preps[words[1]])
    elif passive:
        agents = args(ctx, pobj(preps.get("by")))
        patients = args(ctx, subj)
    else:
        agents = args(ctx, subj)
        objects = [c for c in verb.children if c.dep_ in {"dobj", "attr"}] or _adverb_object(ctx, verb)
        patients = args(ctx, objects[0] if objects else None, maker=True)
        people = [p for c in objects if (p := arg(ctx, c)) is not None and p.cls == "Person"]
        if people:  # "tapped WSJ managing editor Robert Thomson" (two objects to the parser): Thomson
            patients = people[:1]
    if symmetric and not patients and not passive and len(words) == 1 and len(agents) == 2:
        yield agents[0], agents[1]
    for a in agents:
        for p in patients:
            yield (p, a) if inverse else (a, p)


def _adverb_object(ctx: DocContext, verb: Token) -> list[Token]:
    """A name right after a verb with no object that the parser took for an adverb: the
    object ("Sam Dube, 45, now runs MTN.": "MTN" an adverb to the parser).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Sam Dube, 45, now runs MTN.", "x"))
    >>> [(r.predicate, r.obj.rsplit("/", 1)[-1]) for r in g.relations]
    [('leads', 'MTN')]
    """
    k = verb.i + 1
    if k >= len(ctx.doc):
        return []
    after = ctx.doc[k]
    return [after] if after.head.i == verb.i and after.dep_ in {"advmod", "npadvmod"} and after.pos_ == "PROPN" \
        and after.ent_type_ != "DATE" and arg(ctx, after) is not None else []


def _prepositions_objects(ctx: DocContext, prep: Token) -> list[Arg]:
    """The names the preposition takes, with those of the same preposition joined to it:
    "worked at AMD and at LSI Logic" (both).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Ann Lee worked at Vexa Labs and at Zentro Systems.", "x"))
    >>> sorted(r.obj.rsplit("/", 1)[-1] for r in g.relations if r.predicate == "worksFor")
    ['Vexa_Labs', 'Zentro_Systems']
    """
    return [a for p in (prep, *(c for c in conjuncts(prep) if c.pos_ == "ADP" and c.lower_ == prep.lower_))
            for a in args(ctx, pobj(p), maker=True)]


def _co_agents(ctx: DocContext, spec: PropertySpec, verb: Token, preps: dict,  # type: ignore[type-arg]
               pairs: list[tuple[Arg, Arg]], inverse: bool) -> list[tuple[Arg, Arg]]:
    """The people an active verb's "with" adds to its subject, for a property
    ``ontology/words.toml`` ``[rules] co_agents`` lists ("foundedBy with"): "Huang founded
    Nvidia in 1993 with Chris Malachowsky and Curtis Priem" names three founders.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Ann Lee founded Vexa in 2001 with Tom Hale.", "x"))
    >>> names = {e.iri: e.label for e in g.entities}
    >>> sorted(names[r.obj] for r in g.relations if r.predicate == "foundedBy")
    ['Ann Lee', 'Tom Hale']
    """
    with_ = preps.get("with")
    if with_ is None or f"{spec.name} with" not in ctx.lexicon.words.rules.get("co_agents", ()) or \
            any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return []
    others = [a for a in args(ctx, pobj(with_)) if a.cls == "Person"]
    if inverse:  # kg's subject is the verb's object: "Ann founded Vexa" is foundedBy(Vexa, Ann)
        return [(made, other) for made in {s.iri: s for s, _ in pairs}.values() for other in others]
    return [(other, made) for made in {o.iri: o for _, o in pairs}.values() for other in others]


def _modified(ctx: DocContext, verb: Token) -> Token | None:
    """The name a past participle with its own "by" describes: the noun it modifies, the
    name that noun stands in apposition to, or the subject the noun is said of.

    >>> from kg.extract.nlp import load_nlp
    >>> from types import SimpleNamespace
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Vexa, a software company founded by Ann Lee, raised money.")
    >>> ctx = SimpleNamespace(lexicon=load_lexicon())
    >>> _modified(ctx, doc[5]).text
    'Vexa'
    """
    if verb.tag_ != "VBN" or verb.dep_ not in {"acl", "xcomp"} or verb.head.i == verb.i:
        return None
    noun = verb.head
    if noun.pos_ == "PROPN":
        return noun  # "Vexa, founded by Ann Lee,"
    if noun.dep_ == "appos":  # a nominal, however tagged ("startup": VBD)
        return noun.head  # "Vexa, a company founded by Ann Lee"
    if noun.pos_ == "NOUN" and noun.dep_ == "attr":
        return subject(ctx, noun.head)  # "Vexa is a startup founded by Ann Lee"
    return noun if arg(ctx, noun) is not None else None  # "The company, founded by Ann Lee,"
