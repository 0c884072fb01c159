"""Removals, updates and crash safety: kg.graph.remove, kg.pipeline.remove/build, kg remove.

Hand-made document graphs pin down the rules (what goes, what stays) without
spaCy; real builds check them end to end, through the API and the CLI, and
a build killed with SIGKILL checks that documents land whole.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.config import Settings
from kg.graph.rdf import document_iri, quarantine_graph, to_quads
from kg.graph.remove import choose_label, find_documents, remove_documents, replaced_documents
from kg.graph.store import GraphStore
from kg.lexicon import load_lexicon
from kg.pipeline import build, remove
from kg.types import Document, DocumentGraph, Entity, Mention, Relation

BASE = Settings().base_iri
ORG, PERSON, PRODUCT = (f"{BASE}Organization/", f"{BASE}Person/", f"{BASE}Product/")

A_TEXT = "Amazon Web Services (AWS) makes the Trainium chip. Apple uses AWS. Tim Cook is the CEO of Apple.\n"
B_TEXT = ("Amazon Web Services is a partner of Anthropic. Apple uses Amazon Web Services. "
          "Apple competes with Microsoft.\n")


# ------------------------------------------------------------- hand-made graphs


def _graph(text: str, source: str, names: dict[str, tuple[str, str, str]],
           relations: list[tuple[str, str, str]]) -> DocumentGraph:
    """A document graph: ``names`` maps a written name to (IRI, class, label); relations by name."""
    doc = Document.from_text(text, source)
    mentions, entities = [], {}
    for name, (iri, cls, label) in names.items():
        start = text.index(name)
        mentions.append((iri, Mention(doc.id, start, start + len(name), name, cls)))
        alts = entities.get(iri, Entity(iri, cls, label)).alt_labels
        entities[iri] = Entity(iri, cls, label, tuple(sorted({*alts, name} - {label})))
    spans = {name: (text.index(name), text.index(name) + len(name)) for name in names}
    rels = tuple(Relation(names[s][0], p, names[o][0], doc.id, text, spans[s], spans[o], 0.9, "rule:test")
                 for s, p, o in relations)
    return DocumentGraph(doc, tuple(entities.values()), tuple(mentions), rels)


AWS = (ORG + "Amazon_Web_Services", "Organization", "Amazon Web Services")
APPLE = (ORG + "Apple", "Organization", "Apple")


@pytest.fixture()
def two_docs() -> tuple[GraphStore, DocumentGraph, DocumentGraph]:
    trainium = (PRODUCT + "Trainium", "Product", "Trainium")
    cook = (PERSON + "Tim_Cook", "Person", "Tim Cook")
    a = _graph("Amazon Web Services (AWS) makes Trainium. Apple uses AWS. Tim Cook works for Apple. "
               "Apple works for AWS.", "a.txt",
               {"Amazon Web Services": AWS, "AWS": AWS, "Trainium": trainium, "Apple": APPLE,
                "Tim Cook": cook},
               [("AWS", "develops", "Trainium"), ("Apple", "uses", "AWS"), ("Tim Cook", "worksFor", "Apple"),
                ("Apple", "worksFor", "AWS")])  # the last breaks worksFor's domain: quarantined
    b = _graph("Apple uses Amazon Web Services.", "b.txt", {"Apple": APPLE, "Amazon Web Services": AWS},
               [("Apple", "uses", "Amazon Web Services")])
    store = GraphStore.memory()
    for g in (a, b):
        store.add_atomic(to_quads(g, load_lexicon(), BASE))
    return store, a, b


def _ask(store: GraphStore, where: str) -> bool:
    return bool(store.query(f"ASK {{ {where} }}", union=True))


def test_removal_takes_what_only_the_document_supported(two_docs) -> None:  # type: ignore[no-untyped-def]
    store, a, _ = two_docs
    d = document_iri(BASE, a.document.id)
    assert _ask(store, f"GRAPH {quarantine_graph(BASE)} {{ <{APPLE[0]}> kg:worksFor <{AWS[0]}> }}")
    removal = remove_documents(store, [d])
    assert removal.documents == (d,)
    assert not _ask(store, f"{{ <{d}> ?p ?o }} UNION {{ ?s ?p <{d}> }}")
    assert not _ask(store, f"?ev kg:document <{d}>")
    # entities only a.txt mentioned: gone entirely
    assert set(removal.entities) == {PRODUCT + "Trainium", PERSON + "Tim_Cook"}
    assert not _ask(store, f"{{ <{PERSON}Tim_Cook> ?p ?o }} UNION {{ ?s ?p <{PERSON}Tim_Cook> }}")
    # relations only a.txt backed: gone, in the quarantine graph too; the shared one stays
    assert not _ask(store, f"<{AWS[0]}> kg:develops ?o")
    assert not _ask(store, f"GRAPH ?g {{ <{APPLE[0]}> kg:worksFor ?o }}")
    assert _ask(store, f"<{APPLE[0]}> kg:uses <{AWS[0]}>")
    assert store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?ev rdf:subject <{APPLE[0]}> ; "
                       "rdf:predicate kg:uses }").__next__()["n"].value == "1"
    # AWS stays (b.txt mentions it), without the alias only a.txt wrote
    assert removal.aliases == ((AWS[0], "AWS"),)
    assert _ask(store, f'<{AWS[0]}> rdfs:label "Amazon Web Services"')
    assert not _ask(store, f"<{AWS[0]}> skos:altLabel ?alt")
    assert removal.relabelled == ()
    # idempotent
    assert not remove_documents(store, [d])
    assert remove_documents(store, [d]).to_text() == "nothing to remove"


def test_a_label_only_the_removed_document_wrote_is_chosen_again(two_docs) -> None:  # type: ignore
    store, a, b = two_docs
    c = _graph("AWS grew.", "c.txt", {"AWS": AWS}, [])
    store.add_atomic(to_quads(c, load_lexicon(), BASE))
    removal = remove_documents(store, [document_iri(BASE, a.document.id), document_iri(BASE, b.document.id)])
    assert removal.relabelled == ((AWS[0], "Amazon Web Services", "AWS"),)
    assert _ask(store, f'<{AWS[0]}> rdfs:label "AWS"')
    assert not _ask(store, f'<{AWS[0]}> skos:altLabel ?any')
    assert not _ask(store, f'<{APPLE[0]}> ?p ?o')


def test_choose_label_prefers_full_forms_then_words_then_documents() -> None:
    from collections import Counter

    ibm = "International Business Machines"
    assert choose_label(Counter({"IBM": 5, ibm: 1})) == ibm
    assert choose_label(Counter({"Apple Inc": 1, "Apple Computer": 2})) == "Apple Computer"
    assert choose_label(Counter({"B Co": 1, "A Co": 1})) == "A Co"


def test_documents_are_found_by_source_id_iri_records_and_folder(tmp_path: Path) -> None:
    store = GraphStore.memory()
    docs = [Document.from_text("One.", "articles/a.txt"),
            Document.from_text("Two.", "news.jsonl:1", external_id="n-1"),
            Document.from_text("Three.", "news.jsonl:2"), Document.from_text("Four.", "-")]
    for doc in docs:
        store.add_atomic(to_quads(DocumentGraph(doc), load_lexicon(), BASE))
    iri = [document_iri(BASE, d.id) for d in docs]
    found, missing = find_documents(store, ["./articles/a.txt", docs[0].id, iri[2], "n-1", "news.jsonl",
                                            "articles/", "nope.txt", "-"], BASE)
    assert found == {"./articles/a.txt": [iri[0]], docs[0].id: [iri[0]], iri[2]: [iri[2]], "n-1": [iri[1]],
                     "news.jsonl": sorted(iri[1:3]), "articles/": [iri[0]]}
    assert missing == ["nope.txt", "-"]  # standard input is not a name
    # a new text from a known source replaces the old; a record by its id within its file
    assert replaced_documents(store, "x", "articles/a.txt", None, BASE) == [iri[0]]
    assert replaced_documents(store, docs[0].id, "articles/a.txt", None, BASE) == []
    assert replaced_documents(store, "x", "news.jsonl:7", "n-1", BASE) == [iri[1]]
    assert replaced_documents(store, "x", "other.jsonl:1", "n-1", BASE) == []
    assert replaced_documents(store, "x", "-", None, BASE) == []


# ------------------------------------------------------------------ real builds


def _quads(out: Path) -> set[ox.Quad]:
    return set(ox.Store.read_only(str(out / "store")))


def _isomorphic(one: set[ox.Quad], other: set[ox.Quad]) -> bool:
    """Graph by graph (default and named), with rdflib.compare.isomorphic."""
    def graphs(quads: set[ox.Quad]) -> dict[str, Graph]:
        store = ox.Store()
        store.extend(quads)
        names = [ox.DefaultGraph(), *store.named_graphs()]
        return {str(g): Graph().parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode(),
                                      format="nt") for g in names}

    a, b = graphs(one), graphs(other)
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(B_TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def both(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> set[ox.Quad]:
    out = tmp_path_factory.mktemp("both")
    build([corpus / "a.txt", corpus / "b.txt"], out, html=False)
    return _quads(out)


def test_remove_the_first_document_then_rebuild_it(corpus: Path, both: set[ox.Quad], tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus / "a.txt", corpus / "b.txt"], out, html=False)
    removal, missing = remove(out, [str(corpus / "a.txt")])
    assert missing == [] and len(removal.documents) == 1
    store = GraphStore.open_build(out, read_only=True)
    assert int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }")))["n"].value) == 1
    names = {r["n"].value for r in store.query("SELECT ?n WHERE { ?e rdfs:label|skos:altLabel ?n }")}
    assert {"Amazon Web Services", "Apple", "Anthropic", "Microsoft"} <= names
    assert not names & {"Tim Cook", "Trainium", "AWS"}, names
    assert bool(store.query("ASK { ?a rdfs:label 'Apple' ; kg:uses ?w . "
                            "?w rdfs:label 'Amazon Web Services' }"))
    assert not bool(store.query("ASK { ?s kg:leads|kg:develops ?o }"))
    assert not bool(store.query("ASK { ?n kg:document ?d . FILTER NOT EXISTS { ?d a kg:Document } }"))
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert "Trainium" not in turtle and "Anthropic" in turtle
    del store
    assert not remove(out, [str(corpus / "a.txt")])[0]  # twice: nothing
    build([corpus / "a.txt"], out, html=False)
    after = _quads(out)
    # the same graph, but for how a.txt's names of the entities b.txt shares joined them:
    # read after b.txt this time, they came from "earlier document"
    rule = ox.NamedNode("https://w3id.org/kg/ontology#rule")
    assert {q for q in after if q.predicate != rule} == {q for q in both if q.predicate != rule}
    changed = {(q.subject, q.object.value) for q in after ^ both if q in after}
    assert changed and {value for _, value in changed} == {"earlier document"}


def test_remove_the_later_document_then_rebuild_it_gives_back_the_same_graph(
        corpus: Path, both: set[ox.Quad], tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus / "a.txt", corpus / "b.txt"], out, html=False)
    removal, _ = remove(out, [str(corpus / "b.txt")], html=False)
    assert len(removal.documents) == 1
    store = GraphStore.open_build(out, read_only=True)
    names = {r["n"].value for r in store.query("SELECT ?n WHERE { ?e rdfs:label|skos:altLabel ?n }")}
    assert {"Amazon Web Services", "AWS", "Apple", "Tim Cook"} <= names
    assert not names & {"Anthropic", "Microsoft"}
    assert bool(store.query("ASK { ?a rdfs:label 'Apple' ; kg:uses ?w . "
                            "?w rdfs:label 'Amazon Web Services' }"))
    assert not bool(store.query("ASK { ?a kg:competesWith ?b }"))
    del store
    build([corpus / "b.txt"], out, html=False)
    after = _quads(out)
    assert after == both
    assert _isomorphic(after, both)


def test_a_changed_text_replaces_its_old_facts(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Tim Cook is the CEO of Apple. Apple uses Trainium.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([source], out, html=False)
    source.write_text("Satya Nadella is the CEO of Microsoft. Microsoft uses Trainium.\n", encoding="utf-8")
    report = build([source], out, html=False)
    assert report.documents == 1 and report.replaced == 1
    again = build([source], out, html=False)
    assert again.documents == 0 and again.skipped == 1 and again.replaced == 0
    store = GraphStore.open_build(out, read_only=True)
    rows = list(store.query("SELECT ?d WHERE { ?d kg:source ?s FILTER(STRENDS(?s, 'a.txt')) }"))
    assert len(rows) == 1
    labels = {r["l"].value for r in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }")}
    assert {"Satya Nadella", "Microsoft", "Trainium"} <= labels
    assert not labels & {"Tim Cook", "Apple"}
    assert bool(store.query("ASK { ?p rdfs:label 'Satya Nadella' ; kg:leads ?m . "
                            "?m rdfs:label 'Microsoft' }"))
    assert not bool(store.query("ASK { ?p rdfs:label 'Tim Cook' } "))
    assert not bool(store.query("ASK { ?ev kg:sentence ?s FILTER(CONTAINS(?s, 'Apple')) }"))


def test_kg_remove_on_the_command_line(corpus: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    build([corpus / "a.txt", corpus / "b.txt"], out, html=True)
    html_before = (out / "graph.html").read_text(encoding="utf-8")
    assert "Tim Cook" in html_before
    assert main(["remove", str(out), str(corpus / "a.txt"), "missing.txt"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("removed 1 document(s):")
    assert "no document in" in captured.err and "missing.txt" in captured.err
    assert "Tim Cook" not in (out / "graph.html").read_text(encoding="utf-8")
    assert main(["remove", str(out), str(corpus / "a.txt")]) == 0
    assert "nothing to remove" in capsys.readouterr().out
    assert main(["remove", str(tmp_path / "nowhere"), "a.txt"]) == 1
    assert "not a kg build directory" in capsys.readouterr().err


def test_no_html_and_no_ttl_skip_the_outputs(corpus: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    inputs = [str(corpus / "a.txt"), str(corpus / "b.txt")]
    assert main(["build", *inputs, "-o", str(out), "--no-html", "--no-ttl"]) == 0
    assert "wrote" not in capsys.readouterr().out
    assert not (out / "graph.ttl").exists() and not (out / "graph.html").exists()
    assert main(["remove", str(out), str(corpus / "a.txt"), "--no-html"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"wrote {out / 'graph.ttl'}")
    assert "Anthropic" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert not (out / "graph.html").exists()


def test_a_second_writer_is_told_the_store_is_busy(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus / "b.txt"], out, html=False)
    holder = GraphStore.open_build(out)  # another process holds the lock
    try:
        for command in (["build", str(corpus / "a.txt"), "-o", str(out), "-q"],
                        ["remove", str(out), "b.txt"]):
            run = subprocess.run([sys.executable, "-m", "kg", *command], capture_output=True, text=True,
                                 timeout=300)
            assert run.returncode == 1, run.stderr
            assert "the store is busy" in run.stderr and "Traceback" not in run.stderr
    finally:
        del holder


# ------------------------------------------------------------------ crash safety


def test_two_runs_resolve_as_one_run_does(tmp_path: Path) -> None:
    """The alias index read back from the store keeps a weak join weak (from the namings' rules),
    so a build split in two runs, as a killed build and its rerun are, gives the one-run graph."""
    d1, d2 = tmp_path / "d1.txt", tmp_path / "d2.txt"
    d1.write_text("Henrik August Angell was a Norwegian officer. "
                  "Henrik Angell wrote books about Montenegro.\n", encoding="utf-8")
    d2.write_text("Henrik Angell visited Oslo in 1900.\n", encoding="utf-8")
    build([d1, d2], tmp_path / "one", html=False)
    build([d1], tmp_path / "two", html=False)
    build([d2], tmp_path / "two", html=False)
    assert _quads(tmp_path / "one") == _quads(tmp_path / "two")


N_DOCS = 30
NAMES = ["Apple", "Amazon", "Microsoft", "Google", "Nvidia", "Intel", "Tesla", "Anthropic", "OpenAI", "IBM"]
PEOPLE = ["Tim Cook", "Andy Jassy", "Satya Nadella", "Sundar Pichai", "Jensen Huang"]


def _write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_DOCS):
        org, other, person = NAMES[i % 10], NAMES[(i * 3 + 1) % 10], PEOPLE[i % 5]
        (folder / f"doc{i:02}.txt").write_text(
            f"{person} is the CEO of {org}. {org} uses chips from {other} (report {i}). "
            f"{org} competes with {other}.\n", encoding="utf-8")


def _documents(out: Path) -> set[str]:
    try:
        store = ox.Store.read_only(str(out / "store"))
    except (OSError, RuntimeError):  # not there yet, or being created
        return set()
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    return {q.subject.value for q in
            store.quads_for_pattern(None, a, ox.NamedNode("https://w3id.org/kg/ontology#Document"))}


def _about(quads: set[ox.Quad], doc: str) -> set[ox.Quad]:
    """Every quad that names ``doc`` or belongs to a record (evidence, naming) that does."""
    records = {q.subject for q in quads if q.object == ox.NamedNode(doc)
               and q.predicate == ox.NamedNode("https://w3id.org/kg/ontology#document")}
    return {q for q in quads if q.subject in records or q.subject == ox.NamedNode(doc)
            or q.object == ox.NamedNode(doc)}


def test_a_killed_build_leaves_whole_documents_and_a_rerun_completes_it(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    whole = tmp_path / "whole"
    build([corpus], whole, html=False, settings=Settings(batch_size=1))
    expected = _quads(whole)
    assert len(_documents(whole)) == N_DOCS

    out = tmp_path / "killed"
    command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out), "-q", "--no-html",
               "--batch-size", "1"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while len(_documents(out)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _quads(out)
    stored = _documents(out)
    assert 3 <= len(stored) < N_DOCS, f"the kill came too late to test anything: {len(stored)} documents"
    for doc in stored:  # each stored document is whole: exactly its quads in the full build
        assert _about(partial, doc) == _about(expected, doc), doc

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert len(_documents(out)) == N_DOCS
    final = _quads(out)
    assert final == expected
    assert _isomorphic(final, expected)
