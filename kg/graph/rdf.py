"""One document's entities and relations as RDF quads, with provenance.

The shape (see the README for queries):

* an entity: ``rdf:type`` its class, one ``rdfs:label``, ``skos:altLabel``
  for other names, ``kg:mentionedIn`` each document;
* a relation: the plain triple ``subject kg:property object``;
* its evidence: a ``kg:Evidence`` node (RDF reification) with
  ``rdf:subject/predicate/object``, ``kg:document``, ``kg:sentence``, the
  four character offsets, ``kg:confidence`` and ``kg:extractor``, and
  ``kg:former true`` where the sentence states a post or tie held before ("a former CEO");
* a relation whose classes break the property's domain or range goes,
  with its evidence, to the named graph :func:`quarantine_graph` instead
  of the default graph;
* each name an entity gets from a document (its label or an alt label,
  written in the text): a ``kg:Naming`` node (:class:`Naming`) with
  ``kg:entity``, ``kg:name``, ``kg:document``, the first mention's
  ``kg:start``/``kg:end`` and ``kg:sentence``, and ``kg:rule``: the
  resolver's reason for joining the name (none for the founding name).

Examples
--------
>>> from kg.types import Document
>>> doc = Document.from_text("Hi", source="a.txt")
>>> document_iri("https://w3id.org/kg/id/", doc.id)[:40]
'https://w3id.org/kg/id/doc/3639efcd08abb'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterator, Mapping

from pyoxigraph import Literal, NamedNode, Quad

from kg.lexicon import Lexicon
from kg.types import DocumentGraph, Mention, Relation
from kg.vocab import KG_NS, TERMS

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDF_SUBJECT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
RDF_PREDICATE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate")
RDF_OBJECT = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
XSD_DECIMAL = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
XSD_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def kg_term(name: str) -> NamedNode:
    """The ontology term ``kg:name``; unknown names raise (closed vocabulary).

    >>> kg_term("worksFor") is kg_term("worksFor"), kg_term("worksFor").value
    (True, 'https://w3id.org/kg/ontology#worksFor')
    """
    term = _TERMS.get(name)
    if term is None:  # made once: a build asks for one term per quad
        if name not in TERMS:
            raise AttributeError(f"term {name!r} not in namespace {KG_NS!r}")  # as rdflib's KG[name] says
        term = _TERMS[name] = NamedNode(KG_NS + name)
    return term


_TERMS: dict[str, NamedNode] = {}


def document_iri(base: str, doc_id: str) -> str:
    return f"{base}doc/{doc_id}"


def quarantine_graph(base: str) -> NamedNode:
    """The named graph that holds relations breaking domain or range."""
    return NamedNode(f"{base}graph/quarantine")


def evidence_iri(base: str, r: Relation) -> str:
    key = "\x1f".join(map(str, (r.doc_id, r.subject, r.predicate, r.obj,
                                r.subject_span, r.object_span, r.extractor)))
    return f"{base}evidence/{hashlib.sha256(key.encode()).hexdigest()[:32]}"


def naming_iri(base: str, entity: str, name: str, doc_id: str) -> str:
    """The IRI of the record that ``doc_id`` names ``entity`` ``name``: a hash of the three."""
    key = "\x1f".join((entity, name, doc_id))
    return f"{base}naming/{hashlib.sha256(key.encode()).hexdigest()[:32]}"


@dataclass(frozen=True)
class Naming:
    """One name of an entity and the document (and mention) it comes from.

    ``start``/``end`` are the first mention with exactly that text, and
    ``sentence`` the text around it; ``rule`` says what joined the name
    to the entity ("surname", "earlier document", ...), ``None`` for the
    name the entity was founded on.
    """

    entity: str
    name: str
    doc_id: str
    start: int
    end: int
    sentence: str
    rule: str | None = None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence of ``text`` that holds ``[start, end)``, at most about ``limit`` characters.

    >>> sentence_around("AWS grew. Amazon Web Services (AWS) sells chips. Then more.", 31, 34)
    'Amazon Web Services (AWS) sells chips.'
    """
    left = max(0, start - limit)
    begin = left
    for m in _SENTENCE_END.finditer(text, left, min(len(text), start + 1)):
        begin = m.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    return " ".join(text[begin:stop.start() if stop else min(len(text), end + limit)].split())


def namings(graph: DocumentGraph, rules: Mapping[tuple[str, str], str] | None = None) -> list[Naming]:
    """Each name the document gives an entity, where the text writes it.

    A name is the entity's label or one of its alt labels; the record
    points at the first mention with exactly that text. A label no mention
    writes (a gazetteer's canonical name, or the label the entity had from
    an earlier document) gets no record from this document. The rule of a
    name is the resolver's (``graph.joined_by``: "same name", "gazetteer",
    "abbreviation", "alias", "surname", "first name", "name variant", "earlier document";
    none for the name the entity was founded on); ``rules`` maps (entity IRI, name)
    to a rule to use instead.

    >>> from kg.types import Document, Entity
    >>> doc = Document.from_text("Amazon Web Services (AWS) grew. AWS sells chips.", "a.txt")
    >>> e = Entity("https://w3id.org/kg/id/Organization/Amazon_Web_Services", "Organization",
    ...            "Amazon Web Services", ("AWS",))
    >>> ms = tuple((e.iri, Mention(doc.id, s, t, doc.text[s:t], "Organization"))
    ...            for s, t in ((0, 19), (21, 24), (32, 35)))
    >>> [(n.name, n.start, n.end) for n in namings(DocumentGraph(doc, (e,), ms))]
    [('Amazon Web Services', 0, 19), ('AWS', 21, 24)]
    """
    joined = {(iri, name): rule for iri, name, rule in reversed(graph.joined_by) if rule}
    joined.update(rules or {})
    first: dict[tuple[str, str], Mention] = {}
    for iri, mention in graph.mentions:
        key = (iri, mention.text)
        if key not in first or mention.start < first[key].start:
            first[key] = mention
    text = graph.document.text
    found = []
    for entity in graph.entities:
        for name in dict.fromkeys((entity.label, *entity.alt_labels)):
            mention = first.get((entity.iri, name))
            if mention is not None:
                found.append(Naming(entity.iri, name, graph.document.id, mention.start, mention.end,
                                    sentence_around(text, mention.start, mention.end),
                                    joined.get((entity.iri, name))))
    return found


def naming_quads(naming: Naming, base: str) -> Iterator[Quad]:
    """The quads of one :class:`Naming` (default graph)."""
    n = NamedNode(naming_iri(base, naming.entity, naming.name, naming.doc_id))
    yield Quad(n, RDF_TYPE, kg_term("Naming"))
    yield Quad(n, kg_term("entity"), NamedNode(naming.entity))
    yield Quad(n, kg_term("name"), Literal(naming.name))
    yield Quad(n, kg_term("document"), NamedNode(document_iri(base, naming.doc_id)))
    yield Quad(n, kg_term("start"), Literal(str(naming.start), datatype=XSD_INTEGER))
    yield Quad(n, kg_term("end"), Literal(str(naming.end), datatype=XSD_INTEGER))
    yield Quad(n, kg_term("sentence"), Literal(naming.sentence))
    if naming.rule:
        yield Quad(n, kg_term("rule"), Literal(naming.rule))


def is_valid(r: Relation, classes: dict[str, str], lexicon: Lexicon) -> bool:
    """True when the relation's classes fit its property's domain and range."""
    spec = lexicon.properties.get(r.predicate)
    if spec is None or r.subject not in classes:
        return False
    return spec.allows(classes[r.subject], None if r.object_is_literal else classes.get(r.obj))


def to_quads(graph: DocumentGraph, lexicon: Lexicon, base: str) -> Iterator[Quad]:
    """Every quad for one document; quarantined relations in their own graph.

    A quad of the default graph is made without naming it (``Quad(s, p, o)``,
    the same quad): pyoxigraph reads a ``DefaultGraph()`` argument after trying
    it as a named and a blank node, 1.1 of 1.3 microseconds per quad.
    """
    doc = graph.document
    d = NamedNode(document_iri(base, doc.id))
    yield Quad(d, RDF_TYPE, kg_term("Document"))
    yield Quad(d, kg_term("source"), Literal(doc.source))
    for field in ("title", "url", "date", "external_id"):
        value = getattr(doc, field, None)
        if value:
            name = "externalId" if field == "external_id" else field
            yield Quad(d, kg_term(name), Literal(str(value)))

    classes = {}
    for entity in graph.entities:
        e = NamedNode(entity.iri)
        classes[entity.iri] = entity.cls
        yield Quad(e, RDF_TYPE, kg_term(entity.cls))
        yield Quad(e, RDFS_LABEL, Literal(entity.label))
        for alt in entity.alt_labels:
            yield Quad(e, SKOS_ALT, Literal(alt))
        yield Quad(e, kg_term("mentionedIn"), d)
    for naming in namings(graph):
        yield from naming_quads(naming, base)

    quarantine = quarantine_graph(base)
    for r in graph.relations:
        g = () if is_valid(r, classes, lexicon) else (quarantine,)  # () : the default graph
        s, p = NamedNode(r.subject), kg_term(r.predicate)
        o = Literal(r.obj) if r.object_is_literal else NamedNode(r.obj)
        ev = NamedNode(evidence_iri(base, r))
        yield Quad(s, p, o, *g)
        yield Quad(ev, RDF_TYPE, kg_term("Evidence"), *g)
        yield Quad(ev, RDF_SUBJECT, s, *g)
        yield Quad(ev, RDF_PREDICATE, p, *g)
        yield Quad(ev, RDF_OBJECT, o, *g)
        yield Quad(ev, kg_term("document"), d, *g)
        yield Quad(ev, kg_term("sentence"), Literal(r.sentence), *g)
        for name, value in zip(("subjectStart", "subjectEnd", "objectStart", "objectEnd"),
                               (*r.subject_span, *r.object_span)):
            yield Quad(ev, kg_term(name), Literal(str(value), datatype=XSD_INTEGER), *g)
        yield Quad(ev, kg_term("confidence"), Literal(f"{r.confidence:.3f}", datatype=XSD_DECIMAL), *g)
        yield Quad(ev, kg_term("extractor"), Literal(r.extractor), *g)
        if r.former:  # "a former CEO of X": the post was held, and is no longer
            yield Quad(ev, kg_term("former"), Literal("true", datatype=XSD_BOOLEAN), *g)
