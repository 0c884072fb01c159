"""The end of a build: graph.ttl written by another process, the process ended at once,
and workers that keep their freed memory. The outputs must not change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.graph.store import GraphStore

EX = "https://example.org/id/"
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def _quads(start: int, count: int) -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(f"{EX}e{i}"), LABEL, ox.Literal(f'name "{i}" é')) for i in range(start, start + count)]


def _store(path: Path, parts: int = 30) -> GraphStore:
    store = GraphStore.open_build(path)
    for part in range(parts):  # many small transactions and flushes: files for compactions to merge
        store.add_atomic(_quads(part * 200, 200))
        store.flush()
    return store


def test_dump_apart_gives_the_bytes_of_dump_turtle(tmp_path: Path) -> None:
    store = _store(tmp_path / "out")
    store.dump_turtle(tmp_path / "here.ttl")
    dumping = store.dump_turtle_apart(tmp_path / "out" / "graph.ttl")
    assert dumping.process is not None  # really another process
    store.add_atomic(_quads(10_000, 500))  # this process goes on writing: the other reads its checkpoint
    store.flush()
    dumping.wait()
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "here.ttl").read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "store"]  # no checkpoint left


def test_a_checkpoint_left_by_a_killed_build_goes(tmp_path: Path) -> None:
    store = _store(tmp_path / "out", parts=2)
    left = tmp_path / "out" / ".graph.ttl.0123456789ab.tmp.store"
    store.store.backup(str(left))  # as a build killed mid-dump leaves it
    Path(str(left)[:-len(".store")]).write_text("half a file")
    store.dump_turtle_apart(tmp_path / "out" / "graph.ttl").wait()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "store"]


def test_a_failed_dump_apart_is_written_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.graph.store as module

    store = _store(tmp_path / "out", parts=2)
    store.dump_turtle(tmp_path / "here.ttl")
    monkeypatch.setattr(module, "_DUMP_TURTLE", "raise SystemExit(3)")
    dumping = store.dump_turtle_apart(tmp_path / "out" / "graph.ttl")
    dumping.wait()
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == (tmp_path / "here.ttl").read_bytes()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "store"]


def test_a_cancelled_dump_apart_leaves_the_old_file(tmp_path: Path) -> None:
    store = _store(tmp_path / "out", parts=2)
    (tmp_path / "out" / "graph.ttl").write_text("old")
    store.dump_turtle_apart(tmp_path / "out" / "graph.ttl").cancel()
    assert (tmp_path / "out" / "graph.ttl").read_text() == "old"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "store"]


def test_a_store_in_memory_is_dumped_at_once(tmp_path: Path) -> None:
    store = GraphStore.memory()
    store.add_atomic(_quads(0, 3))
    dumping = store.dump_turtle_apart(tmp_path / "graph.ttl")
    assert dumping.process is None and (tmp_path / "graph.ttl").exists()
    dumping.wait()  # nothing left to do
    assert (tmp_path / "graph.ttl").read_bytes().count(b"rdfs:label") == 3


def test_build_with_workers_and_without_write_the_same_files(tmp_path: Path) -> None:
    """Two workers write graph.ttl from another process, one worker here: the same bytes,
    and each process's summary is printed whole before it ends (os._exit after a build)."""
    from kg.ingest import sample_corpus_path

    texts = sorted(Path(sample_corpus_path()).glob("*.txt"))[:3]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        done = subprocess.run([sys.executable, "-m", "kg", "build", *map(str, texts), "-o", str(out),
                               "--no-html", "--n-process", workers], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"built {out}: ") and " new document(s), " in done.stdout
        assert done.stdout.rstrip().endswith(f"wrote {out / 'graph.ttl'}")
        outputs[workers] = (out / "graph.ttl").read_bytes()
        assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "projection.sqlite", "store"]
    assert outputs["1"] == outputs["2"]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_build_writes_graph_ttl_apart_with_the_same_bytes(tmp_path: Path, workers: int,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """graph.ttl from another process (as for 100 documents and more) and from this one: the same bytes."""
    import kg.pipeline as pipeline
    from kg.config import Settings
    from kg.ingest import sample_corpus_path

    apart: list[Path] = []
    dump_apart = GraphStore.dump_turtle_apart

    def spied(self: GraphStore, path: Path):  # type: ignore[no-untyped-def]
        apart.append(path)
        return dump_apart(self, path)

    monkeypatch.setattr(GraphStore, "dump_turtle_apart", spied)
    monkeypatch.setattr(pipeline, "_apart", lambda settings, dask: True)  # as on two cores or more
    texts = sorted(Path(sample_corpus_path()).glob("*.txt"))[:2]
    written = {}
    for name, least in (("apart", 1), ("here", 10**9)):
        monkeypatch.setattr(pipeline, "APART_DOCUMENTS", least)
        out = tmp_path / name
        report = pipeline.build(texts, out, Settings(n_process=workers), html=False)
        assert report.documents == 2 and not report.ttl_skipped
        written[name] = (out / "graph.ttl").read_bytes()
        assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "projection.sqlite", "store"]
    assert apart == [tmp_path / "apart" / "graph.ttl"]
    assert written["apart"] == written["here"]


def test_run_ends_with_main_s_status(tmp_path: Path) -> None:
    """``kg build`` on a file that is not there: the error line, then status 1 (quick exit)."""
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "nope.txt"), "-o",
                           str(tmp_path / "out"), "--no-html"], capture_output=True, text=True)
    assert done.returncode == 1
    assert "nope.txt" in done.stderr


def test_workers_keep_freed_memory() -> None:
    from kg.distributed import _keep_freed_memory

    _keep_freed_memory()  # sets glibc's thresholds; anywhere else, does nothing
