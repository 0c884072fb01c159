"""Precomputed node positions for the page (deterministic: a graph always looks the same).

vis-network's own physics needs ~57 s to settle 1,000 nodes in Chromium and never
settles 20,000, so :mod:`kg.viz.page` gives big graphs positions computed here
and turns physics off (or lets it tidy up from them for a few hundred
iterations). Small graphs get networkx's Kamada-Kawai layout; networkx's spring
layout is O(n²) per iteration (5 s for 1,200 nodes, 55 s for 5,000, over 10 min
for 20,000), so bigger graphs get :func:`grid_spring_layout`. Entities with no
relation drawn are set apart, in rows under the linked ones.

Examples
--------
>>> import networkx as nx
>>> pos = layout(nx.path_graph(3))
>>> sorted(pos) == [0, 1, 2] and all(isinstance(x, float) for xy in pos.values() for x in xy)
True
>>> layout(nx.path_graph(3)) == pos
True
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kg.analysis.metrics import SEED

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EDGE_PIXELS", "grid_spring_layout", "layout"]

#: On-screen length of the layouts' unit edge.
EDGE_PIXELS = 110.0
#: Kamada-Kawai up to this many nodes.
KAMADA_KAWAI_MAX_NODES = 200


def layout(graph: nx.Graph, *, simple: nx.Graph | None = None) -> dict[Any, tuple[float, float]]:
    """Pixel positions (deterministic: the same graph always looks the same).

    Kamada-Kawai up to ``KAMADA_KAWAI_MAX_NODES`` nodes, :func:`grid_spring_layout`
    above; both on the undirected simple view (``simple``, if the caller has it).
    """
    import networkx as nx

    from kg.analysis.view import simple_undirected

    if graph.number_of_nodes() == 0:
        return {}
    if simple is None:
        simple = simple_undirected(graph)
    alone = [node for node in simple if simple.degree(node) == 0]
    linked = simple.subgraph([node for node in simple if simple.degree(node) > 0]) if alone else simple
    n = linked.number_of_nodes()
    pos: dict[Any, tuple[float, float]] = {}
    if 0 < n <= KAMADA_KAWAI_MAX_NODES:
        pos = {
            node: (float(x) * math.sqrt(n) / 2, float(y) * math.sqrt(n) / 2)
            for node, (x, y) in nx.kamada_kawai_layout(linked).items()
        }
    elif n:
        pos = grid_spring_layout(linked)
    pos.update(_set_apart(alone, pos))
    return {node: (round(x * EDGE_PIXELS, 1), round(y * EDGE_PIXELS, 1)) for node, (x, y) in pos.items()}


def _set_apart(alone: list[Any], pos: dict[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """Positions for the unlinked entities: rows under the linked ones (a block of
    their own, as wide as the linked part), not scattered among them.

    >>> _set_apart(["a", "b", "c"], {"x": (-1.0, -1.0), "y": (1.0, 1.0)})
    {'a': (-1.0, 2.5), 'b': (0.0, 2.5), 'c': (1.0, 2.5)}
    """
    if not alone:
        return {}
    if pos:
        xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
        left, width, top = min(xs), max(max(xs) - min(xs), 1.0), max(ys) + 1.5
    else:
        left, width, top = 0.0, 0.0, 0.0
    per_row = max(int(width) + 1, math.ceil(math.sqrt(len(alone))))
    step = width / (per_row - 1) if width and per_row > 1 else 1.0
    step = min(max(step, 0.6), 1.0)
    return {node: (left + (i % per_row) * step, top + (i // per_row) * step) for i, node in enumerate(alone)}


def grid_spring_layout(
    graph: nx.Graph, *, iterations: int = 60, seed: int = SEED, cells: int = 16
) -> dict[Any, tuple[float, float]]:
    """A force-directed layout in O(n·cells² + m) per iteration, for big graphs.

    Fruchterman-Reingold forces with ideal edge length 1: attraction d² along
    edges; repulsion 1/d, exact between nodes closer than 2 (pairs from a k-d
    tree) and, farther away, from the centres of mass of a ``cells`` x
    ``cells`` grid (a particle-mesh approximation of the all-pairs sum, which
    keeps dense parts from piling up); a pull to the centre in proportion to
    the distance holds components together. Deterministic for a given ``seed``.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.intp)
    edges = edges.reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    start_temperature = temperature = side / 10
    cutoff = 2.0

    def scatter(disp: Any, sources: Any, targets: Any, force: Any) -> None:
        for axis in (0, 1):  # bincount: a much faster np.add.at
            disp[:, axis] += np.bincount(sources, force[:, axis], minlength=n)
            disp[:, axis] -= np.bincount(targets, force[:, axis], minlength=n)

    for step in range(iterations):
        disp = np.zeros_like(pos)
        pairs = cKDTree(pos).query_pairs(cutoff, output_type="ndarray")
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            scatter(disp, pairs[:, 0], pairs[:, 1], delta / np.maximum((delta**2).sum(axis=1), 1e-4)[:, None])
        low, high = pos.min(axis=0), pos.max(axis=0)
        width = np.maximum((high - low) / cells, 1e-9)
        cell = np.minimum(((pos - low) / width).astype(np.intp), cells - 1)
        flat = cell[:, 0] * cells + cell[:, 1]
        mass = np.bincount(flat, minlength=cells * cells).astype(float)
        full = mass > 0
        mass_x = np.bincount(flat, pos[:, 0], minlength=cells * cells)[full] / mass[full]
        mass_y = np.bincount(flat, pos[:, 1], minlength=cells * cells)[full] / mass[full]
        mass = mass[full]
        soft2 = float((width**2).sum())  # smooth the field near a cell's centre of mass
        chunk = max(1, 2_000_000 // len(mass))
        for s in range(0, n, chunk):
            dx = pos[s : s + chunk, 0, None] - mass_x[None, :]
            dy = pos[s : s + chunk, 1, None] - mass_y[None, :]
            weight = mass[None, :] / (dx * dx + dy * dy + soft2)
            disp[s : s + chunk, 0] += (dx * weight).sum(axis=1)
            disp[s : s + chunk, 1] += (dy * weight).sum(axis=1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            scatter(disp, edges[:, 1], edges[:, 0], delta * np.sqrt((delta**2).sum(axis=1))[:, None])
        disp -= 2.0 * pos
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(start_temperature * (1 - (step + 1) / iterations), 0.02)
    pos -= pos.mean(axis=0)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}
