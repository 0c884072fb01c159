"""``kg eval redocred``: kg's relations as Re-DocRED's entity-level Wikidata facts.

Re-DocRED (Tan et al. 2022) annotates Wikipedia introductions with every
entity's mentions (the ``vertexSet``) and document-level facts between
entities as Wikidata properties. kg builds each document end to end from its
text (:func:`kg.evaluation.datasets.detokenize`); each asserted relation's
subject and object spans become the gold entities whose mentions they overlap
(a date's span: the TIME entity written there). Re-DocRED marks no pronouns:
an end whose span overlaps no gold mention ("He", "who") becomes the gold
entities that kg's names of the entity it resolved the pronoun to overlap.

Scoring is by entity, once per document, as DocRED does: a (head, property,
tail) triple counts once however often the text states it. kg's properties
stand for Wikidata's as ``ontology/mappings/wikidata.csv`` says. A kg fact is
right when the gold has *any* of its property's Wikidata properties between
the same two entities (memberOf: P108, P463 or P102), either way round for a
symmetric property (spouse); one kg fact covers every gold fact it matches
(locatedIn(a, b) is both P131(a, b) and P150(b, a)); a kg fact whose gold
facts another kg fact already matched is the same Wikidata fact stated twice
and counts neither way. Counts are by kg property: true and false positives
under the predicting property, a missed gold fact under its Wikidata
property's primary kg property. Gold facts whose Wikidata property no kg
property stands for (P527 has part, P361 part of, ...) are left out of recall
and counted apart (task ``not-covered``); every kg fact whose property stands
for some Wikidata property counts in precision.

Examples
--------
>>> gold = [Fact("P108", Arg("Ann", names=frozenset({"0"})), Arg("Acme", names=frozenset({"1"})), "d")]
>>> right = Fact("leads", Arg("Ann", names=frozenset({"0"})), Arg("Acme", names=frozenset({"1"})), "d")
>>> again = Fact("worksFor", Arg("she", names=frozenset({"0"})), Arg("Acme", names=frozenset({"1"})), "d")
>>> wrong = Fact("bornIn", Arg("Ann", names=frozenset({"0"})), Arg("Acme", names=frozenset({"1"})), "d")
>>> m = rd_match(gold, [right, again, wrong])
>>> [(g.label, p.label) for g, p in m.pairs], [p.label for p in m.false], m.missed
([('leads', 'leads')], ['bornIn'], [])
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Sequence

from kg.config import Settings
from kg.evaluation.datasets import RDDocument, read_redocred
from kg.evaluation.mappings import load_mapping
from kg.evaluation.scoring import (Arg, Counts, EvalReport, Fact, Matched, Scores, _asserted, _extracted,
                                   _record, fold, match, name_match, overlaps)
from kg.types import Document, DocumentGraph

__all__ = ["RD_TYPES", "evaluate_redocred", "rd_classes", "rd_entities", "rd_facts", "rd_gold", "rd_match", "rd_score"]

Span = tuple[int, int]


def rd_entities(document: RDDocument, span: Span) -> frozenset[int]:
    """Indexes of the gold entities with a mention overlapping ``span``."""
    return frozenset(i for i, mentions in enumerate(document.entities)
                     if any(overlaps(m.span, span) for m in mentions))


def _arg(document: RDDocument, span: Span, names: Sequence[Span] = ()) -> Arg:
    """One end of a kg fact: the gold entities its span overlaps, else those its kg
    entity's names (``names``, the spans kg resolved to it) overlap: Re-DocRED marks
    no pronouns, so "He" is whoever kg took it for."""
    text = document.text[span[0]:span[1]]
    ids = rd_entities(document, span) or frozenset().union(*(rd_entities(document, n) for n in names))
    return Arg(text, span, names=frozenset(map(str, ids)) if ids else frozenset({"?" + fold(text)}))


def _symmetric() -> frozenset[str]:
    from kg.lexicon import load_lexicon

    return frozenset(name for name, spec in load_lexicon().properties.items() if spec.symmetric)


def rd_facts(graph: DocumentGraph, document: RDDocument, settings: Settings | None = None) -> list[Fact]:
    """kg's relations as entity-level facts (label: kg property; names: gold entity indexes).

    Only properties that stand for some Wikidata property; one fact per
    (property, subject entities, object entities), surest first. An end whose
    span overlaps no gold entity (a pronoun) takes the gold entities that kg's
    names of its entity overlap; failing that it is named ``?`` and its folded
    text.
    """
    wikidata, symmetric = load_mapping("wikidata"), _symmetric()
    names: dict[str, list[Span]] = {}
    for iri, mention in graph.mentions:
        names.setdefault(iri, []).append(mention.span)
    out, seen = [], set()
    for r in _asserted(graph, settings):
        if not wikidata.labels_of(r.predicate):
            continue
        s = _arg(document, r.subject_span, names.get(r.subject, ()))
        o = _arg(document, r.object_span, () if r.object_is_literal else names.get(r.obj, ()))
        ends = (s.names, o.names)
        key = (r.predicate, *(sorted(ends, key=sorted) if r.predicate in symmetric else ends))
        if key not in seen:
            seen.add(key)
            out.append(Fact(r.predicate, s, o, document.id, r.sentence, r.predicate in symmetric,
                            r.confidence, r.extractor))
    return out


def rd_gold(document: RDDocument) -> tuple[list[Fact], list[Fact]]:
    """A document's gold facts as (covered, not covered) by some kg property.

    Labels are Wikidata properties; each end is its entity's first mention,
    named by the entity's index; the context is the evidence sentences.
    """
    covered_labels = load_mapping("wikidata").labels
    covered, other, seen = [], [], set()
    for x in document.labels:
        if (x.property, x.head, x.tail) in seen or max(x.head, x.tail) >= len(document.entities):
            continue
        seen.add((x.property, x.head, x.tail))
        ends = []
        for i in (x.head, x.tail):
            first = document.entities[i][0]
            ends.append(Arg(first.name, first.span, first.type, frozenset({str(i)})))
        evidence = " ".join(document.text[slice(*document.sentences[n])] for n in x.evidence
                            if n < len(document.sentences))
        fact = Fact(x.property, ends[0], ends[1], document.id, evidence)
        (covered if x.property in covered_labels else other).append(fact)
    return covered, other


#: kg classes and the Re-DocRED entity types that stand for them (task ``classes``).
RD_TYPES = {"Person": "PER", "Organization": "ORG", "Place": "LOC"}


def rd_classes(graph: DocumentGraph, document: RDDocument) -> tuple[list[Fact], list[Fact]]:
    """(gold, kg) entities of the types :data:`RD_TYPES` holds, once per document: the label
    is the type, the name the gold entity's index.

    A kg entity is the gold entity most of its names overlap (``?`` and its folded
    name when they overlap none: a name the gold does not hold); a kg entity of another
    class (a product, an event) is not scored, nor is a gold entity of another type
    (MISC, TIME, NUM).

    >>> from kg.evaluation.datasets import RDMention
    >>> from kg.types import Entity, Mention
    >>> doc = RDDocument("d", "Ann Lee met Bob in Leeds.", ((0, 25),), (
    ...     (RDMention("Ann Lee", 0, (0, 7), "PER"),), (RDMention("Leeds", 0, (19, 24), "LOC"),)), ())
    >>> graph = DocumentGraph(Document.from_text(doc.text, "d"),
    ...     (Entity("x:a", "Person", "Ann Lee"), Entity("x:l", "Organization", "Leeds"), Entity("x:b", "Person", "Bob")),
    ...     (("x:a", Mention("d", 0, 7, "Ann Lee", "Person")), ("x:l", Mention("d", 19, 24, "Leeds", "Organization")),
    ...      ("x:b", Mention("d", 12, 15, "Bob", "Person"))))
    >>> gold, kg = rd_classes(graph, doc)
    >>> [(f.label, sorted(f.subject.names)) for f in gold], [(f.label, sorted(f.subject.names)) for f in kg]
    ([('PER', ['0']), ('LOC', ['1'])], [('PER', ['0']), ('ORG', ['1']), ('PER', ['?bob'])])
    """
    from collections import Counter

    wanted = set(RD_TYPES.values())
    gold = [Fact(mentions[0].type, Arg(mentions[0].name, names=frozenset({str(i)})), unit=document.id,
                 context=document.text[slice(*document.sentences[mentions[0].sentence])]
                 if mentions[0].sentence < len(document.sentences) else "")
            for i, mentions in enumerate(document.entities) if mentions and mentions[0].type in wanted]
    spans: dict[str, list[Span]] = {}
    for iri, mention in graph.mentions:
        spans.setdefault(iri, []).append(mention.span)
    kg = []
    for entity in graph.entities:
        label = RD_TYPES.get(entity.cls)
        if label is None or entity.iri not in spans:
            continue
        votes = Counter(i for span in spans[entity.iri] for i in rd_entities(document, span))
        names = frozenset({str(votes.most_common(1)[0][0])}) if votes else frozenset({"?" + fold(entity.label)})
        first = min(spans[entity.iri])
        context = next((document.text[a:b] for a, b in document.sentences if a <= first[0] < b), "")
        kg.append(Fact(label, Arg(entity.label, names=names), unit=document.id, context=context))
    return gold, kg


def _class_notes(gold: list[Fact], kg: list[Fact]) -> tuple[Callable[[Fact], str], Callable[[Fact], str]]:
    """Explainers for the ``classes`` task: what the other side called the entity."""
    gold_type = {n: g.label for g in gold for n in g.subject.names}
    kg_class = {n: p.label for p in kg for n in p.subject.names}

    def miss(g: Fact) -> str:
        found = next((kg_class[n] for n in g.subject.names if n in kg_class), None)
        return f"kg says {found}" if found else "not found as a name of a person, organisation or place"

    def false(p: Fact) -> str:
        typed = next((gold_type[n] for n in p.subject.names if n in gold_type), None)
        if typed:
            return f"gold says {typed}"
        return "no gold entity" if any(n.startswith("?") for n in p.subject.names) else \
            "the gold entity is of another type (MISC, TIME, NUM)"

    return miss, false


def _same(g: Fact, p: Fact) -> int:
    """2 when kg fact ``p`` stands for gold fact ``g`` (Wikidata label, entities), else 0."""
    assert g.object is not None and p.object is not None
    for label, inverted in load_mapping("wikidata").labels_of(p.label):
        if label != g.label:
            continue
        s, o = (p.object, p.subject) if inverted else (p.subject, p.object)
        ways = [(s, o), (o, s)] if p.symmetric else [(s, o)]
        if any(g.subject.names & a.names and g.object.names & b.names for a, b in ways):
            return 2
    return 0


def rd_match(gold: Sequence[Fact], predicted: Sequence[Fact]) -> Matched:
    """Match kg facts to gold facts by entity; relabel everything by kg property.

    One kg fact may cover several gold facts; a kg fact that matches only
    gold facts already matched is dropped (the same Wikidata fact again).
    Matched gold facts take the predicting property's label; missed ones
    their Wikidata property's primary kg property.
    """
    return _match(gold, predicted)[1]


def _match(gold: Sequence[Fact], predicted: Sequence[Fact]) -> tuple[Matched, Matched]:
    """:func:`rd_match`'s outcome before (Wikidata labels) and after relabelling, in the same order."""
    raw = match(gold, predicted, _same, one_to_one=False)
    raw.false = [p for p in raw.false if not any(_same(g, p) for g in gold)]
    primary = load_mapping("wikidata").to_kg()
    return raw, Matched([(replace(g, label=p.label), p) for g, p in raw.pairs], raw.false,
                        [replace(g, label=primary[g.label][0]) for g in raw.missed])


def _notes(document: RDDocument, gold: list[Fact], graph: DocumentGraph, settings: Settings | None,
           wikidata_of: dict[int, str]) -> tuple[Callable[[Fact], str], Callable[[Fact], str]]:
    """Explainers for misses and false positives (Wikidata names from the map's notes)."""
    wikidata = load_mapping("wikidata")
    raw = [(r.predicate, r.subject_span, r.object_span) for r in _asserted(graph, settings)]
    found = [m.span for _, m in graph.mentions] + [x for _, s, o in raw for x in (s, o)]

    def named(label: str) -> str:
        if label not in wikidata.labels:
            return f"{label} (no kg property)"
        return f"{label} ({wikidata.note(label)})" if wikidata.note(label) else label

    def miss(g: Fact) -> str:
        assert g.object is not None
        head = f"gold {named(wikidata_of.get(id(g), ''))}"
        h, t = (document.entities[int(next(iter(a.names)))] for a in (g.subject, g.object))
        on = lambda span, ms: any(overlaps(span, m.span) for m in ms)  # noqa: E731
        for pred, s, o in raw:
            if on(s, h) and on(o, t):
                return f"{head}; kg said {pred}"
            if on(o, h) and on(s, t):
                return f"{head}; kg said {pred}, reversed"
        for role, ms in (("subject", h), ("object", t)):
            if not any(on(span, ms) for span in found):
                return f"{head}; {role} {ms[0].name!r} not found"
        return f"{head}; both ends found, no relation"

    def false(p: Fact) -> str:
        assert p.object is not None
        for role, arg in (("subject", p.subject), ("object", p.object)):
            if any(n.startswith("?") for n in arg.names):
                return f"{role} {arg.text!r} is not a gold entity"
        says = [(g.label, "") for g in gold if g.subject.names & p.subject.names
                and g.object.names & p.object.names]  # type: ignore[operator]
        says += [(g.label, ", reversed") for g in gold if g.subject.names & p.object.names  # type: ignore[union-attr]
                 and g.object.names & p.subject.names]  # type: ignore[operator]
        if says:
            return "gold says " + "; ".join(f"{named(label)}{way}" for label, way in says)
        return "no gold fact between these entities"

    return miss, false


def rd_prediction_record(document: RDDocument, predicted: Sequence[Fact],
                         raw: Matched) -> dict[str, Any]:
    """kg's facts for one document in Re-DocRED's label format (plus kg's property and text).

    ``raw``: the match before relabelling (gold facts with their Wikidata
    labels). A right fact takes its gold fact's property; another its kg
    property's first Wikidata property. An end that is no gold entity is null.
    """
    wikidata = load_mapping("wikidata")
    right = {id(p): g for g, p in raw.pairs}
    labels = []
    for p in predicted:
        assert p.object is not None and p.subject.span is not None
        gold = right.get(id(p))
        rows = wikidata.labels_of(p.label)
        label, inverted = next((row for row in rows if gold and row[0] == gold.label), rows[0])
        ends = [_index(a.names) for a in (p.subject, p.object)]
        if inverted:
            ends.reverse()
        sentence = next((n for n, s in enumerate(document.sentences) if overlaps(s, p.subject.span)), None)
        labels.append({"h": ends[0], "t": ends[1], "r": label,
                       "evidence": [] if sentence is None else [sentence], "kg_property": p.label,
                       "subject": p.subject.text, "object": p.object.text})
    return {"title": document.id, "labels": labels}


def _index(names: frozenset[str]) -> int | None:
    ids = sorted(int(n) for n in names if n.isdigit())
    return ids[0] if ids else None


def rd_score(report: EvalReport, document: RDDocument, graph: DocumentGraph,
             settings: Settings | None = None) -> None:
    """Score kg's graph of one document into ``report`` (tasks ``facts``, ``not-covered``, ``classes``)."""
    gold, other = rd_gold(document)
    predicted = rd_facts(graph, document, settings)
    raw, matched = _match(gold, predicted)
    wikidata_of = {id(g): original.label for g, original in zip(matched.missed, raw.missed)}
    notes = _notes(document, [*gold, *other], graph, settings, wikidata_of)  # fp notes name all gold
    _record(report, "facts", matched, document.id, *notes)
    uncovered = report.tasks["not-covered"].by_label
    for g in other:
        uncovered[g.label] = uncovered.get(g.label, Counts()) + Counts(fn=1)
    typed, classed = rd_classes(graph, document)
    _record(report, "classes", match(typed, classed, name_match), document.id, *_class_notes(typed, classed))
    report.predictions.append(rd_prediction_record(document, predicted, raw))
    report.documents += 1


def _report(path: str | Path) -> EvalReport:
    return EvalReport("redocred", str(path), "facts", {
        "facts": Scores("(head entity, property, tail entity) once per document; a kg property "
                        "matches any Wikidata property it stands for (ontology/mappings/wikidata.csv)"),
        "not-covered": Scores("gold facts whose Wikidata property no kg property stands for "
                              "(left out of recall)"),
        "classes": Scores("entities once per document: kg's Person, Organization, Place against the "
                          "type (PER, ORG, LOC) of the gold entity most of their names overlap"),
    })


def evaluate_redocred(path: str | Path, limit: int | None = None,
                      settings: Settings | None = None, fold: int | None = None) -> EvalReport:
    """Score kg on Re-DocRED documents (``limit``: the first N), entity-level, once per document.

    ``fold`` 1 or 2: only the file's first or second half (:func:`read_redocred`).

    See the module's docstring for the matching rules.
    """
    started = time.perf_counter()
    report = _report(path)
    to_doc = lambda d: Document.from_text(d.text, source=f"redocred:{d.id}", external_id=d.id)  # noqa: E731
    for document, graph in _extracted(read_redocred(path, limit=limit, fold=fold), to_doc, settings):
        rd_score(report, document, graph, settings)
    report.seconds = time.perf_counter() - started
    return report
