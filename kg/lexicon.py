"""The ontology's lexicon: which words and labels point at which terms.

``ontology/kg.ttl`` is the single source: classes carry ``kg:nerLabel`` and
``kg:headNoun`` (the classes that carry either are the entity classes);
properties carry domain, range and their trigger words
(``kg:activeTrigger``, ``kg:inverseTrigger``, ``kg:titleTrigger``,
``kg:nounTrigger``, ``kg:possessive``). ``ontology/gazetteer.csv`` lists
known names; ``ontology/words.toml`` the rules' word lists and confidences.
Adding a class, a relation or a trigger word is an edit to those files, not
to the code.

Examples
--------
>>> lex = load_lexicon()
>>> lex.class_for_ner_label("PERSON")
'Person'
>>> lex.properties["worksFor"].allows("Person", "Organization")
True
>>> "use" in lex.properties["uses"].active
True
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from kg.errors import OntologyError
from kg.vocab import ontology_path

NS = "https://w3id.org/kg/ontology#"


class _EntityClasses(Sequence[str]):
    """The ontology's entity classes (:attr:`Lexicon.classes`), read from ``kg.ttl`` on first use.

    >>> "Person" in ENTITY_CLASSES, ENTITY_CLASSES[0]
    (True, 'Organization')
    """

    def _classes(self) -> tuple[str, ...]:
        return load_lexicon().classes

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        return self._classes()[index]

    def __len__(self) -> int:
        return len(self._classes())

    def __repr__(self) -> str:
        return repr(self._classes())


#: The entity classes, in the ontology's order; importing this reads nothing.
ENTITY_CLASSES: Sequence[str] = _EntityClasses()


@dataclass(frozen=True)
class PropertySpec:
    """One ontology property with what the extractors need to know of it."""

    name: str
    label: str
    domain: frozenset[str]
    range: frozenset[str]
    literal: bool = False
    symmetric: bool = False
    active: frozenset[str] = frozenset()
    inverse: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    inverse_titles: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    possessive: bool = False
    transitive: bool = False
    #: ``owl:propertyChainAxiom``s: (p, q) means p(x, y) and q(y, z) state this property of (x, z)
    chains: tuple[tuple[str, str], ...] = ()
    #: a literal property's ``kg:nerLabel``: the spaCy label of its values ("DATE" for birthDate)
    value_label: str = ""

    def allows(self, subject_cls: str, object_cls: str | None) -> bool:
        """True when the classes fit the domain and range (literals: object None)."""
        if self.domain and subject_cls not in self.domain:
            return False
        if self.literal:
            return object_cls is None
        return not self.range or object_cls in self.range


@dataclass(frozen=True)
class Words:
    """The word lists and rule confidences of ``ontology/words.toml``.

    >>> words = load_words()
    >>> words.confidence["svo"], "may" in words.rules["hedges"]
    (0.95, True)
    """

    confidence: dict[str, float]  # rule family -> confidence of its relations
    discount: dict[str, float]  # "maker", "hedge" -> confidence kept
    rules: dict[str, frozenset[str]]  # word lists of the rules
    mentions: dict[str, frozenset[str]]  # word lists of mention finding
    names: dict[str, tuple[str, ...]]  # word lists of name comparison
    #: property -> the probability a relation classifier needs to state it ([model_threshold])
    model_threshold: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_words() -> Words:
    """Read ``ontology/words.toml`` (once per process)."""
    from kg.config import tomllib

    path = ontology_path("kg.ttl").with_name("words.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        words = Words(
            confidence={k: float(v) for k, v in data["confidence"].items()},
            discount={k: float(v) for k, v in data["discount"].items()},
            rules={k: frozenset(v) for k, v in data["rules"].items()},
            mentions={k: frozenset(v) for k, v in data["mentions"].items()},
            names={k: tuple(v) for k, v in data["names"].items()},
            model_threshold={str(k): float(v) for k, v in data.get("model_threshold", {}).items()},
        )
    except (OSError, tomllib.TOMLDecodeError, AttributeError, KeyError, TypeError, ValueError) as e:
        raise OntologyError(f"{path}: cannot read the word lists: {e}") from e
    bad = {k: v for k, v in words.model_threshold.items() if not 0.0 <= v <= 1.0}
    if bad:
        raise OntologyError(f"{path}: [model_threshold] values must be between 0 and 1, got {bad}")
    return words


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    cls: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Triggers:
    """The lexicon's trigger words indexed the way the rules look them up.

    Built once per lexicon (:attr:`Lexicon.triggers`), never per document.
    """

    #: verb lemma -> (trigger words, properties, inverse?): one look-up per verb
    verbs: dict[str, list[tuple[list[str], list[PropertySpec], bool]]]
    #: title phrase -> (property, whether the title's bearer is the object)
    titles: dict[str, tuple[PropertySpec, bool]]
    #: last words of the titles ("ceo", "director")
    title_heads: frozenset[str]
    #: relational noun -> properties
    nouns: dict[str, list[PropertySpec]]
    #: preposition (or "," / "based") -> properties
    prepositions: dict[str, list[PropertySpec]]
    #: first word of any trigger phrase -> the properties it can signal
    signals: dict[str, frozenset[str]]

    @classmethod
    def of(cls, properties: dict[str, PropertySpec]) -> Triggers:
        active: dict[str, list[PropertySpec]] = {}
        inverse: dict[str, list[PropertySpec]] = {}
        titles: dict[str, tuple[PropertySpec, bool]] = {}
        nouns: dict[str, list[PropertySpec]] = {}
        preps: dict[str, list[PropertySpec]] = {}
        signals: dict[str, frozenset[str]] = {}
        for spec in properties.values():
            for trigger in spec.active:
                active.setdefault(trigger, []).append(spec)
            for trigger in spec.inverse:
                inverse.setdefault(trigger, []).append(spec)
            for title in spec.titles:
                titles[title] = (spec, False)
            for title in spec.inverse_titles:
                titles[title] = (spec, True)
            for noun in spec.nouns:
                nouns.setdefault(noun, []).append(spec)
            for prep in spec.prepositions:
                preps.setdefault(prep, []).append(spec)
            for phrase in (*spec.active, *spec.inverse, *spec.titles, *spec.inverse_titles,
                           *spec.nouns):
                signals[phrase.split()[0]] = signals.get(phrase.split()[0], frozenset()) | {spec.name}
        verbs: dict[str, list[tuple[list[str], list[PropertySpec], bool]]] = {}
        for table, is_inverse in ((active, False), (inverse, True)):
            for trigger, specs in table.items():
                words = trigger.split()
                verbs.setdefault(words[0], []).append((words, specs, is_inverse))
        return cls(verbs, titles, frozenset(t.split()[-1] for t in titles), nouns, preps, signals)


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction reads from the ontology, as plain lookups.

    The indexes (:attr:`names`, :attr:`triggers`) are computed when the
    lexicon is made; a lexicon never changes afterwards.
    """

    ner_labels: dict[str, str]  # spaCy label -> class
    head_nouns: dict[str, str]  # lowercase noun -> class
    properties: dict[str, PropertySpec]
    gazetteer: tuple[GazetteerEntry, ...]
    classes: tuple[str, ...] = ()  # the entity classes, in the ontology's order
    words: Words = field(default_factory=lambda: load_words(), repr=False)
    colors: dict[str, str] = field(default_factory=dict)  # entity class -> "#rrggbb" (kg:color)
    names: dict[str, GazetteerEntry] = field(init=False, repr=False, compare=False)
    triggers: Triggers = field(init=False, repr=False, compare=False)
    #: titles of the properties between two people ("son", "wife"): "the son of X" names a person
    kin_titles: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from kg.extract.demonyms import demonyms, official_names

        names: dict[str, GazetteerEntry] = {}
        for entry in self.gazetteer:
            for n in (entry.label, *entry.aliases):
                names.setdefault(n, entry)
        for demonym, country in demonyms().items():  # "Ghanaian": Ghana, which names no pattern of its own
            known = names.get(country)
            names.setdefault(demonym, known if known is not None and known.cls == "Place"
                             else GazetteerEntry(country, "Place", (demonym,)))
        for official, country in official_names().items():  # "the Federal Republic of Nigeria": Nigeria
            known = names.get(country)
            names.setdefault(official, known if known is not None and known.cls == "Place"
                             else GazetteerEntry(country, "Place", (official,)))
        object.__setattr__(self, "names", names)
        object.__setattr__(self, "triggers", Triggers.of(self.properties))
        object.__setattr__(self, "kin_titles", frozenset(
            t for spec in self.properties.values() if spec.domain == spec.range == frozenset({"Person"})
            for t in (*spec.titles, *spec.inverse_titles)))

    def known(self, name: str) -> GazetteerEntry | None:
        """The gazetteer entry whose label or alias is exactly ``name``, or the country a
        demonym names (:func:`kg.extract.demonyms.demonyms`: "Ghanaian" is Ghana).

        >>> load_lexicon().known("Ghanaian").label, load_lexicon().known("Jordan") is None
        ('Ghana', True)
        """
        return self.names.get(name)

    def signalled_by(self, word: str) -> frozenset[str]:
        """The properties a trigger phrase starting with ``word`` can signal.

        >>> sorted(load_lexicon().signalled_by("marry"))
        ['spouse']
        """
        return self.triggers.signals.get(word, frozenset())

    def class_for_ner_label(self, label: str) -> str | None:
        return self.ner_labels.get(label)

    def label_of(self, prop: str) -> str:
        spec = self.properties.get(prop)
        return spec.label if spec else prop


def _local(term: object) -> str:
    text = str(term)
    return text[len(NS):] if text.startswith(NS) else text


def _classes(graph, node) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """Local names of a class expression: a named class or an owl:unionOf list."""
    from rdflib import OWL, BNode
    from rdflib.collection import Collection

    if node is None:
        return frozenset()
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        return frozenset(_local(m) for m in Collection(graph, members)) if members else frozenset()
    return frozenset({_local(node)})


def _chains(graph, prop) -> tuple[tuple[str, str], ...]:  # type: ignore[no-untyped-def]
    """The two-step ``owl:propertyChainAxiom``s of ``prop``, as local names."""
    from rdflib import OWL
    from rdflib.collection import Collection

    out = []
    for node in graph.objects(prop, OWL.propertyChainAxiom):
        steps = [_local(s) for s in Collection(graph, node)]
        if len(steps) == 2:
            out.append((steps[0], steps[1]))
    return tuple(sorted(out))


def read_gazetteer(path: str | Path, classes: tuple[str, ...] | None = None) -> tuple[GazetteerEntry, ...]:
    """Read a ``label,class,aliases`` CSV (aliases ``|``-separated).

    ``classes``: the valid classes (default: the ontology's entity classes).

    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = f.write("label,class,aliases\\nNVIDIA,Organization,Nvidia|NVDA\\n"); f.close()
    >>> read_gazetteer(f.name)[0].aliases
    ('Nvidia', 'NVDA')
    >>> os.unlink(f.name)
    """
    path = Path(path)
    classes = classes if classes is not None else load_lexicon().classes
    entries = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                label = (row.get("label") or "").strip()
                cls = (row.get("class") or "").strip()
                if not label:
                    continue
                if cls not in classes:
                    raise OntologyError(
                        f"{path}:{line}: class {cls!r} is not one of {', '.join(classes)}"
                    )
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                entries.append(GazetteerEntry(label, cls, aliases))
    except OSError as e:
        raise OntologyError(f"{path}: cannot read gazetteer: {e.strerror or e}") from e
    return tuple(entries)


@lru_cache(maxsize=8)
def load_lexicon(extra_gazetteer: str | None = None) -> Lexicon:
    """Read the lexicon from ``ontology/kg.ttl`` (and the gazetteer CSVs), once per process.

    What :func:`read_lexicon` reads from the files is kept between processes
    (:func:`kg.extract.tables.kept`, keyed by the files' bytes and this module's
    source): a process after the first parses no Turtle and imports no rdflib
    (80 ms). The lexicon is made from it as :func:`read_lexicon` makes it.

    >>> load_lexicon() == read_lexicon(ontology_path("kg.ttl"))
    True
    """
    from kg.extract.tables import kept

    path = ontology_path("kg.ttl")
    files = (path, ontology_path("gazetteer.csv"), *((Path(extra_gazetteer),) if extra_gazetteer else ()))
    parts = kept("lexicon", lambda: _parts(read_lexicon(path, extra_gazetteer)), __name__, files=files)
    return Lexicon(*parts[:5], colors=parts[5])


def _parts(lexicon: Lexicon) -> tuple:  # type: ignore[type-arg]
    """What a :class:`Lexicon` is made from, but the word lists (every lexicon shares
    :func:`load_words`'s)."""
    return (lexicon.ner_labels, lexicon.head_nouns, lexicon.properties, lexicon.gazetteer, lexicon.classes,
            lexicon.colors)


def read_lexicon(path: str | Path, extra_gazetteer: str | None = None) -> Lexicon:
    """Read the lexicon from the ontology at ``path`` (and the gazetteer CSVs)."""
    from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as e:  # rdflib raises several parser types
        raise OntologyError(f"{path}: cannot parse the ontology: {e}") from e

    def ann(subject, name: str) -> frozenset[str]:  # type: ignore[no-untyped-def]
        return frozenset(str(o).strip().lower() for o in graph.objects(subject, URIRef(NS + name)))

    classes = entity_classes(graph, path)
    ner_labels: dict[str, str] = {}
    head_nouns: dict[str, str] = {}
    for cls in classes:
        node = URIRef(NS + cls)
        for label in graph.objects(node, URIRef(NS + "nerLabel")):
            ner_labels[str(label).strip().upper()] = cls
        for noun in ann(node, "headNoun"):
            head_nouns[noun] = cls

    properties: dict[str, PropertySpec] = {}
    for kind, literal in ((OWL.ObjectProperty, False), (OWL.DatatypeProperty, True)):
        for prop in graph.subjects(RDF.type, kind):
            name = _local(prop)
            if str(prop) != NS + name or name in _PROVENANCE:
                continue
            label = graph.value(prop, RDFS.label)
            possessive = graph.value(prop, URIRef(NS + "possessive"))
            properties[name] = PropertySpec(
                name=name,
                label=str(label) if label else name,
                domain=_classes(graph, graph.value(prop, RDFS.domain)),
                range=frozenset() if literal else _classes(graph, graph.value(prop, RDFS.range)),
                literal=literal,
                symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
                active=ann(prop, "activeTrigger"),
                inverse=ann(prop, "inverseTrigger"),
                titles=ann(prop, "titleTrigger"),
                inverse_titles=ann(prop, "inverseTitleTrigger"),
                prepositions=ann(prop, "prepositionTrigger"),
                nouns=ann(prop, "nounTrigger"),
                possessive=bool(possessive.toPython()) if isinstance(possessive, Literal) else False,
                transitive=(prop, RDF.type, OWL.TransitiveProperty) in graph,
                chains=_chains(graph, prop),
                value_label=str(graph.value(prop, URIRef(NS + "nerLabel")) or "").upper() if literal else "",
            )
    if not properties:
        raise OntologyError(f"{path}: no properties found")
    gazetteer = read_gazetteer(ontology_path("gazetteer.csv"), classes)
    if extra_gazetteer:
        gazetteer += read_gazetteer(extra_gazetteer, classes)
    colors = {}
    for cls in classes:
        color = graph.value(URIRef(NS + cls), URIRef(NS + "color"))
        if color is not None:
            if not re.fullmatch(r"#[0-9a-fA-F]{6}", str(color)):
                raise OntologyError(f"{path}: kg:color of {cls} must be \"#rrggbb\", got {str(color)!r}")
            colors[cls] = str(color).lower()
    return Lexicon(ner_labels, head_nouns, properties, gazetteer, classes, colors=colors)


def entity_classes(graph, path: Path) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The classes whose instances extraction finds: those with a ``kg:nerLabel`` or ``kg:headNoun``.

    In the order ``kg.ttl`` declares them. Adding an entity class is adding
    such a class to the ontology.

    >>> load_lexicon().classes
    ('Organization', 'Person', 'Product', 'Place', 'Event', 'Technology')
    """
    from rdflib import OWL, RDF, URIRef

    names = {_local(c) for c in graph.subjects(RDF.type, OWL.Class)
             if isinstance(c, URIRef) and str(c).startswith(NS)
             and any((c, URIRef(NS + a), None) in graph for a in ("nerLabel", "headNoun"))}
    text = Path(path).read_text(encoding="utf-8")

    def declared_at(name: str) -> tuple[int, str]:
        at = text.find(f"kg:{name} a owl:Class")
        return (at if at >= 0 else len(text), name)

    return tuple(sorted(names, key=declared_at))


# Properties that describe documents and evidence, not facts from the text.
_PROVENANCE = frozenset({
    "mentionedIn", "source", "title", "url", "date", "externalId", "document", "sentence",
    "subjectStart", "subjectEnd", "objectStart", "objectEnd", "confidence", "extractor", "former",
    "entity", "name", "start", "end", "rule",  # namings
})


def word_lists(lexicon: Lexicon, key: str) -> dict[str, frozenset[str]]:
    """``ontology/words.toml`` ``[rules] key`` entries "Property word word ...", by property.

    >>> from kg.lexicon import load_lexicon
    >>> sorted(word_lists(load_lexicon(), "model_sentence_words")["bornIn"])
    ['birth', 'birthplace', 'born', 'native']
    """
    entries = lexicon.words.rules.get(key, ())
    kept = _WORD_LISTS.get(key)
    if kept is None or kept[0] is not entries:  # read again when the entries are others
        kept = _WORD_LISTS[key] = (entries, {e.split()[0]: frozenset(e.split()[1:]) for e in entries})
    return kept[1]


#: ``[rules]`` key -> (its entries, :func:`word_lists` of them): read once, not for every document.
_WORD_LISTS: dict[str, tuple[object, dict[str, frozenset[str]]]] = {}
