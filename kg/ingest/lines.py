"""Line-by-line decoding for the streaming formats (JSONL, CSV).

A file marked UTF-16 or UTF-32 by its byte-order mark is decoded as such;
otherwise each line is decoded as UTF-8 on its own (JSON is UTF-8 by its
RFC), so one bad line is one error and the rest are still read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from kg.errors import InputError
from kg.ingest.base import SNIFF_BYTES, error, text_encoding


def peekable(stream: IO[bytes]) -> io.BufferedReader:
    """``stream`` with ``peek``, so the head can be sniffed without losing it."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type]


def lines(stream: IO[bytes], source: str, errors: list[InputError]) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) from a binary stream; bad lines go to ``errors``.

    Raises ValueError when the stream is binary.
    """
    f = peekable(stream)
    encoding = text_encoding(f.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    if encoding is None:
        raise ValueError("binary file, not text")
    if encoding not in ("utf-8", "utf-8-sig"):
        text = io.TextIOWrapper(f, encoding=encoding, newline="")
        try:
            yield from enumerate(text, start=1)
        except UnicodeDecodeError as e:
            errors.append(error(source, f"not valid {encoding.upper()}: {e.reason}", e))
        return
    offset = 0
    for number, data in enumerate(f, start=1):
        try:
            line = data.decode("utf-8")
            if number == 1:
                line = line.removeprefix("\ufeff")
        except UnicodeDecodeError as e:
            errors.append(error(source, f"line {number}: not valid UTF-8 "
                                        f"(byte 0x{data[e.start]:02x} at offset {offset + e.start})", e))
            line = None
        offset += len(data)
        if line is not None:
            yield number, line


def meta_value(value: object) -> str | None:
    """A metadata value as a stripped string, or None when absent or not a scalar."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        text = str(value).strip()
        return text or None
    return None


#: Metadata fields a record may carry; ``id`` becomes ``Document.external_id``.
META_FIELDS = ("title", "url", "date", "id")
