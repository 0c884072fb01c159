"""Score extraction against gold data: precision, recall and F1.

Three datasets (readers in :mod:`kg.datasets`), one scorer. Gold and
predicted facts become :class:`Fact` records in the dataset's own labels;
:func:`match` pairs them within a unit (a passage, a sentence, a document),
best matches first, each gold fact at most once, and :class:`Scores` counts true positives,
false positives and misses, micro and per label.

- :func:`evaluate_knowledgenet`: kg properties mapped onto KnowledgeNet's 15
  (:data:`KN_PROPERTIES`); spans overlap, in the same passage; a prediction
  counts against precision only in a passage that annotates its property
  exhaustively.
- :func:`evaluate_conll04`: entities (Peop, Org, Loc) and relations
  (:data:`CONLL_RELATIONS`), strict (exact spans and types) and by overlap.
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

import json
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from .config import Settings
from .datasets import (ConllSentence, GoldDocument, KNDocument, KNPassage, read_conll04,
                       read_gold, read_knowledgenet)
from .errors import InputError
from .types import Document, DocumentGraph, Relation

Span = tuple[int, int]
T = TypeVar("T")

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

#: kg class -> CoNLL04 entity type (Product, Event, Technology are not scored).
CONLL_TYPES = {"Person": "Peop", "Organization": "Org", "Place": "Loc"}
#: (kg property, subject class, object class) -> CoNLL04 relation (Kill is not scored).
CONLL_RELATIONS = {
    ("worksFor", "Person", "Organization"): "Work_For",
    ("leads", "Person", "Organization"): "Work_For",
    ("memberOf", "Person", "Organization"): "Work_For",
    ("headquarteredIn", "Organization", "Place"): "OrgBased_In",
    ("locatedIn", "Organization", "Place"): "OrgBased_In",
    ("livesIn", "Person", "Place"): "Live_In",
    ("bornIn", "Person", "Place"): "Live_In",
    ("nationality", "Person", "Place"): "Live_In",
    ("locatedIn", "Place", "Place"): "Located_In",
}

#: Ends that are pronouns or relative pronouns, for the notes on misses.
_PRONOUNS = frozenset("he she him her his hers they them their theirs we us our i me my it its "
                      "who whom whose which that where himself herself itself themselves".split())


# -- facts and matching -----------------------------------------------------

@dataclass(frozen=True)
class Arg:
    """One end of a fact: its text, and its span or its names (for name matching)."""

    text: str
    span: Span | None = None
    type: str | None = None  # the dataset's entity type, when types are scored
    names: frozenset[str] = frozenset()  # folded names (see :func:`fold`)


@dataclass(frozen=True)
class Fact:
    """A gold or predicted fact (or entity: no object) in the dataset's labels.

    Facts match only within the same ``unit``; ``context`` is the sentence or
    passage shown in error reports.
    """

    label: str
    subject: Arg
    object: Arg | None = None
    unit: str = ""
    context: str = ""
    symmetric: bool = False


Matcher = Callable[[Fact, Fact], int]


def overlaps(a: Span, b: Span) -> bool:
    """True when two character spans share a character.

    >>> overlaps((0, 5), (4, 9)), overlaps((0, 5), (5, 9))
    (True, False)
    """
    return a[0] < b[1] and b[0] < a[1]


def span_matcher(strict: bool = False) -> Matcher:
    """Compare facts by label, type and span: 2 a side for exact, 1 for overlap (unless strict)."""

    def side(g: Arg | None, p: Arg | None) -> int:
        if g is None or p is None:
            return 2 if g is p else 0
        if g.type is not None and p.type is not None and g.type != p.type:
            return 0
        if g.span is None or p.span is None:
            return 2 if fold(g.text) == fold(p.text) else 0
        if g.span == p.span:
            return 2
        return 0 if strict or not overlaps(g.span, p.span) else 1

    return lambda g, p: _best_direction(g, p, side)


def name_match(g: Fact, p: Fact) -> int:
    """Compare facts by label and names: any shared folded name matches."""

    def side(a: Arg | None, b: Arg | None) -> int:
        if a is None or b is None:
            return 2 if a is b else 0
        return 2 if fold(a.text) == fold(b.text) else (1 if a.names & b.names else 0)

    return _best_direction(g, p, side)


def _best_direction(g: Fact, p: Fact, side: Callable[[Arg | None, Arg | None], int]) -> int:
    if g.label != p.label:
        return 0
    ways = [(g.subject, p.subject, g.object, p.object)]
    if g.symmetric or p.symmetric:
        ways.append((g.subject, p.object, g.object, p.subject))
    best = 0
    for gs, ps, go, po in ways:
        a, b = side(gs, ps), side(go, po)
        if a and b:
            best = max(best, a + b)
    return best


@dataclass
class Matched:
    """The outcome of :func:`match`: matched pairs, false positives, misses."""

    pairs: list[tuple[Fact, Fact]] = field(default_factory=list)
    false: list[Fact] = field(default_factory=list)
    missed: list[Fact] = field(default_factory=list)


def match(gold: Sequence[Fact], predicted: Sequence[Fact], same: Matcher,
          one_to_one: bool = True) -> Matched:
    """Pair gold and predicted facts within each unit, best matches first.

    Each gold fact is matched at most once. ``one_to_one``: a prediction
    matches at most one gold fact, and a second prediction of a gold fact is
    a false positive. Otherwise (KnowledgeNet's official rule) a prediction
    is false only when it matches no gold fact, so one prediction covers
    every gold fact it matches (both directions of a symmetric fact, each
    mention of the same name).

    >>> g = [Fact("SPOUSE", Arg("Ann", (0, 3)), Arg("Bob", (8, 11)), unit="p"),
    ...      Fact("SPOUSE", Arg("Bob", (8, 11)), Arg("Ann", (0, 3)), unit="p")]
    >>> p = [Fact("SPOUSE", Arg("Ann", (0, 3)), Arg("Bob", (8, 11)), unit="p", symmetric=True)]
    >>> [(len(m.pairs), len(m.false), len(m.missed)) for m in
    ...  (match(g, p, span_matcher()), match(g, p, span_matcher(), one_to_one=False))]
    [(1, 0, 1), (2, 0, 0)]
    """
    candidates = sorted(((-s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
                         if g.unit == p.unit for s in [same(g, p)] if s > 0))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = Matched()
    for _, gi, pi in candidates:
        if gi not in used_g and (pi not in used_p or not one_to_one):
            used_g.add(gi)
            used_p.add(pi)
            out.pairs.append((gold[gi], predicted[pi]))
    out.false = [p for i, p in enumerate(predicted) if i not in used_p]
    out.missed = [g for i, g in enumerate(gold) if i not in used_g]
    return out


# -- counting ---------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """True positives, false positives and misses; ``p``, ``r``, ``f1`` from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.p, 4), "recall": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    """Counts per label, summed into ``micro``."""

    description: str = ""
    by_label: dict[str, Counts] = field(default_factory=dict)

    @property
    def micro(self) -> Counts:
        return sum(self.by_label.values(), Counts())

    def add(self, matched: Matched) -> None:
        for facts, counts in ((matched.pairs, Counts(tp=1)), (matched.false, Counts(fp=1)),
                              (matched.missed, Counts(fn=1))):
            for item in facts:
                label = (item[0] if isinstance(item, tuple) else item).label
                self.by_label[label] = self.by_label.get(label, Counts()) + counts

    def to_dict(self) -> dict[str, Any]:
        return {"description": self.description, "micro": self.micro.to_dict(),
                "by_label": {k: v.to_dict() for k, v in sorted(self.by_label.items())}}

    def to_text(self, name: str) -> str:
        rows = [f"{name}: {self.description}" if self.description else name,
                f"  {'label':<24}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}"]
        for label, c in [*sorted(self.by_label.items()), ("micro", self.micro)]:
            rows.append(f"  {label:<24}{c.p:>7.3f}{c.r:>7.3f}{c.f1:>7.3f}{c.tp:>7}{c.fp:>7}{c.fn:>7}")
        return "\n".join(rows)


def score(gold: Sequence[Fact], predicted: Sequence[Fact], strict: bool = False) -> Scores:
    """Score span facts: labels equal, spans exact (``strict``) or overlapping.

    >>> g = [Fact("Peop", Arg("Tim Cook", (0, 8)))]
    >>> score(g, [Fact("Peop", Arg("Tim", (0, 3)))]).micro
    Counts(tp=1, fp=0, fn=0)
    """
    scores = Scores()
    scores.add(match(gold, predicted, span_matcher(strict)))
    return scores


# -- the report -------------------------------------------------------------

@dataclass(frozen=True)
class ErrorCase:
    """A false positive (``kind="fp"``) or a miss (``"fn"``) with its sentence."""

    kind: str
    task: str
    fact: Fact
    document: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        f = self.fact
        out: dict[str, Any] = {"kind": self.kind, "task": self.task, "label": f.label,
                               "document": self.document, "unit": f.unit, "subject": f.subject.text}
        if f.subject.span is not None:
            out["subject_span"] = f.subject.span
        if f.object is not None:
            out["object"] = f.object.text
            if f.object.span is not None:
                out["object_span"] = f.object.span
        out.update(note=self.note, context=f.context)
        return out


@dataclass
class EvalReport:
    """Scores of one evaluation, with its errors and kg's predictions.

    ``tasks`` maps a task ("facts", "relations", "entities", ...) to its
    :class:`Scores`; ``micro`` and ``by_label`` are those of ``primary``.
    ``predictions`` are records in the dataset's own format.
    """

    dataset: str
    path: str
    primary: str
    tasks: dict[str, Scores]
    documents: int = 0
    seconds: float = 0.0
    errors: list[ErrorCase] = field(default_factory=list)
    predictions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        return self.tasks[self.primary].micro

    @property
    def by_label(self) -> dict[str, Counts]:
        return self.tasks[self.primary].by_label

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "path": self.path, "documents": self.documents,
                "seconds": round(self.seconds, 1), "primary": self.primary,
                "micro": self.micro.to_dict(),
                "tasks": {name: s.to_dict() for name, s in self.tasks.items()}}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def to_text(self) -> str:
        head = f"kg eval {self.dataset} {self.path}: {self.documents} document(s) in {self.seconds:.1f} s"
        return "\n\n".join([head, *(s.to_text(name) for name, s in self.tasks.items())])

    def write_predictions(self, path: str | Path) -> None:
        """Write kg's predictions in the dataset's format (JSONL; gold: JSON)."""
        if self.dataset == "gold":
            text = json.dumps(self.predictions, indent=2, ensure_ascii=False) + "\n"
        else:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.predictions)
        Path(path).write_text(text, encoding="utf-8")

    def write_errors(self, path: str | Path) -> None:
        """Write the false positives and misses, one JSON object a line."""
        Path(path).write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n"
                                      for e in self.errors), encoding="utf-8")


def _record(report: EvalReport, task: str, matched: Matched, document: str,
            note_miss: Callable[[Fact], str], note_false: Callable[[Fact], str]) -> None:
    """Add one unit's outcome to a task's scores and its errors to the report."""
    report.tasks[task].add(matched)
    report.errors.extend(ErrorCase("fp", task, f, document, note_false(f)) for f in matched.false)
    report.errors.extend(ErrorCase("fn", task, f, document, note_miss(f)) for f in matched.missed)


# -- extraction, streamed ---------------------------------------------------

def _extracted(items: Iterable[T], to_document: Callable[[T], Document],
               settings: Settings | None) -> Iterator[tuple[T, DocumentGraph]]:
    """Pair each gold item with kg's extraction from its text (nlp.pipe batches)."""
    from .pipeline import extract_many

    pending: deque[T] = deque()

    def documents() -> Iterator[Document]:
        for item in items:
            pending.append(item)
            yield to_document(item)

    for graph in extract_many(documents(), settings, shared_entities=False):
        yield pending.popleft(), graph


def _asserted(graph: DocumentGraph, settings: Settings | None) -> list[Relation]:
    """The relations a build asserts (quarantined ones left out)."""
    from .lexicon import load_lexicon
    from .rdf import is_valid

    lexicon = load_lexicon((settings or Settings()).gazetteer)
    classes = {e.iri: e.cls for e in graph.entities}
    return [r for r in graph.relations if is_valid(r, classes, lexicon)]


def _span_notes(gold_all: list[Fact], graph: DocumentGraph,
                settings: Settings | None) -> tuple[Callable[[Fact], str], Callable[[Fact], str]]:
    """Explainers for misses and false positives of span-scored relations."""
    names = [m.span for _, m in graph.mentions]
    raw = [(r.predicate, r.subject_span, r.object_span) for r in _asserted(graph, settings)]

    def miss(g: Fact) -> str:
        assert g.object is not None and g.subject.span and g.object.span
        for pred, s, o in raw:
            if overlaps(s, g.subject.span) and overlaps(o, g.object.span):
                return f"kg said {pred}"
            if overlaps(o, g.subject.span) and overlaps(s, g.object.span):
                return f"kg said {pred}, reversed"
        used = names + [x for _, s, o in raw for x in (s, o)]  # anaphora and dates are not names
        for role, arg in (("subject", g.subject), ("object", g.object)):
            if not any(overlaps(arg.span, n) for n in used):  # type: ignore[arg-type]
                pronoun = arg.text.lower() in _PRONOUNS
                return f"{role} {'is a pronoun no relation uses' if pronoun else 'not found as a name'}"
        return "both ends found, no relation"

    def false(p: Fact) -> str:
        assert p.object is not None and p.subject.span and p.object.span
        for g in gold_all:
            if g.unit != p.unit or g.object is None or not (g.subject.span and g.object.span):
                continue
            same_s, same_o = overlaps(g.subject.span, p.subject.span), overlaps(g.object.span, p.object.span)
            if same_s and same_o and g.label != p.label:
                return f"gold says {g.label}"
            if g.label == p.label and same_s != same_o:
                wrong = "object" if same_s else "subject"
                right = (g.object if same_s else g.subject).text
                return f"wrong {wrong} (gold: {right!r})"
        return "not in the gold"

    return miss, false


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
                                context=r.sentence, symmetric=label in KN_SYMMETRIC))
    return out


def kn_place(fact: Fact, passages: Sequence[KNPassage]) -> KNPassage | None:
    """The passage a predicted fact belongs to: the one both its spans overlap.

    >>> from kg.datasets import KNPassage
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

    >>> from kg.datasets import KNPassage
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
            out.append(Fact(fact.label, fact.subject, fact.object, passage.id, passage.text,
                            fact.symmetric))
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


# -- CoNLL04 ----------------------------------------------------------------

def conll_entities(graph: DocumentGraph, unit: str = "") -> list[Fact]:
    """kg's mentions of people, organisations and places as CoNLL04 entities."""
    text, seen, out = graph.document.text, set(), []
    for _, m in graph.mentions:
        kind = CONLL_TYPES.get(m.cls)
        if kind and m.span not in seen:
            seen.add(m.span)
            out.append(Fact(kind, Arg(text[m.start:m.end], m.span, kind), unit=unit, context=text))
    return out


def conll_relations(graph: DocumentGraph, settings: Settings | None = None,
                    unit: str = "") -> list[Fact]:
    """kg's relations as CoNLL04 relations (:data:`CONLL_RELATIONS`), deduplicated."""
    text = graph.document.text
    cls_at = {m.span: m.cls for _, m in graph.mentions}
    cls_of = {e.iri: e.cls for e in graph.entities}
    out, seen = [], set()
    for r in _asserted(graph, settings):
        s_cls = cls_at.get(r.subject_span, cls_of.get(r.subject))
        o_cls = cls_at.get(r.object_span, cls_of.get(r.obj))
        label = CONLL_RELATIONS.get((r.predicate, s_cls or "", o_cls or ""))
        key = (label, r.subject_span, r.object_span)
        if label and key not in seen:
            seen.add(key)
            s, o = r.subject_span, r.object_span
            out.append(Fact(label, Arg(text[s[0]:s[1]], s, CONLL_TYPES[s_cls or ""]),
                            Arg(text[o[0]:o[1]], o, CONLL_TYPES[o_cls or ""]), unit, text))
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


# -- kg gold ----------------------------------------------------------------

def fold(name: str) -> str:
    """A name compared case-insensitively, with curly quotes and spacing folded.

    >>> fold("  Apple’s  Maps ")
    "apple's maps"
    """
    return " ".join(name.replace("’", "'").casefold().split())


def gold_facts(document: GoldDocument, settings: Settings | None = None) -> tuple[list[Fact], list[Fact]]:
    """Gold entities and relations of a hand-annotated document, checked against the ontology."""
    from .lexicon import ENTITY_CLASSES, load_lexicon

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
    from .lexicon import load_lexicon

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
        relations.append(Fact(r.predicate, args[r.subject], obj, unit, r.sentence, symmetric))
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
