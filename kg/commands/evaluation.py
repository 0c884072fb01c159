"""``kg eval`` and ``kg train``: extraction scored against gold data, and the classifier trained on it."""

from __future__ import annotations

import argparse
from dataclasses import replace

from kg.commands.common import settings_of
from kg.errors import KGError


def cmd_eval(args: argparse.Namespace) -> int:
    """Score extraction against gold data: precision, recall, F1 (micro and per label).

    DATASET is knowledgenet (JSONL), conll04 (JSONL), redocred (Re-DocRED JSON)
    or gold (kg's own JSON, see README).
    Example: kg eval conll04 ../shared/data/conll04/dev.jsonl --limit 20 --json
    Example: kg eval knowledgenet folds1-3.jsonl --fold 1 --errors kn-errors.jsonl
    """
    from kg.evaluation import EVALUATORS

    options = {"limit": args.limit, "settings": settings_of(args)}
    if args.fold is not None:
        if args.dataset not in {"knowledgenet", "redocred"}:
            raise KGError(f"--fold applies to knowledgenet and redocred only, not {args.dataset}")
        options["fold"] = args.fold
    report = EVALUATORS[args.dataset](args.path, **options)
    for path, write in ((args.predictions, report.write_predictions), (args.errors, report.write_errors)):
        if path is not None:
            try:
                write(path)
            except OSError as e:
                raise KGError(f"{path}: cannot write: {e.strerror or e}") from e
    print(report.to_json() if args.json else report.to_text())
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """Train the relation classifier from KnowledgeNet and/or CoNLL04 gold data.

    Needs scikit-learn (pip install "kg[train]"). Use the result with --relation-model.
    Example: kg train --knowledgenet folds1-3.jsonl --folds 1 2 --conll04 train.jsonl -o model.npz
    """
    from kg.evaluation.train import conll04_gold, knowledgenet_gold, train

    golds = []
    if args.knowledgenet:
        golds += list(knowledgenet_gold(args.knowledgenet, args.folds))
    for path in args.conll04 or ():
        golds += list(conll04_gold(path))
    if not golds:
        raise KGError("no training data: name --knowledgenet FILE and/or --conll04 FILE")
    settings = replace(settings_of(args), relation_model="off")
    weak = {} if args.weak_negatives is None else {"weak_negatives": args.weak_negatives}
    if getattr(args, "neural", False):
        return _train_neural(args, golds, settings, weak)
    model = train(golds, settings, c=args.c, **weak)
    output = args.output or "relations.npz"
    model.save(output)
    print(f"wrote {output}: {len(model.labels) - 1} properties from {len(golds)} documents")
    return 0


def _train_neural(args: argparse.Namespace, golds: list, settings, weak: dict  # type: ignore[no-untyped-def]
                  ) -> int:
    """``kg train --neural``: fine-tune the neural reader (kg.evaluation.train_neural), export it to ONNX."""
    from pathlib import Path

    from kg.evaluation.train import train
    from kg.evaluation.train_neural import sentence_items, train_neural

    items = list(sentence_items(golds, settings, **weak))
    output = args.output or Path("neural")
    provenance = {"knowledgenet": str(args.knowledgenet) if args.knowledgenet else None,
                  "folds": args.folds, "conll04": [str(p) for p in args.conll04 or ()],
                  "documents": len(golds), **weak}
    meta = train_neural(items, output, provenance, epochs=args.epochs, seed=args.seed,
                        max_batches=args.max_batches)
    # the pair classifier of the same data, which the reader's probabilities are averaged with
    train(golds, settings, c=args.c, **weak).save(Path(output) / "pairs.npz")
    print(f"wrote {output}: {len(meta['labels']) - 1} properties, {meta['sentences']} sentences, "
          f"{meta['steps']} batches in {meta['seconds']} s")
    return 0
