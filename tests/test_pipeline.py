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
    assert (tmp_path / "two/graph.ttl").read_bytes() == (sample_build / "graph.ttl").read_bytes()


#: Documents that name each other's entities: "AWS" alone, a surname, a name first seen in full.
LINKED = ["Amazon Web Services (AWS) is a cloud company based in Seattle. Apple uses AWS.",
          "AWS CEO Matt Garman spoke in Las Vegas. Garman said AWS will build Trainium chips.",
          "Tim Cook leads Apple. Cook said Apple Intelligence runs on AWS Trainium2.",
          "Matt Garman met Tim Cook in Cupertino.",
          "Anthropic uses Amazon Web Services. Dario Amodei leads Anthropic.",
          "Cook and Amodei spoke about AWS in Seattle."]


def test_workers_merge_entities_as_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte for byte the one-worker graph, with tasks of two documents over two workers."""
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "TASK_DOCUMENTS", 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(LINKED):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
    one = build([corpus], tmp_path / "one", html=False)
    two = build([corpus], tmp_path / "two", Settings(n_process=2), html=False)
    assert (one.documents, one.words) == (two.documents, two.words) == (6, one.words)
    assert (tmp_path / "one/graph.ttl").read_bytes() == (tmp_path / "two/graph.ttl").read_bytes()
    rows = KnowledgeGraph(tmp_path / "two").query(
        """SELECT ?org WHERE { ?p rdfs:label "Matt Garman" ; kg:leads ?o . ?o rdfs:label ?org }""")
    assert rows == [{"org": "Amazon Web Services"}]  # "AWS" in the second document is the first's


def test_merge_renames_the_entities_the_extractors_saw() -> None:
    """A document extracted alone, merged after the store knows its company by another label."""
    from kg.distributed import extracted, merge
    from kg.extract.resolve import AliasIndex

    text = "Mara Lindqvist is the chief executive of Zorblax Systems. Lindqvist founded Zorblax Systems in 2009."
    [(document, alone)] = list(extracted([Document.from_text(text, "a")], Settings()))
    local = mint_iri(BASE, "Organization", "Zorblax Systems")
    assert ("leads", local) in {(r.predicate, r.obj) for r in alone.relations}  # its own name, alone
    known = Entity(mint_iri(BASE, "Organization", "Zorblax Holdings"), "Organization", "Zorblax Holdings",
                   ("Zorblax Systems",))
    index = AliasIndex()
    index.add(known)
    graph = merge(document, alone, index, BASE)
    assert known.iri in {e.iri for e in graph.entities} and local not in {e.iri for e in graph.entities}
    said = {(r.subject, r.predicate, r.obj) for r in graph.relations}
    person = mint_iri(BASE, "Person", "Mara Lindqvist")
    assert (person, "leads", known.iri) in said and (known.iri, "foundingDate", "2009") in said
    assert not any(local in (r.subject, r.obj) for r in graph.relations)


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
        pair_features, pair_row
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
            assert pair_row(ctx.doc, a, b, context, tokens) == row  # the joined features' CRCs continued
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



def test_a_second_text_of_one_source_in_one_input_replaces_the_first_however_batched(tmp_path: Path) -> None:
    # Replacements are decided in input order against the committed store, not as documents are read
    # ahead in batches: both batch sizes keep only the later text of record "n1".
    import json

    records = tmp_path / "news.jsonl"
    records.write_text(json.dumps({"id": "n1", "text": "Tim Cook is the CEO of Apple."}) + "\n"
                       + json.dumps({"id": "n1", "text": "Satya Nadella is the CEO of Microsoft."}) + "\n",
                       encoding="utf-8")
    for batch_size in (1, 64):
        out = tmp_path / f"out{batch_size}"
        report = build([records], out, Settings(batch_size=batch_size), html=False, ttl=False)
        assert (report.documents, report.replaced) == (2, 1)
        store = GraphStore.open_build(out, read_only=True)
        texts = [r["t"].value for r in store.query("SELECT ?t WHERE { ?d kg:externalId 'n1' ; kg:text ?t }")]
        labels = {r["l"].value for r in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }")}
        assert len(list(store.query("SELECT ?d WHERE { ?d kg:externalId 'n1' }"))) == 1, texts
        assert "Satya Nadella" in labels and "Tim Cook" not in labels
