"""``KnowledgeGraph``: a built graph with the same verbs as the command line.

Examples
--------
>>> import kg, tempfile
>>> graph = kg.build(out=tempfile.mkdtemp())
>>> graph.query("ASK { ?e a kg:Organization }")
True
>>> graph.to_networkx().number_of_nodes() > 10
True
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kg.graph.store import GraphStore

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.remote import Endpoints, RemoteStore  # imported when a server is named

    from kg.analysis import GraphPath, Neighborhood, Stats
    from kg.analysis.projection import Projection
    from kg.pipeline import BuildReport

ExportFormat = Literal["turtle", "nt", "nq", "trig", "json-ld", "jsonld", "xml"]
ExportTarget = Literal["graphml", "gexf", "json", "csv", "turtle", "nt", "json-ld", "jsonld", "trig",
                       "nq", "xml"]


class KnowledgeGraph:
    """A graph in a build directory, an RDF file or a SPARQL server, opened for reading."""

    def __init__(self, source: str | Path, report: BuildReport | None = None, *,
                 remote: Endpoints | None = None) -> None:
        self.remote = remote
        self.source = Path(source) if remote is None else source
        self.report = report
        self._store: GraphStore | RemoteStore | None = None

    @property
    def store(self) -> GraphStore | RemoteStore:
        """The store, opened read-only; a build directory is reopened on each use
        (~20 ms) so that a later ``kg build`` into it is seen; a server is asked each time."""
        if self.remote is not None:
            if self._store is None:
                from kg.graph.remote import RemoteStore

                self._store = RemoteStore.open(self.remote)
            return self._store
        if self._store is None or self.source.is_dir():
            self._store = GraphStore.open_source(self.source)
        return self._store

    def query(self, sparql: str, fmt: str | None = None):  # type: ignore[no-untyped-def]
        """Run SPARQL. Without ``fmt``: SELECT gives a list of dicts of plain
        values, ASK a bool, CONSTRUCT/DESCRIBE a list of triples; with
        ``fmt`` ("table", "csv", "json") the formatted text."""
        import pyoxigraph as ox

        from kg.graph.query import format_result, run_query

        from kg.errors import QueryError

        result = run_query(self.store, sparql)
        if fmt is not None:
            return format_result(result, fmt)  # type: ignore[arg-type]
        try:
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if isinstance(result, ox.QueryTriples):
                return list(result)
            names = [v.value for v in result.variables]
            return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in result]
        except OSError as e:  # results stream: a failing SERVICE call surfaces here
            raise QueryError(f"query failed: {' '.join(str(e).split())}") from e

    def to_networkx(self) -> nx.MultiDiGraph:
        from kg.analysis import to_networkx

        return to_networkx(self.store)

    def projection(self) -> Projection | None:
        """The entity graph kept with a build directory (:mod:`kg.analysis.projection`),
        rebuilt once if missing or stale; ``None`` for an RDF file or a server."""
        from kg.analysis.projection import Projection

        import sqlite3

        if self.remote is not None or not isinstance(self.source, Path) or not self.source.is_dir():
            return None
        try:
            return Projection.open(self.source, self.store)  # type: ignore[arg-type]
        except (OSError, sqlite3.Error):  # a build directory this user cannot write: read it whole
            return None

    def to_html(self, path: str | Path | None = None, **options) -> Path:  # type: ignore[no-untyped-def]
        """Write the interactive HTML graph (default: ``graph.html`` beside the store)."""
        from kg.viz import write_html

        if path is None and self.remote is not None:
            path = Path("graph.html")
        elif path is None:
            path = (self.source if self.source.is_dir() else self.source.parent) / "graph.html"
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        projection = self.projection()
        if projection is not None:
            from kg.analysis.cached import write_page

            return write_page(projection, self.store, path, **options)  # type: ignore[arg-type]
        from kg.analysis.stats import counts
        from kg.viz.page import header_totals

        options.setdefault("totals", header_totals(counts(self.store)))  # kg stats' counts in the header
        return write_html(self.to_networkx(), path, **options)

    def stats(self, top: int = 10, *, communities: bool | None = None) -> Stats:
        """Counts by class and property; the ``top`` entities by PageRank, degree
        and betweenness; Louvain communities; connected components."""
        from kg.analysis import stats
        from kg.analysis.stats import stats_of

        projection = self.projection()
        if projection is not None:  # metrics cached per version of the kept projection
            return stats_of(projection, self.store, top, communities=communities)  # type: ignore[arg-type]
        return stats(self.store, top, communities=communities)

    def path(self, source: str, target: str) -> GraphPath | None:
        """The shortest path between two entities (label, alt label or IRI, any
        case), following relations either way, with the evidence for each hop;
        ``None`` if they are not connected. An unknown or ambiguous name raises
        :class:`~kg.errors.EntityError` listing close matches."""
        from kg.analysis import answers, shortest_path

        projection = self.projection()
        if projection is not None:  # reads only the levels the search touches
            return answers.shortest_path(projection, self.store, source, target)  # type: ignore[arg-type]
        return shortest_path(self.to_networkx(), source, target)

    def neighbors(self, name: str, depth: int = 1) -> Neighborhood:
        """The relations in and out of an entity, out to ``depth`` hops, with evidence."""
        from kg.analysis import answers, neighbors

        projection = self.projection()
        if projection is not None:
            return answers.neighbors(projection, self.store, name, depth)  # type: ignore[arg-type]
        return neighbors(self.to_networkx(), name, depth)

    def export(self, path: str | Path | None, format: ExportTarget) -> Path | bytes:
        """Write GraphML, GEXF, node-link JSON, CSV (a directory: nodes.csv and
        edges.csv) or RDF; see :mod:`kg.graph.export`. Without a path, return the bytes."""
        from kg.graph.export import export

        return export(self, path, format)

    def serialize(self, path: str | Path | None = None, format: ExportFormat = "turtle") -> bytes | None:
        """The default graph in an RDF format (to ``path``, or returned as bytes);
        TriG and N-Quads hold every graph. ``format``: a name or alias from
        :mod:`kg.graph.formats`."""
        import pyoxigraph as ox

        from kg.graph import formats

        spec = formats.get(format)
        if spec.rdf is None or not spec.export:
            raise ValueError(f"{format!r} is not an RDF format kg writes; "
                             f"use one of {', '.join(formats.names(export=True, rdf=True))}")
        return self.store.dump(path, spec.rdf, graph=None if spec.quads else ox.DefaultGraph())

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.source)!r})"


def open_graph(source: str | Path | Endpoints) -> KnowledgeGraph:
    """Open a build directory, an RDF file, or a SPARQL server (its URL, or
    :class:`~kg.graph.remote.Endpoints` for one that is not Oxigraph)."""
    if isinstance(source, str) and source.startswith(("http://", "https://")):
        from kg.graph.remote import Endpoints

        source = Endpoints.from_url(source)
    remote = sys.modules.get("kg.graph.remote")  # not imported: no Endpoints was made
    if remote is not None and isinstance(source, remote.Endpoints):
        graph = KnowledgeGraph(source.url, remote=source)
    else:
        graph = KnowledgeGraph(source)
    graph.store  # fail now, with a clear message, if it cannot be opened
    return graph
