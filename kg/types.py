"""Plain data passed between the pipeline stages.

Every stage takes and returns these small frozen dataclasses; none of them
holds a spaCy object, so they are cheap to keep, compare and serialise.

Examples
--------
>>> doc = Document.from_text("Apple uses AWS.", source="note.txt")
>>> doc.id == Document.from_text("Apple uses AWS.", source="other.txt").id
True
>>> Mention(doc.id, 0, 5, "Apple", "Organization").span
(0, 5)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from pathlib import PurePath
from typing import Any, TypeVar

T = TypeVar("T")


def content_id(text: str) -> str:
    """Return the stable id of a document: the SHA-256 of its text, in hex.

    >>> content_id("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def changed(instance: T, /, **changes: Any) -> T:
    """``dataclasses.replace(instance, **changes)`` for a frozen dataclass whose ``__init__`` only
    sets its fields (no ``__post_init__``, no slots): its fields copied, not passed through
    ``__init__`` one by one (0.6 against 3 microseconds; a build makes one for every
    mention, relation and extractor of every document). Anything else is replaced as usual,
    and so are changes that name no field (``replace`` says which).

    >>> r = Relation("s", "worksFor", "o", "d", "S.", (0, 1), (2, 3), 0.9, "rule:svo")
    >>> changed(r, obj="p") == replace(r, obj="p"), changed(r, obj="p").obj, r.obj
    (True, 'p', 'o')
    >>> changed(r, object="p")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    TypeError: ...unexpected keyword argument 'object'...
    """
    names = _FIELD_NAMES.get(type(instance))
    if names is None:
        names = _FIELD_NAMES[type(instance)] = _copied_fields(type(instance))
    if not names or not changes.keys() <= names:
        return replace(instance, **changes)  # type: ignore[type-var]
    new = object.__new__(type(instance))
    state = new.__dict__
    state.update(instance.__dict__)
    if len(state) > len(names):  # what else it keeps (a cached_property's value) is not copied
        for name in [name for name in state if name not in names]:
            del state[name]
    state.update(changes)
    return new


def _copied_fields(cls: type) -> frozenset[str]:
    """The field names of a dataclass :func:`changed` may copy (empty: replace it as usual)."""
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__") or not hasattr(cls, "__dataclass_fields__") \
            or not all(f.init for f in fields(cls)):
        return frozenset()
    return frozenset(f.name for f in fields(cls))


_FIELD_NAMES: dict[type, frozenset[str]] = {}


@dataclass(frozen=True)
class Document:
    """One input text with where it came from; ``id`` is its content hash."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    external_id: str | None = None  # an id the input gave (a JSONL or CSV ``id``)

    @classmethod
    def from_text(cls, text: str, source: str, **meta: str | None) -> Document:
        return cls(id=content_id(text), text=text, source=source, **meta)

    @property
    def name(self) -> str:
        """What a reader calls the document: its title, else its file's name, else its source.

        >>> Document.from_text("x", "/tmp/news/a.txt").name, Document.from_text("x", "https://e.org/a").name
        ('a.txt', 'https://e.org/a')
        """
        if self.title:
            return self.title
        if "://" in self.source:
            return self.source
        return PurePath(self.source).name or self.source


@dataclass(frozen=True)
class Mention:
    """A span of a document that names an entity; offsets are characters."""

    doc_id: str
    start: int
    end: int
    text: str
    cls: str  # ontology class local name, e.g. "Organization"

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class Entity:
    """One real thing: its IRI, class, canonical name and other names."""

    iri: str
    cls: str
    label: str
    alt_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """An extracted fact with its evidence.

    ``obj`` is an entity IRI, or a plain string for a datatype property
    (``jobTitle``, dates). Offsets are characters in the document.
    """

    subject: str
    predicate: str  # ontology property local name, e.g. "worksFor"
    obj: str
    doc_id: str
    sentence: str
    subject_span: tuple[int, int]
    object_span: tuple[int, int]
    confidence: float
    extractor: str  # e.g. "rule:svo", "rule:title"
    object_is_literal: bool = False
    #: The sentence states a post or a tie held before, not now ("a former CEO of X",
    #: "previously worked at X"): the evidence says so (``kg:former``).
    former: bool = False


@dataclass(frozen=True)
class DocumentGraph:
    """What extraction found in one document, ready to become triples."""

    document: Document
    entities: tuple[Entity, ...] = ()
    mentions: tuple[tuple[str, Mention], ...] = ()  # (entity IRI, mention)
    relations: tuple[Relation, ...] = field(default_factory=tuple)
    #: (entity IRI, name as written, rule): why each name of the document joined its entity;
    #: rule is "" for the name an entity was founded on here, else one of
    #: :data:`kg.extract.resolve.JOIN_RULES` ("same name", "abbreviation", ...).
    joined_by: tuple[tuple[str, str, str], ...] = ()
