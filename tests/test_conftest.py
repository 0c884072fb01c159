"""The shared test helpers in conftest.py: a missing browser skips, or fails in CI."""

from __future__ import annotations

import pytest

from conftest import skip_or_fail


def test_missing_requirement_skips_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs Chromium"):
        skip_or_fail("needs Chromium", "KG_REQUIRE_BROWSER")


def test_missing_requirement_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="needs Chromium; KG_REQUIRE_BROWSER=1"):
        skip_or_fail("needs Chromium", "KG_REQUIRE_BROWSER")


def test_browser_binaries_are_files_when_found(browser_binaries: tuple[str, str]) -> None:
    from pathlib import Path

    assert all(Path(p).is_file() for p in browser_binaries)
