"""Paths and neighbourhoods: how two entities are related, and what is around one.

Both follow relations in either direction on the undirected simple view
(:func:`kg.analysis.view.simple_undirected`) and answer with every relation
and its evidence; names are read by :func:`kg.analysis.lookup.find_entity`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.analysis.lookup import find_entity
from kg.analysis.view import simple_undirected

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Node", "Link", "Hop", "GraphPath", "Neighborhood", "shortest_path", "neighbors"]


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
        nodes = nx.shortest_path(simple_undirected(graph), a, b)
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
    distance = nx.single_source_shortest_path_length(simple_undirected(graph), center, cutoff=depth)
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
