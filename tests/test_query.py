"""kg.graph.query: SPARQL over a build or an RDF file; results as table, CSV, JSON.

Most tests run on a small hand-written Turtle file whose answers are known
exactly (labels with commas, quotes, newlines and a language tag, so the CSV
and JSON writers have something to get wrong); a few run on the bundled
sample build to check the predeclared prefixes against real output.
"""

from __future__ import annotations

import csv
import gc
import io
import json
import re
import socket
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.errors import QueryError, SourceError
from kg.graph.knowledge import KnowledgeGraph, open_graph
from kg.graph.query import format_result, run_query
from kg.graph.store import GraphStore
from kg.vocab import KG_NS, PREFIXES

EX = "https://example.org/id/"
TTL = r"""
@prefix kg: <https://w3id.org/kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/id/> .

ex:acme a kg:Organization ; rdfs:label "Acme, Inc." ; skos:altLabel "Acme" .
ex:ada a kg:Person ; rdfs:label "Ada \"The Countess\" Lovelace" ;
    kg:worksFor ex:acme ; kg:jobTitle "engineer\nand writer" .
ex:bob a kg:Person ; rdfs:label "Bob Ünïcode" ; kg:worksFor ex:acme .
ex:paris a kg:Place ; rdfs:label "Paris"@fr .
"""
ADA = 'Ada "The Countess" Lovelace'
WORKERS = "SELECT ?name WHERE { ?p a kg:Person ; kg:worksFor ?o ; rdfs:label ?name } ORDER BY ?name"
ACME = "CONSTRUCT { ?o a kg:Organization ; rdfs:label ?l } WHERE { ?o a kg:Organization ; rdfs:label ?l }"


@pytest.fixture
def ttl_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.ttl"
    path.write_text(TTL, encoding="utf-8")
    return path


@pytest.fixture
def store(ttl_file: Path) -> GraphStore:
    """The small graph, in a writable in-memory store."""
    return GraphStore.open_source(ttl_file)


def quads(store: GraphStore) -> set[ox.Quad]:
    return set(store.store.quads_for_pattern(None, None, None, None))


def expected_acme() -> rdflib.Graph:
    g = rdflib.Graph()
    acme = rdflib.URIRef(EX + "acme")
    g.add((acme, rdflib.RDF.type, rdflib.URIRef(KG_NS + "Organization")))
    g.add((acme, rdflib.RDFS.label, rdflib.Literal("Acme, Inc.")))
    return g


# ---- SELECT ---------------------------------------------------------------


def test_select_table(store: GraphStore) -> None:
    lines = format_result(run_query(store, WORKERS), "table").splitlines()
    assert lines[0].rstrip() == "name"
    assert set(lines[1]) == {"-"}
    assert [line.strip() for line in lines[2:-1]] == [ADA, "Bob Ünïcode"]
    assert lines[-1] == "(2 rows)"


def test_select_table_one_line_per_row_and_short_names(store: GraphStore) -> None:
    query = f"SELECT ?c ?t WHERE {{ <{EX}ada> a ?c ; kg:jobTitle ?t }}"
    text = format_result(run_query(store, query), "table")
    lines = text.splitlines()
    assert len(lines) == 4, text  # header, rule, one row (the newline in the title folded), count
    assert lines[2].split()[0] == "kg:Person"
    assert "engineer and writer" in lines[2]
    assert lines[-1] == "(1 row)"


def test_select_csv(store: GraphStore) -> None:
    query = f"""PREFIX ex: <{EX}>
        SELECT ?person ?org ?title WHERE {{
          ?person kg:worksFor ?o . ?o rdfs:label ?org .
          OPTIONAL {{ ?person kg:jobTitle ?title }}
        }} ORDER BY ?person"""
    rows = list(csv.reader(io.StringIO(format_result(run_query(store, query), "csv"))))
    assert rows == [
        ["person", "org", "title"],
        [EX + "ada", "Acme, Inc.", "engineer\nand writer"],
        [EX + "bob", "Acme, Inc.", ""],
    ]


def test_select_json_is_sparql_results_json(store: GraphStore) -> None:
    query = "SELECT ?name ?title WHERE { ?p rdfs:label ?name OPTIONAL { ?p kg:jobTitle ?title } }"
    data = json.loads(format_result(run_query(store, query), "json"))
    assert data["head"]["vars"] == ["name", "title"]
    bindings = data["results"]["bindings"]
    by_name = {b["name"]["value"]: b for b in bindings}
    assert set(by_name) == {"Acme, Inc.", ADA, "Bob Ünïcode", "Paris"}
    assert by_name[ADA]["title"] == {"type": "literal", "value": "engineer\nand writer"}
    assert "title" not in by_name["Bob Ünïcode"]  # unbound: left out, as the spec says
    assert by_name["Paris"]["name"] == {"type": "literal", "value": "Paris", "xml:lang": "fr"}


def test_select_json_iri_binding(store: GraphStore) -> None:
    data = json.loads(format_result(run_query(store, "SELECT ?o WHERE { ?o a kg:Organization }"), "json"))
    assert data["results"]["bindings"] == [{"o": {"type": "uri", "value": EX + "acme"}}]


def test_graph_query_select_gives_plain_values(ttl_file: Path) -> None:
    rows = KnowledgeGraph(ttl_file).query(
        "SELECT ?name ?title WHERE { ?p a kg:Person ; rdfs:label ?name "
        "OPTIONAL { ?p kg:jobTitle ?title } } ORDER BY ?name")
    assert rows == [{"name": ADA, "title": "engineer\nand writer"},
                    {"name": "Bob Ünïcode", "title": None}]


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_graph_query_with_format_matches_format_result(ttl_file: Path, store: GraphStore, fmt: str) -> None:
    assert KnowledgeGraph(ttl_file).query(WORKERS, fmt) == format_result(run_query(store, WORKERS), fmt)


def test_unknown_format_is_refused(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="table, csv, json"):
        format_result(run_query(store, WORKERS), "xml")  # type: ignore[arg-type]


def test_select_csv_blank_node_keeps_its_marker(store: GraphStore) -> None:
    text = format_result(run_query(store, "SELECT ?b WHERE { BIND(BNODE() AS ?b) }"), "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][0].startswith("_:")


# ---- ASK ------------------------------------------------------------------


@pytest.mark.parametrize(("query", "answer"), [
    ("ASK { ?p kg:worksFor ?o }", True),
    ("ASK { ?p kg:foundedBy ?o }", False),
])
def test_ask(store: GraphStore, ttl_file: Path, query: str, answer: bool) -> None:
    assert format_result(run_query(store, query), "table") == str(answer).lower()
    assert format_result(run_query(store, query), "csv") == str(answer).lower()
    assert json.loads(format_result(run_query(store, query), "json")) == {"head": {}, "boolean": answer}
    assert KnowledgeGraph(ttl_file).query(query) is answer


# ---- CONSTRUCT and DESCRIBE ------------------------------------------------


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize(("fmt", "rdf_format"), [("table", "turtle"), ("csv", "nt"), ("json", "json-ld")])
def test_construct_round_trips(store: GraphStore, fmt: str, rdf_format: str) -> None:
    text = format_result(run_query(store, ACME), fmt)
    assert isomorphic(rdflib.Graph().parse(data=text, format=rdf_format), expected_acme())


def test_construct_turtle_uses_the_ontology_prefixes(store: GraphStore) -> None:
    text = format_result(run_query(store, ACME), "table")
    assert f"@prefix kg: <{KG_NS}>" in text
    assert "kg:Organization" in text


def test_graph_query_construct_gives_triples(ttl_file: Path) -> None:
    triples = KnowledgeGraph(ttl_file).query(ACME)
    assert all(isinstance(t, ox.Triple) for t in triples)
    assert {(t.subject.value, t.predicate.value, t.object.value) for t in triples} == {
        (EX + "acme", str(rdflib.RDF.type), KG_NS + "Organization"),
        (EX + "acme", str(rdflib.RDFS.label), "Acme, Inc."),
    }


def test_describe(store: GraphStore, ttl_file: Path) -> None:
    query = f"DESCRIBE <{EX}ada>"
    triples = KnowledgeGraph(ttl_file).query(query)
    assert {t.subject.value for t in triples} == {EX + "ada"}
    assert (KG_NS + "worksFor", EX + "acme") in {(t.predicate.value, t.object.value) for t in triples}
    described = rdflib.Graph().parse(data=format_result(run_query(store, query), "table"), format="turtle")
    assert (rdflib.URIRef(EX + "ada"), rdflib.RDFS.label, rdflib.Literal(ADA)) in described


def test_graph_sees_documents_added_after_it_was_opened(tmp_path: Path) -> None:
    def add_document(name: str) -> None:
        writer = GraphStore.open_build(tmp_path)
        writer.add_quads([ox.Quad(ox.NamedNode(EX + name), ox.NamedNode(str(rdflib.RDF.type)),
                                  ox.NamedNode(KG_NS + "Document"))])
        writer.flush()
        del writer  # as kg.pipeline.build leaves it: the writer is gone
        gc.collect()

    count = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"
    add_document("doc1")
    graph = open_graph(tmp_path)
    assert graph.query(count) == [{"n": "1"}]
    add_document("doc2")
    assert open_graph(tmp_path).query(count) == [{"n": "2"}]  # a fresh open sees both
    assert graph.query(count) == [{"n": "2"}]


# ---- prefixes -------------------------------------------------------------


@pytest.mark.parametrize("prefix", sorted(PREFIXES))
def test_every_prefix_is_predeclared(store: GraphStore, prefix: str) -> None:
    rows = list(run_query(store, f"SELECT ?x WHERE {{ BIND({prefix}:thing AS ?x) }}"))
    assert rows[0]["x"] == ox.NamedNode(PREFIXES[prefix] + "thing")


def test_kg_prefix_without_prefix_lines_on_a_real_build(sample_build: Path) -> None:
    rows = open_graph(sample_build).query(
        "SELECT ?name WHERE { ?o a kg:Organization ; rdfs:label ?name }")
    assert "Microsoft" in {r["name"] for r in rows}


def test_a_query_may_still_declare_the_prefixes_itself(sample_build: Path) -> None:
    graph = open_graph(sample_build)
    assert graph.query(f"PREFIX kg: <{KG_NS}>\nASK {{ ?d a kg:Document }}") is True
    # ... and its own declaration wins over the predeclared one
    assert graph.query("PREFIX kg: <http://example.org/other#>\nASK { ?d a kg:Document }") is False


# ---- updates are refused ----------------------------------------------------

UPDATES = [
    "INSERT DATA { kg:a kg:b kg:c }",
    "DELETE WHERE { ?s ?p ?o }",
    f"PREFIX ex: <{EX}>\nINSERT DATA {{ ex:a ex:b ex:c }}",
    "PREFIX ex: <http://example.org/#>\nPREFIX : <http://x/>\nDELETE WHERE { ?s ?p ?o }",
    "BASE <http://example.org/>\nINSERT DATA { <a> <b> <c> }",
    "insert data { kg:a kg:b kg:c }",
    "prefix ex: <http://example.org/> delete where { ?s ?p ?o }",
    "# add one triple\nINSERT DATA { kg:a kg:b kg:c }",
    "  # one\n\t# two\n\n  delete where { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR ALL", "DROP DEFAULT", "LOAD <http://example.org/data.ttl>",
    "CREATE GRAPH <http://g>", "COPY DEFAULT TO <http://g>", "MOVE DEFAULT TO <http://g>",
    "ADD DEFAULT TO <http://g>",
]


@pytest.fixture
def disk_store(tmp_path: Path, store: GraphStore) -> GraphStore:
    """The small graph in a writable on-disk store (as ``kg build`` leaves it)."""
    disk = GraphStore.open_build(tmp_path / "build")
    disk.add_quads(quads(store))
    return disk


@pytest.mark.parametrize("kind", ["memory", "disk"])
@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_and_change_nothing(request: pytest.FixtureRequest, kind: str,
                                                update: str) -> None:
    target: GraphStore = request.getfixturevalue("store" if kind == "memory" else "disk_store")
    before = quads(target)
    assert before
    with pytest.raises(QueryError, match="refused") as info:
        run_query(target, update)
    assert "\n" not in str(info.value)
    assert quads(target) == before


def test_graph_query_refuses_updates(ttl_file: Path) -> None:
    graph = KnowledgeGraph(ttl_file)
    before = len(graph.store)
    with pytest.raises(QueryError, match="read-only"):
        graph.query("DELETE WHERE { ?s ?p ?o }")
    assert len(graph.store) == before


_keyword = st.sampled_from(["INSERT DATA { <http://a> <http://b> <http://c> }",
                            "DELETE WHERE { ?s ?p ?o }", "CLEAR ALL", "DROP ALL"])
_space = st.text(" \t\n", min_size=1, max_size=3)
_comment = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>"),
                   max_size=20).map(lambda s: f"#{s}\n")
_prefix = st.from_regex(r"[a-z]{0,4}", fullmatch=True).map(
    lambda p: f"PREFIX {p}: <http://example.org/{p}#>\n")


@settings(max_examples=60, deadline=None)
@given(head=st.lists(st.one_of(_comment, _prefix, _space), max_size=4),
       keyword=_keyword, data=st.data())
def test_updates_are_refused_whatever_comes_first(head: list[str], keyword: str, data: st.DataObject) -> None:
    word, rest = keyword.split(" ", 1)
    casing = data.draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    word = "".join(c.lower() if low else c for c, low in zip(word, casing))
    target = GraphStore.memory()
    target.add_quads([ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal("o"))])
    with pytest.raises(QueryError, match="refused"):
        run_query(target, "".join(head) + word + " " + rest)
    assert len(target) == 1


def test_update_after_a_comment_with_angle_brackets_is_refused(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="refused"):
        run_query(store, "# copy <http://a> to the store\nINSERT DATA { kg:a kg:b kg:c }")


def test_the_word_insert_inside_a_select_is_not_an_update(store: GraphStore) -> None:
    query = '# insert nothing\nSELECT ?x WHERE { BIND("DELETE WHERE { ?s ?p ?o }" AS ?x) }'
    assert len(list(run_query(store, query))) == 1


# ---- errors ---------------------------------------------------------------


@pytest.mark.parametrize(("query", "position"), [
    ("SELECT ?x WHERE { ?x ?y }", "1:"),
    ("SELEC ?x WHERE { }", "1:"),
    ("SELECT ?x\nWHERE {\n  ?x rdfs:label \n}", "4:"),
    ("", "1:"),
])
def test_syntax_error_is_one_line_with_its_position(store: GraphStore, query: str, position: str) -> None:
    with pytest.raises(QueryError) as info:
        run_query(store, query)
    message = str(info.value)
    assert message.startswith("SPARQL syntax error")
    assert "\n" not in message
    assert re.search(rf"\b{position}\d+", message), message
    assert isinstance(info.value.__cause__, SyntaxError)


def test_unknown_prefix_is_a_syntax_error(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="syntax error"):
        run_query(store, "SELECT ?x WHERE { ?x a nope:Thing }")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_failing_service_is_a_query_error(store: GraphStore) -> None:
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{_closed_port()}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError):
        format_result(run_query(store, query), "table")


# ---- sources: RDF files ---------------------------------------------------


def test_query_an_rdf_file(ttl_file: Path) -> None:
    assert open_graph(ttl_file).query("SELECT ?o WHERE { ?o a kg:Organization }") == [{"o": EX + "acme"}]


def test_query_an_ntriples_file(tmp_path: Path) -> None:
    path = tmp_path / "small.nt"
    path.write_text(rdflib.Graph().parse(data=TTL, format="turtle").serialize(format="nt"), encoding="utf-8")
    assert open_graph(path).query("SELECT (COUNT(*) AS ?n) WHERE { ?p kg:worksFor ?o }") == [{"n": "2"}]


def test_graph_ttl_of_a_build_answers_like_the_build(sample_build: Path) -> None:
    query = "SELECT ?d ?src WHERE { ?d a kg:Document ; kg:source ?src } ORDER BY ?d"
    from_store = open_graph(sample_build).query(query)
    assert from_store
    assert open_graph(sample_build / "graph.ttl").query(query) == from_store


@pytest.mark.parametrize("name", ["graph.xyz", "notes.txt", "no-suffix"])
def test_unknown_suffix_is_a_source_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(TTL, encoding="utf-8")
    with pytest.raises(SourceError, match=r"\.ttl") as info:
        open_graph(path)
    assert str(path) in str(info.value)
    with pytest.raises(SourceError):
        KnowledgeGraph(path).query("ASK {}")


def test_missing_path_is_a_source_error(tmp_path: Path) -> None:
    path = tmp_path / "gone"
    with pytest.raises(SourceError, match="no such") as info:
        open_graph(path)
    assert str(path) in str(info.value)
    with pytest.raises(SourceError):
        KnowledgeGraph(tmp_path / "gone.ttl").query("ASK {}")


def test_invalid_rdf_is_a_source_error_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(TTL + "\nex:a ex:b\n", encoding="utf-8")
    with pytest.raises(SourceError, match="line") as info:
        open_graph(path)
    assert str(path) in str(info.value)
