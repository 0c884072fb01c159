"""``kg eval redocred``: the reader, the Wikidata map, entity-level scoring once per document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.evaluation.datasets import read_redocred
from kg.evaluation.mappings import load_mapping
from kg.evaluation.redocred import evaluate_redocred, rd_facts, rd_gold, rd_match, rd_score
from kg.evaluation.scoring import Counts, Scores
from kg.types import Document, DocumentGraph, Entity, Mention, Relation

REDOCRED_DEV = Path(__file__).resolve().parents[2] / "shared/data/redocred/dev.json"

#: A hand-made document in Re-DocRED's format (not from the dataset).
DOC = {
    "title": "Ann Lee",
    "sents": [["Ann", "Lee", "works", "for", "Acme", "Corp", "."],
              ["She", "was", "born", "on", "3", "May", "1970", "in", "Paris", "."],
              ["Lee", "joined", "Acme", "in", "1999", "."],
              ["Acme", "(", "Ohio", ")", "makes", "Zap", "."]],
    "vertexSet": [
        [{"name": "Ann Lee", "sent_id": 0, "pos": [0, 2], "type": "PER"},
         {"name": "Lee", "sent_id": 2, "pos": [0, 1], "type": "PER"}],
        [{"name": "Acme Corp", "sent_id": 0, "pos": [4, 6], "type": "ORG"},
         {"name": "Acme", "sent_id": 2, "pos": [2, 3], "type": "ORG"},
         {"name": "Acme", "sent_id": 3, "pos": [0, 1], "type": "ORG"}],
        [{"name": "3 May 1970", "sent_id": 1, "pos": [4, 7], "type": "TIME"}],
        [{"name": "Paris", "sent_id": 1, "pos": [8, 9], "type": "LOC"}],
        [{"name": "Ohio", "sent_id": 3, "pos": [2, 3], "type": "LOC"}],
        [{"name": "Zap", "sent_id": 3, "pos": [5, 6], "type": "MISC"}],
    ],
    "labels": [
        {"r": "P108", "h": 0, "t": 1, "evidence": [0, 2]},
        {"r": "P569", "h": 0, "t": 2, "evidence": [1]},
        {"r": "P19", "h": 0, "t": 3, "evidence": [1]},
        {"r": "P159", "h": 1, "t": 4, "evidence": [3]},
        {"r": "P176", "h": 5, "t": 1, "evidence": [3]},  # Zap's manufacturer: Acme (develops, inverted)
        {"r": "P1056", "h": 1, "t": 5, "evidence": [3]},  # product: no kg property stands for it
        {"r": "P937", "h": 0, "t": 4, "evidence": [0, 3]},  # work location: none either
    ],
}


@pytest.fixture
def dev_file(tmp_path: Path) -> Path:
    path = tmp_path / "dev.json"
    path.write_text(json.dumps([DOC]), encoding="utf-8")
    return path


#: kg's entities in the hand-made document: name -> (IRI, class).
ENTITIES = {"Ann Lee": ("x:ann", "Person"), "Lee": ("x:ann", "Person"), "She": ("x:ann", "Person"), "Acme Corp": ("x:acme", "Organization"),
            "Acme": ("x:acme", "Organization"), "Paris": ("x:paris", "Place"), "Ohio": ("x:ohio", "Place"),
            "Zap": ("x:zap", "Product")}


def _graph(text: str, relations: list[tuple[str, str, str]]) -> DocumentGraph:
    """kg's graph of ``text`` with these relations: (subject, property, object), each end a
    name in :data:`ENTITIES` (``"Acme#2"``: its third occurrence) or a literal's text."""
    doc = Document.from_text(text, source="t")

    def place(name: str) -> tuple[str, tuple[int, int]]:
        name, nth = name.split("#") if "#" in name else (name, "0")
        start = -1
        for _ in range(int(nth) + 1):
            start = text.index(name, start + 1)
        return name, (start, start + len(name))

    rels, mentions = [], []
    for s, p, o in relations:
        (s, ss), (o, os_) = place(s), place(o)
        literal = o not in ENTITIES
        for name, span in [(s, ss)] + ([] if literal else [(o, os_)]):
            mentions.append((ENTITIES[name][0], Mention(doc.id, *span, name, ENTITIES[name][1])))
        rels.append(Relation(ENTITIES[s][0], p, o if literal else ENTITIES[o][0], doc.id, "", ss, os_,
                             0.9, "rule:test", literal))
    entities = {iri: Entity(iri, cls, name) for name, (iri, cls) in ENTITIES.items()}
    return DocumentGraph(doc, tuple(entities.values()), tuple(mentions), tuple(rels))


def test_reader_rebuilds_text_and_mention_offsets(dev_file: Path) -> None:
    (doc,) = read_redocred(dev_file)
    assert doc.text.startswith("Ann Lee works for Acme Corp. She was born on 3 May 1970 in Paris.")
    assert "Acme (Ohio) makes Zap." in doc.text
    for mentions, vertex in zip(doc.entities, DOC["vertexSet"]):
        assert [doc.text[slice(*m.span)] for m in mentions] == [m["name"] for m in vertex]
    assert doc.text[slice(*doc.sentences[2])] == "Lee joined Acme in 1999."


def test_reader_names_a_bad_document(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"title": "x", "sents": [["A"]], "vertexSet": [[{"name": "A"}]]}]))
    with pytest.raises(InputError, match=r"document 1.*vertexSet"):
        read_redocred(bad)


def test_wikidata_map_has_the_documented_rows() -> None:
    wikidata = load_mapping("wikidata")
    assert wikidata.labels_of("memberOf") == (("P108", False), ("P463", False), ("P102", False), ("P54", False))
    assert ("P102", False) in wikidata.labels_of("leads")  # a party's leader belongs to it
    assert ("P40", True) in wikidata.labels_of("childOf") and ("P355", True) in wikidata.labels_of("subsidiaryOf")
    assert wikidata.labels_of("locatedIn")[:3] == (("P131", False), ("P17", False), ("P276", False))
    assert wikidata.to_kg()["P108"] == ("worksFor", False)  # a missed employer counts under worksFor
    assert wikidata.symmetric == {"P26"}
    assert "P527" not in wikidata.labels  # has part: not covered


def test_mapping_and_counting_once_per_document(dev_file: Path) -> None:
    (doc,) = read_redocred(dev_file)
    graph = _graph(doc.text, [
        ("Ann Lee", "worksFor", "Acme Corp"),   # P108 ...
        ("Lee#1", "worksFor", "Acme"),          # ... stated again about the same entities: once
        ("Ann Lee", "leads", "Acme Corp"),      # leads stands for P108 too: the same fact, dropped
        ("Ann Lee", "birthDate", "3 May 1970"),  # a literal: the TIME entity at its span
        ("Acme#2", "develops", "Zap"),          # P176 inverted
        ("Ann Lee", "livesIn", "Paris"),        # gold says P19 between them: a false positive
        ("Ann Lee", "uses", "Zap"),             # uses stands for no Wikidata property: not counted
    ])
    predicted = rd_facts(graph, doc)
    assert [f.label for f in predicted] == ["worksFor", "leads", "birthDate", "develops", "livesIn"]
    assert predicted[0].subject.names == {"0"} and predicted[2].object.names == {"2"}
    gold, not_covered = rd_gold(doc)
    assert [g.label for g in gold] == ["P108", "P569", "P19", "P159", "P176"]
    assert [g.label for g in not_covered] == ["P1056", "P937"]
    matched = rd_match(gold, predicted)
    scores = Scores()
    scores.add(matched)
    assert scores.by_label == {"worksFor": Counts(tp=1), "birthDate": Counts(tp=1), "develops": Counts(tp=1),
                               "livesIn": Counts(fp=1), "bornIn": Counts(fn=1), "headquarteredIn": Counts(fn=1)}


def test_a_pronoun_end_is_the_entity_kg_resolved_it_to(dev_file: Path) -> None:
    (doc,) = read_redocred(dev_file)
    gold, _ = rd_gold(doc)
    facts = rd_facts(_graph(doc.text, [("Ann Lee", "worksFor", "Acme Corp"), ("She", "bornIn", "Paris")]), doc)
    assert facts[1].subject.text == "She" and facts[1].subject.names == {"0"}  # kg's "Ann Lee"
    assert [p.label for _, p in rd_match(gold, facts).pairs] == ["worksFor", "bornIn"]
    alone = rd_facts(_graph(doc.text, [("She", "bornIn", "Paris")]), doc)  # kg named her nowhere
    assert alone[0].subject.names == {"?she"}


def test_a_date_matches_only_the_time_entity_it_overlaps(dev_file: Path) -> None:
    (doc,) = read_redocred(dev_file)
    gold, _ = rd_gold(doc)
    wrong_date = rd_facts(_graph(doc.text, [("Ann Lee", "birthDate", "1999")]), doc)
    assert wrong_date[0].object.names == {"?1999"}  # no TIME entity is written there
    assert rd_match(gold, wrong_date).false == wrong_date


def test_errors_say_why(dev_file: Path) -> None:
    (doc,) = read_redocred(dev_file)
    from kg.evaluation.redocred import _report

    graph = _graph(doc.text, [("Ann Lee", "livesIn", "Paris"), ("Acme#2", "headquarteredIn", "Ohio"),
                              ("Acme", "locatedIn", "Paris"), ("Ann Lee", "livesIn", "Ohio")])
    report = _report("x")
    rd_score(report, doc, graph)
    notes = {(e.kind, e.fact.label, e.fact.object.text): e.note for e in report.errors}
    assert notes[("fp", "livesIn", "Paris")] == "gold says P19 (place of birth)"
    assert notes[("fn", "bornIn", "Paris")] == "gold P19 (place of birth); kg said livesIn"
    assert notes[("fn", "worksFor", "Acme Corp")].startswith("gold P108 (employer); ") and \
        notes[("fn", "worksFor", "Acme Corp")].endswith("both ends found, no relation")
    assert notes[("fp", "locatedIn", "Paris")] == "no gold fact between these entities"
    assert notes[("fp", "livesIn", "Ohio")] == "gold says P937 (no kg property)"
    assert ("fp", "headquarteredIn", "Ohio") not in notes  # right
    assert report.tasks["facts"].by_label["headquarteredIn"] == Counts(tp=1)


def test_cli_redocred_on_the_hand_made_document(dev_file: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    pred, errs = tmp_path / "pred.jsonl", tmp_path / "errors.jsonl"
    assert main(["eval", "redocred", str(dev_file), "--json", "--predictions", str(pred),
                 "--errors", str(errs)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dataset"] == "redocred" and out["documents"] == 1
    assert {k: v["fn"] for k, v in out["tasks"]["not-covered"]["by_label"].items()} == {"P1056": 1, "P937": 1}
    assert out["micro"]["tp"] + out["micro"]["fn"] == 5  # the covered gold facts
    (record,) = [json.loads(line) for line in pred.read_text().splitlines()]
    assert record["title"] == "Ann Lee"
    assert all({"h", "t", "r", "evidence", "kg_property"} <= set(x) for x in record["labels"])
    errors = [json.loads(line) for line in errs.read_text().splitlines()]
    assert sum(e["kind"] == "fn" and e["task"] == "facts" for e in errors) == out["micro"]["fn"]
    # each gold person, organisation and place once, typed as kg typed it (Zap, MISC, is not scored)
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in out["tasks"]["classes"]["by_label"].items()} == {
        "PER": (1, 0, 0), "ORG": (1, 0, 0), "LOC": (2, 0, 0)}


def test_cli_redocred_dev(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not REDOCRED_DEV.is_file():
        pytest.skip(f"gold data not found: {REDOCRED_DEV}")
    errs = tmp_path / "errors.jsonl"
    assert main(["eval", "redocred", str(REDOCRED_DEV), "--limit", "3", "--errors", str(errs)]) == 0
    text = capsys.readouterr().out
    assert "3 document(s)" in text and "not-covered" in text and "micro" in text
    errors = [json.loads(line) for line in errs.read_text().splitlines()]
    assert errors and all(e["kind"] in {"fp", "fn"} and e["note"] for e in errors)
    report = evaluate_redocred(REDOCRED_DEV, limit=3)
    gold = [rd_gold(d) for d in read_redocred(REDOCRED_DEV, limit=3)]
    assert report.micro.tp + report.micro.fn <= sum(len(c) for c, _ in gold)
    assert sum(c.fn for c in report.tasks["not-covered"].by_label.values()) == sum(len(o) for _, o in gold)


def test_the_judged_held_out_facts_are_well_formed() -> None:
    """benchmarks/judged/redocred-fold2.jsonl: one verdict a fact (84 judged at b2a4a91, 12 more
    at fe9db6a), each with its reason, each about a document of the held-out half
    (benchmarks/judged_redocred.py reads it)."""
    judged = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "benchmarks" / "judged"
                                            / "redocred-fold2.jsonl").read_text(encoding="utf-8").splitlines()]
    verdicts = {"stated", "membership", "military", "not_stated", "wrong_entity"}
    assert len(judged) == 96
    assert all(j["verdict"] in verdicts and j["reason"] and j["label"] in {"worksFor", "livesIn"} for j in judged)
    assert len({(j["document"], j["label"], j["subject"], j["object"]) for j in judged}) == len(judged)
    if not REDOCRED_DEV.is_file():
        pytest.skip(f"Re-DocRED dev not found: {REDOCRED_DEV}")
    documents = json.loads(REDOCRED_DEV.read_text(encoding="utf-8"))
    held_out = {d["title"] for d in documents[len(documents) // 2:]}
    assert {j["document"] for j in judged} <= held_out
