"""The ``kg`` command, through the real entry point (``python -m kg``).

Subprocess runs check what a user sees: exit status, stdout, and that a
mistake is exactly one ``kg: error:`` line with no traceback. Where only the
library's answer matters, ``kg.cli.main([...])`` runs in-process, which
reuses the already loaded spaCy model.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.cli import main, parser
from kg.config import Settings, describe
from kg.graph.knowledge import open_graph

REPO = Path(__file__).resolve().parents[1]
GOOD_TEXT = "Tim Cook is the chief executive of Apple. Apple uses chips made by TSMC.\n"
DOCS = "SELECT ?d ?src WHERE { ?d a kg:Document ; kg:source ?src } ORDER BY ?src"


def subcommands() -> list[str]:
    """The commands the real parser has (not a hand-kept list), so a new one cannot be forgotten."""
    actions = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return sorted(actions[0].choices)


COMMANDS = subcommands()


def kg(*args: object, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m kg ARGS`` as a user would; text in and out."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], input=input, cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 1, one ``kg: error:`` line on stderr naming ``words``, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: "), lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def sources(out: Path) -> list[str]:
    return [row["src"] for row in open_graph(out).query(DOCS)]


def triples(out: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(out / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def good_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("input") / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory,
                good_file: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``kg build good.txt -o OUT`` in a subprocess: (OUT, the finished process)."""
    out = tmp_path_factory.mktemp("small") / "out"
    return out, kg("build", good_file, "-o", out)


# ---- help ---------------------------------------------------------------------


def test_top_level_help_has_an_example() -> None:
    result = kg("--help")
    assert result.returncode == 0
    assert re.search(r"(?m)^\s*Example: kg ", result.stdout), result.stdout
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_has_an_example(command: str) -> None:
    result = kg(command, "--help")
    assert result.returncode == 0, result.stderr
    assert re.search(rf"(?m)^\s*Example: kg {command}\b", result.stdout), result.stdout


def test_version() -> None:
    from kg import __version__

    result = kg("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kg {__version__}"


def test_no_command_is_a_usage_error() -> None:
    result = kg()
    assert result.returncode == 2
    assert "usage: kg" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_commands_are_the_known_ones() -> None:
    # A guard on subcommands() itself: it must find the parser's commands, not nothing.
    assert {"build", "query", "html", "stats", "eval", "train"} <= set(COMMANDS)


# ---- settings: --config and the options made from Settings ------------------------


def test_every_setting_is_an_option_of_build_and_eval() -> None:
    for command in ("build", "eval"):
        result = kg(command, "--help")
        for f in describe():
            option = "--" + f[0].replace("_", "-")
            assert re.search(rf"(?m)^\s*{option}\b", result.stdout), (command, option)
        assert "--config FILE" in result.stdout


def parsed_settings(*argv: str) -> Settings:
    from kg.cli import _settings

    return _settings(parser().parse_args(["build", *argv]))


def test_cli_options_override_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "kg.toml"
    config.write_text('[kg]\nbatch_size = 8\nmin_confidence = 0.25\nextractors = ["rules"]\n'
                      'base-iri = "https://example.org/id/"\n', encoding="utf-8")
    settings = parsed_settings("--config", str(config), "--batch-size", "3", "--extractors", "a, b")
    assert settings.batch_size == 3                      # the command line wins
    assert settings.min_confidence == 0.25               # the file's value stays
    assert settings.extractors == ("a", "b")
    assert settings.base_iri == "https://example.org/id/"
    assert parsed_settings("--config", str(config)).extractors == ("rules",)
    assert parsed_settings() == Settings()


def test_top_level_config_and_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "kg.toml").write_text('model = "en_core_web_md"\nrelation_threshold = 1\n', encoding="utf-8")
    settings = Settings.from_toml(tmp_path / "kg.toml")
    assert (settings.model, settings.relation_threshold) == ("en_core_web_md", 1.0)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.kg]\nn_process = 2\n',
                                             encoding="utf-8")
    assert Settings.from_toml(tmp_path / "pyproject.toml").n_process == 2


@pytest.mark.parametrize(("text", "words"), [
    ("batch_sise = 3\n", ["'batch_sise'", "valid: base_iri, batch_size"]),
    ("[kg]\nextractor = ['x']\n", ["'extractor'", "extractors"]),
    ("batch_size = '3'\n", ["batch_size must be an integer", "'3'"]),
    ("extractors = 'rules'\n", ["extractors must be a list of strings"]),
    ("min_confidence = 2\n", ["min_confidence must be in [0, 1]"]),
    ("model = 'x'\n[kg]\nmodel = 'y'\n", ["both at the top level", "[kg]"]),
    ("batch_size = \n", ["cannot read settings"]),
])
def test_a_bad_config_is_one_error_line(tmp_path: Path, text: str, words: list[str]) -> None:
    config = tmp_path / "kg.toml"
    config.write_text(text, encoding="utf-8")
    result = kg("build", "--config", config, "-o", tmp_path / "out", "-q", "--no-html")
    assert_one_error_line(result, "kg.toml", *words)
    assert not (tmp_path / "out").exists()


def test_pyproject_without_a_tool_kg_table_is_an_error(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["eval", "gold", "missing.json", "--config", str(tmp_path / "pyproject.toml")]) == 1
    assert "no [tool.kg] table" in capsys.readouterr().err


def test_a_bad_option_value_is_a_usage_error(tmp_path: Path) -> None:
    result = kg("build", "--batch-size", "many", "-o", tmp_path / "out")
    assert result.returncode == 2 and "--batch-size" in result.stderr
    result = kg("build", "--extractors", ",", "-o", tmp_path / "out")
    assert result.returncode == 2 and "comma-separated names" in result.stderr


# ---- build ----------------------------------------------------------------------


def test_build_prints_a_summary_and_writes_the_outputs(small_build: tuple[Path, Any]) -> None:
    out, result = small_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "entities" in result.stdout and "relations" in result.stdout
    assert re.search(r"\b1 new document", result.stdout), result.stdout
    assert (out / "graph.ttl").is_file()
    assert (out / "graph.html").is_file()
    assert (out / "store").is_dir()
    assert len(triples(out)) > 0
    assert "<html" in (out / "graph.html").read_text(encoding="utf-8").lower()


def test_build_stores_the_document_and_its_entities(small_build: tuple[Path, Any], good_file: Path) -> None:
    out, _ = small_build
    assert sources(out) == [str(good_file)]
    labels = {r["l"] for r in open_graph(out).query(
        "SELECT ?l WHERE { ?e kg:mentionedIn ?d ; rdfs:label ?l }")}
    assert {"Apple", "Tim Cook"} <= labels


def test_build_the_same_input_again_adds_nothing(tmp_path: Path, good_file: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", str(good_file), "-o", str(out), "-q"]) == 0
    gc.collect()
    first = triples(out)
    before = len(open_graph(out).store)
    capsys.readouterr()

    assert main(["build", str(good_file), "-o", str(out)]) == 0
    gc.collect()
    printed = capsys.readouterr().out
    assert re.search(r"\b0 new document", printed), printed
    assert re.search(r"\b1 already in the graph", printed), printed
    assert isomorphic(triples(out), first)
    assert len(open_graph(out).store) == before
    assert sources(out) == [str(good_file)]


def test_build_the_same_text_under_another_name_adds_nothing(tmp_path: Path, good_file: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    copy = tmp_path / "copy.txt"
    copy.write_text(GOOD_TEXT, encoding="utf-8")
    assert main(["build", str(good_file), str(copy), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"\b1 new document", printed) and "1 already in the graph" in printed, printed


def test_build_goes_on_past_bad_inputs(tmp_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    (data / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (data / "empty.txt").write_bytes(b"")
    (data / "binary.txt").write_bytes(b"Apple\x00\x01\x02\x03 binary \x00 data")
    (data / "latin1.txt").write_bytes("Café in Paris, crème brûlée.".encode("latin-1"))
    (data / "news.jsonl").write_text(
        '{"text": "Satya Nadella is the chief executive of Microsoft."}\n'
        '{"text": not json\n'
        '{"text": "Sundar Pichai leads Google."}\n', encoding="utf-8")
    names = ["good.txt", "missing.txt", "empty.txt", "binary.txt", "latin1.txt", "news.jsonl"]
    out = tmp_path / "out"
    result = kg("build", *names, "-o", out, cwd=data)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 4, result.stderr
    expected = {  # file: a word of the reason (latin1.txt is read in its detected encoding)
        "missing.txt": "no such file", "empty.txt": "empty", "binary.txt": "binary",
        "news.jsonl": "line 2",
    }
    for name, reason in expected.items():
        hits = [line for line in lines if name in line]
        assert len(hits) == 1, (name, lines)
        assert reason in hits[0], (reason, hits[0])
    assert sources(out) == ["good.txt", "latin1.txt", "news.jsonl:1", "news.jsonl:3"]
    assert "entities" in result.stdout and "relations" in result.stdout


def test_build_with_only_bad_inputs_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nothing-here.txt"), "-o", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "nothing-here.txt" in err


def test_build_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = kg("build", "-", "-o", out, input="Jeff Bezos founded Amazon in Seattle.\n")
    assert result.returncode == 0, result.stderr
    assert "entities" in result.stdout
    found = sources(out)
    assert len(found) == 1 and "stdin" in found[0], found
    labels = {r["l"] for r in open_graph(out).query(
        "SELECT ?l WHERE { ?e kg:mentionedIn ?d ; rdfs:label ?l }")}
    assert "Amazon" in labels


def test_build_into_a_file_is_one_error_line(tmp_path: Path, good_file: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a-file"
    target.write_text("not a directory", encoding="utf-8")
    assert main(["build", str(good_file), "-o", str(target), "-q"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("kg: error:") and str(target) in err


# ---- query ----------------------------------------------------------------------


def test_query_csv(sample_build: Path) -> None:
    result = kg("query", sample_build, DOCS, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["d", "src"]
    assert [r[1] for r in rows[1:]] == sources(sample_build)
    assert len(rows) > 2
    assert {Path(r[1].split(":")[0]).suffix for r in rows[1:]} >= {".txt", ".md", ".html", ".jsonl"}


def test_query_json(sample_build: Path) -> None:
    result = kg("query", sample_build, DOCS, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["d", "src"]
    assert [b["src"]["value"] for b in data["results"]["bindings"]] == sources(sample_build)
    assert {b["d"]["type"] for b in data["results"]["bindings"]} == {"uri"}


def test_query_table_is_the_default(sample_build: Path) -> None:
    result = kg("query", sample_build, DOCS)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    n = len(sources(sample_build))
    assert lines[0].split() == ["d", "src"]
    assert lines[-1] == f"({n} rows)"
    assert len(lines) == n + 3
    assert kg("query", sample_build, DOCS, "--format", "table").stdout == result.stdout


def test_query_ask_and_construct(sample_build: Path) -> None:
    assert kg("query", sample_build, "ASK { ?o a kg:Organization }").stdout.strip() == "true"
    result = kg("query", sample_build, "CONSTRUCT { ?d a kg:Document } WHERE { ?d a kg:Document }",
                "--format", "csv")
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(data=result.stdout, format="nt")
    assert len(graph) == len(sources(sample_build))


def test_query_from_a_file(sample_build: Path, tmp_path: Path) -> None:
    rq = tmp_path / "docs.rq"
    rq.write_text("# every document\n" + DOCS + "\n", encoding="utf-8")
    from_file = kg("query", sample_build, f"@{rq}", "--format", "csv")
    assert from_file.returncode == 0, from_file.stderr
    assert from_file.stdout == kg("query", sample_build, DOCS, "--format", "csv").stdout


def test_query_an_rdf_file(sample_build: Path) -> None:
    result = kg("query", sample_build / "graph.ttl", DOCS, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert [r[1] for r in list(csv.reader(io.StringIO(result.stdout)))[1:]] == sources(sample_build)


def test_query_syntax_error_is_one_line(sample_build: Path) -> None:
    line = assert_one_error_line(kg("query", sample_build, "SELECT ?x WHERE { ?x ?y }"), "syntax error")
    assert re.search(r"\d+:\d+", line), line  # says where


@pytest.mark.parametrize("update", [
    "INSERT DATA { kg:a kg:b kg:c }",
    "PREFIX ex: <http://example.org/>\ndelete where { ?s ?p ?o }",
    "# tidy up\nDROP ALL",
])
def test_query_update_is_refused(sample_build: Path, update: str) -> None:
    before = len(open_graph(sample_build).store)
    assert_one_error_line(kg("query", sample_build, update), "refused")
    assert len(open_graph(sample_build).store) == before


@pytest.mark.parametrize("source", ["missing-dir", "missing.ttl"])
def test_query_missing_source_is_one_line(tmp_path: Path, source: str) -> None:
    assert_one_error_line(kg("query", tmp_path / source, "ASK { ?s ?p ?o }"), source)


def test_query_a_directory_that_is_not_a_build(tmp_path: Path) -> None:
    assert_one_error_line(kg("query", tmp_path, "ASK { ?s ?p ?o }"), str(tmp_path), "kg build")


def test_query_missing_query_file_is_one_line(sample_build: Path, tmp_path: Path) -> None:
    assert_one_error_line(kg("query", sample_build, f"@{tmp_path / 'nope.rq'}"), "nope.rq")


def test_query_unknown_format_is_a_usage_error(sample_build: Path) -> None:
    result = kg("query", sample_build, DOCS, "--format", "xml")
    assert result.returncode == 2
    assert "table" in result.stderr and "Traceback" not in result.stderr


def test_query_errors_in_process(sample_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(sample_build), "SELEC * WHERE {}"]) == 1
    assert main(["query", str(sample_build), "CLEAR ALL"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("kg: error:") for line in err)
    assert main(["query", str(sample_build), "ASK { ?d a kg:Document }"]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_query_file_not_utf8_is_one_line(sample_build: Path, tmp_path: Path) -> None:
    rq = tmp_path / "latin1.rq"
    rq.write_bytes('SELECT * WHERE { ?s rdfs:label "Café" }'.encode("latin-1"))
    assert_one_error_line(kg("query", sample_build, f"@{rq}"), "latin1.rq")


def test_query_failing_service_is_one_line(sample_build: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    assert_one_error_line(kg("query", sample_build, query))


# ---- stats and html ------------------------------------------------------------


def test_stats(sample_build: Path) -> None:
    result = kg("stats", sample_build)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert re.search(rf"(?m)^documents: {len(sources(sample_build))}$", text), text
    [row] = open_graph(sample_build).query(
        "SELECT (COUNT(?e) AS ?n) WHERE { VALUES ?c { kg:Organization kg:Person kg:Place kg:Product "
        "kg:Event kg:Technology } ?e a ?c }")
    assert re.search(rf"(?m)^entities: {row['n']}$", text), text
    assert re.search(r"(?m)^relations: \d+$", text), text
    assert re.search(r"(?m)^\s+Organization: \d+$", text), text


def test_stats_top(sample_build: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(sample_build), "--top", "3"]) == 0
    text = capsys.readouterr().out
    ranked = text.split("most central", 1)[1].strip().splitlines()[1:]
    assert len(ranked) == 3, text


def test_stats_missing_source(tmp_path: Path) -> None:
    assert_one_error_line(kg("stats", tmp_path / "gone"), "gone")


def test_html_writes_the_file(sample_build: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    result = kg("html", sample_build, "-o", target)
    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout
    page = target.read_text(encoding="utf-8")
    assert "<html" in page.lower() and "Microsoft" in page
    assert not (tmp_path / "graph.html").exists()


def test_html_missing_source(tmp_path: Path) -> None:
    assert_one_error_line(kg("html", tmp_path / "gone", "-o", tmp_path / "x.html"), "gone")
    assert not (tmp_path / "x.html").exists()


def test_html_into_a_missing_directory_is_written_or_one_line(sample_build: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "x.html"
    result = kg("html", sample_build, "-o", target)
    if result.returncode == 0:  # creating the directory is a fine answer too
        assert target.is_file() and not result.stderr
    else:
        assert_one_error_line(result, "x.html")


@pytest.mark.parametrize("name", ["json-ld", "jsonld"])
def test_cli_export_json_ld_by_either_name(seed_build: Path, tmp_path: Path, name: str) -> None:
    """One format table: the name and its alias are the same format (kg issue 8)."""
    target = tmp_path / "graph.out"
    assert main(["export", str(seed_build), "--format", name, "-o", str(target)]) == 0
    written = rdflib.Graph().parse(target, format="json-ld")
    assert len(written) > 10 and isomorphic(written, triples(seed_build))
