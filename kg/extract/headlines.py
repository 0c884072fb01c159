"""Headlines: a line in title case names nothing the text does not name again.

A news article saved as text often starts with its headline ("HP Names Whitman CEO,
Apotheker Out"). In title case spaCy's NER cannot tell names from words, and finds
"HP Names Whitman" or "Own AI". A line is a headline when it ends without a full stop
and most of its words, words prose writes in lower case among them, start with a capital
(:func:`is_headline`); a name found there stays only when the gazetteer knows it
or the text writes it again outside headlines (:func:`named_elsewhere`): the story
under a headline names its people and companies again.

Examples
--------
>>> from kg.extract.nlp import load_nlp
>>> doc = load_nlp()("HP Names Whitman CEO, Apotheker Out\\n\\nHP named Meg Whitman chief executive.")
>>> [doc[i].sent.text.strip() for i in sorted(headline_sentences(doc))]
['HP Names Whitman CEO, Apotheker Out']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.given_names import common_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Share of a headline's words that start with a capital.
TITLE_SHARE = 0.75


def headline_sentences(doc: Doc) -> set[int]:
    """The first tokens of ``doc``'s sentences written as headlines (:func:`is_headline`),
    when a story under them names things again: none when every sentence is a headline
    (a document that is one headline is all there is to read)."""
    sentences = list(doc.sents)
    headlines = {sent.start for sent in sentences if is_headline(sent)}
    return headlines if len(headlines) < len(sentences) else set()


def is_headline(sent: Span) -> bool:
    """Whether one sentence is written as a headline: a line of its own, at least three
    words, no full stop, question or exclamation mark at the end, :data:`TITLE_SHARE` of
    the words capitalised, and a word in capitals after the first that prose writes in
    lower case ("To", "Its", "Names": a stop word or an English noun).

    >>> from kg.extract.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> doc = nlp("Microsoft To Make Its Own AI Chips\\nMicrosoft makes chips.\\n")
    >>> [is_headline(sent) for sent in doc.sents]
    [True, False]
    >>> [is_headline(sent) for sent in nlp("Sofia, February 15 (BTA) -- Bulgaria's Two Main Parties Met").sents]
    [False]
    """
    words = [t for t in sent if t.is_alpha]
    if len(words) < 3 or not _whole_line(sent) or sent[-1].text in {".", "!", "?", "…"} or \
            (len(sent) > 1 and sent[-1].is_space and sent[-2].text in {".", "!", "?"}):
        return False
    capitals = [t for t in words if t.text[0].isupper()]
    return len(capitals) >= TITLE_SHARE * len(words) and any(
        t.i != words[0].i and _lower_in_prose(t.lower_) for t in capitals)


def _lower_in_prose(word: str) -> bool:
    """A stop word or an English noun: prose writes it in lower case (in a headline,
    spaCy tags every word a proper noun, so the tag cannot tell)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    nouns = common_nouns()
    return word in STOP_WORDS or word in nouns or (word.endswith("s") and word[:-1] in nouns)


def _whole_line(sent: Span) -> bool:
    """Whether the sentence is a line of its own: a line break (or the text's start)
    before it and a line break after it ("Sofia, February 15 (BTA) -- Today ..." is none)."""
    text = sent.doc.text
    start, end = sent.start_char, sent.start_char + len(sent.text.rstrip())
    return (start == 0 or text[start - 1] == "\n") and text[end:end + 1] == "\n"


def named_elsewhere(doc: Doc, headlines: set[int], start_char: int, end_char: int) -> bool:
    """Whether the name at ``start_char:end_char`` is written again in ``doc`` outside the
    headline sentences.

    >>> from kg.extract.nlp import load_nlp
    >>> doc = load_nlp()("HP Names Whitman CEO\\n\\nHP named Meg Whitman chief executive.")
    >>> named_elsewhere(doc, {0}, 0, 2), named_elsewhere(doc, {0}, 0, 16)
    (True, False)
    """
    name = doc.text[start_char:end_char]
    at = doc.text.find(name)
    while at != -1:
        token = doc.char_span(at, at + len(name), alignment_mode="expand")
        if token is not None and token.sent.start not in headlines:
            return True
        at = doc.text.find(name, at + 1)
    return False
