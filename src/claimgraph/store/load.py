"""Rebuild records from stored rows (the dicts a ``Store`` returns)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from claimgraph.records import Citation, Document, Entity, Estimate, Event, Mention, Statement

Row = dict[str, Any]
T = TypeVar("T")


def build(cls: type[T], row: Row, **columns: str) -> T:
    """A record whose fields come from the row's columns of the same name (``columns`` renames:
    field → column); lists are copied, and a field the row does not hold keeps its default."""
    values: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        column = columns.get(f.name, f.name)
        if column in row:
            value = row[column]
            values[f.name] = list(value) if isinstance(value, list) else value
    return cls(**values)


def document(row: Row) -> Document:
    return build(Document, row)


def entity(row: Row, mentions: list[Row]) -> Entity:
    return build(Entity, {**row, "mentions": [build(Mention, m) for m in mentions]}, id="local_id")


def event(row: Row) -> Event:
    return build(Event, row, id="local_id")


def statement(row: Row) -> Statement:
    return build(Statement, row)


def estimate(row: Row) -> Estimate:
    return build(Estimate, row)


def citation(row: Row) -> Citation:
    return build(Citation, row, id="note_id")
