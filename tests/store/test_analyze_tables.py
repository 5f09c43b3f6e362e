"""The analysis tables: registered after every core migration, grades persist, the cache keys on a stamp."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.exc import StoreError
from claimgraph.store import open_store
from claimgraph.store.analyze_tables import cached, grades, set_grade, store_cache
from claimgraph.store.migrations import MIGRATIONS


def test_the_analysis_migration_runs_after_every_core_migration() -> None:
    names = [m.name for m in MIGRATIONS.migrations]
    analysis = [i for i, n in enumerate(names) if n.startswith("analyze_")]
    assert analysis and all(
        i > j for i in analysis for j, n in enumerate(names) if not n.startswith("analyze_")
    )


def test_grades_persist_across_reopening(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    with open_store(path) as store:
        set_grade(store, "Daily Courier", "c", user="ana")
    with open_store(path) as store:
        found = grades(store)["daily courier"]
        assert (found["publisher"], found["grade"], found["set_by"]) == ("Daily Courier", "C", "ana")
        with pytest.raises(StoreError):
            set_grade(store, "  ", "A")


def test_the_cache_answers_only_for_its_stamp(tmp_path: Path) -> None:
    with open_store(tmp_path / "kb.db") as store:
        assert cached(store, "incidents", "s1") is None
        assert store_cache(store, "incidents", "s1", {"members": {"a": [1, 2]}})
        assert cached(store, "incidents", "s1") == {"members": {"a": [1, 2]}}
        assert cached(store, "incidents", "s2") is None


def test_a_knowledge_base_that_refuses_writes_keeps_no_cache_but_does_not_fail(tmp_path: Path) -> None:
    with open_store(tmp_path / "kb.db") as store:
        store.connection.execute("PRAGMA query_only = ON")
        assert store_cache(store, "incidents", "s1", {}) is False
        assert cached(store, "incidents", "s1") is None
