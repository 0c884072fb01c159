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
    assert report.documents == 2  # good.txt, and latin1.txt read in its detected encoding
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "missing.txt"}
    assert "binary" in reasons["binary.txt"]


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


# -- speed work keeps results identical ---------------------------------------

KNOWLEDGENET = Path(__file__).resolve().parents[2] / "shared/data/knowledgenet/folds1-3.jsonl"
SEED = Path(__file__).resolve().parents[2] / "shared/seeds/apple-aws-trainium2.txt"


def _texts(limit: int) -> list[str]:
    from kg.evaluation.datasets import read_knowledgenet

    if not KNOWLEDGENET.is_file():
        pytest.skip(f"KnowledgeNet not found: {KNOWLEDGENET}")
    return [d.text for d in read_knowledgenet(KNOWLEDGENET, limit=limit)]


def _reference_features(doc, a, b, context=None) -> list[str]:  # type: ignore[no-untyped-def]
    """The pair features as first written, token by token (kg.extract.classifier before it read Tokens)."""
    types = f"{a.cls}>{b.cls}"
    first, second = (a, b) if a.start < b.start else (b, a)
    between = [t for t in doc[first.end:second.start] if not t.is_punct]
    words = [t.lemma_.lower() or t.lower_ for t in between]
    feats = [types, f"order={'ab' if first is a else 'ba'}", f"dist={min(len(between), 12) // 3}"]
    feats += ["a=anaphor"] if a.anaphor else []
    feats += ["b=anaphor"] if b.anaphor else []
    if len(words) <= 10:
        feats += [f"w={w}" for w in words] + [f"bi={x}_{y}" for x, y in zip(words, words[1:])]
        feats += ["seq=" + "_".join(words)] if len(words) <= 5 else []
    else:
        feats.append("far")
    feats += [f"before={doc[first.start - 1].lower_ if first.start > 0 else '<s>'}",
              f"after={doc[second.end].lower_ if second.end < len(doc) else '</s>'}"]
    for name, side in (("a", a), ("b", b)):
        feats += [f"{name}_left={'_'.join(t.lower_ for t in doc[max(side.start - 2, 0):side.start])}",
                  f"{name}_right={'_'.join(t.lower_ for t in doc[side.end:side.end + 2])}"]
        if side.cls in {"Place", "Date"}:
            feats.append(f"{name}_text={doc[side.start:side.end].text.lower()}")
        if side.cls in {"Organization", "Place"}:
            feats.append(f"{name}_head={doc[side.end - 1].lower_}")
        if side.anaphor:
            feats.append(f"{name}_word={doc[side.start:side.end].text.lower()}")
    ta, tb = doc[a.root], doc[b.root]
    up_a, up_b = [ta, *ta.ancestors], [tb, *tb.ancestors]
    common = next((t for t in up_a if t.i in {u.i for u in up_b}), None)
    if common is None:
        path = lemmas = "none"
    else:
        left = [t for t in up_a if t.i != common.i][: up_a.index(common)]
        right = up_b[: [t.i for t in up_b].index(common.i)]
        deps = [f"{t.dep_}^" for t in left] + [common.pos_] + [f"{t.dep_}v" for t in reversed(right)]
        path = "long" if len(deps) > 7 else "/".join(deps)
        lemmas = "long" if len(deps) > 7 else "/".join(t.lemma_.lower() for t in (*left[1:], common, *right[1:]))
    feats += [f"path={path}", f"lpath={lemmas}"]
    feats += [f"head_a={ta.dep_}:{ta.head.lemma_.lower()}", f"head_b={tb.dep_}:{tb.head.lemma_.lower()}",
              f"ner_a={ta.ent_type_}", f"ner_b={tb.ent_type_}"]
    if context is not None:
        near = set(words if len(words) <= 10 else []) | set(lemmas.split("/"))
        feats += sorted({f"trig={p}" for w in near for p in context.lexicon.signalled_by(w)})
        sa, sb = (a.start_char, a.end_char), (b.start_char, b.end_char)
        feats += [f"rule={p}" for p in sorted(context.rules.get((sa, sb), ()))]
        feats += [f"rule_rev={p}" for p in sorted(context.rules.get((sb, sa), ()))]
        feats += [f"{name}_main" for name, side in (("a", a), ("b", b)) if side.iri in context.main]
        inside = {context.classes.get(t.i) for t in doc[first.end:second.start]}
        feats += [f"{name}_cls_between" for name, side in (("a", a), ("b", b)) if side.cls in inside]
    return feats + [f"{types}|{f}" for f in feats[1:]]


def test_pair_features_and_scores_are_those_of_the_token_by_token_reading() -> None:
    """200 KnowledgeNet documents: every pair's features, indices and probabilities as before."""
    import zlib

    import numpy as np

    from kg.extract.classifier import DIMENSIONS, Context, Tokens, candidate_pairs, hashed, load_model, \
        pair_features
    from kg.pipeline import Pipeline

    pipeline, model = Pipeline(), load_model()
    docs = [Document.from_text(t, f"kn{i}") for i, t in enumerate(_texts(200))]
    rows, pairs = [], 0
    for ctx in pipeline.contexts(docs, shared_entities=False):
        context, tokens = Context.of(pipeline.lexicon, list(ctx.relations), ctx.resolved), Tokens.of(ctx.doc)
        for _, a, b in candidate_pairs(ctx.doc, ctx.resolved):
            expected = _reference_features(ctx.doc, a, b, context)
            assert pair_features(ctx.doc, a, b, context, tokens) == expected
            assert pair_features(ctx.doc, a, b) == _reference_features(ctx.doc, a, b)
            row = hashed(expected)
            assert row == sorted({zlib.crc32(f.encode()) % DIMENSIONS for f in expected})
            rows.append(row)
            pairs += 1
    assert pairs > 5000
    scores = np.stack([model.weights[r].sum(axis=0) for r in rows]) + model.bias  # one row at a time
    scores -= scores.max(axis=1, keepdims=True)
    expected = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    assert np.array_equal(model.probabilities(rows), expected)  # bit for bit


def test_the_gazetteer_phrase_patterns_match_as_token_patterns_did() -> None:
    """The same names on 300 KnowledgeNet documents and the seed as a ruler of {"TEXT": ...} token patterns."""
    import spacy

    from kg.extract.nlp import _SPACY_LABEL, GAZETTEER_ID

    nlp = load_nlp()
    lexicon = load_lexicon()
    old = spacy.blank("en", vocab=nlp.vocab).add_pipe("entity_ruler", config={"overwrite_ents": False})
    old.add_patterns([{"label": _SPACY_LABEL[e.cls], "pattern": [{"TEXT": t.text} for t in nlp.make_doc(n)]}
                      for e in lexicon.gazetteer for n in (e.label, *e.aliases)])
    new = nlp.get_pipe(GAZETTEER_ID)
    texts = _texts(300) + ([SEED.read_text(encoding="utf-8")] if SEED.is_file() else [])
    added = 0
    for doc in nlp.pipe(texts, disable=[GAZETTEER_ID]):
        before = len(doc.ents)
        expected = [(e.start, e.end, e.label_) for e in old(doc.copy()).ents]
        assert [(e.start, e.end, e.label_) for e in new(doc.copy()).ents] == expected
        added += len(expected) - before
    assert added > 0  # the ruler did add names the NER missed

