"""kg: knowledge graphs from text.

>>> import kg, tempfile
>>> graph = kg.build(out=tempfile.mkdtemp())   # the bundled sample corpus
>>> rows = graph.query("SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name }")
>>> any(r["name"] == "Microsoft" for r in rows)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from kg.config import Settings
from kg.errors import InputError, KGError, ModelError, OntologyError, QueryError, SourceError
from kg.graph.knowledge import KnowledgeGraph, open_graph
from kg.pipeline import BuildReport, extract

__all__ = [
    "build", "open_graph", "extract", "KnowledgeGraph", "BuildReport", "Settings",
    "KGError", "InputError", "ModelError", "OntologyError", "QueryError", "SourceError",
]
__version__ = "0.1.0"


def build(inputs: Iterable[str | Path] | str | Path | None = None, out: str | Path = "kg-out",
          settings: Settings | None = None, **options) -> KnowledgeGraph:  # type: ignore[no-untyped-def]
    """Build a graph from files, directories or globs into ``out`` and open it.

    ``options`` go to :func:`kg.pipeline.build` (``on_error``, ``html``,
    ``progress``, ``store``: a SPARQL server's URL). The returned graph's
    ``report`` says what was built.
    """
    from kg.pipeline import build as run

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    report = run(inputs, out, settings, **options)
    if options.get("store") is not None:
        graph = open_graph(options["store"])
        graph.report = report
        return graph
    return KnowledgeGraph(out, report)
