"""Entity provenance: kg:Naming records (kg.graph.rdf), the shapes, and kg entity."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace

from kg.analysis.entity import describe
from kg.cli import main
from kg.config import Settings
from kg.errors import EntityError
from kg.graph.rdf import Naming, naming_iri, naming_quads, namings, sentence_around, to_quads
from kg.graph.store import GraphStore
from kg.lexicon import load_lexicon
from kg.pipeline import build
from kg.types import Document, DocumentGraph, Entity, Mention
from kg import vocab
from kg.vocab import ontology_path

BASE = Settings().base_iri
README = Path(__file__).resolve().parents[1] / "README.md"


def _aws_graph(text: str, source: str = "a.txt") -> DocumentGraph:
    doc = Document.from_text(text, source)
    iri = f"{BASE}Organization/Amazon_Web_Services"
    spans = [(m.start(), m.end()) for m in re.finditer(r"Amazon Web Services|AWS", text)]
    names = sorted({text[s:e] for s, e in spans} - {"Amazon Web Services"})
    entity = Entity(iri, "Organization", "Amazon Web Services", tuple(names))
    mentions = tuple((iri, Mention(doc.id, s, e, text[s:e], "Organization")) for s, e in spans)
    return DocumentGraph(doc, (entity,), mentions)


def test_each_written_name_gets_one_naming_at_its_first_mention() -> None:
    graph = _aws_graph("AWS grew. Amazon Web Services (AWS) sells chips. AWS again.")
    found = namings(graph)
    assert [(n.name, n.start, n.end, n.sentence) for n in found] == [
        ("Amazon Web Services", 10, 29, "Amazon Web Services (AWS) sells chips."),
        ("AWS", 0, 3, "AWS grew."),
    ]
    assert all(n.rule is None for n in found)  # the graph says no rule joined them
    ruled = namings(graph, {(found[1].entity, "AWS"): "abbreviation"})
    assert [n.rule for n in ruled] == [None, "abbreviation"]
    from dataclasses import replace

    joined = replace(graph, joined_by=((found[0].entity, "Amazon Web Services", ""),
                                       (found[0].entity, "AWS", "gazetteer")))
    assert [n.rule for n in namings(joined)] == [None, "gazetteer"]


def test_a_label_no_mention_writes_has_no_naming() -> None:
    doc = Document.from_text("AWS grew.", "b.txt")
    iri = f"{BASE}Organization/Amazon_Web_Services"
    graph = DocumentGraph(doc, (Entity(iri, "Organization", "Amazon Web Services", ("AWS",)),),
                          ((iri, Mention(doc.id, 0, 3, "AWS", "Organization")),))
    assert [n.name for n in namings(graph)] == ["AWS"]


def test_naming_iris_are_a_hash_of_entity_name_and_document() -> None:
    one = naming_iri(BASE, "e", "AWS", "d")
    assert one == naming_iri(BASE, "e", "AWS", "d") and one.startswith(f"{BASE}naming/")
    assert len({one, naming_iri(BASE, "e", "AWS", "d2"), naming_iri(BASE, "e2", "AWS", "d"),
                naming_iri(BASE, "e", "Aws", "d")}) == 4


def test_naming_quads_write_the_rule_only_when_known() -> None:
    plain = list(naming_quads(Naming("https://x/e", "AWS", "d", 0, 3, "AWS grew."), BASE))
    ruled = list(naming_quads(Naming("https://x/e", "AWS", "d", 0, 3, "AWS grew.", "surname"), BASE))
    assert len(ruled) == len(plain) + 1
    assert str(vocab.KG.rule) not in {q.predicate.value for q in plain}
    assert ruled[-1].object.value == "surname"


def test_sentence_around_stays_in_its_sentence_and_bounded() -> None:
    text = "First one. Second with Apple in it! Third.\nFourth line"
    start = text.index("Apple")
    assert sentence_around(text, start, start + 5) == "Second with Apple in it!"
    assert sentence_around(text, text.index("Fourth"), len(text)) == "Fourth line"
    long = "x" * 5000 + " Apple " + "y" * 5000
    assert len(sentence_around(long, 5001, 5006, limit=100)) <= 210


def _shacl(g: Graph) -> bool:
    import pyshacl

    shapes = Graph().parse(ontology_path("shapes.ttl"), format="turtle")
    conforms, _, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none")
    return bool(conforms)


def test_shapes_accept_namings_and_reject_a_name_the_entity_lacks() -> None:
    graph = _aws_graph("Amazon Web Services (AWS) sells chips.")
    store = GraphStore.memory()
    store.add_atomic(to_quads(graph, load_lexicon(), BASE))
    g = Graph().parse(data=store.dump(None, ox.RdfFormat.N_TRIPLES, graph=ox.DefaultGraph()).decode(),
                      format="nt")
    assert _shacl(g)
    naming = URIRef(naming_iri(BASE, graph.entities[0].iri, "AWS", graph.document.id))
    g.remove((URIRef(graph.entities[0].iri), namespace.SKOS.altLabel, Literal("AWS")))
    assert not _shacl(g), "a naming must name one of the entity's names"
    g.add((URIRef(graph.entities[0].iri), namespace.SKOS.altLabel, Literal("AWS")))
    g.add((naming, vocab.KG.start, Literal(99, datatype=namespace.XSD.integer)))
    assert not _shacl(g), "one start only"


# ------------------------------------------------------------------ real builds


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("provenance")
    (folder / "a.txt").write_text("Amazon Web Services (AWS) makes the Trainium chip. Apple uses AWS.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Apple said AWS was growing.\n", encoding="utf-8")
    out = folder / "out"
    build([folder / "a.txt", folder / "b.txt"], out, html=False)
    return out


def test_a_build_records_where_each_alias_comes_from(out: Path) -> None:
    store = GraphStore.open_build(out, read_only=True)
    rows = [{k: r[k].value for k in ("name", "source", "start")} for r in store.query("""
        SELECT ?name ?source ?start WHERE {
          ?n a kg:Naming ; kg:entity ?e ; kg:name ?name ; kg:document ?d ; kg:start ?start .
          ?e rdfs:label "Amazon Web Services" . ?d kg:source ?source
        } ORDER BY ?name ?source""")]
    assert [(r["name"], Path(r["source"]).name, r["start"]) for r in rows] == [
        ("AWS", "a.txt", "21"), ("AWS", "b.txt", "11"), ("Amazon Web Services", "a.txt", "0")]
    # the resolver's rule: b.txt's "AWS" joined the entity a.txt founded
    rule = next(iter(store.query("""
        SELECT ?rule WHERE {
          ?n kg:name "AWS" ; kg:rule ?rule ; kg:document/kg:source ?s FILTER(STRENDS(?s, "b.txt"))
        }""")))
    assert rule["rule"].value == "earlier document"
    # every label or alias written in a text has a naming; the graph conforms to the shapes
    assert not bool(store.query(
        "ASK { ?e skos:altLabel ?n . FILTER NOT EXISTS { ?x kg:entity ?e ; kg:name ?n } }"))
    from kg.graph.validate import validate

    assert validate(store).conforms


def test_the_readme_alias_query_answers(out: Path) -> None:
    text = README.read_text(encoding="utf-8")
    query = text.split("Where an alias comes from", 1)[1].split("```sparql", 1)[1].split("```", 1)[0]
    rows = list(GraphStore.open_build(out, read_only=True).query(query))
    assert [(r["entity"].value, Path(r["source"].value).name) for r in rows] == [
        ("Amazon Web Services", "a.txt"), ("Amazon Web Services", "b.txt")]
    assert rows[0]["sentence"].value == "Amazon Web Services (AWS) makes the Trainium chip."


def test_describe_shows_names_documents_and_relations(out: Path) -> None:
    view = describe(GraphStore.open_build(out, read_only=True), "aws")
    assert (view.label, view.cls, view.documents) == ("Amazon Web Services", "Organization", 2)
    names = {n.name: n for n in view.names}
    assert names["Amazon Web Services"].is_label and not names["AWS"].is_label
    assert sorted(Path(s.source).name for s in names["AWS"].sources) == ["a.txt", "b.txt"]
    assert view.incoming.get("uses") == 1
    text = view.to_text()
    assert "alias 'AWS': written in 2 document(s)" in text and "Apple said AWS was growing." in text
    assert "[joined by: earlier document]" in text
    with pytest.raises(EntityError):
        describe(GraphStore.open_build(out, read_only=True), "Nobody At All")


def test_kg_entity_on_the_command_line(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", str(out), "AWS", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["label"] == "Amazon Web Services"
    assert {n["name"] for n in data["names"]} == {"Amazon Web Services", "AWS"}
    assert main(["entity", str(out), "Nobody At All"]) == 1
    assert "kg: error:" in capsys.readouterr().err


def test_a_former_post_is_asserted_and_its_evidence_says_former(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ann Lee, a former chief executive of Kestrel Foods, previously worked at Zentro Labs. "
        "Tom Reyes, the chief executive of Vireo Group, spoke.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([tmp_path / "a.txt"], out, html=False)
    store = GraphStore.open_build(out, read_only=True)
    rows = {(r["s"].value, r["p"].value.rsplit("#")[-1], r["o"].value, r["f"].value if r["f"] else "")
            for r in store.query("""
        SELECT ?s ?p ?o ?f WHERE {
          ?ev a kg:Evidence ; rdf:subject ?x ; rdf:predicate ?p ; rdf:object ?y .
          OPTIONAL { ?ev kg:former ?f }
          ?x rdfs:label ?s . ?y rdfs:label ?o
        }""")}
    assert {("Ann Lee", "leads", "Kestrel Foods", "true"), ("Ann Lee", "worksFor", "Zentro Labs", "true"),
            ("Tom Reyes", "leads", "Vireo Group", "")} <= rows, rows
    from kg.graph.validate import validate

    assert validate(store).conforms
    text = README.read_text(encoding="utf-8")
    query = text.split("Who works for whom now", 1)[1].split("```sparql", 1)[1].split("```", 1)[0]
    now = {(r["person"].value, r["org"].value) for r in store.query(query)}
    assert now == {("Tom Reyes", "Vireo Group")}, now
