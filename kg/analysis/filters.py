"""Which part of a graph the HTML page draws: :func:`filter_graph`.

A pure function over the networkx view of :mod:`kg.analysis`: it returns a new
graph (the input is never changed) and how many entities it left out. The
filters combine, applied in this order:

1. ``min_confidence`` and ``properties`` keep only the relations that pass
   (evidence below the threshold is dropped from a kept relation too);
2. ``classes`` keeps the entities of those classes (and the focus entities);
3. entities left without any relation by 1. are dropped;
4. ``focus`` and ``depth`` keep what is at most ``depth`` relations away from
   the focus entities, in either direction, through what 1.-3. kept;
5. ``min_degree`` drops entities with fewer relations than that;
6. ``top`` keeps the most important entities (:func:`kg.analysis.metrics.pagerank`
   on the undirected view of what is left) and the relations among them;
7. ``max_nodes`` caps the result the same way (the page's default cap).

Focus entities are never dropped by 2., 3., 5., 6. or 7.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for name, cls in [("Apple", "Organization"), ("Tim Cook", "Person"), ("AWS", "Organization")]:
...     g.add_node(name, label=name, cls=cls, alt_labels="")
>>> g.add_edge("Tim Cook", "Apple", key="worksFor", label="works for", confidence=0.9)
'worksFor'
>>> g.add_edge("Apple", "AWS", key="uses", label="uses", confidence=0.5)
'uses'
>>> sub, left_out = filter_graph(g, classes=["person", "Organization"], min_confidence=0.8)
>>> sorted(sub), left_out
(['Apple', 'Tim Cook'], 1)
>>> sorted(filter_graph(g, focus="tim cook", depth=1)[0])
['Apple', 'Tim Cook']
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from kg.analysis.lookup import find_entities
from kg.analysis.metrics import pagerank
from kg.analysis.view import simple_undirected
from kg.errors import KGError

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["filter_graph", "importance"]


def filter_graph(
    graph: nx.Graph,
    *,
    classes: str | Iterable[str] | None = None,
    properties: str | Iterable[str] | None = None,
    focus: str | Iterable[str] | None = None,
    depth: int = 1,
    top: int | None = None,
    min_degree: int = 0,
    min_confidence: float = 0.0,
    max_nodes: int | None = None,
    scores: Mapping[Any, float] | None = None,
) -> tuple[nx.MultiDiGraph, int]:
    """The part of ``graph`` to draw, and how many entities were left out.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Node attributes ``label``, ``cls``, ``alt_labels`` ("; "-joined); edge
        key the property name, attributes ``label``, ``confidence``,
        ``evidence`` (as :func:`kg.analysis.to_networkx` makes them).
    classes : str or iterable of str, optional
        Keep entities of these classes (case-insensitive).
    properties : str or iterable of str, optional
        Keep relations with these properties, by name (``worksFor``) or label
        (``works for``), case-insensitive.
    focus : str or iterable of str, optional
        Entity names, read by :func:`kg.analysis.lookup.find_entities` (IRI,
        label, alt label, any case, ``"Apple (Organization)"``): keep their
        neighbourhood. Every entity a shared name means is a focus.
    depth : int, default 1
        How many relations away from the focus to go.
    top : int, optional
        Keep only this many entities, the most important (PageRank).
    min_degree : int, default 0
        Drop entities with fewer relations than this (after the filters above).
    min_confidence : float, default 0.0
        Drop relations (and evidence) below this confidence.
    max_nodes : int, optional
        A cap applied last, like ``top``; ``None`` for no cap.
    scores : mapping, optional
        PageRank of ``graph``'s undirected simple view, when the caller has it
        (cached: :mod:`kg.analysis.cached`); used by ``top`` and ``max_nodes``
        when no filter before them left anything out.

    Returns
    -------
    (networkx.MultiDiGraph, int)
        A new graph (attribute dicts copied; evidence lists shared unless
        trimmed) and ``graph.number_of_nodes()`` minus its number of nodes. Its
        ``graph["kg_view"]`` describes what was done: ``total``, ``shown``,
        ``left_out``, ``capped`` (left out by ``max_nodes`` alone), ``filters``
        (phrases for the page) and ``focus`` (the focus node keys).

    Raises
    ------
    KGError
        A class or property that neither the graph nor the ontology knows;
        :class:`~kg.errors.EntityError` (a ``KGError``) for a focus name that no
        entity has (the message suggests close names).
    ValueError
        A negative count or a confidence outside [0, 1].
    """
    import networkx as nx

    if not isinstance(graph, nx.Graph):
        raise TypeError(f"filter_graph needs a networkx graph, got {type(graph).__name__}")
    for name, value in (("depth", depth), ("top", top), ("min_degree", min_degree), ("max_nodes", max_nodes)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    threshold = float(min_confidence or 0.0)
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {min_confidence!r}")

    notes: list[str] = []
    wanted_classes = _match_classes(graph, _names(classes)) if classes is not None else None
    wanted_props = _match_properties(graph, _names(properties)) if properties is not None else None
    focus_nodes = find_entities(graph, _names(focus), every=True) if focus is not None else []
    pinned = set(focus_nodes)

    def passes(key: Any, data: Mapping[str, Any]) -> bool:
        if wanted_props is not None and key not in wanted_props and data.get("predicate") not in wanted_props:
            return False
        return threshold <= 0 or _confidence(data.get("confidence")) >= threshold

    # Work on node sets and one pass over the edges per step; copy only what is kept.
    kept = {
        node
        for node, data in graph.nodes(data=True)
        if wanted_classes is None or str(data.get("cls")) in wanted_classes or node in pinned
    }

    def edges() -> Iterator[tuple[Any, Any, Any, Mapping[str, Any]]]:
        return ((u, v, k, d) for u, v, k, d in _edges(graph) if u in kept and v in kept and passes(k, d))

    if wanted_classes is not None:
        notes.append("class " + ", ".join(sorted(wanted_classes)))
    if wanted_props is not None:
        notes.append("property " + ", ".join(sorted(wanted_props)))
    if threshold > 0:
        notes.append(f"confidence ≥ {threshold:g}")
    if wanted_props is not None or threshold > 0:
        touched = {end for u, v, _, _ in edges() for end in (u, v)}
        kept = {n for n in kept if n in touched or n in pinned}
    if focus_nodes:
        neighbours: dict[Any, set[Any]] = {}
        for u, v, _, _ in edges():
            neighbours.setdefault(u, set()).add(v)
            neighbours.setdefault(v, set()).add(u)
        kept = _within(neighbours, focus_nodes, depth)
        notes.append(f"within {depth} of " + ", ".join(sorted({_label(graph, n) for n in focus_nodes})))
    if min_degree:
        degree: Counter[Any] = Counter()
        for u, v, _, _ in edges():
            degree[u] += 1
            degree[v] += 1
        kept = {n for n in kept if degree[n] >= min_degree or n in pinned}
        notes.append(f"≥ {min_degree} relations")

    ranked: list[Any] | None = None

    def keep_best(k: int) -> set[Any]:
        nonlocal ranked
        if ranked is None:
            if scores is not None and wanted_props is None and threshold <= 0 and len(kept) == len(graph):
                score = scores  # nothing filtered: the whole graph's PageRank, as computed below
            else:
                shown = nx.MultiDiGraph()
                shown.add_nodes_from(kept)
                shown.add_edges_from((u, v) for u, v, _, _ in edges())
                score = pagerank(simple_undirected(shown))
            ranked = sorted(kept, key=lambda n: (n not in pinned, -score[n], _label(graph, n), str(n)))
        ranked = [n for n in ranked if n in kept][:k]
        return set(ranked)

    if top is not None:
        if len(kept) > top:
            kept = keep_best(top)
        notes.append(f"top {top} by importance")
    capped = 0
    if max_nodes is not None and len(kept) > max_nodes:
        capped = len(kept) - max_nodes
        kept = keep_best(max_nodes)

    work = nx.MultiDiGraph()
    work.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in kept)
    for u, v, key, data in edges():
        work.add_edge(u, v, key=key, **(_evidence_above(data, threshold) if threshold > 0 else data))
    total, shown = graph.number_of_nodes(), work.number_of_nodes()
    work.graph["kg_view"] = {
        "total": total, "shown": shown, "left_out": total - shown, "capped": capped,
        "filters": notes, "focus": [n for n in focus_nodes if n in work],
    }
    return work, total - shown


def importance(graph: nx.Graph) -> dict[Any, float]:
    """PageRank on the undirected simple view (:func:`kg.analysis.metrics.pagerank`)."""
    return pagerank(simple_undirected(graph))


# --- helpers ----------------------------------------------------------------------------


def _names(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _label(graph: nx.Graph, node: Any) -> str:
    return str(graph.nodes[node].get("label") or node)


def _fold(text: Any) -> str:
    return " ".join(str(text).split()).casefold()


def _edges(graph: nx.Graph) -> Iterator[tuple[Any, Any, Any, Mapping[str, Any]]]:
    if graph.is_multigraph():
        yield from graph.edges(keys=True, data=True)
    else:
        for u, v, data in graph.edges(data=True):
            yield u, v, data.get("predicate") or data.get("label") or "related", data


def _confidence(value: Any) -> float:
    """A confidence in [0, 1]; 0 for anything that is not a finite number."""
    try:
        c = float(value)
    except (TypeError, ValueError):
        return 0.0
    return min(max(c, 0.0), 1.0) if math.isfinite(c) else 0.0


def _evidence_above(data: Mapping[str, Any], threshold: float) -> dict[str, Any]:
    data = dict(data)
    evidence = data.get("evidence")
    if isinstance(evidence, (list, tuple)):
        data["evidence"] = [
            e for e in evidence
            if not isinstance(e, Mapping) or e.get("confidence") is None
            or _confidence(e.get("confidence")) >= threshold
        ]
    return data


def _within(neighbours: Mapping[Any, set[Any]], sources: list[Any], depth: int) -> set[Any]:
    """Nodes at most ``depth`` steps from ``sources``."""
    seen = set(sources)
    frontier = list(sources)
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for other in neighbours.get(node, ()):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        if not nxt:
            break
        frontier = nxt
    return seen


def _match_classes(graph: nx.Graph, wanted: list[str]) -> set[str]:
    from kg.lexicon import ENTITY_CLASSES

    present = {str(d.get("cls")) for _, d in graph.nodes(data=True) if d.get("cls")}
    known = {_fold(c): c for c in (*ENTITY_CLASSES, *sorted(present))}
    result = set()
    for name in wanted:
        if _fold(name) not in known:
            raise KGError(
                f"unknown class {name!r}; the graph's classes are: {', '.join(sorted(present)) or 'none'}"
            )
        result.add(known[_fold(name)])
    return result


def _match_properties(graph: nx.Graph, wanted: list[str]) -> set[str]:
    known: dict[str, str] = {}
    for _, _, key, data in _edges(graph):
        name = str(data.get("predicate") or key)
        known.setdefault(_fold(name), name)
        if data.get("label"):
            known.setdefault(_fold(data["label"]), name)
    present = sorted(set(known.values()))
    result = set()
    for name in wanted:
        if _fold(name) not in known:
            known.update(_ontology_properties())
        if _fold(name) not in known:
            raise KGError(
                f"unknown property {name!r}; the graph's properties are: {', '.join(present) or 'none'}"
            )
        result.add(known[_fold(name)])
    return result


def _ontology_properties() -> dict[str, str]:
    from kg.lexicon import load_lexicon

    try:
        lexicon = load_lexicon()
    except KGError:
        return {}
    names = {_fold(p): p for p in lexicon.properties}
    names.update({_fold(lexicon.label_of(p)): p for p in lexicon.properties})
    return names
