"""Scoring facts against gold: matching, counts, reports.

The dataset-neutral half of ``kg eval``: gold and predicted facts become
:class:`Fact` records in the dataset's own labels; :func:`match` pairs them
within a unit (a passage, a sentence, a document), best matches first, each
gold fact at most once; :class:`Scores` counts true positives, false
positives and misses, micro and per label; :class:`EvalReport` holds the
scores, the errors and kg's predictions. The datasets' adapters are in
:mod:`kg.evaluation` (KnowledgeNet, kg gold) and :mod:`kg.evaluation.conll04`.

Examples
--------
>>> g = [Fact("Peop", Arg("Tim Cook", (0, 8)))]
>>> score(g, [Fact("Peop", Arg("Tim", (0, 3)))]).micro, score(g, [Fact("Peop", Arg("Tim", (0, 3)))], strict=True).micro
(Counts(tp=1, fp=0, fn=0), Counts(tp=0, fp=1, fn=1))
"""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from kg.config import Settings
from kg.files import replacing
from kg.types import Document, DocumentGraph, Relation

Span = tuple[int, int]
T = TypeVar("T")

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
    passage shown in error reports; a prediction's ``confidence`` and
    ``extractor`` are kg's (they take no part in matching).
    """

    label: str
    subject: Arg
    object: Arg | None = None
    unit: str = ""
    context: str = ""
    symmetric: bool = False
    confidence: float | None = field(default=None, compare=False)
    extractor: str = field(default="", compare=False)


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


@dataclass
class Reliability:
    """How often kg's facts are right at each confidence: precision per extractor and bin.

    >>> g = Fact("CEO", Arg("Acme", (0, 4)), Arg("Ann", (9, 12)))
    >>> right = Fact("CEO", Arg("Acme", (0, 4)), Arg("Ann", (9, 12)), confidence=0.93, extractor="rule:title")
    >>> wrong = Fact("CEO", Arg("Acme", (0, 4)), Arg("Bob", (20, 23)), confidence=0.55, extractor="model:pairs")
    >>> r = Reliability()
    >>> r.add(match([g], [right, wrong], span_matcher()))
    >>> print(r.to_text())
    reliability: how often kg's facts are right, by extractor and confidence
      extractor        confidence   facts   right  precision
      model:pairs      0.5-0.6          1       0      0.000
      rule:title       0.9-1.0          1       1      1.000
    """

    bins: dict[tuple[str, int], Counts] = field(default_factory=dict)

    def add(self, matched: Matched) -> None:
        right = {id(p): p for _, p in matched.pairs}
        for fact, counts in [*((p, Counts(tp=1)) for p in right.values()),
                             *((p, Counts(fp=1)) for p in matched.false)]:
            if fact.confidence is not None:
                key = (fact.extractor or "kg", min(int(fact.confidence * 10), 9))
                self.bins[key] = self.bins.get(key, Counts()) + counts

    def rows(self) -> list[dict[str, Any]]:
        return [{"extractor": kind, "confidence": f"{b / 10:.1f}-{(b + 1) / 10:.1f}",
                 "facts": c.tp + c.fp, "right": c.tp, "precision": round(c.p, 4)}
                for (kind, b), c in sorted(self.bins.items())]

    def to_text(self) -> str:
        lines = ["reliability: how often kg's facts are right, by extractor and confidence",
                 f"  {'extractor':<17}{'confidence':<11}{'facts':>7}{'right':>8}{'precision':>11}"]
        lines += [f"  {r['extractor']:<17}{r['confidence']:<11}{r['facts']:>7}{r['right']:>8}"
                  f"{r['precision']:>11.3f}" for r in self.rows()]
        return "\n".join(lines)


# -- the report -------------------------------------------------------------

@dataclass(frozen=True)
class ErrorCase:
    """A false positive (``kind="fp"``) or a miss (``"fn"``) with its sentence; a false
    positive says which extractor stated it, and how sure it was."""

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
        if f.extractor:  # kg's prediction: which extractor stated it, how sure
            out.update(extractor=f.extractor, confidence=f.confidence)
        out.update(note=self.note, context=f.context)
        return out


@dataclass
class EvalReport:
    """Scores of one evaluation, with its errors and kg's predictions.

    ``tasks`` maps a task ("facts", "relations", "entities", ...) to its
    :class:`Scores`; ``micro`` and ``by_label`` are those of ``primary``, and
    ``reliability`` is the primary task's precision by confidence.
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
    reliability: Reliability = field(default_factory=Reliability)

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
                "tasks": {name: s.to_dict() for name, s in self.tasks.items()},
                "reliability": self.reliability.rows()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def to_text(self) -> str:
        head = f"kg eval {self.dataset} {self.path}: {self.documents} document(s) in {self.seconds:.1f} s"
        parts = [head, *(s.to_text(name) for name, s in self.tasks.items())]
        if self.reliability.bins:
            parts.append(self.reliability.to_text())
        return "\n\n".join(parts)

    def write_predictions(self, path: str | Path) -> None:
        """Write kg's predictions in the dataset's format (JSONL; gold: JSON)."""
        if self.dataset == "gold":
            text = json.dumps(self.predictions, indent=2, ensure_ascii=False) + "\n"
        else:
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.predictions)
        with replacing(path) as tmp:
            tmp.write_text(text, encoding="utf-8")

    def write_errors(self, path: str | Path) -> None:
        """Write the false positives and misses, one JSON object a line."""
        with replacing(path) as tmp:
            tmp.write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n"
                                   for e in self.errors), encoding="utf-8")


def _record(report: EvalReport, task: str, matched: Matched, document: str,
            note_miss: Callable[[Fact], str], note_false: Callable[[Fact], str]) -> None:
    """Add one unit's outcome to a task's scores and its errors to the report."""
    report.tasks[task].add(matched)
    if task == report.primary:
        report.reliability.add(matched)
    report.errors.extend(ErrorCase("fp", task, f, document, note_false(f)) for f in matched.false)
    report.errors.extend(ErrorCase("fn", task, f, document, note_miss(f)) for f in matched.missed)


# -- extraction, streamed ---------------------------------------------------

def _extracted(items: Iterable[T], to_document: Callable[[T], Document],
               settings: Settings | None) -> Iterator[tuple[T, DocumentGraph]]:
    """Pair each gold item with kg's extraction from its text (nlp.pipe batches)."""
    from kg.pipeline import extract_many

    pending: deque[T] = deque()

    def documents() -> Iterator[Document]:
        for item in items:
            pending.append(item)
            yield to_document(item)

    for graph in extract_many(documents(), settings, shared_entities=False):
        yield pending.popleft(), graph


def _asserted(graph: DocumentGraph, settings: Settings | None) -> list[Relation]:
    """The relations a build asserts (quarantined ones left out), surest first."""
    from kg.lexicon import load_lexicon
    from kg.graph.rdf import is_valid

    lexicon = load_lexicon((settings or Settings()).gazetteer)
    classes = {e.iri: e.cls for e in graph.entities}
    valid = [r for r in graph.relations if is_valid(r, classes, lexicon)]
    return sorted(valid, key=lambda r: -r.confidence)


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


def fold(name: str) -> str:
    """A name compared case-insensitively, with curly quotes and spacing folded.

    >>> fold("  Apple’s  Maps ")
    "apple's maps"
    """
    return " ".join(name.replace("’", "'").casefold().split())

