"""Score extraction against gold data: precision, recall and F1.

Three datasets (readers in :mod:`kg.evaluation.datasets`), one scorer
(:mod:`kg.evaluation.scoring`): gold and predicted facts become :class:`Fact` records in
the dataset's own labels, matched within a unit (a passage, a sentence, a
document) and counted micro and per label.

- :func:`evaluate_knowledgenet`: kg properties mapped onto KnowledgeNet's 15
  (:data:`KN_PROPERTIES`); spans overlap, in the same passage; a prediction
  counts against precision only in a passage that annotates its property
  exhaustively.
- :func:`evaluate_conll04` (:mod:`kg.evaluation.conll04`): entities (Peop, Org,
  Loc) and relations, strict (exact spans and types) and by overlap.
- :func:`evaluate_gold`: kg's own hand-annotated format, scored by name.

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
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from kg.config import Settings
from kg.evaluation.datasets import GoldDocument, KNDocument, KNPassage, read_gold, read_knowledgenet
from kg.errors import InputError
from kg.evaluation.conll04 import evaluate_conll04
from kg.evaluation.scoring import (Arg, Counts, EvalReport, Fact, Scores, _asserted, _extracted, _record,
                      _span_notes, fold, match, name_match, score, span_matcher)
from kg.types import Document, DocumentGraph

__all__ = ["Arg", "Counts", "EVALUATORS", "EvalReport", "Fact", "Scores", "evaluate_conll04",
           "evaluate_gold", "evaluate_knowledgenet", "fold", "match", "score"]

#: kg property -> the KnowledgeNet properties it stands for, and whether the
#: direction is inverted (KnowledgeNet's CEO has the organisation as subject).
KN_PROPERTIES: dict[str, tuple[tuple[str, bool], ...]] = {
    "worksFor": (("EMPLOYEE_OR_MEMBER_OF", False),),
    "leads": (("EMPLOYEE_OR_MEMBER_OF", False), ("CEO", True)),
    "memberOf": (("EMPLOYEE_OR_MEMBER_OF", False), ("POLITICAL_AFFILIATION", False)),
    "foundedBy": (("FOUNDED_BY", False),),
    "headquarteredIn": (("HEADQUARTERS", False),),
    "subsidiaryOf": (("SUBSIDIARY_OF", False),),
    "livesIn": (("PLACE_OF_RESIDENCE", False),),
    "bornIn": (("PLACE_OF_BIRTH", False),),
    "educatedAt": (("EDUCATED_AT", False),),
    "nationality": (("NATIONALITY", False),),
    "spouse": (("SPOUSE", False),),
    "childOf": (("CHILD_OF", False),),
    "birthDate": (("DATE_OF_BIRTH", False),),
    "deathDate": (("DATE_OF_DEATH", False),),
    "foundingDate": (("DATE_FOUNDED", False),),
}
#: KnowledgeNet's property ids, for the predictions file.
KN_PROPERTY_IDS = {
    "SUBSIDIARY_OF": "1", "FOUNDED_BY": "2", "EMPLOYEE_OR_MEMBER_OF": "3", "CEO": "4",
    "DATE_FOUNDED": "5", "HEADQUARTERS": "6", "EDUCATED_AT": "9", "NATIONALITY": "10",
    "PLACE_OF_RESIDENCE": "11", "PLACE_OF_BIRTH": "12", "DATE_OF_DEATH": "14",
    "DATE_OF_BIRTH": "15", "SPOUSE": "25", "CHILD_OF": "34", "POLITICAL_AFFILIATION": "45",
}
KN_SYMMETRIC = frozenset({"SPOUSE"})


# -- KnowledgeNet -----------------------------------------------------------

def kn_facts(graph: DocumentGraph, settings: Settings | None = None) -> list[Fact]:
    """kg's relations as KnowledgeNet facts (deduplicated; unit not yet set)."""
    text, out, seen = graph.document.text, [], set()
    for r in _asserted(graph, settings):
        for label, inverted in KN_PROPERTIES.get(r.predicate, ()):
            s, o = (r.object_span, r.subject_span) if inverted else (r.subject_span, r.object_span)
            key = (label, *sorted((s, o))) if label in KN_SYMMETRIC else (label, s, o)
            if key not in seen:
                seen.add(key)
                out.append(Fact(label, Arg(text[s[0]:s[1]], s), Arg(text[o[0]:o[1]], o),
                                context=r.sentence, symmetric=label in KN_SYMMETRIC,
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
    return [Fact(f.property, Arg(f.subject_text, f.subject), Arg(f.object_text, f.object),
                 p.id, p.text, f.property in KN_SYMMETRIC)
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


# -- kg gold ----------------------------------------------------------------

def gold_facts(document: GoldDocument, settings: Settings | None = None) -> tuple[list[Fact], list[Fact]]:
    """Gold entities and relations of a hand-annotated document, checked against the ontology."""
    from kg.lexicon import ENTITY_CLASSES, load_lexicon

    properties = load_lexicon((settings or Settings()).gazetteer).properties
    by_name: dict[str, Arg] = {}
    entities = []
    for e in document.entities:
        if e.cls not in ENTITY_CLASSES:
            raise InputError(document.source, f"entity {e.name!r} has class {e.cls!r}; "
                             f"valid: {', '.join(ENTITY_CLASSES)}")
        arg = Arg(e.name, names=frozenset(map(fold, e.names)))
        entities.append(Fact(e.cls, arg, unit=document.source))
        for n in e.names:
            by_name[fold(n)] = arg
    relations = []
    for r in document.relations:
        spec = properties.get(r.property)
        if spec is None:
            raise InputError(document.source, f"relation property {r.property!r} is not in the "
                             f"ontology; valid: {', '.join(sorted(properties))}")
        obj = Arg(r.object, names=frozenset({fold(r.object)})) if spec.literal else by_name.get(fold(r.object))
        subject = by_name.get(fold(r.subject))
        if subject is None or obj is None:
            missing = r.subject if subject is None else r.object
            raise InputError(document.source, f"relation {r.subject} {r.property} {r.object}: "
                             f"{missing!r} is not the name or alias of a gold entity")
        relations.append(Fact(r.property, subject, obj, document.source, symmetric=spec.symmetric))
    return entities, relations


def graph_facts(graph: DocumentGraph, settings: Settings | None = None,
                unit: str = "") -> tuple[list[Fact], list[Fact]]:
    """kg's entities and asserted relations as name facts (one per distinct triple)."""
    from kg.lexicon import load_lexicon

    properties = load_lexicon((settings or Settings()).gazetteer).properties
    args = {e.iri: Arg(e.label, names=frozenset(map(fold, (e.label, *e.alt_labels))))
            for e in graph.entities}
    entities = [Fact(e.cls, args[e.iri], unit=unit) for e in graph.entities]
    relations, seen = [], set()
    for r in _asserted(graph, settings):
        symmetric = properties[r.predicate].symmetric
        key = (r.predicate, *sorted((r.subject, r.obj))) if symmetric else (r.subject, r.predicate, r.obj)
        if key in seen:
            continue
        seen.add(key)
        obj = Arg(r.obj, names=frozenset({fold(r.obj)})) if r.object_is_literal else args[r.obj]
        relations.append(Fact(r.predicate, args[r.subject], obj, unit, r.sentence, symmetric,
                              r.confidence, r.extractor))
    return entities, relations


def gold_prediction_record(graph: DocumentGraph, relations: list[Fact]) -> dict[str, Any]:
    """kg's output for one document in the gold format (names, classes, aliases)."""
    return {
        "source": graph.document.source,
        "entities": [{"name": e.label, "class": e.cls, "aliases": list(e.alt_labels)}
                     for e in graph.entities],
        "relations": [{"subject": f.subject.text, "property": f.label,
                       "object": f.object.text if f.object else ""} for f in relations],
    }


def _name_notes(gold_all: list[Fact],
                predicted: list[Fact]) -> tuple[Callable[[Fact], str], Callable[[Fact], str]]:
    """Explainers for name-scored errors: the same names under another label."""

    def near(f: Fact, others: list[Fact], whose: str) -> str:
        for o in others:
            names_s = bool(o.subject.names & f.subject.names)
            if f.object is None and o.object is None and names_s:
                return f"{whose} class {o.label}"
            if f.object is not None and o.object is not None and names_s and o.object.names & f.object.names:
                return f"{whose} says {o.label}"
        return ""

    return (lambda g: near(g, predicted, "kg") or "not found",
            lambda p: near(p, gold_all, "gold") or "not in the gold")


def evaluate_gold(path: str | Path, limit: int | None = None,
                  settings: Settings | None = None) -> EvalReport:
    """Score kg on hand-annotated documents in kg's gold format, by name.

    An entity is right when its class matches and its label or an alias
    equals a gold name or alias (case-insensitively); a relation when the
    property matches and both ends do (either way round for symmetric
    properties; literals compared as text).
    """
    started = time.perf_counter()
    report = EvalReport("gold", str(path), "relations", {
        "relations": Scores("(subject, property, object) by name; symmetric either way"),
        "entities": Scores("name or alias and class"),
    })
    documents = [(d, *gold_facts(d, settings)) for d in read_gold(path)[:limit]]
    to_doc = lambda item: Document.from_text(item[0].text, source=item[0].source)  # noqa: E731
    for (document, gold_ents, gold_rels), graph in _extracted(documents, to_doc, settings):
        ents, rels = graph_facts(graph, settings, document.source)
        _record(report, "relations", match(gold_rels, rels, name_match), document.source,
                *_name_notes(gold_rels, rels))
        _record(report, "entities", match(gold_ents, ents, name_match), document.source,
                *_name_notes(gold_ents, ents))
        report.predictions.append(gold_prediction_record(graph, rels))
        report.documents += 1
    report.seconds = time.perf_counter() - started
    return report


#: ``kg eval DATASET``: the evaluator of each dataset.
EVALUATORS: dict[str, Callable[..., EvalReport]] = {
    "knowledgenet": evaluate_knowledgenet,
    "conll04": evaluate_conll04,
    "gold": evaluate_gold,
}
