"""kg export: every format is written and read back whole by the tool it is for."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.graph.export import EDGE_COLUMNS, FORMATS, NODE_COLUMNS, flatten
from kg.errors import KGError
from kg.graph.knowledge import KnowledgeGraph

REPO = Path(__file__).resolve().parents[1]
EDGE_FIELDS = ("predicate", "label", "confidence", "sentence", "evidence_count", "evidence_source", "extractor")


def kg(*args: object) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, env=env, timeout=300)


def assert_one_error_line(result: subprocess.CompletedProcess[bytes], *words: str) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr, stderr
    assert len(stderr.splitlines()) == 1 and stderr.startswith("kg: error: "), stderr
    for word in words:
        assert word in stderr, (word, stderr)


def edges(g: nx.MultiDiGraph) -> Counter[tuple[object, ...]]:
    """Each edge as (source, target, attributes...), keys left out (formats differ there)."""
    return Counter((u, v, *(d[f] for f in EDGE_FIELDS)) for u, v, d in g.edges(data=True))


def nodes(g: nx.MultiDiGraph) -> dict[str, tuple[object, ...]]:
    return {n: tuple(d[c] for c in NODE_COLUMNS[1:]) for n, d in g.nodes(data=True)}


@pytest.fixture(scope="module")
def expected(sample_build: Path) -> nx.MultiDiGraph:
    return flatten(KnowledgeGraph(sample_build).to_networkx())


def test_flat_attributes_are_graphml_safe(expected: nx.MultiDiGraph) -> None:
    assert expected.number_of_edges() > 5
    values = [v for _, d in expected.nodes(data=True) for v in d.values()]
    values += [v for *_, d in expected.edges(data=True) for v in d.values()]
    assert all(isinstance(v, (str, int, float)) for v in values)
    assert any(d["alt_labels"] for _, d in expected.nodes(data=True))  # a non-empty one is checked too


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_gephi_formats_read_back(sample_build: Path, expected: nx.MultiDiGraph, tmp_path: Path,
                                 fmt: str, read) -> None:  # type: ignore[no-untyped-def]
    path = KnowledgeGraph(sample_build).export(tmp_path / f"g.{fmt}", fmt)  # type: ignore[arg-type]
    back = read(path)
    assert back.is_directed() and back.is_multigraph()
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()
    assert nodes(back) == nodes(expected)
    assert edges(back) == edges(expected)


def test_graphml_edge_ids_are_unique(sample_build: Path, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    path = KnowledgeGraph(sample_build).export(tmp_path / "g.graphml", "graphml")
    ids = [e.get("id") for e in ET.parse(path).iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert ids and len(ids) == len(set(ids))


def test_json_is_node_link_and_round_trips(sample_build: Path, tmp_path: Path) -> None:
    graph = KnowledgeGraph(sample_build)
    path = graph.export(tmp_path / "g.json", "json")
    back = nx.node_link_graph(json.loads(Path(path).read_text(encoding="utf-8")))
    original = graph.to_networkx()
    assert nx.utils.graphs_equal(back, original)  # evidence lists included
    assert set(back.edges(keys=True)) == set(original.edges(keys=True))


def test_csv_is_two_files(sample_build: Path, expected: nx.MultiDiGraph, tmp_path: Path) -> None:
    directory = KnowledgeGraph(sample_build).export(tmp_path / "csv", "csv")
    with open(Path(directory) / "nodes.csv", encoding="utf-8", newline="") as f:
        node_rows = list(csv.DictReader(f))
    with open(Path(directory) / "edges.csv", encoding="utf-8", newline="") as f:
        edge_rows = list(csv.DictReader(f))
    assert tuple(node_rows[0]) == NODE_COLUMNS and tuple(edge_rows[0]) == EDGE_COLUMNS
    assert {r["id"]: (r["label"], r["cls"], r["alt_labels"], int(r["mentions"])) for r in node_rows} == nodes(expected)
    typed = Counter((r["source"], r["target"], r["predicate"], r["label"], float(r["confidence"]), r["sentence"],
                     int(r["evidence_count"]), r["evidence_source"], r["extractor"]) for r in edge_rows)
    assert typed == edges(expected)


@pytest.mark.parametrize("fmt, rdf_format", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_formats_are_isomorphic_to_graph_ttl(sample_build: Path, tmp_path: Path, fmt: str, rdf_format: str) -> None:
    path = KnowledgeGraph(sample_build).export(tmp_path / f"g.{fmt}", fmt)  # type: ignore[arg-type]
    written = rdflib.Graph().parse(path, format=rdf_format)
    built = rdflib.Graph().parse(sample_build / "graph.ttl", format="turtle")
    assert len(written) == len(built) > 100
    assert isomorphic(written, built)


def test_trig_holds_every_graph(sample_build: Path, tmp_path: Path) -> None:
    path = KnowledgeGraph(sample_build).export(tmp_path / "g.trig", "trig")
    data = rdflib.Dataset().parse(path, format="trig")
    built = rdflib.Graph().parse(sample_build / "graph.ttl", format="turtle")
    default = rdflib.Graph()
    for t in data.default_graph:
        default.add(t)
    assert isomorphic(default, built)
    quarantined = KnowledgeGraph(sample_build).stats().quarantined
    named = [g for g in data.graphs() if g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID]
    assert bool(quarantined) == any(len(g) for g in named)


def test_export_without_a_path_returns_bytes(seed_build: Path) -> None:
    data = KnowledgeGraph(seed_build).export(None, "graphml")
    assert isinstance(data, bytes) and data.startswith(b"<?xml")


def test_cli_export_to_stdout(seed_build: Path) -> None:
    result = kg("export", seed_build, "--format", "nt")
    assert result.returncode == 0, result.stderr
    written = rdflib.Graph().parse(data=result.stdout.decode("utf-8"), format="nt")
    assert isomorphic(written, rdflib.Graph().parse(seed_build / "graph.ttl", format="turtle"))


def test_cli_export_format_from_suffix_into_a_new_directory(seed_build: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "graph.gexf"
    result = kg("export", seed_build, "-o", target)
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout.decode()
    assert nx.read_gexf(target).number_of_nodes() == KnowledgeGraph(seed_build).to_networkx().number_of_nodes()


@pytest.mark.parametrize("args, words", [
    (("--format", "csv"), ("csv", "-o")),
    (("-o", "graph.xyz"), ("--format", "graph.xyz")),
    ((), ("--format",)),
])
def test_cli_export_mistakes_are_one_line(seed_build: Path, tmp_path: Path, args: tuple[str, ...],
                                          words: tuple[str, ...]) -> None:
    result = kg("export", seed_build, *args)
    assert_one_error_line(result, *words)
    assert not list(tmp_path.iterdir())


def test_cli_export_unwritable_target_is_one_line(seed_build: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert_one_error_line(kg("export", seed_build, "--format", "graphml", "-o", blocker / "g.graphml"), "g.graphml")


def test_every_format_is_in_the_cli_help() -> None:
    result = kg("export", "--help")
    assert all(fmt in result.stdout.decode() for fmt in FORMATS)
    assert "Example: kg export" in result.stdout.decode()


def test_one_format_table_for_export_store_and_query() -> None:
    import pyoxigraph as ox

    from kg.graph import formats, query, store

    assert formats.get("jsonld") is formats.get("json-ld") is formats.from_suffix("x.jsonld")
    assert store.RDF_SUFFIXES[".jsonld"] is ox.RdfFormat.JSON_LD and ".json" not in store.RDF_SUFFIXES
    assert set(FORMATS) <= set(formats.choices(export=True)) and "n3" not in FORMATS
    assert all(formats.get(name).rdf is not None for name in query.GRAPH_FORMATS.values())
    with pytest.raises(KGError, match="unknown format 'yaml'; use one of graphml"):
        formats.get("yaml")


@pytest.mark.parametrize("name", ["nq", "xml", "ttl"])
def test_export_writes_every_rdf_format_in_the_table(seed_build: Path, name: str) -> None:
    data = KnowledgeGraph(seed_build).export(None, name)  # type: ignore[arg-type]
    rdflib_name = {"nq": "nquads", "xml": "xml", "ttl": "turtle"}[name]
    parsed = rdflib.Dataset() if name == "nq" else rdflib.Graph()
    parsed.parse(data=data, format=rdflib_name)
    expected = rdflib.Graph().parse(seed_build / "graph.ttl", format="turtle")
    if name == "nq":
        assert len(parsed.default_context) == len(expected)
    else:
        assert isomorphic(parsed, expected)
