"""Readers for the gold data ``kg eval`` scores against, as plain dataclasses.

Four formats, each read as written by its authors:

KnowledgeNet (JSONL)
    One document a line: ``documentId``, ``fold``, ``documentText`` and
    ``passages[]`` with ``exhaustivelyAnnotatedProperties`` and ``facts[]``
    (character offsets in the document).
CoNLL04 (JSONL)
    One sentence a line: ``text``, ``entities[]`` (``start``, ``end``,
    ``type``) and ``relations[]`` (``head``/``tail`` index the entities).
Re-DocRED (JSON list, as DocRED)
    One document an object: ``title``, ``sents`` (tokenised sentences),
    ``vertexSet`` (entities: their mentions' ``name``, ``sent_id``, token
    ``pos`` and ``type``) and ``labels`` (``r`` a Wikidata property, ``h`` and
    ``t`` entity indexes, ``evidence`` sentence indexes).
kg gold (JSON, a JSON list, or JSONL)
    A hand-annotated document: ``text`` (or ``text_file``, relative to the
    gold file), ``entities[]`` (``name``, ``class``, ``aliases``) and
    ``relations[]`` (``subject``, ``property``, ``object``, by name).

Examples
--------
>>> import json, tempfile, os
>>> f = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
>>> _ = f.write(json.dumps({"id": "s1", "text": "Tim Cook lives in Palo Alto .",
...     "entities": [{"start": 0, "end": 8, "type": "Peop"}, {"start": 18, "end": 27, "type": "Loc"}],
...     "relations": [{"head": 0, "tail": 1, "type": "Live_In"}]}) + "\\n"); f.close()
>>> (s,) = read_conll04(f.name)
>>> s.relations[0].head.text, s.relations[0].type, s.relations[0].tail.text
('Tim Cook', 'Live_In', 'Palo Alto')
>>> os.unlink(f.name)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from kg.errors import InputError

Span = tuple[int, int]


# -- KnowledgeNet -----------------------------------------------------------

@dataclass(frozen=True)
class KNFact:
    """One KnowledgeNet fact: a property between two spans of the document."""

    property_id: str
    property: str  # the property's name, e.g. "EMPLOYEE_OR_MEMBER_OF"
    subject: Span
    object: Span
    subject_text: str
    object_text: str


@dataclass(frozen=True)
class KNPassage:
    """A passage (a sentence) with the properties annotated exhaustively in it."""

    id: str
    start: int
    end: int
    text: str
    properties: frozenset[str]  # names of the exhaustively annotated properties
    facts: tuple[KNFact, ...]

    def covers(self, span: Span) -> bool:
        """True when ``span`` overlaps this passage."""
        return span[0] < self.end and self.start < span[1]


@dataclass(frozen=True)
class KNDocument:
    id: str
    fold: int | None
    text: str
    passages: tuple[KNPassage, ...]


def read_knowledgenet(path: str | Path, fold: int | None = None,
                      limit: int | None = None) -> Iterator[KNDocument]:
    """Documents of a KnowledgeNet JSONL file, streamed (only ``fold`` if given)."""
    count = 0
    for record in _jsonl(path):
        if limit is not None and count >= limit:
            return
        if fold is not None and record.get("fold") != fold:
            continue
        count += 1
        yield _kn_document(record, path)


def _kn_document(record: dict[str, Any], path: str | Path) -> KNDocument:
    try:
        return KNDocument(str(record["documentId"]), record.get("fold"), record["documentText"],
                          tuple(_kn_passage(p) for p in record["passages"]))
    except (KeyError, TypeError) as e:
        raise InputError(str(path), f"not a KnowledgeNet document (missing {e}); "
                         "expected documentId, documentText and passages[]") from e


def _kn_passage(p: dict[str, Any]) -> KNPassage:
    names = {a["propertyId"]: a["propertyName"] for a in p["exhaustivelyAnnotatedProperties"]}
    facts = tuple(
        KNFact(f["propertyId"], names.get(f["propertyId"], f["propertyId"]),
               (f["subjectStart"], f["subjectEnd"]), (f["objectStart"], f["objectEnd"]),
               f["subjectText"], f["objectText"])
        for f in p["facts"])
    return KNPassage(p["passageId"], p["passageStart"], p["passageEnd"], p["passageText"],
                     frozenset(names.values()), facts)


# -- CoNLL04 ----------------------------------------------------------------

@dataclass(frozen=True)
class ConllEntity:
    start: int
    end: int
    type: str  # Peop, Org, Loc, Other
    text: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True)
class ConllRelation:
    head: ConllEntity
    tail: ConllEntity
    type: str  # Work_For, OrgBased_In, Live_In, Located_In, Kill


@dataclass(frozen=True)
class ConllSentence:
    id: str
    text: str
    entities: tuple[ConllEntity, ...]
    relations: tuple[ConllRelation, ...]


def read_conll04(path: str | Path, limit: int | None = None) -> Iterator[ConllSentence]:
    """Sentences of a CoNLL04 JSONL file (``text``, ``entities``, ``relations``)."""
    for n, record in enumerate(_jsonl(path)):
        if limit is not None and n >= limit:
            return
        try:
            text = record["text"]
            entities = tuple(ConllEntity(e["start"], e["end"], e["type"],
                                         e.get("text", text[e["start"]:e["end"]]))
                             for e in record["entities"])
            relations = tuple(ConllRelation(entities[r["head"]], entities[r["tail"]], r["type"])
                              for r in record.get("relations", ()))
        except (KeyError, TypeError, IndexError) as e:
            raise InputError(f"{path}:{n + 1}", f"not a CoNLL04 sentence ({e!r}); expected text, "
                             "entities[{start,end,type}] and relations[{head,tail,type}]") from e
        yield ConllSentence(str(record.get("id", n)), text, entities, relations)


# -- Re-DocRED --------------------------------------------------------------

#: Tokens written without a space before them, and after them.
_NO_SPACE_BEFORE = frozenset(", . ; : ! ? ) ] % 's ’s n't".split())
_NO_SPACE_AFTER = frozenset("( [ $".split())


@dataclass(frozen=True)
class RDMention:
    name: str
    sentence: int
    span: Span  # characters in the document's text
    type: str  # PER, ORG, LOC, TIME, NUM, MISC


@dataclass(frozen=True)
class RDLabel:
    property: str  # a Wikidata property id, e.g. "P108"
    head: int  # index into the document's entities
    tail: int
    evidence: tuple[int, ...]  # sentence indexes


@dataclass(frozen=True)
class RDDocument:
    """A Re-DocRED document rebuilt as text, with every mention's characters."""

    id: str  # the title
    text: str
    sentences: tuple[Span, ...]  # each sentence's characters
    entities: tuple[tuple[RDMention, ...], ...]  # the vertexSet: mentions of each entity
    labels: tuple[RDLabel, ...]


def detokenize(sentences: list[list[str]]) -> tuple[str, list[list[Span]]]:
    """Text from tokenised sentences, and each token's character span in it.

    Sentences and tokens are joined with a space, except before closing
    punctuation and after opening brackets; double quotes alternate between
    opening and closing within a sentence.

    >>> text, spans = detokenize([["Acme", "(", "est.", "1990", ")", "is", "in", "Ohio", "."],
    ...                           ["It", "'s", '"', "big", '"', "."]])
    >>> print(text)
    Acme (est. 1990) is in Ohio. It's "big".
    >>> text[slice(*spans[0][7])], text[slice(*spans[1][3])]
    ('Ohio', 'big')
    """
    parts: list[str] = []
    spans: list[list[Span]] = []
    at = 0
    for tokens in sentences:
        sentence_spans, glue, quote_open = [], bool(not parts), False
        for token in tokens:
            closing_quote = token == '"' and quote_open
            if parts and not glue and token not in _NO_SPACE_BEFORE and not closing_quote:
                parts.append(" ")
                at += 1
            parts.append(token)
            sentence_spans.append((at, at + len(token)))
            at += len(token)
            if token == '"':
                quote_open = not quote_open
            glue = token in _NO_SPACE_AFTER or (token == '"' and quote_open)
        spans.append(sentence_spans)
    return "".join(parts), spans


def read_redocred(path: str | Path, limit: int | None = None, fold: int | None = None) -> list[RDDocument]:
    """Documents of a Re-DocRED (or DocRED) JSON file, text rebuilt with :func:`detokenize`.

    ``fold`` 1 is the file's first half, 2 its second: kg tunes on the first
    half of Re-DocRED dev and scores the second only to check (held out).
    """
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read: {getattr(e, 'strerror', None) or e}") from e
    except json.JSONDecodeError as e:
        raise InputError(str(path), f"not JSON ({e.msg} at line {e.lineno})") from e
    if not isinstance(records, list):
        raise InputError(str(path), "a Re-DocRED file is a JSON list of documents")
    if fold not in (None, 1, 2):
        raise InputError(str(path), f"fold {fold}: a Re-DocRED file has two halves, fold 1 and fold 2")
    numbered = list(enumerate(records))
    if fold is not None:
        half = (len(records) + 1) // 2
        numbered = numbered[:half] if fold == 1 else numbered[half:]
    return [_rd_document(r, path, n) for n, r in numbered[:limit]]


def _rd_document(record: Any, path: str | Path, n: int) -> RDDocument:
    try:
        text, spans = detokenize(record["sents"])
        entities = tuple(
            tuple(RDMention(m["name"], m["sent_id"],
                            (spans[m["sent_id"]][m["pos"][0]][0], spans[m["sent_id"]][m["pos"][1] - 1][1]),
                            m["type"]) for m in vertex)
            for vertex in record["vertexSet"])
        labels = tuple(RDLabel(x["r"], x["h"], x["t"], tuple(x.get("evidence", ())))
                       for x in record.get("labels", ()))
        sentences = tuple((s[0][0], s[-1][1]) if s else (0, 0) for s in spans)
    except (KeyError, TypeError, IndexError) as e:
        raise InputError(f"{path} (document {n + 1})", f"not a Re-DocRED document ({e!r}); expected "
                         "title, sents, vertexSet[[{name,sent_id,pos,type}]] and labels[{r,h,t}]") from e
    return RDDocument(str(record.get("title", n)), text, sentences, entities, labels)


# -- kg gold ----------------------------------------------------------------

@dataclass(frozen=True)
class GoldEntity:
    name: str
    cls: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    property: str
    object: str


@dataclass(frozen=True)
class GoldDocument:
    text: str
    source: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


def read_gold(path: str | Path) -> list[GoldDocument]:
    """Hand-annotated documents from a JSON object, a JSON list or JSONL.

    ``text_file`` is read relative to the gold file. Classes and properties
    are not checked here (see :func:`kg.evaluation.evaluate_gold`).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read the gold file: {getattr(e, 'strerror', None) or e}") from e
    try:
        data = json.loads(raw)
        records = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        records = list(_jsonl(path))
    return [_gold_document(r, path, i) for i, r in enumerate(records)]


def _gold_document(record: Any, path: Path, index: int) -> GoldDocument:
    where = f"{path} (document {index + 1})"
    if not isinstance(record, dict):
        raise InputError(where, "a gold document is a JSON object with text, entities and relations")
    if "text" in record:
        text, source = record["text"], record.get("source") or f"{path}#{index + 1}"
    elif "text_file" in record:
        text_path = (path.parent / record["text_file"]).resolve()
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(where, f"cannot read text_file {text_path}: {e.strerror or e}") from e
        source = record.get("source") or str(text_path)
    else:
        raise InputError(where, "no text: give \"text\" or \"text_file\" (relative to the gold file)")
    try:
        entities = tuple(GoldEntity(e["name"], e["class"], tuple(e.get("aliases", ())))
                         for e in record.get("entities", ()))
        relations = tuple(GoldRelation(r["subject"], r["property"], r["object"])
                          for r in record.get("relations", ()))
    except (KeyError, TypeError) as e:
        raise InputError(where, f"missing {e} in an entity (name, class, aliases) or a relation "
                         "(subject, property, object)") from e
    return GoldDocument(text, source, entities, relations)


# -- shared -----------------------------------------------------------------

def _jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """JSON objects of a JSONL file, one a line; a bad line names its number."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from e
    with fh:
        for n, line in _lines(fh, path):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}", f"not JSON ({e.msg} at column {e.colno})") from e
            if not isinstance(record, dict):
                raise InputError(f"{path}:{n}", "each line must be a JSON object")
            yield record


def _lines(fh, path: str | Path) -> Iterator[tuple[int, str]]:  # type: ignore[no-untyped-def]
    n = 0
    try:
        for n, line in enumerate(fh, start=1):
            yield n, line
    except UnicodeDecodeError as e:
        raise InputError(f"{path}:{n + 1}", f"not UTF-8 ({e.reason})") from e
