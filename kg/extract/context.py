"""What every extractor reads: one document, parsed and resolved, built once.

A :class:`DocContext` is made by :mod:`kg.pipeline` for each document after
mentions are resolved, and handed to each extractor in turn
(``(ctx) -> Iterable[Relation]``, see :data:`kg.registry.extractors`), with
the relations the extractors before it found in ``relations``.

Examples
--------
>>> from kg.pipeline import Pipeline
>>> from kg.types import Document
>>> pipeline = Pipeline()
>>> ctx = pipeline.context(Document.from_text("He was born in 1950.", "x"))
>>> ctx.doc_id == Document.from_text("He was born in 1950.", "x").id
True
>>> [(hit.text, hit.label) for hit in ctx.hits()]
[('He', 'unnamed person of x')]
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

from kg.config import Settings
from kg.extract.resolve import EntityMention, Resolved
from kg.extract.tokens import Tokens, tokens_of
from kg.lexicon import Lexicon
from kg.types import Document, Relation, changed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.classifier import RelationModel


@dataclass(frozen=True)
class DocContext:
    """One document as the extractors see it.

    Parameters
    ----------
    document
        The input document; ``document.id`` is every relation's ``doc_id``.
    doc
        Its spaCy parse.
    lexicon
        The ontology's lexicon (trigger words, classes, word lists).
    resolved
        Its entities, and the resolved mention on each token
        (:class:`kg.extract.resolve.EntityMention`).
    relations
        What the extractors that ran before this one found.
    settings
        The run's settings (thresholds an extractor may read).
    model
        The relation classifier, if the run uses one.
    """

    document: Document
    doc: Doc
    lexicon: Lexicon
    resolved: Resolved
    relations: tuple[Relation, ...] = ()
    settings: Settings = Settings()
    model: RelationModel | None = None

    @property
    def doc_id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    def hit(self, token: int) -> EntityMention | None:
        """The resolved mention on token ``token``, if any."""
        return self.resolved.by_token.get(token)

    def hits(self, sent: Span | None = None) -> Iterator[EntityMention]:
        """Each resolved mention once, in text order (of ``sent`` only, if given)."""
        start, end = (sent.start, sent.end) if sent is not None else (0, len(self.doc))
        seen: set[tuple[int, int]] = set()
        for t in range(start, end):
            hit = self.resolved.by_token.get(t)
            if hit is not None and hit.token_span not in seen:
                seen.add(hit.token_span)
                yield hit

    def with_relations(self, relations: tuple[Relation, ...]) -> DocContext:
        """This context with ``relations`` found before, keeping what it has read of the
        document alone (its sentences, their starts, the entities' labels).

        >>> from kg.pipeline import Pipeline
        >>> from kg.types import Document
        >>> ctx = Pipeline().context(Document.from_text("Ann Lee met Bob. He left.", "x"))
        >>> sentences = ctx.sentences  # read here, then kept
        >>> other = ctx.with_relations(())
        >>> other.sentences is sentences, len(sentences), other.relations == ctx.relations
        (True, 2, True)
        """
        other = changed(self, relations=relations)
        for name in _OF_THE_DOCUMENT:
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]  # as cached_property keeps it
        return other

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(self.doc.sents)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start_char for s in self.sentences]

    def sentence_index(self, char: int) -> int:
        """The index of the sentence that holds character ``char``."""
        return max(bisect_right(self._sentence_starts, char) - 1, 0)

    @property
    def tokens(self) -> Tokens:
        """The document's token attributes as plain lists, read once (:mod:`kg.extract.tokens`):
        a rule that looks for a few words passes over these, not over Token objects."""
        return tokens_of(self.doc)

    def named_tokens(self, sent: Span) -> list[Token]:
        """The tokens of ``sent`` that a resolved mention covers, in order (the others name nothing).

        >>> from kg.pipeline import Pipeline
        >>> from kg.types import Document
        >>> ctx = Pipeline().context(Document.from_text("Ann Lee met Bob in Paris.", "x"))
        >>> [t.text for t in ctx.named_tokens(ctx.sentences[0])]
        ['Ann', 'Lee', 'Bob', 'Paris']
        """
        kept = self._named_tokens.get((sent.start, sent.end))
        if kept is None:
            by_token = self.resolved.by_token
            kept = self._named_tokens[(sent.start, sent.end)] = tuple(
                self.doc[i] for i in range(sent.start, sent.end) if i in by_token)
        return list(kept)

    @cached_property
    def _named_tokens(self) -> dict[tuple[int, int], tuple[Token, ...]]:
        """(start, end) -> :meth:`named_tokens`, made once for the extractors that ask."""
        return {}

    def sentence_text(self, sent: Span) -> str:
        """``sent.text.strip()``, cut from the document's text (``Span.text`` joins its tokens').

        >>> from kg.pipeline import Pipeline
        >>> from kg.types import Document
        >>> ctx = Pipeline().context(Document.from_text("Ann Lee met Bob.  He left. ", "x"))
        >>> [ctx.sentence_text(s) for s in ctx.sentences] == [s.text.strip() for s in ctx.sentences]
        True
        """
        return self.text[sent.start_char:sent.end_char].strip()

    @cached_property
    def labels(self) -> dict[str, str]:
        """Entity IRI -> canonical name."""
        return {e.iri: e.label for e in self.resolved.entities}


#: The cached readings of a :class:`DocContext` that depend on its document alone, not on
#: the relations found before (:meth:`DocContext.with_relations` keeps them).
_OF_THE_DOCUMENT = ("sentences", "_sentence_starts", "labels", "_named_tokens")
