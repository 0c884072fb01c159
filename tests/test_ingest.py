"""Tests for kg.ingest: every format, every way to name inputs, every error."""

from __future__ import annotations

import html
import io
import json
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import (
    PART_CHARS,
    html_to_text,
    markdown_to_text,
    normalize_text,
    parse_html,
    read_documents,
    sample_corpus_path,
)
from kg.types import content_id


def read(*inputs, **kwargs):
    """Read ``inputs``; return (documents, errors) with errors collected."""
    errors: list[InputError] = []
    docs = list(read_documents(list(inputs), on_error=errors.append, **kwargs))
    return docs, errors


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    """A readable file that must still come through next to a bad one."""
    return write(tmp_path / "good.txt", "Nvidia designs GPUs.")


def only_error(errors: list[InputError], source: Path | str) -> InputError:
    assert len(errors) == 1, errors
    assert errors[0].source == str(source)
    assert str(source) in str(errors[0])
    return errors[0]


# ---- formats -------------------------------------------------------------


def test_txt_text_as_is_with_normalised_newlines(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Apple uses AWS.\r\nTim Cook said \u201cyes\u201d.\r\n".encode())
    [doc] = read_documents([path])
    assert doc.text == "Apple uses AWS.\nTim Cook said \u201cyes\u201d.\n"
    assert doc.source == str(path)
    assert doc.title is None and doc.url is None
    assert doc.id == content_id(doc.text)


def test_txt_nfc_and_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfCafe\xcc\x81 Nadella")
    [doc] = read_documents([path])
    assert doc.text == "Caf\u00e9 Nadella"


def test_uppercase_suffix(tmp_path):
    write(tmp_path / "NOTE.TXT", "Google acquired DeepMind in 2014.")
    [doc] = read_documents([tmp_path / "NOTE.TXT"])
    assert doc.text.startswith("Google")


def test_markdown(tmp_path):
    md = (
        "---\nauthor: kg\n---\n"
        "Intro line\n\n"
        "# The *TPU* story\n\n"
        "## Background\n\n"
        '**Google** designs the [TPU](https://cloud.google.com/tpu "TPU") and '
        "![logo](logo.png) _uses_ it; see <https://example.org>.\n\n"
        "> Quoted: snake_case_name & 2 * 3 * 4\n\n"
        "- first item\n* second item\n1. third item\n\n"
        "```python\nx = '# not a heading'\n```\n\n"
        "---\n\n"
        "[ref]: https://example.org/ref\n"
    )
    [doc] = read_documents([write(tmp_path / "a.md", md)])
    assert doc.title == "The TPU story"
    text = doc.text
    assert "Google designs the TPU and logo uses it; see https://example.org." in text
    assert "Quoted: snake_case_name & 2 * 3 * 4" in text
    assert "first item\nsecond item\nthird item" in text
    assert "x = '# not a heading'" in text
    for junk in ("#", "**", "](", "cloud.google.com", "```", "author: kg", "[ref]", "> "):
        assert junk not in text.replace("'# not a heading'", ""), junk


def test_markdown_title_falls_back_to_setext_and_front_matter(tmp_path):
    [doc] = read_documents([write(tmp_path / "a.markdown", "Chips\n=====\n\nText.")])
    assert doc.title == "Chips" and doc.text == "Chips\n\nText."
    [doc] = read_documents([write(tmp_path / "b.md", "---\ntitle: 'Front'\n---\n# Other\n")])
    assert doc.title == "Front"


def test_markdown_to_text_helper():
    assert markdown_to_text("### Nvidia ###\nUses `CUDA`.") == "Nvidia\n\nUses CUDA."
    assert markdown_to_text("Chips\n---\nTSMC makes them.") == "Chips\n\nTSMC makes them."
    assert markdown_to_text("| a | b |\n|---|:-:|\n| 1 | 2 |") == "a | b\n1 | 2"
    assert markdown_to_text("A [link](https://en.wikipedia.org/wiki/Go_(game)) here") == ("A link here")


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>  Chips &amp;
 Cloud </title>
<link rel="stylesheet canonical" href="https://example.org/canonical">
<meta property="og:url" content="https://example.org/og">
<meta property="article:published_time" content="2024-12-03">
<style>body { color: red } .secret-style {}</style>
<script>var secretScript = "<p>not text</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">SecretNav</a></nav>
<header><h1>Site name</h1></header>
<svg><title>SecretSvg</title><text>SecretSvgText</text></svg>
<main>
<h1>Apple &amp; AWS</h1>
<p>Apple uses <b>AWS</b>&nbsp;chips.<br>New line &lt;here&gt; &#8220;quoted&#8221;</p>
<div hidden>SecretHidden</div><div style="display: none">SecretNone</div>
<noscript>SecretNoscript</noscript><template><p>SecretTemplate</p></template>
<form><label>SecretForm</label></form><iframe>SecretIframe</iframe>
<ul><li>one</li><li>two</ul>
<table><tr><td>a</td><td>b</td></tr></table>
</main>
<aside>SecretAside</aside>
<footer>SecretFooter</footer>
<script>document.write("SecretScript2")</script>
</body></html>"""


def test_html_visible_text_only(tmp_path):
    [doc] = read_documents([write(tmp_path / "page.html", HTML_PAGE)])
    assert doc.text == (
        "Apple & AWS\n\nApple uses AWS chips.\nNew line <here> \u201cquoted\u201d\n\none\n\ntwo\n\na b"
    )
    assert "Secret" not in doc.text and "secret" not in doc.text
    assert "Home" not in doc.text and "Site name" not in doc.text
    assert doc.title == "Chips & Cloud"
    assert doc.url == "https://example.org/canonical"
    assert doc.date == "2024-12-03"


def test_html_title_and_url_fallbacks(tmp_path):
    page = '<meta property="og:url" content="https://example.org/og"><h1>First <i>head</i></h1>x'
    [doc] = read_documents([write(tmp_path / "p.HTM", page)])
    assert doc.title == "First head"
    assert doc.url == "https://example.org/og"
    assert doc.text == "First head\n\nx"


def test_html_head_closed_implicitly():
    assert html_to_text("<head><title>T</title><p>Body text") == "Body text"
    assert parse_html("<title>T</title>Plain").title == "T"


def test_jsonl_fields_and_line_sources(tmp_path):
    rows = [
        {
            "id": "a1",
            "text": "Apple uses AWS.",
            "title": "Apple",
            "url": "https://e.org/a",
            "date": "2024-12-03",
        },
        {"text": "Second\r\nline", "date": 2024},
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs, errors = read(path)
    assert errors == []
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:2"]
    assert (docs[0].title, docs[0].url, docs[0].date) == ("Apple", "https://e.org/a", "2024-12-03")
    assert docs[1].text == "Second\nline" and docs[1].date == "2024" and docs[1].title is None


def test_jsonl_streams_lazily(tmp_path):
    path = write(tmp_path / "big.jsonl", '{"text": "first"}\n{"text": "second"}\n')
    stream = read_documents([path])
    assert next(stream).text == "first"
    with open(path, "a", encoding="utf-8") as f:  # written after the first document was read
        f.write('{"text": "third"}\n')
    assert [d.text for d in stream] == ["second", "third"]


def test_csv_default_column_and_metadata(tmp_path):
    path = write(
        tmp_path / "rows.csv",
        "\ufeffID,Title,Body,url\n"
        '1,Apple,"Apple uses AWS.\nTim Cook, Apple\'s CEO, said so.",https://e.org/1\n'
        "\n"
        "2,,Nvidia designs GPUs.,\n",
    )
    docs, errors = read(path)
    assert errors == []
    assert [d.text for d in docs] == [
        "Apple uses AWS.\nTim Cook, Apple's CEO, said so.",
        "Nvidia designs GPUs.",
    ]
    assert [d.source for d in docs] == [f"{path}:2", f"{path}:5"]
    assert (docs[0].title, docs[0].url) == ("Apple", "https://e.org/1")
    assert (docs[1].title, docs[1].url) == (None, None)


def test_csv_priority_and_text_column(tmp_path):
    path = write(tmp_path / "rows.csv", "description,text,notes\nshort,long article,extra\n")
    [doc] = read_documents([path])
    assert doc.text == "long article"
    [doc] = read_documents([path], text_column="NOTES")
    assert doc.text == "extra"


def test_csv_huge_field(tmp_path):
    big = "word " * 100_000
    parts = list(read_documents([write(tmp_path / "big.csv", f"id,text\n7,{big}\n")]))
    # a text over PART_CHARS comes as parts that join back to it, each naming its range
    assert "".join(p.text for p in parts) == big and len(parts) >= len(big) / PART_CHARS
    path = tmp_path / "big.csv"
    assert parts[0].source == f"{path}:2#char=0,{len(parts[0].text)}"
    assert parts[0].external_id == f"7#char=0,{len(parts[0].text)}"  # never another's old version
    assert all(len(p.text) <= PART_CHARS for p in parts)


# ---- naming inputs -------------------------------------------------------


def corpus(root: Path) -> None:
    write(root / "b.txt", "B text")
    write(root / "a.md", "# A\nA text")
    write(root / "sub" / "c.html", "<p>C text</p>")
    write(root / "sub" / "deeper" / "d.jsonl", '{"text": "D text"}\n')
    write(root / ".hidden" / "e.txt", "hidden dir")
    write(root / ".f.txt", "hidden file")
    write(root / "notes.pdf", "not supported")
    write(root / "__init__.py", "")


def test_directory_recursive_sorted_skips_hidden_and_unsupported(tmp_path):
    corpus(tmp_path)
    docs, errors = read(tmp_path)
    assert errors == []
    assert [d.text for d in docs] == ["A\n\nA text", "B text", "C text", "D text"]
    assert docs[0].source == str(tmp_path / "a.md")


def test_glob_patterns(tmp_path, monkeypatch):
    corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    docs, errors = read("**/*.txt", "sub/*.html", "*")
    assert errors == []
    assert [d.source for d in docs] == ["b.txt", os.path.join("sub", "c.html"), "a.md", "b.txt"]


def test_stdin_is_plain_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "kept as text"}\r\n'))
    [doc] = read_documents(["-"])
    assert doc.source == "<stdin>"
    assert doc.text == '{"text": "kept as text"}\n'


def test_stdin_bytes(monkeypatch):
    class Stdin:
        buffer = io.BytesIO(b"\xef\xbb\xbfAmazon acquired Annapurna Labs.")

    monkeypatch.setattr(sys, "stdin", Stdin())
    [doc] = read_documents("-")
    assert doc.text == "Amazon acquired Annapurna Labs."


def test_single_path_and_stable_ids(tmp_path):
    a = write(tmp_path / "a.txt", "Google acquired DeepMind in 2014.")
    b = write(tmp_path / "b.jsonl", json.dumps({"text": "Google acquired DeepMind in 2014."}))
    c = write(tmp_path / "c.txt", "Google acquired DeepMind in 2015.")
    docs, errors = read(a, b, c)
    assert not errors
    assert docs[0].id == docs[1].id != docs[2].id
    assert docs[0].source != docs[1].source
    assert [d.id for d in read_documents(str(a))] == [docs[0].id]
    assert [d.id for d in read_documents([a])] == [docs[0].id]


# ---- errors: one InputError each, the rest still read ---------------------


def test_missing_path(tmp_path, good):
    missing = tmp_path / "nope.txt"
    docs, errors = read(missing, good)
    assert [d.source for d in docs] == [str(good)]
    assert only_error(errors, missing).reason == "no such file or directory"


def test_directory_without_supported_files(tmp_path, good):
    empty = tmp_path / "empty"
    write(empty / "x.pdf", "pdf")
    docs, errors = read(empty, good)
    assert len(docs) == 1
    assert only_error(errors, empty).reason.startswith("no supported files in this directory")


def test_unsupported_suffix(tmp_path, good):
    pdf = write(tmp_path / "paper.pdf", "%PDF")
    docs, errors = read(pdf, good)
    assert len(docs) == 1
    assert only_error(errors, pdf).reason == (
        "unsupported file type '.pdf' "
        "(supported: .csv, .html, .htm, .jsonl, .md, .markdown, .txt, .text)"
    )
    bare = write(tmp_path / "README", "x")
    docs, errors = read(bare, good)
    assert len(docs) == 1 and "no file extension" in only_error(errors, bare).reason


@pytest.mark.parametrize("name", ["empty.txt", "blank.md", "empty.jsonl", "empty.csv", "e.html"])
def test_empty_file(tmp_path, good, name):
    path = write(tmp_path / name, "" if name != "blank.md" else " \n\n\t\n")
    docs, errors = read(path, good)
    assert len(docs) == 1
    assert only_error(errors, path).reason == "empty file"


def test_no_text_after_markup(tmp_path, good):
    page = write(tmp_path / "p.html", "<script>only()</script><nav>menu</nav>")
    md = write(tmp_path / "m.md", "---\n\n***\n")
    docs, errors = read(page, md, good)
    assert len(docs) == 1
    assert [e.source for e in errors] == [str(page), str(md)]
    assert errors[0].reason.startswith("no visible text")
    assert errors[1].reason.startswith("no text left")


@pytest.mark.parametrize("name", ["bin.txt", "bin.jsonl", "bin.csv"])
def test_binary_file(tmp_path, good, name):
    path = tmp_path / name
    path.write_bytes(b"text\n\x00\x01\x02 binary")
    docs, errors = read(path, good)
    assert len(docs) == 1
    assert only_error(errors, path).reason == "binary file, not text"


def test_utf16_file(tmp_path, good):
    # UTF-16 with a byte-order mark is text (Excel's "Unicode text"); it used to be refused
    path = tmp_path / "excel.csv"
    path.write_bytes("text\nApple\n".encode("utf-16"))
    txt = tmp_path / "notes.txt"
    txt.write_bytes("Apple uses AWS.".encode("utf-16-be").join([b"\xfe\xff", b""]))
    docs, errors = read(path, txt, good)
    assert errors == []
    assert [d.text for d in docs] == ["Apple", "Apple uses AWS.", "Nvidia designs GPUs."]


def test_jsonl_with_only_bad_lines_is_not_called_empty(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"\xff\n\n")
    _, errors = read(path)
    assert [e.reason for e in errors] == ["line 1: not valid UTF-8 (byte 0xff at offset 0)"]


def test_invalid_utf8(tmp_path, good):
    # a file that is not UTF-8 is decoded as detected (it used to be an error)
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café de Zoë à Genève.".encode("cp1252"))
    docs, errors = read(path, good)
    assert errors == [] and docs[0].text == "Le café de Zoë à Genève."


def test_invalid_utf8_in_one_jsonl_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "ok 1"}\n{"text": "caf\xe9"}\n{"text": "ok 3"}\n')
    docs, errors = read(path)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3"]
    assert only_error(errors, path).reason == "line 2: not valid UTF-8 (byte 0xe9 at offset 30)"


def test_invalid_utf8_in_one_csv_row(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"text\nok 1\ncaf\xe9\nok 3\n")
    docs, errors = read(path)
    assert [d.text for d in docs] == ["ok 1", "ok 3"]
    assert only_error(errors, path).reason == "line 3: not valid UTF-8 (byte 0xe9 at offset 13)"


def test_malformed_jsonl_line(tmp_path, good):
    path = write(
        tmp_path / "x.jsonl",
        '{"text": "one"}\n{"text": "two"}\n{"text": "three" "x": 1}\n{"text": "four"}\n',
    )
    docs, errors = read(path, good)
    assert [d.text for d in docs] == ["one", "two", "four", "Nvidia designs GPUs."]
    assert only_error(errors, path).reason == ("line 3: invalid JSON: Expecting ',' delimiter (column 18)")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"title": "no text"}', 'line 2: missing "text" (a JSON string)'),
        ('{"text": 42}', 'line 2: missing "text" (a JSON string)'),
        ('{"text": "  "}', 'line 2: empty "text"'),
        ('["text"]', "line 2: expected a JSON object, got an array"),
    ],
)
def test_jsonl_line_without_text(tmp_path, line, reason):
    path = write(tmp_path / "x.jsonl", f'{{"text": "one"}}\n{line}\n{{"text": "three"}}\n')
    docs, errors = read(path)
    assert [d.text for d in docs] == ["one", "three"]
    assert only_error(errors, path).reason == reason


def test_csv_without_text_column(tmp_path, good):
    path = write(tmp_path / "x.csv", "id,headline\n1,Apple\n")
    docs, errors = read(path, good)
    assert len(docs) == 1
    reason = only_error(errors, path).reason
    assert "no text column" in reason and "'id', 'headline'" in reason
    assert "text_column" in reason


def test_csv_unknown_text_column(tmp_path, good):
    path = write(tmp_path / "x.csv", "id,text\n1,Apple\n")
    docs, errors = read(path, good, text_column="body")
    assert len(docs) == 1
    assert only_error(errors, path).reason == "no column 'body' (columns: 'id', 'text')"


def test_csv_empty_cell_and_header_only(tmp_path):
    path = write(tmp_path / "x.csv", "id,text\n1,Apple\n2,\n3,Nvidia\n")
    docs, errors = read(path)
    assert [d.text for d in docs] == ["Apple", "Nvidia"]
    assert only_error(errors, path).reason == "line 3: empty text in column 'text'"
    header_only = write(tmp_path / "h.csv", "id,text\n")
    docs, errors = read(header_only)
    assert only_error(errors, header_only).reason == "no rows after the header"


def test_glob_matching_nothing(tmp_path, good):
    pattern = str(tmp_path / "*.nothing")
    docs, errors = read(pattern, good)
    assert len(docs) == 1
    assert only_error(errors, pattern).reason == "pattern matched no files"


def test_empty_stdin(monkeypatch, good):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  \n"))
    docs, errors = read("-", good)
    assert len(docs) == 1
    assert only_error(errors, "<stdin>").reason == "empty input"


def test_without_on_error_the_error_is_raised(tmp_path, good):
    stream = read_documents([good, tmp_path / "missing.txt", good])
    assert next(stream).source == str(good)
    with pytest.raises(InputError, match=r"missing\.txt: no such file or directory"):
        next(stream)


def test_every_error_is_one_line(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00")
    write(tmp_path / "x.jsonl", "{oops\n")
    write(tmp_path / "x.csv", "a,b\n1,2\n")
    _, errors = read(tmp_path, tmp_path / "nope", tmp_path / "x.pdf")
    assert len(errors) == 5  # bin.txt, x.jsonl, x.csv, and the missing nope and x.pdf
    for e in errors:
        assert "\n" not in str(e) and str(e).startswith(e.source + ": ")


# ---- properties ----------------------------------------------------------

TAGS = ["p", "div", "b", "span", "nav", "head", "body", "title", "h1", "li", "main"]
_SCRIPT_END = re.compile(r"</\s*script", re.IGNORECASE)
MARKER = "\u2603SCRIPTBODY\u2603"

fragments = st.one_of(
    st.text(max_size=20).map(html.escape),
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
)


@given(
    before=st.lists(fragments, max_size=8),
    body=st.text(max_size=40),
    after=st.lists(fragments, max_size=8),
    tag=st.sampled_from(["script", "SCRIPT", 'script type="module"']),
)
@example(before=["0", "</body>", "<div>", "<title>"], body="", after=[], tag="script")  # a title outside <head>
@settings(max_examples=300)
def test_html_to_text_never_shows_script_content(before, body, after, tag):
    script_body = body + MARKER + body
    assume(not _SCRIPT_END.search(script_body))
    page = "".join(before) + f"<{tag}>{script_body}</script>" + "".join(after)
    text = html_to_text(page)
    assert "\u2603" not in text
    assert "SCRIPTBODY" not in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_txt_round_trip(tmp_path, text):
    assume(normalize_text(text).strip())  # a lone byte-order mark is an empty file, which is an error
    path = tmp_path / "prop.txt"
    path.write_text(text, encoding="utf-8", newline="")
    [doc] = read_documents([path])
    assert doc.text == normalize_text(text)
    assert doc.text == normalize_text(doc.text)  # normalisation is idempotent
    assert "\r" not in doc.text


# ---- the bundled sample corpus --------------------------------------------


def test_sample_corpus_reads_cleanly():
    docs, errors = read(sample_corpus_path())
    assert errors == []
    assert len(docs) >= 6
    assert len({d.id for d in docs}) == len(docs)
    suffixes = {Path(d.source.rsplit(":", 1)[0]).suffix for d in docs}
    assert suffixes == {".txt", ".md", ".html", ".jsonl"}
    for doc in docs:
        assert 100 <= len(doc.text.split()) <= 320, doc.source
    page = next(d for d in docs if d.source.endswith(".html"))
    assert page.title and page.url
    for hidden in ("window.analytics", "font-family", "Home", "Subscribe"):
        assert hidden not in page.text


# ---- readers are registered parts ----------------------------------------


def test_a_registered_reader_for_a_new_suffix_is_used(tmp_path, good):
    from kg.ingest import reader
    from kg.registry import readers
    from kg.types import Document

    @reader("shout", suffixes=[".shout"])
    def read_shout(stream, source, options):
        yield Document.from_text(stream.read().decode("utf-8").upper(), source=source)

    try:
        path = write(tmp_path / "a.SHOUT", "nvidia designs gpus")
        docs, errors = read(tmp_path)
        assert errors == []
        assert [d.text for d in docs] == ["NVIDIA DESIGNS GPUS", "Nvidia designs GPUs."]
        assert readers.get("shout").suffixes == (".shout",)
        pdf = write(tmp_path / "x.pdf", "%PDF")
        assert ".shout" in only_error(read(pdf)[1], pdf).reason  # listed as supported
        assert read(path)[0][0].source == str(path)
    finally:
        readers._parts.pop("shout")


def test_builtin_readers_are_registered_by_format():
    from kg.registry import readers

    assert {"txt", "md", "html", "jsonl", "csv"} <= set(readers.names())
    assert ".markdown" in readers.get("md").suffixes and ".htm" in readers.get("html").suffixes


@pytest.mark.parametrize("fmt, data, expected", [
    ("jsonl", '{"text": "Apple uses AWS.", "title": "T"}\n{"text": "Nvidia designs GPUs."}\n',
     [("Apple uses AWS.", "T"), ("Nvidia designs GPUs.", None)]),
    ("csv", "title,text\nT,Apple uses AWS.\n", [("Apple uses AWS.", "T")]),
    ("md", "# T\n\nApple uses **AWS**.", [("T\n\nApple uses AWS.", "T")]),
    ("html", "<title>T</title><p>Apple uses AWS.</p>", [("Apple uses AWS.", "T")]),
    ("txt", '{"text": "x"}', [('{"text": "x"}', None)]),
])
def test_stdin_in_a_named_format(monkeypatch, fmt, data, expected):
    from kg.ingest import Source

    class Stdin:
        buffer = io.BytesIO(data.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    docs = list(read_documents([Source("-", fmt)]))
    assert [(d.text, d.title) for d in docs] == expected
    assert all(d.source.startswith("<stdin>") for d in docs)


def test_unknown_format_names_the_registered_ones():
    from kg.errors import KGError
    from kg.ingest import Source

    with pytest.raises(KGError, match=r"unknown input format 'pdf'; registered: .*jsonl"):
        list(read_documents([Source("-", "pdf")]))


# ---- encodings -------------------------------------------------------------


def test_utf8_bom_stripped_and_utf32_read(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes(b"\xef\xbb\xbfApple uses AWS.")
    b = tmp_path / "b.md"
    b.write_bytes("# Zoë\n\nCafé.".encode("utf-32"))
    docs, errors = read(a, b)
    assert errors == []
    assert [d.text for d in docs] == ["Apple uses AWS.", "Zoë\n\nCafé."]


# ---- HTML: main text, paragraph breaks -------------------------------------


def test_html_blocks_are_paragraphs_and_hidden_text_goes():
    page = parse_html(
        "<html><head><title>T</title></head><body><nav>Home</nav><article>"
        "<h2>Chips</h2><p>Apple uses <b>AWS</b>.</p><ul><li>Nvidia</li><li>TSMC</li></ul>"
        '<p hidden>Secret</p><p style="display:none">Secret</p></article></body></html>')
    assert page.text == "Chips\n\nApple uses AWS.\n\nNvidia\n\nTSMC"


DATA = Path(__file__).parent / "data"
NAVIGATION = ("Skip to content", "Previous topic", "Next topic", "Table of Contents", "Navigation",
              "This Page", "Report a Bug", "Show Source", "Quick search", "3.11.2 Documentation",
              "The Python Tutorial", "Python »", "index", "modules")


def test_real_documentation_pages_read_without_navigation():
    docs, errors = read(DATA / "python-docs-about.html", DATA / "python-docs-appetite.html")
    assert errors == []
    about, appetite = docs
    assert about.title == "About these documents" and appetite.title == "1. Whetting Your Appetite"
    assert about.text.startswith("About these documents\n\nThese documents are generated")
    assert "Fredrik Lundh for his Alternative Python Reference project" in about.text
    assert "Monty Python’s Flying Circus" in appetite.text
    for doc in docs:
        paragraphs = doc.text.split("\n\n")
        for nav in NAVIGATION:
            assert nav not in paragraphs, nav
        assert "¶" not in doc.text and "Previous topic" not in doc.text


def test_real_documentation_pages_build_without_navigation_entities(tmp_path):
    from kg.graph.knowledge import open_graph
    from kg.pipeline import build

    report = build([DATA / "python-docs-about.html", DATA / "python-docs-appetite.html"],
                   tmp_path / "out", html=False)
    assert report.documents == 2 and not report.errors
    rows = open_graph(tmp_path / "out").query(
        "SELECT ?name WHERE { ?e a ?c . { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } "
        "FILTER(?c != kg:Document) }")
    names = {row["name"] for row in rows}
    assert {"Fred L. Drake", "Fredrik Lundh", "Monty Python"} <= names
    for name in names:
        assert "\n" not in name and name == name.strip(), repr(name)
        assert not any(nav.lower() in name.lower() for nav in NAVIGATION[:8]), name


# ---- long documents ----------------------------------------------------------


def long_text(size: int, facts: dict[int, str]) -> str:
    """About ``size`` characters of cheap filler (few, long tokens) with ``facts`` at offsets."""
    filler = " ".join(["z" * 40] * 20) + ".\n\n"
    out, total = [], 0
    for at, fact in sorted(facts.items()):
        count = max(0, (at - total) // len(filler))
        out.append(filler * count)
        out.append(fact + "\n\n")
        total += count * len(filler) + len(fact) + 2
    out.append(filler * max(0, (size - total) // len(filler)))
    return "".join(out)


def test_a_text_longer_than_spacys_limit_parses_as_one_doc_with_whole_offsets():
    from kg.extract.nlp import load_nlp, parse

    nlp = load_nlp()
    text = long_text(1_200_000, {0: "Tim Cook leads Apple.", 1_150_000: "Jensen Huang leads Nvidia."})
    assert len(text) > nlp.max_length
    doc, context = next(parse(nlp, [(text, "ctx")]))
    assert context == "ctx" and doc.text == text
    names = {e.text: e.start_char for e in doc.ents}
    assert names["Jensen Huang"] == text.index("Jensen Huang") > 1_000_000
    assert names["Tim Cook"] == 0


def test_a_long_document_builds_with_small_ones_and_offsets_point_at_its_text(tmp_path):
    from kg.graph.knowledge import open_graph
    from kg.pipeline import build

    text = long_text(1_200_000, {0: "Tim Cook leads Apple.", 600_000: "Amazon acquired Annapurna Labs.",
                                 1_150_000: "Jensen Huang leads Nvidia."})
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    small = write(tmp_path / "small.txt", "Satya Nadella leads Microsoft.")
    report = build([small, path], tmp_path / "out", html=False)
    assert not report.errors
    rows = open_graph(tmp_path / "out").query("""
        SELECT ?source ?start ?end ?name WHERE {
          ?ev a kg:Evidence ; rdf:subject ?s ; kg:document ?doc ;
              kg:subjectStart ?start ; kg:subjectEnd ?end .
          ?doc kg:source ?source . ?s rdfs:label ?name }""")
    located = {}
    for row in rows:
        source, _, fragment = row["source"].partition("#char=")
        if source != str(path):
            continue
        offset = int(fragment.split(",")[0]) if fragment else 0
        start, end = offset + int(row["start"]), offset + int(row["end"])
        assert text[start:end] == row["name"]
        located[row["name"]] = start
    assert located["Jensen Huang"] == text.index("Jensen Huang") > 1_000_000
    assert located["Amazon"] == text.index("Amazon")
    assert {"Satya Nadella", "Tim Cook"} <= {r["name"] for r in rows}


# ---- stdin through the command line -------------------------------------------


def kg_cli(*args: object, input: str) -> "subprocess.CompletedProcess[str]":
    import subprocess

    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], input=input,
                          capture_output=True, text=True, timeout=300)


def test_cli_builds_jsonl_from_stdin_with_format(tmp_path):
    from kg.graph.knowledge import open_graph

    rows = [{"text": "Tim Cook is the CEO of Apple.", "title": "Cook", "id": "a1"},
            {"text": "Amazon acquired Annapurna Labs in 2015.", "title": "Labs"}]
    result = kg_cli("build", "-", "--format", "jsonl", "-o", tmp_path / "out", "--no-html", "-q",
                    input="".join(json.dumps(r) + "\n" for r in rows))
    assert result.returncode == 0, result.stderr
    docs = open_graph(tmp_path / "out").query(
        "SELECT ?source ?title WHERE { ?d a kg:Document ; kg:source ?source ; kg:title ?title } "
        "ORDER BY ?title")
    assert [(d["source"], d["title"]) for d in docs] == [("<stdin>:1", "Cook"), ("<stdin>:2", "Labs")]
    # without --format, stdin stays plain text: one document holding the JSON lines
    result = kg_cli("build", "-", "-o", tmp_path / "plain", "--no-html", "-q",
                    input=json.dumps(rows[0]) + "\n")
    assert result.returncode == 0, result.stderr
    [doc] = open_graph(tmp_path / "plain").query("SELECT ?s WHERE { ?d a kg:Document ; kg:source ?s }")
    assert doc["s"] == "<stdin>"


def test_cli_unknown_stdin_format_is_one_line(tmp_path):
    result = kg_cli("build", "-", "--format", "pdf", "-o", tmp_path / "out", "--no-html", "-q",
                    input="x")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "unknown input format 'pdf'" in result.stderr and "jsonl" in result.stderr
