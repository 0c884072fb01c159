"""SPARQL over a graph, with results as a table, CSV or JSON.

Queries are read-only: updates are refused with one clear line, and a
syntax error is reported as one line with its position.

Examples
--------
>>> from kg.graph.store import GraphStore
>>> store = GraphStore.memory()
>>> print(format_result(run_query(store, "SELECT ?x WHERE { VALUES ?x { kg:Person } }"), "table"))
x
---------
kg:Person
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Literal as Lit

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph import formats
from kg.graph.store import GraphStore
from kg.vocab import PREFIXES

Format = Lit["table", "csv", "json"]
FORMATS = ("table", "csv", "json")
#: A CONSTRUCT or DESCRIBE result (a graph) in each result format: names from :mod:`kg.graph.formats`.
GRAPH_FORMATS = {"table": "turtle", "csv": "nt", "json": "json-ld"}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


def run_query(store: GraphStore, sparql: str):  # type: ignore[no-untyped-def]
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; refuse updates."""
    without_comments = re.sub(r"(?m)(^|\s)#.*$", r"\1", sparql)
    if _UPDATE.match(without_comments):
        raise QueryError("updates are refused: kg query is read-only (SELECT, ASK, CONSTRUCT, DESCRIBE)")
    try:
        return store.query(sparql)
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(e).split())}") from e
    except OSError as e:
        raise QueryError(f"query failed: {e}") from e


def shorten(term: object) -> str:
    """A term as a person reads it: prefixed name, or the literal's value."""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and re.fullmatch(r"[\w\-.%]*", iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return iri
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return "" if term is None else str(term)


def _csv_value(term: object) -> str:
    if term is None:
        return ""
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value  # type: ignore[attr-defined]


def format_result(result, fmt: Format = "table") -> str:  # type: ignore[no-untyped-def]
    """Render a query result; SELECT as table/CSV/SPARQL JSON, graphs as Turtle/N-Triples/JSON-LD."""
    try:
        return _format(result, fmt)
    except OSError as e:  # results stream: a failing SERVICE call surfaces here
        raise QueryError(f"query failed: {' '.join(str(e).split())}") from e


def _format(result, fmt: Format) -> str:  # type: ignore[no-untyped-def]
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        value = bool(result)
        return json.dumps({"head": {}, "boolean": value}) if fmt == "json" else str(value).lower()
    if isinstance(result, ox.QueryTriples):
        rdf_format = formats.get(GRAPH_FORMATS[fmt]).rdf
        kwargs = {"prefixes": PREFIXES} if rdf_format is ox.RdfFormat.TURTLE else {}
        return ox.serialize(result, format=rdf_format, **kwargs).decode("utf-8")
    names = [v.value for v in result.variables]
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8")
    rows = [[solution[name] for name in names] for solution in result]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow([_csv_value(t) for t in row])
        return out.getvalue().rstrip("\n")
    return _table(names, [[shorten(t) for t in row] for row in rows])


def _table(names: list[str], rows: list[list[str]]) -> str:
    cells = [[" ".join(c.split()) for c in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    widths = [min(w, 120) for w in widths]

    def line(values: list[str]) -> str:
        return "  ".join(_clip(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(names), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
