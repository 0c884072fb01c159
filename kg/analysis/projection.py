"""The entity graph kept with a build: ``OUT/projection.sqlite``, updated, not rebuilt.

Every analysis command needs the same thing: entities (IRI, class, label,
other names, how many documents mention them) and the asserted relations
between them (subject, property, object, best confidence, how many evidence
records). Reading that from the whole store takes tens of seconds on a big
build (:func:`kg.analysis.view.to_networkx`: 37 s for 163,000 entities), so a
build keeps it in an SQLite file beside the store:

=========  ===============================================================
table      holds
=========  ===============================================================
nodes      iri (key), cls, label, alts ("; "-joined), mentions
names      folded label or alt label -> iri (indexed: name lookups)
keys       :func:`~kg.extract.naming.name_key` of a label or alt label -> iri
           (indexed: the alias index of a build, :meth:`Projection.keyed`)
edges      s, p, o (key), confidence, evidence (records); indexed on s, o
meta       ``version`` (raised on each change), ``stamp`` (:func:`stamp` of the
           store when the projection last matched it)
cache      whole-graph metrics (:mod:`kg.analysis.cached`), keyed by version
=========  ===============================================================

SQLite rather than arrays: ``kg path`` and ``kg neighbors`` read only the rows
they touch through the indexes (a 2-hop neighbourhood of a hub in a 163,000-entity
build reads a few hundred rows), and an update rewrites only the touched rows;
loading every edge for the whole-graph metrics is one scan (~0.2 s for 116,000).

``kg build`` and ``kg remove`` call :meth:`Projection.refresh` with the
entities their documents touched (:func:`touched_by` for a removal, read before
it): their rows are read again from the store's indexes for just those
entities, which gives the rows a rebuild would. A projection whose recorded
:func:`stamp` differs from the store's (an older build, a store changed by
another tool) is stale: :meth:`Projection.open` rebuilds it once from the store
and saves it. The stamp counts documents, evidence records and labels (0.2 s
on a 50,000-document build, where counting every quad takes 1.6 s): a change
that adds or removes a document, a relation's evidence or an entity is seen;
one that rewrites a triple in place is not.

The answers are those of :func:`kg.analysis.view.to_networkx`: the same nodes
(entities of the ontology's classes that have a label), the same edges
(relations to an entity with at least one evidence record in the default
graph; a symmetric property's two directions are one edge, the smaller IRI
first) and the same attributes.

What is read from the store (the rows, :func:`stamp`, :func:`touched_by`,
:func:`add_evidence`) is in :mod:`kg.analysis.store_rows`; this module keeps the
SQLite file: its tables, their updates and the queries over them.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.analysis.store_rows import add_evidence, chunks, edge_rows, node_rows, stamp, touched_by
from kg.lexicon import load_lexicon

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.store import GraphStore

__all__ = ["PROJECTION_FILE", "Follow", "Projection", "add_evidence", "fold", "stamp", "touched_by"]

PROJECTION_FILE = "projection.sqlite"
#: Raised when the tables change shape: an older file is then rebuilt.
FORMAT = 2

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE nodes(iri TEXT PRIMARY KEY, cls TEXT, label TEXT, alts TEXT, mentions INTEGER) WITHOUT ROWID;
CREATE TABLE names(name TEXT, iri TEXT, alt INTEGER);
CREATE INDEX names_name ON names(name);
CREATE INDEX names_iri ON names(iri);
CREATE TABLE keys(key TEXT, iri TEXT);
CREATE INDEX keys_key ON keys(key);
CREATE INDEX keys_iri ON keys(iri);
CREATE TABLE edges(s TEXT, p TEXT, o TEXT, confidence REAL, evidence INTEGER,
                   PRIMARY KEY(s, p, o)) WITHOUT ROWID;
CREATE INDEX edges_o ON edges(o);
CREATE TABLE cache(name TEXT PRIMARY KEY, version INTEGER, value TEXT);
"""


def fold(text: Any) -> str:
    """A name as lookups compare it: casefolded, single spaces (as :mod:`kg.analysis.lookup`)."""
    return " ".join(str(text).casefold().split())


class Projection:
    """The kept entity graph of one build (see the module docstring)."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db

    # -- opening, rebuilding, refreshing ---------------------------------------------------

    @classmethod
    def open(cls, out: str | Path, store: GraphStore | None = None) -> Projection:
        """The projection of the build in ``out``, rebuilt from the store first if it
        is missing or stale (its quad count is not the store's)."""
        from kg.graph.store import GraphStore

        path = Path(out) / PROJECTION_FILE
        if store is None:
            store = GraphStore.open_build(out, read_only=True)
        now = stamp(store)
        found = cls._connect(path) if path.exists() else None
        if found is not None and found.meta("format") == str(FORMAT) and found.meta("stamp") == now:
            return found
        version = int(found.meta("version") or 0) if found is not None else 0
        if found is not None:
            found.db.close()
        return cls.rebuild(out, store, version=version + 1, now=now)

    @classmethod
    def rebuild(cls, out: str | Path, store: GraphStore, *, version: int = 1,
                now: str | None = None) -> Projection:
        """Read the whole entity graph from the store into a new file (atomically replaced)."""
        path = Path(out) / PROJECTION_FILE
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        db = sqlite3.connect(tmp)
        try:
            db.executescript(_SCHEMA)
            projection = cls(tmp, db)
            nodes = list(node_rows(store, None))
            projection._write_nodes(nodes)
            projection._write_edges(edge_rows(store, None, known={row[0] for row in nodes}))
            projection._set_meta(version=version, stamp=stamp(store) if now is None else now)
            db.commit()
            db.close()
            os.replace(tmp, path)
        except BaseException:
            db.close()
            tmp.unlink(missing_ok=True)
            raise
        return cls._connect(path)

    def refresh(self, store: GraphStore, touched: Iterable[str], *, before: str | None) -> Projection:
        """Bring the rows of the ``touched`` entities (and their relations) up to date
        with the store after a change; a projection that was already stale before the
        change (``before``, the store's :func:`stamp` then, is not its) is rebuilt instead."""
        if before is None or self.meta("stamp") != before or self.meta("format") != str(FORMAT):
            out, version = self.path.parent, int(self.meta("version") or 0) + 1
            self.db.close()
            return Projection.rebuild(out, store, version=version)
        touched = sorted(set(touched))
        with self.db:
            for chunk in chunks(touched):
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM nodes WHERE iri IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM names WHERE iri IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM keys WHERE iri IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM edges WHERE s IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM edges WHERE o IN ({marks})", chunk)
            self._write_nodes(node_rows(store, touched))
            rows = edge_rows(store, touched)
            self._write_edges(r for r in rows if self._has_node(r[0]) and self._has_node(r[2]))
            self._set_meta(version=int(self.meta("version") or 0) + 1, stamp=stamp(store))
        return self

    @classmethod
    def _connect(cls, path: Path) -> Projection:
        return cls(path, sqlite3.connect(path))

    def _write_nodes(self, rows: Iterable[tuple[str, str, str, str, int, tuple[str, ...]]]) -> None:
        rows = list(rows)
        self.db.executemany("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?, ?)", [r[:5] for r in rows])
        names = [(fold(label), iri, 0) for iri, _, label, _, _, _ in rows]
        names += [(fold(a), iri, 1) for iri, _, _, alts, _, _ in rows for a in alts.split(";") if a.strip()]
        self.db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
        self.db.executemany("INSERT INTO keys VALUES (?, ?)", [(k, r[0]) for r in rows for k in r[5]])

    def _write_edges(self, rows: Iterable[tuple[str, str, str, float, int]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?)", rows)

    def _set_meta(self, **values: Any) -> None:
        values.setdefault("format", FORMAT)
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in values.items()])

    def _has_node(self, iri: str) -> bool:
        return self.db.execute("SELECT 1 FROM nodes WHERE iri = ?", (iri,)).fetchone() is not None

    # -- reading ---------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    @property
    def version(self) -> int:
        """Raised by every change: cached metrics of another version are out of date."""
        return int(self.meta("version") or 0)

    def node_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM nodes").fetchone()[0])

    def edge_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM edges").fetchone()[0])

    def node(self, iri: str) -> dict[str, Any] | None:
        """A node's attributes as :func:`~kg.analysis.view.to_networkx` gives them."""
        row = self.db.execute("SELECT cls, label, alts, mentions FROM nodes WHERE iri = ?", (iri,)).fetchone()
        return None if row is None else {"label": row[1], "cls": row[0], "alt_labels": row[2], "mentions": row[3]}

    def nodes(self, iris: Iterable[str] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """(iri, attributes) of the given nodes, or of every node."""
        query = "SELECT iri, cls, label, alts, mentions FROM nodes"
        batches = [self.db.execute(query)] if iris is None else (
            self.db.execute(f"{query} WHERE iri IN ({','.join('?' * len(c))})", c) for c in chunks(list(iris)))
        for rows in batches:
            for iri, cls, label, alts, mentions in rows:
                yield iri, {"label": label, "cls": cls, "alt_labels": alts, "mentions": mentions}

    def edges(self, iris: Iterable[str] | None = None) -> Iterator[tuple[str, str, str, float, int]]:
        """(s, p, o, confidence, evidence) of the relations in and out of the given
        nodes (each once), or of every relation."""
        if iris is None:
            yield from self.db.execute("SELECT s, p, o, confidence, evidence FROM edges")
            return
        seen: set[tuple[str, str, str]] = set()
        for chunk in chunks(list(iris)):
            marks = ",".join("?" * len(chunk))
            for row in self.db.execute(f"SELECT s, p, o, confidence, evidence FROM edges WHERE s IN ({marks}) "
                                       f"UNION ALL SELECT s, p, o, confidence, evidence FROM edges "
                                       f"WHERE o IN ({marks})", chunk + chunk):
                if row[:3] not in seen:
                    seen.add(row[:3])
                    yield row

    def adjacent(self, iris: list[str]) -> dict[str, list[str]]:
        """Each node's neighbours in the undirected simple view, sorted (the order
        :func:`~kg.analysis.view.simple_undirected` gives them), self-loops left out."""
        found: dict[str, set[str]] = {iri: set() for iri in iris}
        for chunk in chunks(iris):
            marks = ",".join("?" * len(chunk))
            for a, b in self.db.execute(f"SELECT s, o FROM edges WHERE s IN ({marks}) UNION ALL "
                                        f"SELECT o, s FROM edges WHERE o IN ({marks})", chunk + chunk):
                if a != b:
                    found[a].add(b)
        return {iri: sorted(n) for iri, n in found.items()}

    def named(self, name: str) -> tuple[list[str], list[str]]:
        """IRIs whose folded label is ``name``, and those with it as an alt label."""
        rows = self.db.execute("SELECT DISTINCT iri, alt FROM names WHERE name = ?", (fold(name),)).fetchall()
        return sorted(i for i, alt in rows if not alt), sorted({i for i, alt in rows if alt})

    def keyed(self, key: str) -> list[str]:
        """IRIs of the entities with a label or alt label whose
        :func:`~kg.extract.naming.name_key` is ``key``, sorted."""
        rows = self.db.execute("SELECT DISTINCT iri FROM keys WHERE key = ?", (key,)).fetchall()
        return sorted(iri for (iri,) in rows)

    @classmethod
    def matching(cls, out: str | Path, now: str) -> Projection | None:
        """The projection of the build in ``out`` if it matches the store whose
        :func:`stamp` is ``now`` (and has this module's tables), else ``None``: no rebuild."""
        path = Path(out) / PROJECTION_FILE
        if not path.exists():
            return None
        found = cls._connect(path)
        if found.meta("format") == str(FORMAT) and found.meta("stamp") == now:
            return found
        found.close()
        return None

    def top_degree(self, cls: str, count: int) -> list[str]:
        """The ``count`` entities of a class with the most relations (for benchmarks and tests)."""
        rows = self.db.execute(
            "SELECT n.iri, (SELECT COUNT(*) FROM edges WHERE s = n.iri) + (SELECT COUNT(*) FROM edges WHERE o = n.iri)"
            " AS d FROM nodes n WHERE n.cls = ? ORDER BY d DESC, n.iri LIMIT ?", (cls, count)).fetchall()
        return [iri for iri, _ in rows]

    def name_of(self, iri: str) -> str:
        """``"Label (Class)"`` or the IRI when the label is shared: a name that finds only it."""
        data = self.node(iri)
        if data is None:
            return iri
        labels, alts = self.named(data["label"])
        return data["label"] if labels == [iri] and not alts else iri

    def to_networkx(self, *, evidence: bool = False, store: GraphStore | None = None) -> nx.MultiDiGraph:
        """The whole graph as :func:`~kg.analysis.view.to_networkx` builds it; with
        ``evidence`` (and the ``store``) each edge's evidence too, else an empty list
        (and ``sentence`` empty): fill the edges shown with :func:`add_evidence`."""
        return self.subgraph(None, evidence=evidence, store=store)

    def subgraph(self, iris: Iterable[str] | None, *, edges: Iterable[tuple[str, str, str]] | None = None,
                 evidence: bool = True, store: GraphStore | None = None) -> nx.MultiDiGraph:
        """The nodes ``iris`` (every node: ``None``) with the given edges (default:
        every edge among them) as a ``MultiDiGraph`` like ``to_networkx``'s."""
        import networkx as nx

        lexicon = load_lexicon()
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(self.nodes(None if iris is None else sorted(set(iris))))
        if edges is None:
            rows = self.edges(None if iris is None else list(graph.nodes))
            chosen = [(s, p, o, c) for s, p, o, c, _ in rows if s in graph and o in graph]
        else:
            wanted = set(edges)
            rows = self.edges(sorted({n for e in wanted for n in (e[0], e[2])}))
            chosen = [(s, p, o, c) for s, p, o, c, _ in rows if (s, p, o) in wanted]
        for s, p, o, c in sorted(chosen):
            graph.add_edge(s, o, key=p, predicate=p, label=lexicon.label_of(p), confidence=c,
                           sentence="", evidence=[])
        if evidence and store is not None:
            add_evidence(graph, store)
        return graph

    def close(self) -> None:
        self.db.close()


class Follow:
    """A build's or removal's changes, followed into its projection.

    Made before the change (it notes the store's quad count), told of each
    document added (:meth:`added`) and of documents about to be removed
    (:meth:`removing`), then :meth:`finish` refreshes the rows of the entities
    they touched; a missing projection is made from the store, a stale one remade.
    """

    def __init__(self, out: str | Path, store: GraphStore) -> None:
        self.out = Path(out)
        self.before = stamp(store)
        self.touched: set[str] = set()

    def added(self, graph: Any) -> None:
        """A :class:`~kg.types.DocumentGraph` written to the store."""
        ends = [e.iri for e in graph.entities]
        for r in graph.relations:
            ends += [r.subject] if r.object_is_literal else [r.subject, r.obj]
        self.touched.update(e for e in ends if ":" in e)  # IRIs (a relation's value may be text)

    def removing(self, store: GraphStore, documents: Iterable[str]) -> None:
        """Documents (IRIs) about to be removed: note what they touch while it is there."""
        self.touched |= touched_by(store, documents)

    def finish(self, store: GraphStore) -> Projection:
        path = self.out / PROJECTION_FILE
        if not path.exists():
            return Projection.rebuild(self.out, store)
        return Projection._connect(path).refresh(store, self.touched, before=self.before)
