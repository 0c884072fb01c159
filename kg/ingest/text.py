"""Plain text (``.txt``): the file is the text; no title.

Examples
--------
>>> import io
>>> [d.text for d in read_text(io.BytesIO(b"Nvidia designs GPUs.\\r\\n"), "a.txt", ReadOptions())]
['Nvidia designs GPUs.\\n']
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from kg.ingest.base import Item, ReadOptions, reader, whole_text
from kg.types import Document


@reader("txt", suffixes=[".txt", ".text"])
def read_text(stream: IO[bytes], source: str, options: ReadOptions) -> Iterator[Item]:
    """Yield the whole stream as one document."""
    text = whole_text(stream, source)
    yield text if not isinstance(text, str) else Document.from_text(text, source=source)
