"""The README is a contract: its quick start is what CI runs, its queries work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import argparse

from kg.cli import parser
from kg.config import Settings, describe
from kg.graph.knowledge import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


def test_quick_start_is_what_ci_runs() -> None:
    quick_start = _blocks("bash")[0].strip().splitlines()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(quick_start) == 2
    for command in quick_start:
        assert command in ci.splitlines(), f"README command not in .ci/run: {command}"


def test_every_ready_query_answers_on_the_seed_article(seed_build: Path) -> None:
    graph = KnowledgeGraph(seed_build)
    queries = _blocks("sparql")
    assert len(queries) >= 4
    for query in queries:
        rows = graph.query(query)
        if "quarantine" in query:
            continue  # the seed article may well have nothing quarantined
        assert rows, f"no answer on the seed article for:\n{query}"


def test_readme_evidence_query_gives_the_sentence(seed_build: Path) -> None:
    evidence = next(q for q in _blocks("sparql") if "Benoit Dupin" in q)
    rows = KnowledgeGraph(seed_build).query(evidence)
    row = rows[0]  # the surest: the title rule on "Benoit Dupin, Apple's Senior Director"
    assert row["sentence"].startswith("During the annual AWS Reinvent conference, Benoit Dupin")
    assert row["extractor"] == "rule:title"
    assert [float(r["confidence"]) for r in rows] == sorted((float(r["confidence"]) for r in rows),
                                                            reverse=True)
    assert row["source"].endswith("apple-aws-trainium2.txt")


def _section(title: str) -> str:
    match = re.search(rf"(?ms)^## {title}\n(.*?)(?=^## )", README)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _subcommands() -> list[str]:
    """The commands of the real parser (``kg.cli.parser()``), not a hand-kept list."""
    (action,) = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


@pytest.mark.parametrize("command", _subcommands())
def test_each_command_is_in_the_commands_table(command: str) -> None:
    rows = re.findall(r"(?m)^\| `kg (\S+)", _section("Commands"))
    assert command in rows, f"`kg {command}` has no row in the README's Commands table"


def settings_table() -> list[str]:
    """The README's Configuration table, as :func:`kg.config.describe` makes it."""
    rows = ["| setting | option | type | default | meaning |", "|---|---|---|---|---|"]
    for name, kind, default, meaning in describe():
        shown = default if default == "—" else f"`{default}`"
        rows.append(f"| `{name}` | `--{name.replace('_', '-')}` | {kind} | {shown} | {meaning} |")
    return rows


def test_every_setting_is_in_the_configuration_table() -> None:
    section = _section("Configuration")
    expected = "\n".join(settings_table())
    assert expected in section, f"update the README's Configuration table to:\n{expected}"


def test_configuration_example_is_valid(tmp_path: Path) -> None:
    (example,) = re.findall(r"```toml\n(.*?)```", _section("Configuration"), flags=re.S)
    (tmp_path / "kg.toml").write_text(example, encoding="utf-8")
    settings = Settings.from_toml(tmp_path / "kg.toml")
    assert settings != Settings()
    assert settings.model == "en_core_web_md"
