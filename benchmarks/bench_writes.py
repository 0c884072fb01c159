"""What crash safety and the outputs cost: store writes by transaction size, graph.ttl, graph.html.

Usage: python benchmarks/bench_writes.py [--docs N] [--repeat R]

Extracts N Re-DocRED dev documents once (``../shared/data/redocred/dev.json``),
then writes the same quads, in the same order, to fresh on-disk stores:

* ``bulk_extend``, 50,000 quads a call (kg's writes before transactions: not atomic);
* ``extend`` (one transaction) per document;
* ``extend`` per batch of whole documents reaching 50,000 quads (kg's default);

and times, on the finished store, ``counts`` (the build summary), writing
``graph.ttl``, and writing ``graph.html`` (networkx view + page). Each write
figure is the best of R runs. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "redocred" / "dev.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pyoxigraph as ox

    from kg.analysis import counts, to_networkx
    from kg.config import Settings
    from kg.graph.rdf import to_quads
    from kg.graph.store import GraphStore
    from kg.pipeline import Pipeline
    from kg.types import Document
    from kg.viz import write_html

    records = json.loads(DEV.read_text(encoding="utf-8"))[: args.docs]
    documents = [Document.from_text(" ".join(" ".join(s) for s in r["sents"]), f"redocred:{i}")
                 for i, r in enumerate(records)]
    settings = Settings()
    pipeline = Pipeline(settings)
    started = time.perf_counter()
    per_doc = [list(to_quads(g, pipeline.lexicon, settings.base_iri))
               for g in pipeline.extract_many(documents)]
    extract_seconds = time.perf_counter() - started
    quads = sum(map(len, per_doc))

    def bulk(store: ox.Store) -> None:
        pending: list[Any] = []
        for doc in per_doc:
            pending += doc
            if len(pending) >= 50_000:
                store.bulk_extend(pending)
                pending = []
        store.bulk_extend(pending)

    def per_document(store: ox.Store) -> None:
        for doc in per_doc:
            store.extend(doc)

    def batched(store: ox.Store) -> None:
        pending: list[Any] = []
        for doc in per_doc:
            pending += doc
            if len(pending) >= 50_000:
                store.extend(pending)
                pending = []
        store.extend(pending)

    def best(write: Callable[[ox.Store], None]) -> float:
        times = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                store = ox.Store(str(Path(tmp) / "store"))
                t = time.perf_counter()
                write(store)
                store.flush()
                times.append(time.perf_counter() - t)
                del store
        return min(times)

    writes = {name: round(best(f), 3) for name, f in
              (("bulk_extend_50k", bulk), ("extend_per_document", per_document),
               ("extend_per_50k_whole_documents", batched))}

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        store = GraphStore.open_build(out)
        per_document(store.store)
        timings = {}
        for name, step in (("counts", lambda: counts(store)),
                           ("graph_ttl", lambda: store.dump_turtle(out / "graph.ttl")),
                           ("graph_html", lambda: write_html(to_networkx(store), out / "graph.html"))):
            t = time.perf_counter()
            step()
            timings[name] = round(time.perf_counter() - t, 3)
        ttl_bytes = (out / "graph.ttl").stat().st_size
        html_bytes = (out / "graph.html").stat().st_size

    print(json.dumps({
        "documents": len(per_doc), "quads": quads, "extract_seconds": round(extract_seconds, 1),
        "write_seconds": writes,
        "per_document_over_bulk": round(writes["extend_per_document"] / writes["bulk_extend_50k"], 2),
        "outputs_seconds": timings, "graph_ttl_bytes": ttl_bytes, "graph_html_bytes": html_bytes,
    }, indent=2))


if __name__ == "__main__":
    main()
