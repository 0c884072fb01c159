"""Mentions to entities: one entity per real thing, with a safe, stable IRI.

Within a document, names that are the same up to case, punctuation, "the",
a possessive or a company suffix are one entity; so are "Amazon Web Services
(AWS)", an acronym and its expansion, a surname and the full name of a
person, and a shorter form of a name and the one longer form it fits
("Henrik Angell", "Henrik August Angell"). Across documents an
:class:`AliasIndex` maps every name seen to its entity of the same class, so
"AWS" in one article and "Amazon Web Services" in another meet. Each name
records the rule that joined it (:data:`JOIN_RULES`, ``Resolved.joined_by``).

Examples
--------
>>> index = AliasIndex()
>>> aws = Entity(mint_iri("https://w3id.org/kg/id/", "Organization", "Amazon Web Services"),
...              "Organization", "Amazon Web Services", ("AWS",))
>>> index.add(aws)
>>> index.find(["AWS"], "Organization") == aws
True
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kg.extract.classes import ORGANIZATION_WORDS
from kg.extract.given_names import given_names, name_genders, nickname_of
from kg.extract.mentions import GAZETTEER_WEIGHT, Found
from kg.extract.short_names import NAME_PARTICLES, surnames
from kg.extract.naming import (_POSSESSIVE, _best_label, _initials, _is_acronym, _subsequence, abbreviates,
                               mint_iri, name_key)
from kg.types import Entity, Mention, changed

__all__ = ["AliasIndex", "EntityMention", "JOIN_RULES", "Resolved", "WEAK_RULES", "abbreviates", "mint_iri",
           "name_key", "resolve"]

#: Why a name belongs to its entity (``Resolved.joined_by``); "" is the name it was founded on.
JOIN_RULES = ("same name", "gazetteer", "abbreviation", "alias", "surname", "first name", "name variant",
              "earlier document")
#: Joins that a second name or a second document should confirm before they capture a full name.
WEAK_RULES = frozenset({"abbreviation", "alias", "surname", "first name", "name variant"})
#: Possessives that, right after "X and", stand for X ("Johan and his wife Marie").
_CONJUNCT_POSSESSIVES = frozenset({"his", "her", "its", "their"})
#: The first letter of the word after a pronoun, past a contraction ("I 'm Still Alive").
_NEXT_WORD = re.compile(r"\s*(?:\s?['’]\w+\s*)?(\w)")
#: Pronouns that open a sentence's own account of a person, whom a sentence before must name.
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
#: The gender a person pronoun gives its entity.
_GENDER = {**dict.fromkeys(("he", "him", "his", "himself"), "m"),
           **dict.fromkeys(("she", "her", "hers", "herself"), "f")}


@dataclass
class AliasIndex:
    """Every name key seen so far, mapped to the entities that carry it.

    A name that only a weak rule (:data:`WEAK_RULES`) joined to an entity,
    in a single document, is ``weak``: it finds that entity for a later
    document only when the later document names it alone (a surname, an
    acronym), never when it is a different full name's short form there.

    >>> index = AliasIndex()
    >>> aws = Entity("https://w3id.org/kg/id/Organization/AWS", "Organization", "Amazon Web Services",
    ...              ("AWS",))
    >>> index.add(aws, weak=("AWS",))
    >>> index.find(["AWS"], "Organization").label
    'Amazon Web Services'
    >>> index.find(["AWS"], "Person") is None  # never across classes
    True

    ``source``, when given, is asked once for each name key before the index first
    reads or changes it: the (entity, weak) pairs already known under the key, in
    order (a build's earlier documents, read on demand: :func:`kg.pipeline.build`).

    >>> lazy = AliasIndex(source=lambda key: [(aws, True)] if key == "aws" else [])
    >>> lazy.find(["AWS"], "Organization").iri == aws.iri, lazy.find(["AWS Lambda"], "Organization")
    (True, None)
    """

    entries: dict[str, list[Entity]] = field(default_factory=lambda: defaultdict(list))
    #: name key -> IRIs it names only through one weak join
    weak: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    source: Callable[[str], Iterable[tuple[Entity, bool]]] | None = field(default=None, repr=False)
    _loaded: set[str] = field(default_factory=set, repr=False)

    def named(self, key: str) -> list[Entity]:
        """The entities under name key ``key``, in the order they came."""
        self._load(key)
        return self.entries.get(key, [])

    def _load(self, key: str) -> None:
        if self.source is None or key in self._loaded:
            return
        self._loaded.add(key)
        for entity, weak in self.source(key):
            bucket = self.entries[key]
            if all(e.iri != entity.iri for e in bucket):
                bucket.append(entity)
                if weak:
                    self.weak[key].add(entity.iri)

    def add(self, entity: Entity, names: tuple[str, ...] = (), weak: tuple[str, ...] = ()) -> None:
        """Index ``entity`` under its names; ``weak``: those a weak rule joined in this document."""
        weak_keys = {name_key(n) for n in weak} - {name_key(entity.label)}
        for key in dict.fromkeys(name_key(n) for n in (entity.label, *entity.alt_labels, *names)):
            self._load(key)
            bucket = self.entries[key]
            if all(e.iri != entity.iri for e in bucket):
                bucket.append(entity)
                if key in weak_keys:
                    self.weak[key].add(entity.iri)
            elif key not in weak_keys or entity.iri in self.weak.get(key, ()):
                # said again (or plainly) in another document: confirmed
                self.weak.get(key, set()).discard(entity.iri)

    def find(self, names: list[str], cls: str, strong: bool = False) -> Entity | None:
        """The known entity of class ``cls`` for the first of ``names`` that has one.

        A weak alias does not capture a name of two words or more. ``strong``
        is kept for callers of the older signature; classes never mix.
        """
        for name in names:
            key = name_key(name)
            several = len(key.split()) > 1
            for entity in self.named(key):
                if entity.cls == cls and not (several and entity.iri in self.weak.get(key, ())):
                    return entity
        return None


@dataclass(frozen=True)
class EntityMention:
    """A resolved mention: the entity it names and where it is in the document.

    >>> f = Found(0, 2, 0, 8, "Tim Cook", "Person", 1.0)
    >>> hit = EntityMention("https://w3id.org/kg/id/Person/Tim_Cook", "Person", "Tim Cook", f)
    >>> hit.token_span, hit.char_span, hit.anaphor
    ((0, 2), (0, 8), False)
    """

    iri: str  # the entity's IRI
    cls: str  # the entity's class
    label: str  # the entity's canonical name
    found: Found  # the mention itself (a name, or a pronoun the entity stands for)

    @property
    def start(self) -> int:
        return self.found.start

    @property
    def end(self) -> int:
        return self.found.end

    @property
    def start_char(self) -> int:
        return self.found.start_char

    @property
    def end_char(self) -> int:
        return self.found.end_char

    @property
    def token_span(self) -> tuple[int, int]:
        return (self.found.start, self.found.end)

    @property
    def char_span(self) -> tuple[int, int]:
        return (self.found.start_char, self.found.end_char)

    @property
    def anaphor(self) -> bool:
        return self.found.anaphor

    @property
    def text(self) -> str:
        return self.found.text


@dataclass(frozen=True)
class Resolved:
    """The entities of one document and which mention belongs to which.

    ``joined_by`` holds (entity IRI, name as written, rule) once per name of
    each entity in the document: "" for the name the entity was founded on
    here, else the rule of :data:`JOIN_RULES` that joined the name to it.
    """

    entities: tuple[Entity, ...]
    mentions: tuple[tuple[str, Mention], ...]  # (entity IRI, mention)
    by_token: dict[int, EntityMention]  # token index -> the resolved mention on it
    joined_by: tuple[tuple[str, str, str], ...] = ()


def resolve(found: list[Found], doc_id: str, text: str, index: AliasIndex, base: str,
            name: str = "") -> Resolved:
    """Group a document's mentions into entities and give each its IRI.

    Anaphora ("he", "its", "the company") join the last entity of their class
    named before them; their spans count as evidence, not as names. ``name``
    (the document's title or file) labels the author of an "I" that names no
    one, when the document is told in the first person.
    """
    anaphora = [f for f in found if f.anaphor]
    found = [f for f in found if not f.anaphor]
    parent = list(range(len(found)))
    edges: dict[int, list[tuple[int, str]]] = defaultdict(list)  # the joins, both ways

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int, rule: str) -> None:
        if root(a) != root(b) and not (rule in WEAK_RULES and _groups_apart(found, root, a, b)):
            edges[a].append((b, rule))
            edges[b].append((a, rule))
            parent[root(a)] = root(b)

    first_by_key: dict[str, int] = {}
    for i, f in enumerate(found):
        key = f.canonical.casefold() if f.canonical else name_key(f.text)
        for k in {key, name_key(f.text)}:
            if k in first_by_key:
                j = first_by_key[k]
                union(i, j, "same name" if name_key(f.text) == name_key(found[j].text) else "gazetteer")
            else:
                first_by_key[k] = i
    _link_acronyms(found, text, union)
    surnames = _link_surnames(found, lambda a, b: union(a, b, "surname"))
    surnames |= _link_first_names(found, surnames, lambda a, b: union(a, b, "first name"))
    _link_variants(found, root, lambda a, b: union(a, b, "name variant"))

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        groups[root(i)].append(i)

    entities, mentions, by_token, joined_by = [], [], {}, []
    for members in groups.values():
        votes: Counter[str] = Counter()
        for i in members:
            votes["Person" if i in surnames else found[i].cls] += found[i].weight
        cls = votes.most_common(1)[0][0]
        names = [found[i].text for i in members if not found[i].demonym]
        canonical = next((found[i].canonical for i in members if found[i].canonical), None)
        label = canonical or _best_label(names or [found[i].text for i in members])
        rules = _rules(members, found, edges, label)
        plain = [label, *(n for n, rule in rules.items() if rule not in WEAK_RULES)]
        known = index.find(plain, cls) or _spelled_out(index, rules, cls)
        if known is not None:
            label, iri = known.label, known.iri
            matched = next(n for n in (*plain, *rules) if any(e.iri == iri for e in index.named(name_key(n))))
            rules = _rules(members, found, edges, matched, "earlier document")
        else:
            iri = mint_iri(base, cls, label)
        alt = tuple(sorted({n for n in names if n != label}))
        entity = Entity(iri=iri, cls=cls, label=label, alt_labels=alt)
        index.add(entity, weak=tuple(n for n, rule in rules.items() if rule in WEAK_RULES))
        entities.append(entity)
        joined_by += [(iri, n, rule) for n, rule in rules.items() if n in names]
        for i in members:
            f = found[i]
            if not f.demonym:  # "Belgian" refers to Belgium but is not one of its names
                mentions.append((iri, Mention(doc_id, f.start_char, f.end_char, f.text, cls)))
            for t in range(f.start, f.end):
                by_token[t] = EntityMention(iri, cls, label, f)
    unnamed = _link_anaphora(anaphora, found, by_token, text)
    entities.extend(_unnamed_entities(_narrated(unnamed, text), doc_id, base, by_token, name))
    mentions.sort(key=lambda pair: pair[1].start)
    return Resolved(tuple(entities), tuple(mentions), by_token, tuple(joined_by))


def _spelled_out(index: AliasIndex, rules: dict[str, str], cls: str) -> Entity | None:
    """An earlier document's entity named only by an acronym this document spells out.

    "Google's TPU chips" in one article and "the Tensor Processing Unit (TPU)"
    in a later one are the same thing, as they are in the other order (where
    the acronym is a weak alias that a lone "TPU" finds). Only an entity whose
    own label is the acronym is joined: an "AWS" that is the alias of another
    expansion stays apart.
    """
    for name, rule in rules.items():
        if rule == "abbreviation" and _is_acronym(name):
            for entity in index.named(name_key(name)):
                if entity.cls == cls and name_key(entity.label) == name_key(name):
                    return entity
    return None


def _rules(members: list[int], found: list[Found], edges: dict[int, list[tuple[int, str]]],
           anchor: str, anchor_rule: str = "") -> dict[str, str]:
    """Each name of a group and the rule that joined it, walking the joins from ``anchor``.

    The anchor (the label, or the name an earlier document knew) gets
    ``anchor_rule``; every other name the rule of the join that reached it
    first. Names in text order.
    """
    start = next((i for i in members if found[i].text == anchor), members[0])
    rule_of = {start: anchor_rule}
    queue = [start]
    for i in queue:
        for j, rule in edges.get(i, ()):
            if j not in rule_of:
                rule_of[j] = rule
                queue.append(j)
    out: dict[str, str] = {}
    for i in queue:  # nearest the anchor first
        out.setdefault(found[i].text, rule_of[i])
    return {found[i].text: out[found[i].text] for i in sorted(members)}


def _unnamed_entities(anaphora: list[Found], doc_id: str, base: str,
                      by_token: dict[int, EntityMention], name: str = "") -> list[Entity]:
    """One entity per role and class for the anaphora that name no one in the document.

    "I enrolled at ..." is the author; a text that starts "He attended ..."
    and never names him is about one unnamed person. Their IRIs are the
    document's own, so they never meet another document's.

    >>> from kg.extract.mentions import Found
    >>> i = Found(0, 1, 0, 1, "I", "Person", 0.0, anaphor=True, author=True)
    >>> by_token = {}
    >>> [e.label for e in _unnamed_entities([i], "d1", "https://w3id.org/kg/id/", by_token, "blog.txt")]
    ['author of blog.txt']
    >>> by_token[0].iri
    'https://w3id.org/kg/id/Person/author_of_d1'
    """
    entities: dict[tuple[bool, str], Entity] = {}
    for a in anaphora:
        key = (a.author, a.cls)
        if key not in entities:
            role = "author" if a.author else "unnamed " + a.cls.lower()
            entities[key] = Entity(iri=mint_iri(base, a.cls, f"{role} of {doc_id}"), cls=a.cls,
                                   label=f"{role} of {name or doc_id[:12]}")
        for t in range(a.start, a.end):
            entity = entities[key]
            by_token.setdefault(t, EntityMention(entity.iri, a.cls, entity.label, a))
    return list(entities.values())


def _main_mentions(found: list[Found], by_token: dict[int, EntityMention],
                   cls: str) -> list[Found]:
    """The first mention of the most mentioned entity of ``cls`` (empty if none)."""
    counts = Counter(by_token[f.start].iri for f in found
                     if f.start in by_token and by_token[f.start].cls == cls)
    if not counts:
        return []
    main = counts.most_common(1)[0][0]
    return [next(f for f in found if f.start in by_token and by_token[f.start].iri == main)]


def _main_entity(found: list[Found], by_token: dict[int, EntityMention], cls: str) -> str | None:
    """The entity of ``cls`` named more often than any other, else the first that is a main
    clause's subject (the topic of a biography's opening sentence), if any."""
    of_cls = [f for f in found if f.start in by_token and by_token[f.start].cls == cls]
    counts = Counter(by_token[f.start].iri for f in of_cls).most_common(2)
    if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]):
        return counts[0][0]
    return next((by_token[f.start].iri for f in of_cls if f.salient == 2), None)


def _link_anaphora(anaphora: list[Found], found: list[Found],
                   by_token: dict[int, EntityMention], text: str = "") -> list[Found]:
    """Point each anaphor at an entity of its class named before it; return the rest.

    A possessive right after "X and" is X ("son of Johan and his wife
    Marie"); a possessive "its" is its own clause's subject's, when that can be
    it. Otherwise the closest subject (or subject's possessor) of this
    or the previous sentence wins; failing that, the closest mention of the class.
    An object pronoun ("appointed him") is the last person its own sentence named before it,
    if any. A person once called "he" is not a later "she", and the other way round, and nor is a
    person whose given name is a man's ("The daughter of Omar Haddad, she taught ...": she is
    not Omar Haddad; :func:`_named_genders`).
    """
    linked: list[Found] = []
    unnamed: list[Found] = []
    gender_of = _named_genders(found, by_token, text)  # entity IRI -> gender (honorific, given name, pronoun)

    def link(a: Found, named: EntityMention) -> None:
        for t in range(a.start, a.end):
            by_token.setdefault(t, changed(named, found=a))
        linked.append(a)
        if a.text.casefold() in _GENDER:
            gender_of.setdefault(named.iri, _GENDER[a.text.casefold()])

    main = _main_entity(found, by_token, "Person")
    main_organisation = _main_entity(found, by_token, "Organization")
    for a in anaphora:
        if a.author:  # "I", "we": the writer, never the last person named
            unnamed.append(a)
            continue
        others = {by_token[t].iri for t in a.apart if t in by_token}  # "she" in "she married X" is not X
        gender = _GENDER.get(a.text.casefold())
        wrong = others | {iri for iri, g in gender_of.items() if gender and g != gender}
        before = sorted((f for f in (*found, *linked)
                         if f.end <= a.start and f.start in by_token and by_token[f.start].cls == a.cls
                         and by_token[f.start].iri not in wrong),
                        key=lambda f: f.start)
        if a.antecedent is not None and a.antecedent in by_token:
            before = [next(f for f in before if f.start == a.antecedent)] if any(
                f.start == a.antecedent for f in before) else before
        if not before and not (a.cls == "Person" and a.after_name) \
                and not (a.clause_subject is not None and a.clause_subject in by_token):
            # nothing named before it: the document's main entity of the class; but after a
            # proper-noun subject NER did not take for a person, "she" is likelier that name
            # than a person first named later ("Sara Black ... She taught ... Jillian Soto"), and an
            # "its" is its own clause's subject's, whatever class it got ("Christian Relief named X its CEO")
            before = [f for f in _main_mentions(found, by_token, a.cls) if by_token[f.start].iri not in wrong
                      and (a.cls != "Organization" or f.sentence <= a.sentence + 1)]
        if not before:
            # after a proper-noun subject, it likely names someone NER missed; and an
            # "it" that names nothing may be a film or a storm: no company is made up;
            # a person the sentence sets apart from those named ("his father, X") is someone
            if a.cls == "Person" and (not a.after_name or others):
                unnamed.append(a)
            continue
        if _conjunct(a, before[-1], text) or (a.antecedent is not None and before[-1].start == a.antecedent):
            link(a, by_token[before[-1].start])
            continue
        own = [f for f in before if a.clause_subject is not None and f.start <= a.clause_subject < f.end]
        if own:  # "Microsoft uses them in its data centers", "Kim Roe has not played since his debut"
            link(a, by_token[own[-1].start])
            continue
        near = [f for f in before if a.objective and f.sentence == a.sentence]
        if near:  # "Despite Peltz's bid for a seat, P&G appointed him": the person its sentence named
            link(a, by_token[near[-1].start])
            continue
        recent_sentences = sorted({f.sentence for f in before} | {a.sentence})[-2:]
        salient = [f for f in before if f.salient and f.sentence in recent_sentences]
        # one a pronoun of this gender already stood for first ("Critic Jerry Saltz wrote that
        # her work ... She exhibited": the artist), then a main clause's subject before another
        # clause's ("Her show, which Sam Roe curated, opened. She lives in Leeds"); the latest
        same = lambda f: bool(gender) and gender_of.get(by_token[f.start].iri) == gender  # noqa: E731
        pick = _not_the_speaker(max(salient, key=lambda f: (same(f), f.salient, f.start)), salient,
                                lambda f: by_token[f.start].iri, same) if salient \
            else _closest(before, lambda f: by_token[f.start].iri, same, main) \
            if a.text.casefold() in _SUBJECT_PRONOUNS and before[-1].sentence != a.sentence \
            else _topic(before, a, main_organisation, lambda f: by_token[f.start].iri) \
            if a.cls == "Organization" else before[-1]
        if pick is None:  # "Acme named Ann Roe chief, replacing Kim Lee. She ...": either; no guess
            continue
        if a.loose_subject is not None and pick.salient < 2 and not pick.anaphor \
                and pick.sentence <= a.loose_subject[0] and a.loose_subject[1] <= pick.start:
            continue  # "Hester will take over from John Ritblat ... he": likelier the subject NER missed
        if a.nominal_subject is not None and pick.salient < 2 and not pick.anaphor \
                and pick.sentence <= a.nominal_subject[0] \
                and not a.nominal_subject[1] <= pick.start < a.nominal_subject[2]:  # "the office of Acme"
            continue  # "With help from the Rift Council, the society cut costs. It ...": the society
        link(a, by_token[pick.start])
    return unnamed


def _topic(before: list[Found], a: Found, main: str | None, iri_of: Callable[[Found], str]) -> Found:
    """The organisation "the company" or "its" stands for when no subject near it decides: the
    latest one named, in its own sentence; else the document's main organisation (``main``),
    if it was named before; else the latest: "Walgreens ... [Brewer came from Walmart] ... the
    company's chief financial officer" is Walgreens.

    >>> f = lambda start, text, sentence: Found(start, start + 1, start, start + 1, text, "Organization",
    ...                                         1.0, sentence=sentence)
    >>> walgreens, walmart, company = f(0, "Walgreens", 0), f(9, "Walmart", 2), f(20, "the company", 4)
    >>> _topic([walgreens, walmart], company, "Walgreens", lambda g: g.text).text
    'Walgreens'
    >>> _topic([walgreens, walmart], f(12, "its", 2), "Walgreens", lambda g: g.text).text
    'Walmart'
    """
    last = before[-1]
    if last.sentence == a.sentence or main is None:
        return last
    return next((f for f in reversed(before) if iri_of(f) == main), last)


def _not_the_speaker(pick: Found, salient: list[Found], iri_of: Callable[[Found], str],
                     same: Callable[[Found], bool]) -> Found | None:
    """``pick``, unless it is the subject of "said" (:attr:`Found.speaker`) and its sentence has
    another subject the pronoun could stand for, that gender does not tell apart: "Kemi Aldana
    will run it, Chidi Okafor said. Previously, she ..." is either (none: no fact beats a guess).

    >>> f = lambda start, text, speaker: Found(start, start + 1, start, start + 1, text, "Person", 1.0,
    ...                                        salient=2 if speaker else 1, speaker=speaker)
    >>> kemi, chidi = f(0, "Kemi", False), f(5, "Chidi", True)
    >>> _not_the_speaker(chidi, [kemi, chidi], lambda g: g.text, lambda g: False) is None
    True
    >>> _not_the_speaker(chidi, [chidi], lambda g: g.text, lambda g: False).text
    'Chidi'
    """
    if not pick.speaker or same(pick):
        return pick
    rivals = [f for f in salient if f.sentence == pick.sentence and iri_of(f) != iri_of(pick)]
    return None if rivals else pick


def _closest(before: list[Found], iri_of: Callable[[Found], str], same: Callable[[Found], bool],
             main: str | None = None) -> Found | None:
    """The latest of ``before`` when no subject decides, if its sentence names no other
    entity the pronoun could stand for; else the only one of them of the pronoun's gender
    (``same``), if one is; else the document's ``main`` entity, if it is one of them; else
    none: one of two people a sentence names is a guess.

    >>> f = lambda start, text: Found(start, start + 1, start, start + 1, text, "Person", 1.0, sentence=0)
    >>> ann, kim = f(2, "Ann"), f(5, "Kim")
    >>> _closest([ann], lambda g: g.text, lambda g: False).text
    'Ann'
    >>> _closest([ann, kim], lambda g: g.text, lambda g: False) is None
    True
    >>> _closest([ann, kim], lambda g: g.text, lambda g: g is ann).text
    'Ann'
    >>> _closest([ann, kim], lambda g: g.text, lambda g: False, main="Ann").text
    'Ann'
    """
    last = before[-1]
    rivals = {iri_of(f): f for f in before if f.sentence == last.sentence}
    if len(rivals) == 1:
        return last
    fits = [f for f in rivals.values() if same(f)]
    if len(fits) == 1:
        return fits[0]
    topic = rivals.get(main) if main is not None else None
    return topic if topic is not None and (not fits or same(topic)) else None


def _named_genders(found: list[Found], by_token: dict[int, EntityMention], text: str = "") -> dict[str, str]:
    """The gender of each person an honorific names ("Ms", "Mr", "Dame" before the name, in
    it or in ``text`` right before it), else of each named in full (two words or more, past a
    title such as "Dr") whose given name is of one gender only
    (:func:`kg.extract.given_names.name_genders`). An honorific outweighs a given name.

    >>> f = Found(0, 2, 0, 12, "Omar Haddad", "Person", 1.0)
    >>> _named_genders([f], {0: EntityMention("x/Omar_Haddad", "Person", "Omar Haddad", f)})
    {'x/Omar_Haddad': 'm'}
    >>> f = Found(1, 2, 3, 8, "Chidi", "Person", 1.0)
    >>> _named_genders([f], {1: EntityMention("x/Chidi", "Person", "Chidi", f)}, "Ms Chidi said no.")
    {'x/Chidi': 'f'}
    """
    genders = name_genders()
    out: dict[str, str] = {}
    given: dict[str, str] = {}
    for f in found:
        hit = by_token.get(f.start)
        if hit is None or hit.cls != "Person":
            continue
        words = f.text.split()
        before = _LAST_WORD.search(text[max(0, f.start_char - 12):f.start_char])
        honorific = _HONORIFICS.get(before.group(1).casefold()) if before else None
        if honorific is None and len(words) > 1:
            honorific = _HONORIFICS.get(words[0].rstrip(".").casefold())
        if honorific is not None:
            out.setdefault(hit.iri, honorific)
        while len(words) > 2 and words[0].rstrip(".").casefold() in _TITLES_BEFORE_NAMES:
            words = words[1:]  # "Dr Mira Castell": Mira
        if len(words) > 1 and words[0] in genders:
            given.setdefault(hit.iri, genders[words[0]])
    return {**given, **out}


#: Honorifics and the gender they give the name after them.
_HONORIFICS = {**dict.fromkeys(("mr", "sir", "lord"), "m"),
               **dict.fromkeys(("ms", "mrs", "miss", "dame", "lady", "madam"), "f")}
#: Words before a given name that are no part of it.
_TITLES_BEFORE_NAMES = frozenset({"dr", "prof", "professor", "rev", "reverend", *_HONORIFICS})
#: The last word before a name, and the full stop an honorific may carry ("Mrs. Roe").
_LAST_WORD = re.compile(r"\b(\w+)\.?[ \t]+$")


def _conjunct(a: Found, named: Found, text: str) -> bool:
    """Whether possessive ``a`` follows "``named`` and": "Johan Angell and his wife",
    "Johan Angell (1820–88) and his wife" (a parenthesis between is skipped).

    >>> f = lambda text, start, end: Found(0, 1, start, end, text, "Person", 1.0, sentence=0)
    >>> _conjunct(f("his", 22, 25), f("Johan", 0, 5), "Johan (1820 – 88) and his wife")
    True
    >>> _conjunct(f("his", 18, 21), f("Johan", 0, 5), "Johan met Ann and his wife")
    False
    """
    between = _PARENTHESES.sub("", text[named.end_char:a.start_char])
    return a.text.casefold() in _CONJUNCT_POSSESSIVES and a.sentence == named.sentence \
        and between.strip(" ,").casefold() == "and"


_PARENTHESES = re.compile(r"\([^()]*\)")


def _narrated(unnamed: list[Found], text: str) -> list[Found]:
    """The unnamed anaphora without first-person words that tell no story.

    The author is someone only when the document speaks in the first person:
    two first-person words outside quotes, or one that is a clause's subject
    or its possessor ("I joined Google", "Our CEO is ..."). A numeral "I." or
    "(I)" heading a list is none, nor is a word of a title ("Where I Belong",
    "I 'm Still Alive": the next word capitalised).

    >>> from kg.extract.mentions import Found
    >>> i = Found(0, 1, 0, 1, "I", "Person", 0.0, anaphor=True, author=True, salient=2)
    >>> _narrated([i], "I. Early life"), _narrated([i], "I Am a Rock"), len(_narrated([i], "I won"))
    ([], [], 1)
    """
    def numeral(a: Found) -> bool:
        line_start = text.rfind("\n", 0, a.start_char) + 1
        return a.text == "I" and text[a.end_char:a.end_char + 1] in {".", ")"} \
            and text[line_start:a.start_char].strip() in {"", "("}

    def titled(a: Found) -> bool:
        after = _NEXT_WORD.match(text, a.end_char)
        return after is not None and after.group(1).isupper() and (a.text == "I" or a.start != a.sentence)

    authors: dict[str, list[Found]] = defaultdict(list)
    for a in unnamed:
        if a.author and not numeral(a) and not titled(a):
            authors[a.cls].append(a)
    told = {cls for cls, said in authors.items()
            if len(said) >= 2 or any(a.salient for a in said)}
    return [a for a in unnamed if not a.author or (a.cls in told and a in authors[a.cls])]


#: Words that say the name after them is another name of the one before: "Peter of Varn (or
#: Pierre de Varn; died 1443)", "Kasimir (born Tomas Roux ...)", "Ann Lee, also known as Annie Lee".
_ALIAS_CUE = re.compile(r"(?:\(|,)\s*(?:or|also|also known as|better known as|known as|also called|"
                        r"a\.k\.a\.?|aka|born|née|nee|né|formerly)", re.IGNORECASE)


def _link_acronyms(found: list[Found], text: str, union) -> None:  # type: ignore[no-untyped-def]
    """Join "Amazon Web Services (AWS)" and an acronym with its expansion, and a name
    with the one the text says is another name of it ("Peter of Varn (or Pierre de Varn;
    died 1443)", "Kasimir (born Tomas Roux)": :data:`_ALIAS_CUE`, same class).

    A name in parentheses after another is the same thing only when one
    abbreviates the other, the gazetteer gives both one entry or the words
    before it say so; otherwise it is something the text relates to the first
    ("Mitsubishi Electric (Japan)", "Terje Halleland (Progress Party)").
    """
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        between = text[a.end_char:b.start_char].strip()
        if between == "(" and text[b.end_char:b.end_char + 1] == ")":
            if abbreviates(b.text, a.text) or abbreviates(a.text, b.text):
                union(i, i + 1, "abbreviation")
            elif a.canonical is not None and a.canonical == b.canonical:
                union(i, i + 1, "gazetteer")
        elif _ALIAS_CUE.fullmatch(between) and a.cls == b.cls and a.canonical == b.canonical:
            union(i, i + 1, "alias")
    expansions = {}
    for i, f in enumerate(found):
        initials = _initials(f.text)
        if initials:
            expansions.setdefault(initials, i)
    for i, f in enumerate(found):
        if _is_acronym(f.text) and f.text in expansions and not _known_otherwise(f, found[expansions[f.text]]):
            union(i, expansions[f.text], "abbreviation")


def _known_otherwise(short: Found, long: Found) -> bool:
    """Whether the gazetteer knows ``short`` as another entity than ``long``: "US" is the
    United States, not the "University of Sheffield" its letters spell.

    >>> us = Found(0, 1, 0, 2, "US", "Place", 100.0, canonical="United States")
    >>> _known_otherwise(us, Found(3, 6, 5, 28, "University of Sheffield", "Organization", 1.0))
    True
    """
    return short.canonical is not None and short.canonical != long.canonical


def _link_surnames(found: list[Found], union) -> set[int]:  # type: ignore[no-untyped-def]
    """Join "Dupin" to "Benoit Dupin" (and "Des Cars" to "Laurence Des Cars"); return the
    surnames joined (they vote Person).

    The first full name with that surname wins, unless the sentence keeps the
    two apart: in "Reddy is married to Sneha Reddy", Reddy is someone else.
    """
    full_names: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(found):
        words = f.text.split()
        if f.cls == "Person" and len(words) > 1:
            full_names[words[-1]].append(i)
            for short in surnames(f.text):  # "Laurence Des Cars": "Des Cars"; "Von der Leyen" at a sentence's start
                full_names[short].append(i)
    joined = set()
    for i, f in enumerate(found):
        if (" " in f.text and f.text.split()[0].lower() not in NAME_PARTICLES) or f.weight >= GAZETTEER_WEIGHT:
            continue
        fits = [j for j in full_names.get(f.text, ()) if not _kept_apart(f, found[j])]
        if fits:
            union(i, fits[0])
            joined.add(i)
    return joined


def _link_first_names(found: list[Found], taken: set[int], union) -> set[int]:  # type: ignore[no-untyped-def]
    """Join "Meg" to "Meg Whitman" named before it, when she is the only person named in full
    with that given name (:func:`kg.extract.given_names.given_names`) and the sentence does
    not keep the two apart; a person's nickname too ("James Taiclet ... Jim will lead":
    :func:`kg.extract.given_names.nickname_of`). Return the names joined (they vote
    Person). ``taken``: the names already joined as surnames.

    >>> f = lambda text, start, cls="Person": Found(start, start + len(text.split()), 0, 0, text, cls, 1.0)
    >>> names = [f("Meg Whitman", 0), f("Ray Lane", 5), f("Meg", 9, "Organization")]
    >>> joined = []
    >>> _link_first_names(names, set(), lambda a, b: joined.append((a, b)))
    {2}
    >>> joined
    [(2, 0)]
    """
    given = given_names()
    full: dict[str, set[str]] = defaultdict(set)
    first_at: dict[str, int] = {}
    for i, f in enumerate(found):
        words = f.text.split()
        if f.cls == "Person" and len(words) > 1 and words[0] in given:
            full[words[0]].add(f.text)
            first_at.setdefault(words[0], i)
    joined = set()
    for i, f in enumerate(found):
        given = f.text if f.text in first_at else _nicknamed(f, first_at)
        j = first_at.get(given) if given else None
        if j is None or i in taken or " " in f.text or f.anaphor or f.weight >= GAZETTEER_WEIGHT \
                or len(full[given]) > 1 or found[j].start > f.start or _kept_apart(f, found[j]):
            continue
        union(i, j)
        joined.add(i)
    return joined


def _nicknamed(f: Found, given_names: dict[str, int]) -> str | None:
    """The one given name of ``given_names`` a person's one-word name is a nickname of."""
    if f.cls != "Person" or " " in f.text:
        return None
    fits = [g for g in given_names if nickname_of(f.text, g)]
    return fits[0] if len(fits) == 1 else None


def _link_variants(found: list[Found], root, union) -> None:  # type: ignore[no-untyped-def]
    """Join a shorter form of a name to the one longer form of its class it fits.

    "Henrik Angell" fits "Henrik August Angell": two words or more, the same
    first and last word, its words in order among the longer one's, and the
    longer form named first (a name is shortened after it is introduced; a
    longer name after a shorter one is often a son's or a spin-off's). An
    organisation's one word fits a longer organisation name it ends ("the Varden
    Commission ... the Commission"), or begins where the rest are organisations' words
    ("Nordvik Energy ... Nordvik", ``organization_words``; not "Amazon Web Services"); not a
    gazetteer's name, nor an acronym. A person's initials fit the names they stand for
    ("J. H. Dearle" after "John Henry Dearle"), and a nickname its given name ("Jim Taiclet"
    after "James Taiclet"). When two different longer names fit (or the sentence
    keeps them apart) it joins none.
    """
    words = [[w.casefold() for w in _POSSESSIVE.sub("", f.text).split()] for f in found]
    first: dict[int, int] = {}  # group -> its first mention's token
    for i, f in enumerate(found):
        first.setdefault(root(i), f.start)
    for i, f in enumerate(found):
        short = words[i]
        if f.demonym or not short:
            continue
        if len(short) == 1:
            if f.cls != "Organization" or f.weight >= GAZETTEER_WEIGHT or _is_acronym(f.text):
                continue
            fits = [j for j, long in enumerate(words)
                    if len(long) > 1 and found[j].cls == f.cls and (long[-1] == short[0] or (
                        long[0] == short[0] and all(w in ORGANIZATION_WORDS for w in long[1:])))]
        else:
            fits = [j for j, long in enumerate(words)
                    if found[j].cls == f.cls and long[-1] == short[-1] and not _kept_apart(f, found[j]) and (
                        len(long) > len(short) and long[0] == short[0] and _subsequence(short, long)
                        or f.cls == "Person" and long != short and _initialled(short, long)
                        or f.cls == "Person" and len(long) == len(short) and long[:-1] != short[:-1]
                        and nickname_of(f.text.split()[0], found[j].text.split()[0]))]
        if not fits:
            continue
        if len({root(j) for j in fits}) == 1 and root(fits[0]) != root(i) \
                and first[root(fits[0])] < first[root(i)]:
            union(i, fits[0])


def _initialled(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` writes some of ``long``'s words as their initials, the others as
    they are (words case-folded).

    >>> _initialled(["j.", "h.", "dearle"], ["john", "henry", "dearle"])
    True
    >>> _initialled(["j.h.", "dearle"], ["john", "henry", "dearle"])
    True
    >>> _initialled(["j.", "dearle"], ["john", "henry", "dearle"])
    False
    """
    letters = [w for word in short[:-1]
               for w in (re.findall(r"\w\.", word) if _INITIALS.fullmatch(word) else [word])]
    return len(letters) == len(long) - 1 and any(_INITIALS.fullmatch(w) for w in short[:-1]) and all(
        w == x or _INITIALS.fullmatch(w) is not None and w[0] == x[0] for w, x in zip(letters, long))


#: One initial or several run together: "j.", "j.h.".
_INITIALS = re.compile(r"(?:\w\.)+")


def _groups_apart(found: list[Found], root, a: int, b: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a mention of ``a``'s group is kept apart from one of ``b``'s: "Vineeth
    Sreenivasan ... Vineeth is son of the actor Sreenivasan" joins "Vineeth" and
    "Sreenivasan" each to the full name, but not both."""
    ra, rb = root(a), root(b)
    group_a = [found[i] for i in range(len(found)) if root(i) == ra]
    group_b = [found[i] for i in range(len(found)) if root(i) == rb]
    return any(_kept_apart(x, y) for x in group_a for y in group_b)


def _kept_apart(a: Found, b: Found) -> bool:
    """Whether the sentence says ``a`` and ``b`` are two people ("X married Y")."""
    return any(t in a.apart for t in range(b.start, b.end)) or \
        any(t in b.apart for t in range(a.start, a.end))
