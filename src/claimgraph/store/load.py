"""Rebuild records from stored rows (the dicts a ``Store`` returns)."""

from __future__ import annotations

from typing import Any

from claimgraph.records import Citation, Document, Entity, Estimate, Event, Mention, Statement

Row = dict[str, Any]


def document(row: Row) -> Document:
    return Document(
        text=row["text"],
        source_path=row["source_path"],
        sha256=row["sha256"],
        reader=row["reader"],
        title=row["title"],
        authors=list(row["authors"]),
        published=row["published"],
        media_type=row["media_type"],
    )


def entity(row: Row, mentions: list[Row]) -> Entity:
    return Entity(
        id=row["local_id"],
        type=row["type"],
        name=row["name"],
        kind=row["kind"],
        aliases=list(row["aliases"]),
        pack_id=row["pack_id"],
        mentions=[Mention(m["text"], m["start"], m["end"], m["rule"]) for m in mentions],
        rule=row["rule"],
    )


def event(row: Row) -> Event:
    return Event(
        id=row["local_id"],
        kind=row["kind"],
        name=row["name"],
        date=row["date"],
        location=row["location"],
        killed=row["killed"],
        wounded=row["wounded"],
        targets=list(row["targets"]),
        participants=list(row["participants"]),
        evidence=row["evidence"],
        start=row["start"],
        end=row["end"],
        notes=list(row["notes"]),
        rule=row["rule"],
    )


def statement(row: Row) -> Statement:
    return Statement(
        subject=row["subject"],
        predicate=row["predicate"],
        object=row["object"],
        by=row["by"],
        polarity=row["polarity"],
        certainty=row["certainty"],
        date=row["date"],
        evidence=row["evidence"],
        start=row["start"],
        end=row["end"],
        notes=list(row["notes"]),
        rule=row["rule"],
    )


def estimate(row: Row) -> Estimate:
    return Estimate(
        subject=row["subject"],
        quantity=row["quantity"],
        low=row["low"],
        high=row["high"],
        as_of=row["as_of"],
        by=row["by"],
        evidence=row["evidence"],
        start=row["start"],
        end=row["end"],
        notes=list(row["notes"]),
        rule=row["rule"],
    )


def citation(row: Row) -> Citation:
    return Citation(
        id=row["note_id"],
        authors=list(row["authors"]),
        title=row["title"],
        publisher=row["publisher"],
        date=row["date"],
        url=row["url"],
        accessed=row["accessed"],
        ref=row["ref"],
        raw=row["raw"],
        start=row["start"],
        end=row["end"],
    )
