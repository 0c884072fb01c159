"""Train the pair classifier of :mod:`kg.extract.classifier` from gold data.

Labelled pairs come from KnowledgeNet (its 15 properties) and CoNLL04
(Work_For, OrgBased_In, Live_In, Located_In), mapped onto the ontology by
``ontology/mappings/`` (:mod:`kg.evaluation.mappings`). A pair of mentions
is positive when both overlap a gold fact's spans, else negative. A
KnowledgeNet passage annotates only some properties, so a negative there
may hide a fact nobody annotated: unless the passage annotates every
property the pair's classes allow, it counts at a small weight
(``weak_negatives``). The classifier reads what the rules found
(:class:`kg.extract.classifier.Context`), so it learns when to trust them.
Training needs scikit-learn (``pip install "kg[train]"``); using the model
needs numpy only.
"""

from __future__ import annotations

from collections import Counter, deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.config import Settings
from kg.evaluation.datasets import read_conll04, read_knowledgenet
from kg.evaluation.mappings import load_mapping
from kg.errors import KGError
from kg.extract.classifier import DIMENSIONS, NONE, Context, RelationModel, candidate_pairs, hashed, pair_features
from kg.types import Document

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence

    from kg.extract.classifier import Side
    from kg.extract.context import DocContext

Span = tuple[int, int]
#: The weight of a negative that may hide an unannotated fact. Chosen on
#: KnowledgeNet fold 3 with a model of folds 1-2 (C 4, threshold 0.5): 0.01
#: gives F1 0.549 at precision 0.769; 0.007 gives 0.554 at 0.749 but invents a
#: relation on the seed article; 1 (every pair a full negative) gave 0.425 at 0.848.
WEAK_NEGATIVES = 0.01


@dataclass(frozen=True)
class Gold:
    """Gold facts of one text, in ontology terms, with where negatives count."""

    text: str
    facts: tuple[tuple[str, Span, Span], ...]  # (property, subject span, object span)
    units: tuple[tuple[Span, frozenset[str] | None], ...]  # (span, annotated properties or all)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def knowledgenet_gold(path: str | Path, folds: Iterable[int] | None = None) -> Iterator[Gold]:
    wanted = set(folds) if folds else None
    to_kg = load_mapping("knowledgenet").to_kg()  # label -> (kg property, swapped)
    for doc in read_knowledgenet(path):
        if wanted is not None and doc.fold not in wanted:
            continue
        facts, units = [], []
        for p in doc.passages:
            annotated = frozenset(to_kg[x][0] for x in p.properties if x in to_kg)
            units.append(((p.start, p.end), annotated))
            for f in p.facts:
                if f.property in to_kg:
                    prop, swap = to_kg[f.property]
                    facts.append((prop, f.object, f.subject) if swap else (prop, f.subject, f.object))
        yield Gold(doc.text, tuple(facts), tuple(units))


def conll04_gold(path: str | Path) -> Iterator[Gold]:
    to_kg = load_mapping("conll04").to_kg()  # Kill has no kg property
    for sentence in read_conll04(path):
        facts = tuple((to_kg[r.type][0], r.head.span, r.tail.span)
                      for r in sentence.relations if r.type in to_kg)
        yield Gold(sentence.text, facts, (((0, len(sentence.text)), None),))


def labelled_pairs(golds: Iterable[Gold], settings: Settings, weak_negatives: float = WEAK_NEGATIVES,
                   ) -> Iterator[tuple[DocContext, Sentence, Side, Side, str, float]]:
    """(document, sentence, subject, object, gold label, weight) for every candidate pair
    inside an annotated unit, as a build's stages find them; ``weight`` is
    ``weak_negatives`` for a "none" that an unannotated property could make wrong."""
    from kg.pipeline import Pipeline

    # the stages as a build runs them, without the classifier being trained
    pipeline = Pipeline(replace(settings, relation_model="off", min_confidence=0.0, n_process=1))
    lexicon = pipeline.lexicon
    pending: deque[Gold] = deque()

    def documents() -> Iterator[Document]:
        for g in golds:
            pending.append(g)
            yield Document.from_text(g.text, "train")

    for ctx in pipeline.contexts(documents(), shared_entities=False):
        gold = pending.popleft()
        for sent, a, b in candidate_pairs(ctx.doc, ctx.resolved):
            sa, sb = (a.start_char, a.end_char), (b.start_char, b.end_char)
            unit = next((u for u in gold.units if _overlaps(u[0], sa) and _overlaps(u[0], sb)), None)
            if unit is None:
                continue
            label = next((p for p, s, o in gold.facts if _overlaps(s, sa) and _overlaps(o, sb)), NONE)
            if label == NONE and a.cls == "Person" and b.cls == "Person":
                if any(p == "spouse" and _overlaps(s, sb) and _overlaps(o, sa) for p, s, o in gold.facts):
                    label = "spouse"
            annotated = unit[1]
            weight = 1.0
            if label == NONE and annotated is not None and not _could_be_any(a.cls, b, annotated, lexicon):
                weight = weak_negatives  # an unannotated property may hold here
            yield ctx, sent, a, b, label, weight


def examples(golds: Iterable[Gold], settings: Settings,
             weak_negatives: float = WEAK_NEGATIVES) -> Iterator[tuple[list[int], str, float]]:
    """(hashed features, label, weight) for every candidate pair inside an annotated unit."""
    last, context = None, None
    for ctx, _, a, b, label, weight in labelled_pairs(golds, settings, weak_negatives):
        if ctx is not last:
            last, context = ctx, Context.of(ctx.lexicon, list(ctx.relations), ctx.resolved)
        if weight > 0:
            yield hashed(pair_features(ctx.doc, a, b, context)), label, weight


def _could_be_any(a_cls: str, b, annotated: frozenset[str], lexicon) -> bool:  # type: ignore[no-untyped-def]
    """True when every property this pair's classes allow is annotated in the unit."""
    fitting = [name for name, spec in lexicon.properties.items()
               if spec.allows(a_cls, None if b.iri is None else b.cls)]
    return bool(fitting) and all(name in annotated for name in fitting)


def train(golds: Iterable[Gold], settings: Settings | None = None, *, c: float = 4.0,
          weak_negatives: float = WEAK_NEGATIVES) -> RelationModel:
    """Fit a multinomial logistic regression on the candidate pairs of ``golds``."""
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
    except ImportError as e:
        raise KGError("training needs scikit-learn: pip install 'kg[train]'") from e
    settings = settings or Settings()
    rows, labels, weights_of = [], [], []
    for features, label, weight in examples(golds, settings, weak_negatives):
        rows.append(features)
        labels.append(label)
        weights_of.append(weight)
    if not rows:
        raise KGError("no training pairs found in the gold data")
    names = [NONE] + sorted(set(labels) - {NONE})
    y = np.array([names.index(x) for x in labels])
    indptr = np.cumsum([0] + [len(r) for r in rows])
    x = csr_matrix((np.ones(indptr[-1], dtype=np.float32), np.concatenate(rows), indptr),
                   shape=(len(rows), DIMENSIONS))
    clf = LogisticRegression(C=c, max_iter=300, class_weight=None)
    clf.fit(x, y, sample_weight=np.array(weights_of))
    weights = np.zeros((DIMENSIONS, len(names)), dtype=np.float32)
    bias = np.zeros(len(names), dtype=np.float32)
    for k, cls_index in enumerate(clf.classes_):
        weights[:, cls_index] = clf.coef_[k] if len(clf.classes_) > 2 else clf.coef_[0] * (1 if k else -1)
        bias[cls_index] = clf.intercept_[k] if len(clf.classes_) > 2 else clf.intercept_[0] * (1 if k else -1)
    return RelationModel(tuple(names), weights, bias)


def label_counts(golds: Iterable[Gold], settings: Settings | None = None) -> Counter[str]:
    return Counter(label for _, label, _ in examples(golds, settings or Settings()))
