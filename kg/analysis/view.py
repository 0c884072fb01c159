"""The graph as networkx: the directed multigraph view and the one undirected view.

:func:`to_networkx` reads a store into a ``MultiDiGraph`` (entities as nodes,
asserted relations as edges keyed by property name). :func:`simple_undirected`
is the only undirected view kg uses: every ranking, community and path in
:mod:`kg.analysis` and on the HTML page is computed on it.

Examples
--------
>>> from kg.graph.store import GraphStore
>>> g = to_networkx(GraphStore.memory())
>>> g.number_of_nodes(), type(g).__name__
(0, 'MultiDiGraph')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.graph.store import GraphStore
from kg.lexicon import ENTITY_CLASSES, load_lexicon

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_networkx", "simple_undirected"]

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
SELECT ?s ?p ?o ?sentence ?doc ?source ?confidence ?extractor ?former WHERE {
  ?s ?p ?o .
  FILTER(isIRI(?o) && STRSTARTS(STR(?p), STR(kg:)))
  ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
      kg:sentence ?sentence ; kg:document ?doc ; kg:confidence ?confidence ;
      kg:extractor ?extractor .
  OPTIONAL { ?doc kg:source ?source }
  OPTIONAL { ?ev kg:former ?former }
} ORDER BY ?s ?p ?o DESC(?confidence) ?sentence
"""


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Entities as nodes, asserted relations as edges keyed by property name.

    Node attributes: ``label``, ``cls``, ``alt_labels`` ("; "-joined),
    ``mentions`` (documents). Edge attributes: ``predicate``, ``label`` (the
    ontology's), ``confidence`` (best evidence), ``sentence`` (best evidence
    sentence) and ``evidence`` (a list of dicts, each with ``former``: the sentence states
    the relation as held before). A symmetric property
    (``partnerOf``) is one edge, not two.
    """
    import networkx as nx

    lexicon = load_lexicon()
    graph = nx.MultiDiGraph()
    classes = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
    for row in store.query(_NODES % classes):
        graph.add_node(row["e"].value, label=row["label"].value, cls=local_name(row["cls"].value),
                       alt_labels=row["alts"].value if row["alts"] else "",
                       mentions=int(row["docs"].value))
    for row in store.query(_EDGES):
        s, o, name = row["s"].value, row["o"].value, local_name(row["p"].value)
        if s not in graph or o not in graph:
            continue
        spec = lexicon.properties.get(name)
        if spec is not None and spec.symmetric and graph.has_edge(o, s, key=name):
            s, o = o, s
        evidence = {
            "sentence": row["sentence"].value, "document": row["doc"].value,
            "source": row["source"].value if row["source"] else "",
            "confidence": float(row["confidence"].value), "extractor": row["extractor"].value,
            "former": row["former"] is not None and row["former"].value == "true",
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


def simple_undirected(graph: nx.Graph) -> nx.Graph:
    """The undirected simple view: one link per related pair, no self-loops.

    Each link's ``weight`` is the number of relations between the pair (either
    direction, any property). Nodes keep no attributes. Nodes and links are
    added in sorted order, so every traversal, and every tie, is the same on
    each run. The metrics in :mod:`kg.analysis.metrics` ignore ``weight``
    unless asked: a pair is related or not.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("b", "a", key="worksFor")
    'worksFor'
    >>> g.add_edge("a", "b", key="leads")
    'leads'
    >>> g.add_edge("c", "c", key="partOf")
    'partOf'
    >>> s = simple_undirected(g)
    >>> sorted(s.nodes), list(s.edges(data="weight"))
    (['a', 'b', 'c'], [('a', 'b', 2)])
    """
    import networkx as nx

    weights: dict[tuple[Any, Any], int] = {}
    for u, v in graph.edges():
        if u != v:
            pair = (u, v) if _key(u) <= _key(v) else (v, u)
            weights[pair] = weights.get(pair, 0) + 1
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=_key))
    pairs = sorted(weights, key=lambda p: (_key(p[0]), _key(p[1])))
    simple.add_weighted_edges_from((u, v, weights[u, v]) for u, v in pairs)
    return simple


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/`` (``kg:worksFor`` → ``worksFor``)."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _key(node: Any) -> tuple[str, str]:
    return (type(node).__name__, str(node))
