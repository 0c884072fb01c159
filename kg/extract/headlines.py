"""Headlines: a line in title case names nothing the text does not name again.

A news article saved as text often starts with its headline ("HP Names Whitman CEO,
Apotheker Out"). In title case spaCy's NER cannot tell names from words, and finds
"HP Names Whitman" or "Own AI". A line is a headline when it ends without a full stop
and most of its words, words prose writes in lower case among them, start with a capital
(:func:`is_headline`); a name found there stays only when the gazetteer knows it or the
text writes it again outside headlines (:func:`named_elsewhere`): the story under a
headline names its people and companies again. Lines, not spaCy's sentences: a headline
followed by one line break is one sentence with the story's first.

Examples
--------
>>> headline_lines("HP Names Whitman CEO, Apotheker Out\\nHP named Meg Whitman chief executive.\\n")
[(0, 35)]
"""

from __future__ import annotations

import re

from kg.extract.given_names import common_nouns

#: Share of a headline's words that start with a capital.
TITLE_SHARE = 0.75
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """The character spans of the lines of ``text`` written as headlines (:func:`is_headline`),
    when a story under them names things again: none when every line is a headline (a
    document that is one headline is all there is to read)."""
    lines = [m.span() for m in _LINE.finditer(text) if text[m.start():m.end()].strip()]
    headlines = [(a, b) for a, b in lines if is_headline(text[a:b])]
    return headlines if len(headlines) < len(lines) else []


def is_headline(line: str) -> bool:
    """Whether one line is written as a headline: at least three words, no full stop,
    question or exclamation mark at the end, :data:`TITLE_SHARE` of the words
    capitalised, and a word in capitals after the first that prose writes in lower case
    ("To", "Its", "Names": a stop word or an English noun).

    >>> is_headline("Microsoft To Make Its Own AI Chips"), is_headline("Microsoft makes chips.")
    (True, False)
    >>> is_headline("Sofia, February 15 (BTA) -- Bulgaria's two main parties met today.")
    False
    >>> is_headline("The History of Public Universities in Nairobi")
    True
    """
    words = _WORD.findall(line)
    if len(words) < 3 or line.rstrip()[-1:] in {".", "!", "?", "…"}:
        return False
    capitals = [w for w in words if w[0].isupper()]
    title_case = all(w[0].isupper() for w in words if w not in MINOR_WORDS)  # title case leaves "of", "in" small
    return (len(capitals) >= TITLE_SHARE * len(words) or title_case) and any(
        _lower_in_prose(w.lower()) for w in capitals[1:])


#: The short words title case writes in lower case ("The History of Public Universities in Nairobi").
MINOR_WORDS = frozenset({"a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by",
                         "with", "from", "as", "vs", "via"})


def _lower_in_prose(word: str) -> bool:
    """A stop word or an English noun: prose writes it in lower case (in a headline,
    spaCy tags every word a proper noun, so the tag cannot tell)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    nouns = common_nouns()
    return word in STOP_WORDS or word in nouns or (word.endswith("s") and word[:-1] in nouns)


def in_headline(headlines: list[tuple[int, int]], start_char: int) -> bool:
    """Whether the character ``start_char`` lies on a headline line."""
    return any(a <= start_char < b for a, b in headlines)


def named_elsewhere(text: str, headlines: list[tuple[int, int]], start_char: int, end_char: int) -> bool:
    """Whether the name at ``start_char:end_char`` is written again in ``text`` off the
    headline lines.

    >>> text = "HP Names Whitman CEO\\n\\nHP named Meg Whitman chief executive."
    >>> named_elsewhere(text, [(0, 20)], 0, 2), named_elsewhere(text, [(0, 20)], 0, 16)
    (True, False)
    """
    name = text[start_char:end_char]
    at = text.find(name)
    while at != -1:
        if not in_headline(headlines, at):
            return True
        at = text.find(name, at + 1)
    return False
