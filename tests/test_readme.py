"""The README is a contract: its quick start is what CI runs, its queries work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.cli import COMMANDS
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


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_is_documented(command: str) -> None:
    assert f"kg {command}" in README
