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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal, Union

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SEED", "BETWEENNESS_EXACT", "COMMUNITY_LIMIT", "CommunityMethod", "Links",
           "pagerank", "betweenness", "communities", "community_method", "components", "component_sizes",
           "linked", "sampled_betweenness", "label_propagation"]

#: Louvain and sampled betweenness take this seed, so the same graph gives the same answer.
SEED = 42
#: Exact betweenness up to this many linked entities; above it, ``k`` sampled sources.
BETWEENNESS_EXACT = 2_000
#: Louvain up to this many links (related pairs, ~5 s); label propagation above.
COMMUNITY_LIMIT = 50_000

CommunityMethod = Literal["louvain", "label_propagation"]


@dataclass(frozen=True, eq=False)
class Links:
    """An undirected graph as arrays, made once and shared by every metric.

    ``matrix`` is the 0/1 adjacency (CSR, sorted, symmetric) of ``nodes`` in
    their order, self-loops left out and marked in ``loops`` instead;
    ``networkx()`` gives the graph itself, for the algorithms that need one
    (Louvain, exact betweenness). Every metric takes a ``networkx.Graph`` or
    its ``Links``.

    >>> import networkx as nx
    >>> links = Links.of(nx.Graph([("a", "b"), ("b", "b")]))
    >>> links.nodes, links.matrix.toarray().tolist(), links.degree().tolist(), links.number_of_edges()
    (['a', 'b'], [[0, 1], [1, 0]], [1, 3], 2)
    """

    nodes: list[Any]
    matrix: Any
    loops: Any
    source: Callable[[], nx.Graph] = field(repr=False)

    @classmethod
    def of(cls, graph: nx.Graph | Links) -> Links:
        """The links of ``graph`` (``graph`` itself if it is one)."""
        import numpy as np

        if isinstance(graph, Links):
            return graph
        nodes = list(graph)
        index = {v: i for i, v in enumerate(nodes)}
        loops = np.zeros(len(nodes), dtype=bool)
        loops[[index[u] for u, v in graph.edges() if u == v]] = True
        return cls(nodes, _adjacency(graph, index), loops, lambda: graph)

    @classmethod
    def from_pairs(cls, nodes: list[Any], rows: Any, cols: Any, source: Callable[[], nx.Graph]) -> Links:
        """The links between ``nodes[rows[i]]`` and ``nodes[cols[i]]`` (no self-loops;
        repeats count once); ``source()`` makes the same graph in networkx."""
        import numpy as np

        return cls(nodes, _symmetric(np.asarray(rows), np.asarray(cols), len(nodes)),
                   np.zeros(len(nodes), dtype=bool), source)

    def networkx(self) -> nx.Graph:
        return self.source()

    def degree(self) -> Any:
        """networkx's degrees, in node order (a self-loop counts twice)."""
        import numpy as np

        return np.diff(self.matrix.indptr) + 2 * self.loops

    def number_of_edges(self) -> int:
        return int(self.matrix.nnz // 2 + self.loops.sum())


Graphish = Union["nx.Graph", Links]


def linked(simple: nx.Graph) -> nx.Graph:
    """The subgraph of entities with at least one link (a view, not a copy)."""
    return simple.subgraph(n for n, d in simple.degree() if d)


def pagerank(simple: Graphish, *, alpha: float = 0.85, max_iter: int = 100,
             tol: float = 1.0e-06) -> dict[Any, float]:
    """PageRank of every node (unweighted); degree if the power iteration fails.

    ``networkx.pagerank(simple, weight=None)``'s power iteration, step for step,
    on the shared adjacency matrix (networkx builds its own, 1 s at 166,000 nodes).

    >>> import networkx as nx
    >>> g = nx.karate_club_graph()
    >>> expected = nx.pagerank(g, weight=None)
    >>> max(abs(v - expected[k]) for k, v in pagerank(g).items()) < 1e-15
    True
    """
    import numpy as np
    from scipy import sparse

    links = Links.of(simple)
    n = len(links.nodes)
    if n == 0:
        return {}
    matrix = links.matrix.astype(float)
    if links.loops.any():  # networkx's matrix has a 1 on the diagonal for a self-loop
        matrix = (matrix + sparse.diags_array(links.loops.astype(float), format="csr")).tocsr()
    out = np.asarray(matrix.sum(axis=1)).ravel()
    out[out != 0] = 1.0 / out[out != 0]
    matrix = sparse.csr_array((matrix.data * np.repeat(out, np.diff(matrix.indptr)), matrix.indices,
                               matrix.indptr), shape=matrix.shape)
    x = np.repeat(1.0 / n, n)
    p = np.repeat(1.0 / n, n)
    dangling = np.flatnonzero(out == 0)
    for _ in range(max_iter):
        last = x
        # networkx adds the dangling nodes' share one by one (sum()): cumsum's order
        share = np.cumsum(x[dangling])[-1] if len(dangling) else 0
        x = alpha * (x @ matrix + share * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return dict(zip(links.nodes, x.tolist()))
    return dict(zip(links.nodes, links.degree().astype(float).tolist()))


def betweenness(simple: Graphish, *, k: int | None = None,
                seed: int = SEED) -> tuple[dict[Any, float], int | None]:
    """Betweenness of the linked entities, and the number of sampled sources
    (``None``: exact).

    Unrelated entities are left out (their betweenness is 0). Above
    :data:`BETWEENNESS_EXACT` linked entities, ``k`` defaults to what keeps the
    run to a few seconds (16 to 500 sources, chosen with ``seed``).
    """
    import networkx as nx
    import numpy as np

    links = Links.of(simple)
    chosen = np.flatnonzero(links.degree())  # the linked nodes, in order
    n, m = len(chosen), links.number_of_edges()
    if k is None and n > BETWEENNESS_EXACT:
        k = max(16, min(500, 2_000_000 // (n + m)))
    if k is not None and k >= n:
        k = None
    if n == 0:
        return {}, None
    if k is None:
        return dict(nx.betweenness_centrality(linked(links.networkx()), k=k, seed=seed, weight=None)), k
    # networkx's sampled sources (its own seeded choice), Brandes' sums for all of them
    # at once as sparse matrix products: 1.7 s a source in Python on 166,000 entities, a
    # few milliseconds here (sampled_betweenness gives networkx's values).
    import random

    nodes = [links.nodes[i] for i in chosen.tolist()]  # the linked subgraph's nodes, in its order
    sources = random.Random(seed).sample(nodes, k)
    return _brandes(links.matrix[chosen][:, chosen], nodes, sources), k


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
    nodes = list(graph) if nodes is None else nodes
    return _brandes(_adjacency(graph, {v: i for i, v in enumerate(nodes)}), nodes, sources)


def _brandes(adjacency: Any, nodes: list[Any], sources: list[Any]) -> dict[Any, float]:
    """:func:`sampled_betweenness` on the 0/1 adjacency matrix of ``nodes``."""
    import numpy as np
    from scipy import sparse

    n, k = len(nodes), len(sources)
    if n < 3 or k == 0:
        return dict.fromkeys(nodes, 0.0)
    index = {v: i for i, v in enumerate(nodes)}
    adjacency = sparse.csr_array(adjacency).astype(float)
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


def community_method(simple: Graphish) -> CommunityMethod:
    """Louvain up to :data:`COMMUNITY_LIMIT` links, label propagation above."""
    return "louvain" if simple.number_of_edges() <= COMMUNITY_LIMIT else "label_propagation"


def communities(simple: Graphish, *, seed: int = SEED,
                method: CommunityMethod | None = None) -> list[set[Any]]:
    """Communities of 2+ entities, largest first (ties: by smallest member).

    Runs on the linked entities only, so an unrelated entity changes nothing.
    ``method=None`` lets :func:`community_method` choose; Louvain takes
    ``seed`` and is unweighted; label propagation has no randomness.
    """
    import networkx as nx
    import numpy as np

    if simple.number_of_edges() == 0:
        return []
    method = method or community_method(simple)
    if method == "louvain":
        graph = simple.networkx() if isinstance(simple, Links) else simple
        groups = [set(c) for c in nx.community.louvain_communities(linked(graph), seed=seed, weight=None)
                  if len(c) > 1]
    elif method == "label_propagation":
        links = Links.of(simple)
        labels = _propagated(links)  # unlinked entities keep labels of their own: left out below
        order = np.argsort(labels, kind="stable")
        ends = np.flatnonzero(np.r_[labels[order][1:] != labels[order][:-1], True]) + 1
        starts = np.r_[0, ends[:-1]]
        nodes = links.nodes
        groups = [{nodes[i] for i in order[a:b].tolist()} for a, b in zip(starts.tolist(), ends.tolist())
                  if b - a > 1]
    else:
        raise ValueError(f"unknown community method {method!r}; use louvain or label_propagation")
    return sorted(groups, key=lambda c: (-len(c), min(map(str, c))))


def components(simple: Graphish) -> list[set[Any]]:
    """Connected components, largest first (an unrelated entity is one on its own)."""
    from scipy.sparse import csgraph

    links = Links.of(simple)
    count, labels = csgraph.connected_components(links.matrix, directed=False)
    found: list[set[Any]] = [set() for _ in range(count)]
    for node, label in zip(links.nodes, labels.tolist()):
        found[label].add(node)
    return sorted(found, key=lambda c: (-len(c), min(map(str, c))))


def component_sizes(simple: Graphish) -> list[int]:
    """The sizes of :func:`components`, largest first.

    >>> import networkx as nx
    >>> component_sizes(nx.Graph([(1, 2), (3, 3)]))
    [2, 1]
    """
    import numpy as np
    from scipy.sparse import csgraph

    links = Links.of(simple)
    if not links.nodes:
        return []
    _, labels = csgraph.connected_components(links.matrix, directed=False)
    return sorted(np.bincount(labels).tolist(), reverse=True)


def label_propagation(graph: Graphish) -> list[set[Any]]:
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
    links = Links.of(graph)
    groups: dict[int, set[Any]] = {}
    for i, label in enumerate(_propagated(links).tolist()):
        groups.setdefault(label, set()).add(links.nodes[i])
    return list(groups.values())


def _colour_classes(links: Links) -> list[Any]:
    """The linked nodes (indices, ascending) of each colour of
    ``networkx.coloring.greedy_color(graph)`` (largest degree first, ties in node
    order; each node the smallest colour none of its coloured neighbours has), by colour."""
    import numpy as np

    adjacency = links.matrix
    degree = links.degree()
    order = np.argsort(-degree, kind="stable")  # sorted(G, key=G.degree, reverse=True)
    order = order[degree[order] > 0]  # the unlinked would take colour 0 and be left out
    linked_rows = np.diff(adjacency.indptr)[order] > 0
    starts, indices = adjacency.indptr.tolist(), adjacency.indices.tolist()
    colours = [-1] * len(links.nodes)
    for u, has in zip(order.tolist(), linked_rows.tolist()):
        if not has:  # a self-loop only: colour 0, and left out below
            colours[u] = 0
            continue
        used = {colours[v] for v in indices[starts[u]:starts[u + 1]]}
        c = 0
        while c in used:
            c += 1
        colours[u] = c
    colour = np.array(colours)
    rows = np.flatnonzero((colour >= 0) & (np.diff(adjacency.indptr) > 0))
    by_colour = rows[np.argsort(colour[rows], kind="stable")]
    bounds = np.searchsorted(colour[by_colour], np.arange(1, colour.max() + 1 if len(rows) else 1))
    return [part for part in np.split(by_colour, bounds) if len(part)]


def _propagated(links: Links) -> Any:
    """The label (an index) of every node after semi-synchronous label propagation."""
    import numpy as np

    adjacency = links.matrix
    n = len(links.nodes)
    labels = np.arange(n)
    if n == 0:
        return labels
    order = _colour_classes(links)
    degree = np.diff(adjacency.indptr)
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
            largest, own = best(rows)
            labels[rows] = np.where(own, labels[rows], largest)
    return labels


def _adjacency(graph: nx.Graph, index: dict[Any, int]) -> Any:
    """The 0/1 adjacency matrix (CSR) of ``graph``'s links among the ``index``ed
    nodes, self-loops left out (networkx's own conversion is 10x slower on views)."""
    import numpy as np

    pairs = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v and u in index and v in index],
                     dtype=np.int64).reshape(-1, 2)
    return _symmetric(pairs[:, 0], pairs[:, 1], len(index))


def _symmetric(rows: Any, cols: Any, n: int) -> Any:
    """The 0/1 CSR matrix with a 1 at (rows[i], cols[i]) and (cols[i], rows[i])."""
    import numpy as np
    from scipy import sparse

    both_rows = np.concatenate([rows, cols]).astype(np.int64)
    both_cols = np.concatenate([cols, rows]).astype(np.int64)
    matrix = sparse.csr_array((np.ones(len(both_rows), dtype=np.int64), (both_rows, both_cols)), shape=(n, n))
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix
