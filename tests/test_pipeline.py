"""Whole builds: determinism, incremental runs, workers, escaping, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.config import Settings
from kg.errors import ModelError
from kg.graph.knowledge import KnowledgeGraph
from kg.lexicon import load_lexicon
from kg.extract.nlp import load_nlp
from kg.pipeline import build
from kg.graph.rdf import to_quads
from kg.extract.resolve import mint_iri
from kg.graph.store import GraphStore
from kg.types import Document, DocumentGraph, Entity, Relation

BASE = Settings().base_iri


def _turtle(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def test_same_input_gives_the_same_triples(tmp_path: Path, sample_build: Path) -> None:
    again = build(None, tmp_path / "again", html=False)
    assert again.documents > 0
    assert isomorphic(_turtle(sample_build), _turtle(tmp_path / "again"))


def test_two_workers_build_the_same_graph(tmp_path: Path, sample_build: Path) -> None:
    build(None, tmp_path / "two", Settings(n_process=2, batch_size=2), html=False)
    assert isomorphic(_turtle(sample_build), _turtle(tmp_path / "two"))


def test_incremental_build_keeps_what_is_stored(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Amazon Web Services (AWS) is a cloud company. Apple uses AWS.", encoding="utf-8")
    second.write_text("AWS CEO Matt Garman spoke in Las Vegas.", encoding="utf-8")
    out = tmp_path / "out"
    build([first], out, html=False)
    report = build([first, second], out, html=False)
    assert (report.documents, report.skipped) == (1, 1)
    graph = KnowledgeGraph(out)
    docs = graph.query("SELECT ?d WHERE { ?d a kg:Document }")
    assert len(docs) == 2
    # "AWS" alone in the second document is the entity the first one named
    rows = graph.query("""SELECT ?org WHERE { ?p rdfs:label "Matt Garman" ; kg:leads ?o .
                                            ?o rdfs:label ?org }""")
    assert rows == [{"org": "Amazon Web Services"}]
    assert graph.query("""ASK { ?x kg:uses ?o . ?o rdfs:label "Amazon Web Services" }""")


def test_a_missing_model_is_one_clear_line() -> None:
    with pytest.raises(ModelError) as error:
        load_nlp("en_core_web_nonexistent")
    message = str(error.value)
    assert "\n" not in message and "pip install en-core-web-nonexistent" in message


def test_bad_inputs_are_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Microsoft acquired LinkedIn.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    errors = []
    report = build([good, tmp_path / "empty.txt", tmp_path / "binary.txt",
                    tmp_path / "latin1.txt", tmp_path / "missing.txt"],
                   tmp_path / "out", on_error=errors.append, html=False)
    assert report.documents == 1
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "missing.txt"}
    assert "UTF-8" in reasons["latin1.txt"] and "binary" in reasons["binary.txt"]


# Text is data: any sentence survives Turtle, the store and parsing back.
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
def test_any_text_round_trips_through_turtle(tmp_path: Path, sentence: str) -> None:
    doc = Document.from_text(sentence, source=f"odd {sentence[:10]}")
    apple = Entity(mint_iri(BASE, "Organization", sentence), "Organization", sentence)
    aws = Entity(mint_iri(BASE, "Organization", "AWS"), "Organization", "AWS")
    relation = Relation(apple.iri, "partnerOf", aws.iri, doc.id, sentence, (0, 1), (1, 2), 0.5, "rule:svo")
    store = GraphStore.memory()
    store.add_quads(to_quads(DocumentGraph(doc, (apple, aws), (), (relation,)), load_lexicon(), BASE))
    path = tmp_path / "g.ttl"
    store.dump_turtle(path)
    parsed = Graph().parse(path, format="turtle")
    sentences = [str(o) for o in parsed.objects(None, None) if str(o) == sentence]
    assert sentences, "the sentence did not survive the round trip"
