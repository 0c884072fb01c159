"""The neural relation reader: the bundled ONNX model loads and reads, and its extra brings no torch."""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, distribution, requires
from pathlib import Path

import pytest

from kg.config import Settings
from kg.errors import KGError
from kg.extract.neural import NeuralReader, bundled_path, load_reader
from kg.pipeline import Pipeline
from kg.types import Document


def _read(text: str, subject: str, obj: str, classes: tuple[str, str]) -> dict[str, float]:
    """The ONNX reader's probabilities, alone (no pair classifier), for one pair of ``text``."""
    reader = load_reader("neural")
    s, o = text.index(subject), text.index(obj)
    p = reader.probabilities([text], [(0, (s, s + len(subject)), (o, o + len(obj)))], [classes])[0]
    return dict(zip(reader.labels, p.tolist()))


def test_bundled_model_is_small_and_says_where_it_came_from() -> None:
    reader = load_reader("neural")
    assert (bundled_path() / "encoder.onnx").stat().st_size < 30_000_000
    assert reader.labels[0] == "none" and "bornIn" in reader.labels
    assert reader.meta["encoder"].startswith("sentence-transformers/all-MiniLM-L6-v2")
    assert reader.meta["knowledgenet"] and reader.meta["seed"] is not None and reader.meta["date"]


def test_reader_finds_a_birthplace_with_high_confidence() -> None:
    p = _read("Marie Curie was born in Warsaw.", "Marie Curie", "Warsaw", ("Person", "Place"))
    assert max(p, key=p.__getitem__) == "bornIn" and p["bornIn"] >= 0.7


def test_reader_reads_an_employer() -> None:
    p = _read("John Smith is a senior engineer at Microsoft.", "John Smith", "Microsoft",
              ("Person", "Organization"))
    assert max(p, key=p.__getitem__) == "worksFor" and p["worksFor"] >= 0.8


def test_reader_states_nothing_where_nothing_is_said() -> None:
    text = "Jane Doe liked the photograph of Berlin that hung in the hall."
    p = _read(text, "Jane Doe", "Berlin", ("Person", "Place"))
    assert max(p, key=p.__getitem__) == "none"
    assert Pipeline(Settings(relation_model="neural")).extract(Document.from_text(text, "t")).relations == ()


def test_batched_probabilities_do_not_depend_on_the_batch() -> None:
    reader = load_reader("neural")
    classes = [("Person", "Organization")]
    alone = reader.probabilities(["Tim Cook leads Apple."], [(0, (0, 8), (15, 20))], classes)
    texts = ["Tim Cook leads Apple.",
             "A much longer sentence that pads the batch, about nothing at all, really."]
    together = reader.probabilities(texts, [(0, (0, 8), (15, 20)), (1, (2, 6), (23, 27))], classes * 2)
    assert together.shape == (2, len(reader.labels))
    # padded to the longer sentence: the same up to int8 noise (dynamic quantisation scales
    # activations by their range over the whole batch), and the same label
    assert abs(alone[0] - together[0]).max() < 0.06
    assert alone[0].argmax() == together[0].argmax()


def test_build_with_relation_model_neural_merges_with_the_rules() -> None:
    pipeline = Pipeline(Settings(relation_model="neural"))
    assert "neural" in pipeline.extractor_names and "pairs" not in pipeline.extractor_names
    text = "Marie Curie was born in Warsaw. She married Pierre Curie."
    graph = pipeline.extract(Document.from_text(text, "t"))
    assert {r.predicate for r in graph.relations} >= {"bornIn", "spouse"}
    assert {(r.predicate, r.extractor) for r in graph.relations if r.extractor == "model:neural"} == {
        ("spouse", "model:neural")}  # the other direction of the rule's spouse


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(KGError, match=re.escape('pip install "kg[neural]"')):
        NeuralReader.load(bundled_path())


def test_a_missing_model_directory_is_named(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KGError, match="kg train --neural"):
        Pipeline(Settings(relation_model=f"neural:{tmp_path}"))


def _closure(requirement: str, seen: set[str]) -> None:
    """Every distribution ``requirement`` pulls in here (markers evaluated, no extras of its own)."""
    from packaging.requirements import Requirement

    req = Requirement(requirement)
    if req.marker is not None and not req.marker.evaluate({"extra": ""}):
        return
    name = re.sub(r"[-_.]+", "-", req.name).lower()
    if name in seen:
        return
    seen.add(name)
    try:
        distribution(name)
    except PackageNotFoundError:
        return
    for sub in requires(name) or ():
        _closure(sub, seen)


def test_the_neural_extra_pulls_in_no_torch_and_no_cuda() -> None:
    from packaging.requirements import Requirement

    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
    extra = project["optional-dependencies"]["neural"]
    assert {Requirement(r).name for r in extra} == {"onnxruntime", "tokenizers"}
    seen: set[str] = set()
    for r in [*extra, *project["dependencies"]]:  # what "pip install kg[neural]" installs, as resolved here
        _closure(r, seen)
    assert "onnxruntime" in seen and "numpy" in seen
    assert not [n for n in seen if n == "torch" or n.startswith(("nvidia-", "triton"))], sorted(seen)


def test_the_reader_stands_where_the_classifier_would_in_a_named_extractor_list() -> None:
    from kg.pipeline import DEFAULT_EXTRACTORS

    names = Pipeline(Settings(relation_model="neural", extractors=DEFAULT_EXTRACTORS)).extractor_names
    assert "neural" in names and "pairs" not in names


def test_a_pair_past_the_word_piece_limit_keeps_the_classifier_s_probabilities() -> None:
    import numpy as np

    from kg.extract.neural import MAX_TOKENS, Mixed

    reader = load_reader()
    subject, obj = "Marie Curie", "Warsaw"
    long = f"{subject} was born in {obj}. " + "The committee met again that year " * MAX_TOKENS
    text = long + f"{subject} was born in {obj}."
    start = len(long)
    refs = [(0, (0, len(subject)), (24, 30)), (0, (start, start + len(subject)), (start + 24, start + 30))]
    probabilities, seen = reader.read([text], refs, [("Person", "Place")] * 2)
    assert seen.tolist() == [True, False]
    assert probabilities[1, reader.labels.index("none")] == 1.0  # not read: "none", alone

    class Classifier:
        labels = reader.labels

        def probabilities(self, rows):  # type: ignore[no-untyped-def]
            return np.full((len(rows), len(self.labels)), 1.0 / len(self.labels))

    mixed = Mixed(reader.labels, probabilities, Classifier(), 0.5, seen).probabilities([[], []])
    assert np.allclose(mixed[1], 1.0 / len(reader.labels))  # the classifier's alone
    assert np.allclose(mixed[0], 0.5 * probabilities[0] + 0.5 / len(reader.labels))
