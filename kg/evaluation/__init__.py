"""Score extraction against gold data: precision, recall and F1.

Four datasets (readers in :mod:`kg.evaluation.datasets`, maps from kg's
properties to their labels in ``ontology/mappings/`` read by
:mod:`kg.evaluation.mappings`), one scorer (:mod:`kg.evaluation.scoring`):
gold and predicted facts become :class:`Fact` records in the dataset's own
labels, matched within a unit (a passage, a sentence, a document) and counted
micro and per label. One adapter a dataset:

- :func:`evaluate_knowledgenet` (:mod:`kg.evaluation.knowledgenet`): spans
  overlap, in the same passage; a prediction counts against precision only in
  a passage that annotates its property exhaustively.
- :func:`evaluate_conll04` (:mod:`kg.evaluation.conll04`): entities (Peop,
  Org, Loc) and relations, strict (exact spans and types) and by overlap.
- :func:`evaluate_redocred` (:mod:`kg.evaluation.redocred`): entity-level
  Wikidata facts, once per document.
- :func:`evaluate_gold` (:mod:`kg.evaluation.gold`): kg's own hand-annotated
  format, scored by name.

Examples
--------
Two gold facts; kg finds the spouse fact backwards (symmetric: right), and a
CEO fact whose subject span only overlaps the gold one (right), plus one
fact nobody annotated:

>>> gold = [Fact("SPOUSE", Arg("Ann", (0, 3)), Arg("Bob", (8, 11)), unit="p1"),
...         Fact("CEO", Arg("Acme Corp", (20, 29)), Arg("Ann", (31, 34)), unit="p1")]
>>> pred = [Fact("SPOUSE", Arg("Bob", (8, 11)), Arg("Ann", (0, 3)), unit="p1", symmetric=True),
...         Fact("CEO", Arg("Acme", (20, 24)), Arg("Ann", (31, 34)), unit="p1"),
...         Fact("CEO", Arg("Acme", (20, 24)), Arg("Bob", (8, 11)), unit="p1")]
>>> scores = score(gold, pred)
>>> scores.micro
Counts(tp=2, fp=1, fn=0)
>>> round(scores.micro.p, 3), scores.micro.r, round(scores.micro.f1, 3)
(0.667, 1.0, 0.8)
>>> score(gold, pred, strict=True).by_label["CEO"]
Counts(tp=0, fp=2, fn=1)
>>> sorted(EVALUATORS)
['conll04', 'gold', 'knowledgenet', 'redocred']
"""

from __future__ import annotations

from typing import Callable

from kg.evaluation.conll04 import evaluate_conll04
from kg.evaluation.gold import evaluate_gold, gold_facts, graph_facts
from kg.evaluation.knowledgenet import evaluate_knowledgenet, kn_facts, kn_gold, kn_scored
from kg.evaluation.redocred import evaluate_redocred
from kg.evaluation.scoring import Arg, Counts, EvalReport, Fact, Scores, fold, match, score

__all__ = ["Arg", "Counts", "EVALUATORS", "EvalReport", "Fact", "Scores", "evaluate_conll04",
           "evaluate_gold", "evaluate_knowledgenet", "evaluate_redocred", "fold", "gold_facts",
           "graph_facts", "kn_facts", "kn_gold", "kn_scored", "match", "score"]

#: ``kg eval DATASET``: the evaluator of each dataset.
EVALUATORS: dict[str, Callable[..., EvalReport]] = {
    "knowledgenet": evaluate_knowledgenet,
    "conll04": evaluate_conll04,
    "redocred": evaluate_redocred,
    "gold": evaluate_gold,
}
