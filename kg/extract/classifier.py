"""A learned relation classifier over pairs of mentions in one sentence.

Rules miss what they were not written for; this model reads every ordered
pair of mentions in a sentence (names, pronouns, dates) and scores each
ontology property from a few hundred thousand hashed features: the classes,
the words between, the dependency path, the words around. Its weights ship
with the package (``kg/models/relations.npz``, numpy only at run time) and
``kg train`` retrains it from gold data (:mod:`kg.evaluation.train`).

Examples
--------
>>> from kg.pipeline import extract
>>> from kg.types import Document
>>> from kg.config import Settings
>>> text = "Jane Doe, who was born in 1950, later married John Smith."
>>> graph = extract(Document.from_text(text, "t"), Settings(relation_threshold=0.5))
>>> sorted({(r.obj, r.extractor) for r in graph.relations if r.predicate == "birthDate"})
[('1950', 'model:pairs'), ('1950', 'rule:svo')]
"""

from __future__ import annotations

import itertools
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from kg.errors import ModelError, OntologyError
from kg.lexicon import Lexicon, load_words, word_lists
from kg.extract.classes import DASHES
from kg.extract.resolve import Resolved
from kg.extract.rules.args import a_chamber, formerly, gives_examples, membership, named_as_a_part, named_as_staff
from kg.extract.tokens import Tokens, tokens_of
from kg.registry import extractors
from kg.types import Relation

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext

NONE = "none"
DIMENSIONS = 2**18
_SUBJECT_CLASSES = frozenset({"Person", "Organization"})


@dataclass(frozen=True)
class Side:
    """One end of a candidate pair: an entity mention, or a date (``iri`` None)."""

    iri: str | None
    cls: str  # ontology class, or "Date"
    start: int  # first token
    end: int
    start_char: int
    end_char: int
    root: int
    anaphor: bool = False


def sentence_sides(doc: Doc, resolved: Resolved) -> dict[int, list[Side]]:
    """The mentions and dates of each sentence, keyed by the sentence's first token."""
    seen: dict[tuple[int, int], Side] = {}
    t = tokens_of(doc)
    for _, hit in sorted(resolved.by_token.items()):
        key = hit.token_span
        if key not in seen:
            seen[key] = Side(hit.iri, hit.cls, hit.start, hit.end, hit.start_char, hit.end_char,
                             t.root(hit.start, hit.end), hit.anaphor)
    for date in date_spans(doc):
        if (date.start, date.end) not in seen:
            seen[(date.start, date.end)] = Side(None, "Date", date.start, date.end, date.start_char,
                                                date.end_char, date.root.i)
    starts = tokens_of(doc).sentence  # token -> its sentence's first
    by_sentence: dict[int, list[Side]] = {}
    for side in sorted(seen.values(), key=lambda s: s.start):
        by_sentence.setdefault(starts[side.root], []).append(side)
    return by_sentence


#: Properties of a person's place of work, which an owner of a thing is not by owning it.
_EMPLOYERS = frozenset({"worksFor", "leads", "memberOf"})


def owns_a_thing(doc: Doc, i: int, lexicon: Lexicon, classes: dict[int, str]) -> bool:
    """Whether token ``i`` is the possessor ("NASA's") of a thing: a noun the ontology
    makes a product, technology or event (``kg:headNoun``), or a name of one
    (``classes``: token -> the class of the name on it). "NASA's telescope", not "NASA's
    chief scientist" or "NASA's board".

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Ann Lee, NASA's chief scientist, used Kestrel's telescope.")
    >>> owns_a_thing(doc, 3, load_lexicon(), {}), owns_a_thing(doc, 10, load_lexicon(), {})
    (False, True)
    """
    token = doc[i]
    if token.dep_ == "case":
        token = token.head
    if token.dep_ != "poss":
        return False
    thing = token.head
    return classes.get(thing.i, lexicon.head_nouns.get(thing.lower_)) in _THINGS


def names_a_unit(sent: Span, organisation: str | None, resolved: Resolved, units: frozenset[str]) -> bool:
    """Whether the sentence names a unit of the organisation (IRI ``organisation``): a noun of
    ``units`` (``ontology/words.toml`` ``[rules] unit_nouns``) it or its pronoun owns, "its
    office division", "Kestrel's retail arm". A chief there leads the unit and works for the
    organisation.

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.extract.resolve import EntityMention, Found, Resolved
    >>> doc = load_nlp()("Kestrel named Ann Lee head of its retail arm.")
    >>> it = EntityMention("kestrel", "Organization", "Kestrel", Found(6, 7, 30, 33, "its", "Organization", 0.0))
    >>> names_a_unit(doc[:], "kestrel", Resolved((), (), {6: it}), frozenset({"arm"}))
    True
    """
    lower = tokens_of(sent.doc).lower
    for i in range(sent.start, sent.end):
        if lower[i] in units:
            for owner in (c for c in sent.doc[i].children if c.dep_ == "poss"):
                mention = resolved.by_token.get(owner.i)
                if mention is not None and mention.iri == organisation:
                    return True
    return False


def in_an_awards_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a word of an award's name, whose proper nouns end in an award's
    word (``ontology/words.toml`` ``award_words``): "winner of the Guinness PRO12 Coach of the
    Season Award" names Guinness as a sponsor, no one's employer.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee, winner of the Guinness PRO12 Coach of the Season Award, joined Acme.")
    >>> in_an_awards_name(doc, 6), in_an_awards_name(doc, 15)
    (True, False)
    """
    head = doc[i]
    while head.dep_ in {"compound", "nmod"} and head.head.i > head.i:
        head = head.head
    return any(t.i > i and t.lower_ in AWARD_WORDS and t.is_title for t in head.subtree)


#: Last words of awards' names (``ontology/words.toml`` ``award_words``).
AWARD_WORDS = frozenset(load_words().mentions["award_words"])
#: Classes of what an organisation owns, makes or holds, rather than employs people in.
_THINGS = frozenset({"Product", "Technology", "Event"})


def candidate_pairs(doc: Doc, resolved: Resolved) -> Iterator[tuple[Span, Side, Side]]:
    """Ordered pairs (subject, object) in one sentence that some property could relate."""
    sentences = {sent.start: sent for sent in doc.sents}
    for start, sides in sentence_sides(doc, resolved).items():
        sent = sentences[start]
        for a in sides:
            if a.cls not in _SUBJECT_CLASSES or a.iri is None:
                continue
            for b in sides:
                if b is a or (b.iri is not None and b.iri == a.iri):
                    continue
                if b.start < a.end and a.start < b.end:
                    continue
                yield sent, a, b


def date_spans(doc: Doc) -> list[Span]:
    """NER's dates, a range of two dated ends cut in two at its dash: a life's "March 31,
    1866 – 1932" is a birth date and a death date, not one date.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee (March 31, 1866 – 1932) was born in May.")
    >>> [d.text for d in date_spans(doc)]
    ['March 31, 1866', '1932', 'May']
    """
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        dash = next((t.i for t in ent if t.text in DASHES), None)
        if dash is not None and _dated(doc[ent.start:dash]) and _dated(doc[dash + 1:ent.end]):
            out += [doc[ent.start:dash], doc[dash + 1:ent.end]]
        else:
            out.append(ent)
    return out


def _dated(span: Span) -> bool:
    """Whether a span holds a year ("1866")."""
    return any(len(t.text) == 4 and t.text.isdigit() for t in span)


@dataclass(frozen=True)
class Context:
    """What the rest of kg already knows about a document's pairs.

    ``lexicon``: the ontology's trigger words (:meth:`Lexicon.signalled_by`);
    ``rules``: (subject span, object span) -> the properties kg's rules state
    between them; ``main``: the most mentioned entity of each class;
    ``classes``: token -> the class of the mention on it.
    """

    lexicon: Lexicon
    rules: dict[tuple[tuple[int, int], tuple[int, int]], frozenset[str]]
    main: frozenset[str] = frozenset()
    classes: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, lexicon: Lexicon, relations: list[Relation] = (),  # type: ignore[assignment]
           resolved: Resolved | None = None) -> Context:
        rules: dict[tuple[tuple[int, int], tuple[int, int]], set[str]] = {}
        for r in relations:
            rules.setdefault((r.subject_span, r.object_span), set()).add(r.predicate)
        main: dict[str, Counter[str]] = {}
        classes: dict[int, str] = {}
        if resolved is not None:
            for iri, mention in resolved.mentions:
                main.setdefault(mention.cls, Counter())[iri] += 1
            classes = {t: hit.cls for t, hit in resolved.by_token.items()}
        return cls(lexicon, {k: frozenset(v) for k, v in rules.items()},
                   frozenset(c.most_common(1)[0][0] for c in main.values()), classes)


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
    """``hashed(pair_features(doc, a, b, context, tokens))``, without making the joined features.

    The CRC32 of ``"Person>Organization|" + f`` continues the CRC32 of
    ``"Person>Organization|"`` over ``f`` (``zlib.crc32(f, start)``), so each
    feature is encoded once and hashed twice, and half the strings are never
    made (a third of the classifier's time).
    """
    t = tokens if tokens is not None else tokens_of(doc)
    types, feats = _features(doc, a, b, context, t)
    crc = zlib.crc32
    if _HASHED[0] is not t:
        _HASHED[:] = [t, {}]
    known = _HASHED[1]
    joined = crc(f"{types}|".encode("utf-8"))
    row = {crc(feats[0].encode("utf-8")) % DIMENSIONS}  # the classes, not joined to themselves
    add = row.add
    for f in feats[1:]:
        kept = known.get(f)
        if kept is None:
            e = f.encode("utf-8")
            kept = known[f] = (e, crc(e) % DIMENSIONS)
        add(kept[1])
        add(crc(kept[0], joined) % DIMENSIONS)
    return sorted(row)


#: The document's Tokens, and feature -> (its UTF-8, its index) for the features of its pairs
#: (three in four come again in another pair of the document).
_HASHED: list = [None, {}]


def _features(doc: Doc, a: Side, b: Side, context: Context | None,
              tokens: Tokens | None) -> tuple[str, list[str]]:
    """The pair's classes (``"Person>Organization"``) and its features, the classes first."""
    t = tokens if tokens is not None else tokens_of(doc)
    types = f"{a.cls}>{b.cls}"
    first, second = (a, b) if a.start < b.start else (b, a)
    words, dist, inner, outer = _between(t, first, second)
    feats = [types, f"order={'ab' if first is a else 'ba'}", dist]
    if a.anaphor:
        feats.append("a=anaphor")
    if b.anaphor:
        feats.append("b=anaphor")
    feats += inner
    feats += outer
    around_a, (head_a, ner_a) = _end_features(t, "a", a)
    around_b, (head_b, ner_b) = _end_features(t, "b", b)
    feats += around_a
    feats += around_b
    path, lemmas = _path(t, a.root, b.root)
    feats += [f"path={path}", f"lpath={lemmas}", head_a, head_b, ner_a, ner_b]
    if context is not None:
        near = set(words) | set(lemmas.split("/"))  # no words when far apart (_between)
        signals = context.lexicon.triggers.signals  # Lexicon.signalled_by's table, read word by word
        feats += [f"trig={p}" for p in sorted({p for w in near for p in signals.get(w, ())})]
        sa, sb = (a.start_char, a.end_char), (b.start_char, b.end_char)
        ruled, ruled_back = context.rules.get((sa, sb)), context.rules.get((sb, sa))  # mostly none
        if ruled:
            feats += [f"rule={p}" for p in sorted(ruled)]
        if ruled_back:
            feats += [f"rule_rev={p}" for p in sorted(ruled_back)]
        if a.iri in context.main:
            feats.append("a_main")
        if b.iri in context.main:
            feats.append("b_main")
        inside = set(map(context.classes.get, range(first.end, second.start)))
        if a.cls in inside:
            feats.append("a_cls_between")
        if b.cls in inside:
            feats.append("b_cls_between")
    return types, feats


_ENDS: list = [None, {}]  # the document's Tokens, and what is kept of its pairs' ends and spans between


def _between(t: Tokens, first: Side, second: Side) -> tuple[list[str], str, list[str], list[str]]:
    """The words between a pair's ends (punctuation left out; none past ten) and their features: the distance,
    the words, pairs of words and sequence ("far" past ten words), and the words before and after
    the pair; kept while the document is at hand (a pair and its reverse share them)."""
    if _ENDS[0] is not t:
        _ENDS[:] = [t, {}]
    key = (first.start, first.end, second.start, second.end)
    kept = _ENDS[1].get(key)
    if kept is None:
        count = t.punct[first.end:second.start].count(False)  # the words between, read only when few
        if count <= 10:
            words = [t.words[i] for i in range(first.end, second.start) if not t.punct[i]]
            inner = [f"w={w}" for w in words] + [f"bi={x}_{y}" for x, y in zip(words, words[1:])]
            if len(words) <= 5:
                inner.append("seq=" + "_".join(words))
        else:
            words, inner = [], ["far"]  # far apart: no word between counts
        before = t.lower[first.start - 1] if first.start > 0 else "<s>"
        after = t.lower[second.end] if second.end < len(t.lower) else "</s>"
        kept = _ENDS[1][key] = (words, f"dist={min(count, 12) // 3}", inner,
                                [f"before={before}", f"after={after}"])
    return kept


def _end_features(t: Tokens, name: str, side: Side) -> tuple[list[str], tuple[str, str]]:
    """The features of one end of a pair (``name``: "a" or "b"), kept while its document is at hand:
    the two words before and after it ("born in", "CEO of", "wife ,"), what an organisation or
    place is ("University", "Party") or a pronoun says ("his"); and its head and NER label."""
    if _ENDS[0] is not t:
        _ENDS[:] = [t, {}]
    key = (name, side.start, side.end, side.root, side.cls, side.anaphor)  # what they are made of (a Side's
    kept = _ENDS[1].get(key)  # own hash is a call in Python, about as slow as making them again)
    if kept is None:
        head = f"head_{name}={t.dep[side.root]}:{t.lemma[t.head[side.root]]}"
        kept = _ENDS[1][key] = (_around(t, name, side), (head, f"ner_{name}={t.ent_type[side.root]}"))
    return kept


def _around(t: Tokens, name: str, side: Side) -> list[str]:
    left = t.lower[max(side.start - 2, 0):side.start]
    right = t.lower[side.end:side.end + 2]
    feats = [f"{name}_left={'_'.join(left)}", f"{name}_right={'_'.join(right)}"]
    if side.cls in {"Place", "Date"}:
        feats.append(f"{name}_text={t.span_text(side.start, side.end).lower()}")
    if side.cls in {"Organization", "Place"}:
        feats.append(f"{name}_head={t.lower[side.end - 1]}")
    if side.anaphor:
        feats.append(f"{name}_word={t.span_text(side.start, side.end).lower()}")
    return feats


def _path(t: Tokens, a: int, b: int) -> tuple[str, str]:
    """Dependency labels and lemmas on the shortest path from token ``a`` to token ``b``."""
    left, right = t.meet(a, b)
    if not left:
        return "none", "none"
    if len(left) + len(right) - 1 > 7:  # the labels' count below
        return "long", "long"
    common, left, right = left[-1], left[:-1], right[:-1]
    deps = [f"{t.dep[i]}^" for i in left] + [t.pos[common]] + [f"{t.dep[i]}v" for i in reversed(right)]
    return "/".join(deps), "/".join([t.lemma[i] for i in (*left[1:], common, *right[1:])])


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


@dataclass(frozen=True)
class RelationModel:
    """Linear weights over hashed features; softmax over ``labels`` ("none" first)."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (DIMENSIONS, len(labels)) float32
    bias: np.ndarray

    def probabilities(self, rows: list[list[int]]) -> np.ndarray:
        import numpy as np

        if rows and all(rows):  # every row's weights in one gather, summed row by row as before
            flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.intp)
            starts = list(itertools.accumulate((len(r) for r in rows[:-1]), initial=0))  # each row's first
            scores = np.add.reduceat(self.weights.take(flat, axis=0), starts, axis=0) + self.bias
        else:
            scores = np.stack([self.weights[r].sum(axis=0) if r else np.zeros(len(self.labels))
                               for r in rows]) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: str | Path) -> None:
        """Write the non-zero weights, compressed (a few MB at most)."""
        import numpy as np

        from kg.files import replacing

        rows, cols = np.nonzero(np.abs(self.weights) > 1e-3)
        with replacing(path) as tmp, open(tmp, "wb") as f:  # a file object: numpy adds no ".npz"
            np.savez_compressed(f, labels=np.array(self.labels), rows=rows.astype(np.int32),
                                cols=cols.astype(np.int8),
                                values=self.weights[rows, cols].astype(np.float16), bias=self.bias)

    @classmethod
    def load(cls, path: str | Path) -> RelationModel:
        import numpy as np

        try:
            data = np.load(path)
        except (OSError, ValueError) as e:
            raise ModelError(f"{path}: cannot read the relation model: {e}") from e
        labels = tuple(str(x) for x in data["labels"])
        weights = np.zeros((DIMENSIONS, len(labels)), dtype=np.float32)
        weights[data["rows"], data["cols"]] = data["values"].astype(np.float32)
        return cls(labels, weights, data["bias"].astype(np.float32))


def bundled_model_path() -> Path:
    return Path(__file__).resolve().parent.parent / "models" / "relations.npz"


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> RelationModel | None:
    """The relation model at ``path`` (default: the bundled one; None if there is none)."""
    target = Path(path) if path else bundled_model_path()
    if not target.is_file():
        if path:
            raise ModelError(f"{path}: no such relation model; train one with 'kg train'")
        return None
    return RelationModel.load(target)


@extractors.register("pairs")
def pairs(ctx: DocContext) -> list[Relation]:
    """The run's classifier over the document's pairs (nothing if the run has none).

    Reads the relations found before it as features, and states none of them again.
    """
    if ctx.model is None:
        return []
    return unstated(ctx, predict_relations(ctx, ctx.model, ctx.settings.relation_threshold))


def unstated(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """A model's relations that the extractors before it did not state, by :func:`one_subject`,
    less those whose object is in another subject's clause (:func:`someone_elses`) or, for some
    properties, in another person's phrase (:func:`hangs_on_another`)."""
    stated = {(r.predicate, r.subject_span, r.object_span) for r in ctx.relations}
    own = ctx.lexicon.words.rules.get("own_clause", frozenset())
    own_phrase = ctx.lexicon.words.rules.get("own_phrase", frozenset())
    return one_subject(ctx, [r for r in found if (r.predicate, r.subject_span, r.object_span) not in stated
                             and not (r.predicate in own and someone_elses(ctx, r))
                             and not (r.predicate in own_phrase and hangs_on_another(ctx, r))
                             and not (r.predicate in _EMPLOYMENT and for_a_piece(ctx, r))
                             and not (r.predicate == "foundedBy" and (cast_as(ctx, r) or made_by_another(ctx, r)))])


#: The properties a piece written or said for an organisation does not state (:func:`for_a_piece`).
_EMPLOYMENT = frozenset({"worksFor", "leads", "memberOf"})


def cast_as(ctx: DocContext, r: Relation) -> bool:
    """Whether ``r``'s subject is the object of a verb that casts it "as" the best of a kind
    (:func:`kg.extract.rules.args.casts`: "establishing Grupo Bimbo as the largest bakery
    firm"), which founds nothing."""
    from kg.extract.rules.args import casts

    a = _token_span(ctx.doc, r.subject_span)
    return a is not None and casts(ctx, ctx.doc[tokens_of(ctx.doc).root(*a)].head)


def made_by_another(ctx: DocContext, r: Relation) -> bool:
    """Whether the founding verb nearest above ``r``'s organisation (a word of ``ontology/words.toml``
    ``model_sentence_words`` for foundedBy) names who made it, its subject, agent or a "with" partner
    named, and each of them is a body or a deal (``making_nouns``), no person: "before its merger with
    NIC to create NCBA" (the merger made it), "a bank jointly established with the central bank". A
    verb with no maker of its own takes the subject of the verb it completes ("left to create X"),
    or the noun it describes.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = ("Mr Odinga served as the Group Managing Director of the Commercial Bank of Kessel (CBK) before "
    ...         "its merger with NIC to create NCBK.")
    >>> g = extract(Document.from_text(text, "x"))
    >>> sorted({r.obj.rsplit("/", 1)[-1] for r in g.relations if r.predicate == "foundedBy"})
    ['Commercial_Bank_of_Kessel']
    """
    org = _token_span(ctx.doc, r.subject_span)
    if org is None:
        return False
    words = word_lists(ctx.lexicon, "model_sentence_words").get("foundedBy", frozenset())
    t = tokens_of(ctx.doc)
    verb = next((ctx.doc[i] for i in t.up(t.root(*org))[1:] if t.lower[i] in words and t.pos[i] == "VERB"), None)
    if verb is None:
        return False
    by_token = ctx.resolved.by_token
    makers = [c for c in verb.children if c.dep_ == "nsubj"] + [  # who founds, or founded it "by" or with a name
        p for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "with")
        for p in c.children if p.dep_ == "pobj" and (c.dep_ == "agent" or _names(p, by_token))]  # not "with courses"
    if not makers and verb.dep_ in {"xcomp", "acl", "advcl"}:
        head = verb.head  # "left to create X": who left; "its merger with NIC to create X": the merger
        makers = [c for c in head.children if c.dep_ == "nsubj"] if head.pos_ in {"VERB", "AUX"} else [head]
    deeds = ctx.lexicon.words.rules.get("making_nouns", frozenset())
    def a_body_or_deal(maker: Token) -> bool:
        classes = _names(maker, by_token)
        return maker.lemma_.lower() in deeds or (bool(classes) and "Person" not in classes)

    return bool(makers) and all(map(a_body_or_deal, makers))


def _names(token: Token, by_token: dict) -> set[str]:  # type: ignore[type-arg]
    """The classes of the names ``token`` is, or has joined to it or in apposition ("Ann Roe and
    Tom Vell", "its editor, Tom Vell")."""
    return {by_token[k.i].cls for k in (token, *(c for c in token.children if c.dep_ in {"conj", "appos"}))
            if k.i in by_token}


def for_a_piece(ctx: DocContext, r: Relation) -> bool:
    """Whether ``r``'s object is named for a piece of writing or talk (``ontology/words.toml``
    ``piece_nouns``): "Brooks wrote in an op-ed for The Globe Herald", "an interview with the
    BBC" make no employer.

    >>> from kg.pipeline import extract
    >>> from kg.types import Document
    >>> text = "Economist Laura Byrne wrote in an op-ed for The Globe Herald that rates were too high."
    >>> [r.predicate for r in extract(Document.from_text(text, "x")).relations if r.predicate == "worksFor"]
    []
    """
    b = _token_span(ctx.doc, r.object_span)
    if b is None:
        return False
    root = ctx.doc[tokens_of(ctx.doc).root(*b)]
    pieces = ctx.lexicon.words.rules.get("piece_nouns", frozenset())
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    noun = root.head.head
    return noun.lower_ in pieces or ctx.doc[max(noun.i - 2, 0):noun.i + 1].text.lower() in pieces  # "op-ed"


def someone_elses(ctx: DocContext, r: Relation) -> bool:
    """Whether the verb nearest above ``r``'s object has a subject that is another entity
    than ``r``'s two ends (or a noun that names no entity), and none that is its subject:
    "Bill Gates founded Microsoft, and the company moved to the Seattle area" puts Seattle
    in the company's clause, "Ann Lee, whose husband worked at IBM" IBM in his, "will replace
    Alain Lorenzo who is moving back to Paris" Paris in Lorenzo's (a relative pronoun NER's
    parse did not tie is the name right before it); so is an object that hangs on another
    person's name below that verb (:func:`hangs_on_another`), or in a participle's clause of
    another subject ("Puchercos has 20 years' experience, having served at Lafarge"). A verb
    without a subject of its own ("to join") has the subject of the verb it completes, or
    that verb's object: "He became chief when Ann Roe left to join the UN" puts the UN in
    Ann Roe's clause.
    """
    if hangs_on_another(ctx, r):
        return True
    b = _token_span(ctx.doc, r.object_span)
    if b is None:
        return False
    t = tokens_of(ctx.doc)
    by_token = ctx.resolved.by_token
    i = next((i for i in t.up(t.root(*b)) if t.pos[i] in {"VERB", "AUX"}), None)
    if i is None:
        return False
    verb = ctx.doc[i]
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    while not subjects and verb.head.pos_ in {"VERB", "AUX"} and (
            verb.dep_ == "xcomp" or (verb.dep_ == "conj" and verb.head.dep_ == "relcl")):
        # "left to join": who left; "asked him to join": him; "Puchercos has 20 years' experience,
        # having served at Lafarge": Puchercos; "Roald Hoffman, who won the prize and now teaches
        # at Cornell": who won it (a relative clause's: other verbs joined are parsed too loosely)
        xcomp = verb.dep_ == "xcomp"
        verb = verb.head
        subjects = ([c for c in verb.children if c.dep_ == "dobj"] if xcomp else []) \
            or [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subjects += [g for c in subjects for g in c.children if g.dep_ == "conj"]  # "She and Hugh moved"
    subjects = [c for c in subjects if c.lower_ != "we"]  # "we moved to Italy, where I ...": the narrator too
    named = {by_token[c.i].iri for c in subjects if c.i in by_token}
    named |= {by_token[w].iri for c in subjects if c.i not in by_token and c.tag_ in {"WP", "WDT"}
              for w in [_before_comma(ctx.doc, c.i)] if w in by_token}  # "Alain Lorenzo who ... is moving"
    if r.subject in named:
        return False
    if r.obj in named and verb.lemma_ in _SOURCE_VERBS and verb.idx > r.subject_span[0] \
            and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return True  # "X was elected chief minister on Thursday, Express News reported": the story's source
    # another entity, or a noun that names no one kg knows ("whose husband worked at IBM")
    return bool(named - {r.obj}) or any(c.i not in by_token and c.pos_ == "NOUN" for c in subjects)


#: Verbs by which a source tells the story after it ("..., Express News reported"): not its people's employer.
_SOURCE_VERBS = frozenset({"report", "say", "quote", "cite", "write", "tell", "confirm"})


def hangs_on_another(ctx: DocContext, r: Relation) -> bool:
    """Whether ``r``'s object hangs, below its verb, on another person's name or on a noun in
    apposition to one: "He succeeds Tom Beck, the executive vice president of Summit Materials",
    "the Union Front's Boris Ekland", "won against his opponent, Liberal Party bet ..., Patrick
    Javier" (the relation is that person's)."""
    b = _token_span(ctx.doc, r.object_span)
    if b is None:
        return False
    t = tokens_of(ctx.doc)
    by_token = ctx.resolved.by_token
    chain = t.up(t.root(*b))
    i = next((i for i in chain if t.pos[i] in {"VERB", "AUX"}), None)
    below = chain[:chain.index(i) if i is not None else len(chain)]
    if any(by_token[k].cls == "Person" and by_token[k].iri not in {r.subject, r.obj} and t.dep[k] != "conj"
           and not any(c.dep_ == "conj" for c in ctx.doc[k].children)  # "by Kroto, Curl and Smalley at Rice": all
           for k in below if k in by_token):
        return True
    if any(c.dep_ == "appos" and c.i in by_token and by_token[c.i].cls == "Person"
           and by_token[c.i].iri not in {r.subject, r.obj} for k in below if k not in by_token
           for c in ctx.doc[k].children):
        return True
    owner = _possessor_after(ctx, b[1])  # "Lok Janshakti Party (LJP)'s Pashupati Paras": the parse hangs it loose
    return owner is not None and owner not in {r.subject, r.obj}


def _possessor_after(ctx: DocContext, end: int) -> str | None:
    """The person whose name follows the "'s" after a name ending at token ``end`` (past a
    bracketed short name: "the Kessel Party (KP)'s Ann Lee"), or None."""
    t, by_token = tokens_of(ctx.doc), ctx.resolved.by_token
    i = end
    if i < len(t.lower) and t.word(i) == "(":
        i = next((k + 1 for k in range(i, min(i + 6, len(t.lower))) if t.word(k) == ")"), i)
    if i + 1 >= len(t.lower) or t.lower[i] not in {"'s", "’s"}:
        return None
    named = by_token.get(i + 1)
    return named.iri if named is not None and named.cls == "Person" else None


def _before_comma(doc: Doc, i: int) -> int:
    """The token before ``doc[i]``, past a comma: the antecedent's end for a relative pronoun."""
    j = i - 1
    return j - 1 if j > 0 and doc[j].text == "," else j


def one_subject(ctx: DocContext, found: list[Relation]) -> list[Relation]:
    """The model's relations less those that give an object a second subject in a sentence.

    For the properties ``ontology/words.toml`` lists in ``one_subject_per_sentence``
    ("TSMC, headquartered in Hsinchu, makes Nvidia's chips": Hsinchu is TSMC's,
    not Nvidia's): a rule that states the property of one subject and the object
    leaves the model no other subject for that object in that sentence, and of the
    model's own subjects only the entity nearest to the object in the parse stays
    (the fewest dependency arcs; of those, the likeliest), with all its mentions:
    "Schatz replaced Daniel Inouye after his death in 2012" dates Inouye's death
    ("his" and "Daniel Inouye"), not Schatz's.
    """
    single = ctx.lexicon.words.rules.get("one_subject_per_sentence", frozenset())
    ruled: dict[tuple[str, str, str], set[str]] = {}
    for r in ctx.relations:
        if r.predicate in single:
            ruled.setdefault((r.predicate, r.obj, r.sentence), set()).add(r.subject)
    best: dict[tuple[str, str, str], tuple[tuple[int, float], Relation]] = {}  # lowest rank best
    for r in found:
        key = (r.predicate, r.obj, r.sentence)
        if r.predicate in single:
            rank = (_arcs(ctx.doc, r), -r.confidence)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, r)
    out = []
    for r in found:
        key = (r.predicate, r.obj, r.sentence)
        if r.predicate in single and (r.subject not in ruled.get(key, {r.subject})
                                      or best[key][1].subject != r.subject):
            continue
        out.append(r)
    return out


def _arcs(doc: Doc, r: Relation) -> int:
    """Dependency arcs between the heads of a relation's two mentions (99: none found)."""
    a, b = _token_span(doc, r.subject_span), _token_span(doc, r.object_span)
    if a is None or b is None:
        return 99
    t = tokens_of(doc)
    left, right = t.meet(t.root(*a), t.root(*b))
    return len(left) + len(right) - 2 if left else 99


def evidence_words(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> frozenset[str]:
    """Lemmas that say how subject ``a`` relates to object ``b`` (token spans).

    The nearest word that governs the object in the parse (a verb, noun or
    adjective outside both mentions, over prepositions: "born in Mobile",
    "CEO of Apple", "Apple's CEO") and, when the two mentions are at most three
    words apart, the words between them ("Apple CEO Tim Cook"). A property's
    trigger word must be one of these for the relation classifier to state it
    alone (``model_needs_trigger`` in ``ontology/words.toml``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Mary Smith lives in Denver and was born in Ohio.")
    >>> sorted(evidence_words(doc, (0, 2), (4, 5))), sorted(evidence_words(doc, (0, 2), (9, 10)))
    (['in', 'live'], ['bear'])
    """
    inside = set(range(*a)) | set(range(*b))
    out: set[str] = set()
    t = tokens_of(doc)
    node = t.root(*b)
    for _ in range(8):
        if t.head[node] == node:
            break
        node = t.head[node]
        if node in range(*a):
            break
        if node not in inside and t.pos[node] in {"VERB", "NOUN", "ADJ"}:
            out.add(t.words[node])  # lemma_.lower() or lower_
            break
    first, second = sorted((a, b))
    between = [i for i in range(first[1], second[0]) if not t.punct[i]]
    if len(between) <= 3:
        out.update(t.words[i] for i in between)  # lemma_.lower() or lower_
    return frozenset(out)


def _token_span(doc: Doc, chars: tuple[int, int]) -> tuple[int, int] | None:
    span = doc.char_span(*chars, alignment_mode="expand")
    return None if span is None else (span.start, span.end)


def triggered(ctx: DocContext, r: Relation) -> bool:
    """Whether one of ``r``'s property's trigger words stands between or on the path between its ends:
    :func:`evidence_words`, or a lemma on the parse path from the object up to the
    word both ends hang on, that word's direct object included but not the word itself
    ("he completed his studies at X": study there; "she lives in Denver and was born
    in Ohio": no residence in Ohio).
    """
    a, b = _token_span(ctx.doc, r.subject_span), _token_span(ctx.doc, r.object_span)
    if a is None or b is None:
        return False
    words = evidence_words(ctx.doc, a, b) | _path_lemmas(ctx.doc, a, b)
    return any(r.predicate in ctx.lexicon.signalled_by(w) for w in words)


def _path_lemmas(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> set[str]:
    """The lemmas on the parse path from the head of token span ``b`` up to the word that
    governs both spans (that word left out, its direct object in), outside both spans."""
    t = tokens_of(doc)
    _, right = t.meet(t.root(*a), t.root(*b))
    if not right:  # no common ancestor: the object's chain to its root
        right = t.up(t.root(*b)) + [-1]
    below, common = right[:-1], right[-1:]
    objects = [c.i for i in common if i >= 0 for c in doc[i].children if c.dep_ == "dobj"]
    inside = set(range(*a)) | set(range(*b))
    return {t.words[i] for i in (*below, *objects) if i not in inside}


def listed_together(x: Token, y: Token) -> bool:
    """Whether two names are items of one list: conjuncts of one another, or of one head.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Warburg Pincus, General Atlantic and Permira invest; Ann Lee joined Permira.")
    >>> listed_together(doc[1], doc[6]), listed_together(doc[9], doc[11])
    (True, False)
    """
    def first(t: Token) -> Token:  # "X, Y and Z" (parsed as appositions too); not "Ann Roe (Labour Party)"
        while t.dep_ in {"conj", "appos"} and t.head.i < t.i and t.doc[t.left_edge.i - 1].text != "(":
            t = t.head
        return t
    return x.i != y.i and first(x).i == first(y).i and (x.dep_ == "conj" or y.dep_ == "conj")


def _dated_by_another_verb(date: Token) -> bool:
    """Whether a date is the time of a verb other than "born" ("joined ABT in 1995").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Roe, who was born in 1970, joined Acme in 1995.")
    >>> _dated_by_another_verb(doc[6]), _dated_by_another_verb(doc[12])
    (False, True)
    """
    verb = date.head.head if date.dep_ == "pobj" else date.head if date.dep_ in {"npadvmod", "tmod"} else None
    return verb is not None and verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() not in {"bear", "be"}


def _said_beside_names(words: frozenset[str], lower: list[str], start: int, end: int, a: Side, b: Side) -> bool:
    """Whether tokens ``start`` to ``end`` (a sentence) hold one of ``words`` outside the pair's
    two names: "ranked by the Stanford University" has no word of study but the name's own.

    >>> lower = "he was ranked by the stanford university".split()
    >>> a, b = Side("x", "Person", 0, 1, 0, 2, 0), Side("y", "Organization", 5, 7, 20, 40, 6)
    >>> _said_beside_names(frozenset({"university"}), lower, 0, 7, a, b)
    False
    >>> _said_beside_names(frozenset({"university", "ranked"}), lower, 0, 7, a, b)
    True
    """
    first, second = (a, b) if a.start < b.start else (b, a)
    return any(not words.isdisjoint(lower[i:j]) for i, j in
               ((start, first.start), (first.end, second.start), (second.end, end)))


def _dates_another_word(date: Token, words: frozenset[str]) -> bool:
    """Whether a date is the time of a verb or noun none of ``words`` (a property's words,
    ``model_sentence_words``) is, nor "be": "had a net worth of $8.6 billion in 2022", not
    "founded in 1865" or "Acme's 1990 founding".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Acme, founded in 1865, had a net worth of $8 billion in 2022.")
    >>> words = frozenset({"founded", "found"})
    >>> _dates_another_word(doc[4], words), _dates_another_word(doc[15], words)
    (False, True)
    """
    word = date.head.head if date.dep_ == "pobj" else date.head if date.dep_ in {"npadvmod", "tmod", "compound",
                                                                                   "nummod"} else None
    return word is not None and word.i != date.i and word.pos_ in {"VERB", "AUX", "NOUN"} \
        and word.lower_ not in words and word.lemma_.lower() not in words and word.lemma_ != "be"


def _listed_places(doc: Doc, resolved: Resolved, side: Side) -> bool:
    """Whether a place is one of a list of three places or more joined by "and" or "or" ("in
    Egypt, Algeria and Senegal"; not "in Oakland, California, United States").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("It has ports in Egypt, Algeria and Senegal.", "x"))
    >>> egypt = next(s for s in sentence_sides(ctx.doc, ctx.resolved)[0] if s.start == 4)
    >>> _listed_places(ctx.doc, ctx.resolved, egypt)
    True
    """
    head = doc[side.root]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    items = (head, *head.conjuncts)
    places = [t for t in items if (m := resolved.by_token.get(t.i)) is not None and m.cls == "Place"]
    return len(places) >= 3 and any(c.dep_ == "cc" for t in items for c in t.children)


def place_on_title(doc: Doc, person: tuple[int, int], place: tuple[int, int],
                   offices: frozenset[str] = frozenset()) -> bool:
    """Whether the place (token span) qualifies a title just before the person's name
    (token span): "Atlanta businessman Neil Estes"; not a title of ``offices``, whose
    place is the office's ("Japan coach Ken Sato", "Cairns Airport CEO": ``ontology/words.toml``
    ``offices``, as :mod:`kg.extract.rules.nationalities` reads them).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Chicago lawyer Ann Lee met Bob Day in Paris.")
    >>> place_on_title(doc, (2, 4), (0, 1)), place_on_title(doc, (5, 7), (8, 9))
    (True, False)
    >>> doc = load_nlp()("Japan coach Ken Sato named his squad.")
    >>> place_on_title(doc, (2, 4), (0, 1)), place_on_title(doc, (2, 4), (0, 1), frozenset({"coach"}))
    (True, False)
    """
    root = doc[tokens_of(doc).root(*place)]
    title = root.head
    if title.lower_ == "area" and title.i + 1 < len(doc) and doc[title.i + 1].lower_ in offices:
        return False  # "Toronto-area MP Nate Erskine-Smith": the seat's area
    return (root.dep_ in {"compound", "nmod", "amod"} and not place[0] <= title.i < place[1]
            and title.lower_ not in offices
            and title.dep_ in {"compound", "nmod"} and title.i < person[0]
            and person[0] <= title.head.i < person[1])


def excluded(listed: frozenset[str], doc: Doc, sent: Span, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the words that tie ``b`` to ``a`` (token spans) say something other than
    the property: one of ``listed`` (its ``ontology/words.toml`` ``[rules]
    model_excluding_words``, :func:`word_lists`) between them, on the parse path
    (:func:`evidence_words`, :func:`_path_lemmas`) or as the object of the verb ``b``
    hangs on ("has offices in Detroit": a branch, no headquarters; "the father of A
    and the grandfather of B": B is no parent), unless a "head" or "main" comes
    before the listed word in the sentence ("its head office is in Leeds"); the word before
    ``b``'s preposition counts too, wherever the parse hangs it ("worked on Velta's joint
    venture with Kestrel Airways").

    >>> from kg.extract.nlp import load_nlp
    >>> from kg.lexicon import load_lexicon
    >>> doc = load_nlp()("Corvo Films is headquartered in Boston and has offices in Detroit.")
    >>> offices = word_lists(load_lexicon(), "model_excluding_words")["headquarteredIn"]
    >>> [excluded(offices, doc, doc[:], (0, 2), (i, i + 1)) for i in (5, 10)]
    [False, True]
    >>> doc = load_nlp()("She later worked on Velta's joint venture with Kestrel Airways.")
    >>> excluded(word_lists(load_lexicon(), "model_excluding_words")["worksFor"], doc, doc[:], (0, 1), (9, 11))
    True
    """
    governor = doc[tokens_of(doc).root(*b)]
    while governor.dep_ in {"pobj", "prep"} and governor.head.i != governor.i:
        governor = governor.head  # "has offices in Detroit": the verb, and its object below
    words = evidence_words(doc, a, b) | _path_lemmas(doc, a, b) | {
        c.lemma_.lower() for c in governor.children if c.dep_ == "dobj"}
    prep = doc[tokens_of(doc).root(*b)].head
    if prep.dep_ == "prep" and prep.i == b[0] - 1 and prep.i > 0 and not a[0] <= prep.i - 1 < a[1]:
        words |= {doc[prep.i - 1].lemma_.lower()}  # "its joint venture with Kestrel Air", however attached
    if words.isdisjoint(listed):
        return False
    lemmas = tokens_of(doc).lemma[sent.start:sent.end]
    return not any(x in {"head", "main"} and y in listed for x, y in zip(lemmas, lemmas[1:]))


def sent_to(obj: Token, envoys: frozenset[str] | set[str]) -> bool:
    """Whether the object is the body an envoy is sent "to" (``words.toml`` ``envoy_nouns``):
    "ambassador and permanent representative to the Organization of American States".

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("She is the UK's permanent representative to the United Nations.")
    >>> sent_to(doc[10], {"representative", "ambassador"}), sent_to(doc[3], {"representative"})
    (True, False)
    """
    prep = obj.head
    return obj.dep_ == "pobj" and prep.lower_ == "to" and prep.i > 0 and (
        prep.head.lower_ in envoys or obj.doc[prep.i - 1].lower_ in envoys)


def parents_of_employers(relations: Iterable[Relation]) -> set[tuple[str, str]]:
    """(person, parent) for each parent company of an organisation a person works for or leads,
    by the rules: the classifier's "leads" or "worksFor" of the parent is the subsidiary's
    ("Cooper was CEO of Round Oak Minerals, a subsidiary of Vexo": he leads no Vexo).

    >>> from kg.types import Relation
    >>> def rel(s, p, o):
    ...     return Relation(s, p, o, "d", "", (0, 1), (0, 1), 0.7, "rule:title")
    >>> parents_of_employers([rel("cooper", "leads", "round_oak"), rel("round_oak", "subsidiaryOf", "vexo")])
    {('cooper', 'vexo')}
    """
    relations = list(relations)
    parents: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate == "subsidiaryOf":
            parents.setdefault(r.subject, set()).add(r.obj)
    return {(r.subject, parent) for r in relations if r.predicate in {"leads", "worksFor"}
            for parent in parents.get(r.obj, ())}


def _organisation_places(ctx: DocContext) -> set[tuple[int, str]]:
    """(place mention's first character, property) for places a rule locates an organisation in.

    ``ontology/words.toml`` ``[rules] organisation_place_not`` lists the properties
    (livesIn) the classifier may not state, without a trigger word, of a person
    and a place that a rule in the same sentence gives as an organisation's
    location ("studied at Brookfield School in Hamilton", "played at Joe's Roadhouse in Leeds").
    """
    barred = ctx.lexicon.words.rules.get("organisation_place_not", frozenset())
    if not barred:
        return set()
    classes = {e.iri: e.cls for e in ctx.resolved.entities}
    return {(r.object_span[0], label) for r in ctx.relations
            if r.predicate in {"locatedIn", "headquarteredIn"} and classes.get(r.subject) == "Organization"
            for label in barred}


def model_thresholds(lexicon: Lexicon, default: float) -> dict[str, float]:
    """Each property's probability a relation classifier needs to state it.

    ``ontology/words.toml`` ``[model_threshold]`` gives some properties their
    own; the others take ``default`` (the run's ``--relation-threshold``). The
    higher of the two applies, so raising ``--relation-threshold`` raises them
    all; 1.0 means the classifier never states the property (rules still do).

    >>> from kg.lexicon import load_lexicon
    >>> limits = model_thresholds(load_lexicon(), 0.5)
    >>> limits["spouse"], model_thresholds(load_lexicon(), 0.95)["spouse"]
    (0.5, 0.95)
    """
    table = lexicon.words.model_threshold
    unknown = sorted(set(table) - set(lexicon.properties))
    if unknown:
        raise OntologyError(f"ontology/words.toml [model_threshold] names {unknown[0]!r}, which is no "
                            f"property; valid: {', '.join(sorted(lexicon.properties))}")
    return {name: max(table.get(name, default), default) for name in lexicon.properties}


def stated(probability: float, threshold: float) -> bool:
    """Whether a classifier's ``probability`` reaches ``threshold`` (never at 1.0)."""
    return threshold < 1.0 and probability >= threshold


def predict_relations(ctx: DocContext, model: RelationModel, threshold: float = 0.5) -> list[Relation]:
    """Relations the model scores at ``threshold`` or above, where domain and range fit.

    A property ``ontology/words.toml`` ``[model_threshold]`` lists needs its own
    threshold there when that is higher (:func:`model_thresholds`).

    ``ctx.relations``: what kg's rules found in the document, which the model
    reads as evidence. A property ``ontology/words.toml`` lists in
    ``model_needs_trigger`` also needs one of its trigger words between the two
    mentions or on the path between them (:func:`evidence_words`): the model
    alone says "Tim Cook, born in Mobile" lives there; one it lists in
    ``model_sentence_words`` needs one of its words in the sentence, unless it is in
    ``model_title_place`` and the place qualifies the person's title
    (:func:`place_on_title`: "Atlanta businessman Neil Estes"). A worksFor whose
    organisation is a party, team, academy... is memberOf
    (:func:`kg.extract.rules.args.membership`).
    """
    doc, resolved, lexicon, doc_id = ctx.doc, ctx.resolved, ctx.lexicon, ctx.doc_id
    pairs = list(candidate_pairs(doc, resolved))
    if not pairs:
        return []
    context = Context.of(lexicon, list(ctx.relations), resolved)
    tokens = tokens_of(doc)  # kept: one_subject and the trigger checks read the same table
    probabilities = model.probabilities([pair_row(doc, a, b, context, tokens) for _, a, b in pairs])
    # each pair's likeliest label and its probability, read for all pairs at once
    bests, tops = probabilities.argmax(axis=1).tolist(), probabilities.max(axis=1)
    best_of: dict[tuple[str, str | None, str], float] = {}  # read for labels other than "none"
    for (_, a, b), best, top in zip(pairs, bests, tops.tolist()):
        label = model.labels[best]
        if label != NONE:
            best_of[(a.iri or "", b.iri, label)] = max(best_of.get((a.iri or "", b.iri, label), 0.0), top)
    needs_trigger = lexicon.words.rules.get("model_needs_trigger", frozenset())
    sentence_words = word_lists(lexicon, "model_sentence_words")
    excluding = word_lists(lexicon, "model_excluding_words")
    title_places = lexicon.words.rules.get("model_title_place", frozenset())
    org_places = _organisation_places(ctx)
    parents = parents_of_employers(ctx.relations)
    envoys = lexicon.words.rules.get("envoy_nouns", frozenset())
    leader_words = lexicon.words.rules.get("leader_words", frozenset())
    staff_titles = lexicon.words.rules.get("staff_titles", frozenset())
    candidates = lexicon.words.rules.get("candidate_titles", frozenset())
    offices = lexicon.words.rules.get("offices", frozenset()) | candidates  # "Morena candidate Delfina
    # Gomez": a party or a seat, no home
    units = lexicon.words.rules.get("unit_nouns", frozenset())
    kin_nouns = frozenset(lexicon.words.mentions.get("kin_nouns", ())) | frozenset(
        lexicon.words.mentions.get("others_nouns", ()))  # "His father died", "Ramage's deputy is an Australian"
    member_nouns = lexicon.words.rules.get("member_nouns", frozenset())
    examples = lexicon.words.rules.get("example_prepositions", frozenset())
    limits = model_thresholds(lexicon, threshold)
    coaches = {r.subject for r in ctx.relations if r.predicate == "jobTitle" and not r.former
               and not staff_titles.isdisjoint(r.obj.lower().split())}  # the document's coaches and managers
    out = []
    for (sent, a, b), best, top in zip(pairs, bests, tops):  # top: numpy's float32, compared as before
        label = model.labels[best]
        spec = lexicon.properties.get(label)
        if label == NONE or spec is None or top < threshold:
            continue
        if not spec.allows(a.cls, None if b.iri is None else b.cls):
            continue
        # "Cook, Apple's CEO, lives in X": residence needs a word that says so; so does a place
        # a rule gives an organisation ("educated at Brookfield School in Hamilton": not his home)
        if (label in needs_trigger or (b.start_char, label) in org_places) and not any(
                label in lexicon.signalled_by(w)
                for w in evidence_words(doc, (a.start, a.end), (b.start, b.end))):
            continue
        if label in sentence_words and not _said_beside_names(sentence_words[label], tokens.lower, sent.start,
                                                              sent.end, a, b) \
                and not (label in title_places and place_on_title(doc, (a.start, a.end), (b.start, b.end), offices)):
            continue  # "a street in Valparaiso bears his name": no word of birth
        if label in excluding and excluded(excluding[label], doc, sent, (a.start, a.end), (b.start, b.end)):
            continue  # "has offices in Detroit": an office is no headquarters
        if label == "foundedBy" and _a_board_member(tokens, a, b):
            continue  # "He is a founding board member of The Big Issue": on its first board, no founder
        if label == "birthDate" and b.iri is None and _dated_by_another_verb(doc[b.root]):
            continue  # "Corella, who was born in Madrid, joined ABT in 1995": the joining's year
        if label == "foundingDate" and b.iri is None and _dates_another_word(doc[b.root], sentence_words[label]):
            continue  # "The founder of Penoles, Bailleres had a net worth of $8.6 billion in 2022": no founding's year
        if label == "headquarteredIn" and _listed_places(doc, resolved, b):
            continue  # "It operates terminals in five countries – Egypt, Algeria and Senegal": no headquarters
        if (label in _EMPLOYERS or (not spec.symmetric and b.iri and a.cls == b.cls == "Organization")) \
                and listed_together(doc[tokens.root(a.start, a.end)], doc[tokens.root(b.start, b.end)]):
            continue  # "Warburg Pincus, General Atlantic, Permira: all firms": a list, no one's employer
        if not spec.symmetric and b.iri and best_of.get((b.iri, a.iri, label), 0.0) > top:
            continue  # the other direction is likelier: one of them is wrong
        if label in {"childOf", "spouse"} and _kin_of_another(doc, resolved, a, b, lexicon, label):
            continue  # "Erdogan called Koc's father, Rahmi Koc": Koc's father, not Erdogan's
        if label in _OWN_LIFE and through_kin(tokens, a, b, kin_nouns):
            continue  # "He has a brother living in Melbourne", "His father died in 1990": the relative's
        if label == "headquarteredIn" and through_another(tokens, a, b, resolved):
            continue  # "the Rockefeller Foundation's Africa Regional Office based in Nairobi": the office's
        if label in _EMPLOYERS and owns_a_thing(doc, b.end - 1, lexicon, context.classes):
            continue  # "Laskar used NASA's telescope": NASA owns the telescope, employs nobody here
        if label in _EMPLOYERS and (named_as_a_part(ctx, doc[b.root]) or _an_example(doc[b.root], examples)):
            continue  # "will lead a coalition made up of five parties: A, B ...": the coalition's parts;
            # "focused on specialist groups such as the Cotton Growers Association": an example, no employer
        if label in _EMPLOYERS and in_an_awards_name(doc, b.root):
            continue  # "winner of the Guinness PRO12 Coach of the Season Award": a sponsor, no employer
        literal = b.iri is None
        if literal and not any(c.isdigit() for c in ctx.text[b.start_char:b.end_char]):
            continue  # "became CEO of X Hospital in February": a month alone dates nothing
        said = evidence_words(doc, (a.start, a.end), (b.start, b.end)) if label == "worksFor" else frozenset()
        staff = not staff_titles.isdisjoint(said)  # "the head coach of Odisha FC"
        predicate = label if literal or staff else membership(ctx, label, b.start_char, b.end_char)
        if predicate == "worksFor" and not member_nouns.isdisjoint(said):
            predicate = "memberOf"  # "he was a member of the American Concrete Institute": no employer
        if predicate == "memberOf" and a_chamber(ctx.text[b.start_char:b.end_char], lexicon.words.rules) \
                and not candidates.isdisjoint(evidence_words(doc, (a.start, a.end), (b.start, b.end))):
            continue  # "the House of Representatives candidate, Kunle Adu": one who runs for a seat in it
        if predicate == "memberOf" and (named_as_staff(ctx, a) or a.iri in coaches):
            continue  # "the Chicago Bulls hired Billy Donovan as their new head coach": staff, which the rules say;
            # "Fijian Drua coach Mick Byrne ... with the blessing of the Drua management": a coach is no member
        if predicate == "leads" and names_a_unit(sent, b.iri, resolved, units):
            predicate = "worksFor"  # "named Ann Lee CEO of its office division": she leads the division
        if predicate == "leads" and leader_words.isdisjoint(tokens.lower[sent.start:sent.end]):
            predicate = "worksFor"  # "his most recent role of white winemaker at Kingston Estate": no leader
        if predicate in {"leads", "worksFor"} and (a.iri, b.iri) in parents:
            continue  # "CEO of Round Oak Minerals, a subsidiary of Vexo": he leads the subsidiary
        if predicate in {"leads", "worksFor"} and sent_to(doc[b.root], envoys):
            continue  # "permanent representative to the United Nations": the UK's envoy, no UN staff
        if not stated(float(top), limits.get(predicate, threshold)):
            continue  # [model_threshold]: the model's worksFor on unseen text is mostly wrong
        out.append(Relation(
            subject=a.iri or "",
            predicate=predicate,
            obj=ctx.text[b.start_char:b.end_char] if literal else b.iri or "",
            doc_id=doc_id, sentence=ctx.sentence_text(sent), subject_span=(a.start_char, a.end_char),
            object_span=(b.start_char, b.end_char), confidence=round(float(top), 3),
            extractor="model:pairs", object_is_literal=literal,
            former=predicate in _EMPLOYERS and held_before(ctx, doc[b.root]),
        ))
    return out


#: What one's relative does or is is not one's own: a home, a birth, a post, a school, a date.
_OWN_LIFE = frozenset({"livesIn", "bornIn", "nationality", "educatedAt", "worksFor", "leads", "memberOf",
                       "birthDate", "deathDate"})


def through_kin(t: Tokens, a: Side, b: Side, kin_nouns: frozenset[str]) -> bool:
    """Whether the parse path from ``a`` to ``b`` passes a kin noun that is not ``a`` itself: one
    ``a`` owns ("His father died in 1990") or one the object hangs on ("He has a brother living in
    Melbourne"); not the noun ``a`` names ("His brother Tom lives in Paris"), nor one whose verb is
    not the word the object hangs on ("After Anton's death in 1935, his sons ran the firm").

    >>> from kg.extract.nlp import load_nlp
    >>> t = Tokens.of(load_nlp()("He has a brother living in Melbourne. His brother Tom lives in Paris."))
    >>> side = lambda i: Side(None, "Person", i, i + 1, 0, 0, i)
    >>> kin = frozenset({"brother"})
    >>> through_kin(t, side(0), side(6), kin), through_kin(t, side(10), side(13), kin)
    (True, False)
    """
    left, right = t.meet(a.root, b.root)
    governor = next((i for i in right[1:] if t.pos[i] in {"VERB", "AUX", "NOUN"}), None)  # "died" of "in 1990"
    for chain, own in ((left, True), (right, False)):
        for k in range(1, len(chain)):
            i = chain[k]
            if a.start <= i < a.end or t.lower[i] not in kin_nouns or t.dep[i] in {"attr", "oprd"} \
                    or (t.dep[i] == "appos" and a.start <= t.head[i] < a.end):
                continue  # "He is a brother of the king", "Tova Lind, a partner of X": the noun is ``a``
            if own and (t.dep[chain[k - 1]] in {"appos", "compound", "flat", "nmod"} or t.head[i] != governor):
                continue  # "His brother Tom": Tom is the brother; "After Anton's death in 1935, his sons ..."
            return True
    return False


def _a_board_member(t: Tokens, a: Side, b: Side) -> bool:
    """Whether the parse path between an organisation and a person passes a board's member
    ("a founding board member of The Big Issue"; a "founding member" founded it)."""
    left, right = t.meet(a.root, b.root)
    return any(t.lower[i] in {"member", "members"} and any(t.lower[c] == "board" for c in t.children(i))
               for i in (*left, *right))


def through_another(t: Tokens, a: Side, b: Side, resolved: Resolved) -> bool:
    """Whether ``a`` owns another organisation the parse path to ``b`` passes, whose the
    relation is: "the Rockefeller Foundation's Africa Regional Office based in Nairobi" (the
    office is in Nairobi, not the foundation's headquarters); not another name of ``a``'s
    ("Kelly Services (NASDAQ: KELYB)").

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> text = "The Rockefeller Foundation's Africa Regional Office based in Nairobi was shut."
    >>> ctx = Pipeline().context(Document.from_text(text, "x"))
    >>> foundation = Side(ctx.resolved.by_token[1].iri, "Organization", 1, 3, 0, 0, 2)
    >>> through_another(Tokens.of(ctx.doc), foundation, Side(None, "Place", 9, 10, 0, 0, 9), ctx.resolved)
    True
    """
    left, _ = t.meet(a.root, b.root)
    if len(left) < 2 or t.dep[a.root] != "poss":
        return False
    hit = resolved.by_token.get(left[1])  # what ``a``'s possessive goes with
    return hit is not None and hit.cls == "Organization" and hit.iri not in {a.iri, b.iri}


def _an_example(token: Token, prepositions: frozenset[str]) -> bool:
    """Whether the name at ``token`` is one of the examples of a plural noun ("specialist groups
    such as the Cotton Growers Association and the Grain Producers Association", "rivals like
    Acme"; ``words.toml`` ``example_prepositions``).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("He focused on groups such as the Kessel Growers Association and the Vell Union.")
    >>> _an_example(doc[9], frozenset({"like"})), _an_example(doc[13], frozenset({"like"}))
    (True, True)
    """
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.tag_ not in {"NNS", "NNPS"}:
        return False
    return gives_examples(prep, prepositions)


def _kin_of_another(doc: Doc, resolved: Resolved, a: Side, b: Side, lexicon: Lexicon, label: str) -> bool:
    """Whether a kin word of ``label`` between two people, or one either is in apposition to
    (``kg:titleTrigger`` of childOf, spouse), is a third person's, by its possessor's name:
    "Erdogan called Koc's father, Rahmi Koc, to express his condolences" (Koc's father); or a
    noun of the tie ("marriage") is, by its possessor, a pronoun too: "Hope and Ginia, from her
    second marriage to Frank Rinehart" (the marriage of their mother, named before).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Tayyip Vell called Mustafa Koc's father, Rahmi Koc.", "x"))
    >>> people = [side for sides in sentence_sides(ctx.doc, ctx.resolved).values() for side in sides
    ...           if side.cls == "Person"]
    >>> _kin_of_another(ctx.doc, ctx.resolved, people[0], people[-1], ctx.lexicon, "childOf")
    True
    """
    start, end = min(a.end, b.end), max(a.start, b.start)
    # "Koc's father, Rahmi Koc": the kin word either name is in apposition to
    beside = [doc[side.root].head for side in (a, b) if doc[side.root].dep_ == "appos"]
    for token in (*doc[start:end], *beside):
        if label not in lexicon.signalled_by(token.lower_) or (
                token.lower_ not in lexicon.kin_titles and token.pos_ != "NOUN"):
            continue  # "the son of George Roe and his wife Ann": a wife says nothing of the son
        titled = token.lower_ in lexicon.kin_titles
        for c in token.children:
            hit = resolved.by_token.get(c.i) if c.dep_ == "poss" else None
            if hit is not None and hit.cls == "Person" and not (titled and hit.anaphor) \
                    and hit.iri not in {a.iri, b.iri}:
                return True  # a title's name, not its pronoun ("He and his wife Johanna"); any owner of a
                # marriage ("Hope and Ginia, from her second marriage to Frank Rinehart": their mother's)
    return False


def held_before(ctx: DocContext, obj: Token) -> bool:
    """Whether the verb the object hangs on (past its prepositions and the conjuncts before it)
    tells a post held before, no longer (:func:`kg.extract.rules.args.formerly`): "Before
    starting Nvidia, he worked at AMD and at LSI Logic" (LSI Logic too).

    >>> from kg.pipeline import Pipeline
    >>> from kg.types import Document
    >>> ctx = Pipeline().context(Document.from_text("Before starting Vexo, he worked at Acme and at Zentro.", "x"))
    >>> held_before(ctx, ctx.doc[10])
    True
    """
    verb = obj
    for _ in range(6):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        if verb.dep_ not in {"pobj", "prep", "conj", "dobj"}:
            return False
        verb = verb.head
    return verb.pos_ in {"VERB", "AUX"} and formerly(ctx, verb)
