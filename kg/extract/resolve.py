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

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter

from kg.extract.coreference import _link_anaphora, _narrated, _unnamed_entities, _we_as_the_company
from kg.extract.entity_mention import EntityMention
from kg.extract.mentions import Found
from kg.extract.name_links import (_groups_apart, _link_acronyms, _link_family_names_first, _link_first_names,
                                   _link_shared_surnames, _link_surnames, _link_variants)
from kg.extract.national import home_country, national_body
from kg.extract.namesakes import bare_name, namesake
from kg.extract.naming import _best_label, _is_acronym, abbreviates, legal_name, mint_iri, name_key
from kg.types import Entity, Mention

__all__ = ["AliasIndex", "EntityMention", "JOIN_RULES", "Resolved", "WEAK_RULES", "abbreviates", "mint_iri",
           "name_key", "resolve"]

#: Why a name belongs to its entity (``Resolved.joined_by``); "" is the name it was founded on.
JOIN_RULES = ("same name", "gazetteer", "abbreviation", "alias", "surname", "first name", "name variant",
              "earlier document")
#: Joins that a second name or a second document should confirm before they capture a full name.
WEAK_RULES = frozenset({"abbreviation", "alias", "surname", "first name", "name variant"})


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

        A weak alias does not capture a name of two words or more, and a bare name of a
        body every country has ("the Cabinet": :func:`kg.extract.national.national_body`)
        captures nothing, nor a place's bare name the place it qualifies ("Cambridge" is not
        "Cambridge, Massachusetts": :mod:`kg.extract.namesakes`). ``strong`` is kept for callers
        of the older signature; classes never mix.
        """
        for name in names:
            if national_body(name):
                continue  # South Africa's cabinet is not Malaysia's
            key = name_key(name)
            several = len(key.split()) > 1
            for entity in self.named(key):
                if entity.cls == cls and not (several and entity.iri in self.weak.get(key, ())) \
                        and not (cls == "Place" and _qualifies(entity.label, key)) \
                        and not (cls == "Person" and _given_name_of(entity.label, key)):
                    return entity
        return None


def _given_name_of(label: str, key: str) -> bool:
    """Whether ``key`` is a person's first name alone: it names that person in the document that
    said so ("Peter Chirico ... 'Peter has 35 years of experience'"), not in another, where a
    "Peter" is someone else ("his son Peter"); a surname still finds its person.

    >>> _given_name_of("Peter Chirico", "peter"), _given_name_of("Peter Chirico", "chirico")
    (True, False)
    >>> _given_name_of("Madonna", "madonna")
    False
    """
    words = name_key(label).split()
    return len(words) > 1 and key == words[0] and key != words[-1]


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
    grouping: Grouping | None = None  # how the names grouped, whatever the alias index knew


@dataclass(frozen=True)
class Grouping:
    """How one document's names group into entities by the document alone (:func:`group_names`),
    before any earlier document is asked: plain data, the same in every resolution of the
    document, so a build's second resolution (:func:`kg.distributed.merge`) reads it again.

    ``groups``: each group's names (indices among the mentions that are no anaphor), in the
    order of their first; ``edges``: each name's joins (other name, rule), both ways, in the
    order they were made; ``surnames``: the names a person's surname joined.
    """

    groups: tuple[tuple[int, ...], ...]
    edges: dict[int, list[tuple[int, str]]]
    surnames: frozenset[int]


def resolve(found: list[Found], doc_id: str, text: str, index: AliasIndex, base: str,
            name: str = "", grouping: Grouping | None = None) -> Resolved:
    """Group a document's mentions into entities and give each its IRI.

    Anaphora ("he", "its", "the company") join the last entity of their class
    named before them; their spans count as evidence, not as names. ``name``
    (the document's title or file) labels the author of an "I" that names no
    one, when the document is told in the first person. ``grouping``: the names'
    :func:`group_names`, when an earlier resolution of the same mentions made it.
    """
    anaphora = [f for f in found if f.anaphor]
    found = [f for f in found if not f.anaphor]
    if grouping is None:
        grouping = group_names(found, text)
    edges, surnames = grouping.edges, grouping.surnames

    entities, mentions, by_token, joined_by = [], [], {}, []
    home = home_country(found, text.find("\n"))  # the first line: a title
    written = _written_after(found, text)  # "Cambridge, Mass.": the region after a place
    for members in map(list, grouping.groups):
        votes: dict[str, float] = {}
        for i in members:
            vote = "Person" if i in surnames else found[i].cls
            votes[vote] = votes.get(vote, 0) + found[i].weight
        cls = max(votes.items(), key=itemgetter(1))[0]  # Counter.most_common(1)'s: the first most voted
        if cls != "Organization" and any(found[i].cls == "Organization" and legal_name(found[i].text) for i in members):
            cls = "Organization"  # "Lockheed Martin Corp.": a legal form outvotes the surnames NER's names made
        names = [found[i].text for i in members if not found[i].demonym]
        canonical = next((found[i].canonical for i in members if found[i].canonical), None)
        label = canonical or _best_label(names or [found[i].text for i in members])
        rules = _rules(members, found, edges, label)
        plain = [label, *(n for n, rule in rules.items() if rule not in WEAK_RULES)]
        bodies = [n for n in names if not _is_acronym(n)]
        national = cls == "Organization" and canonical is None and bool(bodies) and all(map(national_body, bodies))
        scoped = home is not None and national
        if scoped:  # "the Cabinet" of a document about South Africa: South Africa's, no other's
            body = _best_label(bodies)
            label, plain = f"{body} ({home})", [f"{body} ({home})", f"{body} of {home}"]  # or "the Cabinet of X" named
        elif cls == "Place" and (other := namesake(label, [written[i] for i in members if i in written])):
            label, plain, scoped = other, [other], True  # "Cambridge, Mass.": not England's Cambridge
        known = index.find(plain, cls) or (None if scoped else _spelled_out(index, rules, cls))
        if known is not None:
            label, iri = known.label, known.iri
            matched = next(n for n in (*plain, *rules) if any(e.iri == iri for e in index.named(name_key(n))))
            rules = _rules(members, found, edges, matched, "earlier document")
        elif national and not scoped:  # "his Cabinet secretaries" of a country the document does not say:
            iri = mint_iri(base, cls, f"{label} of {doc_id}")  # the document's own, no other's (its IRI too)
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
            hit = EntityMention(iri, cls, label, f)  # one for the mention's tokens (it is frozen)
            for t in range(f.start, f.end):
                by_token[t] = hit
    unnamed = _link_anaphora(anaphora, found, by_token, text)
    narrated = _we_as_the_company(_narrated(unnamed, text), found, by_token)
    entities.extend(_unnamed_entities(narrated, doc_id, base, by_token, name))
    mentions.sort(key=lambda pair: pair[1].start)
    return Resolved(tuple(entities), tuple(mentions), by_token, tuple(joined_by), grouping)


def group_names(found: list[Found], text: str) -> Grouping:
    """The entities a document's names (``found``, no anaphora) make by the document alone: the
    same name, the gazetteer's, an abbreviation, a surname, a first name, a name variant."""
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
                if _named_alike_apart(f, found[j]):
                    continue  # "Hershey Co." and "the town of Hershey", "Wales said" and "in Wales": two things
                union(i, j, "same name" if name_key(f.text) == name_key(found[j].text) else "gazetteer")
            else:
                first_by_key[k] = i
    _link_acronyms(found, text, union)
    surnames = _link_surnames(found, lambda a, b: union(a, b, "surname"), text)
    surnames |= _link_family_names_first(found, text, surnames, lambda a, b: union(a, b, "surname"))
    surnames |= _link_first_names(found, surnames, lambda a, b: union(a, b, "first name"), text)
    surnames |= _link_shared_surnames(found, text, lambda a, b: union(a, b, "first name"))
    _link_variants(found, root, lambda a, b: union(a, b, "name variant"))

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        groups[root(i)].append(i)
    return Grouping(tuple(map(tuple, groups.values())), dict(edges), frozenset(surnames))


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


def _qualifies(label: str, key: str) -> bool:
    """Whether a place's ``label`` qualifies the name of key ``key`` with a region ("Cambridge,
    Massachusetts" of "Cambridge": :func:`kg.extract.namesakes.bare_name`), which it must not find."""
    name = bare_name(label) if ", " in label else None
    return name is not None and name_key(name) == key


def _written_after(found: list[Found], text: str) -> dict[int, str]:
    """Each place of ``found`` written right before a comma and another place ("Cambridge, Mass."):
    its index -> that place's name, as the gazetteer spells it; not in a list of places ("Logan,
    Cleveland, Oklahoma, Canadian")."""
    starts = {f.start_char: f for f in found if f.cls == "Place"}
    ends = {f.end_char for f in starts.values()}
    after = {}
    for i, f in enumerate(found):
        before, rest = text[max(0, f.start_char - 2):f.start_char], text[f.end_char:f.end_char + 2]
        if f.cls != "Place" or not rest.startswith(",") \
                or before.endswith(",") and f.start_char - 1 in ends or before == ", " and f.start_char - 2 in ends:
            continue  # no comma after it, or a later item of a list
        if (qualifier := starts.get(f.end_char + 1 + (rest == ", "))) is not None:
            after[i] = qualifier.canonical or qualifier.text
    return after


def _named_alike_apart(a: Found, b: Found) -> bool:
    """Whether one of two mentions of a name is a company by its legal form and the other a place
    ("Hershey Co." and "the town of Hershey"), or a person the text names by a place's name and
    the gazetteer's place ("Jimmy Wales ... Wales was born" and "England and Wales")."""
    if {a.cls, b.cls} == {"Person", "Place"}:
        person, place = (a, b) if a.cls == "Person" else (b, a)
        return person.canonical is None and place.canonical is not None
    return {a.cls, b.cls} == {"Organization", "Place"} and (
        legal_name(a.text) if a.cls == "Organization" else legal_name(b.text))

