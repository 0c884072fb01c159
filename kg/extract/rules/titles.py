"""``rule:title``: a person's role noun (``kg:titleTrigger``) and its owner.

"AWS CEO Matt Garman", "Benoit Dupin, Apple's Senior Director of ML", "Tim
Cook is the CEO of Apple", "The chief executive of Apple, Tim Cook, said", "her
husband William Perry". A title of a
property listed in ``job_title_properties`` (``ontology/words.toml``) also
gives the person's ``jobTitle``.

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Tim Cook is the CEO of Apple.", "x"))
>>> sorted((r.predicate, r.obj.rsplit("/", 1)[-1]) for r in graph.relations if r.extractor == "rule:title")
[('jobTitle', 'CEO'), ('leads', 'Apple')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.extract.classes import DASHES, HONORIFICS, names_another
from kg.extract.mentions import _title_words
from kg.extract.name_spans import DEGREE_WORDS, FAMILY_NOUNS, ORDINAL
from kg.extract.rules.args import (POST_NOUNS, Arg, a_chamber, a_party, arg, args, confidence, conjuncts, formerly,
                                   hedged, negated, planned, pobj, relation, subject)
from kg.extract.tokens import Tokens, tokens_of
from kg.lexicon import PropertySpec, load_words
from kg.registry import extractors
from kg.types import Relation

#: Words of praise or standing before a title, no part of it (``ontology/words.toml`` ``praise_words``).
PRAISE = frozenset(load_words().rules["praise_words"])

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext


@extractors.register("title")
def titles(ctx: DocContext) -> Iterator[Relation]:
    """Relations stated by titles, sentence by sentence."""
    bodies, words = _bodies(ctx), _title_words(ctx.lexicon)  # once a document, not a sentence
    for sent in ctx.sentences:
        yield from _sentence(ctx, sent, bodies, words)


def is_title(ctx: DocContext, token: Token) -> bool:
    """Whether ``token`` is the last word of a title trigger ("CEO", "director")."""
    return token.lower_ in ctx.lexicon.triggers.title_heads


def _sentence(ctx: DocContext, sent: Span, bodies: frozenset[str], words: frozenset[str]) -> Iterator[Relation]:
    by_token = ctx.resolved.by_token
    conf = confidence(ctx, "title")
    predecessors = None  # _takeovers(ctx, sent), read when the sentence gives a person a title (most give none)
    taken = {"jobTitle", *ctx.lexicon.words.rules["job_title_properties"]}
    respectively = "respectively" in ctx.tokens.lower[sent.start:sent.end]  # "A and B were named X and Y respectively"
    out: list[Relation] = []
    for token in ctx.named_tokens(sent):
        person = arg(ctx, token)
        if person is None or person.cls != "Person" or by_token[token.i].end - 1 != token.i:
            continue
        start = by_token[token.i].start
        bracketed = start > 0 and ctx.doc[start - 1].text == "("
        for title in (_respective_titles(ctx, token) if respectively else _titles_of(ctx, token)):
            if bracketed and title.i < start:
                continue  # "Minister of Social Affairs (Mensos)": the title's short form, no holder
            made = list(_posts(ctx, sent, person, token, title, bodies, words, conf, alone=respectively))
            if predecessors is None:
                predecessors = _takeovers(ctx, sent)
            if predecessors.get(person.iri) and _taken_over(title, token):
                made += [replace(r, subject=before.iri, subject_span=(before.start_char, before.end_char), former=True)
                         for r in made if r.subject == person.iri and not r.former and r.predicate in taken
                         for before in predecessors[person.iri]]  # the post taken over, held before by them
            out += made
    if out:
        out += _succeeded_posts(ctx, sent, out, taken)
    yield from out


def _succeeded_posts(ctx: DocContext, sent: Span, made: list[Relation], taken: set[str]) -> list[Relation]:
    """The posts a successor with no title of their own in the sentence takes from the one they
    succeed, done or announced: "Kessel Stores chief executive Richard Vell will be succeeded by
    Pieter Roe in March" (Roe leads Kessel Stores), "chairman X stepped down and Y was promoted in
    his place", "X retired, and the board appointed Y to replace her"; not "may succeed" nor "will
    not replace".

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Kessel Stores chief executive Richard Vell will be succeeded by "
    ...                                "Pieter Roe.", "x"))
    >>> sorted((r.subject.rsplit("/", 1)[-1], r.predicate) for r in g.relations if r.predicate == "leads")
    [('Pieter_Roe', 'leads'), ('Richard_Vell', 'leads')]
    """
    rules = ctx.lexicon.words.rules
    verbs, appointing = rules.get("succeeding_verbs", ()), {*rules["appointing_verbs"], "promote"}
    titled = {r.subject for r in made}
    out = []
    t = ctx.tokens  # the table: read every word, make a Token of the few verbs that may say a succession
    for i in range(sent.start, sent.end):
        if t.pos[i] != "VERB" or (t.lemma[i] not in verbs and t.lemma[i] not in appointing):
            continue
        verb = ctx.doc[i]
        if negated(ctx, verb) or hedged(ctx, verb):
            continue
        place = next((pobj(c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                      and pobj(c) is not None and pobj(c).lower_ == "place"), None)
        if verb.lemma_ in appointing and place is not None:  # "Y was promoted in his place": his post
            afters = args(ctx, next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}), None))
            befores = [a for c in place.children if c.dep_ == "poss" for a in args(ctx, c)
                       if a.iri not in {x.iri for x in afters}]
            if not befores and verb.dep_ == "conj":  # "his" taken for the clause's own subject
                befores = args(ctx, next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None))
        elif verb.lemma_ not in verbs or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            continue  # "replaced Ali Khan as captain": the title's own rule
        elif any(c.dep_ == "auxpass" for c in verb.children):  # "X will be succeeded by Y"
            befores = args(ctx, next((c for c in verb.children if c.dep_ == "nsubjpass"), None))
            afters = [a for c in verb.children if c.dep_ == "agent" for a in args(ctx, pobj(c))]
        else:  # "Y succeeds X", "the board appointed Y to replace her"
            befores = args(ctx, next((c for c in verb.children if c.dep_ == "dobj"), None))
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None and verb.dep_ == "xcomp" and verb.head.lemma_ in appointing:
                subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            afters = args(ctx, subject)
        for before in befores:
            for after in afters:
                if after.cls != "Person" or after.iri in titled or after.iri == before.iri \
                        or ctx.text[after.start_char:after.end_char].casefold() in {"he", "she", "who"}:
                    continue  # "He succeeds Tom Beck, the vice president of X": his own posts are told elsewhere
                out += [replace(r, subject=after.iri, subject_span=(after.start_char, after.end_char), former=False)
                        for r in made if r.subject == before.iri and r.predicate in taken]  # the post left, taken
    return out


def _posts(ctx: DocContext, sent: Span, person: Arg, token: Token, title: Token, bodies: frozenset[str],
           words: frozenset[str], conf: float, alone: bool = False) -> Iterator[Relation]:
    """What one title of a person states: the tie to its organisation, and the person's jobTitle
    (``alone``: without the titles joined to it, each person's own: :func:`_respective_titles`)."""
    rules = ctx.lexicon.words.rules
    if _in_chief(title) or _hyphened_title_start(ctx, title):
        return  # the "chief" of "editor-in chief", the "secretary" of "secretary-general": the whole word's
    alone = alone or _owned_apart(ctx, title)
    phrase = _title_phrase(title, ctx.resolved.by_token, alone=alone, bodies=bodies, words=words)
    match = _title_spec(ctx, phrase)
    if match is None:  # "Mayor Karen Whitfield": a public office, no organisation's title
        if title.lower_ in rules.get("public_offices", ()) and _a_job(ctx, title, phrase):
            yield _job_title(ctx, person, sent, phrase, conf, formerly(ctx, title))
            yield from _court(ctx, sent, person, title, conf)
        return
    spec, inverse = match
    if spec.name == "childOf" and _of_offspring(title, rules.get("offspring_nouns", ())):
        return  # "his former partner and mother of his children Josephine Quiepo": no one's child
    if spec.name == "leads" and title.lower_ in rules.get("vague_heads", ()) and _indefinite(title) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in title.children):
        spec = ctx.lexicon.properties["worksFor"]  # "a leader at Vexa Labs": one of several
    units = spec.name in {"leads", "worksFor"}  # not "a Member of the Women's Leadership Board at Harvard"
    owners = [o for o in _owners(ctx, title, units) if o.iri != person.iri and not _named_before(ctx, title, o, person)]
    if units and spec.name == "leads" and _heads_a_part(ctx, title):
        spec = ctx.lexicon.properties["worksFor"]  # "head of Digital Banking at Standard Bank": heads a part
    if spec.name == "leads" and _indefinite(title) and any(o.start_char < title.idx for o in owners) \
            and not formerly(ctx, title):
        spec = ctx.lexicon.properties["worksFor"]  # "experience as an NHS Chief Executive": one of many
        # (but "a former Acme chief executive" led it)
    was = formerly(ctx, title) or (_succeeded(ctx, token) and title.head.head.i == token.head.i)  # "a former CEO"
    if title.lemma_.lower() in rules.get("country_offices", ()):
        owners = [o for o in owners if o.start_char > title.idx]  # "Union Power Minister": a portfolio
    if title.lower_ in rules.get("titles_owned_before", ()):  # "a Labour Party politician who served at X"
        of = [c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"]  # "a politician of the VVD"
        owners = [o for o in owners if o.end_char <= title.idx or any(
            c.idx <= o.start_char < c.right_edge.idx + len(c.right_edge) for c in of)]
    if _qualification(title):
        owners = []  # "obtained a degree as a lawyer at the Catholic University of Salta": studied there
    for owner in owners or _appointer(ctx, title) or _speaker(ctx, title, token):
        if title.lower_ in rules.get("candidate_titles", ()) \
                and a_chamber(ctx.text[owner.start_char:owner.end_char], rules):
            continue  # "the House of Representatives candidate": one who runs for a seat in it
        bearer_is_subject = not inverse and (not spec.domain or "Person" in spec.domain)
        s, o = (person, owner) if bearer_is_subject else (owner, person)
        stated = spec
        if spec.name == "leads" and _PARTY_SECRETARY.search(ctx.text[slice(*phrase)]) and a_party(ctx, owner):
            stated = ctx.lexicon.properties.get("memberOf", spec)  # "Toby Tiangco, UNA secretary general": no leader
        if spec.allows(s.cls, o.cls):
            yield relation(ctx, stated, s, o, sent, "title", conf, staff=title.lower_ in rules.get("staff_titles", ()),
                           former=was and spec.name in rules["job_title_properties"])  # a founding is never over
    if spec.name in rules["job_title_properties"] and _a_job(ctx, title, phrase):
        yield _job_title(ctx, person, sent, phrase, conf, was or _career_start(title))


def _court(ctx: DocContext, sent: Span, person: Arg, title: Token, conf: float) -> Iterator[Relation]:
    """The court a judge's office names, which employs the judge (``ontology/words.toml``
    ``court_words``, the last word of the court's name): "Zambian High Court Judge Winnie Vell",
    "a judge of the Supreme Court of Kenya"; a mayor's town is no employer.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Zambian High Court Judge Winnie Vell discharged the injunction.", "x"))
    >>> [(r.predicate, r.obj.rsplit("/", 1)[-1]) for r in g.relations if r.predicate == "worksFor"]
    [('worksFor', 'Zambian_High_Court')]
    """
    courts = ctx.lexicon.words.rules.get("court_words", ())
    spec = ctx.lexicon.properties["worksFor"]
    for owner in _owners(ctx, title, True):
        label = ctx.labels.get(owner.iri, "").split()
        if owner.cls == "Organization" and owner.iri != person.iri and label and label[-1].lower() in courts:
            yield relation(ctx, spec, person, owner, sent, "title", conf, staff=True, former=formerly(ctx, title))


#: Verbs whose "as" names what one trained to be, no post: "trained as an engineer at The Citadel".
TRAINING_VERBS = frozenset(load_words().rules["training_verbs"])


def _qualification(title: Token) -> bool:
    """Whether a title is the qualification a degree or a training gives ("obtained a degree as a
    lawyer at X", "trained as an engineer at X"), no post at X (``words.toml`` ``degree_words``,
    ``training_verbs``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He obtained a degree as a lawyer at Salta. He served as a lawyer at Acme.")
    >>> _qualification(doc[6]), _qualification(doc[14])
    (True, False)
    >>> _qualification(load_nlp()("Trained as an engineer at The Citadel, he built bridges.")[3])
    True
    """
    if title.dep_ != "pobj" or title.head.lower_ != "as":
        return False
    verb = title.head.head
    return verb.lemma_.lower() in TRAINING_VERBS or any(c.dep_ == "dobj" and c.lower_ in DEGREE_WORDS
                                                        for c in verb.children)


def _announced(ctx: DocContext, verb: Token) -> bool:
    """Whether a verb's only hedge is the "would" of what an organisation announces: "Vexo said
    Ann Lee would become its chairman" (``words.toml`` ``announcing_verbs``); not "who would have
    been its CEO" nor "said she might become".

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Vexo said Ann Lee would become its chair. Bo Ek would have been CEO.", "x"))
    >>> _announced(ctx, ctx.doc[5]), _announced(ctx, ctx.doc[14])
    (True, False)
    """
    words = {c.lower_ for c in verb.children if c.dep_ in {"aux", "advmod"}}
    hedges = ctx.lexicon.words.rules["hedges"]
    return "would" in words and "have" not in words and not (words - {"would"}) & hedges \
        and verb.dep_ == "ccomp" and verb.head.lemma_ in ctx.lexicon.words.rules["announcing_verbs"]


def _a_job(ctx: DocContext, title: Token, phrase: tuple[int, int]) -> bool:
    """Whether a title is given as the bearer's jobTitle: not praise ("an exceptional leader"),
    not a phrase of kin ("son of former AS Saint-Etienne president") nor a title that names no
    job (:func:`_no_job`)."""
    words = ctx.text[slice(*phrase)].lower()
    kin = words.split(maxsplit=1)[0] in _KIN_NOUNS
    praised = any(c.lower_ in PRAISE for c in title.children) or any(f" {p} " in f" {words} " for p in _PRAISE_PHRASES)
    return "jobTitle" in ctx.lexicon.properties and not praised and not kin and not _no_job(ctx, title, phrase)


#: Praise of more than one word ("a long time newspaper executive", "long-serving": ``praise_words``).
_PRAISE_PHRASES = tuple(p for p in PRAISE if " " in p or "-" in p)


#: Kin nouns (``words.toml`` ``kin_nouns``, but "partner", a firm's post too): a title phrase
#: they open names kin, no job ("son of former AS Saint-Etienne president", "the father of President").
_KIN_NOUNS = frozenset(load_words().mentions["kin_nouns"]) - {"partner"}


def _job_title(ctx: DocContext, person: Arg, sent: Span, phrase: tuple[int, int], conf: float,
               former: bool) -> Relation:
    """The person's jobTitle: the title phrase's words, as written."""
    return Relation(
        subject=person.iri, predicate="jobTitle", obj=ctx.text[slice(*phrase)],
        doc_id=ctx.doc_id, sentence=ctx.sentence_text(sent),
        subject_span=(person.start_char, person.end_char), object_span=phrase,
        confidence=conf, extractor="rule:title", object_is_literal=True, former=former,
    )


def _respective_titles(ctx: DocContext, person: Token) -> list[Token]:
    """In a sentence that pairs people with titles "respectively", the one title in the person's
    place: "Ann Lee and Tom Hale were named as chairman and deputy chairman respectively" (Lee
    chairman, Hale deputy chairman); the person's titles (:func:`_titles_of`) when the counts differ.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text(
    ...     "Ana Lopes and Tom Hale were named as chairman and deputy chairman respectively.", "x"))
    >>> [[t.i for t in _respective_titles(ctx, ctx.doc[i])] for i in (1, 4)]
    [[8], [11]]
    """
    head = person
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    group = [t for t in (head, *conjuncts(head)) if (a := arg(ctx, t)) is not None and a.cls == "Person"]
    titles = list(dict.fromkeys(_titles_of(ctx, head)))
    if len(group) < 2 or person not in group or len(titles) != len(group):
        return list(_titles_of(ctx, person))
    return [titles[group.index(person)]]


def _titles_of(ctx: DocContext, person: Token) -> Iterator[Token]:
    """Title nouns around a person's name, with their conjuncts ("chairman and CEO")."""
    copulas = ctx.lexicon.words.rules["copulas"]
    candidates = []
    # "AWS CEO Matt Garman", "his wife Donna": a title inside the noun phrase
    candidates += [c for c in dependents(person, {"compound", "nmod"})
                   if arg(ctx, c) is None and not _named_between(ctx, c, person)
                   and not _joined_to_name(ctx, c, person)]
    # "Benoit Dupin, Apple's Senior Director of ...", "Ken, his son"
    candidates += [c for c in dependents(person, {"appos"})
                   if not names_another(c) and not _beside_another(ctx, c, person)]
    # "In addition to Walujo, Director of Public Affairs Ade Mulyana": a title the parse hangs on
    # the name before, right before this one
    candidates += _apposed_before(ctx, person)
    # "Mr Yaw Tetteh, Minister of Health; Mr Titus Glover, Regional Minister": the same, as the
    # parser sometimes hangs it in a list
    candidates += [c for c in dependents(person, {"npadvmod", "conj"}) if c.i > person.i + 1
                   and person.doc[c.left_edge.i - 1].text == "," and c.is_title and arg(ctx, c) is None
                   and not names_another(c)]
    # "Apple's CEO, Tim Cook", "his wife, Donna"; not a name with a title of its own ("X as
    # Senior VP of Midscale Brands, Alissa Montbriand as VP of ...") nor one after a title
    # another name holds ("Sebastian Fahey, Sotheby's managing director, Helena Newman")
    if person.dep_ == "appos" and not _own_as_title(ctx, person) and not _after_a_plural(person) \
            and not _held_by_name_before(ctx, person.head) and not _a_second_of_its_own(ctx, person):
        candidates.append(person.head)
        # "The chief executive of Apple, Tim Cook, said": the parser hangs the name on the owner
        owner = person.head
        if owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.head.head.i < owner.i \
                and owner.head.lower_ not in _BESIDE \
                and not any(t.text == "(" for t in person.doc[owner.i:person.i]) \
                and not _held_by_name_before(ctx, owner.head.head):  # "X, co-founder of Acme, Y, ...": X's
            candidates.append(owner.head.head)  # not "the son of Yaqub (Jacob)": another name of Yaqub,
            # nor "sworn in as governor, alongside his deputy, X": the governor's deputy
    # "her son is Ken", "his father was the painter X": the subject the name is equated with
    named = person.head if person.dep_ == "appos" else person
    if named.dep_ == "attr" and named.head.lemma_ in copulas:
        candidates += dependents(named.head, {"nsubj", "nsubjpass"})
    # "Tim Cook is (the chairman and) CEO of Apple"; "he became CEO of X"
    # "His son, Paul Baker, is chief executive of X": the subject the name stands in apposition to
    joined = _joined_to_titles(ctx, person)
    if joined:  # "Petronas president and CEO Wan Zulkiflee will become chairman": the parse joins him to them
        candidates.append(person.head)
    said = person.head if (person.dep_ == "appos" or joined) and person.head.dep_ in {"nsubj", "nsubjpass"} \
        and person.head.i < person.i else person
    if said.dep_ in {"nsubj", "nsubjpass"} and not negated(ctx, said.head) \
            and (not hedged(ctx, said.head) or _announced(ctx, said.head)):  # not "Roe is not a lawyer",
        # "who would have been its CEO"; but "Vexo said Ann Lee would become its chairman"
        verb = said.head
        if verb.lemma_ in copulas and not (said.dep_ == "nsubj" and dependents(verb, {"dobj"})):
            candidates += [c for c in dependents(verb, {"attr", "oprd", "acomp"})  # not "X named Y Z"
                           if not (said.dep_ == "nsubj" and _holds_a_person(ctx, c, person, verb))]
        # "he served as CEO of X", "she joined X as chief economist"; not "X appointed Donna
        # Dziedzic as interim director" nor "X removed Isabel dos Santos as chair": the title is
        # the person appointed or removed
        appointed = _by_others(ctx, verb) and any(  # "President X picks Zenith Bank MD as governor": the MD
            c.dep_ == "dobj" or (a := arg(ctx, c)) is not None and a.cls == "Person"
            for c in dependents(verb, {"dobj", "oprd"}))
        if not appointed and verb.lemma_.lower() not in ctx.lexicon.words.rules.get("judging_verbs", ()):
            # not "She impressed us as an outstanding leader and manager": a judgement, no post
            given_to = [t.i for c in dependents(verb, {"prep"}) if c.lower_ == "to" for t in dependents(c, {"pobj"})
                        if (a := arg(ctx, t)) is not None and a.cls == "Person"]  # "administered the oath to Y"
            candidates += [p for p in _as_objects(verb) if _own_as(said, p) and not any(i < p.i for i in given_to)]
            # "has taken up a role as the new head of X": the post noun's "as"
            candidates += [p for c in dependents(verb, {"dobj"}) if c.lower_ in POST_NOUNS for p in _as_objects(c)]
            # "he served for seven years as CEO": the "as" the parser hangs on the stretch of time
            candidates += [p for c in dependents(verb, {"prep"})
                           for t in dependents(c, {"pobj"}) if t.ent_type_ == "DATE" for p in _as_objects(t)]
            # "was elected unopposed as president", "was selected to serve as Secretary General of X"
            candidates += [p for c in dependents(verb, {"oprd", "acomp"}) if c.pos_ in {"ADJ", "VERB"}
                           for p in _as_objects(c)]
            if _by_others(ctx, verb) and dependents(verb, {"auxpass"}):  # not "hopes to serve as chairman"
                candidates += [p for c in dependents(verb, {"xcomp"}) if c.lemma_ in _SERVING
                               and not dependents(c, {"nsubj", "nsubjpass"}) for p in _as_objects(c)]
        # "Pim Aalders, having retired as head of research at X, joined Y": a clause with no subject of its own
        for clause in (c for c in dependents(verb, {"advcl"}) if c.i < verb.i and c.tag_ in {"VBN", "VBG"}
                       and not dependents(c, {"nsubj", "nsubjpass", "dobj"})):
            candidates += _as_objects(clause)
        # "stepped down as chief executive but will remain (as) chairman": a verb of staying joined to it
        for clause in (c for c in dependents(verb, {"conj"}) if c.lemma_ in _STAYING
                       and not dependents(c, {"nsubj", "nsubjpass"})):
            candidates += _as_objects(clause) + [c for c in dependents(clause, {"attr", "oprd", "acomp"})]
    # "he would continue in his role as chairman of Kenya Airways": the post the possessor holds
    if person.dep_ == "poss" and person.head.lower_ in POST_NOUNS:
        candidates += _as_objects(person.head)
    # "..., Alissa Montbriand as VP of Marketing, and Roger Chacko as EVP": a name's own "as"
    if person.dep_ in {"appos", "conj", "npadvmod"}:
        candidates += _as_objects(person)
    # "Acme named Jane Roe as its chief executive", "Acme appointed Jane Roe chief executive",
    # "President X removed Isabel dos Santos as chair of Sonangol"
    verb = person.head if person.dep_ in {"dobj", "oprd"} else (  # "Domino's named Dennis Maloney as": oprd
        person.head.head if person.dep_ in {"nmod", "compound"} and person.head.dep_ in {"dobj", "oprd"} else None)
    if verb is not None and _by_others(ctx, verb):
        if person.dep_ not in {"dobj", "oprd"}:
            candidates.append(person.head)
        candidates += dependents(verb, {"oprd"})
        candidates += _as_objects(verb)
        candidates += [p for clause in dependents(verb, {"xcomp"})  # "named X to succeed Y as CEO"
                       for p in _as_objects(clause)]
        candidates += [p for clause in dependents(verb, {"xcomp"}) if clause.lemma_ in {"be", "become"}
                       for p in dependents(clause, {"attr"})]  # "named X to be Volvo president", "to become its CEO"
    if person.dep_ == "dobj" and _succeeded(ctx, person):  # "replaced Ali Khan as captain": Khan's before
        candidates += _as_objects(person.head)
    candidates += _dashed(ctx, person)
    # "announced the appointment of Miles Harlow as chief executive": the noun's "as" after the name,
    # with no other person's name before it ("the appointments of A as CEO and B as chairman")
    appointment = _appointment(person)
    rules = ctx.lexicon.words.rules
    if appointment is not None and (appointment.lemma_.lower() in rules["appointment_nouns"]
                                    or appointment.lemma_.lower() in rules.get("leaving_nouns", ())):
        # "the resignation of Kang Shin-ho as Dong-A Socio chairman": the post left (formerly)
        candidates += [p for p in _as_objects(appointment)
                       if p.head.i > person.i and not _named_between(ctx, p, person)]
    candidates += [a for c in candidates for a in dependents(c, {"appos"}) if not _beside_another(ctx, a, person)
                   and not names_another(a)]  # "assistant manager Ian Woan, first-team coach Steve Stone": Stone's
    offices = ctx.lexicon.words.rules.get("public_offices", frozenset())
    for candidate in candidates:
        named = ctx.resolved.by_token.get(candidate.i)
        if named is not None and named.cls == "Person":
            continue  # a person is no title, nor one joined to them: "Siti Hasmah and the deputy secretary of X"
        for t in (candidate, *_own_conjuncts(ctx, candidate)):
            if (is_title(ctx, t) or t.lower_ in offices) and (t.i == candidate.i or not _named(ctx, t, person)):
                yield t


def _joined_to_titles(ctx: DocContext, person: Token) -> bool:
    """Whether the parse joins a name by "and" to the titles right before it: "Petronas president
    and CEO Wan Zulkiflee Wan Ariffin" (not "Acme's president and Ann Lee", two people).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text(
    ...     "Petronas president and CEO Wan Zulkiflee Wan Ariffin will become chairman of Malaysia Airlines.", "x"))
    >>> _joined_to_titles(ctx, ctx.doc[7])
    True
    """
    if person.dep_ != "conj" or person.head.i > person.i or not is_title(ctx, person.head):
        return False
    before = ctx.resolved.by_token[person.i].start - 1
    return before > person.head.i and is_title(ctx, person.doc[before]) \
        and before in {t.i for t in _own_conjuncts(ctx, person.head)}


def _own_conjuncts(ctx: DocContext, title: Token) -> list[Token]:
    """The titles joined to ``title`` (:func:`conjuncts`), not past a person's name joined to it: in
    "Sarbananda Sonowal, Union Minister of Ports, Sultan Ahmed bin Sulayem, Group Chairman and CEO of
    DP World" the parse joins Sulayem and his titles to Sonowal's; they are Sulayem's.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text(
    ...     "It was signed by Ann Lee, Minister of Ports, Tom Vell, Chairman and CEO of Kessel, in Delhi.", "x"))
    >>> [t.text for t in _own_conjuncts(ctx, ctx.doc[7])]
    []
    """
    t, by_token = tokens_of(title.doc), ctx.resolved.by_token
    out, stack = [], [title.i]
    while stack:
        for child in t.children(stack.pop()):
            if t.dep[child] == "conj" and not (child in by_token and by_token[child].cls == "Person"):
                out.append(child)
                stack.append(child)
    return [title.doc[i] for i in out]


def dependents(token: Token, deps: set[str]) -> list[Token]:
    """``[c for c in token.children if c.dep_ in deps]``, read from the document's table: no
    Token is made for the children of other relations."""
    t = tokens_of(token.doc)
    return [token.doc[c] for c in t.children(token.i) if t.dep[c] in deps]


def _own_as(said: Token, title: Token) -> bool:
    """Whether a verb's "as" title is its subject ``said``'s: the subject closest before the "as",
    when the parse gives the verb two ("appointed Michael Joseph as interim chief executive officer
    after its executive Bob Collymore died": both "died" to the parser; the title is Joseph's).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Safaricom on Tuesday appointed board member Michael Joseph as interim chief "
    ...                  "executive officer after its long-time executive Bob Collymore died of cancer.")
    >>> officer = next(t for t in doc if t.text == "officer")
    >>> [_own_as(doc[i], officer) for i, t in enumerate(doc) if t.text in {"Joseph", "Collymore"}]
    [True, False]
    """
    subjects = [c.i for c in said.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < title.head.i]
    return len([c for c in said.head.children if c.dep_ in {"nsubj", "nsubjpass"}]) < 2 \
        or (bool(subjects) and max(subjects) == said.i)


def _as_objects(token: Token) -> list[Token]:
    """The objects of ``token``'s "as" ("served as CEO of X": CEO), read from the document's table."""
    t = tokens_of(token.doc)
    return [token.doc[p] for c in t.children(token.i) if t.dep[c] == "prep" and t.lower[c] == "as"
            for p in t.children(c) if t.dep[p] == "pobj"]


def _a_second_of_its_own(ctx: DocContext, person: Token) -> bool:
    """Whether a name in apposition to a title comes after another name in apposition to it and
    has a noun of its own before it: "the former West Ham United chairman Terry Brown and Israeli
    agent Pini Zahavi" (Zahavi is the agent, Brown the chairman); or has a kin noun of its own
    before it, whatever the parse hangs it on: "appointed Dhanin's son Suphachai as chief
    executive officer and Suphachai's elder brother Soopakij as group chairman".

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("It got money from the former Vexa United chairman Tom Brent and "
    ...                                "Israeli agent Pini Zahar.", "x"))
    >>> sorted((r.subject.rsplit("/", 1)[-1], r.predicate) for r in g.relations if r.predicate == "jobTitle")
    [('Tom_Brent', 'jobTitle')]
    """
    own = [c for c in person.children if c.dep_ in {"compound", "amod"} and c.pos_ == "NOUN" and c.is_lower]
    if any(c.lower_ in ctx.lexicon.words.mentions["kin_nouns"] and c.lower_ != "partner" for c in own):
        return True  # "appointed X as chief executive officer and X's elder brother Soopakij as chairman"
    return bool(own) and any(c.dep_ == "appos" and c.i < person.i and (a := arg(ctx, c)) is not None
                             and a.cls == "Person" for c in person.head.children)


def _of_offspring(title: Token, offspring: Iterable[str]) -> bool:
    """Whether a kin title is "of" someone's children ("mother of his children": ``offspring``,
    ``words.toml`` ``offspring_nouns``): the person is their parent, which says no one named is
    anyone's child.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("His partner and mother of his children Jo Ruiz spoke. The mother of Tom, Ann Roe, spoke.")
    >>> _of_offspring(doc[3], {"children"}), _of_offspring(doc[13], {"children"})
    (True, False)
    """
    doc, k = title.doc, title.i + 1
    if k >= len(doc) or doc[k].lower_ != "of":
        return False  # read by position: the parser may hang the "of" on a title before ("partner and mother of")
    k += 2 if k + 2 < len(doc) and doc[k + 1].lower_ in {"his", "her", "their", "the"} else 1
    return k < len(doc) and doc[k].lower_ in offspring


def _succeeded(ctx: DocContext, person: Token) -> bool:
    """Whether a person is the one a verb of taking over says someone followed in a post
    ("Omar Haddad has replaced Ali Khan as captain", news's present "Terry Duguid replaces Carla
    Qualtrough as the sport minister": ``words.toml`` ``succeeding_verbs``), done: not "will
    succeed Ali Khan".

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Bo Ek replaced Al Roe as chair. Di Lu will succeed Bo Ek.", "x"))
    >>> _succeeded(ctx, ctx.doc[4]), _succeeded(ctx, ctx.doc[14])
    (True, False)
    """
    verb = person.head
    return person.dep_ == "dobj" and verb.lemma_ in ctx.lexicon.words.rules.get("succeeding_verbs", ()) \
        and verb.tag_ in {"VBD", "VBN", "VBZ"} and not planned(ctx, verb) and not negated(ctx, verb)


def _takeovers(ctx: DocContext, sent: Span) -> dict[str, list[Arg]]:
    """Who in the sentence took a post from whom, done (person IRI -> those they followed):
    "Ann Roe has replaced Bo Ek", "Ann Roe, the new chief, takes over from Bo Ek", "Ann Roe was
    named chair, replacing Bo Ek", "the appointment of Ann Roe as director, succeeding Bo Ek"
    (``words.toml`` ``succeeding_verbs``); not "will replace Bo Ek", nor "replaced Bo Ek as
    captain", whose "as" names the post (:func:`_titles_of`).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Di Lu was named chair of Acme, replacing Bo Ek.", "x"))
    >>> {k.rsplit("/", 1)[-1]: [a.iri.rsplit("/", 1)[-1] for a in v] for k, v in _takeovers(ctx, ctx.sentences[0]).items()}
    {'Di_Lu': ['Bo_Ek']}
    """
    rules = ctx.lexicon.words.rules
    found: dict[str, list[Arg]] = {}
    for token in ctx.named_tokens(sent):
        before = arg(ctx, token)
        if before is None or before.cls != "Person":
            continue
        verb = token.head if token.dep_ == "dobj" and token.head.lemma_ in rules.get("succeeding_verbs", ()) else (
            token.head.head if token.dep_ == "pobj" and token.head.lower_ in {"from", "for"}
            and token.head.head.lemma_ == "take"
            and any(c.dep_ == "prt" and c.lower_ == "over" for c in token.head.head.children) else None)
        if verb is None or negated(ctx, verb) or planned(ctx, verb) \
                or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            continue
        taker = _taker(ctx, verb)
        after = arg(ctx, taker) if taker is not None else None
        if after is not None and after.cls == "Person" and after.iri != before.iri:
            found.setdefault(after.iri, []).append(before)
    return found


def _taker(ctx: DocContext, verb: Token) -> Token | None:
    """Who a verb of taking over says took the post: its subject, or for a participle with none
    ("..., replacing Bo Ek") the one its clause appointed or its subject; for an appointment's
    ("the appointment of Ann Roe as director, succeeding Bo Ek"), the one appointed."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None:
        return None if subject.tag_ in {"WP", "WDT"} else subject
    head = verb.head
    if verb.dep_ in {"advcl", "xcomp", "conj"} and head.pos_ in {"VERB", "AUX"} \
            and not planned(ctx, head) and not negated(ctx, head):
        if head.lemma_ in ctx.lexicon.words.rules["appointing_verbs"]:
            named = next((c for c in head.children if c.dep_ == "dobj"), None) or next(
                (n for c in head.children if c.dep_ == "oprd" for n in c.children if n.dep_ in {"nmod", "compound"}
                 and n.pos_ == "PROPN"), None)  # "named Omar Salim chief executive": the name under the title
            if named is not None and named.lemma_.lower() in ctx.lexicon.words.rules["appointment_nouns"]:
                return _appointed(named)  # "announced the appointment of Ann Roe as director, succeeding Bo Ek"
            if named is not None:
                return named
        return next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WP", "WDT"}), None)
    if verb.dep_ == "acl" and head.lemma_.lower() in ctx.lexicon.words.rules["appointment_nouns"]:
        return _appointed(head)
    return None


def _appointed(appointment: Token) -> Token | None:
    """Whom an appointment noun names: "the appointment of Ann Roe"."""
    return next((p for c in appointment.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)


def _taken_over(title: Token, person: Token) -> bool:
    """Whether a person's title is the post they took over: one a clause gives them ("was named
    chair", "is the new chief", "as director"), or one beside their name that says it is new
    ("Ann Roe, the new chief, ...", "incoming chief Ann Roe"); not "Ann Roe, deputy head at
    Warwick, replaced Bo Ek", a post of their own."""
    beside = (title.dep_ == "appos" and title.head.i == person.i) or (person.dep_ == "appos" and person.head.i == title.i) \
        or (title.dep_ in {"compound", "nmod"} and title.head.i == person.i)
    return not beside or any(c.lower_ in _NEW for c in title.children)


#: Verbs of staying in a post, whose "as" or complement is the subject's title: "will remain as chairman".
_STAYING = frozenset({"remain", "stay", "continue"})
#: Verbs whose "as" names the post of the one chosen for it: "was selected to serve as Secretary General".
_SERVING = frozenset({"serve", "act", "work"})
#: Words that make a title beside a name the post just taken ("Ann Roe, the new chief, ..."),
#: and no part of the title's literal.
_NEW = frozenset({"new", "incoming", "next"})
#: A secretary general, who runs a party's office, not the party (its leader is another).
_PARTY_SECRETARY = re.compile(r"secretary[- ]general$", re.IGNORECASE)
#: Prepositions of another who is beside the title's holder: "the governor, alongside his deputy, X".
_BESIDE = frozenset({"alongside", "beside", "besides", "against", "like", "unlike", "including"})


def _by_others(ctx: DocContext, verb: Token) -> bool:
    """Whether a verb's object, not its subject, holds the title its "as" names: an appointing,
    a removing or a crediting verb (``words.toml`` ``appointing_verbs``, ``removing_verbs``,
    ``crediting_verbs``: "Buhari congratulated Ayuba Wabba on his re-election as President of the NLC")."""
    rules = ctx.lexicon.words.rules
    return verb.lemma_ in rules["appointing_verbs"] or verb.lemma_ in rules.get("removing_verbs", ()) \
        or verb.lemma_ in ctx.lexicon.words.mentions.get("crediting_verbs", ())


def _named_before(ctx: DocContext, title: Token, owner: Arg, person: Arg) -> bool:
    """Whether another person with a title of their own is named between a title and the
    organisation after it: "Carl Manneh, co-founder of video game Mojang and Willard Ahdritz,
    founder of music company Kobalt" (Kobalt is Ahdritz's, however the parse hangs it); not
    "the son of Robert Petre and Mary Brown"."""
    if owner.start_char <= title.idx:
        return False
    by_token, doc = ctx.resolved.by_token, title.doc
    other = None
    for t in range(title.i + 1, len(doc)):
        if doc[t].idx >= owner.start_char:
            return False
        hit = by_token.get(t)
        if hit is not None and hit.cls == "Person" and hit.iri != person.iri and not hit.anaphor:
            other = hit
        elif other is not None and hit is None and is_title(ctx, doc[t]):
            return True  # "..., founder of music company Kobalt"
    return False


def _apposed_before(ctx: DocContext, person: Token) -> list[Token]:
    """The title in apposition to another name that ends right before this person's name: "In
    addition to Walujo, Director of Public Affairs Ade Mulyana" (Mulyana's)."""
    by_token = ctx.resolved.by_token
    start = by_token[person.i].start
    if start == 0 or person.doc[start - 1].is_punct or _plural(person.doc[start - 1]):
        return []  # "the Chairman, Vice-Chairman and two independents Angela Ruggiero": the independents
    t = person.doc[start - 1]
    while t.dep_ != "appos" and t.head.i != t.i and t.head.right_edge.i == start - 1:
        t = t.head
    if t.dep_ != "appos" or t.right_edge.i != start - 1 or t.head.i > t.i:
        return []
    return [] if any(i in by_token and by_token[i].cls == "Person" for i in range(t.i, start)) else [t]


def _beside_another(ctx: DocContext, title: Token, person: Token) -> bool:
    """Whether a title in apposition is another person's, whatever the parse hangs it on: one
    named right before its comma ("Jeon Lee as the new head and President Gyeong Ho, the
    existing head of X, as ...", "former BBC executive Amanda Farnsworth, ... and Sarah Hunt, head of
    audit for IAG"), right after its last word ("In addition to Walujo, Director of Public Affairs
    Ade Mulyana, and ...") or after its comma as the verb's subject ("led by President Tinubu, the
    Nigeria Ambassador to Cameroon, Abayomi Olonisakin presented ...")."""
    by_token = ctx.resolved.by_token
    own = by_token[person.i].iri
    doc = title.doc
    start, end = title.left_edge.i, title.right_edge.i
    around = [start - 2] if start >= 2 and doc[start - 1].text == "," else []
    if title.i >= 2 and doc[title.i - 1].text == ",":  # "..., Rob Parkinson and Sarah Hunt, head of audit at X":
        around.append(title.i - 2)  # Hunt's, though the parse hangs the names before on the title
    around += [end + 1] if end + 1 < len(doc) else []
    if end + 2 < len(doc) and doc[end + 1].text == "," and end + 2 in by_token \
            and doc[by_token[end + 2].end - 1].dep_ in {"nsubj", "nsubjpass"}:
        around.append(end + 2)  # "led by President Tinubu, the Nigeria Ambassador to Cameroon, Abayomi
        # Olonisakin presented ...": the subject after the title's comma holds it
    return any(i in by_token and by_token[i].cls == "Person" and by_token[i].iri != own and not by_token[i].anaphor
               for i in around)


def _named_between(ctx: DocContext, title: Token, person: Token) -> bool:
    """Whether another person is named between a title and the name the parse hangs it on:
    "Sibol assistant manager Jeff Victoriano and PeSO project manager Victor Cabuay" (the
    first manager is Victoriano, whatever the parse says); "the appointments of Jane Fox as
    chief executive and Bob Hart as chairman" (the chairman is Hart)."""
    own = ctx.resolved.by_token[person.i]
    return any((hit := ctx.resolved.by_token.get(k)) is not None and hit.cls == "Person" and hit.iri != own.iri
               for k in range(min(title.i, person.i) + 1, max(title.i, person.i)))


def _joined_to_name(ctx: DocContext, title: Token, person: Token) -> bool:
    """Whether the parse joins a title by "and" to a word right before the name that is no title:
    "Toyin Ibitoye is the new Media Officer and Godfirst Chike is the new Equipment Manager" (two
    clauses the parser made one phrase of; NER took "Chike" alone): the officer is Ibitoye; not
    "Chairman and CEO Tim Cook".

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "While Toyin Ibitoye is the new Media Officer and Godfirst Chike is the new Equipment Manager."
    >>> sorted(r.obj for r in extract(Document.from_text(text, "x")).relations if r.predicate == "jobTitle")
    ['Equipment Manager']
    """
    start = ctx.resolved.by_token[person.i].start
    return any(c.dep_ == "conj" and start - 1 <= c.i < person.i and c.pos_ == "PROPN" and not is_title(ctx, c)
               for c in title.children)


def _no_job(ctx: DocContext, title: Token, phrase: tuple[int, int]) -> bool:
    """Whether a title names no job (``ontology/words.toml`` ``no_job_titles``): "a member",
    "the first Black member" (only adjectives before it), "a leader"; "board member" is one; nor
    does the head of a family ("Onsi Sawiris, the head of a family of billionaire businessmen"), nor
    any candidate (``never_job_titles``: "his coalition candidate").

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Omar Nasr, the head of a family of bankers, died. Ali Nasr, the head of Kestrel Bank, spoke."
    >>> sorted(r.obj for r in extract(Document.from_text(text, "x")).relations if r.predicate == "jobTitle")
    ['head']
    """
    listed = ctx.lexicon.words.rules.get("no_job_titles", ())
    if title.lower_ in ctx.lexicon.words.rules.get("never_job_titles", ()):
        return True  # "his coalition candidate, Patricia Bullrich"
    return ctx.text[slice(*phrase)].lower() in listed or (
        title.lower_ in listed and not any(c.dep_ in {"compound", "nmod"} for c in title.children)) or any(
        p.lower_ in FAMILY_NOUNS for c in title.children if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children if p.dep_ == "pobj")


def _own_as_title(ctx: DocContext, person: Token) -> bool:
    """Whether a name has a title of its own after "as" ("Alissa Montbriand as VP of ...")."""
    return any(c.dep_ == "prep" and c.lower_ == "as"
               and any(is_title(ctx, p) for p in c.children if p.dep_ == "pobj") for c in person.children)


def _held_by_name_before(ctx: DocContext, title: Token) -> bool:
    """Whether a title noun stands in apposition to a person's name before it ("Sebastian
    Fahey, Sotheby's managing director, ..."): the title is that name's."""
    return title.dep_ == "appos" and title.head.i < title.i and (
        (a := arg(ctx, title.head)) is not None and a.cls == "Person")


def _after_a_plural(person: Token) -> bool:
    """Whether a name in apposition comes right after a plural noun that is not the title it
    hangs on: "to join the Chairman, Vice-Chairman, Chief Executive and two independents Angela
    Ruggiero and Lord Mervyn Davies" names the independents, none of the titles before them."""
    first = person.left_edge.i
    before = person.doc[first - 1] if first > 0 else None
    return before is not None and before.i != person.head.i and _plural(before)


def _indefinite(title: Token) -> bool:
    """Whether a title has "a" or "an" before it: one of several ("a leader at Vexa Labs")."""
    return any(c.lower_ in {"a", "an"} for c in dependents(title, {"det"}))


def _plural(token: Token) -> bool:
    """Whether a word is a common noun in the plural ("independents"; not "Public Affairs")."""
    return token.tag_ == "NNS" and token.pos_ == "NOUN"


def _appointment(person: Token) -> Token | None:
    """The noun a name is the "of" of ("the appointment of Ann Lee as"), also when the parse hangs
    a second name on the first's title ("the appointments of A as CEO and B as chairman": B is
    a conjunct of "CEO")."""
    if person.dep_ == "pobj" and person.head.lower_ == "of":
        return person.head.head
    title = person.head
    if person.dep_ == "conj" and title.dep_ == "pobj" and title.head.lower_ == "as" and title.i < person.i:
        return title.head.head
    return None


def _holds_a_person(ctx: DocContext, title: Token, person: Token, verb: Token) -> bool:
    """Whether the title of an appointing verb names another person inside its phrase: "Trump
    named Shai Weiss chief of staff", parsed with Weiss a modifier of the title: the title is
    Weiss's, not Trump's; but "Poggio is the Eugene McDermott professor" is Poggio's."""
    return verb.lemma_ in ctx.lexicon.words.rules["appointing_verbs"] and any(
        c.i != person.i and (a := arg(ctx, c)) is not None and a.cls == "Person"
        for c in dependents(title, {"nmod", "compound"}))


def _named(ctx: DocContext, title: Token, person: Token) -> bool:
    """Whether a conjunct title is a phrase of its own: "(his wife, Amy, and) their daughter, Eloise"."""
    return any(c.i != person.i and (c.dep_ == "poss" or c.dep_ == "appos" and (
        c.pos_ == "PROPN" or arg(ctx, c) is not None)) for c in title.children)


def _title_spec(ctx: DocContext, phrase: tuple[int, int]) -> tuple[PropertySpec, bool] | None:
    """The property a title phrase states, and whether its bearer is the object; a
    lower rank before the title states another (``ontology/words.toml`` ``[rules]
    lower_ranks``: a "deputy chairman" works for the organisation, and does not lead it), and
    so does a part of the organisation after it ("Roku's head of scripted originals")."""
    specs = ctx.lexicon.triggers.titles
    text = " ".join(ctx.text[phrase[0]:phrase[1]].lower().split())
    matches = _titles_in(specs, text)
    if not matches and "-" in text:  # "vice-chairman" as "vice chairman"; "co-founder" is a trigger as written
        text = text.replace("-", " ")
        matches = _titles_in(specs, text)
    if not matches:
        return None
    best = max(matches, key=len)
    spec, inverse = specs[best]
    before, _, after = f" {text} ".partition(f" {best} ")
    before = before.split()
    for entry in ctx.lexicon.words.rules.get("lower_ranks", ()):
        title_property, instead, *ranks = entry.split()
        if spec.name == title_property and (
                (before and before[-1] in ranks) or _of_a_part(after, ctx.lexicon.words.rules)):
            return ctx.lexicon.properties[instead], inverse  # "deputy chairman": works there, leads not
    return spec, inverse


def _titles_in(titles: Iterable[str], text: str) -> list[str]:
    """The titles written as whole words in ``text`` (lower case, single spaces).

    >>> _titles_in(["ceo", "chief executive", "co"], "chief executive and ceo")
    ['ceo', 'chief executive']
    """
    words = text.split(" ")
    if not text or len(words) > 12 or "" in words:  # (a phrase has a few words, single spaces)
        padded = f" {text} "  # made once, not once per title
        return [t for t in titles if f" {t} " in padded]
    # the runs of words the text holds: a title is one of them (read once, not searched per title)
    runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return [t for t in titles if t in runs]


def _of_a_part(after: str, rules: dict) -> bool:  # type: ignore[type-arg]
    """Whether the words after a title name a part it heads, not the whole: "head of scripted
    originals", "president for Europe" (the organisation is the one that owns the title: it
    employs the bearer); not "of the board" (``ontology/words.toml`` ``whole_bodies``).

    >>> _of_a_part("of scripted originals ", {"whole_bodies": {"board"}}), _of_a_part("of the board ", {"whole_bodies": {"board"}})
    (True, False)
    """
    words = after.split()
    if len(words) < 2 or words[0] not in {"of", "for"}:
        return False
    return not set(words[1:]) & rules.get("whole_bodies", frozenset())


def _unit(ctx: DocContext, title: Token) -> tuple[set[str], list[Arg]]:
    """The IRIs a title's "of" names where an "at" names the organisation (a unit or a field, no
    employer: "Assistant Director of Antimicrobial Resistance at the World Health Organization",
    "head of Digital Banking at Standard Bank"), and that organisation; else none.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Ann Roe is head of Digital Banking at Standard Bank.", "x"))
    >>> sorted((r.predicate, r.obj.rsplit("/", 1)[-1]) for r in g.relations if not r.object_is_literal)
    [('worksFor', 'Standard_Bank')]
    """
    of = next((c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    part = pobj(of) if of is not None else None
    at = next((c for node in (title, part) if node is not None  # the parser hangs "at" on either
               for c in node.children if c.dep_ == "prep" and c.lower_ == "at"), None)
    employers = [a for a in args(ctx, pobj(at)) if a.cls == "Organization"] if at is not None else []
    return ({a.iri for a in args(ctx, part)} if employers else set()), employers


def _heads_a_part(ctx: DocContext, title: Token) -> bool:
    """Whether a head's "of" names a unit or a field of the organisation an "at" names: "head of
    Digital Banking at Standard Bank", "professor and chair of genetics at Stanford University
    School of Medicine"; not "chairman of the board at Acme" (the board's head leads the firm).

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Ann Roe is chair of genetics at Vexa University.", "x"))
    >>> sorted(r.predicate for r in g.relations if not r.object_is_literal)
    ['worksFor']
    """
    unit, employers = _unit(ctx, title)
    if unit:
        return True
    if not employers and title.dep_ == "conj":  # "professor and chair of genetics at ...": the "at" on the first
        employers = _unit(ctx, title.head)[1]
    nodes = (title, title.head) if title.dep_ == "conj" else (title,)
    of = next((c for node in nodes for c in node.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    field = pobj(of) if of is not None else None
    return bool(employers) and field is not None and field.pos_ == "NOUN" and field.is_lower \
        and field.lower_ not in _bodies(ctx) and field.lower_ not in {"board", "boards", "trustees", "directors"}


def _owners(ctx: DocContext, title: Token, units: bool = True) -> list[Arg]:
    """Who qualifies a title: "Apple's", "AWS" before it, "of/at/for Apple" after it; with
    ``units``, an "of" before an "at" that names an organisation is a unit of it (:func:`_unit`).

    A title with no qualifier of its own shares its conjunct's ("chairman and CEO of Yahoo"), but
    not a name before a later conjunct ("a finance minister and ITAM graduate": no minister of ITAM);
    after a title with its own owner before it, an "of" after the title joined to it is that
    title's, wherever the parser hangs it ("a PepsiCo executive and CEO of Caribiner").
    """
    preps = ctx.lexicon.words.rules["title_prepositions"]
    if title.dep_ == "pobj" and title.head.lower_ == "as":
        preps = {*preps, "in"}  # "served as CEO in Guinness Nigeria PLC"; not "a leader in Digital Pathology"
    doc, t = title.doc, tokens_of(title.doc)  # the table: a Token's strings are made at each read
    glued = [doc[title.i - 2]] if title.i >= 2 and t.word(title.i - 1) == "-" and not doc[title.i - 1].whitespace_ \
        and not doc[title.i - 2].whitespace_ else []  # "Calder University's sixth vice-chancellor": on "vice"
    head = [title.head] if title.dep_ == "conj" and arg(ctx, title.head) is None else []  # not "sons, Raj Bajaj
    for node in (title, *glued, *conjuncts(title), *head):  # and a daughter X": a name's own words own nothing
        kids = t.children(node.i)
        owners = [a for c in kids if t.dep[c] in {"poss", "compound", "nmod"}
                  for a in [arg(ctx, doc[c])] if a] if node.i <= title.i or node in head else []
        # a later conjunct's own "ITAM graduate" is not the title's: "a former finance minister and ITAM graduate"
        joined = [c for c in kids if t.dep[c] == "conj"]
        own = [doc[c] for c in kids if t.dep[c] == "prep" and t.lower[c] in preps
               and not (owners and joined and c > joined[0])]
        if node.i == title.i and title.dep_ == "conj" and _owned_before(ctx, title.head):
            own += [doc[c] for c in t.children(title.head.i)
                    if t.dep[c] == "prep" and t.lower[c] in preps and c > title.i]
        for prep in own:
            obj = pobj(prep)
            found = args(ctx, obj)
            if not found and obj is not None:  # "chairman of the board of General Motors"
                inner = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                found = args(ctx, pobj(inner))
                boards = ctx.lexicon.words.mentions["board_words"]
                if not found and obj.lower_ in boards and pobj(inner) is not None and pobj(inner).lower_ in boards:
                    deeper = next((c for c in pobj(inner).children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    found = args(ctx, pobj(deeper))  # "Chairman of the Board of Trustees of the Art Institute"
            if not found and obj is not None and (obj.lower_ in ctx.lexicon.words.rules["whole_bodies"]
                                                  or ctx.lexicon.head_nouns.get(obj.lower_) == "Organization"):
                found = [a for c in obj.children if c.dep_ in {"compound", "nmod", "poss", "appos"}  # "of the Acme
                         for a in [arg(ctx, c)] if a is not None and a.cls == "Organization"]  # board", "group Roosh"
            owners += found
        unit, employers = _unit(ctx, node) if units else (set(), [])
        if unit:  # "the first Assistant Director of Antimicrobial Resistance at the WHO": the WHO's
            owners = [o for o in owners if o.iri not in unit]
            owners += [e for e in employers if e.iri not in {o.iri for o in owners}]
        if owners:
            return owners
    return _owner_beside(ctx, title) or _owner_after_dash(ctx, title) or _owner_after_as(ctx, title)


def _owner_after_as(ctx: DocContext, title: Token) -> list[Arg]:
    """The organisation the verb of "as TITLE" names right after the title or right before
    "as", where the parser hangs "at Y" on the verb: "served as director of operations at Zenith
    Bank", "retired as head of research with Kestrel Foods", "served at Zenith Bank as
    director", an appointment's "to" and "for" ("was appointed as chief executive to PZU", "For
    Polaris Bank, X was appointed as managing director"); or the object of a verb of joining
    ("joined Kestrel as chief executive"); not a place ("served as consul in Lagos").

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> graph = extract(Document.from_text("Ahmad Bello served as director of operations at Zenith Bank.", "x"))
    >>> sorted((r.predicate, r.extractor) for r in graph.relations if r.predicate == "worksFor")
    [('worksFor', 'rule:title')]
    """
    if title.dep_ != "pobj" or title.head.lower_ != "as" or title.head.head.pos_ not in {"VERB", "AUX"}:
        return []
    verb = title.head.head
    after, as_ = title.right_edge.i + 1, title.head.i  # "as director at X", or "at X as director"
    joined = [a for c in verb.children if c.dep_ == "dobj" and c.i < as_ for a in args(ctx, c)
              if a.cls == "Organization"] if verb.lemma_.lower() in _OBJECT_OWNS_TITLE else []  # "joined X as CEO"
    appointed = verb.lemma_.lower() in ctx.lexicon.words.rules["appointing_verbs"]
    preps = {"at", "with", "for", "to"} if appointed else {"at", "with", "for"}  # "appointed as CEO to X"
    doc = title.doc
    return joined or [a for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                      and (c.i == after or c.right_edge.i + 1 == as_ or (  # "For Polaris Bank, X was appointed as"
                          appointed and c.lower_ == "for" and c.i == verb.sent.start
                          and c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == ","))
                      for a in args(ctx, pobj(c)) if a.cls == "Organization"]


#: Verbs whose object is the organisation of the title their "as" names: "joined X as CEO".
_OBJECT_OWNS_TITLE = frozenset({"join", "rejoin", "lead", "run", "head"})


def _owner_beside(ctx: DocContext, title: Token) -> list[Arg]:
    """The organisation right before a title the parser hung beside it on the name, not on the
    title: "Bata Shoe Company chief executive Alberto Errico" ("Company" and "executive" both
    under "Errico")."""
    if title.dep_ not in {"compound", "nmod"}:
        return []
    before = title.left_edge.i - 1
    return [a for c in title.head.children if c.dep_ in {"compound", "nmod"} and c.i == before
            for a in [arg(ctx, c)] if a is not None and a.cls == "Organization"]


def _dashed(ctx: DocContext, person: Token) -> list[Token]:
    """A title between a name and a dash before its organisation, which the parser hangs on
    the organisation: "Mohammed al Shabibi, Chief Executive Officer — Gulf Mining Group"."""
    return [t for c in person.children if c.dep_ == "appos" and c.i > person.i
            for t in c.children if t.i < c.i and _owner_after_dash(ctx, t)]


def _owner_after_dash(ctx: DocContext, title: Token) -> list[Arg]:
    """The organisation right after a dash after a title and its own words: "Chief Executive
    Officer — Gulf Mining Group", "Head of Research – Coastal Capital Partners"; not past a
    comma, a verb or another name."""
    doc, by_token = title.doc, ctx.resolved.by_token
    end = min(title.sent.end, title.i + 6)
    k = title.i + 1
    while k < end and doc[k].text not in DASHES:
        if k in by_token or doc[k].is_punct or doc[k].pos_ in {"VERB", "AUX"}:
            return []
        k += 1
    hit = by_token.get(k + 1)
    if k >= end or hit is None or hit.start != k + 1 or hit.cls != "Organization":
        return []
    return [owner] if (owner := arg(ctx, doc[k + 1])) is not None else []


def _owned_before(ctx: DocContext, title: Token) -> bool:
    """Whether a title names its owner before it: "Apple's CEO", "a PepsiCo executive"."""
    return any(arg(ctx, c) is not None for c in title.children if c.dep_ in {"poss", "compound", "nmod"})


def _owned_apart(ctx: DocContext, title: Token) -> bool:
    """Whether a title is one of two joined titles whose first names its owner before it ("a
    PepsiCo executive and CEO of Caribiner": PepsiCo's executive, Caribiner's CEO)."""
    first = title.head if title.dep_ == "conj" else title
    joined = title.dep_ == "conj" or any(c.dep_ == "conj" for c in title.children)
    return joined and _owned_before(ctx, first)


def _appointer(ctx: DocContext, title: Token) -> list[Arg]:
    """Who appointed the title's bearer, where the title names no owner of its own: "Acme
    appointed Jane Roe chief executive", "Acme announced the appointment of Jane Roe as chief
    executive", "Acme hired Jane Roe to serve as chief executive" (``ontology/words.toml``
    ``appointing_verbs``, ``appointment_nouns``)."""
    if title.dep_ == "pobj" and title.head.lower_ == "as":
        verb = title.head.head
    elif title.dep_ in {"oprd", "dobj"}:
        verb = title.head
    else:
        return []
    rules = ctx.lexicon.words.rules
    if any(_owning(c, rules) for c in title.children):
        return []  # "appointment of John McKenna as CEO of the port authority": its owner, named or not
    if verb.lemma_.lower() in rules["appointment_nouns"]:  # "Acme's appointment of X as", "Acme announced the appointment"
        owners = [a for c in verb.children if c.dep_ == "poss" for a in args(ctx, c)]
        announced = verb.dep_ == "dobj" and verb.head.lemma_ in rules["appointing_verbs"]  # not "opposed the appointment"
        return owners or (args(ctx, subject(ctx, verb.head)) if announced else [])
    if verb.dep_ == "xcomp" and verb.head.lemma_ in rules["appointing_verbs"]:
        verb = verb.head  # "Acme named Jane Roe to succeed Tom Hale as chief executive": Acme's
    if verb.lemma_ not in rules["appointing_verbs"]:
        return []
    appointing = subject(ctx, verb)
    return args(ctx, appointing) or _boards_organisation(ctx, appointing)


def _boards_organisation(ctx: DocContext, board: Token | None) -> list[Arg]:
    """The organisation whose board ``board`` is: "the board of Acme", "Acme's board", "the Acme
    board" (``words.toml`` ``board_words``); else none.

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("The board of Vexo Bank met. Vexo Bank's directors met.", "x"))
    >>> [len(_boards_organisation(ctx, ctx.doc[i])) for i in (1, 10, 7)]
    [1, 1, 0]
    """
    if board is None or board.lower_ == "the" or board.lower_ not in ctx.lexicon.words.mentions["board_words"]:
        return []
    return [a for c in board.children if c.dep_ in {"poss", "compound"} or c.dep_ == "prep" and c.lower_ == "of"
            for a in args(ctx, pobj(c) if c.dep_ == "prep" else c) if a.cls == "Organization"]


def _speaker(ctx: DocContext, title: Token, person: Token) -> list[Arg]:
    """The organisation that announces news of its own people, where a title beside a name
    names no owner: "Intel announced that chief executive Paul Otellini would retire",
    "Intel said ...: Brian Krzanich, chief operating officer" (the subject of a verb of
    speech, ``words.toml`` ``announcing_verbs``, whose reported clause holds the name); not a
    title the clause gives an owner of its own, nor one after "as" ("named X as CEO" is the
    appointer's, :func:`_appointer`), nor an honorific ("President Joe Biden").

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> g = extract(Document.from_text("Vexa Labs announced that chief executive Ann Roe would retire.", "x"))
    >>> sorted((r.predicate, r.obj.rsplit("/", 1)[-1]) for r in g.relations if not r.object_is_literal)
    [('leads', 'Vexa_Labs')]
    """
    if title.lower_ in HONORIFICS:
        return []  # "General Motors said President Joe Biden met X": a head of state's style
    joined = (title, *conjuncts(title), *([title.head] if title.dep_ == "conj" else []))
    if title.dep_ == "pobj" or any(_owning(c, ctx.lexicon.words.rules) for t in joined for c in t.children):
        return []  # "chief operating officer and head of worldwide manufacturing": of a part
    if any(c.dep_ in {"compound", "nmod", "poss"} and c.i < title.i and c.pos_ in {"PROPN", "PRON"}
           for t in (person, title) for c in t.children):
        return []  # "Zentro chief executive Ann Roe", "its chief executive": another's, or said elsewhere
    announcing = ctx.lexicon.words.rules["announcing_verbs"]
    node = person
    for _ in range(4):
        if node.dep_ not in {"nsubj", "nsubjpass", "ccomp", "dep", "conj", "appos", "compound"} or node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in announcing:
            return [a for c in node.children if c.dep_ == "nsubj" for a in args(ctx, c) if a.cls == "Organization"]
        if node.pos_ in {"VERB", "AUX"} and node.dep_ != "ccomp":
            return []  # a verb of the clause, not reported by one
    return []


def _owning(prep: Token, rules: dict) -> bool:  # type: ignore[type-arg]
    """Whether a title's preposition names its owner, or a part it heads: "of Acme", "at
    Zentro"; not a date ("chair for 2024": a term)."""
    if prep.dep_ != "prep" or prep.lower_ not in rules["title_prepositions"]:
        return False
    named = pobj(prep)
    return named is None or named.ent_type_ not in {"DATE", "TIME"}


def _title_phrase(title: Token, by_token: dict,  # type: ignore[type-arg]
                  alone: bool = False, bodies: frozenset[str] = frozenset(),
                  words: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Character span of a job title: "Senior Director of Machine Learning and AI"; with
    ``alone``, without the titles joined to it ("executive", not "executive and CEO"). Not
    where or since when it is held, nor the kind of body that holds it (``bodies``, the
    organisations' head nouns): "senior partner" at a search firm, "chairman" of a technology
    group, "interim chief executive" with immediate effect, "currently" and "previously", "newly
    elected" and "re-elected", "new" and "next", nor an organisation's name NER missed before
    it, whose words are no title's (``words``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Roe, currently senior partner at a global search firm, spoke.")
    >>> start, end = _title_phrase(doc[5], {0: None, 1: None}, bodies=frozenset({"firm"}))
    >>> doc.text[start:end]
    'senior partner'
    """
    doc, tk = title.doc, tokens_of(title.doc)  # the table: each word of the title's subtree is read
    tokens = [doc[i] for i in sorted(tk.subtree(title.i))
              if i == title.i or (tk.dep[i] not in {"poss", "det", "case", "punct", "appos", "relcl", "preconj"}
                                  and i not in by_token and tk.ent_type[i] not in {"DATE", "TIME"}
                                  and not (tk.dep[i] in {"advmod", "amod", "compound"} and _holders(tk, i))
                                  and not (tk.dep[i] == "amod" and tk.word(i) in _NEW)
                                  and not ((tk.lemma[i] in _ELECTED or tk.lower[i] in _ELECTED_FORMS)
                                           and doc[i].tag_ in {"VBN", "VBD", "JJ"})
                                  and not _ranking(doc[i]))]
    apart = {"poss", "det", "appos", "relcl"} | ({"conj", "cc"} if alone else set())
    served = {i for k in tk.subtree(title.i) if tk.dep[k] == "prep" and tk.lower[k] == "under"
              for i in range(doc[k].left_edge.i, doc[k].right_edge.i + 1)}
    tokens = [t for t in tokens if not _under(t, title, apart) and not _where_or_whose(t, title, bodies)
              and t.i not in served]  # "Minister of Agriculture under President X": whom it was held under
    # keep only the contiguous run around the title noun
    left = title.i
    ids = {t.i for t in tokens}
    while left - 1 in ids or (left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_
                              and not doc[left - 1].whitespace_ and doc[left - 2].is_alpha):
        if left - 1 not in ids:  # "vice-chairman", "Assistant Director-General": the whole word,
            left -= 2  # and the words before it the parser hangs on its first part ("deputy vice-chancellor")
            ids |= {t.i for t in doc[left].lefts if t.dep_ in {"amod", "compound"} and t.i == left - 1
                    and not _holders(tk, t.i) and t.text not in _NEW and not _ranking(t)}
        else:
            left -= 1
    owner = by_token.get(title.head.i)
    while title.dep_ == "compound" and owner is not None and owner.cls == "Organization" and left >= 1 \
            and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i == title.head.i \
            and doc[left - 1].lower_ in words:
        left -= 1  # "Chief Operating Officer - Nile Breweries": "Chief" hung beside the title, on the name
    joined = next((k for k in range(left, title.i) if doc[k].dep_ == "cc" and doc[k].head.i not in ids), None)
    if joined is not None:  # "Brightmax CEO Ravi Sundaram and Paper Stop CEO Neil Carver": the second's "CEO"
        left = joined + 1
        while left < title.i and doc[left].pos_ == "PROPN" and doc[left].lower_ not in words:
            left += 1  # "Paper Stop", a name NER missed
    right = title.i
    while (right + 1 in ids and doc[right + 1].pos_ != "VERB") or (  # not "executive producing the record"
            right + 2 in ids and title.doc[right + 1].dep_ in {"cc", "punct"} and title.doc[right + 1].text not in {",", "("}):
        right += 1 if right + 1 in ids else 2
    while right > title.i and (doc[right].dep_ in {"prep", "cc", "punct", "det"} or doc[right].is_space):
        right -= 1  # nor a line break after it ("NZ Herald political reporter\n\nThe number ...")
    right = _in_chief_end(doc, right)  # "editor-in-chief": the whole title, not "editor"
    opening = left
    while opening > 0 and doc[opening - 1].dep_ == "amod" and doc[opening - 1].text in _NEW:
        opening -= 1  # "the new Test captain": "new" is no title's, nor "Test" a name NER missed
    lower = next((i for i in range(opening, title.i + 1) if doc[i].is_lower), None)
    names = [i for i in range(left, lower or left) if (doc[i].pos_ == "PROPN" or doc[i].pos_ == "NUM" and doc[i].is_title)
             and doc[i].lower_ not in words]  # "Formula One team principal": "One" is the name's
    if names:  # "Puma SE chief executive officer", "Starbucks board chair": a name NER missed, no title's
        left = names[-1] + 1
    while left < title.i and (doc[left].is_punct or doc[left].lower_ in {"born", "based", "bred", "raised"}
                              or doc[left].dep_ == "cc"):
        left += 1  # "a Mongolian-born executive": where the holder is from is no title's; nor an "and" left
        # by a name cut off before it
    left = _past_holders_words(tk, left, title.i)  # "the right-wing President", "the non-Communist premier"
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _in_chief_end(doc: Doc, end: int) -> int:
    """The last word of a title written with "-in-chief" after word ``end`` ("editor-in-chief",
    "commander-in-chief", the space of "editor-in chief" allowed), else ``end``.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The editor-in-chief met the editor.")
    >>> _in_chief_end(doc, 1), _in_chief_end(doc, 7)
    (5, 7)
    """
    words = [t.lower_ for t in doc[end + 1:end + 5]]
    if words[:1] != ["-"] or doc[end].whitespace_ or doc[end + 1].whitespace_ or words[1:2] != ["in"]:
        return end
    if words[2:4] == ["-", "chief"]:
        return end + 4
    return end + 3 if words[2:3] == ["chief"] else end


def _in_chief(title: Token) -> bool:
    """Whether ``title`` is the "chief" of an "editor-in-chief" (the title is the whole word's)."""
    return title.lower_ == "chief" and any(
        i >= 0 and _in_chief_end(title.doc, i) == title.i for i in (title.i - 3, title.i - 4))


def _hyphened_title_start(ctx: DocContext, title: Token) -> bool:
    """Whether ``title`` is the first part of a hyphened title ("secretary-general"), whose whole
    is the title (:func:`_title_phrase` reads it from its last part)."""
    doc = title.doc
    return title.i + 2 < len(doc) and doc[title.i + 1].text in {"-", "–"} and not title.whitespace_ \
        and not doc[title.i + 1].whitespace_ and is_title(ctx, doc[title.i + 2])


def _past_holders_words(tk: Tokens, left: int, title: int) -> int:
    """The first word of a title that starts at ``left``, past its hyphenated words that describe
    the holder (``ontology/words.toml`` ``holder_words``, ``holder_prefixes``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("The right-wing President and the non-Communist premier met the non-executive director.")
    >>> [doc[_past_holders_words(tokens_of(doc), s, e):e + 1].text for s, e in ((1, 4), (7, 10), (13, 16))]
    ['President', 'premier', 'non-executive director']
    """
    while left < title:
        end = left + 1
        while end + 1 < title and tk.word(end) == "-" and tk.end_char[end - 1] == tk.start_char[end] \
                and tk.end_char[end] == tk.start_char[end + 1]:
            end += 2  # the whole of a hyphenated word: "right-wing", "non-Communist"
        word = "-".join(tk.lower[left:end:2])
        prefixed = end - left == 3 and tk.lower[left] in _HOLDER_PREFIXES and tk.word(left + 2)[:1].isupper()
        if not (prefixed or (end - left > 1 and word in _WHEN)):
            return left
        left = end
    return left


def _holders(tk: Tokens, i: int) -> bool:
    """Whether word ``i`` before a title says when it is held or describes its holder
    (``ontology/words.toml`` ``title_time_words``, ``holder_words``), not the office's own
    (``holder_word_titles``: "Foreign Minister")."""
    return tk.lower[i] in _WHEN and f"{tk.lower[i]} {tk.lower[i + 1] if i + 1 < len(tk.lower) else ''}" \
        not in _HOLDER_WORD_TITLES


#: Adverbs of time before a title, no part of it: "currently senior vice president".
_WHEN = frozenset(load_words().rules["title_time_words"]) | frozenset(load_words().rules["holder_words"])
_HOLDER_WORD_TITLES = frozenset(load_words().rules["holder_word_titles"])
_HOLDER_PREFIXES = frozenset(load_words().rules["holder_prefixes"])
#: Participles of appointment before a title, no part of it: "the recently elected head", "re-elected President".
_ELECTED = frozenset(load_words().rules["appointing_verbs"])
_ELECTED_FORMS = frozenset({"elected", "appointed", "named", "nominated", "designated", "reelected", "reappointed"})
#: Prepositions that say where or when a title is held, no part of it ("partner at X").
_WHERE = frozenset({"at", "with", "in", "from", "since", "during", "after", "before", "until", "on", "within"})


def _where_or_whose(token: Token, title: Token, bodies: frozenset[str]) -> bool:
    """Whether ``token`` is in a phrase of ``title`` (or a word of it) that says where or when
    it is held ("at a search firm", "with immediate effect") or the kind of body that holds it
    ("of a technology group"; not "of Sales", a department)."""
    t = tokens_of(token.doc)  # the table, not Tokens: each prep's subtree is read again for each word below it
    node, top = token.i, title.i
    while node != top and t.head[node] != node:
        if t.dep[node] == "prep" and (t.lower[node] in _WHERE or any(
                t.lemma[p] in bodies for p in t.subtree(node))):  # "of U.K.-based technology group X"
            return True
        node = t.head[node]
    return False


def _bodies(ctx: DocContext) -> frozenset[str]:
    """Head nouns of organisations ("firm", "group"), and "business" (a field's word too): made
    once per table of head nouns (the lexicon's), not once per document."""
    nouns = ctx.lexicon.head_nouns
    if _BODIES[0] is not nouns:
        _BODIES[:] = [nouns, frozenset(w for w, cls in nouns.items() if cls == "Organization")
                      | {"business", "businesses"}]
    return _BODIES[1]


_BODIES: list = [None, frozenset()]  # the head nouns read last, and their bodies


def _ranking(token: Token) -> bool:
    """A word that ranks or praises the bearer, no part of the title: "youngest", "first"
    and "third" in "the third youngest player to score", "the first coach to ...", "most"
    in "the most visible CEO", "exceptional", "veteran" (``ontology/words.toml``
    ``praise_words``); not the capitalised "First" of "First Vice President".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He became the third youngest player to score, and the 50th Chief Justice.")
    >>> [t.text for t in doc if _ranking(t)]
    ['third', 'youngest', '50th']
    """
    t, i = tokens_of(token.doc), token.i  # the table's strings: a Token's are made at each read
    lower = t.lower[i]
    if lower in PRAISE:  # "an exceptional leader", "Veteran corporate executive X"
        return True
    return t.word(i).islower() and (t.ent_type[i] == "ORDINAL" or lower in {"only", "first", "last", "next"}
                                    or ORDINAL.fullmatch(lower) is not None or token.tag_ in {"JJS", "RBS"})


def _under(token: Token, top: Token, deps: set[str]) -> bool:
    """Whether a word on the way up from ``token`` to ``top`` (``top`` left out) has a relation of ``deps``."""
    t = tokens_of(token.doc)
    node, last = token.i, top.i
    while node != last:
        if t.dep[node] in deps:
            return True
        if t.head[node] == node:
            return False
        node = t.head[node]
    return False


def _career_start(title: Token) -> bool:
    """Whether a title is the one a career began with: "He began his career as a trainee
    accountant at Deloitte" (the title is over; where is not said to be).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Miller began his career as a trainee accountant at Deloitte.")
    >>> _career_start(doc[7])
    True
    """
    verb = title.head.head if title.head.lower_ == "as" else None
    return verb is not None and verb.lemma_.lower() in {"begin", "start", "launch"} \
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "career" for c in verb.children)
