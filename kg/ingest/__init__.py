"""Read input files into :class:`~kg.types.Document` objects, one at a time.

The first stage of the pipeline. :func:`read_documents` takes what a user
types after ``kg build`` (files, directories, glob patterns, ``-`` for stdin)
and yields one :class:`~kg.types.Document` per article. Nothing holds the
whole corpus: a directory is walked lazily and JSONL/CSV files are read line
by line, so a 2 GB export streams through in constant memory.

Formats, by suffix (case-insensitive):

=================  ==========================================================
``.txt``           the file is the text; no title
``.md .markdown``  Markdown syntax removed; title from the first ``# `` heading
``.html .htm``     visible text only; title from ``<title>`` or the first
                   ``<h1>``; url from ``<link rel=canonical>`` or ``og:url``
``.jsonl``         one JSON object a line with a string ``text`` and optional
                   ``title``, ``url``, ``date``; one document a line
``.csv``           one document a row; text column from ``text_column`` or the
                   first of ``text, content, body, article, description,
                   abstract``; optional ``title``, ``url``, ``date`` columns
=================  ==========================================================

Every problem is one :class:`~kg.errors.InputError` naming the file and the
reason. With ``on_error`` it is handed over and reading goes on with the
next input (or the next line of a JSONL/CSV file); without, it is raised.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Nvidia designs GPUs.\\n", encoding="utf-8")
>>> _ = (folder / "b.md").write_text("# Chips\\n\\nTSMC makes **chips**.", encoding="utf-8")
>>> [(d.title, d.text) for d in read_documents([folder])]
[(None, 'Nvidia designs GPUs.\\n'), ('Chips', 'Chips\\n\\nTSMC makes chips.')]
"""

from __future__ import annotations

import csv
import glob
import html
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, NamedTuple

from kg.errors import InputError
from kg.types import Document

__all__ = [
    "SUPPORTED_SUFFIXES",
    "TEXT_COLUMNS",
    "HtmlPage",
    "html_to_text",
    "markdown_to_text",
    "normalize_text",
    "parse_html",
    "read_documents",
    "sample_corpus_path",
]

ErrorHandler = Callable[[InputError], None]

#: File suffixes :func:`read_documents` understands, mapped to their format.
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
}
_SUPPORTED_HINT = "supported: .txt, .md, .html, .jsonl, .csv"

#: Column names tried, in this order, for the text of a CSV row.
TEXT_COLUMNS: tuple[str, ...] = ("text", "content", "body", "article", "description", "abstract")
_META_FIELDS = ("title", "url", "date", "id")  # "id" becomes Document.external_id

_STDIN = "<stdin>"
_SNIFF_BYTES = 8192
_GLOB_MAGIC = re.compile(r"[*?[]")


# --------------------------------------------------------------------------
# The public entry point
# --------------------------------------------------------------------------


def read_documents(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    text_column: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Yield the documents in ``inputs``, one at a time.

    Parameters
    ----------
    inputs : iterable of str or path-like (or a single one)
        Files, directories (walked recursively in sorted order, skipping
        hidden entries and unsupported suffixes), glob patterns such as
        ``"data/**/*.md"`` (sorted), or ``"-"`` for plain text on stdin.
    text_column : str, optional
        The CSV column holding the text (case-insensitive). By default the
        first of :data:`TEXT_COLUMNS` present in the header.
    on_error : callable, optional
        Called with each :class:`~kg.errors.InputError`; reading then goes
        on with the next input, or the next line of a JSONL/CSV file. If
        None, the first error is raised.

    Yields
    ------
    Document
        Text NFC-normalised with ``\\n`` line ends; ``id`` is the content
        hash, so the same text has the same id wherever it comes from.
        JSONL and CSV documents have ``source`` ``"path:LINE"``.

    Raises
    ------
    InputError
        When ``on_error`` is None and an input cannot be read: a missing
        path, an unsupported or binary file, invalid UTF-8, an empty file,
        a malformed JSONL line, a CSV without a text column, a glob that
        matches nothing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> rows = '{"text": "Google acquired DeepMind in 2014."}\\n{"title": "no text"}\\n'
    >>> _ = (folder / "news.jsonl").write_text(rows, encoding="utf-8")
    >>> errors = []
    >>> docs = list(read_documents([folder / "news.jsonl", folder / "gone.txt"],
    ...                            on_error=errors.append))
    >>> [pathlib.Path(d.source).name for d in docs]
    ['news.jsonl:1']
    >>> [e.reason for e in errors]
    ['line 2: missing "text" (a JSON string)', 'no such file or directory']
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    for item in _iter_inputs(inputs, text_column):
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield item


def sample_corpus_path() -> Path:
    """Return the directory of the bundled sample corpus (``kg/sample``).

    Examples
    --------
    >>> sorted(p.suffix for p in sample_corpus_path().iterdir() if p.suffix in SUPPORTED_SUFFIXES)
    ['.html', '.jsonl', '.md', '.txt', '.txt']
    """
    try:
        from importlib.resources import files

        path = files("kg.sample")
        if isinstance(path, Path) and path.is_dir():
            return path
    except (ImportError, TypeError):  # pragma: no cover - unusual installs
        pass
    return Path(__file__).with_name("sample")  # pragma: no cover


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Return ``text`` in NFC with ``\\n`` line ends and no byte-order mark.

    Curly quotes, dashes and other characters are kept as they are.

    Examples
    --------
    >>> normalize_text("\\ufeffCafe\\u0301 \\u201cA\\u201d\\r\\nB\\rC")
    'Café “A”\\nB\\nC'
    """
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, offset: int = 0) -> str:
    """Decode UTF-8 or raise ValueError with a reason a user understands."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {offset + e.start})") from e


# ---- HTML ----------------------------------------------------------------

# Never visible; "head" is special-cased so that <title> is still read.
_HTML_SKIP = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "svg", "math", "iframe", "object", "canvas", "button", "select", "textarea",
})  # fmt: skip
_HTML_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})  # fmt: skip
_HTML_BLOCK = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "tfoot", "thead", "tr", "ul",
})  # fmt: skip
_HTML_CELL = frozenset({"td", "th"})
# What may stand in <head>; any other start tag there closes it, as in a browser.
_HTML_HEAD_TAGS = frozenset({"title", "meta", "link", "base", "script", "style", "noscript"})
# A start tag of one of these closes an open one of the same name on top.
_HTML_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
_PARA, _LINE = "\x00P", "\x00L"  # markers; NUL never survives into output
_WS = re.compile(r"\s+")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class _Entry(NamedTuple):
    tag: str
    skip: bool  # text here is not visible
    hard: bool  # ... for a reason other than being in <head>


class HtmlPage(NamedTuple):
    """What :func:`parse_html` finds in a page."""

    text: str
    title: str | None
    url: str | None
    date: str | None


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Entry] = []
        self.parts: list[str] = []
        self.title: list[str] | None = None  # first <title>, while reading it
        self.title_done = False
        self.h1: list[str] | None = None  # first visible <h1>
        self.h1_done = False
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.date: str | None = None

    # -- structure --
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._meta(tag, attrs)
        if tag in _HTML_BLOCK or tag == "br":
            self.parts.append(_LINE if tag == "br" else _PARA)
        elif tag in _HTML_CELL:
            self.parts.append(" ")
        if tag in _HTML_VOID:
            return
        if tag == "body" or (tag not in _HTML_HEAD_TAGS and self._open("head")):
            self._close("head")
        if tag in _HTML_SELF_CLOSING and self.stack and self.stack[-1].tag == tag:
            self._pop()
        parent_skip = self.stack[-1].skip if self.stack else False
        parent_hard = self.stack[-1].hard if self.stack else False
        a = dict(attrs)
        hidden = "hidden" in a or bool(_DISPLAY_NONE.search(a.get("style") or ""))
        hard = parent_hard or tag in _HTML_SKIP or hidden
        self.stack.append(_Entry(tag, parent_skip or hard or tag == "head", hard))
        if tag == "title" and not hard and not self.title_done:
            self.title = []
        elif tag == "h1" and not self.stack[-1].skip and not self.h1_done:
            self.h1 = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._meta(tag, attrs)
        if tag in _HTML_BLOCK or tag == "br":
            self.parts.append(_LINE if tag == "br" else _PARA)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_BLOCK:
            self.parts.append(_PARA)
        elif tag in _HTML_CELL:
            self.parts.append(" ")
        self._close(tag)

    def _open(self, tag: str) -> bool:
        return any(entry.tag == tag for entry in self.stack)

    def _close(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                while len(self.stack) > i:
                    self._pop()
                return

    def _pop(self) -> None:
        entry = self.stack.pop()
        if entry.tag == "title" and self.title is not None:
            self.title_done = True
        elif entry.tag == "h1" and self.h1 is not None:
            self.h1_done = True

    # -- content --
    def handle_data(self, data: str) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and top.hard:
            return
        if top is not None and top.tag == "title":
            if self.title is not None and not self.title_done:
                self.title.append(data)
            return
        if top is not None and top.skip:
            return
        self.parts.append(data)
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)

    def _meta(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "meta"):
            return
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key == "og:url":
                self.og_url = self.og_url or a.get("content") or None
            elif key in ("article:published_time", "date", "dc.date", "datepublished"):
                self.date = self.date or a.get("content") or None

    # -- result --
    def page(self) -> HtmlPage:
        return HtmlPage(
            text=_join_parts(self.parts),
            title=_one_line(self.title) or _one_line(self.h1),
            url=self.canonical or self.og_url,
            date=self.date,
        )


def _one_line(chunks: list[str] | None) -> str | None:
    return _WS.sub(" ", "".join(chunks)).strip() or None if chunks else None


def _join_parts(parts: list[str]) -> str:
    paragraphs = []
    for block in "".join(parts).split(_PARA):
        lines = (_WS.sub(" ", line).strip() for line in block.split(_LINE))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def parse_html(markup: str) -> HtmlPage:
    """Return the visible text, title, url and date of an HTML page.

    Examples
    --------
    >>> page = parse_html('<html><head><title>Chips</title>'
    ...     '<link rel="canonical" href="https://example.org/chips"></head>'
    ...     '<body><h1>Nvidia</h1><p>Designs GPUs.</p></body></html>')
    >>> page.title, page.url, page.text
    ('Chips', 'https://example.org/chips', 'Nvidia\\n\\nDesigns GPUs.')
    """
    parser = _VisibleText()
    parser.feed(markup.replace("\x00", ""))
    parser.close()
    return parser.page()


def html_to_text(markup: str) -> str:
    """Return the text a reader sees in ``markup``.

    Scripts, styles, navigation, headers, footers, asides, forms, ``<head>``
    and hidden elements are dropped; block elements become paragraph
    breaks, ``<br>`` a line break; entities are unescaped and whitespace is
    collapsed.

    Examples
    --------
    >>> html_to_text('<nav>Home | About</nav><script>var x = "<p>";</script>'
    ...              '<p>AT&amp;T &amp; <b>Apple</b></p><p>second&nbsp;one</p>')
    'AT&T & Apple\\n\\nsecond one'
    """
    return parse_html(markup).text


# ---- Markdown ------------------------------------------------------------

_MD_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_FM_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
_MD_RAW_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_MD_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_MD_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_MD_SETEXT_1 = re.compile(r"^[ \t]{0,3}=+[ \t]*$")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)+")
_MD_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*\S+.*$")
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\|?[ \t]*$")
_MD_INLINE: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"(`+)(.+?)\1"), lambda m: m.group(2).strip()),
    (re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+[^)]*)?\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+[^)]*)?\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"), ""),
    (re.compile(r"(?<![\\*])\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*"), r"\1"),
    (re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=[^\s\\])__(?!\w)"), r"\1"),
    (re.compile(r"(?<![\\*])\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s\\_])_(?!\w)"), r"\1"),
    (re.compile(r"(?<!\\)~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])"), r"\1"),
]


def _md_inline(line: str) -> str:
    for pattern, repl in _MD_INLINE:
        line = pattern.sub(repl, line)
    return html.unescape(line)


def _parse_markdown(markdown: str) -> tuple[str, str | None]:
    title: str | None = None
    front = _MD_FRONT_MATTER.match(markdown)
    if front:
        found = _MD_FM_TITLE.search(front.group(1))
        if found:
            title = found.group(1).strip("'\"").strip() or None
        markdown = markdown[front.end() :]
    markdown = _MD_RAW_BLOCK.sub("", markdown)

    out: list[str] = []
    setext_title: str | None = None
    atx_title: str | None = None
    fence: str | None = None
    for raw in markdown.split("\n"):
        if fence is not None:  # inside a code block: keep as is
            if raw.strip().startswith(fence) and not raw.strip().strip(fence[0]):
                fence = None
            else:
                out.append(raw.rstrip())
            continue
        opening = _MD_FENCE.match(raw)
        if opening:
            fence = opening.group(1)
            continue
        heading = _MD_ATX.match(raw)
        if heading:
            text = _md_inline(heading.group(2) or "").strip()
            if heading.group(1) == "#" and atx_title is None and text:
                atx_title = text
            out.extend(("", text, ""))  # a heading is a paragraph of its own
            continue
        if _MD_SETEXT_1.match(raw) and out and out[-1] and setext_title is None:
            setext_title = out[-1]
            out.append("")
            continue
        if _MD_RULE.match(raw):
            out.append("")
            continue
        if _MD_REF_DEF.match(raw) or _MD_TABLE_RULE.match(raw):
            continue
        line = _MD_QUOTE.sub("", raw)
        line = _MD_LIST.sub("", line)
        line = line.strip()
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            line = " | ".join(cell.strip() for cell in line[1:-1].split("|"))
        out.append(_md_inline(line))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")
    return text, title or atx_title or setext_title


def markdown_to_text(markdown: str) -> str:
    """Return readable plain text from Markdown.

    Heading marks, emphasis, list bullets, quote marks, link targets and
    inline HTML go; link text, image alt text and code stay.

    Examples
    --------
    >>> markdown_to_text("## *Chips*\\n\\n- [Nvidia](https://nvidia.com) designs **GPUs**\\n"
    ...                  "- snake_case stays, `code` too")
    'Chips\\n\\nNvidia designs GPUs\\nsnake_case stays, code too'
    """
    return _parse_markdown(markdown)[0]


# --------------------------------------------------------------------------
# Walking the inputs
# --------------------------------------------------------------------------


def _error(source: object, reason: str, cause: BaseException | None = None) -> InputError:
    err = InputError(str(source), reason)
    err.__cause__ = cause
    return err


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read: {(e.strerror or str(e)).lower()}"


def _suffix_of(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _iter_inputs(
    inputs: Iterable[str | os.PathLike[str]], text_column: str | None
) -> Iterator[Document | InputError]:
    for raw in inputs:
        name = os.fspath(raw)
        if name == "-":
            yield from _read_stdin()
        elif os.path.isdir(name):
            yield from _read_directory(name, text_column)
        elif os.path.exists(name):
            if _suffix_of(name) not in SUPPORTED_SUFFIXES:
                yield _error(name, _unsupported(name))
            else:
                yield from _read_file(name, text_column)
        elif _GLOB_MAGIC.search(name):
            yield from _read_glob(name, text_column)
        else:
            yield _error(name, "no such file or directory")


def _unsupported(name: str) -> str:
    suffix = _suffix_of(name)
    if not suffix:
        return f"unsupported file type: no file extension ({_SUPPORTED_HINT})"
    return f"unsupported file type '{suffix}' ({_SUPPORTED_HINT})"


def _read_directory(folder: str, text_column: str | None) -> Iterator[Document | InputError]:
    found = failed = 0
    problems: list[OSError] = []  # a folder that cannot be listed; the walk goes on
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        for e in problems:
            failed += 1
            yield _error(e.filename or folder, _os_reason(e), e)
        problems.clear()
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        for name in sorted(files):
            if not _is_hidden(name) and _suffix_of(name) in SUPPORTED_SUFFIXES:
                found += 1
                yield from _read_file(os.path.join(root, name), text_column)
    for e in problems:
        failed += 1
        yield _error(e.filename or folder, _os_reason(e), e)
    if not found and not failed:
        yield _error(
            folder,
            "no supported files in this directory "
            "(looked for .txt, .md, .markdown, .html, .htm, .jsonl, .csv)",
        )


def _read_glob(pattern: str, text_column: str | None) -> Iterator[Document | InputError]:
    found = 0
    matched = 0
    for name in sorted(glob.iglob(pattern, recursive=True)):
        if not os.path.isfile(name):
            continue
        matched += 1
        if _suffix_of(name) in SUPPORTED_SUFFIXES:
            found += 1
            yield from _read_file(name, text_column)
    if not matched:
        yield _error(pattern, "pattern matched no files")
    elif not found:
        reason = f"pattern matched {matched} file(s), none of a supported type"
        yield _error(pattern, f"{reason} ({_SUPPORTED_HINT})")


def _read_stdin() -> Iterator[Document | InputError]:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data = buffer.read()
            problem = _sniff(data[:_SNIFF_BYTES])
            if problem:
                yield _error(_STDIN, problem.replace("file", "input"))
                return
            text = _decode(data)
        else:
            text = stream.read()
            if "\x00" in text[:_SNIFF_BYTES]:
                yield _error(_STDIN, "binary input, not text")
                return
    except ValueError as e:
        yield _error(_STDIN, str(e), e)
        return
    if not text.strip():
        yield _error(_STDIN, "empty input")
        return
    yield Document.from_text(normalize_text(text), source=_STDIN)


def _read_file(path: str, text_column: str | None) -> Iterator[Document | InputError]:
    kind = SUPPORTED_SUFFIXES[_suffix_of(path)]
    try:
        if kind == "jsonl":
            yield from _read_jsonl(path)
        elif kind == "csv":
            yield from _read_csv(path, text_column)
        else:
            yield from _read_whole(path, kind)
    except OSError as e:
        yield _error(path, _os_reason(e), e)


def _read_whole(path: str, kind: str) -> Iterator[Document | InputError]:
    with open(path, "rb") as f:
        data = f.read()
    problem = _sniff(data[:_SNIFF_BYTES])
    if problem:
        yield _error(path, problem)
        return
    try:
        raw = _decode(data)
    except ValueError as e:
        yield _error(path, str(e), e)
        return
    if not raw.strip():
        yield _error(path, "empty file")
        return
    raw = normalize_text(raw)
    title = url = date = None
    if kind == "markdown":
        text, title = _parse_markdown(raw)
        empty = "no text left after removing Markdown syntax"
    elif kind == "html":
        text, title, url, date = parse_html(raw)
        empty = "no visible text (only markup, scripts or navigation)"
    else:
        text, empty = raw, "empty file"
    if not text.strip():
        yield _error(path, empty)
        return
    yield Document.from_text(text, source=path, title=title, url=url, date=date)


def _lines(f: IO[bytes], path: str, errors: list[InputError]) -> Iterator[tuple[int, str]]:
    """Yield (line number, decoded line) from a binary file; bad lines go to ``errors``."""
    offset = 0
    for number, data in enumerate(f, start=1):
        try:
            line = _decode(data, offset)
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
        except ValueError as e:
            errors.append(_error(path, f"line {number}: {e}", e))
            line = None
        offset += len(data)
        if line is not None:
            yield number, line


def _sniff(head: bytes) -> str | None:
    """Return why bytes starting with ``head`` are not UTF-8 text, or None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text, not UTF-8 (save the file as UTF-8)"
    return "binary file, not text" if b"\x00" in head[:_SNIFF_BYTES] else None


def _sniff_file(f: IO[bytes]) -> str | None:
    head = f.read(_SNIFF_BYTES)
    f.seek(0)
    return _sniff(head)


def _meta_value(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    return None


_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "a boolean", type(None): "null"}  # fmt: skip


def _read_jsonl(path: str) -> Iterator[Document | InputError]:
    with open(path, "rb") as f:
        problem = _sniff_file(f)
        if problem:
            yield _error(path, problem)
            return
        errors: list[InputError] = []
        seen = False
        for number, line in _lines(f, path, errors):
            seen = seen or bool(errors)
            yield from errors
            errors.clear()
            if not line.strip():
                continue
            seen = True
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield _error(path, f"line {number}: invalid JSON: {e.msg} (column {e.colno})", e)
                continue
            if not isinstance(record, dict):
                kind = _JSON_TYPES.get(type(record), type(record).__name__)
                yield _error(path, f"line {number}: expected a JSON object, got {kind}")
                continue
            text = record.get("text")
            if not isinstance(text, str):
                yield _error(path, f'line {number}: missing "text" (a JSON string)')
                continue
            if not text.strip():
                yield _error(path, f'line {number}: empty "text"')
                continue
            meta = {key: _meta_value(record.get(key)) for key in _META_FIELDS}
            meta["external_id"] = meta.pop("id", None)
            yield Document.from_text(normalize_text(text), source=f"{path}:{number}", **meta)
        yield from errors
        if not seen and not errors:
            yield _error(path, "empty file")


def _raise_csv_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 10


def _pick_column(header: list[str], wanted: str | None) -> int | None:
    names = [h.strip().lower() for h in header]
    for candidate in (wanted,) if wanted is not None else TEXT_COLUMNS:
        if candidate.strip().lower() in names:
            return names.index(candidate.strip().lower())
    return None


def _read_csv(path: str, text_column: str | None) -> Iterator[Document | InputError]:
    _raise_csv_field_limit()
    with open(path, "rb") as f:
        problem = _sniff_file(f)
        if problem:
            yield _error(path, problem)
            return
        errors: list[InputError] = []
        consumed = 0

        def lines() -> Iterator[str]:
            nonlocal consumed
            for number, line in _lines(f, path, errors):
                consumed = number
                yield line

        reader = csv.reader(lines())
        header: list[str] | None = None
        column = rows = 0
        meta_at: dict[str, int] = {}
        while True:
            start = consumed + 1
            try:
                row = next(reader, None)
            except csv.Error as e:
                yield from errors
                errors.clear()
                yield _error(path, f"line {start}: malformed CSV: {e}", e)
                continue
            yield from errors
            errors.clear()
            if row is None:
                break
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [h.lstrip("\ufeff") for h in row]
                picked = _pick_column(header, text_column)
                if picked is None:
                    yield _error(path, _no_text_column(header, text_column))
                    return
                column = picked
                lower = [h.strip().lower() for h in header]
                meta_at = {key: lower.index(key) for key in _META_FIELDS if key in lower}
                continue
            rows += 1
            cells = row + [""] * (len(header) - len(row))
            text = cells[column]
            if not text.strip():
                yield _error(path, f"line {start}: empty text in column '{header[column]}'")
                continue
            meta = {key: _meta_value(cells[i]) for key, i in meta_at.items()}
            meta["external_id"] = meta.pop("id", None)
            yield Document.from_text(normalize_text(text), source=f"{path}:{start}", **meta)
        if header is None:
            yield _error(path, "empty file")
        elif rows == 0:
            yield _error(path, "no rows after the header")


def _no_text_column(header: list[str], wanted: str | None) -> str:
    columns = ", ".join(repr(h) for h in header)
    if wanted is not None:
        return f"no column '{wanted}' (columns: {columns})"
    return (
        f"no text column: none of {', '.join(TEXT_COLUMNS)} in the header "
        f"(columns: {columns}); name the text column with text_column"
    )
