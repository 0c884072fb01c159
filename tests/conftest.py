"""Shared fixtures: real builds, made once per test session.

``sample_build`` and ``seed_build`` run the whole pipeline (real spaCy model,
real Oxigraph store, graph.ttl and graph.html) and return the build
directory. Tests must treat them as read-only: open the store with
``GraphStore.open_build(out, read_only=True)`` or ``kg.open_graph(out)``, and
build into their own ``tmp_path`` when they need to change something.
"""

from __future__ import annotations

from pathlib import Path

import pytest

#: The news article the project was started with (outside the repository).
SEED = Path(__file__).resolve().parents[2] / "shared/seeds/apple-aws-trainium2.txt"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus, built once: the build directory (read-only)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("sample")
    report = build(None, out, html=True)
    assert report.documents > 0 and not report.errors, report.to_text()
    return out


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``seeds/apple-aws-trainium2.txt``, built once: the build directory (read-only)."""
    if not SEED.is_file():
        pytest.skip(f"seed article not found: {SEED}")
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seed")
    report = build([SEED], out, html=True)
    assert report.documents == 1 and not report.errors, report.to_text()
    return out
