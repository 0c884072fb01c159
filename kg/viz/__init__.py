"""One self-contained, offline HTML page of a knowledge graph (pyvis / vis-network).

:func:`write_html` takes the networkx view built by :mod:`kg.analysis` (a
``MultiDiGraph`` whose node keys are entity IRIs and whose edge keys are property
local names), keeps the part to draw (:func:`kg.analysis.filters.filter_graph`: the
user's filters, then a cap of ``DEFAULT_MAX_NODES`` most important entities)
and writes a single HTML file that opens in a browser with no network at all.

The page: nodes coloured by class or by community (a toggle; Louvain
communities), sized by importance (PageRank); edges labelled with the
ontology's labels; a search box (label or other name, with suggestions) that
centres and selects a node; class checkboxes in the legend that hide or show a
class; a side panel that shows the clicked node's class, names and every
relation in and out with its evidence sentences and their documents. Its
script and style are package files (``page.js``, ``page.css``).

How the page is made safe and offline
-------------------------------------
pyvis 0.3.2 (vis-network 9.1.2) renders the page; the result is then
post-processed, because the template is neither fully offline nor fully safe:

* ``cdn_resources="in_line"`` inlines vis-network, but the template still links
  Bootstrap CSS/JS from a CDN: those tags are removed. :func:`check_offline`
  then refuses any page whose markup still has an ``http(s)://`` or ``//``
  ``src``/``href`` (or a CSS ``url()``), so a pyvis upgrade cannot bring a
  fetch back silently.
* Every string from documents (labels, class names, sentences, sources) is data:
  node and edge data reach the page through Jinja's ``tojson`` filter, which
  escapes ``<``, ``>``, ``&`` and ``'`` as ``\\u003c``..., so no sentence can
  close the inline ``<script>``; the page's own settings travel in a
  ``<script type="application/json">`` block escaped the same way. Tooltips
  are plain strings, which vis-network 9 shows with ``innerText``; our script
  makes them from the data (``kgLabel``, ``kgAlt``, ``kgEvidence``...), so
  pyvis never sees a ``title`` (it switches to an ``innerHTML`` popup when a
  node title contains ``"href"``) and no sentence is stored twice. The panel
  and the search suggestions are built with ``textContent`` /
  ``createTextNode`` only. pyvis's raw
  ``heading``, ``select_menu`` and ``filter_menu`` are not used; the page
  title, legend and summary are written here with :func:`html.escape`.
* A Content-Security-Policy ``<meta>`` allows only the page's own inline
  scripts (by SHA-256 hash), inline styles and ``data:`` images, and no
  connections: even markup that slipped through could neither run nor fetch.

The layout settles and stops: up to ``PHYSICS_MAX_NODES`` nodes, vis-network's
physics runs a bounded stabilisation (from precomputed positions above 100
nodes) and is switched off afterwards; bigger graphs (or ``physics=False``) get
precomputed positions and no physics. Positions come from networkx's
Kamada-Kawai layout up to 200 nodes and from :func:`_grid_spring_layout` above
(networkx's spring layout is O(n²) per iteration: 55 s for 5,000 nodes).

For tests and notebooks the page exposes ``window.kgGraph`` (``network``,
``nodes``, ``edges``, ``select(id)``, ``find(text)``, ``showNode(id)``,
``setClassVisible(cls, bool)``, ``setColourMode("class" | "community")``) and
sets ``document.body.dataset.kgReady = "1"`` once the layout is drawn.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.analysis.filters import _confidence, filter_graph, importance, simple_undirected

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CLASS_COLORS", "DEFAULT_MAX_NODES", "FALLBACK_COLOR", "PHYSICS_MAX_NODES",
    "check_offline", "filter_graph", "write_html",
]

#: Node colour per ontology class (Tableau 10); any other class gets ``FALLBACK_COLOR``.
CLASS_COLORS: Mapping[str, str] = {
    "Organization": "#4e79a7",
    "Person": "#f28e2b",
    "Product": "#59a14f",
    "Place": "#e15759",
    "Event": "#b07aa1",
    "Technology": "#76b7b2",
}
FALLBACK_COLOR = "#9d9d9d"
#: Colours of the 12 largest communities (from Tableau 20); the rest share
#: ``FALLBACK_COLOR``, as do entities alone in their community.
COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#a0cbe8", "#8cd17d", "#d37295",
)

#: Without filters, a page draws at most this many entities: the most important
#: (PageRank), and says how many it left out. (2,000 nodes: ~1 MB of data per
#: 1,000 nodes, drawn in a few seconds; 50,000 would be a 50 MB page that no
#: browser lays out usefully.)
DEFAULT_MAX_NODES = 2000
#: Above this many nodes physics stays off: precomputed positions only. (Measured in
#: Chromium 156: 1,000 nodes ready in ~3.6 s with physics tidying a precomputed
#: layout; left to itself vis-network needs ~57 s for 1k nodes, minutes for 5k.)
PHYSICS_MAX_NODES = 1000
#: Upper bound on vis-network's stabilisation iterations.
STABILIZATION_ITERATIONS = 600
#: Louvain up to this many nodes (3 s for 10k, 50 s for 50k); label propagation above.
LOUVAIN_MAX_NODES = 20_000

_MIN_SIZE, _MAX_SIZE = 10.0, 40.0
_LABEL_MAX = 40  # characters of a label drawn on the canvas; the tooltip has it all
_SENTENCE_MAX = 2000
_PANEL_EVIDENCE = 20  # sentences per relation in the page (the tooltip shows 5 of them)

_EXTERNAL_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_EXTERNAL_URL = re.compile(r"""url\(\s*['"]?\s*(?:https?:)?//""", re.IGNORECASE)
_URL_ATTRIBUTES = frozenset(
    {"src", "href", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background"}
)


def write_html(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    title: str = "kg graph",
    physics: bool | None = None,
    classes: str | Iterable[str] | None = None,
    properties: str | Iterable[str] | None = None,
    focus: str | Iterable[str] | None = None,
    depth: int = 1,
    top: int | None = None,
    min_degree: int = 0,
    min_confidence: float = 0.0,
    max_nodes: int | None = DEFAULT_MAX_NODES,
) -> Path:
    """Write ``graph`` (or the part the filters keep) as one interactive HTML page.

    Nodes are coloured by class (or community: a toggle on the page) and sized
    by importance (PageRank on the undirected simple view, degree for tiny
    graphs); edges are labelled with their property label and drawn thicker
    with more confidence. A search box finds an entity by any of its names;
    legend checkboxes hide or show a class; clicking a node opens a panel with
    its names and every relation in and out, each with its evidence sentences
    and their sources; hovering an edge shows its evidence. The page loads
    nothing from the network.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        Node key: entity IRI; node attributes ``label``, ``cls``,
        ``alt_labels`` ("; "-joined) and ``mentions``. Edge key: property local
        name; edge attributes ``label``, ``confidence``, ``sentence`` and
        ``evidence`` (dicts with ``sentence``, ``document``, ``source``,
        ``confidence``, ``extractor``). Missing attributes get defaults. All
        strings are treated as untrusted text.
    path : str or os.PathLike
        The HTML file to write (replaced atomically if it exists). Its
        directory must exist.
    title : str, default "kg graph"
        Page title and heading (escaped).
    physics : bool or None, default None
        ``None``: vis-network physics with a bounded stabilisation up to
        ``PHYSICS_MAX_NODES`` nodes, a precomputed networkx layout above.
        ``True``: physics (bounded) whatever the size. ``False``: networkx
        layout, no physics.
    classes, properties, focus, depth, top, min_degree, min_confidence
        What to draw: see :func:`kg.analysis.filters.filter_graph`. The page opens
        with the focus entity selected and its panel open.
    max_nodes : int or None, default DEFAULT_MAX_NODES
        Draw at most this many entities, the most important; the page says how
        many were left out. ``None``: no cap.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    TypeError
        If ``graph`` is not a networkx graph.
    KGError
        An unknown class or property, or a focus name no entity has.
    RuntimeError
        If the page pyvis produced would still load something from the network
        or show tooltips as HTML (a pyvis upgrade changed its template).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("http://ex.org/Tim_Cook", label="Tim Cook", cls="Person",
    ...            alt_labels="Cook", mentions=2)
    >>> g.add_node("http://ex.org/Apple", label="Apple", cls="Organization",
    ...            alt_labels="Apple Inc.", mentions=3)
    >>> _ = g.add_edge("http://ex.org/Tim_Cook", "http://ex.org/Apple", key="leads",
    ...                predicate="leads", label="leads", confidence=0.9,
    ...                sentence="Tim Cook <CEO> leads Apple.", evidence=[])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = write_html(g, pathlib.Path(tmp) / "graph.html", title="Apple & co")
    ...     page = out.read_text(encoding="utf-8")
    >>> out.name
    'graph.html'
    >>> "<title>Apple &amp; co</title>" in page, "<CEO>" in page
    (True, False)
    >>> check_offline(page)
    """
    import networkx as nx
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    if not isinstance(graph, nx.Graph):
        raise TypeError(f"write_html needs a networkx graph, got {type(graph).__name__}")
    path = Path(path)
    shown, _ = filter_graph(
        graph, classes=classes, properties=properties, focus=focus, depth=depth, top=top,
        min_degree=min_degree, min_confidence=min_confidence, max_nodes=max_nodes,
    )
    view = shown.graph["kg_view"]
    n = shown.number_of_nodes()
    use_physics = (0 < n <= PHYSICS_MAX_NODES) if physics is None else (bool(physics) and n > 0)

    ids = {node: node if isinstance(node, str) else str(node) for node in shown.nodes}
    score = importance(shown)
    sizes = _node_sizes(score)
    community_colors, communities = _communities(shown, score)
    positions: dict[Any, tuple[float, float]] = {}
    if not use_physics or n > 100:
        # Static pages need positions; big physics pages settle far faster from them.
        positions = _layout(shown)

    net = Network(
        height="100%",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        bgcolor="#ffffff",
    )
    class_counts: Counter[str] = Counter()
    for node, data in shown.nodes(data=True):
        cls = _text(data.get("cls")) or "Thing"
        class_counts[cls] += 1
        label = _text(data.get("label")) or _local_name(ids[node])
        extra: dict[str, Any] = {}
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        # What Network.add_node does, minus its list scans (quadratic: ~30 s for 20k
        # nodes); networkx node keys are unique already.
        vis_node = Node(
            ids[node],
            "dot",
            label=_shorten(label, _LABEL_MAX),
            color=_node_color(cls),
            size=round(sizes[node], 2),
            kgClass=cls,
            kgGroup=cls if cls in CLASS_COLORS else "other",
            kgLabel=label,
            kgAlt=_alt_labels(data),
            kgMentions=_count(data.get("mentions")),
            kgClassColor=CLASS_COLORS.get(cls, FALLBACK_COLOR),
            kgCommunityColor=community_colors.get(node, FALLBACK_COLOR),
            kgUndrawn=max(graph.degree(node) - shown.degree(node), 0),
            **extra,
        ).options
        net.nodes.append(vis_node)
        net.node_ids.append(ids[node])
        net.node_map[ids[node]] = vis_node

    pair_total = Counter(frozenset((u, v)) for u, v in shown.edges())
    pair_seen: Counter[frozenset[Any]] = Counter()
    for i, (u, v, key, data) in enumerate(shown.edges(keys=True, data=True)):
        confidence = _confidence(data.get("confidence"))
        label = _text(data.get("label")) or _text(data.get("predicate")) or _text(key)
        evidence = _evidence(data)
        edge: dict[str, Any] = {
            "id": f"e{i}",
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
        pair = frozenset((u, v))
        if pair_total[pair] > 1 and u != v:
            # Edges between the same two nodes would be drawn on top of each other: bend
            # them to alternate sides, further out in turn. "Clockwise" is relative to an
            # edge's direction, so the side is taken along one fixed direction per pair.
            pair_seen[pair] += 1
            k = pair_seen[pair]
            side = (k % 2 == 1) == (ids[u] < ids[v])
            edge["smooth"] = {
                "enabled": True, "type": "curvedCW" if side else "curvedCCW", "roundness": 0.25 * ((k + 1) // 2)
            }
        net.edges.append(Edge(ids[u], ids[v], directed=True, **edge).options)  # as Network.add_edge

    net.set_options(json.dumps(_options(n, use_physics, bool(positions))))
    page = net.generate_html(name="index.html")
    config = {"physics": use_physics, "focus": [ids[f] for f in view["focus"]]}
    header = _header_html(title, shown, view, class_counts, communities)
    page = _postprocess(page, title=title, header=header, config=config)
    check_offline(page)

    # Write beside the target, then rename: a failed write leaves the old page intact.
    # (open(..., "x") rather than mkstemp, which would make the page owner-only.)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def check_offline(page: str) -> None:
    """Raise ``RuntimeError`` if the HTML ``page`` would load anything from the network.

    Looks at every URL-bearing attribute of every tag (``src``, ``href``,
    ``srcset``, ...) and at CSS ``url()`` values: ``http://``, ``https://``, any
    other scheme with ``//`` and protocol-relative ``//host`` URLs are refused.
    Text inside scripts (e.g. a licence comment naming a website) is not markup
    and is not a fetch.

    Examples
    --------
    >>> check_offline('<link rel="stylesheet" href="data:text/css,">')
    >>> check_offline('<script src="https://cdn.example/x.js"></script>')
    Traceback (most recent call last):
    ...
    RuntimeError: the HTML page would load from the network: <script src="https://cdn.example/x.js">
    """
    finder = _ExternalRefFinder()
    finder.feed(page)
    finder.close()
    bad = list(finder.found)
    bad += [m.group(0) for m in _CSS_EXTERNAL_URL.finditer(page)]
    if bad:
        raise RuntimeError("the HTML page would load from the network: " + "; ".join(bad[:5]))


class _ExternalRefFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in _URL_ATTRIBUTES and value and _EXTERNAL_URL.match(value):
                self.found.append(f'<{tag} {name}="{value}">')
            elif name == "style" and value and _CSS_EXTERNAL_URL.search(value):
                self.found.append(f'<{tag} style="{value}">')

    handle_startendtag = handle_starttag


# --- data -> vis attributes ------------------------------------------------------


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


def _node_color(cls: str) -> dict[str, Any]:
    base = CLASS_COLORS.get(cls, FALLBACK_COLOR)
    return {
        "background": base,
        "border": "#333333",
        "highlight": {"background": base, "border": "#000000"},
        "hover": {"background": base, "border": "#000000"},
    }


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


def _communities(
    graph: nx.Graph, score: Mapping[Any, float]
) -> tuple[dict[Any, str], list[tuple[str, str, int]]]:
    """Colour per node by community, and the legend: (named after its most important
    member, colour, size) for each coloured community, plus one grey "other" row."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return {}, []
    simple = simple_undirected(graph)
    if simple.number_of_nodes() <= LOUVAIN_MAX_NODES:
        groups = nx.community.louvain_communities(simple, seed=42)
    else:
        groups = list(nx.community.label_propagation_communities(simple))

    def label(node: Any) -> str:
        return _text(graph.nodes[node].get("label")) or _text(node)

    def best(members: Iterable[Any]) -> Any:
        return min(members, key=lambda m: (-score[m], label(m), _text(m)))

    ordered = sorted((g for g in groups if len(g) > 1), key=lambda g: (-len(g), label(best(g))))
    colors: dict[Any, str] = {}
    legend = []
    for color, members in zip(COMMUNITY_COLORS, ordered):
        colors.update(dict.fromkeys(members, color))
        legend.append((label(best(members)), color, len(members)))
    rest = graph.number_of_nodes() - len(colors)
    if rest:
        legend.append(("other", FALLBACK_COLOR, rest))
    return colors, legend


def _layout(graph: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Pixel positions (deterministic: the same graph always looks the same).

    Small graphs get networkx's Kamada-Kawai layout. networkx's spring layout
    is dense (O(n²) per iteration: 5 s for 1,200 nodes, 55 s for 5,000, over
    10 min for 20,000), so bigger graphs get :func:`_grid_spring_layout`.
    """
    import networkx as nx

    n = graph.number_of_nodes()
    if n == 0:
        return {}
    simple = simple_undirected(graph)
    if n <= 200 and simple.number_of_edges() > 0:
        pos = {
            node: (float(x) * math.sqrt(n) / 2, float(y) * math.sqrt(n) / 2)
            for node, (x, y) in nx.kamada_kawai_layout(simple).items()
        }
    else:
        pos = _grid_spring_layout(simple)
    return {node: (round(x * _EDGE_PIXELS, 1), round(y * _EDGE_PIXELS, 1)) for node, (x, y) in pos.items()}


_EDGE_PIXELS = 110.0  # on screen length of the layouts' unit edge


def _grid_spring_layout(
    graph: nx.Graph, *, iterations: int = 60, seed: int = 42, cells: int = 16
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


def _options(n: int, physics: bool, positioned: bool) -> dict[str, Any]:
    big = n > 300
    # pyvis.Network.set_options strips every space from the JSON: no spaces in values.
    return {
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#555555"},
            "font": {"size": 12, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "smooth": {"enabled": not big, "type": "dynamic" if physics else "continuous"},
            "selectionWidth": 2,
        },
        "layout": {"improvedLayout": not positioned and n <= 100, "randomSeed": 42},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.01,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "minVelocity": 1.0,
            "stabilization": {
                "enabled": physics,
                # From a networkx layout, physics only has to tidy up.
                "iterations": STABILIZATION_ITERATIONS // 3 if positioned else STABILIZATION_ITERATIONS,
                "updateInterval": 50,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "navigationButtons": False,
            "keyboard": False,
        },
    }


# --- page post-processing -----------------------------------------------------------


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """The page's script or style sheet, a file of this package."""
    return resources.files("kg.viz").joinpath(name).read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON for a ``<script type="application/json">`` block: no ``<`` can end it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_PANEL_HTML = (
    '\n<aside id="kg-panel" hidden aria-label="selected entity" aria-live="polite">'
    '<button type="button" id="kg-panel-close" aria-label="close the panel" title="close">×</button>'
    '<div id="kg-panel-body"></div></aside>'
)


def _postprocess(page: str, *, title: str, header: str, config: Mapping[str, Any]) -> str:
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    # Anything pyvis links from a CDN (Bootstrap CSS and JS): the page is offline.
    page = re.sub(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*", "", page, flags=re.IGNORECASE)
    page = re.sub(
        r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script>\s*",
        "",
        page,
        flags=re.IGNORECASE,
    )
    # pyvis's commented-out vis.js links, and its (empty) raw headings.
    page = re.sub(r"<!--\s*<link[^>]*node_modules.*?-->\s*", "", page, flags=re.DOTALL)
    page = re.sub(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", "", page)
    if "popup.innerHTML" in page:
        raise RuntimeError("pyvis produced an innerHTML tooltip popup; titles must stay plain text")

    page = _replace_once(page, "<body>", "<body>\n" + header)
    page = _replace_once(
        page,
        '<div id="mynetwork" class="card-body"></div>',
        '<div id="mynetwork" class="card-body"></div>' + _PANEL_HTML,
    )
    page = _replace_once(
        page,
        "</body>",
        f'<script type="application/json" id="kg-config">{_script_json(config)}</script>\n'
        f"<script>{_asset('page.js')}</script>\n</body>",
    )
    head = (
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="kg">\n'
        f"<title>{html.escape(title)}</title>\n"
    )
    page = _replace_once(page, '<meta charset="utf-8">', head)
    page = _replace_once(page, "</head>", f"<style>\n{_asset('page.css')}</style>\n</head>")
    # Only our own inline scripts may run (by hash); nothing may be fetched.
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in re.findall(r"<script\b[^>]*>(.*?)</script\s*>", page, flags=re.DOTALL | re.IGNORECASE)
    )
    csp = (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    page = _replace_once(
        page,
        '<meta charset="utf-8">\n',
        f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
    )
    if not page.lstrip().lower().startswith("<!doctype"):
        page = "<!DOCTYPE html>\n" + page
    return page


def _replace_once(page: str, anchor: str, replacement: str) -> str:
    if page.count(anchor) != 1:
        raise RuntimeError(f"unexpected pyvis template: {anchor!r} found {page.count(anchor)} times")
    return page.replace(anchor, replacement)


def _swatch(color: str) -> str:
    return f'<span class="kg-swatch" style="background:{color}"></span>'


def _header_html(
    title: str,
    graph: nx.Graph,
    view: Mapping[str, Any],
    class_counts: Counter[str],
    communities: list[tuple[str, str, int]],
) -> str:
    esc = html.escape
    known = [c for c in CLASS_COLORS if c in class_counts]
    other = sum(count for cls, count in class_counts.items() if cls not in CLASS_COLORS)

    def toggle(key: str, color: str, text: str, tip: str = "") -> str:
        tip = f' title="{esc(tip)}"' if tip else ""
        return (
            f'<li data-class="{esc(key)}"{tip}><label><input type="checkbox" checked data-class="{esc(key)}">'
            f"{_swatch(color)}{esc(text)}</label></li>"
        )

    items = [toggle(cls, CLASS_COLORS[cls], f"{cls} ({class_counts[cls]})") for cls in known]
    if other:
        others = ", ".join(sorted(c for c in class_counts if c not in CLASS_COLORS))
        items.append(toggle("other", FALLBACK_COLOR, f"other ({other})", _shorten(others, 200)))
    groups = "".join(
        f"<li>{_swatch(color)}{esc(_shorten(name, 30))} ({size})</li>" for name, color, size in communities
    )
    n, m, total = graph.number_of_nodes(), graph.number_of_edges(), view["total"]
    entities = f"{n:,} of {total:,} entities" if n != total else f"{n:,} entit{'y' if n == 1 else 'ies'}"
    summary = " · ".join([entities, f"{m:,} relation{'' if m == 1 else 's'}", *view["filters"]])
    notice = ""
    if view["capped"]:
        notice = (
            f'<p id="kg-notice" role="status">The {n:,} most important of {n + view["capped"]:,} entities '
            f'are drawn (PageRank): {view["capped"]:,} left out. To see others, use kg html with '
            "--focus NAME, --class, --property, --top N or --no-cap.</p>\n"
        )
    return (
        '<header id="kg-header">\n'
        f'<h1 id="kg-title">{esc(title)}</h1>\n'
        f'<span id="kg-summary">{esc(summary)}</span>\n'
        f"{notice}"
        '<div id="kg-search"><input id="kg-search-input" type="search" placeholder="Find an entity…" '
        'aria-label="find an entity by name" autocomplete="off" spellcheck="false">'
        '<ul id="kg-suggestions" role="listbox" hidden></ul></div>\n'
        '<fieldset id="kg-colour"><legend>colour by</legend>'
        '<label><input type="radio" name="kg-colour" value="class" checked> class</label>'
        '<label><input type="radio" name="kg-colour" value="community"> community</label></fieldset>\n'
        f'<ul id="kg-legend" aria-label="classes: untick to hide">{"".join(items)}</ul>\n'
        f'<ul id="kg-communities" aria-label="communities" hidden>{groups}</ul>\n'
        '<span class="kg-hint">size = importance · click a node for its relations and sources · '
        "hover an edge for its evidence</span>\n"
        "</header>\n"
    )
