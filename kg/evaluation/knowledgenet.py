"""``kg eval knowledgenet``: kg's relations as KnowledgeNet facts.

KnowledgeNet (Mesquita et al. 2019) annotates 15 properties per passage; kg's
properties stand for them as ``ontology/mappings/knowledgenet.csv`` says
(:func:`kg.evaluation.mappings.load_mapping`). Spans overlap, in the same
passage; a prediction counts against precision only in a passage that
annotates its property exhaustively.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from kg.config import Settings
from kg.evaluation.datasets import KNDocument, KNPassage, read_knowledgenet
from kg.evaluation.mappings import load_mapping
from kg.evaluation.scoring import (Arg, EvalReport, Fact, Scores, _asserted, _extracted, _record,
                                   _span_notes, match, span_matcher)
from kg.types import Document, DocumentGraph

__all__ = ["KN_PROPERTY_IDS", "evaluate_knowledgenet", "kn_facts", "kn_gold", "kn_place",
           "kn_prediction_record", "kn_scored"]

#: KnowledgeNet's property ids, for the predictions file.
KN_PROPERTY_IDS = {
    "SUBSIDIARY_OF": "1", "FOUNDED_BY": "2", "EMPLOYEE_OR_MEMBER_OF": "3", "CEO": "4",
    "DATE_FOUNDED": "5", "HEADQUARTERS": "6", "EDUCATED_AT": "9", "NATIONALITY": "10",
    "PLACE_OF_RESIDENCE": "11", "PLACE_OF_BIRTH": "12", "DATE_OF_DEATH": "14",
    "DATE_OF_BIRTH": "15", "SPOUSE": "25", "CHILD_OF": "34", "POLITICAL_AFFILIATION": "45",
}


def kn_facts(graph: DocumentGraph, settings: Settings | None = None) -> list[Fact]:
    """kg's relations as KnowledgeNet facts (deduplicated; unit not yet set)."""
    text, out, seen = graph.document.text, [], set()
    kn = load_mapping("knowledgenet")
    symmetric = kn.symmetric
    for r in _asserted(graph, settings):
        for label, inverted in kn.labels_of(r.predicate):
            s, o = (r.object_span, r.subject_span) if inverted else (r.subject_span, r.object_span)
            key = (label, *sorted((s, o))) if label in symmetric else (label, s, o)
            if key not in seen:
                seen.add(key)
                out.append(Fact(label, Arg(text[s[0]:s[1]], s), Arg(text[o[0]:o[1]], o),
                                context=r.sentence, symmetric=label in symmetric,
                                confidence=r.confidence, extractor=r.extractor))
    return out


def kn_place(fact: Fact, passages: Sequence[KNPassage]) -> KNPassage | None:
    """The passage a predicted fact belongs to: the one both its spans overlap.

    >>> from kg.evaluation.datasets import KNPassage
    >>> ps = [KNPassage("a", 0, 10, "", frozenset(), ()), KNPassage("b", 11, 20, "", frozenset(), ())]
    >>> kn_place(Fact("CEO", Arg("x", (12, 14)), Arg("y", (15, 19))), ps).id
    'b'
    >>> kn_place(Fact("CEO", Arg("x", (2, 4)), Arg("y", (15, 19))), ps) is None
    True
    """
    assert fact.object is not None and fact.subject.span and fact.object.span
    return next((p for p in passages if p.covers(fact.subject.span) and p.covers(fact.object.span)),
                None)


def kn_scored(predicted: Iterable[Fact], passages: Sequence[KNPassage]) -> list[Fact]:
    """Predictions placed in their passage, kept only where it annotates their property.

    >>> from kg.evaluation.datasets import KNPassage
    >>> p = KNPassage("a", 0, 30, "Ann, CEO of Acme, married Bob.", frozenset({"SPOUSE"}), ())
    >>> facts = [Fact("SPOUSE", Arg("Ann", (0, 3)), Arg("Bob", (26, 29))),
    ...          Fact("CEO", Arg("Acme", (12, 16)), Arg("Ann", (0, 3)))]
    >>> [(f.label, f.unit) for f in kn_scored(facts, [p])]
    [('SPOUSE', 'a')]
    """
    out = []
    for fact in predicted:
        passage = kn_place(fact, passages)
        if passage is not None and fact.label in passage.properties:
            out.append(replace(fact, unit=passage.id, context=passage.text))
    return out


def kn_gold(document: KNDocument) -> list[Fact]:
    """The gold facts of a KnowledgeNet document, one unit a passage."""
    symmetric = load_mapping("knowledgenet").symmetric
    return [Fact(f.property, Arg(f.subject_text, f.subject), Arg(f.object_text, f.object),
                 p.id, p.text, f.property in symmetric)
            for p in document.passages for f in p.facts]


def kn_prediction_record(document: KNDocument, predicted: Sequence[Fact]) -> dict[str, Any]:
    """kg's facts for one document in KnowledgeNet's format (facts under their passage)."""
    passages = []
    for p in document.passages:
        facts = [f for f in predicted if kn_place(f, [p])]
        if facts:
            passages.append({"passageId": p.id, "passageStart": p.start, "passageEnd": p.end,
                             "passageText": p.text, "facts": [_kn_fact(f) for f in facts]})
    return {"documentId": document.id, "fold": document.fold, "passages": passages}


def _kn_fact(f: Fact) -> dict[str, Any]:
    assert f.object is not None and f.subject.span and f.object.span
    return {"propertyId": KN_PROPERTY_IDS[f.label], "propertyName": f.label,
            "subjectStart": f.subject.span[0], "subjectEnd": f.subject.span[1],
            "subjectText": f.subject.text, "objectStart": f.object.span[0],
            "objectEnd": f.object.span[1], "objectText": f.object.text}


def evaluate_knowledgenet(path: str | Path, fold: int | None = None, limit: int | None = None,
                          settings: Settings | None = None) -> EvalReport:
    """Score kg on KnowledgeNet documents (``fold``: only that fold; ``limit``: the first N).

    A predicted fact is right when its property matches a gold fact's and
    both spans overlap the gold spans, in the same passage. It counts against
    precision only in a passage whose ``exhaustivelyAnnotatedProperties``
    lists its property; recall is over every gold fact. As in the official
    evaluator, one prediction may cover several gold facts (KnowledgeNet
    annotates both directions of SPOUSE, and every mention of a name).
    """
    started = time.perf_counter()
    report = EvalReport("knowledgenet", str(path), "facts", {"facts": Scores(
        "spans overlap in the same passage; precision only where the property is annotated "
        "(KnowledgeNet's official span_overlap rule)")})
    same = span_matcher()
    docs = read_knowledgenet(path, fold=fold, limit=limit)
    to_doc = lambda d: Document.from_text(d.text, source=f"knowledgenet:{d.id}", external_id=d.id)  # noqa: E731
    for document, graph in _extracted(docs, to_doc, settings):
        predicted = kn_facts(graph, settings)
        gold = kn_gold(document)
        miss, false = _span_notes(gold, graph, settings)
        _record(report, "facts", match(gold, kn_scored(predicted, document.passages), same, False),
                document.id, miss, false)
        report.predictions.append(kn_prediction_record(document, predicted))
        report.documents += 1
    report.seconds = time.perf_counter() - started
    return report
