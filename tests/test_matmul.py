"""spaCy's products through numpy's BLAS on one thread (kg.extract.matmul)."""

from __future__ import annotations

import numpy as np

from kg.extract import matmul
from kg.extract.matmul import OneThreadOps, matmul_ops
from kg.extract.nlp import _load, parse

TEXTS = [
    "Tim Cook, the chief executive of Apple, lives in Palo Alto, California.",
    "   Giovanni Bignami (1944-2017) was an Italian astrophysicist born in Desio.",
    "Amazon Web Services (AWS) said on Tuesday that Anthropic will train its models on Trainium2.",
]


def _tokens(nlp) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [tuple((t.dep_, t.head.i, t.tag_, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc)
            for doc, _ in parse(nlp, ((text, None) for text in TEXTS))]


def test_the_pipeline_multiplies_with_numpy_and_parses_as_with_blis(monkeypatch):
    nlp = _load.__wrapped__(None, None)
    # the shared tok2vec and the NER's own; the parsers' output layers are made on spaCy's
    # plain CPU operations by spaCy itself (use_ops("cpu")), and run by its C loop
    encoders = [nlp.get_pipe("tok2vec").model, nlp.get_pipe("ner").model.get_ref("tok2vec")]
    assert {type(node.ops) for model in encoders for node in model.walk()} == {OneThreadOps}
    with monkeypatch.context() as patched:
        patched.setattr(matmul, "matmul_ops", lambda: __import__("contextlib").nullcontext())
        blis = _load.__wrapped__(None, None)
    assert OneThreadOps not in {type(node.ops) for node in blis.get_pipe("tok2vec").model.walk()}
    assert _tokens(nlp) == _tokens(blis)


def test_products_run_on_one_blas_thread_and_give_numpy_dot(monkeypatch):
    seen = []
    dot = np.dot

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        # the BLAS libraries loaded when kg first multiplied (numpy's among them: thinc imports it
        # first); one loaded later (SciPy's own) is not the one numpy.dot calls
        seen.append({i["num_threads"] for i in matmul._CONTROLLER[0].info() if i["user_api"] == "blas"})
        return dot(*args, **kwargs)

    monkeypatch.setattr(np, "dot", watched)
    x, y = np.arange(6, dtype="f").reshape(2, 3), np.arange(12, dtype="f").reshape(4, 3)
    out = np.empty((2, 4), dtype="f")
    assert OneThreadOps().gemm(x, y, trans2=True, out=out) is out
    assert out.tolist() == (x @ y.T).tolist() and seen == [{1}]
    threads = [i["num_threads"] for i in matmul._CONTROLLER[0].info()]
    OneThreadOps().gemm(x, y, trans2=True)
    assert [i["num_threads"] for i in matmul._CONTROLLER[0].info()] == threads  # given back after


def test_other_operations_are_left_alone():
    from thinc.api import get_current_ops, set_current_ops
    from thinc.backends.ops import Ops

    other = Ops()
    previous = get_current_ops()
    set_current_ops(other)
    try:
        with matmul_ops():
            assert get_current_ops() is other
    finally:
        set_current_ops(previous)
