"""Markdown (``.md``, ``.markdown``) read with markdown-it-py (CommonMark and tables).

The text is that of the parsed tokens, not the markup: headings, paragraphs,
code blocks and table rows are paragraphs; list items and table rows are
lines; a soft line break is a space (wrapped prose stays one sentence);
link targets, image paths, raw HTML and reference definitions go. The
title comes from YAML front matter (``title:``), else the first level-1
heading.

Examples
--------
>>> markdown_to_text("## *Chips*\\n\\n- [Nvidia](https://nvidia.com) designs **GPUs**\\n"
...                  "- snake_case stays, `code` too")
'Chips\\n\\nNvidia designs GPUs\\nsnake_case stays, code too'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import IO, TYPE_CHECKING

from kg.ingest.base import LINE, PARA, Item, ReadOptions, error, join_parts, one_line, reader, whole_text
from kg.types import Document

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["markdown_to_text", "parse_markdown", "read_markdown"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse_markdown(markdown: str) -> tuple[str, str | None]:
    """Return the text and title of a Markdown document.

    >>> parse_markdown("---\\ntitle: 'Front'\\n---\\n# Other\\nText *here*\\nwrapped.")
    ('Other\\n\\nText here wrapped.', 'Front')
    """
    title = None
    front = _FRONT_MATTER.match(markdown)
    if front:
        found = _FM_TITLE.search(front.group(1))
        title = one_line(found.group(1).strip("'\"")) if found else None
        markdown = markdown[front.end():]
    parts: list[str] = []
    heading: str | None = None  # the tag of the heading being read
    cells = 0
    for token in _parser().parse(markdown):
        kind = token.type
        if kind == "inline":
            text = _inline(token.children or [])
            if heading == "h1" and title is None:
                title = one_line(text)
            parts.append(text)
        elif kind in ("fence", "code_block"):
            parts.extend((PARA, token.content.replace("\n", LINE), PARA))
        elif kind in ("heading_open", "heading_close"):
            heading = token.tag if kind == "heading_open" else None
            parts.append(PARA)
        elif kind in ("paragraph_open", "paragraph_close"):
            parts.append(LINE if token.hidden else PARA)  # hidden: an item of a tight list
        elif kind in ("list_item_open", "tr_open"):
            parts.append(LINE)
            cells = 0
        elif kind in ("th_open", "td_open"):
            parts.append(" | " if cells else "")
            cells += 1
        elif kind in ("hr", "html_block", "blockquote_open", "blockquote_close", "table_open",
                      "table_close"):
            parts.append(PARA)
    return join_parts(parts), title


def _inline(children: list[Token]) -> str:
    out = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "image":
            out.append(_inline(child.children or []))
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append(LINE)
    return "".join(out)


def markdown_to_text(markdown: str) -> str:
    """Return readable plain text from Markdown (see the module's description)."""
    return parse_markdown(markdown)[0]


@reader("md", suffixes=[".md", ".markdown"])
def read_markdown(stream: IO[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    """Yield the document's text with its title."""
    raw = whole_text(stream, source)
    if not isinstance(raw, str):
        yield raw
        return
    text, title = parse_markdown(raw)
    if not text.strip():
        yield error(source, "no text left after removing Markdown syntax")
        return
    yield Document.from_text(text, source=source, title=title)
