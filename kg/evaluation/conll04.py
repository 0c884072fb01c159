"""``kg eval conll04``: kg's mentions and relations as CoNLL04 entities and relations.

CoNLL04 (Roth & Yih 2004) scores sentences: entities Peop, Org, Loc (Other
is not scored) and relations Work_For, OrgBased_In, Live_In, Located_In
(Kill is not scored), strict (exact spans and types) and by overlap. kg's properties
stand for CoNLL04's relations by the classes of their ends, as
``ontology/mappings/conll04.csv`` says (:mod:`kg.evaluation.mappings`).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from kg.config import Settings
from kg.evaluation.datasets import ConllSentence, read_conll04
from kg.evaluation.mappings import load_mapping
from kg.evaluation.scoring import (Arg, EvalReport, Fact, Scores, _asserted, _extracted, _record, _span_notes,
                      match, overlaps, span_matcher)
from kg.types import Document, DocumentGraph

Span = tuple[int, int]

#: kg class -> CoNLL04 entity type (Product, Event, Technology are not scored).
CONLL_TYPES = {"Person": "Peop", "Organization": "Org", "Place": "Loc"}
#: Titles CoNLL04 counts as part of a person's name ("President Lincoln",
#: "Ms. Carpenter"): those its training split includes more often than not
#: (it leaves out "Sen.", "Gov.", "Judge", "Lt.", ...).
CONLL_TITLES = frozenset("President Mr. Mrs. Ms. Dr. Rev. King Prince Gen. Sultan".split())


def conll_spans(text: str, mentions: list[tuple[Span, str]]) -> dict[Span, Span]:
    """Where CoNLL04 would mark each of kg's mentions (``(span, kg class)``).

    kg names the entity; CoNLL04 keeps a sentence's last period inside the
    last token ("Dallas."), marks a person's title with the name, and a place
    written "City , State" after "in" as one place (its training split does
    so 72 times in 100).

    >>> text = "President Lincoln was born in Hodgenville , Ky. in Dallas."
    >>> spans = conll_spans(text, [((10, 17), "Person"), ((30, 41), "Place"),
    ...                            ((44, 47), "Place"), ((51, 57), "Place")])
    >>> [text[a:b] for a, b in spans.values()]
    ['President Lincoln', 'Hodgenville , Ky.', 'Hodgenville , Ky.', 'Dallas.']
    """
    out: dict[Span, Span] = {}
    for span, cls in mentions:
        start, end = span
        if text[end:end + 1] == "." and text[end + 1:end + 2] in ("", " "):
            end += 1
        if cls == "Person":
            before = text[:start].split()
            if before and before[-1] in CONLL_TITLES:
                start -= len(before[-1]) + 1
        out[span] = (start, end)
    places = sorted(out[span] for span, cls in mentions if cls == "Place")
    for a, b in zip(places, places[1:]):
        if text[a[1]:b[0]] == " , " and text[:a[0]].split()[-1:] == ["in"]:
            for span, target in out.items():
                if target in (a, b):
                    out[span] = (a[0], b[1])
    return out


def _graph_spans(graph: DocumentGraph) -> dict[Span, Span]:
    return conll_spans(graph.document.text, [(m.span, m.cls) for _, m in graph.mentions
                                             if m.cls in CONLL_TYPES])


def conll_entities(graph: DocumentGraph, unit: str = "") -> list[Fact]:
    """kg's mentions of people, organisations and places as CoNLL04 entities."""
    text, seen, out = graph.document.text, set(), []
    spans = _graph_spans(graph)
    for _, m in graph.mentions:
        kind = CONLL_TYPES.get(m.cls)
        span = spans.get(m.span)
        if kind and span and span not in seen:
            seen.add(span)
            out.append(Fact(kind, Arg(text[span[0]:span[1]], span, kind), unit=unit, context=text))
    return out


def conll_relations(graph: DocumentGraph, settings: Settings | None = None,
                    unit: str = "") -> list[Fact]:
    """kg's relations as CoNLL04 relations (``ontology/mappings/conll04.csv``), deduplicated."""
    text, conll = graph.document.text, load_mapping("conll04")
    cls_at = {m.span: m.cls for _, m in graph.mentions}
    spans = _graph_spans(graph)
    out, seen = [], set()
    for r in _asserted(graph, settings):
        s_cls, o_cls = cls_at.get(r.subject_span), cls_at.get(r.object_span)
        label = conll.label_for(r.predicate, s_cls or "", o_cls or "")
        if r.subject_span not in cls_at or r.object_span not in cls_at:
            continue  # an end that is not a name ("he", "who", "Belgian"): CoNLL04 marks names
        s, o = spans.get(r.subject_span, r.subject_span), spans.get(r.object_span, r.object_span)
        key = (label, s, o)
        if label and s != o and key not in seen:
            seen.add(key)
            out.append(Fact(label, Arg(text[s[0]:s[1]], s, CONLL_TYPES[s_cls or ""]),
                            Arg(text[o[0]:o[1]], o, CONLL_TYPES[o_cls or ""]), unit, text,
                            confidence=r.confidence, extractor=r.extractor))
    return out


def conll_gold(sentence: ConllSentence) -> tuple[list[Fact], list[Fact]]:
    """Gold entities and relations of a sentence (every type, Other and Kill too)."""
    text = sentence.text

    def arg(e):  # type: ignore[no-untyped-def]
        return Arg(text[e.start:e.end], e.span, e.type)

    entities = [Fact(e.type, arg(e), unit=sentence.id, context=text) for e in sentence.entities]
    relations = [Fact(r.type, arg(r.head), arg(r.tail), sentence.id, text) for r in sentence.relations]
    return entities, relations


def conll_prediction_record(sentence: ConllSentence, entities: list[Fact],
                            relations: list[Fact]) -> dict[str, Any]:
    """kg's entities and relations for one sentence in CoNLL04's JSONL format."""
    index = {f.subject.span: i for i, f in enumerate(entities)}
    ents = [{"start": f.subject.span[0], "end": f.subject.span[1], "type": f.label,  # type: ignore[index]
             "text": f.subject.text} for f in entities]
    rels = []
    for r in relations:
        assert r.object is not None
        for arg in (r.subject, r.object):
            if arg.span not in index:
                index[arg.span] = len(ents)  # type: ignore[index]
                ents.append({"start": arg.span[0], "end": arg.span[1], "type": arg.type,  # type: ignore[index]
                             "text": arg.text})
        rels.append({"head": index[r.subject.span], "tail": index[r.object.span], "type": r.label})  # type: ignore[index]
    return {"id": sentence.id, "text": sentence.text, "entities": ents, "relations": rels}


def _entity_notes(gold_all: list[Fact],
                  predicted: list[Fact]) -> tuple[Callable[[Fact], str], Callable[[Fact], str]]:
    """Explainers for entity misses and false positives (other type, other boundaries)."""

    def near(f: Fact, others: list[Fact], whose: str) -> str:
        assert f.subject.span
        for o in others:
            assert o.subject.span
            if o.subject.span == f.subject.span:
                return f"{whose} type {o.label}"
        for o in others:
            if overlaps(o.subject.span, f.subject.span):  # type: ignore[arg-type]
                return f"{whose} span {o.subject.text!r} ({o.label})"
        return ""

    return (lambda g: near(g, predicted, "kg") or "not found",
            lambda p: near(p, gold_all, "gold") or "not a gold entity")


def evaluate_conll04(path: str | Path, limit: int | None = None,
                     settings: Settings | None = None) -> EvalReport:
    """Score kg on CoNLL04 sentences: entities and relations, strict and by overlap.

    Strict: exact spans and types (and the relation type). Overlap: spans
    overlap. Entities: Peop, Org, Loc (gold Other and kg's Product, Event and
    Technology are left out). Relations: Work_For, OrgBased_In, Live_In,
    Located_In (Kill is left out). Each sentence is extracted on its own.
    """
    started = time.perf_counter()
    report = EvalReport("conll04", str(path), "relations", {
        "relations": Scores("strict: both spans and types exact, Kill left out"),
        "relations-overlap": Scores("spans overlap, types equal, Kill left out"),
        "entities": Scores("strict: exact span and type, Peop/Org/Loc"),
        "entities-overlap": Scores("span overlap and type, Peop/Org/Loc"),
    })
    strict, loose = span_matcher(strict=True), span_matcher()
    to_doc = lambda s: Document.from_text(s.text, source=f"conll04:{s.id}", external_id=s.id)  # noqa: E731
    for sentence, graph in _extracted(read_conll04(path, limit=limit), to_doc, settings):
        gold_ents, gold_rels = conll_gold(sentence)
        ents, rels = conll_entities(graph, sentence.id), conll_relations(graph, settings, sentence.id)
        scored_ents = [g for g in gold_ents if g.label in CONLL_TYPES.values()]
        scored_rels = [g for g in gold_rels if g.label != "Kill"]
        rel_notes = _span_notes(gold_rels, graph, settings)
        _record(report, "relations", match(scored_rels, rels, strict), sentence.id, *rel_notes)
        report.tasks["relations-overlap"].add(match(scored_rels, rels, loose))
        _record(report, "entities", match(scored_ents, ents, strict), sentence.id,
                *_entity_notes(gold_ents, ents))
        report.tasks["entities-overlap"].add(match(scored_ents, ents, loose))
        report.predictions.append(conll_prediction_record(sentence, ents, rels))
        report.documents += 1
    report.seconds = time.perf_counter() - started
    return report
