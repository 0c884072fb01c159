"""Cutting long texts at paragraph or sentence ends.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and
its parser needs memory in proportion to the longest text in a batch, and
kg's extraction slows down more than linearly with a document's length. So
a document longer than :data:`PART_CHARS` is read as consecutive parts,
each a :class:`~kg.types.Document` whose source names its character range
in the input as an RFC 5147 fragment (``report.txt#char=20000,39874``):
an offset in a part plus the range's start is the offset in the file.

Examples
--------
>>> from kg.types import Document
>>> doc = Document.from_text("Apple uses AWS.\\n\\nNvidia designs GPUs.", "a.txt", title="T")
>>> [(p.source, p.text, p.title) for p in split_document(doc, 20)]
[('a.txt#char=0,17', 'Apple uses AWS.\\n\\n', 'T'), ('a.txt#char=17,37', 'Nvidia designs GPUs.', 'T')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from kg.types import Document, content_id

__all__ = ["PART_CHARS", "iter_split", "split_document", "split_text"]

#: Longest document text a reader yields; a longer one comes as parts. Most
#: news articles fit in one; extraction time grows faster than linearly above it.
PART_CHARS = 20_000

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_document(document: Document, limit: int = PART_CHARS) -> Iterator[Document]:
    """Yield ``document`` itself, or its parts when its text is longer than ``limit``.

    A part keeps the title, url and date; its source (and external id, if
    any) is the document's with ``#char=START,END``, its id the hash of its
    own text, so no part is taken for a new version of another.
    """
    if len(document.text) <= limit:
        yield document
        return
    start = 0
    for piece in iter_split(document.text, limit):
        end = start + len(piece)
        if piece.strip():
            where = f"#char={start},{end}"
            yield replace(document, id=content_id(piece), text=piece, source=document.source + where,
                          external_id=document.external_id and document.external_id + where)
        start = end


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back to it.

    Each cut falls after a blank line when the second half of the window
    has one, else after a sentence end, else after a space; only a text
    with no space at all is cut mid-word. Blanks stay at the end of the
    piece before the cut, so every piece after the first starts with text.

    >>> split_text("One. Two.\\n\\nThree four.", 12)
    ['One. Two.\\n\\n', 'Three four.']
    >>> split_text("Alpha beta. Gamma delta epsilon", 14)
    ['Alpha beta. ', 'Gamma delta ', 'epsilon']
    >>> "".join(split_text("x" * 25, 10)) == "x" * 25
    True
    """
    return list(iter_split(text, limit))


def iter_split(text: str, limit: int) -> Iterator[str]:
    """The pieces of :func:`split_text`, one at a time."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = 0
        for pattern in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
            found = None
            for found in pattern.finditer(text, start + limit // 2, end):
                pass
            if found is not None and found.end() < end:
                cut = found.end()
                break
        yield text[start:cut or end]  # no space in half a window: cut mid-word
        start = cut or end
    yield text[start:]
