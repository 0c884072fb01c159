"""Where the triples live: an embedded Oxigraph store, on disk or in memory.

A build directory holds the store in ``store/``; an RDF file (Turtle,
N-Triples, TriG, ...) opens as an in-memory store. Both answer SPARQL with
the ontology's prefixes predeclared.

Examples
--------
>>> store = GraphStore.memory()
>>> store.add_quads([])
>>> store.query("ASK { ?s ?p ?o }")
<QueryBoolean false>
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.errors import SourceError
from kg.files import replacing
from kg.graph.formats import rdf_suffixes
from kg.vocab import PREFIXES

STORE_DIR = "store"
#: The RDF files :meth:`GraphStore.open_source` reads, by suffix (from :mod:`kg.graph.formats`).
RDF_SUFFIXES = rdf_suffixes()


class GraphStore:
    """A small interface over ``pyoxigraph.Store``: add, ask, query, dump."""

    def __init__(self, store: ox.Store, location: str) -> None:
        self.store = store
        self.location = location

    @classmethod
    def memory(cls) -> GraphStore:
        return cls(ox.Store(), "<memory>")

    @classmethod
    def open_build(cls, directory: str | Path, *, read_only: bool = False) -> GraphStore:
        """Open (or, unless read-only, create) the store of a build directory."""
        path = Path(directory) / STORE_DIR
        try:
            if read_only:
                if not path.is_dir():
                    raise SourceError(f"{directory}: not a kg build directory (no {STORE_DIR}/ inside); run 'kg build -o {directory}' first")
                return cls(ox.Store.read_only(str(path)), str(path))
            path.mkdir(parents=True, exist_ok=True)
            return cls(ox.Store(str(path)), str(path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise SourceError(f"{directory}: the store is busy: another kg build or remove is "
                                  "writing to it; run this again when it has finished") from e
            raise SourceError(f"{path}: cannot open the store: {e}") from e

    @classmethod
    def open_source(cls, source: str | Path) -> GraphStore:
        """A build directory or an RDF file, for reading."""
        path = Path(source)
        if path.is_dir():
            return cls.open_build(path, read_only=True)
        if not path.exists():
            raise SourceError(f"{source}: no such build directory or RDF file")
        fmt = RDF_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            raise SourceError(
                f"{source}: unknown RDF file type {path.suffix!r}; "
                f"use one of {', '.join(sorted(RDF_SUFFIXES))} or a build directory"
            )
        store = cls.memory()
        try:
            store.store.bulk_load(path=str(path), format=fmt)
        except SyntaxError as e:
            raise SourceError(f"{source}: not valid RDF: {e}") from e
        store.location = str(path)
        return store

    def add_quads(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in bulk (duplicates are no-ops); not atomic: an interrupted
        call may leave some of them in (see :meth:`add_atomic`)."""
        self.store.bulk_extend(quads)

    def add_atomic(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one transaction: all of them or, if interrupted, none."""
        self.store.extend(quads)

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction."""
        self.store.update(sparql)

    def query(self, sparql: str, *, union: bool = False):  # type: ignore[no-untyped-def]
        """Run SPARQL with the ontology's prefixes declared; see :mod:`kg.graph.query`."""
        return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union)

    def has(self, subject: str) -> bool:
        return bool(self.store.query(f"ASK {{ {ox.NamedNode(subject)} ?p ?o }}"))

    def dump_turtle(self, path: str | Path) -> None:
        """Write the default graph (not the quarantine) as Turtle (replacing ``path`` whole)."""
        self.dump(path, ox.RdfFormat.TURTLE, graph=ox.DefaultGraph())

    def dump(self, path: str | Path | None, fmt: ox.RdfFormat, *, graph=None) -> bytes | None:  # type: ignore[no-untyped-def]
        """``graph`` (``None``: every graph) in ``fmt``: returned as bytes, or written beside
        ``path`` and renamed onto it, so that a failed write leaves the old file as it was."""
        prefixes = PREFIXES if fmt in _PREFIXED else None
        if path is None:
            return self.store.dump(None, format=fmt, from_graph=graph, prefixes=prefixes)
        with replacing(path) as tmp:
            self.store.dump(str(tmp), format=fmt, from_graph=graph, prefixes=prefixes)
        return None

    def flush(self) -> None:
        try:
            self.store.flush()
        except (OSError, AttributeError):  # in-memory or read-only stores have nothing to flush
            pass

    def __len__(self) -> int:
        return len(self.store)



_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML}
