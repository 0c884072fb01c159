"""``kg eval``: the scorer on hand-made cases, the readers and the real datasets.

The scorer tests use tiny gold and prediction sets whose precision, recall and
F1 are known by hand. The dataset tests read ``../shared/data`` (outside the
repository) with a small ``--limit`` and are skipped when it is not there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluation.datasets import KNPassage, read_conll04, read_gold, read_knowledgenet
from kg.errors import InputError
from kg.evaluation.conll04 import conll_relations, evaluate_conll04
from kg.evaluation import evaluate_gold, evaluate_knowledgenet, graph_facts, kn_facts, kn_gold, kn_scored
from kg.evaluation.scoring import Arg, Counts, Fact, match, name_match, score, span_matcher
from kg.types import Document, DocumentGraph, Entity, Mention, Relation

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
KNOWLEDGENET = SHARED / "data/knowledgenet/folds1-3.jsonl"
CONLL_DEV = SHARED / "data/conll04/dev.jsonl"
SEED_GOLD = REPO / "benchmarks/gold/apple-aws-trainium2.json"


def needs(path: Path) -> None:
    if not path.is_file():
        pytest.skip(f"gold data not found: {path}")


def fact(label: str, s: tuple[int, int], o: tuple[int, int] | None = None, unit: str = "u",
         **kw: object) -> Fact:
    return Fact(label, Arg(f"s{s}", s), Arg(f"o{o}", o) if o else None, unit=unit, **kw)  # type: ignore[arg-type]


# -- the scorer -------------------------------------------------------------

def test_counts_give_precision_recall_f1() -> None:
    c = Counts(tp=1, fp=2, fn=1)
    assert (round(c.p, 4), c.r, round(c.f1, 4)) == (0.3333, 0.5, 0.4)
    assert Counts().f1 == 0.0 and Counts(fn=3).p == 0.0
    assert Counts(1, 2, 3) + Counts(1, 0, 1) == Counts(2, 2, 4)


def test_score_micro_and_per_label() -> None:
    gold = [fact("A", (0, 2), (5, 7)), fact("A", (10, 12), (15, 17)), fact("B", (0, 2), (15, 17))]
    pred = [fact("A", (0, 2), (5, 7)), fact("B", (0, 2), (5, 7)), fact("B", (0, 2), (15, 17))]
    scores = score(gold, pred)
    assert scores.by_label == {"A": Counts(1, 0, 1), "B": Counts(1, 1, 0)}
    assert scores.micro == Counts(2, 1, 1)
    assert round(scores.micro.f1, 4) == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 4)


def test_overlap_matches_unless_strict() -> None:
    gold = [fact("A", (0, 8), (20, 29))]
    overlapping = [fact("A", (4, 8), (20, 25))]
    touching = [fact("A", (8, 12), (20, 29))]  # shares no character with (0, 8)
    assert score(gold, overlapping).micro == Counts(1, 0, 0)
    assert score(gold, overlapping, strict=True).micro == Counts(0, 1, 1)
    assert score(gold, touching).micro == Counts(0, 1, 1)


def test_facts_match_only_within_their_unit_and_label() -> None:
    gold = [fact("A", (0, 2), (5, 7), unit="p1")]
    assert score(gold, [fact("A", (0, 2), (5, 7), unit="p2")]).micro == Counts(0, 1, 1)
    assert score(gold, [fact("B", (0, 2), (5, 7), unit="p1")]).micro == Counts(0, 1, 1)


def test_each_gold_fact_is_matched_once() -> None:
    gold = [fact("A", (0, 8), (20, 29))]
    pred = [fact("A", (0, 3), (20, 29)), fact("A", (0, 8), (20, 29))]
    result = match(gold, pred, span_matcher())
    assert len(result.pairs) == 1 and result.pairs[0][1] is pred[1]  # the exact one wins
    assert score(gold, pred).micro == Counts(1, 1, 0)


def test_symmetric_facts_match_either_way() -> None:
    gold = [fact("SPOUSE", (0, 3), (10, 13))]
    assert score(gold, [fact("SPOUSE", (10, 13), (0, 3), symmetric=True)]).micro == Counts(1, 0, 0)
    assert score(gold, [fact("SPOUSE", (10, 13), (0, 3))]).micro == Counts(0, 1, 1)


def test_types_must_agree_when_both_sides_have_them() -> None:
    gold = [Fact("Work_For", Arg("Tim", (0, 3), "Peop"), Arg("Apple", (10, 15), "Org"))]
    wrong = [Fact("Work_For", Arg("Tim", (0, 3), "Org"), Arg("Apple", (10, 15), "Org"))]
    assert score(gold, wrong).micro == Counts(0, 1, 1)


# -- KnowledgeNet rules -------------------------------------------------------

TEXT = "Ann Lee is CEO of Acme. She married Bob Roe. Acme is based in Oslo."
PASSAGES = [
    KNPassage("p1", 0, 23, TEXT[0:23], frozenset({"CEO", "EMPLOYEE_OR_MEMBER_OF"}), ()),
    KNPassage("p2", 24, 44, TEXT[24:44], frozenset({"SPOUSE"}), ()),
    KNPassage("p3", 45, 68, TEXT[45:68], frozenset({"FOUNDED_BY"}), ()),
]


def _graph(relations: list[tuple[str, str, str, tuple[int, int], tuple[int, int]]]) -> DocumentGraph:
    """A hand-made extraction of TEXT: entities by name, relations by span."""
    classes = {"Ann Lee": "Person", "She": "Person", "Bob Roe": "Person", "Acme": "Organization",
               "Oslo": "Place"}
    doc = Document.from_text(TEXT, "test")
    entities = tuple(Entity(f"x:{n}", c, n) for n, c in classes.items())
    rels = tuple(Relation(f"x:{s}", p, f"x:{o}", doc.id, "", ss, os_, 0.9, "rule:test")
                 for s, p, o, ss, os_ in relations)
    names = {(n, span) for s, _, o, ss, os_ in relations for n, span in ((s, ss), (o, os_)) if n != "She"}
    mentions = tuple((f"x:{n}", Mention(doc.id, *span, TEXT[span[0]:span[1]], classes[n]))
                     for n, span in sorted(names, key=lambda x: x[1]))
    return DocumentGraph(doc, entities, mentions, rels)


def test_ceo_is_leads_inverted_and_also_employment() -> None:
    graph = _graph([("Ann Lee", "leads", "Acme", (0, 7), (18, 22))])
    facts = {(f.label, f.subject.text, f.object.text) for f in kn_facts(graph)}  # type: ignore[union-attr]
    assert facts == {("CEO", "Acme", "Ann Lee"), ("EMPLOYEE_OR_MEMBER_OF", "Ann Lee", "Acme")}


def test_quarantined_relations_are_not_scored() -> None:
    graph = _graph([("Oslo", "leads", "Acme", (62, 66), (45, 49))])  # a place cannot lead
    assert kn_facts(graph) == []


def test_only_exhaustively_annotated_passages_count_against_precision() -> None:
    graph = _graph([
        ("Ann Lee", "leads", "Acme", (0, 7), (18, 22)),       # p1 annotates CEO: scored
        ("She", "spouse", "Bob Roe", (24, 27), (36, 43)),     # p2 annotates SPOUSE: scored
        ("Acme", "headquarteredIn", "Oslo", (45, 49), (62, 66)),  # p3 does not: ignored
        ("Ann Lee", "spouse", "Bob Roe", (0, 7), (36, 43)),   # across passages: ignored
    ])
    scored = kn_scored(kn_facts(graph), PASSAGES)
    assert sorted((f.label, f.unit) for f in scored) == [
        ("CEO", "p1"), ("EMPLOYEE_OR_MEMBER_OF", "p1"), ("SPOUSE", "p2")]
    gold = [Fact("CEO", Arg("Acme", (18, 22)), Arg("Ann Lee", (0, 7)), "p1"),
            Fact("SPOUSE", Arg("Bob Roe", (36, 43)), Arg("She", (24, 27)), "p2", symmetric=True),
            Fact("HEADQUARTERS", Arg("Acme", (45, 49)), Arg("Oslo", (62, 66)), "p3")]
    result = score(gold, scored)
    # CEO right (inverted), SPOUSE right (reversed), EMPLOYEE_OR_MEMBER_OF false, HEADQUARTERS missed
    assert result.micro == Counts(tp=2, fp=1, fn=1)
    assert result.by_label["HEADQUARTERS"] == Counts(fn=1)


def test_knowledgenet_gold_keeps_every_fact() -> None:
    from kg.evaluation.datasets import KNDocument, KNFact

    f = KNFact("4", "CEO", (18, 22), (0, 7), "Acme", "Ann Lee")
    doc = KNDocument("d", 1, TEXT, (KNPassage("p1", 0, 23, TEXT[:23], frozenset({"CEO"}), (f,)),))
    (g,) = kn_gold(doc)
    assert (g.label, g.unit, g.subject.span, g.context) == ("CEO", "p1", (18, 22), TEXT[:23])


# -- CoNLL04 mapping ----------------------------------------------------------

def test_conll_relations_follow_the_classes() -> None:
    graph = _graph([
        ("Ann Lee", "worksFor", "Acme", (0, 7), (18, 22)),
        ("Acme", "locatedIn", "Oslo", (45, 49), (62, 66)),
        ("Ann Lee", "spouse", "Bob Roe", (0, 7), (36, 43)),  # no CoNLL04 relation
        ("She", "worksFor", "Acme", (24, 27), (18, 22)),  # CoNLL04 marks names, not pronouns
    ])
    got = {(f.label, f.subject.type, f.object.type) for f in conll_relations(graph)}  # type: ignore[union-attr]
    assert got == {("Work_For", "Peop", "Org"), ("OrgBased_In", "Org", "Loc")}


# -- kg gold format -----------------------------------------------------------

def test_gold_matches_names_aliases_case_and_symmetry(tmp_path: Path) -> None:
    text = "AWS CEO Matt Garman said Apple and Amazon Web Services are partners."
    gold = {"text": text, "entities": [
        {"name": "Amazon Web Services", "class": "Organization", "aliases": ["AWS"]},
        {"name": "apple", "class": "Organization"},
        {"name": "Matt Garman", "class": "Person"}],
        "relations": [{"subject": "Matt Garman", "property": "leads", "object": "aws"},
                      {"subject": "AWS", "property": "partnerOf", "object": "Apple"},
                      {"subject": "Matt Garman", "property": "jobTitle", "object": "ceo"}]}
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold))
    (document,) = read_gold(path)
    doc = Document.from_text(text, "t")
    aws, apple, matt = (Entity("x:aws", "Organization", "AWS", ("Amazon Web Services",)),
                        Entity("x:apple", "Organization", "Apple"), Entity("x:mg", "Person", "Matt Garman"))
    rels = (Relation("x:mg", "leads", "x:aws", doc.id, "", (8, 19), (0, 3), 0.9, "t"),
            Relation("x:apple", "partnerOf", "x:aws", doc.id, "", (25, 30), (35, 54), 0.7, "t"),
            Relation("x:mg", "jobTitle", "CEO", doc.id, "", (8, 19), (4, 7), 0.9, "t", True),
            Relation("x:apple", "uses", "x:aws", doc.id, "", (25, 30), (35, 54), 0.7, "t"))
    ents, predicted = graph_facts(DocumentGraph(doc, (aws, apple, matt), (), rels), unit=document.source)
    from kg.evaluation import gold_facts

    gold_ents, gold_rels = gold_facts(document)
    assert score_by_name(gold_ents, ents) == Counts(3, 0, 0)
    assert score_by_name(gold_rels, predicted) == Counts(3, 1, 0)  # "uses" is not in the gold


def score_by_name(gold: list[Fact], predicted: list[Fact]) -> Counts:
    m = match(gold, predicted, name_match)
    return Counts(len(m.pairs), len(m.false), len(m.missed))


@pytest.mark.parametrize("bad, message", [
    ({"text": "X.", "entities": [{"name": "X", "class": "Company"}]}, "valid: Organization"),
    ({"text": "X.", "entities": [{"name": "X", "class": "Person"}],
      "relations": [{"subject": "X", "property": "employs", "object": "X"}]}, "not in the ontology"),
    ({"text": "X.", "entities": [{"name": "X", "class": "Person"}],
      "relations": [{"subject": "X", "property": "worksFor", "object": "Y"}]}, "'Y' is not the name"),
    ({"text": "X.", "entities": [{"class": "Person"}]}, "missing 'name'"),
    ({"text_file": "missing.txt"}, "cannot read text_file"),
    ({"entities": []}, "no text"),
])
def test_gold_mistakes_name_the_problem(tmp_path: Path, bad: dict, message: str) -> None:  # type: ignore[type-arg]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(bad))
    with pytest.raises(InputError, match=message):
        evaluate_gold(path)


def test_gold_reads_a_list_jsonl_and_text_file(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts/a.txt").write_text("Apple uses AWS.")
    one = {"text_file": "texts/a.txt", "entities": [{"name": "Apple", "class": "Organization"}]}
    two = {"text": "Tim Cook works.", "source": "two"}
    (tmp_path / "list.json").write_text(json.dumps([one, two]))
    (tmp_path / "docs.jsonl").write_text(json.dumps(one) + "\n" + json.dumps(two) + "\n")
    for name in ("list.json", "docs.jsonl"):
        docs = read_gold(tmp_path / name)
        assert [d.text for d in docs] == ["Apple uses AWS.", "Tim Cook works."]
        assert docs[0].source.endswith("a.txt") and docs[1].source == "two"


# -- the real datasets ----------------------------------------------------------

def test_knowledgenet_reader_and_evaluation() -> None:
    needs(KNOWLEDGENET)
    docs = list(read_knowledgenet(KNOWLEDGENET, fold=2, limit=3))
    assert len(docs) == 3 and all(d.fold == 2 for d in docs)
    report = evaluate_knowledgenet(KNOWLEDGENET, fold=2, limit=25)
    n_gold = sum(len(p.facts) for d in read_knowledgenet(KNOWLEDGENET, fold=2, limit=25) for p in d.passages)
    assert report.documents == 25
    assert report.micro.tp + report.micro.fn == n_gold
    assert report.micro.tp > 0 and report.micro.p > 0.5  # what kg says in annotated passages is mostly right
    assert set(report.by_label) <= set(json.loads(report.to_json())["tasks"]["facts"]["by_label"])
    assert {e.kind for e in report.errors} <= {"fp", "fn"}
    rows = json.loads(report.to_json())["reliability"]  # precision by extractor and confidence
    assert sum(r["facts"] - r["right"] for r in rows) == report.micro.fp
    assert 0 < sum(r["right"] for r in rows) <= report.micro.tp  # one fact may match several gold facts
    assert all(r["extractor"].startswith(("rule:", "model:")) for r in rows)
    assert "reliability" in report.to_text()


def test_conll04_reader_and_evaluation() -> None:
    needs(CONLL_DEV)
    first = next(read_conll04(CONLL_DEV))
    assert first.relations and first.relations[0].head in first.entities
    report = evaluate_conll04(CONLL_DEV, limit=40)
    assert report.documents == 40
    assert report.tasks["entities"].micro.f1 > 0.5
    assert report.tasks["entities-overlap"].micro.tp >= report.tasks["entities"].micro.tp
    kill = sum(r.type == "Kill" for s in read_conll04(CONLL_DEV, limit=40) for r in s.relations)
    total = sum(len(s.relations) for s in read_conll04(CONLL_DEV, limit=40))
    assert report.micro.tp + report.micro.fn == total - kill


def test_seed_article_gold() -> None:
    needs(SHARED / "seeds/apple-aws-trainium2.txt")
    report = evaluate_gold(SEED_GOLD)
    relations, entities = report.tasks["relations"], report.tasks["entities"]
    assert entities.micro.f1 >= 0.7, report.to_text()
    for label in ("worksFor", "leads", "jobTitle"):  # the README's own examples
        assert relations.by_label[label].tp >= 1, report.to_text()
    assert relations.micro.tp + relations.micro.fn == len(read_gold(SEED_GOLD)[0].relations)


# -- the command ------------------------------------------------------------------

def test_cli_conll04_json_predictions_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    needs(CONLL_DEV)
    pred, errs = tmp_path / "pred.jsonl", tmp_path / "errors.jsonl"
    assert main(["eval", "conll04", str(CONLL_DEV), "--limit", "20", "--json",
                 "--predictions", str(pred), "--errors", str(errs)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dataset"] == "conll04" and out["documents"] == 20 and out["primary"] == "relations"
    assert set(out["micro"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert {"relations", "relations-overlap", "entities", "entities-overlap"} == set(out["tasks"])
    records = [json.loads(line) for line in pred.read_text().splitlines()]
    assert len(records) == 20
    for r in records:  # CoNLL04's own format: relations point into the entity list
        assert {"id", "text", "entities", "relations"} <= set(r)
        for rel in r["relations"]:
            assert r["entities"][rel["head"]]["type"] in {"Peop", "Org", "Loc"}
    errors = [json.loads(line) for line in errs.read_text().splitlines()]
    assert errors and all(e["kind"] in {"fp", "fn"} and e["context"] for e in errors)
    fp_entities = sum(e["kind"] == "fp" and e["task"] == "entities" for e in errors)
    assert fp_entities == out["tasks"]["entities"]["micro"]["fp"]
    wrong = [e for e in errors if e["kind"] == "fp" and e["task"] == "relations"]
    assert wrong and all(e["extractor"] in {"rule:svo", "rule:title", "rule:possessive", "rule:noun",
                                             "rule:attachment", "rule:nationality", "rule:name",
                                             "model:pairs", "gazetteer:places", "rule:inference"}
                         and 0 < e["confidence"] <= 1 for e in wrong), wrong[:3]


def test_cli_knowledgenet_predictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    needs(KNOWLEDGENET)
    pred, errs = tmp_path / "kn.jsonl", tmp_path / "kn-errors.jsonl"
    assert main(["eval", "knowledgenet", str(KNOWLEDGENET), "--limit", "10",
                 "--predictions", str(pred), "--errors", str(errs)]) == 0
    text = capsys.readouterr().out
    assert "micro" in text and "EMPLOYEE_OR_MEMBER_OF" in text
    records = [json.loads(line) for line in pred.read_text().splitlines()]
    assert len(records) == 10
    for r in records:
        for p in r["passages"]:
            for f in p["facts"]:
                assert p["passageStart"] <= f["subjectStart"] < p["passageEnd"] or \
                    p["passageStart"] <= f["objectStart"] < p["passageEnd"]
                assert {"propertyId", "subjectText", "objectText"} <= set(f)
    assert all(json.loads(line)["kind"] in {"fp", "fn"} for line in errs.read_text().splitlines())


def test_cli_gold_on_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    needs(SHARED / "seeds/apple-aws-trainium2.txt")
    pred = tmp_path / "pred.json"
    assert main(["eval", "gold", str(SEED_GOLD), "--predictions", str(pred)]) == 0
    assert "relations" in capsys.readouterr().out
    (record,) = json.loads(pred.read_text())
    assert any(e["name"] == "Apple" for e in record["entities"])


def test_cli_mistakes_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "conll04", str(tmp_path / "missing.jsonl")]) == 1
    assert main(["eval", "gold", str(SEED_GOLD), "--fold", "1"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("kg: error:") for line in err)
    assert "missing.jsonl" in err[0] and "--fold" in err[1]
