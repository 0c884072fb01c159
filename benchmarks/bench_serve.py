"""kg serve under load on loopback: latency percentiles and errors, bounded.

Usage: python benchmarks/bench_serve.py [OUT] [--queries 2000] [--clients 8]

Builds the bundled sample corpus into a temporary directory (or serves the
build OUT given), starts ``kg serve`` on a free 127.0.0.1 port, sends
``--queries`` SPARQL queries from ``--clients`` concurrent clients (each its own
thread, plain ``urllib``, one request at a time, a fresh connection each, as
SPARQLWrapper does), then stops the server. The queries cycle through a small
mix that kg's users run: organisations by name (JSON), who works where with the
evidence sentence (CSV), an entity's neighbourhood (CONSTRUCT, Turtle), counts
by class (XML), and an ASK. Prints the wall time, throughput, p50/p90/p99/max
latency and the number of errors (any status but 200, or a failed request),
and exits 1 if there were errors. Stops by itself: the number of queries is fixed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MIX = [
    ("application/sparql-results+json",
     "SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name } ORDER BY ?name"),
    ("text/csv",
     "SELECT ?person ?org ?sentence WHERE { ?p kg:worksFor ?o . ?p rdfs:label ?person . "
     "?o rdfs:label ?org . ?ev rdf:subject ?p ; rdf:predicate kg:worksFor ; rdf:object ?o ; "
     "kg:sentence ?sentence }"),
    ("text/turtle",
     "CONSTRUCT { ?e ?p ?x . ?y ?q ?e } WHERE { ?e rdfs:label \"Microsoft\" . "
     "{ ?e ?p ?x } UNION { ?y ?q ?e } }"),
    ("application/sparql-results+xml",
     "SELECT ?class (COUNT(?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class ORDER BY DESC(?n)"),
    ("application/sparql-results+json", "ASK { ?p a kg:Person ; kg:leads ?o }"),
]


def start(out: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(out), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    line = server.stdout.readline()  # type: ignore[union-attr]
    match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
    if not match:
        server.kill()
        sys.exit(f"kg serve did not start: {line}{server.stderr.read()}")  # type: ignore[union-attr]
    return server, match.group(1) + "/query"


def run(endpoint: str, queries: int, clients: int) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(queries))

    def client() -> None:
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            accept, query = MIX[i % len(MIX)]
            body = urllib.parse.urlencode({"query": query}).encode()
            request = urllib.request.Request(endpoint, data=body, headers={
                "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as reply:
                    reply.read()
                    ok = reply.status == 200
                    problem = f"status {reply.status}"
            except (urllib.error.URLError, OSError) as e:
                ok, problem = False, str(e)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if not ok:
                    errors.append(problem)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="build directory (default: build the sample corpus)")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()

    scratch = None
    out = args.out
    if out is None:
        from kg.pipeline import build

        scratch = Path(tempfile.mkdtemp(prefix="kg-bench-serve-"))
        out = scratch / "out"
        build(None, out, html=False, progress=False)
    server, endpoint = start(out)
    try:
        run(endpoint, len(MIX) * 2, 1)  # warm up: each query once or twice
        latencies, errors, wall = run(endpoint, args.queries, args.clients)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(15)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    ms = sorted(x * 1000 for x in latencies)
    pct = statistics.quantiles(ms, n=100, method="inclusive")
    print(f"{len(ms)} queries from {args.clients} clients in {wall:.1f} s ({len(ms) / wall:.0f} queries/s)")
    print(f"latency ms: p50 {pct[49]:.1f}  p90 {pct[89]:.1f}  p99 {pct[98]:.1f}  max {ms[-1]:.1f}")
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
