"""The ``kg`` command: its parser and ``main``; each command is in :mod:`kg.commands`,
a thin wrapper that calls the library.

A :class:`~kg.errors.KGError` becomes one line on stderr and exit status 1;
a bad argument exits 2 (argparse). No traceback for a user's mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from dataclasses import fields

from kg import __version__
from kg.commands.analysis import cmd_entity, cmd_neighbors, cmd_path, cmd_stats
from kg.commands.build import cmd_build, cmd_remove
from kg.commands.common import settings_of as _settings  # noqa: F401 (kg.cli._settings, as before)
from kg.commands.evaluation import cmd_eval, cmd_train
from kg.commands.query import cmd_export, cmd_html, cmd_query, cmd_validate
from kg.commands.serve import cmd_serve
from kg.config import Settings, field_types
from kg.errors import KGError


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


SOURCE_HELP = "build directory or RDF file (none with --store)"


def _store_options(p: argparse.ArgumentParser) -> None:
    """``--store URL`` and the options for servers other than Oxigraph's."""
    from kg.config import PASSWORD_ENV

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
    t.add_argument("-o", "--output", type=Path, default=None,
                   help="model file (.npz; default relations.npz) or, with --neural, directory (default neural)")
    t.add_argument("--model", help="spaCy model")
    t.add_argument("--neural", action="store_true",
                   help="fine-tune the neural relation reader instead (needs torch: pip install \"kg[train]\")")
    t.add_argument("--epochs", type=int, default=4, help="with --neural: passes over the data (default 4)")
    t.add_argument("--seed", type=int, default=13, help="with --neural: random seed (default 13)")
    t.add_argument("--max-batches", type=int, default=None, help="with --neural: stop after N batches")

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


#: Commands whose process ends as soon as they are done (:func:`run`).
QUICK_EXIT = frozenset({"build", "remove"})


def run(argv: Sequence[str] | None = None) -> None:
    """The ``kg`` command and ``python -m kg``: :func:`main`, then the process ends.

    After ``kg build`` and ``kg remove`` (:data:`QUICK_EXIT`), whose files are
    written whole and whose store is flushed by the time they return, the
    process ends at once (``os._exit``, output flushed first) instead of freeing
    the spaCy model, the gazetteers and the store object by object: 0.2 s of
    every build (600 KnowledgeNet documents). Other commands end as usual.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    code = main(argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    if command in QUICK_EXIT:
        import os

        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:
            pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()
