"""``kg eval gold``: kg's own hand-annotated format, scored by name.

An entity is right when its class matches and its label or an alias equals a
gold name or alias (case-insensitively); a relation when the property matches
and both ends do (either way round for symmetric properties).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from kg.config import Settings
from kg.errors import InputError
from kg.evaluation.datasets import GoldDocument, read_gold
from kg.evaluation.scoring import (Arg, EvalReport, Fact, Scores, _asserted, _extracted, _record,
                                   fold, match, name_match)
from kg.types import Document, DocumentGraph

__all__ = ["evaluate_gold", "gold_facts", "gold_prediction_record", "graph_facts"]


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
