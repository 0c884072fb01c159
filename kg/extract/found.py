"""The mention stage's record: :class:`Found`, one cleaned name (or pronoun) in a parsed
document, and how one is made from a spaCy span, with what marks it a likely antecedent
(its clause role: :func:`_salient`) or a speaker (:func:`_speaker`).

:mod:`kg.extract.mentions` makes them (and re-exports :class:`Found`, which other modules
import from there); :mod:`kg.extract.anaphora` makes the pronouns'.

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> doc = load_nlp()("Ann Lee won a prize.")
>>> f = _found(doc[0:2], "Person", 1.0, None)
>>> f.text, f.cls, f.salient, f.speaker
('Ann Lee', 'Person', 2, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.extract.tokens import text_of, tokens_of
from kg.lexicon import load_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Found:
    """A cleaned name in one spaCy Doc: token span, characters, class vote."""

    start: int  # first token
    end: int  # one past the last token
    start_char: int
    end_char: int
    text: str
    cls: str
    weight: float
    canonical: str | None = None  # gazetteer label, when the gazetteer matched
    anaphor: bool = False  # a pronoun or "the company": it names whatever came before
    salient: int = 0  # 1: its clause's subject or the subject's possessor (a likely antecedent); 2: the main clause's
    sentence: int = 0  # index of the first token of its sentence
    antecedent: int | None = None  # first token of the mention a relative pronoun refers to
    demonym: bool = False  # "Belgian": refers to a country the gazetteer knows, is not its name
    author: bool = False  # "I", "we" outside quotes: whoever wrote the document
    after_name: bool = False  # a proper-noun subject comes before it, found as a name or not
    apart: frozenset[int] = frozenset()  # tokens it cannot be: "she" in "she married X" is not X
    clause_subject: int | None = None  # "its", "his": the head of its own clause's subject, before it
    objective: bool = False  # "him", "her" as an object: a person named earlier in its sentence first
    # the last main clause's proper-noun subject before it that no name was found on, and its phrase's end
    loose_subject: tuple[int, int] | None = None
    speaker: bool = False  # the subject of "said", "told" ...: the pronoun after it may be whom it spoke of
    addressed: bool = False  # spoken to or quoted from ("speaking to the Daily Graphic"): no "the company"
    nominal_subject: tuple[int, int, int] | None = None  # "it": a common noun subject just before it ("the
    # society has ..."): its token and its phrase's first and one past its last token
    gender: str | None = None  # "m" or "f" a noun the name goes with says ("the son of", "King"): :func:`_noun_gender`



def _found(span: Span, cls: str, weight: float, canonical: str | None,
           anaphor: bool = False) -> Found:
    root = span.root
    return Found(span.start, span.end, span.start_char, span.end_char, text_of(span), cls,
                 weight, canonical, anaphor, _salient(root), tokens_of(span.doc).sentence[root.i],
                 speaker=_speaker(root), gender=None if anaphor else _noun_gender(root))


def _noun_gender(root: Token) -> str | None:
    """The gender a noun said of the name gives it: "Skweyiya is the son of Winnie Skweyiya",
    "Zola, her son", "her son Zola", "King Salman" (``ontology/words.toml`` ``male_nouns``,
    ``female_nouns``); None when none does, or two disagree.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Zola Dube is the son of Winnie Dube. Her daughter, Ama, sang.")
    >>> _noun_gender(doc[1]), _noun_gender(doc[7]), _noun_gender(doc[12])
    ('m', None, 'f')
    >>> _noun_gender(load_nlp()("Dube was born in Durban and is the son of a teacher.")[0])
    'm'
    """
    t = tokens_of(root.doc)
    i = root.i
    nouns = [c for c in t.children(i) if t.dep[c] in {"appos", "compound"}]  # "Zola, her son", "King Salman"
    if t.dep[i] in {"appos", "compound"}:
        nouns.append(t.head[i])  # "her son, Zola", "her son Zola"
    if t.dep[i] in {"nsubj", "nsubjpass"}:  # "Zola is the son of ...", "Zola was born in X and is the son of ..."
        verb = t.head[i]
        verbs = [verb, *(c for c in t.children(verb) if t.dep[c] == "conj" and not any(
            t.dep[k] in {"nsubj", "nsubjpass"} for k in t.children(c)))]
        nouns += [c for v in verbs if t.lemma[v] == "be" for c in t.children(v) if t.dep[c] == "attr"]
    said = {g for n in nouns for g, words in _GENDERED.items() if t.lower[n] in words}
    return said.pop() if len(said) == 1 else None


_GENDERED = {"m": load_words().mentions["male_nouns"], "f": load_words().mentions["female_nouns"]}


#: Verbs that report speech: their subject is the speaker, not what was spoken of.
SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "state", "note", "explain", "comment", "remark"})


def _speaker(token: Token) -> bool:
    """Whether ``token`` is the subject of a verb that reports speech ("..., Ann Roe said").

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()('"We won," said Ann Roe. Ann Roe won.')
    >>> _speaker(doc[7]), _speaker(doc[10])
    (True, False)
    """
    return token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_ in SPEECH_VERBS


def _salient(token: Token) -> int:
    """Subjects, and possessors of subjects ("the company's plans"), are what pronouns recall:
    2 for the main clause's, 1 for another clause's ("a show about which Roberta Smith
    wrote"), 0 for the rest.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("Ann Lee won a prize, which Bob Roe praised.")
    >>> _salient(doc[1]), _salient(doc[8]), _salient(doc[4])
    (2, 1, 0)
    """
    if token.dep_ == "poss":
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return 0
    return 2 if token.head.dep_ == "ROOT" else 1
