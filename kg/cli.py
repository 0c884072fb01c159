"""The ``kg`` command: thin wrappers that parse arguments and call the library.

A :class:`~kg.errors.KGError` becomes one line on stderr and exit status 1;
a bad argument exits 2 (argparse). No traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

from dataclasses import fields, replace

from kg import __version__
from kg.config import Settings, field_types
from kg.errors import KGError


def _settings(args: argparse.Namespace) -> Settings:
    """``--config FILE`` (or the defaults), then each ``--SETTING`` given on top."""
    base = Settings.from_toml(args.config) if getattr(args, "config", None) else Settings()
    overrides = {f.name: getattr(args, f.name, None) for f in fields(Settings)}
    return replace(base, **{k: v for k, v in overrides.items() if v is not None})


def cmd_build(args: argparse.Namespace) -> int:
    """Build a graph from text files, directories, globs or - (stdin).

    Example: kg build articles/ news.jsonl -o out
    Example: cat export.jsonl | kg build - --format jsonl -o out
    """
    from kg.ingest import Source
    from kg.pipeline import build

    def warn(error: KGError) -> None:
        print(f"kg: skipped {error}", file=sys.stderr)

    inputs = [Source("-", args.format) if i == "-" and args.format else i for i in args.inputs]
    report = build(inputs or None, args.out, _settings(args), on_error=warn,
                   store=_endpoints(args), html=not args.no_html, ttl=_ttl(args), progress=not args.quiet,
                   dask=args.dask)
    if not args.quiet:
        print(report.to_text())
        _wrote(args, ttl=not report.ttl_skipped)
    return 0 if report.documents or report.skipped or not report.errors else 1


def _ttl(args: argparse.Namespace) -> bool | None:
    """--ttl: always rewrite graph.ttl; --no-ttl: never; neither: while the store is small."""
    return False if args.no_ttl else (True if getattr(args, "ttl", False) else None)


def _wrote(args: argparse.Namespace, *, ttl: bool = True) -> None:
    written = [args.out / name for name, skip in (("graph.ttl", args.no_ttl or not ttl), ("graph.html", args.no_html))
               if not skip]
    if written:
        print("  wrote " + " and ".join(map(str, written)))


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove documents from a build, with the facts, names and entities only they supported.

    SOURCE is a source as given to kg build (a file; a JSONL or CSV file, all its
    records; a directory, every document under it), or a document's id (sha256) or IRI,
    or an external id. Relations backed only by those documents go (quarantined ones
    too), entities no other document mentions go, entities that stay lose the aliases
    only those documents wrote. graph.ttl and graph.html are rewritten. Removing twice
    is harmless: the second time there is nothing to remove (exit 0). To replace a
    document's text, just kg build it again.
    Example: kg remove out articles/a.txt
    Example: kg remove out 3639efcd08abb... news.jsonl --no-html
    """
    from kg.pipeline import remove

    started = time.time()
    removal, missing = remove(args.out, args.targets, _settings(args),
                              html=not args.no_html, ttl=_ttl(args), store=_endpoints(args))
    for target in missing:
        print(f"kg remove: no document in {args.out} from {target!r}", file=sys.stderr)
    if not args.quiet:
        print(removal.to_text())
        if removal:
            ttl = args.out / "graph.ttl"
            _wrote(args, ttl=ttl.exists() and ttl.stat().st_mtime >= started)  # not rewritten when big
    return 0


def cmd_entity(args: argparse.Namespace) -> int:
    """Show an entity: its class, label, every name with the documents, sentences
    (and rules, when known) behind it, and its relation counts: why names became one.

    The entity is named by label, alt label or IRI, in any case; "Label (Class)"
    picks one of several with the same name.
    Example: kg entity out AWS
    Example: kg entity out "Tim Cook" --json
    """
    from kg.analysis.entity import describe

    view = describe(_open(args).store, args.entity)
    print(_json(view.to_dict()) if args.json else view.to_text())
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a build or RDF file.

    The ontology's prefixes (kg:, rdf:, rdfs:, skos:, schema:, ...) are declared.
    Example: kg query out 'SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name }'
    Example: kg query out @who-works-where.rq --format csv
    """
    from kg.graph.knowledge import open_graph
    from kg.graph.query import format_result, run_query

    text = args.query
    if text.startswith("@"):
        try:
            text = Path(text[1:]).read_text(encoding="utf-8")
        except OSError as e:
            raise KGError(f"{text[1:]}: cannot read the query file: {e.strerror or e}") from e
        except UnicodeDecodeError as e:
            raise KGError(f"{text[1:]}: the query file is not valid UTF-8 ({e.reason} at byte {e.start})") from e
    graph = _open(args)
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
    from kg.graph.knowledge import open_graph

    hide_below = args.hide_below
    if args.old_min_confidence is not None:
        print("kg html: --min-confidence is deprecated, use --hide-below (it hides relations, "
              "kg build --min-confidence does not assert them)", file=sys.stderr)
        hide_below = max(hide_below, args.old_min_confidence)
    graph = _open(args)
    name = graph.source if graph.remote else Path(args.source).resolve().name
    path = graph.to_html(
        args.output, title=args.title or f"kg: {name}",
        classes=args.classes, properties=args.properties, focus=args.focus, depth=args.depth,
        top=args.top, min_degree=args.min_degree, hide_below=hide_below,
        max_nodes=None if args.no_cap else args.max_nodes,
    )
    print(f"wrote {path}")
    return 0


def _whole(text: str) -> int:
    """argparse type: a whole number >= 0."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {text!r}")
    return value


def _unit(text: str) -> float:
    """argparse type: a number between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text!r}")
    return value


def cmd_stats(args: argparse.Namespace) -> int:
    """Print counts by class and property, connected components, Louvain communities
    and the top entities by degree, betweenness and PageRank.

    Example: kg stats out --top 5
    Example: kg stats out --json > stats.json
    """
    from kg.graph.knowledge import open_graph

    result = _open(args).stats(args.top)
    print(_json(result.to_dict()) if args.json else result.to_text())
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    """Print the shortest path between two entities, following relations either way,
    with the sentence and source behind each hop.

    Entities are named by label, alt label or IRI, in any case; "Label (Class)"
    picks one of several with the same name. Exits 1 when there is no path.
    Example: kg path out "Benoit Dupin" Trainium2
    """
    from kg.graph.knowledge import open_graph

    found = _open(args).path(args.source_entity, args.target_entity)
    if found is None:
        raise KGError(f"no path between {args.source_entity!r} and {args.target_entity!r}: "
                      "they are in different connected components")
    print(_json(found.to_dict()) if args.json else found.to_text())
    return 0


def cmd_neighbors(args: argparse.Namespace) -> int:
    """List the relations in and out of an entity (out to --depth hops) with evidence.

    Example: kg neighbors out Apple --depth 2
    """
    from kg.graph.knowledge import open_graph

    if args.depth < 1:
        raise KGError(f"--depth must be 1 or more, not {args.depth}")
    found = _open(args).neighbors(args.entity, args.depth)
    print(_json(found.to_dict()) if args.json else found.to_text())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the graph: graphml, gexf (Gephi), json (networkx node-link), csv, or RDF
    (turtle, nt, json-ld or jsonld, trig, nq, xml). Without -o the file goes to stdout; csv needs -o DIR
    and writes DIR/nodes.csv and DIR/edges.csv. --format defaults from -o's suffix.

    Example: kg export out --format graphml -o graph.graphml
    Example: kg export out --format csv -o graph-csv
    """
    from kg.graph.export import guess_format
    from kg.graph.knowledge import open_graph

    fmt = args.format or guess_format(args.output)
    written = _open(args).export(args.output, fmt)
    if isinstance(written, bytes):
        sys.stdout.buffer.write(written)
        sys.stdout.flush()
    else:
        print(f"wrote {written}" + (" (nodes.csv, edges.csv)" if fmt == "csv" else ""))
    return 0


SOURCE_HELP = "build directory or RDF file (none with --store)"


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The graph a reading command names: SOURCE, or the server of ``--store``."""
    from kg.graph.knowledge import open_graph

    remote = _endpoints(args)
    if remote is not None and args.source is not None:
        raise KGError(f"give a build directory or RDF file ({args.source}) or --store {remote.url}, not both")
    if remote is None and args.source is None:
        raise KGError("name a build directory or RDF file, or a SPARQL server with --store URL")
    return open_graph(remote if remote is not None else args.source)


def _endpoints(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """``--store URL`` and its endpoint and login options, or ``None`` without ``--store``."""
    if getattr(args, "store", None) is None:
        extra = [o for o in ("query_endpoint", "update_endpoint", "graph_store_endpoint", "user")
                 if getattr(args, o, None)]
        if extra:
            raise KGError(f"--{extra[0].replace('_', '-')} needs --store URL")
        return None
    from kg.graph.remote import Endpoints

    return Endpoints.from_url(args.store, query=args.query_endpoint, update=args.update_endpoint,
                              graph_store=args.graph_store_endpoint, user=args.user,
                              password=args.password, auth=args.auth, graph=args.store_graph)


def _store_options(p: argparse.ArgumentParser) -> None:
    """``--store URL`` and the options for servers other than Oxigraph's."""
    from kg.graph.remote import PASSWORD_ENV

    group = p.add_argument_group("triple-store server (instead of a local store)")
    group.add_argument("--store", metavar="URL",
                       help="a SPARQL 1.1 server; Oxigraph's base URL is enough (http://127.0.0.1:7878)")
    group.add_argument("--query-endpoint", metavar="URL", help="SPARQL query endpoint (relative to --store)")
    group.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update endpoint (relative to --store)")
    group.add_argument("--graph-store-endpoint", metavar="URL",
                       help="Graph Store Protocol endpoint: faster writes than Update (relative to --store)")
    group.add_argument("--store-graph", metavar="IRI",
                       help="named graph holding kg's default graph (Virtuoso, whose default graph is every graph)")
    group.add_argument("--user", help="user name for the server")
    group.add_argument("--password", help=f"password (default: ${PASSWORD_ENV}, then ~/.netrc)")
    group.add_argument("--auth", choices=("basic", "digest"), default="basic",
                       help="HTTP authentication (default basic; Virtuoso wants digest)")


def _json(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def cmd_validate(args: argparse.Namespace) -> int:
    """Check the graph against ontology/shapes.ttl (SHACL) and list quarantined relations.

    Exits 1 when the graph does not conform.
    Example: kg validate out
    """
    from kg.graph.knowledge import open_graph
    from kg.graph.validate import validate

    report = validate(_open(args).store)
    print(report.to_text())
    return 0 if report.conforms else 1


def cmd_eval(args: argparse.Namespace) -> int:
    """Score extraction against gold data: precision, recall, F1 (micro and per label).

    DATASET is knowledgenet (JSONL), conll04 (JSONL), redocred (Re-DocRED JSON)
    or gold (kg's own JSON, see README).
    Example: kg eval conll04 ../shared/data/conll04/dev.jsonl --limit 20 --json
    Example: kg eval knowledgenet folds1-3.jsonl --fold 1 --errors kn-errors.jsonl
    """
    from kg.evaluation import EVALUATORS

    options = {"limit": args.limit, "settings": _settings(args)}
    if args.fold is not None:
        if args.dataset not in {"knowledgenet", "redocred"}:
            raise KGError(f"--fold applies to knowledgenet and redocred only, not {args.dataset}")
        options["fold"] = args.fold
    report = EVALUATORS[args.dataset](args.path, **options)
    for path, write in ((args.predictions, report.write_predictions), (args.errors, report.write_errors)):
        if path is not None:
            try:
                write(path)
            except OSError as e:
                raise KGError(f"{path}: cannot write: {e.strerror or e}") from e
    print(report.to_json() if args.json else report.to_text())
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """Train the relation classifier from KnowledgeNet and/or CoNLL04 gold data.

    Needs scikit-learn (pip install "kg[train]"). Use the result with --relation-model.
    Example: kg train --knowledgenet folds1-3.jsonl --folds 1 2 --conll04 train.jsonl -o model.npz
    """
    from kg.evaluation.train import conll04_gold, knowledgenet_gold, train

    golds = []
    if args.knowledgenet:
        golds += list(knowledgenet_gold(args.knowledgenet, args.folds))
    for path in args.conll04 or ():
        golds += list(conll04_gold(path))
    if not golds:
        raise KGError("no training data: name --knowledgenet FILE and/or --conll04 FILE")
    settings = replace(_settings(args), relation_model="off")
    weak = {} if args.weak_negatives is None else {"weak_negatives": args.weak_negatives}
    model = train(golds, settings, c=args.c, **weak)
    model.save(args.output)
    print(f"wrote {args.output}: {len(model.labels) - 1} properties from {len(golds)} documents")
    return 0


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


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="kg", description="Knowledge graphs from text: build, query, view.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Example: kg build articles/ -o out\nExample: kg query out 'SELECT * WHERE { ?s ?p ?o } LIMIT 5'",
    )
    top.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, func, short: str) -> argparse.ArgumentParser:  # type: ignore[no-untyped-def]
        p = sub.add_parser(name, help=short, description=func.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    b = command("build", cmd_build, "build a graph from text")
    b.add_argument("inputs", nargs="*", help="files, directories, globs or - (default: the bundled sample corpus)")
    b.add_argument("-o", "--out", type=Path, default=Path("kg-out"), help="build directory (default: kg-out)")
    b.add_argument("--format", metavar="FORMAT",
                   help="format of - (stdin): txt (default), md, html, jsonl, csv or a plug-in's")
    _settings_options(b)
    b.add_argument("--no-html", action="store_true", help="do not write graph.html")
    b.add_argument("--no-ttl", action="store_true", help="do not write graph.ttl")
    b.add_argument("--ttl", action="store_true",
                   help="rewrite graph.ttl even on a big build (by default only up to 10,000 documents)")
    b.add_argument("-q", "--quiet", action="store_true", help="no summary, no progress bar")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT)")
    _store_options(b)

    from kg.graph import formats
    from kg.graph.query import FORMATS as QUERY_FORMATS

    q = command("query", cmd_query, "run a SPARQL query")
    q.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(q)
    q.add_argument("query", help="SPARQL text, or @FILE.rq")
    q.add_argument("--format", choices=QUERY_FORMATS, default="table",
                   help="table, csv or json; a CONSTRUCT's graph as turtle, nt or json-ld")

    from kg.viz import DEFAULT_MAX_NODES

    h = command("html", cmd_html, "write the interactive HTML graph")
    h.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(h)
    h.add_argument("-o", "--output", type=Path, help="HTML file (default: SOURCE/graph.html)")
    h.add_argument("--title", help="page title (default: kg: SOURCE)")
    h.add_argument("--class", dest="classes", action="append", metavar="CLASS",
                   help="keep entities of this class (repeatable)")
    h.add_argument("--property", dest="properties", action="append", metavar="PROPERTY",
                   help="keep relations with this property, by name or label (repeatable)")
    h.add_argument("--focus", metavar="ENTITY", help="keep the neighbourhood of this entity")
    h.add_argument("--depth", type=_whole, default=1, help="hops around --focus (default 1)")
    h.add_argument("--top", type=_whole, metavar="N", help="keep the N most important entities")
    h.add_argument("--min-degree", type=_whole, default=0, metavar="K",
                   help="drop entities with fewer than K relations")
    h.add_argument("--hide-below", type=_unit, default=0.0, metavar="C",
                   help="do not draw relations with confidence below C (0-1)")
    h.add_argument("--min-confidence", dest="old_min_confidence", type=_unit, metavar="C",
                   help="deprecated name of --hide-below")
    h.add_argument("--max-nodes", type=_whole, default=DEFAULT_MAX_NODES, metavar="N",
                   help=f"draw at most N entities, the most important (default {DEFAULT_MAX_NODES})")
    h.add_argument("--no-cap", action="store_true", help="draw every entity the filters keep")

    s = command("stats", cmd_stats, "counts and central entities")
    s.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(s)
    s.add_argument("--top", type=int, default=10, help="how many central entities (default 10)")
    s.add_argument("--json", action="store_true", help="print the statistics as JSON")

    pa = command("path", cmd_path, "shortest path between two entities, with evidence")
    pa.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(pa)
    pa.add_argument("source_entity", metavar="FROM", help="entity label, alt label or IRI")
    pa.add_argument("target_entity", metavar="TO", help="entity label, alt label or IRI")
    pa.add_argument("--json", action="store_true", help="print the path as JSON")

    r = command("remove", cmd_remove, "remove documents and the facts only they supported")
    r.add_argument("out", type=Path, help="build directory")
    r.add_argument("targets", nargs="+", metavar="SOURCE|ID",
                   help="a source as given to kg build, a document id or IRI, or an external id")
    r.add_argument("--base-iri", help="base IRI the build used (default: the settings')")
    r.add_argument("--config", metavar="FILE", help="settings file (for base-iri)")
    r.add_argument("--no-html", action="store_true", help="do not rewrite graph.html")
    r.add_argument("--no-ttl", action="store_true", help="do not rewrite graph.ttl")
    r.add_argument("-q", "--quiet", action="store_true", help="no summary")
    _store_options(r)

    en = command("entity", cmd_entity, "an entity's names and where each comes from")
    en.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(en)
    en.add_argument("entity", help="entity label, alt label or IRI")
    en.add_argument("--json", action="store_true", help="print the entity as JSON")

    n = command("neighbors", cmd_neighbors, "relations in and out of an entity, with evidence")
    n.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(n)
    n.add_argument("entity", help="entity label, alt label or IRI")
    n.add_argument("--depth", type=int, default=1, help="hops out from the entity (default 1)")
    n.add_argument("--json", action="store_true", help="print the relations as JSON")

    x = command("export", cmd_export, "GraphML, GEXF, JSON, CSV or RDF for other tools")
    x.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(x)
    x.add_argument("--format", choices=formats.choices(export=True), metavar="FORMAT",
                   help=f"{', '.join(formats.names(export=True))} (json-ld is also jsonld; "
                        "default: from -o's suffix)")
    x.add_argument("-o", "--output", type=Path, help="output file (csv: a directory); default stdout")

    v = command("validate", cmd_validate, "SHACL check and the quarantine")
    v.add_argument("source", nargs="?", help=SOURCE_HELP)
    _store_options(v)

    e = command("eval", cmd_eval, "score extraction against gold data")
    e.add_argument("dataset", choices=("knowledgenet", "conll04", "redocred", "gold"),
                   help="the gold data's format")
    e.add_argument("path", help="the gold file")
    e.add_argument("--fold", type=int, help="knowledgenet: only this fold; redocred: 1 = the first "
                   "half of the file (development), 2 = the second half (held out)")
    e.add_argument("--limit", type=int, help="only the first N documents")
    e.add_argument("--json", action="store_true", help="print the scores as JSON")
    e.add_argument("--predictions", type=Path, help="write kg's predictions here, in the dataset's format")
    e.add_argument("--errors", type=Path, help="write false positives and misses here (JSONL)")
    _settings_options(e)

    t = command("train", cmd_train, "train the relation classifier from gold data")
    t.add_argument("--knowledgenet", help="KnowledgeNet JSONL")
    t.add_argument("--folds", type=int, nargs="+", help="KnowledgeNet folds to train on (default: all)")
    t.add_argument("--conll04", nargs="+", help="CoNLL04 JSONL file(s)")
    t.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength (default 4.0)")
    t.add_argument("--weak-negatives", type=float, default=None,
                   help="weight of a negative pair in a KnowledgeNet passage that does not annotate "
                        "every property the pair could have (default 0.01)")
    t.add_argument("-o", "--output", type=Path, default=Path("relations.npz"), help="model file (.npz)")
    t.add_argument("--model", help="spaCy model")

    v = command("serve", cmd_serve, "serve a build as a SPARQL endpoint")
    v.add_argument("out", type=Path, help="build directory")
    v.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    v.add_argument("--port", type=_whole, default=7878, help="port (default 7878; 0: any free port)")
    v.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a query after this many seconds: 503 (default 30)")
    v.add_argument("--max-results", type=_whole, default=10_000, metavar="N",
                   help="at most N solutions a query (default 10000; 0: no cap)")
    v.add_argument("-v", "--verbose", action="store_true", help="log each request to stderr")
    return top


def _names(text: str) -> tuple[str, ...]:
    """argparse type: comma-separated names, ``a,b`` -> ``('a', 'b')``."""
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    if not names:
        raise argparse.ArgumentTypeError(f"expected comma-separated names, got {text!r}")
    return names


def _settings_options(p: argparse.ArgumentParser) -> None:
    """``--config`` and one ``--option`` per :class:`~kg.config.Settings` field (build and eval).

    Made from the fields, so a new setting is an option at once: ``base_iri`` is
    ``--base-iri``, its help the field's ``help`` metadata. Given options override
    the config file's values.
    """
    group = p.add_argument_group("settings (override --config)")
    group.add_argument("--config", metavar="FILE",
                       help="settings file: kg.toml (top level or [kg]) or pyproject.toml ([tool.kg])")
    parse = {int: int, float: float, str: str, tuple: _names}
    types = field_types()
    for f in fields(Settings):
        kind = types[f.name]
        default = "" if f.default is None else f" (default {f.default})"
        option = "--" + f.name.replace("_", "-")
        if kind is bool:
            group.add_argument(option, action=argparse.BooleanOptionalAction, default=None,
                               help=f.metadata["help"] + default)
        else:
            group.add_argument(option, type=parse[kind], metavar=f.metadata.get("metavar"),
                               help=f.metadata["help"] + default)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
