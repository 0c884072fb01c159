"""What every reader shares: the :class:`Reader` record and its decorator,
decoding with encoding detection, and the text helpers.

A reader is a function ``read(stream, source, options)`` that takes a
binary stream and yields :class:`~kg.types.Document` objects or
:class:`~kg.errors.InputError` objects (a bad line of a JSONL file is one
error; reading goes on). :func:`reader` registers it in
:data:`kg.registry.readers` under its format name with the suffixes it
handles; a third-party package adds one through the ``kg.readers``
entry-point group, pointing at a :class:`Reader`.

Examples
--------
>>> import io
>>> @reader("shout-demo", suffixes=[".shout"])
... def read_shout(stream, source, options):
...     yield Document.from_text(decode(stream.read()).upper(), source)
>>> [d.text for d in read_shout(io.BytesIO(b"hi"), "x.shout", ReadOptions())]
['HI']
>>> reader_for_suffix(".SHOUT").name
'shout-demo'
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Union

from kg.errors import InputError
from kg.registry import readers
from kg.types import Document

__all__ = ["ReadOptions", "Reader", "decode", "join_parts", "normalize_text", "reader",
           "reader_for_suffix", "text_encoding"]

Item = Union[Document, InputError]
SNIFF_BYTES = 8192
#: Markers for a paragraph and a line break while text is collected; NUL never survives.
PARA, LINE = "\x00P", "\x00L"
_WS = re.compile(r"\s+")
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class ReadOptions:
    """Options a reader may use; ``text_column`` is the CSV column holding the text."""

    text_column: str | None = None


@dataclass(frozen=True)
class Reader:
    """A format: its name, the file suffixes it handles, and its read function."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[IO[bytes], str, ReadOptions], Iterable[Item]]

    def __call__(self, stream: IO[bytes], source: str, options: ReadOptions) -> Iterable[Item]:
        return self.read(stream, source, options)


def reader(name: str, suffixes: Sequence[str]) -> Callable[[Callable[..., Iterable[Item]]], Reader]:
    """Register a read function as the reader of format ``name`` for ``suffixes``."""

    def add(read: Callable[..., Iterable[Item]]) -> Reader:
        part = Reader(name, tuple(s.lower() for s in suffixes), read)
        readers.register(name)(part)
        return part

    return add


def reader_for_suffix(suffix: str) -> Reader | None:
    """The registered reader that handles ``suffix`` (case-insensitive), or None."""
    suffix = suffix.lower()
    for name in readers.names():
        part = readers.get(name)
        if suffix in getattr(part, "suffixes", ()):
            return part
    return None


def text_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark names, ``"utf-8"`` without one, None for binary.

    >>> text_encoding("A".encode("utf-16")), text_encoding(b"A"), text_encoding(b"A\\x00B")
    ('utf-16', 'utf-8', None)
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None if b"\x00" in head[:SNIFF_BYTES] else "utf-8"


def decode(data: bytes) -> str:
    """Decode a whole file: by its byte-order mark, as UTF-8, else as detected.

    A file that is not UTF-8 is handed to charset-normalizer (a Windows-1252
    or Latin-1 export reads as it was meant, Windows-1252 preferred when a
    short text fits several code pages); NUL bytes without a UTF-16 or
    UTF-32 mark, or bytes no text encoding fits, raise ValueError.

    >>> decode("café".encode("utf-16")), decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9")
    ('café', 'café')
    >>> decode("Le café était très bon, merci beaucoup.".encode("cp1252"))
    'Le café était très bon, merci beaucoup.'
    """
    encoding = text_encoding(data[:SNIFF_BYTES])
    if encoding is None:
        raise ValueError("binary file, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        if encoding != "utf-8":
            raise ValueError(f"not valid {encoding.upper()} (byte 0x{data[e.start]:02x} "
                             f"at offset {e.start})") from e
        from charset_normalizer import from_bytes

        found = list(from_bytes(data))
        if not found:
            raise ValueError(f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}) "
                             "and no other text encoding fits") from e
        # Short texts fit several 8-bit code pages; Windows-1252 (what browsers read for
        # Latin-1) wins when it is among them, else charset-normalizer's best.
        fits = {name for match in found for name in (match.encoding, *match.could_be_from_charset)}
        return data.decode("cp1252") if "cp1252" in fits else str(found[0])


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


def join_parts(parts: Iterable[str]) -> str:
    """Join collected text with :data:`PARA` / :data:`LINE` markers into paragraphs.

    Whitespace inside a line collapses to one space; empty lines and
    paragraphs go; paragraphs are joined by a blank line, which spaCy's
    sentence splitter in kg (``kg_paragraphs``) takes as a sentence end.

    >>> join_parts(["A  b", PARA, PARA, " c", LINE, "d\\n e", PARA])
    'A b\\n\\nc\\nd e'
    """
    paragraphs = []
    for block in "".join(parts).split(PARA):
        lines = (_WS.sub(" ", line).strip() for line in block.split(LINE))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def one_line(text: str | None) -> str | None:
    """``text`` with its whitespace collapsed, or None when nothing is left."""
    return _WS.sub(" ", text).strip() or None if text else None


def error(source: object, reason: str, cause: BaseException | None = None) -> InputError:
    """An :class:`~kg.errors.InputError` for ``source`` caused by ``cause``."""
    err = InputError(str(source), reason)
    err.__cause__ = cause
    return err


def whole_text(stream: IO[bytes], source: str) -> str | InputError:
    """The normalised text of a whole stream, or the error that says why not."""
    try:
        raw = decode(stream.read())
    except ValueError as e:
        return error(source, str(e), e)
    if not raw.strip():
        return error(source, "empty file")
    return normalize_text(raw)
