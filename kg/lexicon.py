"""The ontology's lexicon: which words and labels point at which terms.

``ontology/kg.ttl`` is the single source: classes carry ``kg:nerLabel`` and
``kg:headNoun``; properties carry domain, range and their trigger words
(``kg:activeTrigger``, ``kg:inverseTrigger``, ``kg:titleTrigger``,
``kg:nounTrigger``, ``kg:possessive``). ``ontology/gazetteer.csv`` lists
known names. Adding a relation or a trigger word is an edit to those files,
not to the code.

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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
from kg.vocab import ontology_path

ENTITY_CLASSES = ("Organization", "Person", "Product", "Place", "Event", "Technology")
NS = "https://w3id.org/kg/ontology#"


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

    def allows(self, subject_cls: str, object_cls: str | None) -> bool:
        """True when the classes fit the domain and range (literals: object None)."""
        if self.domain and subject_cls not in self.domain:
            return False
        if self.literal:
            return object_cls is None
        return not self.range or object_cls in self.range


@dataclass(frozen=True)
class GazetteerEntry:
    label: str
    cls: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction reads from the ontology, as plain lookups."""

    ner_labels: dict[str, str]  # spaCy label -> class
    head_nouns: dict[str, str]  # lowercase noun -> class
    properties: dict[str, PropertySpec]
    gazetteer: tuple[GazetteerEntry, ...]

    def known(self, name: str) -> GazetteerEntry | None:
        """The gazetteer entry whose label or alias is exactly ``name``."""
        names = self.__dict__.get("_names")
        if names is None:
            names = {}
            for entry in self.gazetteer:
                for n in (entry.label, *entry.aliases):
                    names.setdefault(n, entry)
            object.__setattr__(self, "_names", names)
        return names.get(name)

    def signalled_by(self, word: str) -> frozenset[str]:
        """The properties a trigger phrase starting with ``word`` can signal.

        >>> sorted(load_lexicon().signalled_by("marry"))
        ['spouse']
        """
        index = self.__dict__.get("_signals")
        if index is None:
            index = {}
            for name, spec in self.properties.items():
                for phrase in (*spec.active, *spec.inverse, *spec.titles, *spec.inverse_titles,
                               *spec.nouns):
                    index[phrase.split()[0]] = index.get(phrase.split()[0], frozenset()) | {name}
            object.__setattr__(self, "_signals", index)
        return index.get(word, frozenset())

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


def read_gazetteer(path: str | Path) -> tuple[GazetteerEntry, ...]:
    """Read a ``label,class,aliases`` CSV (aliases ``|``-separated).

    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    >>> _ = f.write("label,class,aliases\\nNVIDIA,Organization,Nvidia|NVDA\\n"); f.close()
    >>> read_gazetteer(f.name)[0].aliases
    ('Nvidia', 'NVDA')
    >>> os.unlink(f.name)
    """
    path = Path(path)
    entries = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                label = (row.get("label") or "").strip()
                cls = (row.get("class") or "").strip()
                if not label:
                    continue
                if cls not in ENTITY_CLASSES:
                    raise OntologyError(
                        f"{path}:{line}: class {cls!r} is not one of {', '.join(ENTITY_CLASSES)}"
                    )
                aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
                entries.append(GazetteerEntry(label, cls, aliases))
    except OSError as e:
        raise OntologyError(f"{path}: cannot read gazetteer: {e.strerror or e}") from e
    return tuple(entries)


@lru_cache(maxsize=8)
def load_lexicon(extra_gazetteer: str | None = None) -> Lexicon:
    """Read the lexicon from ``ontology/kg.ttl`` (and the gazetteer CSVs)."""
    from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

    path = ontology_path("kg.ttl")
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as e:  # rdflib raises several parser types
        raise OntologyError(f"{path}: cannot parse the ontology: {e}") from e

    def ann(subject, name: str) -> frozenset[str]:  # type: ignore[no-untyped-def]
        return frozenset(str(o).strip().lower() for o in graph.objects(subject, URIRef(NS + name)))

    ner_labels: dict[str, str] = {}
    head_nouns: dict[str, str] = {}
    for cls in ENTITY_CLASSES:
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
            )
    if not properties:
        raise OntologyError(f"{path}: no properties found")
    gazetteer = read_gazetteer(ontology_path("gazetteer.csv"))
    if extra_gazetteer:
        gazetteer += read_gazetteer(extra_gazetteer)
    return Lexicon(ner_labels, head_nouns, properties, gazetteer)


# Properties that describe documents and evidence, not facts from the text.
_PROVENANCE = frozenset({
    "mentionedIn", "source", "title", "url", "date", "externalId", "document", "sentence",
    "subjectStart", "subjectEnd", "objectStart", "objectEnd", "confidence", "extractor",
})
