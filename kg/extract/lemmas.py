"""spaCy's lemmatizer, asked once per distinct word form instead of once per token.

spaCy's rule lemmatizer (``en_core_web_sm``'s ``lemmatizer``) visits every
token in Python and calls ``rule_lemmatize``, whose own cache is keyed by the
token's (ORTH, POS, MORPH): 0.3 to 0.6 of 4.9 CPU s of the model on 600
KnowledgeNet documents, cache hits included. Its lemma is a function of those
three values alone (the word's text, and its POS and morphology for the rules
and ``is_base_form``; the lookup mode reads the text only), so
:class:`CachedLemmatizer` reads them for the whole Doc with ``Doc.to_array``,
looks each token's lemma up in a dict keyed exactly as spaCy's cache is, asks
the wrapped lemmatizer only for a key it has not seen, and writes the lemmas
back with ``Doc.from_array``: the same lemmas. As spaCy's component does, it
keeps a lemma already set (by the attribute ruler: "gon" -> "go") unless the
lemmatizer overwrites.

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> nlp = load_nlp()
>>> type(nlp.get_pipe("lemmatizer")).__name__
'CachedLemmatizer'
>>> [t.lemma_ for t in nlp("Apple's chips were running, and I'm gonna buy them.")]
['Apple', "'s", 'chip', 'be', 'run', ',', 'and', 'I', 'be', 'go', 'to', 'buy', 'they', '.']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The factory name of :class:`CachedLemmatizer`; it takes the lemmatizer's place (and name).
LEMMAS_ID = "kg_lemmas"
#: Modes whose lemma depends on the token's ORTH, POS and MORPH only.
_MODES = ("rule", "lookup")
#: Most word forms :class:`CachedLemmatizer` keeps (600 KnowledgeNet documents have 7,983).
CACHE_MAX = 2**17


def install(nlp: Language, name: str = "lemmatizer", fixed: dict[str, str] | None = None) -> bool:
    """Put a :class:`CachedLemmatizer` around ``nlp``'s lemmatizer ``name``, in its place;
    ``fixed``: word forms whose lemma is given ("co-founded": "co-found"), not asked.

    False (and the pipeline left as it is) when there is no such component, or
    it is not spaCy's own lemmatizer (or English's) in a mode whose lemma is a
    function of ORTH, POS and MORPH.
    """
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if type(stock) not in (Lemmatizer, EnglishLemmatizer) or stock.mode not in _MODES:
        return False
    if not Language.has_factory(LEMMAS_ID):
        Language.factory(LEMMAS_ID, default_config={"mode": "rule", "overwrite": False}, func=_make)
    cached = nlp.replace_pipe(name, LEMMAS_ID, config={"mode": stock.mode, "overwrite": stock.overwrite})
    cached.lemmatizer = stock
    strings = nlp.vocab.strings
    cached.fixed = {strings.add(form): strings.add(lemma) for form, lemma in (fixed or {}).items()}
    return True


def _make(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    """The factory: around the language's own lemmatizer, whose tables ``from_disk`` reads
    (a pipeline saved with ``nlp.to_disk`` loads back with ``spacy.load`` once kg is imported)."""
    return CachedLemmatizer(nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite}))


class CachedLemmatizer:
    """A pipeline component giving each token the lemma the wrapped ``lemmatizer`` gives it.

    ``cache`` maps (ORTH, POS, MORPH) to the lemma's string hash; it grows
    with the distinct word forms seen, up to :data:`CACHE_MAX` (then it starts
    again). A form not in it is lemmatized by a copy of ``lemmatizer``
    (:func:`answering`).
    """

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        self.fixed: dict[int, int] = {}  # ORTH -> LEMMA, for forms whose lemma is given
        self._answering: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if self._answering is None:
            self._answering = answering(self.lemmatizer)
        lemmatize, overwrite = self._answering.lemmatize, self.lemmatizer.overwrite
        cache, strings, fixed = self.cache, doc.vocab.strings, self.fixed
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = cache.get(key) or fixed.get(orth)
            if found is None:
                if len(cache) >= CACHE_MAX:  # memory stays flat however many words a corpus has
                    cache.clear()
                    getattr(self._answering, "cache", {}).clear()  # spaCy's own, in the copy asked
                found = cache[key] = strings.add(lemmatize(doc[i])[0])
            lemmas.append(found)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def __getstate__(self) -> dict[str, Any]:  # pickled without the copy: made again when needed
        return {**self.__dict__, "_answering": None}

    # saved and loaded as the wrapped lemmatizer is (its lookup tables)
    def to_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> None:
        self.lemmatizer.to_disk(path, exclude=exclude)

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> CachedLemmatizer:
        self.lemmatizer.from_disk(path, exclude=exclude)
        self.cache, self._answering = {}, None
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.lemmatizer.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> CachedLemmatizer:
        self.lemmatizer.from_bytes(data, exclude=exclude)
        self.cache, self._answering = {}, None
        return self


def answering(lemmatizer: Any) -> Any:
    """A lemmatizer like ``lemmatizer`` whose ``lemma_index`` word lists are sets.

    spaCy's rule lemmatizer asks whether each form its rules make is a known
    word (``form in index``) of a list of up to 57,528 nouns: a scan, most of
    its time. A set answers the same. The given lemmatizer is left as it is.

    >>> from spacy.lang.en.lemmatizer import EnglishLemmatizer
    >>> from spacy.lookups import Lookups
    >>> from spacy.vocab import Vocab
    >>> lookups = Lookups()
    >>> for name, table in [("lemma_index", {"noun": ["chip"]}), ("lemma_exc", {"noun": {"mice": ["mouse"]}}),
    ...                     ("lemma_rules", {"noun": [["s", ""]]})]:
    ...     _ = lookups.add_table(name, table)
    >>> stock = EnglishLemmatizer(Vocab(), None, mode="rule")
    >>> stock.initialize(lookups=lookups)
    >>> copy = answering(stock)
    >>> type(copy.lookups.get_table("lemma_index")["noun"]).__name__, type(stock.lookups.get_table("lemma_index")["noun"]).__name__
    ('frozenset', 'list')
    """
    from spacy.lookups import Lookups

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        lookups.add_table(name, {key: frozenset(value) if name == "lemma_index" and isinstance(value, list) else value
                                 for key, value in table.items()})
    copy = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name,
                            mode=lemmatizer.mode, overwrite=lemmatizer.overwrite)
    copy.initialize(lookups=lookups)  # checks the tables the mode needs, as spaCy's first call does
    return copy
