"""Read input files into :class:`~kg.types.Document` objects, one at a time.

The first stage of the pipeline. :func:`read_documents` takes what a user
types after ``kg build`` (files, directories, glob patterns, ``-`` for stdin)
and yields one :class:`~kg.types.Document` per article. Nothing holds the
whole corpus: a directory is walked lazily and JSONL/CSV files are read line
by line, so a 2 GB export streams through in constant memory.

One reader per format, each in its own module and registered in
:data:`kg.registry.readers` by format name with its suffixes (a third-party
package adds one through the ``kg.readers`` entry-point group):

===========  ==================  ==============================================
format       suffixes            reader
===========  ==================  ==============================================
``txt``      ``.txt .text``      :mod:`kg.ingest.text`: the file is the text
``md``       ``.md .markdown``   :mod:`kg.ingest.markdown`: markdown-it-py
``html``     ``.html .htm``      :mod:`kg.ingest.html`: trafilatura
``jsonl``    ``.jsonl``          :mod:`kg.ingest.jsonl`: a ``text`` field a line
``csv``      ``.csv``            :mod:`kg.ingest.csv`: a text column a row
===========  ==================  ==============================================

Encodings: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else UTF-8;
else charset-normalizer's guess for a whole-file format. A document longer
than :data:`~kg.ingest.parts.PART_CHARS` comes as parts (:mod:`kg.ingest.parts`).

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

from pathlib import Path

# Importing the reader modules registers them.
from kg.ingest import text as _text  # noqa: F401
from kg.ingest.base import ReadOptions, Reader, decode, normalize_text, reader, reader_for_suffix
from kg.ingest.csv import TEXT_COLUMNS, read_csv
from kg.ingest.html import HtmlPage, html_to_text, parse_html, read_html
from kg.ingest.jsonl import read_jsonl
from kg.ingest.markdown import markdown_to_text, parse_markdown, read_markdown
from kg.ingest.parts import PART_CHARS, split_document
from kg.ingest.sources import Source, read_documents, supported_suffixes

__all__ = [
    "PART_CHARS",
    "TEXT_COLUMNS",
    "HtmlPage",
    "ReadOptions",
    "Reader",
    "Source",
    "decode",
    "html_to_text",
    "markdown_to_text",
    "normalize_text",
    "parse_html",
    "parse_markdown",
    "read_csv",
    "read_documents",
    "read_html",
    "read_jsonl",
    "read_markdown",
    "reader",
    "reader_for_suffix",
    "sample_corpus_path",
    "split_document",
    "supported_suffixes",
]


def sample_corpus_path() -> Path:
    """Return the directory of the bundled sample corpus (``kg/sample``).

    Examples
    --------
    >>> sorted(p.suffix for p in sample_corpus_path().iterdir() if reader_for_suffix(p.suffix))
    ['.html', '.jsonl', '.md', '.txt', '.txt']
    """
    try:
        from importlib.resources import files

        path = files("kg.sample")
        if isinstance(path, Path) and path.is_dir():
            return path
    except (ImportError, TypeError):  # pragma: no cover - unusual installs
        pass
    return Path(__file__).parent.with_name("sample")  # pragma: no cover
