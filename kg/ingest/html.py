"""HTML pages (``.html``, ``.htm``): the main text, read with trafilatura.

trafilatura finds the article in a page and leaves navigation, headers,
footers, sidebars, cookie banners and link lists out; it also gives the
page's title and date (``bare_extraction`` with metadata; the date from the
page's metadata only, never guessed from the text). The url is the
``<link rel=canonical>``, else the one trafilatura finds (``og:url``).
Before extraction, elements a browser does not show (``hidden``,
``display: none``, ``<template>``) and Sphinx's ``¶`` anchors go. For a page
so small that trafilatura finds no article in it, the visible text of the
whole page is used, without scripts, styles, navigation, headers, footers,
asides and forms.

Every block element (paragraph, heading, list item, table row) becomes a
paragraph of its own, separated by a blank line, which kg's sentence
splitter takes as a sentence end: a heading never runs into the next
sentence and a name never spans two blocks.

Examples
--------
>>> page = parse_html('<html><head><title>Chips | Example News</title>'
...     '<link rel="canonical" href="https://example.org/chips"></head><body>'
...     '<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>'
...     '<h1>Nvidia designs GPUs</h1><p>Nvidia, based in Santa Clara, designs GPUs.</p>'
...     '<h2>Cloud</h2><p>AWS rents them out.</p></article><footer>Example News</footer>')
>>> page.title, page.url
('Nvidia designs GPUs', 'https://example.org/chips')
>>> print(page.text)
Nvidia designs GPUs
<BLANKLINE>
Nvidia, based in Santa Clara, designs GPUs.
<BLANKLINE>
Cloud
<BLANKLINE>
AWS rents them out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, NamedTuple

from kg.ingest.base import LINE, PARA, Item, ReadOptions, error, join_parts, one_line, reader, whole_text
from kg.types import Document

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# trafilatura logs "discarding data" for a page without an article; kg falls back instead.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())

__all__ = ["HtmlPage", "html_to_text", "parse_html", "read_html"]

# Tags of trafilatura's output (its XML) that are blocks.
_EXTRACTED_BLOCKS = frozenset({"body", "doc", "div", "head", "p", "list", "item", "quote",
                               "code", "table", "row", "note", "fw"})
# For the fallback over the whole page.
_HTML_SKIP = frozenset({
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "svg", "math", "iframe", "object", "canvas", "button", "select", "textarea",
})  # fmt: skip
_HTML_BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul",
})  # fmt: skip
_LINE_TAGS = frozenset({"br", "lb"})
_CELL_TAGS = frozenset({"td", "th", "cell"})
_HIDDEN = ('//*[@hidden] | //template | //*[@aria-hidden="true"] | //style'
           ' | //noscript | //script[not(@type="application/ld+json")]'
           ' | //a[contains(concat(" ", normalize-space(@class), " "), " headerlink ")]')
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PILCROW = re.compile(r"\s*¶\s*$")


class HtmlPage(NamedTuple):
    """What :func:`parse_html` finds in a page."""

    text: str
    title: str | None
    url: str | None
    date: str | None


def parse_html(markup: str) -> HtmlPage:
    """Return the main text, title, url and date of an HTML page."""
    tree, title = _tree(markup, keep_title=True)  # trafilatura reads <title> too
    if tree is None:
        return HtmlPage("", None, None, None)
    h1 = next((one_line(h.text_content()) for h in tree.iter("h1")), None)
    canonical = next((link.get("href", "").strip() or None for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split()), None)
    from trafilatura import bare_extraction

    found = bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                            include_links=False, include_images=False, favor_precision=True,
                            date_extraction_params={"extensive_search": False, "original_date": True})
    text = ""
    if found is not None and found.body is not None:
        text = _text(found.body, _EXTRACTED_BLOCKS)
    if not text:  # a page too small for trafilatura to see an article in it
        tree, _ = _tree(markup)
        text = _text(tree, _HTML_BLOCKS, _HTML_SKIP) if tree is not None else ""
    return HtmlPage(
        text=text,
        title=_title(found.title if found is not None else None) or title or h1,
        url=canonical or (found.url if found is not None else None) or None,
        date=(found.date if found is not None else None) or None,
    )


def _title(title: str | None) -> str | None:
    return one_line(_PILCROW.sub("", title)) if title else None


def _tree(markup: str, keep_title: bool = False) -> tuple[HtmlElement | None, str | None]:
    """The page as an lxml tree without what a browser does not show, and its title."""
    from lxml import etree, html

    markup = _CONTROL.sub("", markup)  # not allowed in XML, which lxml builds
    if not markup.strip():
        return None, None
    try:
        tree = html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None, None
    title = one_line(tree.findtext(".//title"))
    # a <title> outside <head> ("</body><div><title>...", whose text is raw markup) is no text
    for element in tree.xpath(f"{_HIDDEN} | //title[not(parent::head)]" if keep_title else f"{_HIDDEN} | //title"):
        element.drop_tree()
    for element in tree.xpath("//*[@style]"):
        if _DISPLAY_NONE.search(element.get("style", "")):
            element.drop_tree()
    return tree, title


def _text(root: HtmlElement, blocks: frozenset[str], skip: frozenset[str] = frozenset()) -> str:
    """The text under ``root``: ``blocks`` are paragraphs, ``skip`` is left out."""
    from lxml import etree

    parts: list[str] = []
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else ""  # comments: no tag
        if event == "start":
            if not tag or tag in skip:
                walk.skip_subtree()
                continue
            parts.append(PARA if tag in blocks else LINE if tag in _LINE_TAGS
                         else " " if tag in _CELL_TAGS else "")
            parts.append(element.text or "")
        else:
            if tag in blocks:
                parts.append(PARA)
            elif tag in _CELL_TAGS:
                parts.append(" ")
            if element is not root:
                parts.append(element.tail or "")
    return join_parts(parts)


def html_to_text(markup: str) -> str:
    """Return the main text of ``markup`` (see :func:`parse_html`).

    >>> html_to_text('<nav>Home | About</nav><script>var x = "<p>";</script>'
    ...              '<p>AT&amp;T &amp; <b>Apple</b></p><p>second&nbsp;one</p>')
    'AT&T & Apple\\n\\nsecond one'
    """
    return parse_html(markup).text


@reader("html", suffixes=[".html", ".htm"])
def read_html(stream: IO[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    """Yield the page's main text with its title, url and date."""
    raw = whole_text(stream, source)
    if not isinstance(raw, str):
        yield raw
        return
    page = parse_html(raw)
    if not page.text.strip():
        yield error(source, "no visible text (only markup, scripts or navigation)")
        return
    yield Document.from_text(page.text, source=source, title=page.title, url=page.url,
                             date=page.date)
