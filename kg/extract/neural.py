"""A neural relation reader: a small transformer encoder, run with onnxruntime.

Each sentence that holds a candidate pair (:func:`kg.extract.classifier.candidate_pairs`:
a person or organisation and another mention or a date, which some property's
domain and range could relate) is encoded once by a fine-tuned
all-MiniLM-L6-v2 (6 layers, 384 wide, int8 ONNX). Every pair of that sentence
is then scored from the encoder's output: the mean of the subject's word
pieces, the object's, the words between them and the sentence's first token,
plus each side's class, through a two-layer head (numpy) over the ontology's
properties and "none". A document's sentences go through the encoder in a few
padded batches, so the cost grows with the sentences that hold a plausible
pair, not with all pairs.

The model lives in ``kg/models/neural/`` (``encoder.onnx``, ``tokenizer.json``,
``head.npz``, ``meta.json`` with the training data's provenance) and is trained
by ``kg train --neural`` (:mod:`kg.evaluation.train_neural`, needs torch).
Running it needs ``pip install "kg[neural]"`` (onnxruntime and tokenizers, no
torch); choose it with ``kg build --relation-model neural``.

Examples
--------
>>> import numpy as np
>>> pooling([[(0, 0), (0, 3), (4, 9), (10, 12), (0, 0)]], 5, [(0, (0, 3), (10, 12))])[0].tolist()
[[0.0, 1.0, 0.0, 0.0, 0.0]]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from kg.errors import KGError, ModelError
from kg.extract.classifier import NONE, RelationModel, candidate_pairs, predict_relations, unstated
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    import numpy as np

    from kg.extract.context import DocContext

#: The classes a side may have, as the head reads them (anything else: the last slot).
CLASSES = ("Person", "Organization", "Place", "Date", "Product", "Event", "Technology", "other")
MAX_TOKENS = 128  # word pieces per sentence, [CLS] and [SEP] included
BATCH = 16  # sentences per encoder run
INSTALL = 'the neural relation reader needs onnxruntime and tokenizers: pip install "kg[neural]"'

Span = tuple[int, int]
#: (sentence index in the batch, subject chars, object chars), chars relative to the sentence
PairRef = tuple[int, Span, Span]


def bundled_path() -> Path:
    return Path(__file__).resolve().parent.parent / "models" / "neural"


def is_neural(relation_model: str | None) -> bool:
    """Whether a ``relation_model`` setting names the neural reader ("neural" or "neural:DIR").

    >>> is_neural("neural"), is_neural("neural:/tmp/m"), is_neural("model.npz"), is_neural(None)
    (True, True, False, False)
    """
    return bool(relation_model) and (relation_model == "neural" or relation_model.startswith("neural:"))


def class_slot(cls: str) -> int:
    return CLASSES.index(cls) if cls in CLASSES else len(CLASSES) - 1


def token_range(offsets: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The word pieces (first, last + 1) whose characters overlap ``start:end``; None if none do."""
    hit = [i for i, (s, e) in enumerate(offsets) if e > s and s < end and start < e]
    return (hit[0], hit[-1] + 1) if hit else None


def pooling(offsets: list[Sequence[tuple[int, int]]], width: int,
            pairs: Sequence[PairRef]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Averaging matrices over a padded batch's flattened tokens, one row per pair.

    Returns (subject, object, between, first token, kept): the first four are
    ``(pairs, sentences * width)`` float32 matrices; ``kept`` marks the pairs
    whose two sides both fall inside the encoded (truncated) sentence.
    """
    import numpy as np

    n, flat = len(pairs), len(offsets) * width
    subject, obj, between, first = (np.zeros((n, flat), dtype=np.float32) for _ in range(4))
    kept = np.zeros(n, dtype=bool)
    for row, (sentence, (s0, s1), (o0, o1)) in enumerate(pairs):
        a, b = token_range(offsets[sentence], s0, s1), token_range(offsets[sentence], o0, o1)
        base = sentence * width
        first[row, base] = 1.0
        if a is None or b is None:
            continue
        kept[row] = True
        subject[row, base + a[0]:base + a[1]] = 1.0 / (a[1] - a[0])
        obj[row, base + b[0]:base + b[1]] = 1.0 / (b[1] - b[0])
        lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
        if hi > lo:
            between[row, base + lo:base + hi] = 1.0 / (hi - lo)
    return subject, obj, between, first, kept


def head_input(hidden: np.ndarray, offsets: list[Sequence[tuple[int, int]]], pairs: Sequence[PairRef],
               classes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[subject; object; between; first token; class one-hots] for each pair, and which pairs were kept.

    The same means as :func:`pooling`'s matrices give, from running sums
    (no matrix product: numpy's BLAS threads would fight onnxruntime's for the cores).
    """
    import numpy as np

    sums = np.concatenate([np.zeros_like(hidden[:, :1]), hidden.cumsum(axis=1, dtype=np.float64)], axis=1)
    ends = np.zeros((len(pairs), 6), dtype=np.int64)  # subject, object, between: (first, last + 1)
    kept = np.zeros(len(pairs), dtype=bool)
    for row, (sentence, (s0, s1), (o0, o1)) in enumerate(pairs):
        a, b = token_range(offsets[sentence], s0, s1), token_range(offsets[sentence], o0, o1)
        if a is None or b is None:
            continue
        kept[row] = True
        lo, hi = (a[1], b[0]) if a[0] < b[0] else (b[1], a[0])
        ends[row] = (*a, *b, lo, max(lo, hi))
    sentence = np.array([p[0] for p in pairs], dtype=np.int64)

    def mean(first: np.ndarray, last: np.ndarray) -> np.ndarray:
        width = (last - first)[:, None]
        return ((sums[sentence, last] - sums[sentence, first]) / np.maximum(width, 1)).astype(np.float32)

    parts = [mean(ends[:, 0], ends[:, 1]), mean(ends[:, 2], ends[:, 3]), mean(ends[:, 4], ends[:, 5]),
             hidden[sentence, 0], classes]
    return np.concatenate(parts, axis=1), kept


def class_features(pair_classes: Sequence[tuple[str, str]]):  # type: ignore[no-untyped-def]
    import numpy as np

    out = np.zeros((len(pair_classes), 2 * len(CLASSES)), dtype=np.float32)
    for row, (a, b) in enumerate(pair_classes):
        out[row, class_slot(a)] = 1.0
        out[row, len(CLASSES) + class_slot(b)] = 1.0
    return out


@dataclass(frozen=True)
class NeuralReader:
    """The ONNX encoder, its tokenizer and the pair head, loaded from one directory."""

    path: Path
    labels: tuple[str, ...]
    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer
    head: Any  # onnxruntime.InferenceSession: head input -> label probabilities
    meta: dict[str, Any]
    pairs: RelationModel | None = None  # the pair classifier trained on the same data, if shipped beside

    @classmethod
    def load(cls, path: str | Path, threads: int = 1) -> NeuralReader:
        try:
            import numpy as np
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as e:
            raise KGError(f"{INSTALL} ({e})") from e
        path = Path(path)
        if not (path / "encoder.onnx").is_file():
            raise ModelError(f"{path}: no neural relation model here (encoder.onnx); "
                             "train one with 'kg train --neural'")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(path / "encoder.onnx"), options,
                                               providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        head = onnxruntime.InferenceSession(str(path / "head.onnx"), options,
                                            providers=["CPUExecutionProvider"])
        meta = json.loads((path / "meta.json").read_text()) if (path / "meta.json").is_file() else {}
        pairs = RelationModel.load(path / "pairs.npz") if (path / "pairs.npz").is_file() else None
        labels = tuple(str(x) for x in np.load(path / "head.npz")["labels"])
        return cls(path, labels, session, tokenizer, head, meta, pairs)

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, list[Sequence[tuple[int, int]]]]:
        """The encoder's last hidden states ``(len(texts), width, 384)`` and each text's offsets."""
        import numpy as np

        encodings = self.tokenizer.encode_batch(list(texts))
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, e in enumerate(encodings):
            ids[row, :len(e.ids)] = e.ids
            mask[row, :len(e.ids)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return hidden, [e.offsets for e in encodings]

    def probabilities(self, sentences: Sequence[str], pairs: Sequence[PairRef],
                      pair_classes: Sequence[tuple[str, str]]) -> np.ndarray:
        """Label probabilities ``(len(pairs), len(labels))``; a pair outside the encoded text gets "none".

        ``pairs`` index ``sentences``; their character spans are relative to the sentence.
        """
        return self.read(sentences, pairs, pair_classes)[0]

    def read(self, sentences: Sequence[str], pairs: Sequence[PairRef],
             pair_classes: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`probabilities`, and which pairs the encoder saw (one past the first
        :data:`MAX_TOKENS` word pieces of its sentence is not read)."""
        import numpy as np

        out = np.zeros((len(pairs), len(self.labels)), dtype=np.float32)
        out[:, self.labels.index(NONE)] = 1.0
        seen = np.zeros(len(pairs), dtype=bool)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        by_sentence: dict[int, list[int]] = {}
        for row, (sentence, _, _) in enumerate(pairs):
            by_sentence.setdefault(sentence, []).append(row)
        classes = class_features(pair_classes)
        for start in range(0, len(order), BATCH):
            chunk = [i for i in order[start:start + BATCH] if i in by_sentence]
            if not chunk:
                continue
            hidden, offsets = self.encode([sentences[i] for i in chunk])
            position = {s: k for k, s in enumerate(chunk)}
            rows = [r for s in chunk for r in by_sentence[s]]
            refs = [(position[pairs[r][0]], pairs[r][1], pairs[r][2]) for r in rows]
            x, kept = head_input(hidden, offsets, refs, classes[rows])
            if kept.any():
                p = self.head.run(None, {"x": x[kept]})[0]
                out[np.array(rows)[kept]] = p
                seen[np.array(rows)[kept]] = True
        return out, seen


@lru_cache(maxsize=2)
def load_reader(relation_model: str = "neural") -> NeuralReader:
    """The reader a ``relation_model`` setting names ("neural": the bundled one)."""
    path = bundled_path() if relation_model == "neural" else Path(relation_model.split(":", 1)[1])
    return NeuralReader.load(path)


@extractors.register("neural")
def neural(ctx: DocContext) -> list[Relation]:
    """The neural reader's relations between the document's candidate pairs.

    Uses the run's ``relation_model`` when it names the reader, else the bundled
    one; states nothing the extractors before it stated.
    """
    model = ctx.settings.relation_model
    reader = load_reader(model if is_neural(model) else "neural")  # type: ignore[arg-type]
    return unstated(ctx, predict(ctx, reader, ctx.settings.relation_threshold))


def predict(ctx: DocContext, reader: NeuralReader, threshold: float = 0.5) -> list[Relation]:
    """Relations the reader scores at ``threshold`` or above, where domain and range fit.

    The decisions are the pair classifier's own
    (:func:`kg.extract.classifier.predict_relations`: per-property thresholds,
    trigger words, one direction of two, ...), made on the reader's probabilities
    (averaged with the classifier's of the same data when it ships beside it).
    """
    pairs = list(candidate_pairs(ctx.doc, ctx.resolved))
    if not pairs:
        return []
    sentence_of: dict[int, int] = {}
    texts: list[str] = []
    refs: list[PairRef] = []
    for sent, a, b in pairs:
        if sent.start not in sentence_of:
            sentence_of[sent.start] = len(texts)
            texts.append(sent.text)
        base = sent.start_char
        refs.append((sentence_of[sent.start], (a.start_char - base, a.end_char - base),
                     (b.start_char - base, b.end_char - base)))
    probabilities, seen = reader.read(texts, refs, [(a.cls, b.cls) for _, a, b in pairs])
    mixed = Mixed(reader.labels, probabilities, reader.pairs, float(reader.meta.get("mix", 0.5)), seen)
    return [replace(r, extractor="model:neural") for r in predict_relations(ctx, mixed, threshold)]  # type: ignore[arg-type]


@dataclass(frozen=True)
class Mixed:
    """The reader's probabilities for one document's candidate pairs, as a relation model.

    :func:`kg.extract.classifier.predict_relations` asks it for the
    probabilities of the same pairs, in the same order, by their hashed
    features: those go to the pair classifier (``pairs``), whose probabilities
    are averaged in at ``1 - share`` (labels it lacks count as 0); a pair the
    reader did not see (``seen`` False: past its word-piece limit) has the
    classifier's alone. The classifier reads what the rules found; the reader
    reads the words.
    """

    labels: tuple[str, ...]
    reader: np.ndarray
    pairs: RelationModel | None
    share: float = 0.5
    seen: np.ndarray | None = None

    def probabilities(self, rows: list[list[int]]) -> np.ndarray:
        import numpy as np

        if len(rows) != len(self.reader):
            raise ModelError(f"the neural reader scored {len(self.reader)} pairs, asked for {len(rows)}")
        if self.pairs is None:
            return self.reader
        linear = self.pairs.probabilities(rows)
        aligned = np.zeros_like(self.reader)
        for k, label in enumerate(self.labels):
            if label in self.pairs.labels:
                aligned[:, k] = linear[:, self.pairs.labels.index(label)]
        mixed = self.share * self.reader + (1.0 - self.share) * aligned
        if self.seen is not None:
            mixed[~self.seen] = aligned[~self.seen]
        return mixed
