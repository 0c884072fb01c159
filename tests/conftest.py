"""Shared fixtures: real builds, made once per test session.

``sample_build`` and ``seed_build`` run the whole pipeline (real spaCy model,
real Oxigraph store, graph.ttl and graph.html) and return the build
directory. Tests must treat them as read-only: open the store with
``GraphStore.open_build(out, read_only=True)`` or ``kg.open_graph(out)``, and
build into their own ``tmp_path`` when they need to change something.

``browser_binaries`` finds Chromium and chromedriver for the browser tests.
Without them those tests skip, except under ``KG_REQUIRE_BROWSER=1`` (set
by ``.ci/run``), where they fail: CI must not pass by skipping its browser.

Hypothesis draws new examples on every run; ``HYPOTHESIS_PROFILE=ci`` (set by
``.ci/run``) draws the same ones every time, so that CI's verdict depends on the
code only. A failure found elsewhere becomes an ``@example`` of its test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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


def _binary(env: str, default: str, name: str) -> str | None:
    """``$env`` if set, else ``default``, else ``name`` on the PATH: the first that is a file."""
    for candidate in (os.environ.get(env), default, shutil.which(name)):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def skip_or_fail(reason: str, required_by: str) -> None:
    """Skip the test, or fail it when the environment variable ``required_by`` is ``1``."""
    if os.environ.get(required_by) == "1":
        pytest.fail(f"{reason}; {required_by}=1 makes this a failure, not a skip", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_binaries() -> tuple[str, str]:
    """``(chromium, chromedriver)`` paths (``KG_CHROMIUM`` / ``KG_CHROMEDRIVER`` override them).

    Missing: the test skips, or fails under ``KG_REQUIRE_BROWSER=1``.
    """
    chromium = _binary("KG_CHROMIUM", "/usr/bin/chromium", "chromium")
    chromedriver = _binary("KG_CHROMEDRIVER", "/usr/bin/chromedriver", "chromedriver")
    if chromium is None or chromedriver is None:
        missing = " and ".join(n for n, p in (("Chromium", chromium), ("chromedriver", chromedriver)) if p is None)
        skip_or_fail(f"needs {missing} (apt-get install chromium chromium-driver)", "KG_REQUIRE_BROWSER")
    return chromium, chromedriver  # type: ignore[return-value]
