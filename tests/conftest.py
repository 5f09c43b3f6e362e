"""Suite-wide fixtures and the CI rule: with CI=true a skipped test fails the run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMGRAPH_SHARED", ROOT.parent / "shared"))
DEV_DOCS = SHARED / "eval" / "docs"
DEV_GOLD = SHARED / "eval" / "gold"

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI", "").lower() == "true" and _skipped:
        print(f"\nCI=true: {len(_skipped)} skipped test(s) count as failures:")
        for nodeid in _skipped:
            print("  ", nodeid)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def dev_docs() -> Path:
    """The development reports, read-only; tests that need them skip when absent."""
    if not DEV_DOCS.is_dir():
        pytest.skip(f"development reports not found at {DEV_DOCS}")
    return DEV_DOCS


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    if not DEV_GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {DEV_GOLD}")
    return DEV_GOLD
