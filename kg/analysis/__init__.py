"""The graph as networkx, and the numbers people ask of it first.

Examples
--------
>>> import kg
>>> from kg.graph.store import GraphStore
>>> g = to_networkx(GraphStore.memory())
>>> g.number_of_nodes(), type(g).__name__
(0, 'MultiDiGraph')
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.errors import EntityError
from kg.lexicon import ENTITY_CLASSES, load_lexicon
from kg.graph.store import GraphStore

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


#: Louvain and sampled betweenness take this seed, so the same graph gives the same answer.
SEED = 42
#: Exact betweenness up to this many linked entities; above it, ``k`` sampled sources.
BETWEENNESS_EXACT = 2_000
#: Louvain runs by default up to this many links (pairs of related entities): ~5 s.
COMMUNITY_LIMIT = 50_000


class Ranked(NamedTuple):
    """An entity and its score in one ranking (PageRank, degree, betweenness)."""

    label: str
    cls: str
    score: float
    iri: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"iri": self.iri, "label": self.label, "class": self.cls, "score": self.score}


@dataclass(frozen=True)
class Community:
    """A Louvain community: its size and its best-connected members (by degree)."""

    size: int
    members: list[Ranked]

    def to_dict(self) -> dict[str, Any]:
        return {"size": self.size, "members": [m.to_dict() for m in self.members]}


@dataclass(frozen=True)
class Stats:
    """Counts, rankings, communities and components of a graph.

    Rankings are on the undirected simple entity graph (one link per related
    pair): ``central`` by PageRank, ``degree`` (distinct neighbours),
    ``betweenness`` (exact, or from ``betweenness_samples`` sampled sources on
    big graphs). ``communities`` are Louvain's (seeded), largest first, singletons
    left out; ``community_note`` says why they are missing when they are.
    """

    documents: int
    entities: dict[str, int]
    relations: dict[str, int]
    quarantined: int
    central: list[Ranked] = field(default_factory=list)  # (label, class, PageRank, iri)
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    betweenness_samples: int | None = None
    communities: list[Community] = field(default_factory=list)
    community_count: int = 0
    community_note: str = ""
    components: int = 0
    largest_components: list[int] = field(default_factory=list)

    def to_text(self) -> str:
        lines = [f"documents: {self.documents}",
                 f"entities: {sum(self.entities.values())}"]
        lines += [f"  {cls}: {n}" for cls, n in sorted(self.entities.items(), key=lambda x: -x[1])]
        lines.append(f"relations: {sum(self.relations.values())}")
        lines += [f"  {p}: {n}" for p, n in sorted(self.relations.items(), key=lambda x: -x[1])]
        if self.quarantined:
            lines.append(f"quarantined (domain/range violations): {self.quarantined}")
        if self.components:
            sizes = ", ".join(map(str, self.largest_components))
            lines.append(f"connected components: {self.components} (largest: {sizes})")
        if self.community_note:
            lines.append(f"communities: {self.community_note}")
        elif self.communities:
            lines.append(f"communities (Louvain, seed {SEED}): {self.community_count} of 2+ entities")
            for c in self.communities:
                names = ", ".join(m.label for m in c.members[:5]) + (", ..." if c.size > 5 else "")
                lines.append(f"  {c.size:>3}  {names}")
        if self.degree:
            lines.append("top by degree (related entities):")
            lines += [f"  {int(r.score):>5}  {r.label} ({r.cls})" for r in self.degree]
        if self.betweenness:
            how = f", {self.betweenness_samples} sampled sources" if self.betweenness_samples else ""
            lines.append(f"top by betweenness{how}:")
            lines += [f"  {r.score:.3f}  {r.label} ({r.cls})" for r in self.betweenness]
        if self.central:  # last: scripts read the lines after "most central"
            lines.append("most central (PageRank):")
            lines += [f"  {r.score:.3f}  {r.label} ({r.cls})" for r in self.central]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``kg stats --json``)."""
        return {
            "documents": self.documents, "entities": self.entities, "relations": self.relations,
            "quarantined": self.quarantined,
            "pagerank": [r.to_dict() for r in self.central],
            "degree": [r.to_dict() for r in self.degree],
            "betweenness": [r.to_dict() for r in self.betweenness],
            "betweenness_samples": self.betweenness_samples,
            "communities": {"count": self.community_count, "note": self.community_note,
                            "largest": [c.to_dict() for c in self.communities]},
            "components": {"count": self.components, "largest": self.largest_components},
        }


def stats(store: GraphStore, top: int = 10, *, communities: bool | None = None) -> Stats:
    """Count documents, entities by class and relations by property; rank
    entities, find communities and connected components.

    ``communities=None`` runs Louvain up to :data:`COMMUNITY_LIMIT` links;
    ``True`` always, ``False`` never.
    """
    totals = counts(store)
    graph = to_networkx(store)
    simple = entity_graph(graph)
    linked = simple.subgraph(n for n, d in simple.degree() if d)
    found, note = [], ""
    if communities is None and linked.number_of_edges() > COMMUNITY_LIMIT:
        note = (f"skipped: {linked.number_of_edges():,} links > {COMMUNITY_LIMIT:,} "
                "(stats(communities=True) runs Louvain anyway)")
    elif communities is not False:
        found = louvain(graph, simple=linked)
    between, samples = betweenness(graph, top, simple=linked)
    sizes = components(simple)
    return Stats(totals.documents, totals.entities, totals.relations, totals.quarantined,
                 central=central(graph, top, simple=simple), degree=_ranked(graph, dict(simple.degree()), top),
                 betweenness=between, betweenness_samples=samples,
                 communities=found[:top], community_count=len(found), community_note=note,
                 components=len(sizes), largest_components=sizes[:5])


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


def entity_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple view: one link per related pair, nodes and links in
    sorted order so that every traversal (and every tie) is the same on each run."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted({(u, v) if u <= v else (v, u) for u, v in graph.edges() if u != v}))
    return simple


def central(graph: nx.MultiDiGraph, top: int = 10, *, simple: nx.Graph | None = None) -> list[Ranked]:
    """The ``top`` entities by PageRank on the undirected, unweighted view."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return []
    return _ranked(graph, nx.pagerank(entity_graph(graph) if simple is None else simple), top)


def betweenness(graph: nx.MultiDiGraph, top: int = 10, *, k: int | None = None, seed: int = SEED,
                simple: nx.Graph | None = None) -> tuple[list[Ranked], int | None]:
    """The ``top`` entities by betweenness, and the number of sampled sources
    (``None``: exact). Above :data:`BETWEENNESS_EXACT` linked entities, ``k``
    defaults to what keeps the run to a few seconds (16 to 500 sources)."""
    import networkx as nx

    if simple is None:
        simple = entity_graph(graph)
        simple = simple.subgraph(n for n, d in simple.degree() if d)
    n, m = simple.number_of_nodes(), simple.number_of_edges()
    if k is None and n > BETWEENNESS_EXACT:
        k = max(16, min(500, 2_000_000 // (n + m)))
    if k is not None and k >= n:
        k = None
    if n == 0:
        return [], None
    return _ranked(graph, nx.betweenness_centrality(simple, k=k, seed=seed), top), k


def louvain(graph: nx.MultiDiGraph, *, seed: int = SEED, members: int = 10,
            simple: nx.Graph | None = None) -> list[Community]:
    """Louvain communities of 2+ entities on the undirected simple entity graph,
    largest first, each with its ``members`` best-connected entities."""
    import networkx as nx

    if simple is None:
        simple = entity_graph(graph)
    if simple.number_of_edges() == 0:
        return []
    found = []
    for nodes in nx.community.louvain_communities(simple, seed=seed):
        if len(nodes) > 1:
            degrees = {n: simple.degree(n) for n in nodes}
            found.append(Community(len(nodes), _ranked(graph, degrees, members)))
    return sorted(found, key=lambda c: (-c.size, c.members[0].label))


def components(simple: nx.Graph) -> list[int]:
    """Sizes of the connected components, largest first (an unrelated entity is one)."""
    import networkx as nx

    return sorted((len(c) for c in nx.connected_components(simple)), reverse=True)


# ---- finding entities, paths and neighbourhoods ----------------------------------------


@dataclass(frozen=True)
class Node:
    """An entity as the answers show it."""

    iri: str
    label: str
    cls: str

    def __str__(self) -> str:
        return f"{self.label} ({self.cls})"

    def to_dict(self) -> dict[str, Any]:
        return {"iri": self.iri, "label": self.label, "class": self.cls}


@dataclass(frozen=True)
class Link:
    """One asserted relation, in its own direction, with its evidence (best first).

    ``distance`` (neighbourhoods) is how many hops from the centre its far end is.
    """

    subject: Node
    predicate: str
    label: str
    object: Node
    confidence: float
    evidence: list[dict[str, Any]]
    distance: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject.to_dict(), "predicate": self.predicate, "label": self.label,
                "object": self.object.to_dict(), "confidence": self.confidence,
                "distance": self.distance, "evidence": self.evidence}


@dataclass(frozen=True)
class Hop:
    """A step of a path, ``start`` to ``end``, and every relation between them."""

    start: Node
    end: Node
    links: list[Link]

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start.to_dict(), "to": self.end.to_dict(),
                "relations": [link.to_dict() for link in self.links]}


@dataclass(frozen=True)
class GraphPath:
    """A shortest path between two entities, following relations either way."""

    start: Node
    end: Node
    hops: list[Hop]

    def to_text(self) -> str:
        lines = [f"{self.start} -> {self.end}: {len(self.hops)} hop(s)"]
        for hop in self.hops:
            for link in hop.links:
                lines.append("  " + _arrow(link, hop.start.iri))
                lines += _evidence_lines(link)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.start.to_dict(), "to": self.end.to_dict(), "length": len(self.hops),
                "hops": [hop.to_dict() for hop in self.hops]}


@dataclass(frozen=True)
class Neighborhood:
    """The relations of an entity out to ``depth`` hops, either direction."""

    center: Node
    depth: int
    links: list[Link]

    def to_text(self) -> str:
        others = {n for link in self.links for n in (link.subject.iri, link.object.iri)} - {self.center.iri}
        lines = [f"{self.center}: {len(self.links)} relation(s), {len(others)} related entit"
                 f"{'y' if len(others) == 1 else 'ies'} within {self.depth} hop(s)"]
        groups = [("out", [x for x in self.links if x.distance == 1 and x.subject.iri == self.center.iri]),
                  ("in", [x for x in self.links if x.distance == 1 and x.subject.iri != self.center.iri])]
        groups += [(f"at {d} hops", [x for x in self.links if x.distance == d]) for d in range(2, self.depth + 1)]
        for name, links in groups:
            if links:
                lines.append(f"{name}:")
                for link in links:
                    lines.append(f"  {link.subject} --{link.predicate}--> {link.object}")
                    lines += _evidence_lines(link)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"entity": self.center.to_dict(), "depth": self.depth,
                "relations": [link.to_dict() for link in self.links]}


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node (IRI) a name means: its IRI, label or an alt label, any case;
    ``"Label (Class)"`` picks one of several entities with the same name.

    Raises :class:`~kg.errors.EntityError` naming close matches when no entity
    has the name, and the candidates when several do.
    """
    if name in graph:
        return name
    key = _norm(name)
    labels = {n: _norm(d["label"]) for n, d in graph.nodes(data=True)}
    alts = {n: {_norm(a) for a in d.get("alt_labels", "").split("; ") if a} for n, d in graph.nodes(data=True)}
    hits = sorted(n for n in labels if labels[n] == key) or sorted(n for n in alts if key in alts[n])
    if not hits and (m := re.fullmatch(r"(.+?)\s*\((\w+)\)", name.strip())):
        base, cls = _norm(m.group(1)), m.group(2).lower()
        hits = sorted(n for n in labels
                      if graph.nodes[n]["cls"].lower() == cls and (labels[n] == base or base in alts[n]))
    if len(hits) == 1:
        return hits[0]
    if hits:
        named = tuple(sorted(str(_node(graph, n)) for n in hits))
        raise EntityError(f"{name!r} names {len(hits)} entities: {', '.join(named)}; "
                          "write 'Label (Class)' or the IRI", named)
    names: dict[str, list[str]] = {}
    for n in labels:
        for s in {labels[n], *alts[n]}:
            names.setdefault(s, []).append(n)
    close = difflib.get_close_matches(key, sorted(names), n=5, cutoff=0.6)
    close += sorted(s for s in names if key and key in s and s not in close)
    named = tuple(dict.fromkeys(str(_node(graph, n)) for s in close[:5] for n in sorted(names[s])))
    hint = f"close matches: {', '.join(named)}" if named else f"no close match among {len(labels)} entities"
    raise EntityError(f"no entity named {name!r}; {hint}", named)


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> GraphPath | None:
    """The shortest path from ``source`` to ``target`` (names, see :func:`find_entity`)
    following relations in either direction, with every relation and its evidence
    on each hop; ``None`` when they are not connected.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for n, c in [("a", "Person"), ("b", "Organization"), ("c", "Product")]:
    ...     g.add_node(n, label=n.upper(), cls=c, alt_labels="")
    >>> ev = [{"sentence": "s", "source": "f.txt"}]
    >>> g.add_edge("a", "b", key="worksFor", predicate="worksFor", label="works for", confidence=1.0, evidence=ev)
    'worksFor'
    >>> g.add_edge("c", "b", key="develops", predicate="develops", label="develops", confidence=1.0, evidence=ev)
    'develops'
    >>> print(shortest_path(g, "a", "C").to_text())
    A (Person) -> C (Product): 2 hop(s)
      A (Person) --worksFor--> B (Organization)
          "s" (f.txt)
      B (Organization) <--develops-- C (Product)
          "s" (f.txt)
    """
    import networkx as nx

    a, b = find_entity(graph, source), find_entity(graph, target)
    try:
        nodes = nx.shortest_path(entity_graph(graph), a, b)
    except nx.NetworkXNoPath:
        return None
    hops = [Hop(_node(graph, u), _node(graph, v), _links(graph, u, v)) for u, v in zip(nodes, nodes[1:])]
    return GraphPath(_node(graph, a), _node(graph, b), hops)


def neighbors(graph: nx.MultiDiGraph, name: str, depth: int = 1) -> Neighborhood:
    """Relations in and out of an entity, and out to ``depth`` hops (either direction)."""
    import networkx as nx

    if depth < 1:
        raise ValueError(f"depth must be 1 or more, not {depth}")
    center = find_entity(graph, name)
    distance = nx.single_source_shortest_path_length(entity_graph(graph), center, cutoff=depth)
    seen: dict[tuple[str, str, str], Link] = {}
    for node, d in distance.items():
        if d >= depth:
            continue
        for u, v, key in [*graph.out_edges(node, keys=True), *graph.in_edges(node, keys=True)]:
            if (u, v, key) not in seen:
                seen[u, v, key] = _link(graph, u, v, key, distance=max(distance[u], distance[v]))
    links = sorted(seen.values(), key=lambda x: (x.distance, x.subject.iri != center, x.predicate,
                                                 x.subject.label, x.object.label))
    return Neighborhood(_node(graph, center), depth, links)


def _links(graph: nx.MultiDiGraph, u: str, v: str) -> list[Link]:
    links = [_link(graph, u, v, k) for k in graph.get_edge_data(u, v, default={})]
    links += [_link(graph, v, u, k) for k in graph.get_edge_data(v, u, default={})]
    return sorted(links, key=lambda x: (-x.confidence, x.predicate))


def _link(graph: nx.MultiDiGraph, u: str, v: str, key: str, distance: int = 1) -> Link:
    data = graph.edges[u, v, key]
    return Link(_node(graph, u), data["predicate"], data["label"], _node(graph, v),
                data["confidence"], list(data["evidence"]), distance)


def _arrow(link: Link, start: str) -> str:
    if link.subject.iri == start:
        return f"{link.subject} --{link.predicate}--> {link.object}"
    return f"{link.object} <--{link.predicate}-- {link.subject}"


def _evidence_lines(link: Link) -> list[str]:
    if not link.evidence:
        return []
    best = link.evidence[0]
    more = f" (+{len(link.evidence) - 1} more)" if len(link.evidence) > 1 else ""
    return [f"      \"{' '.join(best['sentence'].split())}\" ({best.get('source') or best.get('document', '')}){more}"]


def _node(graph: nx.MultiDiGraph, n: str) -> Node:
    data = graph.nodes[n]
    return Node(n, data["label"], data["cls"])


def _ranked(graph: nx.MultiDiGraph, scores: dict[str, float], top: int) -> list[Ranked]:
    best = sorted(scores.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]]["label"], kv[0]))[:top]
    return [Ranked(graph.nodes[n]["label"], graph.nodes[n]["cls"], score, n) for n, score in best]


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
