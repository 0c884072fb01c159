"""The kept projection's rows read from the store (:mod:`kg.analysis.projection`).

What :class:`~kg.analysis.projection.Projection` reads from the Oxigraph store
to make or update its tables: :func:`node_rows` and :func:`edge_rows` (whole, for
a rebuild, or for the touched entities, for a refresh), through the store's indexes
rather than SPARQL; :func:`stamp`, what the projection records of the store it
matches; :func:`touched_by`, the entities a removal may change; and
:func:`add_evidence`, the evidence of the edges a command shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kg.analysis.view import local_name
from kg.extract.naming import name_key
from kg.lexicon import ENTITY_CLASSES, load_lexicon

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.store import GraphStore

__all__ = ["CHUNK", "add_evidence", "chunks", "edge_rows", "node_rows", "stamp", "touched_by"]

_TOUCHED = """
SELECT DISTINCT ?e WHERE {
  VALUES ?d { %s }
  { ?e kg:mentionedIn ?d } UNION
  { GRAPH ?g { ?ev kg:document ?d ; rdf:subject ?e } } UNION
  { GRAPH ?g { ?ev kg:document ?d ; rdf:object ?e } } UNION
  { ?ev kg:document ?d ; rdf:subject ?e } UNION { ?ev kg:document ?d ; rdf:object ?e }
}
"""
CHUNK = 500  # IRIs per VALUES block / SQL IN list


def stamp(store: GraphStore) -> str:
    """What a projection records of the store it matches: its numbers of documents,
    evidence records (default graph) and labels, as ``"documents/evidence/labels"``."""
    counts = []
    for pattern in ("?x a kg:Document", "?x rdf:subject ?y", "?x rdfs:label ?y"):
        row = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")))
        counts.append(row["n"].value)
    return "/".join(counts)


def touched_by(store: GraphStore, documents: Iterable[str]) -> set[str]:
    """Entities whose rows a removal of ``documents`` (IRIs) may change: those they
    mention and the ends of the relations they give evidence for. Ask before removing."""
    import pyoxigraph as ox

    found: set[str] = set()
    for chunk in chunks(sorted(set(documents))):
        rows = store.query(_TOUCHED % " ".join(f"<{d}>" for d in chunk))
        found.update(r["e"].value for r in rows if isinstance(r["e"], ox.NamedNode))
    return found


def add_evidence(graph: nx.MultiDiGraph, store: GraphStore) -> None:
    """Fill each edge's ``evidence``, ``sentence`` and ``confidence`` from the store,
    as :func:`~kg.analysis.view.to_networkx` does (best first, one per sentence; a
    symmetric edge gets its other direction's evidence after its own)."""
    lexicon = load_lexicon()
    triples: list[tuple[str, str, str]] = []
    for u, v, key in graph.edges(keys=True):
        triples.append((u, key, v))
        spec = lexicon.properties.get(key)
        if spec is not None and spec.symmetric:
            triples.append((v, key, u))
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for chunk in chunks(sorted(set(triples))):
        values = " ".join(f"(<{s}> kg:{p} <{o}>)" for s, p, o in chunk)
        rows = store.query(_EVIDENCE % values)
        for r in rows:
            found.setdefault((r["s"].value, local_name(r["p"].value), r["o"].value), []).append({
                "sentence": r["sentence"].value, "document": r["doc"].value,
                "source": r["source"].value if r["source"] else "",
                "confidence": float(r["confidence"].value), "extractor": r["extractor"].value,
                "former": r["former"] is not None and r["former"].value == "true"})
    for u, v, key, data in graph.edges(keys=True, data=True):
        records: list[dict[str, Any]] = []
        for triple in ((u, key, v), (v, key, u)):
            own = sorted(found.get(triple, []), key=lambda e: (-e["confidence"], e["sentence"]))
            for e in own:
                if all(e["sentence"] != x["sentence"] for x in records):
                    records.append(e)
            if triple == (u, key, v) and own:
                data["confidence"], data["sentence"] = own[0]["confidence"], own[0]["sentence"]
        data["evidence"] = records


_EVIDENCE = """
SELECT ?s ?p ?o ?sentence ?doc ?source ?confidence ?extractor ?former WHERE {
  VALUES (?s ?p ?o) { %s }
  ?s ?p ?o .
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:sentence ?sentence ; kg:document ?doc ; kg:confidence ?confidence ;
      kg:extractor ?extractor .
  OPTIONAL { ?doc kg:source ?source }
  OPTIONAL { ?ev kg:former ?former }
}
"""


def node_rows(store: GraphStore, iris: list[str] | None) -> Iterator[tuple[str, str, str, str, int, tuple[str, ...]]]:
    """(iri, class, label, alts, mentions, name keys) of the entities among ``iris`` (or all):
    the ontology's classes, with a label; read through Oxigraph's indexes, not SPARQL
    (the GROUP BY of ``to_networkx`` takes 10 s on 33,000 entities, this 1 s)."""
    import pyoxigraph as ox

    from kg.graph.rdf import RDF_TYPE, RDFS_LABEL, SKOS_ALT, kg_term

    s, default = store.store, ox.DefaultGraph()
    classes = {kg_term(c): c for c in ENTITY_CLASSES}
    mentioned = kg_term("mentionedIn")
    cls: dict[str, str] = {}
    labels: dict[str, str] = {}
    alts: dict[str, set[str]] = {}
    docs: dict[str, set[str]] = {}
    if iris is None:
        for term, name in classes.items():
            for q in s.quads_for_pattern(None, RDF_TYPE, term, default):
                cls.setdefault(q.subject.value, name)
        for q in s.quads_for_pattern(None, RDFS_LABEL, None, default):
            if q.subject.value in cls:
                labels.setdefault(q.subject.value, q.object.value)
        for q in s.quads_for_pattern(None, SKOS_ALT, None, default):
            if q.subject.value in cls:
                alts.setdefault(q.subject.value, set()).add(q.object.value)
        for q in s.quads_for_pattern(None, mentioned, None, default):
            docs.setdefault(q.subject.value, set()).add(q.object.value)
    else:
        for iri in iris:
            node = ox.NamedNode(iri)
            for q in s.quads_for_pattern(node, None, None, default):
                if q.predicate == RDF_TYPE and q.object in classes:
                    cls.setdefault(iri, classes[q.object])
                elif q.predicate == RDFS_LABEL:
                    labels.setdefault(iri, q.object.value)
                elif q.predicate == SKOS_ALT:
                    alts.setdefault(iri, set()).add(q.object.value)
                elif q.predicate == mentioned:
                    docs.setdefault(iri, set()).add(q.object.value)
    every_label: dict[str, set[str]] = {}  # the alias index reads every label, not just the first
    if iris is None:
        for q in s.quads_for_pattern(None, RDFS_LABEL, None, default):
            if q.subject.value in cls and q.object.value != labels[q.subject.value]:
                every_label.setdefault(q.subject.value, set()).add(q.object.value)
    else:
        for iri in iris:
            for q in s.quads_for_pattern(ox.NamedNode(iri), RDFS_LABEL, None, default):
                if q.object.value != labels.get(iri):
                    every_label.setdefault(iri, set()).add(q.object.value)
    for iri, name in cls.items():
        if iri in labels:
            named = (labels[iri], *every_label.get(iri, ()), *alts.get(iri, ()))
            yield (iri, name, labels[iri], "; ".join(sorted(alts.get(iri, ()))), len(docs.get(iri, ())),
                   tuple(dict.fromkeys(name_key(n) for n in named)))


def edge_rows(store: GraphStore, iris: list[str] | None,
               known: set[str] | None = None) -> list[tuple[str, str, str, float, int]]:
    """Edges (of relations touching ``iris``, or all), symmetric pairs folded as
    ``to_networkx`` folds them; with ``known``, edges to an IRI not in it are dropped.

    A relation is an edge when it is asserted in the default graph between IRIs
    and has an evidence record there with its sentence, document, confidence and
    extractor (``to_networkx``'s pattern). Memory follows the number of edges, not
    of evidence records: the whole graph's are grouped by Oxigraph
    (:func:`_grouped_edges`), a few entities' read through the indexes."""
    import pyoxigraph as ox

    from kg.vocab import KG_NS

    s, default = store.store, ox.DefaultGraph()
    grouped = _grouped_edges(store) if iris is None else _touched_edges(store, iris)
    raw: dict[tuple[str, str, str], tuple[float, int]] = {}
    asserted: dict[tuple[Any, Any, Any], bool] = {}
    for subj, pred, obj, best, count in grouped:
        if not isinstance(obj, ox.NamedNode) or not pred.value.startswith(KG_NS):
            continue
        if (subj, pred, obj) not in asserted:
            asserted[subj, pred, obj] = ox.Quad(subj, pred, obj, default) in s
        if not asserted[subj, pred, obj]:
            continue
        key = (subj.value, local_name(pred.value), obj.value)
        before, n = raw.get(key, (float("-inf"), 0))
        raw[key] = (max(before, best), n + count)
    if known is not None:
        raw = {k: v for k, v in raw.items() if k[0] in known and k[2] in known}
    lexicon = load_lexicon()
    rows = []
    for (subj, p, obj), (best, count) in sorted(raw.items()):
        spec = lexicon.properties.get(p)
        if spec is not None and spec.symmetric and (obj, p, subj) in raw and subj != obj:
            if subj > obj:
                continue  # folded into (obj, p, subj): the smaller IRI first, as ORDER BY ?s gives
            count += raw[obj, p, subj][1]
        rows.append((subj, p, obj, best, count))
    return rows


#: Every evidence record of the default graph grouped by its triple, in Oxigraph: held
#: as Python objects record by record, 1.4 million records (a 50 MB text) took ~700 MB.
#: kg writes one subject, predicate, object and confidence per record (:mod:`kg.graph.rdf`).
_GROUPED = """
SELECT ?s ?p ?o (MAX(?c) AS ?best) (COUNT(?ev) AS ?n) WHERE {
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:confidence ?c .
  FILTER(isIRI(?o))
} GROUP BY ?s ?p ?o
"""


def _grouped_edges(store: GraphStore) -> Iterator[tuple[Any, Any, Any, float, int]]:
    """(subject, predicate, object, best confidence, records) of every evidenced triple."""
    for r in store.query(_GROUPED):
        yield r["s"], r["p"], r["o"], float(r["best"].value), int(r["n"].value)


def _touched_edges(store: GraphStore, iris: list[str]) -> Iterator[tuple[Any, Any, Any, float, int]]:
    """(subject, predicate, object, confidence, 1) of each evidence record of a relation
    into or out of ``iris``, read through the store's indexes."""
    import pyoxigraph as ox

    from kg.graph.rdf import RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, kg_term

    s, default = store.store, ox.DefaultGraph()
    # kg.graph.rdf.to_quads writes every field of a record; reading the four needed here
    # (not the sentences, documents, extractors) halves the work.
    fields = {RDF_SUBJECT: "s", RDF_PREDICATE: "p", RDF_OBJECT: "o", kg_term("confidence"): "confidence"}
    evidence_type = kg_term("Evidence")
    nodes = set()
    for iri in iris:
        node = ox.NamedNode(iri)
        nodes.update(q.subject for q in s.quads_for_pattern(None, RDF_SUBJECT, node, default))
        nodes.update(q.subject for q in s.quads_for_pattern(None, RDF_OBJECT, node, default))
    for ev in nodes:
        record: dict[str, Any] = {}
        typed = False
        for q in s.quads_for_pattern(ev, None, None, default):
            if q.predicate in fields:
                record[fields[q.predicate]] = q.object
            elif q.predicate == RDF_TYPE and q.object == evidence_type:
                typed = True
        if typed and len(record) == len(fields):
            yield record["s"], record["p"], record["o"], float(record["confidence"].value), 1


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
