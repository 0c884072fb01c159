"""What the page shows, as plain data: vis-network nodes and edges, legend, summary.

:func:`page_data` turns the networkx view of a graph (and the part of it the
filters keep) into a :class:`PageData`, which :mod:`kg.viz.page` renders
through the page template. Nothing here is markup: every string is document
text that the template escapes (autoescape) or serialises with ``tojson``.

* Node colour: the class's ``kg:color`` in ``ontology/kg.ttl`` (read through
  :func:`kg.lexicon.load_lexicon`), ``FALLBACK_COLOR`` for any other class.
* Node size: importance, :func:`kg.analysis.metrics.pagerank` on the undirected
  simple view of what is drawn.
* Community colour: :func:`kg.analysis.metrics.communities` of the whole graph
  (the communities ``kg stats`` reports), the 12 with the most drawn members
  coloured, the rest grey.
* Edges: the property's label, width by confidence, evidence sentences with
  their documents for the panel and tooltips; edges between the same two
  nodes are bent apart.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("http://ex.org/Cook", label="Tim Cook", cls="Person", alt_labels="Cook")
>>> g.add_node("http://ex.org/Apple", label="Apple", cls="Organization")
>>> _ = g.add_edge("http://ex.org/Cook", "http://ex.org/Apple", key="leads", label="leads",
...                confidence=0.9, sentence="Tim Cook leads Apple.")
>>> data = page_data(g, g, title="t")
>>> [n["kgLabel"] for n in data.nodes], data.nodes[0]["kgAlt"], data.summary
(['Tim Cook', 'Apple'], ['Cook'], '2 entities · 1 relation')
>>> data.edges[0]["kgEvidence"][0][0], [c.text for c in data.classes]
('Tim Cook leads Apple.', ['Organization (1)', 'Person (1)'])
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kg.analysis.filters import _confidence

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["COMMUNITY_COLORS", "FALLBACK_COLOR", "LegendClass", "LegendCommunity", "PageData",
           "class_colors", "page_data"]

#: Colour of an entity whose class has no ``kg:color`` in the ontology, and of the
#: entities outside the coloured communities.
FALLBACK_COLOR = "#9d9d9d"
#: Colours of the 12 communities with the most drawn members (from Tableau 20).
COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#a0cbe8", "#8cd17d", "#d37295",
)

_MIN_SIZE, _MAX_SIZE = 10.0, 40.0
_LABEL_MAX = 40  # characters of a label drawn on the canvas; the tooltip has it all
_SENTENCE_MAX = 2000
_PANEL_EVIDENCE = 20  # sentences per relation in the page (the tooltip shows 5 of them)


@dataclass(frozen=True)
class LegendClass:
    """One class checkbox: ``key`` (class name or ``"other"``), swatch, text, tooltip."""

    key: str
    color: str
    text: str
    tip: str = ""


@dataclass(frozen=True)
class LegendCommunity:
    """One coloured community, named after its most important drawn member."""

    name: str
    color: str
    size: int


@dataclass(frozen=True)
class PageData:
    """Everything the template needs; strings are text, never markup."""

    title: str
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]
    classes: tuple[LegendClass, ...]
    communities: tuple[LegendCommunity, ...]
    summary: str
    notice: str = ""
    config: Mapping[str, Any] = field(default_factory=dict)


def class_colors() -> dict[str, str]:
    """Colour per entity class, from the ontology's ``kg:color`` annotations.

    >>> class_colors()["Person"]
    '#f28e2b'
    """
    from kg.lexicon import load_lexicon

    return dict(load_lexicon().colors)


def page_data(
    graph: nx.Graph,
    shown: nx.Graph,
    *,
    title: str,
    positions: Mapping[Any, tuple[float, float]] | None = None,
    simple: nx.Graph | None = None,
    config: Mapping[str, Any] | None = None,
    groups: list[set[Any]] | None = None,
) -> PageData:
    """The page's data for ``shown`` (the drawn part of ``graph``).

    ``graph`` is the whole networkx view (its communities, and how many relations
    of each entity are not drawn); ``shown`` carries ``graph["kg_view"]`` from
    :func:`kg.analysis.filters.filter_graph` when it was filtered. ``simple`` is
    ``shown``'s undirected simple view if the caller has it already; ``groups``
    the whole graph's communities if the caller has them (a build's are cached
    with its projection, :mod:`kg.analysis.cached`: the communities ``kg stats`` shows).
    """
    from kg.analysis.metrics import communities, pagerank
    from kg.analysis.view import simple_undirected

    positions = positions or {}
    if simple is None:
        simple = simple_undirected(shown)
    colors = class_colors()
    score = pagerank(simple) if shown.number_of_nodes() else {}
    sizes = _node_sizes(score)
    size = (shown.number_of_nodes(), shown.number_of_edges())
    unfiltered = size == (graph.number_of_nodes(), graph.number_of_edges())
    if groups is None:
        whole = simple if unfiltered else simple_undirected(graph)  # shown is a subgraph of graph
        groups = communities(whole)
    community_colors, legend = _community_legend(shown, groups, score)
    ids = {node: node if isinstance(node, str) else str(node) for node in shown.nodes}

    class_counts: Counter[str] = Counter()
    nodes = []
    for node, data in shown.nodes(data=True):
        cls = _text(data.get("cls")) or "Thing"
        class_counts[cls] += 1
        label = _text(data.get("label")) or _local_name(ids[node])
        base = colors.get(cls, FALLBACK_COLOR)
        item: dict[str, Any] = {
            "id": ids[node],
            "shape": "dot",
            "label": _shorten(label, _LABEL_MAX),
            "color": {
                "background": base,
                "border": "#333333",
                "highlight": {"background": base, "border": "#000000"},
                "hover": {"background": base, "border": "#000000"},
            },
            "size": round(sizes[node], 2),
            "kgClass": cls,
            "kgGroup": cls if cls in colors else "other",
            "kgLabel": label,
            "kgAlt": _alt_labels(data),
            "kgMentions": _count(data.get("mentions")),
            "kgClassColor": base,
            "kgCommunityColor": community_colors.get(node, FALLBACK_COLOR),
            "kgUndrawn": max(graph.degree(node) - shown.degree(node), 0) if node in graph else 0,
        }
        if node in positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)

    view = shown.graph.get("kg_view") or {"total": graph.number_of_nodes(), "filters": [], "capped": 0}
    return PageData(
        title=title,
        nodes=tuple(nodes),
        edges=tuple(_edges(shown, ids)),
        classes=_class_legend(class_counts, colors),
        communities=legend,
        summary=_summary(shown, view),
        notice=_notice(shown.number_of_nodes(), view.get("capped", 0)),
        config=dict(config or {}),
    )


def _edges(shown: nx.Graph, ids: Mapping[Any, str]) -> list[dict[str, Any]]:
    edges = []
    pair_total = Counter(frozenset((u, v)) for u, v in shown.edges())
    pair_seen: Counter[frozenset[Any]] = Counter()
    for i, (u, v, key, data) in enumerate(_multi_edges(shown)):
        confidence = _confidence(data.get("confidence"))
        label = _text(data.get("label")) or _text(data.get("predicate")) or _text(key)
        evidence = _evidence(data)
        if evidence and all(ev.get("former") for ev in evidence):
            label = f"{label} (former)"  # "a former CEO of Acme": every sentence says so
        edge: dict[str, Any] = {
            "id": f"e{i}",
            "from": ids[u],
            "to": ids[v],
            "arrows": "to",
            "label": _shorten(label, _LABEL_MAX),
            "width": round(1.0 + 2.5 * confidence, 2),
            "kgPredicate": _text(data.get("predicate")) or _text(key),
            "kgLabel": label,
            "kgConfidence": round(confidence, 4),
            "kgEvidence": [
                [
                    _shorten(_text(ev.get("sentence")), _SENTENCE_MAX),
                    _text(ev.get("source")),
                    None if ev.get("confidence") is None else round(_confidence(ev["confidence"]), 4),
                    _text(ev.get("extractor")),
                    _text(ev.get("document")),
                ]
                for ev in evidence[:_PANEL_EVIDENCE]
            ],
            "kgEvidenceMore": max(len(evidence) - _PANEL_EVIDENCE, 0),
        }
        if label.endswith(" (former)"):
            edge["dashes"] = True
        pair = frozenset((u, v))
        if pair_total[pair] > 1 and u != v:
            # Edges between the same two nodes would be drawn on top of each other: bend
            # them to alternate sides, further out in turn. "Clockwise" is relative to an
            # edge's direction, so the side is taken along one fixed direction per pair.
            pair_seen[pair] += 1
            k = pair_seen[pair]
            side = (k % 2 == 1) == (ids[u] < ids[v])
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if side else "curvedCCW",
                "roundness": 0.25 * ((k + 1) // 2),
            }
        edges.append(edge)
    return edges


def _multi_edges(graph: nx.Graph) -> Any:
    if graph.is_multigraph():
        return graph.edges(keys=True, data=True)
    return ((u, v, "", data) for u, v, data in graph.edges(data=True))


def _class_legend(class_counts: Counter[str], colors: Mapping[str, str]) -> tuple[LegendClass, ...]:
    items = [LegendClass(cls, color, f"{cls} ({class_counts[cls]})") for cls, color in colors.items()
             if cls in class_counts]
    others = sorted(c for c in class_counts if c not in colors)
    if others:
        total = sum(class_counts[c] for c in others)
        tip = _shorten(", ".join(others), 200)
        items.append(LegendClass("other", FALLBACK_COLOR, f"other ({total})", tip))
    return tuple(items)


def _community_legend(
    shown: nx.Graph, groups: list[set[Any]], score: Mapping[Any, float]
) -> tuple[dict[Any, str], tuple[LegendCommunity, ...]]:
    """Colour per drawn node by its community, and the legend rows (plus one grey
    "other" row for the drawn entities outside the coloured communities)."""

    def label(node: Any) -> str:
        return _text(shown.nodes[node].get("label")) or _text(node)

    drawn = [(index, [m for m in group if m in shown]) for index, group in enumerate(groups)]
    drawn = sorted(((i, members) for i, members in drawn if members), key=lambda im: (-len(im[1]), im[0]))
    colors: dict[Any, str] = {}
    legend = []
    for color, (_, members) in zip(COMMUNITY_COLORS, drawn):
        colors.update(dict.fromkeys(members, color))
        best = min(members, key=lambda m: (-score.get(m, 0.0), label(m), _text(m)))
        legend.append(LegendCommunity(_shorten(label(best), 30), color, len(members)))
    rest = shown.number_of_nodes() - len(colors)
    if rest:
        legend.append(LegendCommunity("other", FALLBACK_COLOR, rest))
    return colors, tuple(legend)


def _summary(shown: nx.Graph, view: Mapping[str, Any]) -> str:
    n, m, total = shown.number_of_nodes(), shown.number_of_edges(), view["total"]
    entities = f"{n:,} of {total:,} entities" if n != total else f"{n:,} entit{'y' if n == 1 else 'ies'}"
    return " · ".join([entities, f"{m:,} relation{'' if m == 1 else 's'}", *view["filters"]])


def _notice(n: int, capped: int) -> str:
    if not capped:
        return ""
    return (
        f"The {n:,} most important of {n + capped:,} entities are drawn (PageRank): {capped:,} left out. "
        "To see others, use kg html with --focus NAME, --class, --property, --top N or --no-cap."
    )


def _node_sizes(score: Mapping[Any, float]) -> dict[Any, float]:
    """Importance scores mapped onto [_MIN_SIZE, _MAX_SIZE] (square root: hubs stand out)."""
    if not score:
        return {}
    low, high = min(score.values()), max(score.values())
    span = high - low
    return {
        node: _MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * (math.sqrt((s - low) / span) if span else 0.3)
        for node, s in score.items()
    }


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def _count(value: Any) -> int:
    try:
        return max(int(value or 0), 0)
    except (TypeError, ValueError):
        return 0


def _alt_labels(data: Mapping[str, Any]) -> list[str]:
    return [a.strip() for a in _text(data.get("alt_labels")).split(";") if a.strip()]


def _evidence(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """An edge's evidence records, one per distinct sentence, in the given order."""
    evidence = data.get("evidence") or []
    items = [e for e in evidence if isinstance(e, Mapping)] if isinstance(evidence, (list, tuple)) else []
    if not items and data.get("sentence"):
        items = [{"sentence": data.get("sentence")}]
    seen: set[str] = set()
    unique = []
    for ev in items:
        sentence = " ".join(_text(ev.get("sentence")).split())
        if sentence and sentence not in seen:
            seen.add(sentence)
            unique.append(ev)
    return unique
