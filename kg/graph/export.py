"""Export a graph for other tools: Gephi (GraphML, GEXF), networkx JSON, CSV, RDF.

=========  =====================================================================
format     what is written
=========  =====================================================================
graphml    GraphML of the networkx view; opens in Gephi, yEd, Cytoscape
gexf       GEXF 1.2 (Gephi's own); node and edge labels are the GEXF labels
json       networkx node-link JSON (``nx.node_link_graph`` reads it back), with
           every evidence record of every relation
csv        a directory with ``nodes.csv`` and ``edges.csv`` (Gephi's spreadsheet
           import: ``id``/``label`` and ``source``/``target`` columns)
turtle     the default graph as Turtle (what ``graph.ttl`` holds)
nt         the default graph as N-Triples
json-ld    the default graph as JSON-LD (``jsonld`` is the same)
trig       every graph, the quarantine included, as TriG
nq         every graph as N-Quads
xml        the default graph as RDF/XML
=========  =====================================================================

Names, aliases and suffixes come from :mod:`kg.graph.formats`.

GraphML, GEXF and CSV hold no lists and no missing values: a relation's
evidence becomes ``evidence_count`` with the best record's ``sentence``,
``evidence_source`` and ``extractor``; ``alt_labels`` is one "; "-joined string.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="A", cls="Person", alt_labels="", mentions=1)
>>> g.add_node("b", label="B", cls="Organization", alt_labels="B Inc", mentions=1)
>>> g.add_edge("a", "b", key="worksFor", predicate="worksFor", label="works for", confidence=0.9,
...            sentence="A works for B.", evidence=[{"sentence": "A works for B.", "source": "x.txt",
...            "document": "d", "confidence": 0.9, "extractor": "rule:svo"}])
'worksFor'
>>> flat = flatten(g)
>>> flat.edges["a", "b", "worksFor"]["evidence_count"], flat.edges["a", "b", "worksFor"]["evidence_source"]
(1, 'x.txt')
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kg.errors import KGError
from kg.graph import formats
from kg.files import replacing

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.knowledge import KnowledgeGraph

Format = Literal["graphml", "gexf", "json", "csv", "turtle", "nt", "json-ld", "jsonld", "trig", "nq",
                 "xml"]
#: What ``kg export`` writes, by canonical name (aliases: :func:`kg.graph.formats.choices`).
FORMATS: tuple[str, ...] = formats.names(export=True)
NODE_COLUMNS = ("id", "label", "cls", "alt_labels", "mentions")
EDGE_COLUMNS = ("source", "target", "predicate", "label", "confidence", "evidence_count",
                "sentence", "evidence_source", "extractor")


def guess_format(path: str | Path | None) -> str:
    """The format a file name implies (``graph.graphml`` → graphml)."""
    found = formats.from_suffix(path)
    if found is None or not found.export:
        raise KGError(f"give --format ({', '.join(FORMATS)}): "
                      + (f"{path} has no known suffix" if path else "no output file to guess it from"))
    return found.name


def export(graph: KnowledgeGraph, path: str | Path | None, format: Format) -> Path | bytes:
    """Write ``graph`` to ``path`` in ``format``; without a path, return the bytes
    (every format but csv, which writes two files into the directory ``path``).
    ``format`` is a name or alias from :mod:`kg.graph.formats`."""
    spec = formats.get(format)
    if not spec.export:
        raise KGError(f"kg export does not write {spec.name}; use one of {', '.join(FORMATS)}")
    format = spec.name  # type: ignore[assignment]
    if format == "csv" and path is None:
        raise KGError("csv export writes two files (nodes.csv, edges.csv): give an output directory (-o DIR)")
    target = None if path is None else Path(path)
    try:
        if target is not None:
            (target if format == "csv" else target.parent).mkdir(parents=True, exist_ok=True)
        if spec.rdf is not None:
            data = graph.serialize(target, spec.name)  # type: ignore[arg-type]
        elif format == "csv":
            write_csv(graph.to_networkx(), target)  # type: ignore[arg-type]
            data = None
        else:
            buffer = io.BytesIO()
            WRITERS[format](graph.to_networkx(), buffer)
            data = buffer.getvalue()
            if target is not None:
                with replacing(target) as tmp:
                    tmp.write_bytes(data)
    except OSError as e:
        raise KGError(f"{path}: cannot write: {e.strerror or e}") from e
    return target if target is not None else data  # type: ignore[return-value]


def flatten(graph: nx.MultiDiGraph, *, unique_keys: bool = False) -> nx.MultiDiGraph:
    """A copy with only strings and numbers as attributes (GraphML, GEXF, CSV).

    With ``unique_keys`` the edge keys are ``e0``, ``e1``, ... (GraphML edge ids
    must be unique; the property stays in ``predicate``).
    """
    import networkx as nx

    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        flat.add_node(n, label=data["label"], cls=data["cls"], alt_labels=data.get("alt_labels") or "",
                      mentions=int(data.get("mentions") or 0))
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        evidence = data.get("evidence") or [{}]
        best = evidence[0]
        flat.add_edge(u, v, key=f"e{i}" if unique_keys else key, predicate=data["predicate"],
                      label=data.get("label") or data["predicate"],
                      confidence=float(data.get("confidence") or 0.0),
                      sentence=data.get("sentence") or best.get("sentence") or "",
                      evidence_count=len(data.get("evidence") or []),
                      evidence_source=best.get("source") or best.get("document") or "",
                      extractor=best.get("extractor") or "")
    return flat


def node_link(graph: nx.MultiDiGraph) -> dict:  # type: ignore[type-arg]
    """networkx node-link data, evidence lists included (``nx.node_link_graph`` reads it)."""
    import networkx as nx

    return nx.node_link_data(graph, edges="edges")


def write_csv(graph: nx.MultiDiGraph, directory: Path) -> tuple[Path, Path]:
    """``directory/nodes.csv`` and ``directory/edges.csv`` (UTF-8, header row), each
    written beside its name and renamed onto it."""
    flat = flatten(graph)
    nodes, edges = directory / "nodes.csv", directory / "edges.csv"
    with replacing(nodes) as tmp, tmp.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(NODE_COLUMNS)
        out.writerows([n, *(d[c] for c in NODE_COLUMNS[1:])] for n, d in flat.nodes(data=True))
    with replacing(edges) as tmp, tmp.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(EDGE_COLUMNS)
        out.writerows([u, v, *(d[c] for c in EDGE_COLUMNS[2:])] for u, v, d in flat.edges(data=True))
    return nodes, edges


def _graphml(graph: nx.MultiDiGraph, out: io.BytesIO) -> None:
    import networkx as nx

    nx.write_graphml(flatten(graph, unique_keys=True), out)


def _gexf(graph: nx.MultiDiGraph, out: io.BytesIO) -> None:
    import networkx as nx

    nx.write_gexf(flatten(graph), out)


def _json(graph: nx.MultiDiGraph, out: io.BytesIO) -> None:
    out.write(json.dumps(node_link(graph), ensure_ascii=False, indent=1).encode("utf-8"))


WRITERS = {"graphml": _graphml, "gexf": _gexf, "json": _json}
