"""Relations from the dependency parse, driven by the ontology's lexicon.

Rule families, each named in the evidence's ``extractor`` (with a confidence
measured on held-out data, :data:`CONFIDENCE`):

``rule:svo``
    A verb whose lemma (with a preposition, optionally) is a property's
    ``kg:activeTrigger`` or ``kg:inverseTrigger``: "Apple uses AWS", "Apple
    was founded by Steve Jobs", "Microsoft is headquartered in Redmond".
    Subjects are inherited through "is focused on using", "known to utilize".
``rule:title``
    A person's role noun (``kg:titleTrigger``): "AWS CEO Matt Garman",
    "Benoit Dupin, Apple's Senior Director of ML", "Tim Cook is the CEO of
    Apple". Also gives ``jobTitle``.
``rule:possessive``
    "Amazon's Trainium2 chip" for properties marked ``kg:possessive``.
``rule:noun``
    A relational noun (``kg:nounTrigger``): "Apple's use of AWS", "the
    collaboration between Apple and AWS".
``rule:attachment``
    A name attached to another by a ``kg:prepositionTrigger``: "Sam Kadet of
    Skadden", "Columbus, Miss.", "During the Reinvent conference, Dupin said".
``rule:nationality``
    A demonym before a person's role: "X is a Belgian engineer".
``rule:name``
    A product named after an organisation the text names: "Microsoft Azure".

Negated or counterfactual verbs ("did not acquire", "instead of investing")
state nothing and are skipped; hedged ones ("may partner") lose confidence.

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> graph = extract(Document.from_text("Apple uses AWS. Microsoft is headquartered in Redmond.", "x"))
>>> sorted((r.predicate, r.extractor) for r in graph.relations)
[('headquarteredIn', 'rule:svo'), ('uses', 'rule:svo')]
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

from kg.lexicon import Lexicon, PropertySpec
from kg.extract.resolve import Resolved, name_key
from kg.types import Relation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: A rule's confidence: how often its relations were right on held-out data
#: (KnowledgeNet fold 3 and CoNLL04 dev, `kg eval ... --relation-model kn12.npz`,
#: the "reliability" table): svo 273 of 288, title 157 of 221, nationality 51
#: of 53, attachment 30 of 51. Possessives, nouns and names are too rare there
#: to measure (0.7 until they are).
CONFIDENCE = {"svo": 0.95, "title": 0.7, "nationality": 0.95, "possessive": 0.7, "noun": 0.7,
              "attachment": 0.6, "name": 0.7}
#: Confidence kept when the object is a thing made by the entity ("Amazon chips").
MAKER_DISCOUNT = 0.75
HEDGE_DISCOUNT = 0.6
_HEDGES = frozenset({"may", "might", "could", "would", "reportedly", "possibly", "perhaps",
                     "consider", "plan", "expect", "hope", "aim", "rumor", "rumour"})
_COUNTERFACTUAL = frozenset({"instead", "rather", "without"})
_THINGS = frozenset({"Product", "Technology"})
#: Properties whose title is also the person's jobTitle.
JOB_PROPERTIES = frozenset({"worksFor", "leads", "memberOf"})
_EXAMPLE_PREPS = frozenset({"like", "including"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_COPULAS = frozenset({"be", "become", "remain", "serve", "name", "appoint", "elect"})
_TITLE_PREPS = frozenset({"of", "at", "for", "with"})
_CONTROL_DEPS = frozenset({"xcomp", "pcomp", "advcl", "conj", "ccomp", "prep"})


@dataclass(frozen=True)
class Arg:
    """One end of a relation: an entity in this sentence."""

    iri: str
    cls: str
    start_char: int
    end_char: int
    discount: float = 1.0


def extract_relations(doc: Doc, resolved: Resolved, lexicon: Lexicon) -> list[Relation]:
    """Every relation the rules find in ``doc``, with its evidence."""
    finder = _Finder(doc, resolved, lexicon)
    relations = []
    for sent in doc.sents:
        found = [*finder.svo(sent), *finder.titles(sent), *finder.possessives(sent),
                 *finder.nouns(sent), *finder.nationalities(sent), *finder.attachments(sent),
                 *finder.occasions(sent), *finder.brands(sent)]
        relations.extend(found)
        relations.extend(_echoes(found, sent, resolved))
        relations.extend(_named_echoes(found, sent, resolved))
    return _dedupe(relations)


def _named_echoes(relations: list[Relation], sent: Span, resolved: Resolved) -> Iterator[Relation]:
    """The same relations again, with a pronoun end's name in the sentence as evidence.

    "Kristine Perry and her husband William Perry": the title gives
    (William Perry, spouse, "her"); "her" is Kristine Perry, named just before.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "The team includes Kristine Perry and her husband William Perry."
    >>> graph = extract(Document.from_text(text, "x"))
    >>> sorted(text[slice(*r.object_span)] for r in graph.relations if r.extractor == "rule:title")
    ['Kristine Perry', 'her']
    """
    names: dict[str, tuple[int, int]] = {}
    for t in range(sent.start, sent.end):
        hit = resolved.by_token.get(t)
        if hit is not None and not hit[2].anaphor:
            names.setdefault(hit[0], (hit[2].start_char, hit[2].end_char))
    for r in relations:
        for end, span in (("subject", r.subject_span), ("object", r.object_span)):
            iri = r.subject if end == "subject" else r.obj
            name = names.get(iri)
            if name is not None and name[0] < span[0] and _is_anaphor(resolved, sent, span):
                yield replace(r, **{f"{end}_span": name})


def _is_anaphor(resolved: Resolved, sent: Span, span: tuple[int, int]) -> bool:
    return any(hit[2].anaphor and hit[2].start_char == span[0] for t in range(sent.start, sent.end)
               for hit in [resolved.by_token.get(t)] if hit is not None)


def _echoes(relations: list[Relation], sent: Span, resolved: Resolved) -> Iterator[Relation]:
    """The same relations again, with the subject's other pronouns in the sentence as evidence.

    "He was born in Paris, and his family lived there": the triple is the
    same for "He" and "his", only the span differs. A sentence that names the
    subject keeps the name as the only evidence.
    """
    spans: dict[str, set[tuple[int, int]]] = {}
    for t in range(sent.start, sent.end):
        hit = resolved.by_token.get(t)
        if hit is not None and hit[2].anaphor:
            spans.setdefault(hit[0], set()).add((hit[2].start_char, hit[2].end_char))
    named = {resolved.by_token[t][0] for t in range(sent.start, sent.end)
             if t in resolved.by_token and not resolved.by_token[t][2].anaphor}
    for r in relations:
        if r.subject in named:
            continue
        for span in sorted(spans.get(r.subject, ())):
            if span != r.subject_span and span != r.object_span:
                yield replace(r, subject_span=span)


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        key = (r.subject, r.predicate, r.obj, r.subject_span, r.object_span)
        if key not in seen and r.subject != r.obj:
            seen.add(key)
            out.append(r)
    return out


class _Finder:
    def __init__(self, doc: Doc, resolved: Resolved, lexicon: Lexicon) -> None:
        self.doc, self.by_token, self.lexicon = doc, resolved.by_token, lexicon
        self.doc_id = resolved.mentions[0][1].doc_id if resolved.mentions else ""
        self.active: dict[str, list[PropertySpec]] = {}
        self.inverse: dict[str, list[PropertySpec]] = {}
        self.title_specs: dict[str, tuple[PropertySpec, bool]] = {}
        self.nouns_: dict[str, list[PropertySpec]] = {}
        self.by_prep: dict[str, list[PropertySpec]] = {}
        for spec in lexicon.properties.values():
            for trigger in spec.active:
                self.active.setdefault(trigger, []).append(spec)
            for trigger in spec.inverse:
                self.inverse.setdefault(trigger, []).append(spec)
            for title in spec.titles:
                self.title_specs[title] = (spec, False)
            for title in spec.inverse_titles:
                self.title_specs[title] = (spec, True)
            for noun in spec.nouns:
                self.nouns_.setdefault(noun, []).append(spec)
            for prep in spec.prepositions:
                self.by_prep.setdefault(prep, []).append(spec)
        self.title_heads = {t.split()[-1] for t in self.title_specs}
        # names of the document's organisations, for products named after them
        self.organizations = {name_key(m.text): iri for iri, m in resolved.mentions
                              if m.cls == "Organization"}
        self.labels = {e.iri: e.label for e in resolved.entities}
        # verb lemma -> (trigger words, properties, inverse?): one look-up per verb
        self.verb_triggers: dict[str, list[tuple[list[str], list[PropertySpec], bool]]] = {}
        for table, inverse in ((self.active, False), (self.inverse, True)):
            for trigger, specs in table.items():
                words = trigger.split()
                self.verb_triggers.setdefault(words[0], []).append((words, specs, inverse))

    # -- arguments -------------------------------------------------------
    def arg(self, token: Token, discount: float = 1.0) -> Arg | None:
        hit = self.by_token.get(token.i)
        if hit is None:
            return None
        iri, cls, found = hit
        return Arg(iri, cls, found.start_char, found.end_char, discount)

    def args(self, token: Token | None, *, maker: bool = False, examples: bool = False) -> list[Arg]:
        """Entities a phrase headed by ``token`` names, with its conjuncts.

        A place brings the place in apposition ("St. Louis, Missouri"); a plain
        noun brings its examples ("rivals like Microsoft and Google"). With
        ``maker``, a Product head noun modified by an entity stands for that
        entity ("Amazon's chips" → Amazon) at a discount.
        """
        if token is None:
            return []
        out = []
        for t in [token, *_conjuncts(token)]:
            a = self.arg(t)
            if a is None:
                appos = [c for c in t.children if c.dep_ == "appos"]
                a = next((x for x in map(self.arg, appos) if x), None)
            elif a.cls == "Place":  # "St. Louis, Missouri": the state too
                out.extend(x for c in t.children if c.dep_ in {"appos", "npadvmod"}
                           for x in [self.arg(c)] if x and x.cls == "Place" and x.iri != a.iri)
            if a is None and not examples:  # "rivals like Microsoft and Google", "firms such as X"
                for child in t.children:
                    if child.dep_ == "prep" and (child.lower_ in _EXAMPLE_PREPS or (
                            child.lower_ == "as" and any(c.lower_ == "such" for c in child.children))):
                        out.extend(self.args(_pobj(child), examples=True))
            if a is None and maker and self.lexicon.head_nouns.get(t.lower_) in _THINGS:
                # "TPU chips" are the TPU; "Amazon's chips" stand for their maker
                named = [x for c in t.children if c.dep_ in {"poss", "compound", "nmod"}
                         for x in [self.arg(c)] if x]
                things = [x for x in named if x.cls in _THINGS]
                a = things[-1] if things else (
                    Arg(named[-1].iri, named[-1].cls, named[-1].start_char, named[-1].end_char,
                        MAKER_DISCOUNT) if named else None)
            if a is not None:
                out.append(a)
        return out

    def relation(self, spec: PropertySpec, s: Arg, o: Arg, sent: Span, kind: str,
                 confidence: float) -> Relation:
        return Relation(
            subject=s.iri, predicate=spec.name, obj=o.iri, doc_id=self.doc_id,
            sentence=sent.text.strip(), subject_span=(s.start_char, s.end_char),
            object_span=(o.start_char, o.end_char),
            confidence=round(confidence * s.discount * o.discount, 3), extractor=f"rule:{kind}",
        )

    # -- rule:svo --------------------------------------------------------
    def svo(self, sent: Span) -> Iterator[Relation]:
        for verb in sent:
            triggers = self.verb_triggers.get(verb.lemma_.lower())
            if not triggers or verb.pos_ not in {"VERB", "AUX"} or _negated(verb):
                continue
            preps = {c.lower_: c for c in verb.children if c.dep_ in {"prep", "agent", "dative"}}
            for child in verb.children:  # "born 7 May 1932 in Metz": the place hangs on the date
                if child.ent_type_ == "DATE" and child.dep_ in {"npadvmod", "dobj", "tmod", "oprd"}:
                    for c in child.children:
                        if c.dep_ == "prep":
                            preps.setdefault(c.lower_, c)
            confidence = CONFIDENCE["svo"] * (HEDGE_DISCOUNT if _hedged(verb) else 1.0)
            found: dict[tuple[str, str], list[tuple[PropertySpec, Arg, Arg]]] = {}
            for words, specs, inverse in triggers:
                if len(words) == 2 and words[1] not in preps:
                    continue
                for spec in specs:
                    if spec.literal:
                        yield from self._dated(spec, verb, words, preps, sent, confidence)
                        continue
                    for s, o in self._svo_pairs(verb, words, preps, inverse):
                        found.setdefault((s.iri, o.iri), []).append((spec, s, o))
            for options in found.values():
                # a pair several triggers fit: keep the properties whose domain and
                # range fit, or the first (it goes to the quarantine graph)
                fitting = [x for x in options if x[0].allows(x[1].cls, x[2].cls)] or options[:1]
                for spec, s, o in fitting:
                    yield self.relation(spec, s, o, sent, "svo", confidence)

    def _dated(self, spec: PropertySpec, verb: Token, words: list[str], preps: dict,  # type: ignore[type-arg]
               sent: Span, confidence: float) -> Iterator[Relation]:
        """A date literal: "founded in 1998", "born on 4 May 1970"."""
        if len(words) == 2:
            date = _pobj(preps[words[1]])
        else:  # "born May 24, 1977": a date right under the verb
            date = next((c for c in verb.children if c.ent_type_ == "DATE" and c.dep_ != "prep"), None)
        if date is None or date.ent_type_ != "DATE":
            return
        span = next(e for e in self.doc.ents if e.start <= date.i < e.end)
        for s in self.args(_subject(verb)):
            if spec.allows(s.cls, None):
                yield Relation(
                    subject=s.iri, predicate=spec.name, obj=span.text, doc_id=self.doc_id,
                    sentence=sent.text.strip(), subject_span=(s.start_char, s.end_char),
                    object_span=(span.start_char, span.end_char), confidence=confidence,
                    extractor="rule:svo", object_is_literal=True,
                )

    def _svo_pairs(self, verb: Token, words: list[str], preps: dict, inverse: bool):  # type: ignore[no-untyped-def]
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        subject = _subject(verb)
        if len(words) == 2:  # "rely on", "headquartered in": the subject, the preposition's object
            agents, patients = self.args(subject), self.args(_pobj(preps[words[1]]), maker=True)
        elif passive:
            agents = self.args(_pobj(preps.get("by")))
            patients = self.args(subject)
        else:
            agents = self.args(subject)
            dobj = next((c for c in verb.children if c.dep_ in {"dobj", "attr"}), None)
            patients = self.args(dobj, maker=True)
        for a in agents:
            for p in patients:
                yield (p, a) if inverse else (a, p)

    # -- rule:title ------------------------------------------------------
    def titles(self, sent: Span) -> Iterator[Relation]:
        for token in sent:
            person = self.arg(token)
            if person is None or person.cls != "Person" or self.by_token[token.i][2].end - 1 != token.i:
                continue
            for title in self._titles_of(token):
                phrase = _title_phrase(title, self.by_token)
                match = self._title_spec(phrase)
                if match is None:
                    continue
                spec, inverse = match
                for owner in self._owners(title):
                    if owner.iri == person.iri:
                        continue
                    bearer_is_subject = not inverse and (not spec.domain or "Person" in spec.domain)
                    s, o = (person, owner) if bearer_is_subject else (owner, person)
                    if spec.allows(s.cls, o.cls):
                        yield self.relation(spec, s, o, sent, "title", CONFIDENCE["title"])
                if spec.name in JOB_PROPERTIES and "jobTitle" in self.lexicon.properties:
                    yield Relation(
                        subject=person.iri, predicate="jobTitle", obj=self.doc.text[slice(*phrase)],
                        doc_id=self.doc_id, sentence=sent.text.strip(),
                        subject_span=(person.start_char, person.end_char), object_span=phrase,
                        confidence=CONFIDENCE["title"], extractor="rule:title", object_is_literal=True,
                    )

    def _titles_of(self, person: Token) -> Iterator[Token]:
        """Title nouns around a person's name, with their conjuncts ("chairman and CEO")."""
        candidates = []
        # "AWS CEO Matt Garman", "his wife Donna": a title inside the noun phrase
        candidates += [c for c in person.children
                       if c.dep_ in {"compound", "nmod"} and self.arg(c) is None]
        # "Benoit Dupin, Apple's Senior Director of ...", "Ken, his son"
        candidates += [c for c in person.children if c.dep_ == "appos"]
        # "Apple's CEO, Tim Cook", "his wife, Donna"
        if person.dep_ == "appos":
            candidates.append(person.head)
        # "her son is Ken", "his father was the painter X": the subject the name is equated with
        named = person.head if person.dep_ == "appos" else person
        if named.dep_ == "attr" and named.head.lemma_ in _COPULAS:
            candidates += [c for c in named.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # "Tim Cook is (the chairman and) CEO of Apple"; "he became CEO of X"
        if person.dep_ in {"nsubj", "nsubjpass"}:
            verb = person.head
            if verb.lemma_ in _COPULAS:
                candidates += [c for c in verb.children if c.dep_ in {"attr", "oprd", "acomp"}]
            # "he served as CEO of X", "she joined X as chief economist"
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
                candidates += [c for c in prep.children if c.dep_ == "pobj"]
        candidates += [a for c in candidates for a in c.children if a.dep_ == "appos"]
        for candidate in candidates:
            for t in (candidate, *_conjuncts(candidate)):
                if self._is_title(t) and (t.i == candidate.i or not self._named(t, person)):
                    yield t

    def _named(self, title: Token, person: Token) -> bool:
        """Whether a conjunct title is a phrase of its own: "(his wife, Amy, and) their daughter, Eloise"."""
        return any(c.i != person.i and (c.dep_ == "poss" or c.dep_ == "appos" and (
            c.pos_ == "PROPN" or self.arg(c) is not None)) for c in title.children)

    def _is_title(self, token: Token) -> bool:
        return token.lower_ in self.title_heads

    def _title_spec(self, phrase: tuple[int, int]) -> tuple[PropertySpec, bool] | None:
        """The property a title phrase states, and whether its bearer is the object."""
        text = " ".join(self.doc.text[phrase[0]:phrase[1]].lower().split())
        matches = [t for t in self.title_specs if f" {t} " in f" {text} "]
        if not matches:
            return None
        return self.title_specs[max(matches, key=len)]

    def _owners(self, title: Token) -> list[Arg]:
        """Who qualifies a title: "Apple's", "AWS" before it, "of/at/for Apple" after it.

        A title with no qualifier of its own shares its conjunct's ("chairman and CEO of Yahoo").
        """
        for node in (title, *_conjuncts(title), *([title.head] if title.dep_ == "conj" else [])):
            owners = [a for c in node.children if c.dep_ in {"poss", "compound", "nmod"}
                      for a in [self.arg(c)] if a]
            for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ in _TITLE_PREPS):
                pobj = _pobj(prep)
                found = self.args(pobj)
                if not found and pobj is not None:  # "chairman of the board of General Motors"
                    inner = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    found = self.args(_pobj(inner))
                owners += found
            if owners:
                return owners
        return []

    # -- rule:attachment -------------------------------------------------
    def attachments(self, sent: Span) -> Iterator[Relation]:
        """"Sam Kadet of Skadden", "Columbus, Miss.", "a Republican from Chicago",
        "the Boston-based X": a name attached to another by a preposition trigger."""
        seen: set[int] = set()
        for token in sent:
            first = self.arg(token)
            if first is None or self.by_token[token.i][2].anaphor:
                continue
            found = self.by_token[token.i][2]
            if found.start in seen or token.i != _span_root(self.doc, found):
                continue
            seen.add(found.start)
            heads = [token] + [c for c in token.children if c.dep_ == "appos" and self.arg(c) is None]
            for head in heads:
                for prep, second in self._attached(head, found):
                    specs = [s for s in self.by_prep.get(prep, ()) if s.allows(first.cls, second.cls)]
                    if specs and second.iri != first.iri:
                        yield self.relation(specs[0], first, second, sent, "attachment",
                                            CONFIDENCE["attachment"])

    def _attached(self, head: Token, found) -> Iterator[tuple[str, Arg]]:  # type: ignore[no-untyped-def]
        for child in head.children:
            if child.dep_ == "prep":
                for a in self.args(_pobj(child)):
                    yield child.lower_, a
            elif child.dep_ in {"appos", "npadvmod", "conj"} and child.i == found.end + 1 \
                    and self.doc[found.end].text == ",":
                a = self.arg(child)
                if a is not None:
                    yield ",", a
            elif child.dep_ in {"amod", "compound"} and child.lower_ == "based":  # "Boston-based"
                for place in child.children:
                    a = self.arg(place)
                    if a is not None:
                        yield "based", a

    # -- rule:occasion ---------------------------------------------------
    def occasions(self, sent: Span) -> Iterator[Relation]:
        """"During the AWS Reinvent conference, Dupin revealed ...": the subject took part.

        The preposition comes from the ontology (``participatesIn``'s
        ``kg:prepositionTrigger``); the event is named in its object.
        """
        for verb in sent:
            if verb.pos_ not in {"VERB", "AUX"} or _negated(verb):
                continue
            for prep in (c for c in verb.children if c.dep_ == "prep"):
                specs = [s for s in self.by_prep.get(prep.lower_, ()) if "Event" in s.range]
                pobj = _pobj(prep)
                if not specs or pobj is None:
                    continue
                events = [a for t in pobj.subtree if t.i <= pobj.i for a in [self.arg(t)]
                          if a is not None and a.cls == "Event"]
                for spec in specs:
                    for who in self.args(_subject(verb)):
                        for event in events[:1]:
                            if spec.allows(who.cls, event.cls):
                                yield self.relation(spec, who, event, sent, "attachment",
                                                    CONFIDENCE["attachment"])

    # -- rule:name -------------------------------------------------------
    def brands(self, sent: Span) -> Iterator[Relation]:
        """"Apple Maps", "Microsoft Azure": a product named after its maker, named in the text.

        The maker's name starts the product's mention ("Apple Maps"), or its
        gazetteer name when the sentence names the maker too ("Microsoft ... Azure").
        """
        spec = self.lexicon.properties.get("develops")
        if spec is None:
            return
        for token in sent:
            hit = self.by_token.get(token.i)
            product = self.arg(token)
            if hit is None or product is None or hit[1] not in _THINGS or hit[2].start != token.i \
                    or hit[2].anaphor:
                continue
            maker = self._maker(hit[2].text)
            if maker is not None:
                span = (hit[2].start_char, hit[2].start_char + len(maker[1]))
            else:
                maker = self._maker(self.labels.get(product.iri, ""))
                named = next((f for t in range(sent.start, sent.end) for hit in [self.by_token.get(t)]
                              if maker and hit and hit[0] == maker[0] for f in [hit[2]]), None)
                if maker is None or named is None:
                    continue
                span = (named.start_char, named.end_char)
            if maker[0] != product.iri:
                yield self.relation(spec, Arg(maker[0], "Organization", *span), product, sent,
                                    "name", CONFIDENCE["name"])

    def _maker(self, name: str) -> tuple[str, str] | None:
        """The organisation (IRI, name) whose name starts ``name``, if the text names one."""
        words = name.split()
        for k in range(len(words) - 1, 0, -1):
            iri = self.organizations.get(name_key(" ".join(words[:k])))
            if iri is not None:
                return iri, " ".join(words[:k])
        return None

    # -- rule:nationality ------------------------------------------------
    def nationalities(self, sent: Span) -> Iterator[Relation]:
        """"X is a Belgian engineer", "X, an American businessman": the demonym's country."""
        spec = self.lexicon.properties.get("nationality")
        if spec is None:
            return
        for token in sent:
            place = self.arg(token)
            if place is None or place.cls != "Place" or token.dep_ not in {"amod", "compound", "nmod"}:
                continue
            noun = token.head
            people = []
            if noun.dep_ in {"attr", "appos"} or noun.head.dep_ == "appos":
                holder = noun.head
                if noun.dep_ == "attr":
                    holder = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), holder)
                people = [a for a in [self.arg(holder)] if a and a.cls == "Person"]
            for person in people:
                yield self.relation(spec, person, place, sent, "nationality", CONFIDENCE["nationality"])

    # -- rule:possessive -------------------------------------------------
    def possessives(self, sent: Span) -> Iterator[Relation]:
        specs = [s for s in self.lexicon.properties.values() if s.possessive]
        for token in sent:
            if token.dep_ != "poss":
                continue
            owner = self.arg(token)
            head = token.head
            if owner is None or self._is_title(head):
                continue
            owned = self.arg(head) or next(
                (a for c in head.children if c.dep_ in {"compound", "nmod", "amod"} for a in [self.arg(c)] if a), None)
            if owned is None or owned.iri == owner.iri:
                continue
            for spec in specs:
                if spec.allows(owner.cls, owned.cls):
                    yield self.relation(spec, owner, owned, sent, "possessive", CONFIDENCE["possessive"])
                elif spec.allows(owned.cls, owner.cls):
                    yield self.relation(spec, owned, owner, sent, "possessive", CONFIDENCE["possessive"])

    # -- rule:noun -------------------------------------------------------
    def nouns(self, sent: Span) -> Iterator[Relation]:
        for noun in sent:
            specs = self.nouns_.get(noun.lemma_.lower()) or self.nouns_.get(noun.lower_)
            if not specs or noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            preps = [c for c in noun.children if c.dep_ == "prep"]
            owners = [a for c in noun.children if c.dep_ == "poss" for a in self.args(c)]
            if not owners and noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
                # "Apple's aspirations to grow amid competition from rivals": the clause's subject
                owners = self.args(_subject(noun.head.head))
            for prep in preps:
                objects = self.args(_pobj(prep), maker=True)
                if prep.lower_ == "between" and len(objects) >= 2:
                    pairs = [(objects[0], o) for o in objects[1:]]
                else:
                    pairs = [(s, o) for s in owners for o in objects]
                for s, o in pairs:
                    spec = _fitting(specs, s.cls, o.cls)
                    yield self.relation(spec, s, o, sent, "noun", CONFIDENCE["noun"])


def _fitting(specs: list[PropertySpec], s_cls: str, o_cls: str) -> PropertySpec:
    """The first property whose domain and range fit; else the first (quarantined later)."""
    return next((s for s in specs if s.allows(s_cls, o_cls)), specs[0])


def _span_root(doc: Doc, found) -> int:  # type: ignore[no-untyped-def]
    """The token of a mention whose head lies outside it."""
    span = doc[found.start:found.end]
    return span.root.i


def _conjuncts(token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj":
                out.append(child)
                stack.append(child)
    return out


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it inherits ("Apple is focused on using X")."""
    node = verb
    for _ in range(6):
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE and node.dep_ == "relcl":  # "Smith, who founded X"
                return node.head
            return subject
        if node.dep_ == "acl":
            if node.head.pos_ == "PROPN":  # "Tom Hubert (born May 24, 1977)"
                return node.head
            # "Apple's plans to use X": the owner of the noun
            return next((c for c in node.head.children if c.dep_ == "poss"), None)
        if node.dep_ not in _CONTROL_DEPS or node.head.i == node.i:
            return None
        node = node.head
    return None


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    node = verb
    for _ in range(3):  # "instead of investing", "rather than buying", "without using"
        if node.dep_ not in {"pcomp", "pobj", "prep"} or node.head.i == node.i:
            break
        node = node.head
        if node.lower_ in _COUNTERFACTUAL or any(c.lower_ in _COUNTERFACTUAL for c in node.children):
            return True
    return False


def _hedged(verb: Token) -> bool:
    return any(c.lower_ in _HEDGES for c in verb.children if c.dep_ in {"aux", "advmod"}) or \
        (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _HEDGES)


def _title_phrase(title: Token, by_token: dict) -> tuple[int, int]:  # type: ignore[type-arg]
    """Character span of a job title: "Senior Director of Machine Learning and AI"."""
    tokens = [t for t in title.subtree
              if t.i == title.i or (t.dep_ not in {"poss", "det", "case", "punct", "appos", "relcl"}
                                    and t.i not in by_token)]
    tokens = [t for t in tokens if not _under(t, title, {"poss", "det", "appos", "relcl"})]
    # keep only the contiguous run around the title noun
    left = title.i
    ids = {t.i for t in tokens}
    while left - 1 in ids:
        left -= 1
    right = title.i
    while right + 1 in ids or (right + 2 in ids and title.doc[right + 1].dep_ in {"cc", "punct"}
                               and title.doc[right + 1].text != ","):
        right += 1 if right + 1 in ids else 2
    doc = title.doc
    while right > title.i and doc[right].dep_ in {"prep", "cc", "punct", "det"}:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _under(token: Token, top: Token, deps: set[str]) -> bool:
    node = token
    while node.i != top.i:
        if node.dep_ in deps:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False
