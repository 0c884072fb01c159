"""One self-contained, offline HTML page of a knowledge graph (pyvis / vis-network).

:func:`write_html` takes the networkx view built by :mod:`kg.analysis` (a
``MultiDiGraph`` whose node keys are entity IRIs and whose edge keys are property
local names), keeps the part to draw (:func:`kg.analysis.filters.filter_graph`: the
user's filters, then a cap of ``DEFAULT_MAX_NODES`` most important entities)
and writes a single HTML file that opens in a browser with no network at all.

The page: nodes coloured by class (the ontology's ``kg:color``) or by community
(a toggle; the communities of ``kg stats``), sized by importance (PageRank);
edges labelled with the ontology's labels; a search box (label or other name,
with suggestions) that centres and selects a node; class checkboxes in the
legend that hide or show a class; a side panel that shows the clicked node's
class, names and every relation in and out with its evidence sentences and
their documents.

Modules: :mod:`kg.viz.data` (the page's data from the graph), :mod:`kg.viz.layout`
(precomputed positions), :mod:`kg.viz.page` (rendering ``template.html`` through
pyvis, the offline check, writing the file; how the page is kept safe and
offline is described there). The page's script and style are ``page.js`` and
``page.css``.
"""

from __future__ import annotations

from kg.analysis.filters import filter_graph
from kg.viz.data import FALLBACK_COLOR, class_colors
from kg.viz.page import DEFAULT_MAX_NODES, PHYSICS_MAX_NODES, check_offline, write_html

__all__ = [
    "DEFAULT_MAX_NODES", "FALLBACK_COLOR", "PHYSICS_MAX_NODES",
    "check_offline", "class_colors", "filter_graph", "write_html",
]
