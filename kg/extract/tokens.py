"""A document's token attributes as plain lists, read once for all that reads them.

Reading ``doc[i].lower_`` makes a Token object and decodes a string each time; the
relation classifier reads the same tokens pair after pair, and the rules pass over
every word of every sentence looking for a few (a trigger verb, a possessive, a
name), so they read these lists instead (:meth:`kg.extract.context.DocContext.tokens`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Tokens:
    """A document's token attributes as plain lists (the same strings as the Token's).

    >>> from kg.extract.nlp import load_nlp
    >>> t = Tokens.of(load_nlp()("Tim Cook leads Apple."))
    >>> t.lower[:2], t.dep[t.head[0]], t.words[2]
    (['tim', 'cook'], 'nsubj', 'lead')
    """

    lower: list[str]
    lemma: list[str]  # lemma_.lower()
    words: list[str]  # lemma_.lower() or lower_
    punct: list[bool]
    dep: list[str]
    pos: list[str]
    ent_type: list[str]
    head: list[int]
    start_char: list[int]
    end_char: list[int]
    text: str
    sentence: list[int]  # the first token of its sentence (empty when the Doc has no sentences)
    _chains: dict[int, list[int]] = field(default_factory=dict, compare=False, repr=False)  # up(), kept
    _chain_sets: dict[int, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)  # of up()
    _trees: dict[int, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)  # subtree()
    _kids: list[list[int]] = field(default_factory=list, compare=False, repr=False)  # each token's children
    _roots: dict[tuple[int, int], int] = field(default_factory=dict, compare=False, repr=False)  # root()

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        """The table of ``doc``, read from its arrays (``Doc.to_array``), not token by token."""
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, LEMMA, LENGTH, LOWER, POS

        if not len(doc):
            return cls([], [], [], [], [], [], [], [], [], [], doc.text, [])
        strings = doc.vocab.strings
        columns = doc.to_array([LOWER, LEMMA, DEP, POS, ENT_TYPE]).T.tolist()
        lower, lemma, dep, pos, ent_type = ([strings[key] for key in column] for column in columns)
        lemma = [w.lower() for w in lemma]
        head, punct, starts, lengths = doc.to_array([HEAD, IS_PUNCT, IDX, LENGTH]).astype("int64").T.tolist()
        return cls(lower, lemma, [m or w for m, w in zip(lemma, lower)], [bool(x) for x in punct], dep, pos,
                   ent_type, [i + offset for i, offset in enumerate(head)],  # HEAD: offset to the head
                   starts, [i + n for i, n in zip(starts, lengths)], doc.text,
                   [s.start for s in doc.sents for _ in range(len(s))] if doc.has_annotation("SENT_START") else [])

    def word(self, i: int) -> str:
        """``doc[i].text``."""
        return self.text[self.start_char[i]:self.end_char[i]]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.text[self.start_char[start]:self.end_char[end - 1]] if end > start else ""

    def meet(self, i: int, j: int) -> tuple[list[int], list[int]]:
        """Tokens ``i`` and ``j`` and their ancestors, each chain up to and including the
        first token both reach (two empty lists when they reach none).

        >>> from kg.extract.nlp import load_nlp
        >>> t = Tokens.of(load_nlp()("Tim Cook leads Apple."))
        >>> t.meet(1, 3)
        ([1, 2], [3, 2])
        """
        up_i, up_j = self.up(i), self.up(j)
        ids_j = self._chain_sets.get(j)
        if ids_j is None:
            ids_j = self._chain_sets[j] = frozenset(up_j)
        for n, k in enumerate(up_i):  # a loop, not next() over a generator: 17,858 pairs ask
            if k in ids_j:
                return up_i[:n + 1], up_j[:up_j.index(k) + 1]
        return [], []

    def up(self, i: int) -> list[int]:
        """``[doc[i], *doc[i].ancestors]`` as token indices (kept per token: not to be changed)."""
        chain = self._chains.get(i)
        if chain is None:
            chain = self._chains[i] = self._up(i)
        return chain

    def subtree(self, i: int) -> frozenset[int]:
        """``{t.i for t in doc[i].subtree}``: token ``i`` and every token below it (kept per token).

        >>> from kg.extract.nlp import load_nlp
        >>> t = Tokens.of(load_nlp()("Tim Cook leads Apple."))
        >>> sorted(t.subtree(1)), sorted(t.subtree(2))
        ([0, 1], [0, 1, 2, 3, 4])
        """
        tree = self._trees.get(i)
        if tree is None:
            below, todo = [], [i]
            while todo:
                k = todo.pop()
                below.append(k)
                todo.extend(self.children(k))
            tree = self._trees[i] = frozenset(below)
        return tree

    def root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i`` for a span of one token or more, without the Span and its Token
        (kept per span): a word of the span that is its sentence's root, else, of the words whose
        head is outside the span, the first with the fewest words up to the root (a space or
        punctuation without children counting as far as can be), as spaCy's ``Span.root``.

        >>> from kg.extract.nlp import load_nlp
        >>> doc = load_nlp()("The chief executive of Apple, Tim Cook, spoke.")
        >>> t = Tokens.of(doc)
        >>> [(t.root(i, j), doc[i:j].root.i) for i, j in ((0, 5), (6, 8), (3, 6), (0, 10))]
        [(2, 2), (7, 7), (3, 3), (9, 9)]
        """
        root = self._roots.get((start, end))
        if root is None:
            root = self._roots[(start, end)] = self._root(start, end)
        return root

    def _root(self, start: int, end: int) -> int:
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        last = len(head) - 1  # spaCy's count for a bare space or punctuation: the document's length less one
        best, root = len(head), -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            bare = (self.punct[i] or self.word(i).isspace()) and not self.children(i)
            words = last if bare else len(self.up(i)) - 1
            if words < best:
                best, root = words, i
        return start if root == -1 else root

    def children(self, i: int) -> list[int]:
        """``[t.i for t in doc[i].children]``, in text order (kept: not to be changed).

        >>> from kg.extract.nlp import load_nlp
        >>> t = Tokens.of(load_nlp()("Tim Cook leads Apple."))
        >>> t.children(2)
        [1, 3, 4]
        """
        if not self._kids:
            self._kids.extend([] for _ in self.head)
            for k, h in enumerate(self.head):
                if h != k:
                    self._kids[h].append(k)
        return self._kids[i]

    def _up(self, i: int) -> list[int]:
        chain = [i]
        while self.head[i] != i and len(chain) <= len(self.head):
            i = self.head[i]
            chain.append(i)
        return chain


_LAST_TOKENS: list[tuple[Doc, Tokens]] = []  # the last document's table (callers go pair by pair)


def text_of(span: Span) -> str:
    """``span.text``, cut from its document's text (``Span.text`` joins its tokens' texts, a Token each).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tim Cook leads Apple.")
    >>> text_of(doc[0:2]), text_of(doc[2:2])
    ('Tim Cook', '')
    """
    return tokens_of(span.doc).span_text(span.start, span.end)


def tokens_of(doc: Doc) -> Tokens:
    """The :class:`Tokens` of ``doc``, read once while it is the document at hand."""
    if not _LAST_TOKENS or _LAST_TOKENS[0][0] is not doc:
        _LAST_TOKENS[:] = [(doc, Tokens.of(doc))]
    return _LAST_TOKENS[0][1]
