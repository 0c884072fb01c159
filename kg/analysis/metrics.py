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
           "pagerank", "betweenness", "communities", "community_method", "components", "linked",
           "sampled_betweenness", "label_propagation"]

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
    # counted on simple: a view's counts walk every node through its filter (1 s at 166,000)
    n, m = sum(1 for _, d in simple.degree() if d), simple.number_of_edges()
    if k is None and n > BETWEENNESS_EXACT:
        k = max(16, min(500, 2_000_000 // (n + m)))
    if k is not None and k >= n:
        k = None
    if n == 0:
        return {}, None
    if k is None:
        return dict(nx.betweenness_centrality(sub, k=k, seed=seed, weight=None)), k
    # networkx's sampled sources (its own seeded choice), Brandes' sums for all of them
    # at once as sparse matrix products: 1.7 s a source in Python on 166,000 entities, a
    # few milliseconds here (sampled_betweenness gives networkx's values).
    import random

    nodes = [node for node, d in simple.degree() if d]  # sub's nodes, in its order
    return sampled_betweenness(simple, random.Random(seed).sample(nodes, k), nodes=nodes), k


def sampled_betweenness(graph: nx.Graph, sources: list[Any], *, nodes: list[Any] | None = None) -> dict[Any, float]:
    """Betweenness from the shortest paths out of ``sources``, normalised as
    ``networkx.betweenness_centrality(sub, k=len(sources))`` normalises it
    (endpoints excluded; the sources scaled apart), ``sub`` being the subgraph of
    ``nodes`` (default: all) of ``graph``.

    Breadth-first levels for all sources at once (``A @ frontier``), then the
    dependencies back level by level (Brandes).

    >>> import networkx as nx
    >>> g = nx.path_graph(5)
    >>> nx_values = nx.betweenness_centrality(g, k=2, seed=1)
    >>> import random
    >>> ours = sampled_betweenness(g, random.Random(1).sample(list(g.nodes()), 2))
    >>> all(abs(nx_values[v] - ours[v]) < 1e-12 for v in g)
    True
    """
    import numpy as np
    from scipy import sparse

    nodes = list(graph) if nodes is None else nodes
    n, k = len(nodes), len(sources)
    if n < 3 or k == 0:
        return dict.fromkeys(nodes, 0.0)
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = _adjacency(graph, index).astype(float)
    cols = np.arange(k)
    starts = np.array([index[v] for v in sources])
    depth = np.full((n, k), -1, dtype=np.int32)
    sigma = np.zeros((n, k))
    depth[starts, cols] = 0
    sigma[starts, cols] = 1.0
    levels = [(starts, cols)]  # (rows, sources) reached at each level
    frontier = sparse.csr_array((np.ones(k), (starts, cols)), shape=(n, k))
    while True:
        arriving = sparse.coo_array(adjacency @ frontier)
        rows, at, paths = arriving.row, arriving.col, arriving.data
        new = depth[rows, at] < 0
        rows, at, paths = rows[new], at[new], paths[new]
        if not len(rows):
            break
        depth[rows, at] = len(levels)
        sigma[rows, at] = paths
        levels.append((rows, at))
        frontier = sparse.csr_array((paths, (rows, at)), shape=(n, k))
    delta = np.zeros((n, k))
    for d in range(len(levels) - 1, 0, -1):
        rows, at = levels[d]
        weight = sparse.csr_array(((1.0 + delta[rows, at]) / sigma[rows, at], (rows, at)), shape=(n, k))
        back = sparse.coo_array(adjacency @ weight)
        keep = depth[back.row, back.col] == d - 1
        r, c = back.row[keep], back.col[keep]
        delta[r, c] += sigma[r, c] * back.data[keep]
    delta[starts, cols] = 0.0  # a source's own dependency is not counted
    total = delta.sum(axis=1)
    scale_source = 1 / ((k - 1) * (n - 2)) if k > 1 else float("nan")
    scale_other = 1 / (k * (n - 2))
    chosen = set(sources)
    return {v: float(total[i]) * (scale_source if v in chosen else scale_other) for i, v in enumerate(nodes)}


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
    if simple.number_of_edges() == 0:  # the same links as sub's, counted without the view
        return []
    method = method or community_method(simple)
    if method == "louvain":
        found = nx.community.louvain_communities(sub, seed=seed, weight=None)
    elif method == "label_propagation":
        found = label_propagation(simple)  # unlinked entities come out alone, left out below
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or label_propagation")
    groups = [set(c) for c in found if len(c) > 1]
    return sorted(groups, key=lambda c: (-len(c), min(map(str, c))))


def components(simple: nx.Graph) -> list[set[Any]]:
    """Connected components, largest first (an unrelated entity is one on its own)."""
    import networkx as nx

    found = (set(c) for c in nx.connected_components(simple))
    return sorted(found, key=lambda c: (-len(c), min(map(str, c))))


def label_propagation(graph: nx.Graph) -> list[set[Any]]:
    """``networkx.community.label_propagation_communities``' communities, computed a
    colour class at a time with sparse matrices (25 s in networkx on 166,000 entities).

    The semi-synchronous algorithm updates the nodes of one colour (of networkx's
    greedy colouring) together; no two of them are linked, so updating them at once
    is updating them one by one: the same labels, the same communities.

    >>> import networkx as nx
    >>> g = nx.barbell_graph(4, 1)
    >>> sorted(map(sorted, label_propagation(g))) == sorted(
    ...     map(sorted, nx.community.label_propagation_communities(g)))
    True
    """
    import networkx as nx
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n == 0:
        return []
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = _adjacency(graph, index)
    classes: dict[int, list[int]] = {}
    for node, color in nx.coloring.greedy_color(graph).items():
        classes.setdefault(color, []).append(index[node])
    order = [np.array(sorted(members)) for members in classes.values()]
    degree = np.diff(adjacency.indptr)
    order = [rows[degree[rows] > 0] for rows in order]
    labels = np.arange(n)
    width = n + 1

    def best(rows: Any) -> tuple[Any, Any]:
        """Per row: the largest of its neighbours' most frequent labels, and whether
        its own label is one of them."""
        part = adjacency[rows]
        owner = np.repeat(np.arange(len(rows)), np.diff(part.indptr))
        keys, counts = np.unique(owner * width + labels[part.indices], return_counts=True)
        row_of = keys // width
        starts = np.flatnonzero(np.r_[True, row_of[1:] != row_of[:-1]])
        top = np.maximum.reduceat(counts, starts)
        is_best = counts == top[np.searchsorted(starts, np.arange(len(keys)), side="right") - 1]
        largest = np.maximum.reduceat(np.where(is_best, keys % width, -1), starts)
        own = np.isin(np.arange(len(rows)) * width + labels[rows], keys[is_best])
        return largest, own

    everyone = np.flatnonzero(degree > 0)
    while len(everyone) and not best(everyone)[1].all():
        for rows in order:
            if len(rows):
                largest, own = best(rows)
                labels[rows] = np.where(own, labels[rows], largest)
    groups: dict[int, set[Any]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, set()).add(nodes[i])
    return list(groups.values())


def _adjacency(graph: nx.Graph, index: dict[Any, int]) -> Any:
    """The 0/1 adjacency matrix (CSR) of ``graph``'s links among the ``index``ed
    nodes, self-loops left out (networkx's own conversion is 10x slower on views)."""
    import numpy as np
    from scipy import sparse

    pairs = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v and u in index and v in index],
                     dtype=np.int64).reshape(-1, 2)
    rows = np.concatenate([pairs[:, 0], pairs[:, 1]])
    cols = np.concatenate([pairs[:, 1], pairs[:, 0]])
    n = len(index)
    matrix = sparse.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, n))
    matrix.data[:] = 1
    return matrix
