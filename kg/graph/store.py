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

import shutil
import subprocess
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

    def dump_turtle_apart(self, path: str | Path) -> Dumping:
        """Start writing the default graph as Turtle to ``path`` in another process (the
        same bytes as :meth:`dump_turtle`); this process goes on and calls
        :meth:`Dumping.wait`. The other process reads a checkpoint of the store
        (``Store.backup``: its files hard-linked, 2 ms), which this one's compactions
        cannot change under it. A store in memory is dumped here and now."""
        dumping = Dumping(self, Path(path))
        if self.location == "<memory>" or not Path(self.location).is_dir():
            dumping.wait()
        else:
            dumping.start()
        return dumping

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

#: What :meth:`GraphStore.dump_turtle_apart`'s process runs: pyoxigraph alone (kg's
#: imports would add 0.2 s), the checkpoint read-only, the default graph with kg's prefixes.
_DUMP_TURTLE = ("import json, sys, pyoxigraph as ox\n"
                "ox.Store.read_only(sys.argv[1]).dump(sys.argv[2], format=ox.RdfFormat.TURTLE, "
                "from_graph=ox.DefaultGraph(), prefixes=json.loads(sys.argv[3]))\n")


class Dumping:
    """graph.ttl being written by another process (:meth:`GraphStore.dump_turtle_apart`).

    The process writes beside ``path``; :meth:`wait` renames its file onto ``path``
    (:class:`kg.files.replacing`: readers see the old file or the new one) and
    deletes the checkpoint. Should the process fail, :meth:`wait` writes the file
    here instead, so the result is the same either way.
    """

    def __init__(self, store: GraphStore, path: Path) -> None:
        self.store, self.path = store, path
        self.process: subprocess.Popen[bytes] | None = None
        self.target: replacing | None = None
        self.checkpoint: Path | None = None

    def start(self) -> None:
        import json
        import sys

        # A checkpoint (and half a file) left by a build killed while it wrote: this process
        # holds the store's lock, so no other is writing one; the checkpoint would keep the
        # files its store has since compacted away.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp.store"):
            shutil.rmtree(stale, ignore_errors=True)
            Path(str(stale)[:-len(".store")]).unlink(missing_ok=True)
        self.target = replacing(self.path)
        tmp = self.target.__enter__()
        self.checkpoint = tmp.with_name(tmp.name + ".store")
        try:
            self.store.store.backup(str(self.checkpoint))
            self.process = subprocess.Popen([sys.executable, "-c", _DUMP_TURTLE, str(self.checkpoint), str(tmp),
                                             json.dumps(PREFIXES)], stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except Exception:  # no checkpoint or no process: wait() writes the file here
            self.cancel()

    def cancel(self) -> None:
        """Stop the other process and drop its file (``path`` stays as it was)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
        if self.target is not None:
            self.target.__exit__(RuntimeError, None, None)
            self.target = None
        self._drop_checkpoint()

    def wait(self) -> None:
        """Wait for the other process and put its file in place (or write it here)."""
        if self.process is not None and self.target is not None:
            done = self.process.wait() == 0
            self.target.__exit__(None if done else RuntimeError, None, None)
            self.process = None
            self._drop_checkpoint()
            if done:
                return
        self.store.dump_turtle(self.path)

    def _drop_checkpoint(self) -> None:
        if self.checkpoint is not None:
            shutil.rmtree(self.checkpoint, ignore_errors=True)
            self.checkpoint = None
