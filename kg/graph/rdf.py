"""One document's entities and relations as RDF quads, with provenance.

The shape (see the README for queries):

* an entity: ``rdf:type`` its class, one ``rdfs:label``, ``skos:altLabel``
  for other names, ``kg:mentionedIn`` each document;
* a relation: the plain triple ``subject kg:property object``;
* its evidence: a ``kg:Evidence`` node (RDF reification) with
  ``rdf:subject/predicate/object``, ``kg:document``, ``kg:sentence``, the
  four character offsets, ``kg:confidence`` and ``kg:extractor``;
* a relation whose classes break the property's domain or range goes,
  with its evidence, to the named graph :func:`quarantine_graph` instead
  of the default graph.

Examples
--------
>>> from kg.types import Document
>>> doc = Document.from_text("Hi", source="a.txt")
>>> document_iri("https://w3id.org/kg/id/", doc.id)[:40]
'https://w3id.org/kg/id/doc/3639efcd08abb'
"""

from __future__ import annotations

import hashlib
from typing import Iterator

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.lexicon import Lexicon
from kg.types import DocumentGraph, Relation
from kg.vocab import KG

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_PREDICATE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
RDF_OBJECT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DECIMAL = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def kg_term(name: str) -> NamedNode:
    """The ontology term ``kg:name``; unknown names raise (closed vocabulary)."""
    return NamedNode(str(KG[name]))


def document_iri(base: str, doc_id: str) -> str:
    return f"{base}doc/{doc_id}"


def quarantine_graph(base: str) -> NamedNode:
    """The named graph that holds relations breaking domain or range."""
    return NamedNode(f"{base}graph/quarantine")


def evidence_iri(base: str, r: Relation) -> str:
    key = "\x1f".join(map(str, (r.doc_id, r.subject, r.predicate, r.obj,
                                r.subject_span, r.object_span, r.extractor)))
    return f"{base}evidence/{hashlib.sha256(key.encode()).hexdigest()[:32]}"


def is_valid(r: Relation, classes: dict[str, str], lexicon: Lexicon) -> bool:
    """True when the relation's classes fit its property's domain and range."""
    spec = lexicon.properties.get(r.predicate)
    if spec is None or r.subject not in classes:
        return False
    return spec.allows(classes[r.subject], None if r.object_is_literal else classes.get(r.obj))


def to_quads(graph: DocumentGraph, lexicon: Lexicon, base: str) -> Iterator[Quad]:
    """Every quad for one document; quarantined relations in their own graph."""
    doc = graph.document
    d = NamedNode(document_iri(base, doc.id))
    default = DefaultGraph()
    yield Quad(d, RDF_TYPE, kg_term("Document"), default)
    yield Quad(d, kg_term("source"), Literal(doc.source), default)
    for field in ("title", "url", "date", "external_id"):
        value = getattr(doc, field, None)
        if value:
            name = "externalId" if field == "external_id" else field
            yield Quad(d, kg_term(name), Literal(str(value)), default)

    classes = {}
    for entity in graph.entities:
        e = NamedNode(entity.iri)
        classes[entity.iri] = entity.cls
        yield Quad(e, RDF_TYPE, kg_term(entity.cls), default)
        yield Quad(e, RDFS_LABEL, Literal(entity.label), default)
        for alt in entity.alt_labels:
            yield Quad(e, SKOS_ALT, Literal(alt), default)
        yield Quad(e, kg_term("mentionedIn"), d, default)

    quarantine = quarantine_graph(base)
    for r in graph.relations:
        g = default if is_valid(r, classes, lexicon) else quarantine
        s, p = NamedNode(r.subject), kg_term(r.predicate)
        o = Literal(r.obj) if r.object_is_literal else NamedNode(r.obj)
        ev = NamedNode(evidence_iri(base, r))
        yield Quad(s, p, o, g)
        yield Quad(ev, RDF_TYPE, kg_term("Evidence"), g)
        yield Quad(ev, RDF_SUBJECT, s, g)
        yield Quad(ev, RDF_PREDICATE, p, g)
        yield Quad(ev, RDF_OBJECT, o, g)
        yield Quad(ev, kg_term("document"), d, g)
        yield Quad(ev, kg_term("sentence"), Literal(r.sentence), g)
        for name, value in zip(("subjectStart", "subjectEnd", "objectStart", "objectEnd"),
                               (*r.subject_span, *r.object_span)):
            yield Quad(ev, kg_term(name), Literal(str(value), datatype=XSD_INTEGER), g)
        yield Quad(ev, kg_term("confidence"), Literal(f"{r.confidence:.3f}", datatype=XSD_DECIMAL), g)
        yield Quad(ev, kg_term("extractor"), Literal(r.extractor), g)
