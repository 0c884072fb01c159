"""``kg query``, ``kg html``, ``kg export`` and ``kg validate``: a graph read whole or queried."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands.common import graph_of
from kg.errors import KGError


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a build or RDF file.

    The ontology's prefixes (kg:, rdf:, rdfs:, skos:, schema:, ...) are declared.
    Example: kg query out 'SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name }'
    Example: kg query out @who-works-where.rq --format csv
    """
    from kg.graph.query import format_result, run_query

    text = args.query
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except OSError as e:
            raise KGError(f"{text[1:]}: cannot read the query file: {e.strerror or e}") from e
        except UnicodeDecodeError as e:
            raise KGError(f"{text[1:]}: the query file is not valid UTF-8 ({e.reason} at byte {e.start})") from e
    graph = graph_of(args)
    print(format_result(run_query(graph.store, text), args.format))
    return 0


def cmd_html(args: argparse.Namespace) -> int:
    """Write the interactive HTML graph of a build or RDF file.

    The page has a search box, class toggles, colour by class or community, and a
    panel with each entity's relations and the sentences behind them. Filters combine: --class and --property (repeatable) keep those entities and
    relations; --focus NAME --depth K keeps the neighbourhood of one entity (label or
    other name, any case); --top N the N most important entities (PageRank);
    --min-degree drops the weakly linked; --hide-below C does not draw relations with
    confidence below C (they stay in the graph; kg build --min-confidence is what
    keeps them out of it). Without filters a big graph shows its 2,000 most
    important entities and says how many it left out.
    Example: kg html out -o apple.html
    Example: kg html out --focus Apple --depth 2 -o apple.html
    Example: kg html out --class Person --class Organization --property worksFor
    """
    hide_below = args.hide_below
    if args.old_min_confidence is not None:
        print("kg html: --min-confidence is deprecated, use --hide-below (it hides relations, "
              "kg build --min-confidence does not assert them)", file=sys.stderr)
        hide_below = max(hide_below, args.old_min_confidence)
    graph = graph_of(args)
    name = graph.source if graph.remote else Path(args.source).resolve().name
    path = graph.to_html(
        args.output, title=args.title or f"kg: {name}",
        classes=args.classes, properties=args.properties, focus=args.focus, depth=args.depth,
        top=args.top, min_degree=args.min_degree, hide_below=hide_below,
        max_nodes=None if args.no_cap else args.max_nodes,
    )
    print(f"wrote {path}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the graph: graphml, gexf (Gephi), json (networkx node-link), csv, or RDF
    (turtle, nt, json-ld or jsonld, trig, nq, xml). Without -o the file goes to stdout; csv needs -o DIR
    and writes DIR/nodes.csv and DIR/edges.csv. --format defaults from -o's suffix.

    Example: kg export out --format graphml -o graph.graphml
    Example: kg export out --format csv -o graph-csv
    """
    from kg.graph.export import guess_format
    fmt = args.format or guess_format(args.output)
    written = graph_of(args).export(args.output, fmt)
    if isinstance(written, bytes):
        sys.stdout.buffer.write(written)
        sys.stdout.flush()
    else:
        print(f"wrote {written}" + (" (nodes.csv, edges.csv)" if fmt == "csv" else ""))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check the graph against ontology/shapes.ttl (SHACL) and list quarantined relations.

    Exits 1 when the graph does not conform.
    Example: kg validate out
    """
    from kg.graph.validate import validate

    report = validate(graph_of(args).store)
    print(report.to_text())
    return 0 if report.conforms else 1
