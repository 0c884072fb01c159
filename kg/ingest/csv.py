"""CSV (``.csv``): one document a row, streamed.

The text column is the one named by ``text_column`` (``--text-column``),
else the first of :data:`TEXT_COLUMNS` in the header; ``title``, ``url``,
``date`` and ``id`` columns are kept when present.

Examples
--------
>>> import io
>>> data = b"id,title,body\\n1,Chips,TSMC makes chips.\\n"
>>> [(d.title, d.text, d.external_id) for d in read_csv(io.BytesIO(data), "a.csv", ReadOptions())]
[('Chips', 'TSMC makes chips.', '1')]
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from typing import IO

from kg.errors import InputError
from kg.ingest.base import Item, ReadOptions, error, normalize_text, reader
from kg.ingest.lines import META_FIELDS, lines, meta_value
from kg.types import Document

#: Column names tried, in this order, for the text of a CSV row.
TEXT_COLUMNS: tuple[str, ...] = ("text", "content", "body", "article", "description", "abstract")


def _raise_field_limit() -> None:
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


@reader("csv", suffixes=[".csv"])
def read_csv(stream: IO[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    """Yield one document a row; a bad row is one error and reading goes on."""
    _raise_field_limit()
    errors: list[InputError] = []
    consumed = 0

    def numbered() -> Iterator[str]:
        nonlocal consumed
        for number, line in lines(stream, source, errors):
            consumed = number
            yield line

    rows_in = csv.reader(numbered())
    header: list[str] | None = None
    column = rows = 0
    meta_at: dict[str, int] = {}
    while True:
        start = consumed + 1
        try:
            row = next(rows_in, None)
        except csv.Error as e:
            yield from errors
            errors.clear()
            yield error(source, f"line {start}: malformed CSV: {e}", e)
            continue
        except ValueError as e:  # binary
            yield error(source, str(e), e)
            return
        yield from errors
        errors.clear()
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [h.lstrip("\ufeff") for h in row]
            picked = _pick_column(header, options.text_column)
            if picked is None:
                yield error(source, _no_text_column(header, options.text_column))
                return
            column = picked
            lower = [h.strip().lower() for h in header]
            meta_at = {key: lower.index(key) for key in META_FIELDS if key in lower}
            continue
        rows += 1
        cells = row + [""] * (len(header) - len(row))
        text = cells[column]
        if not text.strip():
            yield error(source, f"line {start}: empty text in column '{header[column]}'")
            continue
        meta = {key: meta_value(cells[i]) for key, i in meta_at.items()}
        meta["external_id"] = meta.pop("id", None)
        yield Document.from_text(normalize_text(text), source=f"{source}:{start}", **meta)
    if header is None:
        yield error(source, "empty file")
    elif rows == 0:
        yield error(source, "no rows after the header")


def _no_text_column(header: list[str], wanted: str | None) -> str:
    columns = ", ".join(repr(h) for h in header)
    if wanted is not None:
        return f"no column '{wanted}' (columns: {columns})"
    return (
        f"no text column: none of {', '.join(TEXT_COLUMNS)} in the header "
        f"(columns: {columns}); name the text column with text_column"
    )
