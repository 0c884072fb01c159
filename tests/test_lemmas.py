"""kg's lemmatizer gives every token the lemma spaCy's own gives it, at a fraction of its cost."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kg.extract.lemmas import CachedLemmatizer, install
from kg.extract.nlp import _load

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXTS = [
    "I'm gonna say it ain't so, y'all. Let's go, c'mon! It gets better; he got it. There is a cat.",
    "  \n\n  Do it, but I did. You gave it to me and I gave you it.  Which one? That one was sold.",
    "Tim Cook, Apple's CEO, said that AWS had been using Trainium2 chips since 2024 .\n\nAnd so?",
    "The mice were running; geese flew. She's better, the best of the women's teams, worse than theirs.",
    "",
]


def _texts() -> list[str]:
    texts = list(TEXTS)
    seed = SHARED / "seeds" / "apple-aws-trainium2.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    knowledgenet = SHARED / "data" / "knowledgenet" / "folds1-3.jsonl"
    if knowledgenet.exists():
        from kg.evaluation.datasets import read_knowledgenet

        texts += [d.text for d in read_knowledgenet(knowledgenet, limit=40)]
    return texts


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return _load.__wrapped__(None, None)  # a pipeline of its own: its cache starts empty


def test_every_lemma_is_spacys(nlp):  # type: ignore[no-untyped-def]
    texts = _texts()
    component = nlp.get_pipe("lemmatizer")
    assert isinstance(component, CachedLemmatizer)
    fast = list(nlp.pipe(texts))
    with nlp.select_pipes(disable=["lemmatizer"]):
        stock = [component.lemmatizer(doc) for doc in nlp.pipe(texts)]  # spaCy's own component
    fixed = {nlp.vocab.strings[orth] for orth in component.fixed}  # given, not asked ("co-founded": "found")
    pairs = [(a.lemma_, b.lemma_) for x, y in zip(fast, stock) for a, b in zip(x, y) if a.text not in fixed]
    assert len(pairs) > 3000
    assert [a for a, _ in pairs] == [b for _, b in pairs]
    assert 0 < len(component.cache) < len(pairs) / 2  # each form asked once
    lemmas = {(t.text, t.lemma_) for doc in fast for t in doc}
    assert {("mice", "mouse"), ("were", "be"), ("gon", "go"), ("chips", "chip")} <= lemmas


def test_a_lemma_set_before_is_kept_unless_the_lemmatizer_overwrites(nlp):  # type: ignore[no-untyped-def]
    component = nlp.get_pipe("lemmatizer")
    with nlp.select_pipes(disable=["lemmatizer"]):
        doc = nlp("Chips were sold.")
    doc[0].lemma_ = "CHIPS!"
    assert [t.lemma_ for t in component(doc)] == ["CHIPS!", "be", "sell", "."]
    component.lemmatizer.overwrite = True
    try:
        stock = [t.lemma_ for t in component.lemmatizer(doc.copy())]
        assert [t.lemma_ for t in CachedLemmatizer(component.lemmatizer)(doc)] == stock
        assert stock == ["chip", "were", "sell", "."]  # the attribute ruler's "be" overwritten too
    finally:
        component.lemmatizer.overwrite = False


def test_it_pickles_and_leaves_other_lemmatizers_alone(nlp):  # type: ignore[no-untyped-def]
    import spacy

    again = pickle.loads(pickle.dumps(nlp))
    assert [t.lemma_ for t in again("The geese were flying.")] == ["the", "goose", "be", "fly", "."]
    assert again.pipe_names == nlp.pipe_names and "lemmatizer" in nlp.pipe_names
    french = spacy.blank("fr")  # its rules read more than ORTH, POS and MORPH: not wrapped
    french.add_pipe("lemmatizer", config={"mode": "rule"})
    assert not install(french) and not install(spacy.blank("en"))
    assert type(french.get_pipe("lemmatizer")).__name__ == "FrenchLemmatizer"


def test_a_saved_pipeline_loads_back_with_the_same_lemmas(nlp, tmp_path):  # type: ignore[no-untyped-def]
    import spacy

    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert isinstance(again.get_pipe("lemmatizer"), CachedLemmatizer)
    assert again.get_pipe("lemmatizer").lemmatizer.mode == "rule"
    text = TEXTS[0] + " " + TEXTS[3]
    assert [t.lemma_ for t in again(text)] == [t.lemma_ for t in nlp(text)]
    copy = CachedLemmatizer(again.get_pipe("lemmatizer").lemmatizer).from_bytes(
        nlp.get_pipe("lemmatizer").to_bytes())
    assert copy.lemmatizer.lookups.tables == nlp.get_pipe("lemmatizer").lemmatizer.lookups.tables


def test_a_full_cache_starts_again_with_the_same_lemmas(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    from kg.extract import lemmas

    component = nlp.get_pipe("lemmatizer")
    before = [t.lemma_ for t in nlp(TEXTS[3])]
    monkeypatch.setattr(lemmas, "CACHE_MAX", 3)
    component.cache.clear()
    assert [t.lemma_ for t in nlp(TEXTS[3])] == before
    assert len(component.cache) <= 3


def test_a_hyphened_words_lemma_is_the_word_without_its_prefix(nlp):  # type: ignore[no-untyped-def]
    doc = nlp("Kuda was co-founded by Ann Lee, its co-founder and CEO.")
    assert [(t.text, t.lemma_) for t in doc if t.text.startswith("co-")] == [("co-founded", "found"),
                                                                            ("co-founder", "founder")]
