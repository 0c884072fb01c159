"""JSON Lines (``.jsonl``): one JSON object a line with a string ``text`` and
optional ``title``, ``url``, ``date``, ``id``; one document a line, streamed.

Examples
--------
>>> import io
>>> rows = b'{"text": "Google acquired DeepMind.", "id": 7}\\n[1]\\n'
>>> [getattr(x, "external_id", None) or x.reason
...  for x in read_jsonl(io.BytesIO(rows), "n.jsonl", ReadOptions())]
['7', 'line 2: expected a JSON object, got an array']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from kg.errors import InputError
from kg.ingest.base import Item, ReadOptions, error, normalize_text, reader
from kg.ingest.lines import META_FIELDS, lines, meta_value
from kg.types import Document

_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "a boolean", type(None): "null"}  # fmt: skip


@reader("jsonl", suffixes=[".jsonl"])
def read_jsonl(stream: IO[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    """Yield one document a line; a bad line is one error and reading goes on."""
    errors: list[InputError] = []
    seen = False
    try:
        for number, line in lines(stream, source, errors):
            seen = seen or bool(errors)
            yield from errors
            errors.clear()
            if not line.strip():
                continue
            seen = True
            yield _record(line, number, source)
    except ValueError as e:
        yield error(source, str(e), e)
        return
    yield from errors
    if not seen and not errors:
        yield error(source, "empty file")


def _record(line: str, number: int, source: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return error(source, f"line {number}: invalid JSON: {e.msg} (column {e.colno})", e)
    if not isinstance(record, dict):
        kind = _JSON_TYPES.get(type(record), type(record).__name__)
        return error(source, f"line {number}: expected a JSON object, got {kind}")
    text = record.get("text")
    if not isinstance(text, str):
        return error(source, f'line {number}: missing "text" (a JSON string)')
    if not text.strip():
        return error(source, f'line {number}: empty "text"')
    meta = {key: meta_value(record.get(key)) for key in META_FIELDS}
    meta["external_id"] = meta.pop("id", None)
    return Document.from_text(normalize_text(text), source=f"{source}:{number}", **meta)
