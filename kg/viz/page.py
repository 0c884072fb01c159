"""The page itself: :func:`write_html` renders ``template.html`` through pyvis.

pyvis 0.3.2 renders the page (``Network.generate_html``) from kg's own
template, ``template.html`` in this package, which is pyvis's
``templates/template.html`` made offline and safe (its header comment lists the
changes). The template reaches pyvis through pyvis's template mechanism:
``Network.set_template`` points it at the file, and ``Network.templateEnv`` is
a Jinja environment with **autoescape on** that also sees pyvis's own
``templates/`` (for the inlined vis-network script and style). So:

* Every string from documents (labels, class names, sentences, sources, the
  title) is text: in markup it is HTML-escaped by Jinja; node and edge data go
  through Jinja's ``tojson``, which escapes ``<``, ``>``, ``&`` and ``'`` as
  ``\\u003c``..., so no sentence can close the inline ``<script>``. Tooltips
  are plain strings made by ``page.js`` from the data (vis-network 9 shows
  them with ``innerText``), and the panel and suggestions use ``textContent``
  only.
* Nothing is fetched: vis-network is inlined, Bootstrap and the CDN links of
  pyvis's template are gone, and :func:`check_offline` refuses any page whose
  markup still has an ``http(s)://`` or ``//`` ``src``/``href`` (or CSS
  ``url()``), so a template edit cannot bring a fetch back silently.
* A Content-Security-Policy ``<meta>`` lists the SHA-256 of each inline script
  as the template emits it (filter ``csp_hash``), inline styles and ``data:``
  images, and no connections: injected markup could neither run nor fetch.

The layout settles and stops: up to ``PHYSICS_MAX_NODES`` nodes vis-network's
physics runs a bounded stabilisation (from precomputed positions above 100
nodes, :mod:`kg.viz.layout`) and is switched off afterwards; bigger graphs (or
``physics=False``) get precomputed positions and no physics.

For tests and notebooks the page exposes ``window.kgGraph`` (``network``,
``nodes``, ``edges``, ``select(id)``, ``find(text)``, ``showNode(id)``,
``setClassVisible(cls, bool)``, ``setColourMode("class" | "community")``) and
sets ``document.body.dataset.kgReady = "1"`` once the layout is drawn.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.files import replacing

if TYPE_CHECKING:
    import networkx as nx
    from jinja2 import Environment

    from kg.viz.data import PageData

__all__ = ["DEFAULT_MAX_NODES", "PHYSICS_MAX_NODES", "STABILIZATION_ITERATIONS", "TOP_LABELS",
           "check_offline", "header_totals", "write_html"]

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
#: The most important entities' labels are drawn this big on screen at every zoom
#: (the others are drawn to scale, and not at all below ``LABEL_DRAW_THRESHOLD`` px).
LABEL_PIXELS = 14
#: How many of them: the top by importance (PageRank). Measured on the 2,000-entity
#: page at 1280x800: 40 labels fill the first view without hiding one another much.
TOP_LABELS = 40
#: Labels smaller than this on screen are not drawn (they were unreadable specks).
LABEL_DRAW_THRESHOLD = 8
#: Above this many entities with no relation drawn, they start hidden (a switch shows them).
UNLINKED_SHOWN_MAX = 50
#: A served page adds at most this many new entities per expanded node.
EXPAND_MAX_NODES = 200

TEMPLATE = "template.html"

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
    hide_below: float = 0.0,
    max_nodes: int | None = DEFAULT_MAX_NODES,
    scores: Mapping[Any, float] | None = None,
    groups: list[set[Any]] | None = None,
    evidence: Callable[[nx.MultiDiGraph], None] | None = None,
    totals: Mapping[str, int] | None = None,
    shown: nx.MultiDiGraph | None = None,
) -> Path:
    """Write ``graph`` (or the part the filters keep) as one interactive HTML page.

    Nodes are coloured by class (the ontology's ``kg:color``) or community (a
    toggle on the page; the communities ``kg stats`` reports) and sized by
    importance (PageRank on the undirected simple view); edges are labelled
    with their property label and drawn thicker with more confidence. A search
    box finds an entity by any of its names; legend checkboxes hide or show a
    class; clicking a node opens a panel with its names and every relation in
    and out, each with its evidence sentences and their sources; hovering an
    edge shows its evidence. The page loads nothing from the network.

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
    classes, properties, focus, depth, top, min_degree
        What to draw: see :func:`kg.analysis.filters.filter_graph`. The page opens
        with the focus entity selected and its panel open.
    hide_below : float, default 0.0
        Do not draw relations whose confidence is below this (0-1); they stay
        in the graph (this is not ``kg build --min-confidence``, which does not
        assert them). Evidence below it is left out of the panel too.
    max_nodes : int or None, default DEFAULT_MAX_NODES
        Draw at most this many entities, the most important; the page says how
        many were left out. ``None``: no cap.
    scores, groups, evidence, shown
        For a graph whose metrics are cached and whose edges carry no evidence
        yet (a build's kept projection, :func:`kg.analysis.cached.write_page`):
        the whole graph's PageRank and communities, a function that fills in
        the evidence of the edges drawn, and the part to draw when the caller
        chose it (``filter_graph``'s result, ``graph["kg_view"]`` set; ``graph``
        is then asked only for its sizes, ``degree`` and ``in``).
    totals : mapping, optional
        The whole graph's counts for the header, as ``kg stats`` reports them:
        ``entities``, ``relations``, ``components``, ``communities`` (any left
        out are counted on ``graph``; :func:`header_totals` makes them from a
        :class:`kg.analysis.stats.Stats`). A build's store counts relations to
        values (a job title) and both directions of a symmetric property, which
        the networkx view does not draw, so its callers pass them.

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
        If the page would load something from the network (the template was
        changed to link a resource).

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

    from kg.analysis.filters import filter_graph
    from kg.analysis.view import simple_undirected
    from kg.viz.data import page_data
    from kg.viz.layout import layout

    if shown is None and not isinstance(graph, nx.Graph):
        raise TypeError(f"write_html needs a networkx graph, got {type(graph).__name__}")
    path = Path(path)
    if shown is None:
        shown, _ = filter_graph(
            graph, classes=classes, properties=properties, focus=focus, depth=depth, top=top,
            min_degree=min_degree, min_confidence=hide_below, max_nodes=max_nodes, scores=scores,
        )
    if evidence is not None:
        from kg.analysis.filters import _evidence_above

        evidence(shown)
        if hide_below > 0:
            for _, _, data in shown.edges(data=True):
                data.update(_evidence_above(data, hide_below))
    n = shown.number_of_nodes()
    use_physics = (0 < n <= PHYSICS_MAX_NODES) if physics is None else (bool(physics) and n > 0)
    simple = simple_undirected(shown)
    # Static pages need positions; big physics pages settle far faster from them.
    positions = layout(shown, simple=simple) if not use_physics or n > 100 else {}
    focus_ids = [f if isinstance(f, str) else str(f) for f in shown.graph["kg_view"]["focus"]]
    unfiltered = (n, shown.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    counts = dict(totals or {})
    if groups is None or "components" not in counts:
        from kg.analysis.metrics import communities, components

        whole = simple if unfiltered else simple_undirected(graph)
        groups = communities(whole) if groups is None else groups
        counts.setdefault("components", len(components(whole)))
    counts.setdefault("entities", graph.number_of_nodes())
    counts.setdefault("relations", graph.number_of_edges())
    counts.setdefault("communities", len(groups))
    unlinked = sum(1 for node in simple if simple.degree(node) == 0)
    data = page_data(
        graph, shown, title=title, positions=positions, simple=simple,
        config={"physics": use_physics, "focus": focus_ids, **_explore_config(n, unlinked)}, groups=groups,
    )
    page = render(data, _options(n, use_physics, bool(positions)), _header_counts(counts))
    check_offline(page)

    # Written beside the target, then renamed: a failed write leaves the old page intact.
    with replacing(path) as tmp, open(tmp, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(page)
    return path


def header_totals(stats: Any) -> dict[str, int]:
    """The header's counts from a :class:`kg.analysis.stats.Stats` (``kg stats``'s numbers);
    components and communities only if it has them (:func:`kg.analysis.stats.counts`
    leaves them out: :func:`write_html` then counts them on its graph).

    >>> from kg.analysis.stats import Stats
    >>> header_totals(Stats(1, {"Person": 2, "Product": 3}, {"uses": 4}, 0, community_count=1, components=2))
    {'entities': 5, 'relations': 4, 'components': 2, 'communities': 1}
    >>> header_totals(Stats(1, {"Person": 2}, {}, 0))
    {'entities': 2, 'relations': 0}
    """
    found = {"entities": sum(stats.entities.values()), "relations": sum(stats.relations.values())}
    if stats.components or not found["entities"]:
        found.update(components=stats.components, communities=stats.community_count)
    return found


def _header_counts(counts: Mapping[str, int]) -> list[tuple[str, int, str]]:
    """(key, number, text) per header count, in ``kg stats``'s order.

    >>> [t for _, _, t in _header_counts({"entities": 1, "relations": 2, "components": 1, "communities": 0})]
    ['1 entity', '2 relations', '1 component', '0 communities']
    """
    words = {"entities": ("entity", "entities"), "relations": ("relation", "relations"),
             "components": ("component", "components"), "communities": ("community", "communities")}
    return [(key, int(counts[key]), f"{int(counts[key]):,} {words[key][int(counts[key]) != 1]}")
            for key in words if key in counts]


def _explore_config(n: int, unlinked: int) -> dict[str, Any]:
    """What page.js needs to explore: labels kept readable, the unlinked entities' switch,
    and the ontology's classes and properties for the queries a served page sends."""
    from kg.lexicon import ENTITY_CLASSES, load_lexicon
    from kg.vocab import KG_NS

    lexicon = load_lexicon()
    colors = dict(lexicon.colors)
    return {
        "labelPixels": LABEL_PIXELS,
        "topLabels": min(n, TOP_LABELS),
        "unlinked": unlinked,
        "hideUnlinked": unlinked > UNLINKED_SHOWN_MAX,
        "ns": KG_NS,
        "classes": {cls: colors.get(cls) for cls in ENTITY_CLASSES},  # None: no kg:color, "other"
        "properties": {name: lexicon.label_of(name) for name in sorted(lexicon.properties)},
        "symmetric": sorted(name for name, spec in lexicon.properties.items() if spec.symmetric),
        "expandMax": EXPAND_MAX_NODES,
    }


def render(data: PageData, options: dict[str, Any], counts: list[tuple[str, int, str]] | None = None) -> str:
    """The page's HTML: pyvis renders kg's template with ``data`` and vis ``options``.

    The nodes and edges reach the template as ``data`` (variable ``kg``), not
    through ``Network.add_node`` / ``add_edge``: pyvis keeps node ids in a list
    and scans it on every ``add_node`` and twice on every ``add_edge``
    (``source in self.get_nodes()``), so adding 20,000 nodes and 50,000 edges
    takes 1.8 s + 9.6 s (measured, pyvis 0.3.2), 50,000 nodes over a minute,
    while the data is already unique and checked here.
    """
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    net.set_template(str(_template_dir() / TEMPLATE))
    net.templateEnv = _environment(
        kg=data, kg_counts=counts or [], kg_script=_markup(_asset("page.js")),
        kg_style=_markup(_asset("page.css")),
    )
    # pyvis's set_options removes every space of the JSON: no spaces in values.
    net.set_options(json.dumps(options))
    return net.generate_html(name="index.html")


def _environment(**page_globals: Any) -> Environment:
    """Jinja environment for kg's template: autoescape on; loads from this package,
    then from pyvis's ``templates/`` (vis-network's script and style)."""
    import pyvis
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=ChoiceLoader([
            FileSystemLoader(str(_template_dir())),
            FileSystemLoader(str(Path(pyvis.__file__).parent / "templates")),
        ]),
        autoescape=True,
        undefined=StrictUndefined,
    )
    env.filters["csp_hash"] = _csp_hash
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "separators": (",", ":")}
    env.globals.update(page_globals)
    return env


def _csp_hash(script: Any) -> Any:
    """The CSP source that allows exactly this inline script: ``'sha256-...'``
    (Markup: quotes and base64 need no escaping)."""
    from markupsafe import Markup

    digest = hashlib.sha256(str(script).encode("utf-8")).digest()
    return Markup("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")


def _template_dir() -> Path:
    return Path(str(resources.files("kg.viz")))


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    """The page's script or style sheet, a file of this package."""
    return resources.files("kg.viz").joinpath(name).read_text(encoding="utf-8")


def _markup(text: str) -> Any:
    """A package file for the template, verbatim (kg's own code, not document text)."""
    from markupsafe import Markup

    return Markup(text)


def _options(n: int, physics: bool, positioned: bool) -> dict[str, Any]:
    """vis-network options: bounded physics, curved edges only on small graphs."""
    big = n > 300
    return {
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"label": {"enabled": False, "drawThreshold": LABEL_DRAW_THRESHOLD, "maxVisible": 40}},
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
