"""Review fixes in kg.graph: writes replace files whole, IRIs are written safely, no password in errors."""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.errors import SourceError
from kg.graph import export as export_module
from kg.graph.remote import Endpoints, RemoteStore
from kg.graph.store import GraphStore, replacing


def _store() -> GraphStore:
    store = GraphStore.memory()
    store.add_quads([ox.Quad(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal('say "hi"\n'))])
    return store


def test_dump_writes_whole_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old")
    _store().dump_turtle(path)
    assert "say" in path.read_text() and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_failed_dump_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "graph.nt"
    path.write_text("old")
    store = _store()

    class Failing:
        def dump(self, output, **kwargs):  # type: ignore[no-untyped-def]
            with open(output, "w") as f:
                f.write("half")
            raise OSError(28, "No space left on device")

    store.store = Failing()  # type: ignore[assignment]
    with pytest.raises(OSError):
        store.dump(path, ox.RdfFormat.N_TRIPLES)
    assert path.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_replacing_leaves_old_file_on_error(tmp_path):
    path = tmp_path / "nodes.csv"
    path.write_text("old")
    with pytest.raises(RuntimeError), replacing(path) as tmp:
        tmp.write_text("new, half")
        raise RuntimeError("interrupted")
    assert path.read_text() == "old" and len(list(tmp_path.iterdir())) == 1


def test_failed_export_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "graph.json"
    path.write_text("old")
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", cls="Person")

    class Graph:
        def to_networkx(self):  # type: ignore[no-untyped-def]
            return g

    def boom(graph, out):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    export_module.export(Graph(), path, "json")  # type: ignore[arg-type]
    assert '"nodes"' in path.read_text()
    monkeypatch.setitem(export_module.WRITERS, "json", boom)
    with pytest.raises(Exception):
        export_module.export(Graph(), path, "json")  # type: ignore[arg-type]
    assert '"nodes"' in path.read_text() and len(list(tmp_path.iterdir())) == 1


def test_has_refuses_a_subject_that_is_not_an_iri():
    store = _store()
    assert store.has("http://x/a") and not store.has("http://x/b")
    with pytest.raises(ValueError):  # before: the text was pasted into the query as SPARQL
        store.has("http://x/b> ?p ?o } UNION { ?s ?p ?o } #")


def test_remote_errors_do_not_show_a_password_in_the_url():
    store = RemoteStore(Endpoints.from_url("http://kg:s3cret@127.0.0.1:9"), timeout=0.5)
    assert "s3cret" not in repr(store)
    import kg.graph.remote as remote

    old = remote.RETRIES
    remote.RETRIES = 0
    try:
        with pytest.raises(SourceError) as caught:
            store.query("ASK { ?s ?p ?o }")
    finally:
        remote.RETRIES = old
    assert "s3cret" not in str(caught.value) and "kg@127.0.0.1:9" in str(caught.value)
    with pytest.raises(SourceError) as caught:
        Endpoints.from_url("ftp://kg:s3cret@host")
    assert "s3cret" not in str(caught.value)
