"""Every setting is documented in the README with its default, and the environment overrides it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import settings

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_setting_is_documented_with_its_default(setting: settings.Setting) -> None:
    rows = [
        line for line in README.read_text().splitlines() if f"`CLAIMGRAPH_{setting.name.upper()}`" in line
    ]
    assert rows, f"CLAIMGRAPH_{setting.name.upper()} is not in the README's settings table"
    assert f"`{setting.default}`" in rows[0] or not setting.default


def test_environment_overrides_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMGRAPH_MAX_FILE_MB", "7")
    assert settings.get_int("max_file_mb") == 7
    monkeypatch.delenv("CLAIMGRAPH_MAX_FILE_MB")
    assert settings.get("max_file_mb") == "50"
