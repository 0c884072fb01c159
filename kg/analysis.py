"""The graph as networkx, and the numbers people ask of it first.

Examples
--------
>>> import kg
>>> from kg.store import GraphStore
>>> g = to_networkx(GraphStore.memory())
>>> g.number_of_nodes(), type(g).__name__
(0, 'MultiDiGraph')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import ENTITY_CLASSES, load_lexicon
from .store import GraphStore

if TYPE_CHECKING:
    import networkx as nx

_NODES = """
SELECT ?e ?cls ?label (GROUP_CONCAT(DISTINCT ?alt; separator="; ") AS ?alts)
       (COUNT(DISTINCT ?doc) AS ?docs)
WHERE {
  VALUES ?cls { %s }
  ?e a ?cls ; rdfs:label ?label .
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e kg:mentionedIn ?doc }
} GROUP BY ?e ?cls ?label
"""
_EDGES = """
SELECT ?s ?p ?o ?sentence ?doc ?source ?confidence ?extractor WHERE {
  ?s ?p ?o .
  FILTER(isIRI(?o) && STRSTARTS(STR(?p), STR(kg:)))
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:sentence ?sentence ; kg:document ?doc ; kg:confidence ?confidence ;
      kg:extractor ?extractor .
  OPTIONAL { ?doc kg:source ?source }
} ORDER BY ?s ?p ?o DESC(?confidence) ?sentence
"""


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Entities as nodes, asserted relations as edges keyed by property name.

    Node attributes: ``label``, ``cls``, ``alt_labels`` ("; "-joined),
    ``mentions`` (documents). Edge attributes: ``predicate``, ``label`` (the
    ontology's), ``confidence`` (best evidence), ``sentence`` (best evidence
    sentence) and ``evidence`` (a list of dicts). A symmetric property
    (``partnerOf``) is one edge, not two.
    """
    import networkx as nx

    lexicon = load_lexicon()
    graph = nx.MultiDiGraph()
    classes = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
    for row in store.query(_NODES % classes):
        graph.add_node(row["e"].value, label=row["label"].value, cls=_local(row["cls"].value),
                       alt_labels=row["alts"].value if row["alts"] else "",
                       mentions=int(row["docs"].value))
    for row in store.query(_EDGES):
        s, o, name = row["s"].value, row["o"].value, _local(row["p"].value)
        if s not in graph or o not in graph:
            continue
        spec = lexicon.properties.get(name)
        if spec is not None and spec.symmetric and graph.has_edge(o, s, key=name):
            s, o = o, s
        evidence = {
            "sentence": row["sentence"].value, "document": row["doc"].value,
            "source": row["source"].value if row["source"] else "",
            "confidence": float(row["confidence"].value), "extractor": row["extractor"].value,
        }
        if graph.has_edge(s, o, key=name):
            data = graph.edges[s, o, name]
            if all(e["sentence"] != evidence["sentence"] for e in data["evidence"]):
                data["evidence"].append(evidence)
            continue
        graph.add_edge(s, o, key=name, predicate=name, label=lexicon.label_of(name),
                       confidence=evidence["confidence"], sentence=evidence["sentence"],
                       evidence=[evidence])
    return graph


@dataclass(frozen=True)
class Stats:
    """Counts and the most central entities of a graph."""

    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    quarantined: int
    central: list[tuple[str, str, float]] = field(default_factory=list)  # (label, class, PageRank)

    def to_text(self) -> str:
        lines = [f"documents: {self.documents}",
                 f"entities: {sum(self.entities.values())}"]
        lines += [f"  {cls}: {n}" for cls, n in sorted(self.entities.items(), key=lambda x: -x[1])]
        lines.append(f"relations: {sum(self.relations.values())}")
        lines += [f"  {p}: {n}" for p, n in sorted(self.relations.items(), key=lambda x: -x[1])]
        if self.quarantined:
            lines.append(f"quarantined (domain/range violations): {self.quarantined}")
        if self.central:
            lines.append("most central (PageRank):")
            lines += [f"  {score:.3f}  {label} ({cls})" for label, cls, score in self.central]
        return "\n".join(lines)


def stats(store: GraphStore, top: int = 10) -> Stats:
    """Count documents, entities by class and relations by property; rank entities."""
    totals = counts(store)
    return Stats(totals.documents, totals.entities, totals.relations, totals.quarantined,
                 central(to_networkx(store), top))


def counts(store: GraphStore) -> Stats:
    """Documents, entities by class, relations by property, quarantined: no ranking."""
    lexicon = load_lexicon()
    docs = int(next(iter(store.query("SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }")))["n"].value)
    entities = Counter({
        _local(r["c"].value): int(r["n"].value)
        for r in store.query("SELECT ?c (COUNT(?e) AS ?n) WHERE { ?e a ?c } GROUP BY ?c")
        if _local(r["c"].value) in ENTITY_CLASSES
    })
    relations = Counter({
        _local(r["p"].value): int(r["n"].value)
        for r in store.query("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")
        if _local(r["p"].value) in lexicon.properties
    })
    quarantined = int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e a kg:Evidence } }")))["n"].value)
    return Stats(docs, dict(entities), dict(relations), quarantined)


def central(graph: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, str, float]]:
    """The ``top`` entities by PageRank on the undirected, unweighted view."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return []
    simple = nx.Graph(graph.to_undirected(as_view=True))
    ranks = nx.pagerank(simple)
    best = sorted(ranks.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]]["label"]))[:top]
    return [(graph.nodes[n]["label"], graph.nodes[n]["cls"], score) for n, score in best]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
