"""The features the relation classifier reads for a pair of mentions, and their indices.

:func:`pair_features` spells a pair's features out (the words between and
around, the dependency path, the classes); :func:`pair_row` gives the same
features' hashed indices (:func:`hashed`), from the parts each end of the pair
gives in every pair it is in, kept for the document (:class:`Tokens`).

Examples
--------
>>> hashed(["Person>Organization", "w=lead"]) == sorted({zlib.crc32(b"w=lead") % DIMENSIONS,
...     zlib.crc32(b"Person>Organization") % DIMENSIONS})
True
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.classifier import Context, Side

DIMENSIONS = 2**18


@dataclass(frozen=True)
class Tokens:
    """A document's token attributes as plain lists, read once for all its pairs.

    Reading ``doc[i].lower_`` makes a Token object each time; a sentence's
    pairs read the same tokens over and over, so :func:`pair_features` reads
    these lists instead (the features are the same strings).

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
    #: What the pairs of the document share: each end's feature indices (:func:`pair_row`)
    #: and each token's chain of heads (:meth:`up`).
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        from spacy.attrs import HEAD, IS_PUNCT

        tokens = list(doc)
        lower = [t.lower_ for t in tokens]
        lemma = [t.lemma_.lower() for t in tokens]
        columns = doc.to_array([HEAD, IS_PUNCT]).astype("int64")  # HEAD: offset to the head
        head = (columns[:, 0] + range(len(tokens))).tolist() if tokens else []
        starts = [t.idx for t in tokens]
        return cls(lower, lemma, [m or w for m, w in zip(lemma, lower)], [bool(x) for x in columns[:, 1]],
                   [t.dep_ for t in tokens], [t.pos_ for t in tokens], [t.ent_type_ for t in tokens], head,
                   starts, [i + len(t) for i, t in zip(starts, tokens)], doc.text)

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
        ids_j = set(up_j)
        common = next((k for k in up_i if k in ids_j), None)
        if common is None:
            return [], []
        return up_i[:up_i.index(common) + 1], up_j[:up_j.index(common) + 1]

    def up(self, i: int) -> list[int]:
        """``[doc[i], *doc[i].ancestors]`` as token indices (kept: not to be changed)."""
        chain = self.memo.get(i)
        if chain is None:
            chain = self.memo[i] = self._up(i)
        return chain

    def _up(self, i: int) -> list[int]:
        chain = [i]
        while self.head[i] != i and len(chain) <= len(self.head):
            i = self.head[i]
            chain.append(i)
        return chain


_LAST_TOKENS: list[tuple[Doc, Tokens]] = []  # the last document's table (callers go pair by pair)


def _tokens_of(doc: Doc) -> Tokens:
    if not _LAST_TOKENS or _LAST_TOKENS[0][0] is not doc:
        _LAST_TOKENS[:] = [(doc, Tokens.of(doc))]
    return _LAST_TOKENS[0][1]


def pair_features(doc: Doc, a: Side, b: Side, context: Context | None = None,
                  tokens: Tokens | None = None) -> list[str]:
    """The words, path and classes that say how ``a`` relates to ``b``.

    ``tokens``: the document's :class:`Tokens` (read from ``doc`` when not given).
    Each feature but the first comes again joined to the pair's classes
    (``"Person>Organization|w=lead"``).
    """
    types, feats = _features(doc, a, b, context, tokens)
    return feats + [f"{types}|{f}" for f in feats[1:]]


def pair_row(doc: Doc, a: Side, b: Side, context: Context | None = None,
             tokens: Tokens | None = None) -> list[int]:
    """``hashed(pair_features(doc, a, b, context, tokens))``, made from parts remembered.

    The features of one end of a pair (the words around it, its head, its class's
    words) are the same in every pair it is in: their indices are kept in the
    document's :class:`Tokens` (``memo``) for the pair's classes. Every other
    feature's two indices (its own and its copy joined to the pair's classes,
    ``"Person>Organization|w=lead"``) are looked up in :class:`_Hashes`.

    >>> from kg.extract.classifier import Side
    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Tim Cook leads Apple.")
    >>> a, b = Side("t", "Person", 0, 2, 0, 8, 1), Side("a", "Organization", 3, 4, 15, 20, 3)
    >>> pair_row(doc, a, b) == hashed(pair_features(doc, a, b))
    True
    """
    t = tokens if tokens is not None else _tokens_of(doc)
    types = f"{a.cls}>{b.cls}"
    hashes = _hashes(types)
    a_first = a.start < b.start
    row = {hashes.own, *_side_indices(t, hashes, "a", a, a_first), *_side_indices(t, hashes, "b", b, not a_first)}
    known, of = hashes.known, hashes.of
    for feature in _pair_only(t, a, b, a_first, context):
        row.update(known.get(feature) or of(feature))
    return sorted(row)


class _Hashes:
    """The indices of the features of pairs of one pair of classes (``types``): each
    feature's own and its copy joined to the classes, whose CRC32 continues that of
    ``"Person>Organization|"`` (``zlib.crc32(f, start)``); remembered, as most repeat.

    >>> h = _Hashes("Person>Organization")
    >>> h.of("w=lead") == (zlib.crc32(b"w=lead") % DIMENSIONS,
    ...                    zlib.crc32(b"Person>Organization|w=lead") % DIMENSIONS)
    True
    """

    def __init__(self, types: str) -> None:
        self.own = zlib.crc32(types.encode("utf-8")) % DIMENSIONS
        self.joined = zlib.crc32(f"{types}|".encode("utf-8"))
        self.known: dict[str, tuple[int, int]] = {}

    def of(self, feature: str) -> tuple[int, int]:
        found = self.known.get(feature)
        if found is None:
            if len(self.known) >= _INDEX_MAX:
                self.known.clear()
            encoded = feature.encode("utf-8")
            found = self.known[feature] = (zlib.crc32(encoded) % DIMENSIONS,
                                           zlib.crc32(encoded, self.joined) % DIMENSIONS)
        return found


_HASHES: dict[str, _Hashes] = {}


def _hashes(types: str) -> _Hashes:
    found = _HASHES.get(types)
    if found is None:
        found = _HASHES[types] = _Hashes(types)
    return found


def _side_indices(t: Tokens, hashes: _Hashes, name: str, side: Side, first: bool) -> tuple[int, ...]:
    """The indices of :func:`_side_features`, kept in ``t.memo`` for the pair's classes."""
    key = (hashes.joined, name, side.start, side.end, side.cls, side.anaphor, side.root, first)
    found = t.memo.get(key)
    if found is None:
        found = t.memo[key] = tuple(i for f in _side_features(t, name, side, first) for i in hashes.of(f))
    return found


def _side_features(t: Tokens, name: str, side: Side, first: bool) -> list[str]:
    """The features of :func:`_features` that one end (``name`` "a" or "b") gives
    whatever the other: the word before it when it comes ``first``, else the word
    after it, the two words on each side, its text, head and word by class, and
    its head in the parse and NER label."""
    feats = [f"{name}=anaphor"] if side.anaphor else []
    if first:
        feats.append(f"before={t.lower[side.start - 1] if side.start > 0 else '<s>'}")
    else:
        feats.append(f"after={t.lower[side.end] if side.end < len(t.lower) else '</s>'}")
    left = t.lower[max(side.start - 2, 0):side.start]
    right = t.lower[side.end:side.end + 2]
    feats += [f"{name}_left={'_'.join(left)}", f"{name}_right={'_'.join(right)}"]
    if side.cls in {"Place", "Date"}:
        feats.append(f"{name}_text={t.span_text(side.start, side.end).lower()}")
    if side.cls in {"Organization", "Place"}:
        feats.append(f"{name}_head={t.lower[side.end - 1]}")
    if side.anaphor:
        feats.append(f"{name}_word={t.span_text(side.start, side.end).lower()}")
    feats += [f"head_{name}={t.dep[side.root]}:{t.lemma[t.head[side.root]]}", f"ner_{name}={t.ent_type[side.root]}"]
    return feats


def _pair_only(t: Tokens, a: Side, b: Side, a_first: bool, context: Context | None) -> list[str]:
    """The features of :func:`_features` that depend on both ends (not the classes alone)."""
    first, second = (a, b) if a_first else (b, a)
    between = [i for i in range(first.end, second.start) if not t.punct[i]]
    words = [t.words[i] for i in between]
    feats = [f"order={'ab' if a_first else 'ba'}", f"dist={min(len(between), 12) // 3}"]
    if len(words) <= 10:
        feats += [f"w={w}" for w in words]
        feats += [f"bi={x}_{y}" for x, y in zip(words, words[1:])]
        if len(words) <= 5:
            feats.append("seq=" + "_".join(words))
    else:
        feats.append("far")
    path, lemmas = _path(t, a.root, b.root)
    feats += [f"path={path}", f"lpath={lemmas}"]
    if context is not None:
        near = set(words if len(words) <= 10 else []) | set(lemmas.split("/"))
        feats += [f"trig={p}" for w in near for p in context.lexicon.signalled_by(w)]
        sa, sb = (a.start_char, a.end_char), (b.start_char, b.end_char)
        feats += [f"rule={p}" for p in context.rules.get((sa, sb), ())]
        feats += [f"rule_rev={p}" for p in context.rules.get((sb, sa), ())]
        feats += [f"{name}_main" for name, side in (("a", a), ("b", b)) if side.iri in context.main]
        inside = {context.classes.get(i) for i in range(first.end, second.start)}
        feats += [f"{name}_cls_between" for name, side in (("a", a), ("b", b)) if side.cls in inside]
    return feats


def _features(doc: Doc, a: Side, b: Side, context: Context | None,
              tokens: Tokens | None) -> tuple[str, list[str]]:
    """The pair's classes (``"Person>Organization"``) and its features, the classes first."""
    t = tokens if tokens is not None else _tokens_of(doc)
    types = f"{a.cls}>{b.cls}"
    first, second = (a, b) if a.start < b.start else (b, a)
    between = [i for i in range(first.end, second.start) if not t.punct[i]]
    words = [t.words[i] for i in between]
    feats = [types, f"order={'ab' if first is a else 'ba'}", f"dist={min(len(between), 12) // 3}"]
    if a.anaphor:
        feats.append("a=anaphor")
    if b.anaphor:
        feats.append("b=anaphor")
    if len(words) <= 10:
        feats += [f"w={w}" for w in words]
        feats += [f"bi={x}_{y}" for x, y in zip(words, words[1:])]
        if len(words) <= 5:
            feats.append("seq=" + "_".join(words))
    else:
        feats.append("far")
    before = t.lower[first.start - 1] if first.start > 0 else "<s>"
    after = t.lower[second.end] if second.end < len(t.lower) else "</s>"
    feats += [f"before={before}", f"after={after}"]
    # the two words before and after each end ("born in", "CEO of", "wife ,"), and
    # what an organisation or place is ("University", "Party") or a pronoun says ("his")
    for name, side in (("a", a), ("b", b)):
        left = t.lower[max(side.start - 2, 0):side.start]
        right = t.lower[side.end:side.end + 2]
        feats += [f"{name}_left={'_'.join(left)}", f"{name}_right={'_'.join(right)}"]
        if side.cls in {"Place", "Date"}:
            feats.append(f"{name}_text={t.span_text(side.start, side.end).lower()}")
        if side.cls in {"Organization", "Place"}:
            feats.append(f"{name}_head={t.lower[side.end - 1]}")
        if side.anaphor:
            feats.append(f"{name}_word={t.span_text(side.start, side.end).lower()}")
    path, lemmas = _path(t, a.root, b.root)
    feats += [f"path={path}", f"lpath={lemmas}"]
    feats += [f"head_a={t.dep[a.root]}:{t.lemma[t.head[a.root]]}",
              f"head_b={t.dep[b.root]}:{t.lemma[t.head[b.root]]}",
              f"ner_a={t.ent_type[a.root]}", f"ner_b={t.ent_type[b.root]}"]
    if context is not None:
        near = set(words if len(words) <= 10 else []) | set(lemmas.split("/"))
        feats += sorted({f"trig={p}" for w in near for p in context.lexicon.signalled_by(w)})
        sa, sb = (a.start_char, a.end_char), (b.start_char, b.end_char)
        feats += [f"rule={p}" for p in sorted(context.rules.get((sa, sb), ()))]
        feats += [f"rule_rev={p}" for p in sorted(context.rules.get((sb, sa), ()))]
        feats += [f"{name}_main" for name, side in (("a", a), ("b", b)) if side.iri in context.main]
        inside = {context.classes.get(i) for i in range(first.end, second.start)}
        feats += [f"{name}_cls_between" for name, side in (("a", a), ("b", b)) if side.cls in inside]
    return types, feats


def _path(t: Tokens, a: int, b: int) -> tuple[str, str]:
    """Dependency labels and lemmas on the shortest path from token ``a`` to token ``b``."""
    left, right = t.meet(a, b)
    if not left:
        return "none", "none"
    common, left, right = left[-1], left[:-1], right[:-1]
    deps = [f"{t.dep[i]}^" for i in left] + [t.pos[common]] + [f"{t.dep[i]}v" for i in reversed(right)]
    if len(deps) > 7:
        return "long", "long"
    return "/".join(deps), "/".join(t.lemma[i] for i in (*left[1:], common, *right[1:]))


#: Feature string -> index, for the features seen lately (most repeat from pair to pair).
_INDEX: dict[str, int] = {}
_INDEX_MAX = 100_000  # ~15 MB at most


def hashed(features: list[str]) -> list[int]:
    """Stable feature indices (CRC32, not Python's salted ``hash``).

    >>> hashed(["Person>Organization", "w=lead"]) == sorted({zlib.crc32(b"w=lead") % DIMENSIONS,
    ...     zlib.crc32(b"Person>Organization") % DIMENSIONS})
    True
    """
    index = _INDEX
    try:
        return sorted(set(map(index.__getitem__, features)))
    except KeyError:
        if len(index) + len(features) > _INDEX_MAX:
            index.clear()
        for f in features:
            if f not in index:
                index[f] = zlib.crc32(f.encode("utf-8")) % DIMENSIONS
        return sorted(set(map(index.__getitem__, features)))
