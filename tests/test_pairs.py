"""The learned relation classifier: features, training, saving, predicting."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kg.config import Settings
from kg.lexicon import load_lexicon
from kg.extract.mentions import find_mentions
from kg.extract.nlp import load_nlp
from kg.extract.classifier import Context, RelationModel, bundled_model_path, candidate_pairs, hashed, load_model, \
    pair_features, predict_relations
from kg.pipeline import Pipeline
from kg.types import Document
from kg.extract.resolve import AliasIndex, resolve

SHARED = Path(__file__).resolve().parents[2] / "shared"
CONLL_TRAIN = SHARED / "data" / "conll04" / "train.jsonl"


def _resolved(text: str):  # type: ignore[no-untyped-def]
    doc = load_nlp()(text)
    return doc, resolve(find_mentions(doc, load_lexicon()), "t", text, AliasIndex(), Settings().base_iri)


def test_pairs_stay_in_one_sentence_and_start_with_a_person_or_organisation() -> None:
    doc, resolved = _resolved("Tim Cook leads Apple. He was born in Mobile, Alabama in 1960.")
    pairs = list(candidate_pairs(doc, resolved))
    assert pairs
    for sent, a, b in pairs:
        assert a.cls in {"Person", "Organization"}
        assert doc[a.root].sent == sent == doc[b.root].sent
    assert any(b.cls == "Date" for _, _, b in pairs)  # dates are candidate objects


def test_features_are_stable_across_runs() -> None:
    doc, resolved = _resolved("Tim Cook, Apple's CEO, lives in Palo Alto.")
    _, a, b = next(iter(candidate_pairs(doc, resolved)))
    first = hashed(pair_features(doc, a, b))
    assert first == hashed(pair_features(doc, a, b))
    assert all(0 <= i < 2**18 for i in first)


def test_features_carry_what_the_rules_and_the_ontology_say() -> None:
    pipeline = Pipeline(Settings(relation_model="off"))
    ctx = pipeline.run(pipeline.context(Document.from_text(
        "Jane Roe was born in Boston and joined Acme Corp in 1990.", "t")))
    doc, resolved = ctx.doc, ctx.resolved
    context = Context.of(ctx.lexicon, list(ctx.relations), resolved)
    features = {}
    for _, a, b in candidate_pairs(doc, resolved):
        names = (doc.text[a.start_char:a.end_char], doc.text[b.start_char:b.end_char])
        features[names] = set(pair_features(doc, a, b, context))
    born = features[("Jane Roe", "Boston")]
    assert "rule=bornIn" in born and "trig=bornIn" in born
    assert "rule=worksFor" in features[("Jane Roe", "Acme Corp")]
    assert "a_main" in born  # the document's most mentioned person
    _, a, b = next(iter(candidate_pairs(doc, resolved)))
    assert not any(f.startswith(("rule=", "a_main")) for f in pair_features(doc, a, b))  # no context


def test_features_say_whether_another_name_of_the_class_stands_between() -> None:
    doc, resolved = _resolved("Jane Roe worked at Google and then at Microsoft.")
    context = Context.of(load_lexicon(), [], resolved)
    features = {doc.text[b.start_char:b.end_char]: pair_features(doc, a, b, context)
                for _, a, b in candidate_pairs(doc, resolved) if a.cls == "Person"}
    assert "b_cls_between" not in features["Google"]
    assert "b_cls_between" in features["Microsoft"]


def test_weak_negatives_weigh_less_than_annotated_ones() -> None:
    from kg.evaluation.train import Gold, examples

    first = "Jane Roe was born in Boston, not in Salem."
    text = first + " Jane Roe lives in Paris."
    boston, salem, paris = (text.index(w) for w in ("Boston", "Salem", "Paris"))
    gold = Gold(text, (("bornIn", (0, 8), (boston, boston + 6)),),
                (((0, len(first)), frozenset({"bornIn"})),  # only bornIn: "Salem" may hide a fact
                 ((len(first) + 1, len(text)), frozenset({"livesIn", "bornIn", "nationality"}))))
    seen = {}
    for features, label, weight in examples([gold], Settings(), weak_negatives=0.25):
        seen.setdefault((label, weight), 0)
        seen[(label, weight)] += 1
    assert seen.get(("bornIn", 1.0)) == 1
    assert seen.get(("none", 0.25)) == 1  # Jane Roe - Salem: livesIn was not annotated there
    assert seen.get(("none", 1.0)) == 1  # Jane Roe - Paris: every person-place property annotated
    assert paris and salem


@pytest.mark.skipif(not CONLL_TRAIN.is_file(), reason=f"needs {CONLL_TRAIN}")
def test_train_save_load_and_predict(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from kg.evaluation.train import conll04_gold, train

    golds = list(conll04_gold(CONLL_TRAIN))[:250]
    model = train(golds, Settings(relation_model="off"), c=1.0)
    assert model.labels[0] == "none" and "worksFor" in model.labels
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = RelationModel.load(path)
    assert loaded.labels == model.labels
    rows = [[1, 2, 3], [5, 8]]
    assert np.allclose(loaded.probabilities(rows), model.probabilities(rows), atol=1e-2)
    ctx = Pipeline(Settings(relation_model="off")).context(
        Document.from_text("Tim Cook, a spokesman for Apple, said so.", "t"))
    for r in predict_relations(ctx, loaded, threshold=0.0):
        assert load_lexicon().properties[r.predicate].allows(
            "Person" if "Person" in r.subject else "Organization",
            None if r.object_is_literal else r.obj.split("/")[-2])
        assert r.extractor == "model:pairs" and 0 <= r.confidence <= 1


def test_the_bundled_model_loads() -> None:
    if not bundled_model_path().is_file():
        pytest.skip("no bundled model")
    model = load_model()
    assert model is not None and model.labels[0] == "none"
    assert set(model.labels[1:]) <= set(load_lexicon().properties)
