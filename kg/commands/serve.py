"""``kg serve``: a build as a read-only SPARQL endpoint."""

from __future__ import annotations

import argparse


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a build as a read-only SPARQL endpoint (Oxigraph's server), until Ctrl-C.

    /query (also /sparql) answers GET and POST (SPARQL 1.1 Protocol) in JSON, XML, CSV,
    TSV, Turtle, N-Triples or JSON-LD; / is a query editor (YASGUI, offline) and /graph
    the build's graph page. Updates, LOAD and SERVICE are refused. kg build into the
    same OUT while it runs: the endpoint answers from the old graph, then from the new
    one once the build has finished. Needs the oxigraph package (pip install oxigraph).
    Example: kg serve out
    Example: kg serve out --port 8000 --timeout 10 --max-results 1000
    """
    from kg.serve import Limits, serve

    def ready(url: str) -> None:
        print(f"kg serve: {args.out} at {url}/ (SPARQL endpoint {url}/query, graph page {url}/graph); "
              "Ctrl-C stops", flush=True)

    serve(args.out, args.host, args.port, Limits(args.timeout, args.max_results),
          verbose=args.verbose, ready=ready)
    print("kg serve: stopped", flush=True)
    return 0
