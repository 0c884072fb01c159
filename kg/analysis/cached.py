"""Whole-graph metrics of a kept projection, computed once per version of it.

PageRank, degree, betweenness, communities and components are those of
:mod:`kg.analysis.metrics` on the undirected simple view; here the view is made
from the projection's edge table (:func:`simple_view`, the same nodes and links
in the same order as :func:`kg.analysis.view.simple_undirected` of the whole
graph, so every tie and every seeded run comes out the same) and the results
are saved in the projection's ``cache`` table under its version. The metrics
share one sparse adjacency matrix (:func:`simple_links`, the view's links without
networkx; the view itself is made only for Louvain). ``kg stats``
and the page read them back; a build or removal raises the version and the
next reader computes them again.

Examples
--------
>>> import networkx as nx
>>> simple = nx.Graph([("a", "b"), ("b", "c")])
>>> m = compute(simple)
>>> m.degree["b"], [sorted(c) for c in m.communities], m.components
(2, [['a', 'b', 'c']], [3])
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.analysis import metrics

if TYPE_CHECKING:
    import networkx as nx

    from kg.analysis.projection import Projection

__all__ = ["GraphMetrics", "compute", "graph_metrics", "simple_links", "simple_view", "top_scores", "write_page"]


@dataclass(frozen=True)
class GraphMetrics:
    """Scores of every entity and the groups of the whole graph (see :mod:`kg.analysis.metrics`)."""

    pagerank: dict[str, float]
    degree: dict[str, int]
    betweenness: dict[str, float]
    betweenness_samples: int | None
    communities: list[list[str]] = field(default_factory=list)  # largest first, 2+ members
    community_method: str = ""
    components: list[int] = field(default_factory=list)  # sizes, largest first


def simple_view(projection: Projection) -> nx.Graph:
    """The undirected simple view of the whole projected graph: one link per related
    pair weighted by its number of relations, nodes and links in sorted order."""
    import networkx as nx

    weights: dict[tuple[str, str], int] = {}
    for s, _, o in projection.db.execute("SELECT s, p, o FROM edges"):
        if s != o:
            pair = (s, o) if s <= o else (o, s)
            weights[pair] = weights.get(pair, 0) + 1
    simple = nx.Graph()
    simple.add_nodes_from(sorted(r[0] for r in projection.db.execute("SELECT iri FROM nodes")))
    simple.add_weighted_edges_from((u, v, weights[u, v]) for u, v in sorted(weights))
    return simple


def simple_links(projection: Projection) -> metrics.Links:
    """:func:`simple_view` as :class:`kg.analysis.metrics.Links`, made from the edge
    table without networkx (``networkx()`` makes the view itself, for Louvain)."""
    import numpy as np

    nodes = sorted(r[0] for r in projection.db.execute("SELECT iri FROM nodes"))
    index = {iri: i for i, iri in enumerate(nodes)}
    try:
        pairs = np.array([(index[s], index[o]) for s, o in
                          projection.db.execute("SELECT s, o FROM edges WHERE s != o")],
                         dtype=np.int64).reshape(-1, 2)
    except KeyError:  # an edge to an entity without a row: the view adds it, in its own order
        return metrics.Links.of(simple_view(projection))
    return metrics.Links.from_pairs(nodes, pairs[:, 0], pairs[:, 1], lambda: simple_view(projection))


def compute(simple: nx.Graph | metrics.Links, *, method: str | None = None) -> GraphMetrics:
    """Every metric of ``simple`` (``method``: communities' algorithm, ``"none"``
    for none, ``None`` to let :func:`kg.analysis.metrics.community_method` choose)."""
    links = metrics.Links.of(simple)  # made once, shared by every metric
    return GraphMetrics(**_groups(links, method), **_betweenness(links))


def _groups(links: metrics.Links, method: str | None) -> dict[str, Any]:
    """What the page and ``kg stats`` both use: PageRank, degree, communities, components."""
    found: list[set[Any]] = []
    if method != "none":
        method = method or metrics.community_method(links)
        found = metrics.communities(links, method=method)  # type: ignore[arg-type]
    return {"pagerank": metrics.pagerank(links), "degree": dict(zip(links.nodes, links.degree().tolist())),
            "communities": [sorted(c) for c in found], "community_method": method or "",
            "components": metrics.component_sizes(links)}


def _betweenness(simple: metrics.Links) -> dict[str, Any]:
    between, samples = metrics.betweenness(simple)
    return {"betweenness": between, "betweenness_samples": samples}


def graph_metrics(projection: Projection, *, method: str | None = None,
                  betweenness: bool = True) -> GraphMetrics:
    """The metrics of the projection's current version: from its cache, or computed
    (and cached) when the graph changed since they were. Betweenness is cached apart
    and computed only when asked (``kg stats``; the page does without it)."""
    simple: metrics.Links | None = None

    def view() -> metrics.Links:
        nonlocal simple
        if simple is None:
            simple = simple_links(projection)
        return simple

    # the settings that change the results are part of the key
    key = f"{method or 'auto'}:{metrics.COMMUNITY_LIMIT}:{metrics.SEED}"
    parts = _cached(projection, f"groups:{key}", lambda: _groups(view(), method))
    if betweenness:
        key = f"{metrics.BETWEENNESS_EXACT}:{metrics.SEED}"
        parts.update(_cached(projection, f"betweenness:{key}", lambda: _betweenness(view())))
    else:
        parts.update(betweenness={}, betweenness_samples=None)
    return GraphMetrics(**parts)


def _cached(projection: Projection, name: str, make: Any) -> dict[str, Any]:
    # the version in the query: an old value (30 MB at 166,000 entities) is not read to be thrown away
    row = projection.db.execute("SELECT value FROM cache WHERE name = ? AND version = ?",
                                (name, projection.version)).fetchone()
    if row is not None:
        return dict(json.loads(row[0]))
    value = make()
    try:
        with projection.db:
            projection.db.execute("INSERT OR REPLACE INTO cache VALUES (?, ?, ?)",
                                  (name, projection.version, json.dumps(value, ensure_ascii=False)))
    except sqlite3.OperationalError:
        pass  # a read-only build (or a busy one): the value is computed again next time
    return value


def top_scores(scores: dict[str, float], top: int, labels: Any) -> list[tuple[str, float]]:
    """The ``top`` (iri, score) pairs, ties by label then IRI, as
    :func:`kg.analysis.stats.ranked` orders them; ``labels(iris)`` gives the
    labels of just the candidates (those scoring at least the ``top``-th).

    >>> top_scores({"a": 1.0, "b": 2.0, "c": 1.0}, 2, lambda ns: {"a": "Z", "c": "A"})
    [('b', 2.0), ('c', 1.0)]
    """
    if top <= 0 or not scores:
        return []
    floor = heapq.nlargest(top, scores.values())[-1]
    candidates = [n for n, s in scores.items() if s >= floor]
    names = labels(candidates)
    best = sorted(candidates, key=lambda n: (-scores[n], names.get(n, ""), n))[:top]
    return [(n, scores[n]) for n in best]


def write_page(projection: Projection, store: Any, path: Any, **options: Any) -> Any:
    """``graph.html`` of a build from its projection: :func:`kg.viz.write_html` with the
    cached PageRank (what is drawn) and communities (their colours), and the evidence
    of just the drawn relations read from the store."""
    from kg.analysis.projection import add_evidence
    from kg.viz import write_html

    from kg.analysis.stats import counts
    from kg.viz.page import DEFAULT_MAX_NODES, header_totals

    found = graph_metrics(projection, betweenness=False)
    # The header's counts are kg stats' (page.py's header_totals): the store's, and the cached groups'.
    options.setdefault("totals", {**header_totals(counts(store)), "components": len(found.components),
                                  "communities": len(found.communities)})
    groups = [set(c) for c in found.communities]
    cap = options.get("max_nodes", DEFAULT_MAX_NODES)
    total = projection.node_count()
    if cap is not None and total > cap and _unfiltered(options):
        # The default page of a big graph: the cap's most important entities by the cached
        # PageRank (filter_graph's choice and order), built alone; 4 s of whole view saved.
        def labels(iris: list[str]) -> dict[str, str]:
            return {iri: data["label"] for iri, data in projection.nodes(iris)}

        chosen = [n for n, _ in top_scores(found.pagerank, cap, labels)]
        shown = projection.subgraph(chosen, store=store)
        shown.graph["kg_view"] = {"total": total, "shown": len(shown), "left_out": total - len(shown),
                                  "capped": total - len(shown), "filters": [], "focus": []}
        return write_html(_Whole(projection), path, groups=groups, shown=shown, **options)
    return write_html(projection.to_networkx(), path, scores=found.pagerank, groups=groups,
                      evidence=lambda shown: add_evidence(shown, store), **options)


#: write_html's options that choose what to draw (any of them: the whole view is filtered).
_FILTERS = ("classes", "properties", "focus", "top", "min_degree", "hide_below")


def _unfiltered(options: dict[str, Any]) -> bool:
    """No option chooses what to draw (``top`` 0 does: it keeps no entity).

    >>> _unfiltered({"max_nodes": 10}), _unfiltered({"top": 0}), _unfiltered({"classes": []})
    (True, False, True)
    """
    return options.get("top") is None and not any(options.get(k) for k in _FILTERS if k != "top")


class _Whole:
    """What the page asks of the whole graph when only the drawn part is built."""

    def __init__(self, projection: Projection) -> None:
        self.projection = projection

    def number_of_nodes(self) -> int:
        return self.projection.node_count()

    def number_of_edges(self) -> int:
        return self.projection.edge_count()

    def degree(self, node: str) -> int:
        """Relations in and out (a relation of an entity to itself counts twice, as in networkx)."""
        db = self.projection.db
        return sum(db.execute(f"SELECT COUNT(*) FROM edges WHERE {end} = ?", (node,)).fetchone()[0]
                   for end in ("s", "o"))

    def __contains__(self, node: object) -> bool:
        return isinstance(node, str) and self.projection.node(node) is not None
