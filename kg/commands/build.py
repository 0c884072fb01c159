"""``kg build`` and ``kg remove``: documents into and out of a build directory."""

from __future__ import annotations

import argparse
import sys
import time

from kg.commands.common import endpoints_of, settings_of
from kg.errors import KGError


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
    report = build(inputs or None, args.out, settings_of(args), on_error=warn,
                   store=endpoints_of(args), html=not args.no_html, ttl=_ttl(args), progress=not args.quiet,
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
    removal, missing = remove(args.out, args.targets, settings_of(args),
                              html=not args.no_html, ttl=_ttl(args), store=endpoints_of(args))
    for target in missing:
        print(f"kg remove: no document in {args.out} from {target!r}", file=sys.stderr)
    if not args.quiet:
        print(removal.to_text())
        if removal:
            ttl = args.out / "graph.ttl"
            _wrote(args, ttl=ttl.exists() and ttl.stat().st_mtime >= started)  # not rewritten when big
    return 0
