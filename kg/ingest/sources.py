"""Naming inputs: files, directories, globs and ``-`` (stdin), and their errors.

:func:`read_documents` picks each file's reader by its suffix among the
registered readers (:func:`~kg.ingest.base.reader_for_suffix`), or by the
format a :class:`Source` names; stdin is plain text unless a
:class:`Source` says otherwise (``kg build - --format jsonl``). A document
longer than :data:`~kg.ingest.parts.PART_CHARS` comes as parts.
"""

from __future__ import annotations

import glob
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO

from kg.errors import InputError, KGError
from kg.ingest.base import Item, ReadOptions, Reader, error, reader_for_suffix
from kg.ingest.parts import split_document
from kg.registry import readers
from kg.types import Document

ErrorHandler = Callable[[InputError], None]
STDIN = "<stdin>"
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True)
class Source:
    """An input read as a given format whatever its suffix: ``Source("-", "jsonl")``."""

    path: str | os.PathLike[str]
    format: str | None = None


def read_documents(
    inputs: Iterable[str | os.PathLike[str] | Source] | str | os.PathLike[str] | Source,
    *,
    text_column: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Yield the documents in ``inputs``, one at a time.

    Parameters
    ----------
    inputs : iterable of str, path-like or Source (or a single one)
        Files, directories (walked recursively in sorted order, skipping
        hidden entries and unsupported suffixes), glob patterns such as
        ``"data/**/*.md"`` (sorted), ``"-"`` for plain text on stdin, or a
        :class:`Source` naming the format of stdin or of a file.
    text_column : str, optional
        The CSV column holding the text (case-insensitive). By default the
        first of :data:`~kg.ingest.csv.TEXT_COLUMNS` present in the header.
    on_error : callable, optional
        Called with each :class:`~kg.errors.InputError`; reading then goes
        on with the next input, or the next line of a JSONL/CSV file. If
        None, the first error is raised.

    Yields
    ------
    Document
        Text NFC-normalised with ``\\n`` line ends; ``id`` is the content
        hash, so the same text has the same id wherever it comes from.
        JSONL and CSV documents have ``source`` ``"path:LINE"``; the parts
        of a long document ``"path#char=START,END"``.

    Raises
    ------
    InputError
        When ``on_error`` is None and an input cannot be read: a missing
        path, an unsupported or binary file, an empty file, a malformed
        JSONL line, a CSV without a text column, a glob that matches nothing.

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
    if isinstance(inputs, (str, os.PathLike, Source)):
        inputs = [inputs]
    options = ReadOptions(text_column=text_column)
    for item in _iter_inputs(inputs, options):
        if isinstance(item, InputError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield from split_document(item)


def supported_suffixes() -> list[str]:
    """Every suffix a registered reader handles, in registration order."""
    return [s for name in readers.names() for s in getattr(readers.get(name), "suffixes", ())]


def _hint() -> str:
    return f"supported: {', '.join(supported_suffixes())}"


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read: {(e.strerror or str(e)).lower()}"


def _suffix_of(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _named(fmt: str) -> Reader:
    try:
        return readers.get(fmt)
    except KGError as e:
        raise KGError(f"unknown input format {fmt!r}; registered: {', '.join(readers.names())}") from e


def _iter_inputs(inputs: Iterable[str | os.PathLike[str] | Source], options: ReadOptions) -> Iterator[Item]:
    for raw in inputs:
        fmt = raw.format if isinstance(raw, Source) else None
        name = os.fspath(raw.path if isinstance(raw, Source) else raw)
        if name == "-":
            yield from _read_stdin(_named(fmt or "txt"), options)
        elif os.path.isdir(name):
            yield from _read_directory(name, options)
        elif os.path.exists(name):
            part = _named(fmt) if fmt else reader_for_suffix(_suffix_of(name))
            if part is None:
                yield error(name, _unsupported(name))
            else:
                yield from _read_file(name, part, options)
        elif _GLOB_MAGIC.search(name):
            yield from _read_glob(name, options)
        else:
            yield error(name, "no such file or directory")


def _unsupported(name: str) -> str:
    suffix = _suffix_of(name)
    if not suffix:
        return f"unsupported file type: no file extension ({_hint()})"
    return f"unsupported file type '{suffix}' ({_hint()})"


def _read_directory(folder: str, options: ReadOptions) -> Iterator[Item]:
    found = failed = 0
    problems: list[OSError] = []  # a folder that cannot be listed; the walk goes on
    for root, dirs, files in os.walk(folder, onerror=problems.append):
        for e in problems:
            failed += 1
            yield error(e.filename or folder, _os_reason(e), e)
        problems.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            part = None if name.startswith(".") else reader_for_suffix(_suffix_of(name))
            if part is not None:
                found += 1
                yield from _read_file(os.path.join(root, name), part, options)
    for e in problems:
        failed += 1
        yield error(e.filename or folder, _os_reason(e), e)
    if not found and not failed:
        yield error(folder, f"no supported files in this directory (looked for {', '.join(supported_suffixes())})")


def _read_glob(pattern: str, options: ReadOptions) -> Iterator[Item]:
    found = matched = 0
    for name in sorted(glob.iglob(pattern, recursive=True)):
        if not os.path.isfile(name):
            continue
        matched += 1
        part = reader_for_suffix(_suffix_of(name))
        if part is not None:
            found += 1
            yield from _read_file(name, part, options)
    if not matched:
        yield error(pattern, "pattern matched no files")
    elif not found:
        yield error(pattern, f"pattern matched {matched} file(s), none of a supported type ({_hint()})")


def _read_file(path: str, part: Reader, options: ReadOptions) -> Iterator[Item]:
    try:
        with open(path, "rb") as f:
            yield from part(f, path, options)
    except OSError as e:
        yield error(path, _os_reason(e), e)


def _read_stdin(part: Reader, options: ReadOptions) -> Iterator[Item]:
    stream: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in place of stdin (tests, notebooks)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    for item in part(stream, STDIN, options):
        if isinstance(item, InputError):  # "empty file" -> "empty input"
            item = error(STDIN, item.reason.replace("file", "input"), item.__cause__)
        yield item
