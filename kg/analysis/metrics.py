"""Rankings, communities and components, computed once for every caller.

``kg stats`` and the HTML page both call these on the undirected simple view
(:func:`kg.analysis.view.simple_undirected`), so they agree: the same seed,
the same limits, the same choice of algorithm. Links count once per related
pair (``weight`` is ignored).

Examples
--------
>>> import networkx as nx
>>> simple = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
>>> simple.add_node("lonely")
>>> [sorted(c) for c in communities(simple)]
[['a', 'b', 'c'], ['x', 'y']]
>>> [sorted(c) for c in components(simple)]
[['a', 'b', 'c'], ['x', 'y'], ['lonely']]
>>> max(pagerank(simple).items(), key=lambda kv: kv[1])[0]
'b'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SEED", "BETWEENNESS_EXACT", "COMMUNITY_LIMIT", "CommunityMethod",
           "pagerank", "betweenness", "communities", "community_method", "components", "linked"]

#: Louvain and sampled betweenness take this seed, so the same graph gives the same answer.
SEED = 42
#: Exact betweenness up to this many linked entities; above it, ``k`` sampled sources.
BETWEENNESS_EXACT = 2_000
#: Louvain up to this many links (related pairs, ~5 s); label propagation above.
COMMUNITY_LIMIT = 50_000

CommunityMethod = Literal["louvain", "label_propagation"]


def linked(simple: nx.Graph) -> nx.Graph:
    """The subgraph of entities with at least one link (a view, not a copy)."""
    return simple.subgraph(n for n, d in simple.degree() if d)


def pagerank(simple: nx.Graph) -> dict[Any, float]:
    """PageRank of every node (unweighted); degree if the power iteration fails."""
    import networkx as nx

    try:
        return dict(nx.pagerank(simple, weight=None))
    except nx.PowerIterationFailedConvergence:
        return {node: float(d) for node, d in simple.degree()}


def betweenness(simple: nx.Graph, *, k: int | None = None,
                seed: int = SEED) -> tuple[dict[Any, float], int | None]:
    """Betweenness of the linked entities, and the number of sampled sources
    (``None``: exact).

    Unrelated entities are left out (their betweenness is 0). Above
    :data:`BETWEENNESS_EXACT` linked entities, ``k`` defaults to what keeps the
    run to a few seconds (16 to 500 sources, chosen with ``seed``).
    """
    import networkx as nx

    sub = linked(simple)
    n, m = sub.number_of_nodes(), sub.number_of_edges()
    if k is None and n > BETWEENNESS_EXACT:
        k = max(16, min(500, 2_000_000 // (n + m)))
    if k is not None and k >= n:
        k = None
    if n == 0:
        return {}, None
    return dict(nx.betweenness_centrality(sub, k=k, seed=seed, weight=None)), k


def community_method(simple: nx.Graph) -> CommunityMethod:
    """Louvain up to :data:`COMMUNITY_LIMIT` links, label propagation above."""
    return "louvain" if simple.number_of_edges() <= COMMUNITY_LIMIT else "label_propagation"


def communities(simple: nx.Graph, *, seed: int = SEED,
                method: CommunityMethod | None = None) -> list[set[Any]]:
    """Communities of 2+ entities, largest first (ties: by smallest member).

    Runs on the linked entities only, so an unrelated entity changes nothing.
    ``method=None`` lets :func:`community_method` choose; Louvain takes
    ``seed`` and is unweighted; label propagation has no randomness.
    """
    import networkx as nx

    sub = linked(simple)
    if sub.number_of_edges() == 0:
        return []
    method = method or community_method(sub)
    if method == "louvain":
        found = nx.community.louvain_communities(sub, seed=seed, weight=None)
    elif method == "label_propagation":
        found = nx.community.label_propagation_communities(sub)
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or label_propagation")
    groups = [set(c) for c in found if len(c) > 1]
    return sorted(groups, key=lambda c: (-len(c), min(map(str, c))))


def components(simple: nx.Graph) -> list[set[Any]]:
    """Connected components, largest first (an unrelated entity is one on its own)."""
    import networkx as nx

    found = (set(c) for c in nx.connected_components(simple))
    return sorted(found, key=lambda c: (-len(c), min(map(str, c))))
