"""Memory of a build over a long text: what used to grow with the text's size.

A 50 MB text is 2,500 parts of ~7,000 quads each. The store's write buffers were
flushed every 500 documents whatever they wrote (3.5M quads, ~1.3 GB of RocksDB
memtables), and the kept projection was made by holding every evidence record in
Python (1.4M records, ~700 MB). These tests pin the two bounds: a flush every
:data:`~kg.pipeline.FLUSH_QUADS` quads, and edges grouped by Oxigraph with the
rows the record-by-record read gives (``benchmarks/bench_long.py`` measures the memory).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.pipeline
from kg.analysis.store_rows import _grouped_edges, _touched_edges, edge_rows
from kg.graph.rdf import RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, kg_term
from kg.graph.store import GraphStore

ID = "https://w3id.org/kg/id/"


def test_a_build_flushes_the_store_by_quads_written_not_only_by_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Tim Cook leads Apple. Apple is based in Cupertino.",
             "Andy Jassy leads Amazon. Amazon is based in Seattle.",
             "Sundar Pichai leads Google. Google is based in Mountain View."]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    flushes: list[int] = []
    written: list[int] = []
    flush, add = GraphStore.flush, GraphStore.add_atomic
    monkeypatch.setattr(GraphStore, "flush", lambda self: (flushes.append(len(written)), flush(self))[1])
    monkeypatch.setattr(GraphStore, "add_atomic", lambda self, quads: (written.append(len(quads)), add(self, quads))[1])
    monkeypatch.setattr(kg.pipeline, "FLUSH_QUADS", 1)  # every document writes more than one quad
    kg.pipeline.build([tmp_path / f"{i}.txt" for i in range(3)], tmp_path / "out", html=False, ttl=False)
    assert len(written) == 3 and min(written) > 1
    assert flushes[:3] == [1, 2, 3]  # after each document, long before FLUSH_EVERY documents

    flushes.clear()
    monkeypatch.setattr(kg.pipeline, "FLUSH_QUADS", 10**9)  # neither bound reached: once, at the end
    kg.pipeline.build([tmp_path / f"{i}.txt" for i in range(3)], tmp_path / "out2", html=False, ttl=False)
    assert flushes == [6]


def _evidence(store: ox.Store, name: str, s: str, p: str, o: ox.NamedNode | ox.Literal, confidence: str,
              *, asserted: bool = True, graph: ox.DefaultGraph | ox.NamedNode = ox.DefaultGraph()) -> None:
    ev, subject, predicate = ox.NamedNode(ID + "evidence/" + name), ox.NamedNode(ID + s), kg_term(p)
    if asserted:
        store.add(ox.Quad(subject, predicate, o, graph))
    for q in ((RDF_TYPE, kg_term("Evidence")), (RDF_SUBJECT, subject), (RDF_PREDICATE, predicate),
              (RDF_OBJECT, o), (kg_term("confidence"), ox.Literal(confidence, datatype=ox.NamedNode(
                  "http://www.w3.org/2001/XMLSchema#decimal")))):
        store.add(ox.Quad(ev, *q, graph))


def test_edges_grouped_in_the_store_are_the_record_by_record_rows() -> None:
    store = GraphStore.memory()
    s = store.store
    apple, cook, jobs = (ox.NamedNode(ID + n) for n in ("Apple", "Cook", "Jobs"))
    _evidence(s, "a", "Cook", "worksFor", apple, "0.700")
    _evidence(s, "b", "Cook", "worksFor", apple, "0.900")  # two records of one triple: best, count 2
    _evidence(s, "c", "Apple", "competesWith", cook, "0.500")  # symmetric: folded, smaller IRI first
    _evidence(s, "d", "Cook", "competesWith", apple, "0.600")
    _evidence(s, "e", "Jobs", "jobTitle", ox.Literal("CEO"), "0.900")  # a value, not an edge
    _evidence(s, "f", "Jobs", "foundedBy", apple, "0.900", asserted=False)  # evidence without the triple
    _evidence(s, "g", "Jobs", "worksFor", apple, "0.800", graph=ox.NamedNode(ID + "graph/quarantine"))
    # the folded pair keeps its own direction's best confidence (as to_networkx) and both records
    expected = [(ID + "Apple", "competesWith", ID + "Cook", 0.5, 2), (ID + "Cook", "worksFor", ID + "Apple", 0.9, 2)]
    assert edge_rows(store, None) == expected
    everyone = [ID + n for n in ("Apple", "Cook", "Jobs")]
    assert edge_rows(store, everyone) == expected  # the touched entities' read, through the indexes
    assert edge_rows(store, [ID + "Jobs"]) == []
    assert edge_rows(store, None, known={ID + "Cook", ID + "Jobs"}) == []
    grouped = {(a.value, b.value, c.value): (best, n) for a, b, c, best, n in _grouped_edges(store)}
    per_record = {}
    for a, b, c, best, n in _touched_edges(store, everyone):
        if not isinstance(c, ox.NamedNode):
            continue  # a value: edge_rows drops it, the grouped query never reads it
        before = per_record.get((a.value, b.value, c.value), (0.0, 0))
        per_record[a.value, b.value, c.value] = (max(before[0], best), before[1] + n)
    assert grouped == per_record and len(grouped) == 4  # Cook-worksFor, two competesWith, foundedBy
