"""Upload speed into a SPARQL server: Graph Store POST against INSERT DATA batches.

Starts an Oxigraph server (``oxigraph serve``) and, when installed, Virtuoso on
127.0.0.1 over temporary directories, builds the seed article once, and times
:class:`kg.graph.remote.RemoteStore` writing (a) the seed's quads and (b) a
corpus-sized set: renamed copies of them, ``--quads`` in all (default 200,000,
about 2,000 news passages), each way the server takes them. Every run starts
on an emptied server and checks the count that arrives.

Run: python benchmarks/bench_remote.py [--quads 200000]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_remote import SEED, Server, free_port, oxigraph, virtuoso_ini  # noqa: E402

from kg.graph.remote import Endpoints, RemoteStore  # noqa: E402
from kg.graph.store import GraphStore  # noqa: E402
from kg.pipeline import build  # noqa: E402


def corpus(quads: list[ox.Quad], total: int) -> list[ox.Quad]:
    """Copies of ``quads`` with every kg IRI renamed per copy (``-1``, ``-2``...), ``total`` in all."""
    text = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).decode()
    iri = re.compile(r"<(https://w3id\.org/kg/id/(?!graph/)[^>]*)>")
    out: list[ox.Quad] = []
    copy = 0
    while len(out) < total:
        copy += 1
        out += ox.parse(iri.sub(rf"<\1-{copy}>", text).encode(), format=ox.RdfFormat.N_QUADS)
    return out[:total]


def empty(endpoints: Endpoints, quads: list[ox.Quad]) -> RemoteStore:
    """Virtuoso without kg's graphs (kg's default graph and the quarantine)."""
    plain = RemoteStore(replace(endpoints, graph=None))
    named = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    for graph in (endpoints.graph, *sorted(named)):
        plain.update(f"CLEAR SILENT GRAPH <{graph}>")
    return RemoteStore(endpoints)


def timed(store: RemoteStore, how: str, quads: list[ox.Quad]) -> float:
    started = time.perf_counter()
    if how == "atomic":
        for start in range(0, len(quads), 50_000):  # as a build commits: ~50,000 quads at a time
            store.add_atomic(quads[start:start + 50_000])
    else:
        store.add_quads(quads)
    seconds = time.perf_counter() - started
    assert len(store) == len(set(quads)), (how, len(store), len(set(quads)))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quads", type=int, default=200_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-remote-"))
    try:
        build([SEED], work / "seed", html=False)
        seed = list(GraphStore.open_build(work / "seed", read_only=True).store)
        sets = {"seed article": seed, f"{args.quads:,} quads": corpus(seed, args.quads)}
        print(f"{'server':10} {'how':42} " + " ".join(f"{name:>22}" for name in sets))
        oxigraph_ways = {  # a fresh server for each run
            "N-Quads POST to /store, bulk (add_quads)": lambda url: Endpoints.from_url(url),
            "N-Quads POST, 50k a transaction (atomic)": lambda url: Endpoints.from_url(url),
            "Graph Store POST per graph (standard)": lambda url: Endpoints.from_url(
                url, query="/query", graph_store="/store"),
            "INSERT DATA, 1,000 triples a request": lambda url: Endpoints.from_url(
                url, query="/query", update="/update"),
        }
        for how, endpoints_of in oxigraph_ways.items():
            cells = []
            for quads in sets.values():
                process, url = oxigraph(Path(tempfile.mkdtemp(dir=work)))
                try:
                    store = RemoteStore(endpoints_of(url))
                    seconds = timed(store, "atomic" if "atomic" in how else "", quads)
                finally:
                    process.stop()
                cells.append(f"{seconds:7.2f} s {len(quads) / seconds:8,.0f} q/s")
            print(f"{'Oxigraph':10} {how:42} " + " ".join(f"{c:>22}" for c in cells), flush=True)
        if shutil.which("virtuoso-t"):
            port = free_port()
            vurl = f"http://127.0.0.1:{port}"
            ini = virtuoso_ini(Path(tempfile.mkdtemp(dir=work)), free_port(), port)
            process = Server(["virtuoso-t", "+foreground", "+configfile", str(ini)],
                             f"{vurl}/sparql?query=ASK%7B%7D", wait=90)
            login = dict(query="/sparql", update="/sparql-auth", user="dba", password="dba", auth="digest",
                         graph="https://example.org/kg")
            try:
                for how, endpoints in {
                    "Graph Store POST per graph (digest)": Endpoints.from_url(
                        vurl, graph_store="/sparql-graph-crud-auth", **login),
                    "INSERT DATA, 1,000 triples a request": Endpoints.from_url(vurl, **login),
                }.items():
                    cells = []
                    for quads in sets.values():
                        seconds = timed(empty(endpoints, quads), "", quads)
                        cells.append(f"{seconds:7.2f} s {len(quads) / seconds:8,.0f} q/s")
                    print(f"{'Virtuoso':10} {how:42} " + " ".join(f"{c:>22}" for c in cells), flush=True)
            finally:
                process.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
