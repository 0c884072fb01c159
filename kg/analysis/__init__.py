"""The graph as networkx, and what people ask of it: each concept once.

=================  ==============================================================
module             what it holds
=================  ==============================================================
``view``           :func:`to_networkx` (the MultiDiGraph) and
                   :func:`simple_undirected` (the one undirected view)
``metrics``        PageRank, betweenness, communities, components (one seed, one
                   set of limits, for ``kg stats`` and the page alike)
``lookup``         :func:`find_entity`: which entity a name means
``paths``          :func:`shortest_path`, :func:`neighbors` and their answers
``stats``          :func:`stats`, :func:`counts` (``kg stats``)
``filters``        :func:`filter_graph`: the part of a graph the page draws
``projection``     the entity graph kept with a build (``OUT/projection.sqlite``),
                   followed by ``kg build``/``kg remove``, rebuilt when stale
``store_rows``     the projection's rows, stamp and evidence read from the store
``answers``        path, neighbours and name lookup from the projection
``cached``         the metrics of a projection's version, cached in it; the page
=================  ==============================================================

Examples
--------
>>> import kg
>>> from kg.graph.store import GraphStore
>>> g = to_networkx(GraphStore.memory())
>>> g.number_of_nodes(), type(g).__name__
(0, 'MultiDiGraph')
"""

from __future__ import annotations

from kg.analysis.filters import filter_graph, importance
from kg.analysis.lookup import display_name, find_entities, find_entity
from kg.analysis.metrics import (
    BETWEENNESS_EXACT,
    COMMUNITY_LIMIT,
    SEED,
    betweenness,
    communities,
    components,
    pagerank,
)
from kg.analysis.paths import GraphPath, Hop, Link, Neighborhood, Node, neighbors, shortest_path
from kg.analysis.stats import Community, Ranked, Stats, counts, stats
from kg.analysis.view import simple_undirected, to_networkx

__all__ = [
    "BETWEENNESS_EXACT", "COMMUNITY_LIMIT", "SEED",
    "Community", "GraphPath", "Hop", "Link", "Neighborhood", "Node", "Ranked", "Stats",
    "betweenness", "communities", "components", "counts", "display_name", "filter_graph",
    "find_entities", "find_entity", "importance", "neighbors", "pagerank", "shortest_path",
    "simple_undirected", "stats", "to_networkx",
]
