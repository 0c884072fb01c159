"""``kg build --dask ADDRESS`` on a real Dask cluster: the same graph as a local build.

The cluster is started here: a ``dask scheduler`` and two ``dask worker``
processes on 127.0.0.1 (the commands a user runs), or a LocalCluster.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from kg.config import Settings  # noqa: E402
from kg.errors import KGError  # noqa: E402
from kg.pipeline import build  # noqa: E402

from tests.test_pipeline import LINKED  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler() -> str:
    """A scheduler and two one-thread workers, started as a user starts them."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", str(port), "--dashboard-address", ":0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)]
    procs += [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                "--host", "127.0.0.1", "--dashboard-address", ":0", "--no-nanny"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env) for _ in range(2)]
    try:
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=max(deadline - time.monotonic(), 1))
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(LINKED):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    return corpus


def test_a_dask_build_writes_the_local_graph(tmp_path: Path, scheduler: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "TASK_DOCUMENTS", 2)  # three tasks over two workers
    corpus = _corpus(tmp_path)
    local = build([corpus], tmp_path / "local", html=False)
    remote = build([corpus], tmp_path / "dask", html=False, dask=scheduler)
    assert (remote.documents, remote.words) == (local.documents, local.words) == (len(LINKED), local.words)
    assert (tmp_path / "dask/graph.ttl").read_bytes() == (tmp_path / "local/graph.ttl").read_bytes()
    again = build([corpus], tmp_path / "dask", html=False, dask=scheduler)
    assert (again.documents, again.skipped) == (0, len(LINKED))


def test_the_cli_builds_on_the_cluster(tmp_path: Path, scheduler: str) -> None:
    corpus = _corpus(tmp_path)
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(tmp_path / "out"),
                           "--no-html", "--dask", scheduler], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{len(LINKED)} new document(s)" in done.stdout
    assert (tmp_path / "out/graph.ttl").stat().st_size > 1000


def test_no_scheduler_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "CONNECT_SECONDS", 2)
    address = f"tcp://127.0.0.1:{_free_port()}"
    with pytest.raises(KGError, match="no Dask scheduler answers at"):
        build([_corpus(tmp_path)], tmp_path / "out", Settings(), html=False, dask=address)
