"""Human judgements on the knowledge base: merge, split, undo, and their JSON-lines file.

Like nomenklatura's resolver, a judgement is stored, never inferred again:
``merge`` and ``split`` append a row to ``decisions`` naming record keys
("<document sha256[:12]>:<local id>"), so it holds after the documents are
re-ingested; ``undo`` marks a row deleted.  The latest judgement wins: a
merge withdraws the splits that kept its two entities apart, a split the
merges that joined what it separates.  After each change only the entities
involved are re-clustered, so a command answers at once on a large base.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimgraph.exc import Conflict, NotFound, ReadError
from claimgraph.resolve.names import normalize
from claimgraph.resolve.service import ensure_resolved, resolve_store
from claimgraph.resolve.view import find_entity
from claimgraph.store.base import Row, Store

KINDS = ("merge", "split")
FILE_FIELDS = ("kind", "a_key", "b_key_or_alias", "user", "reason", "created_at")


def _names(member: Row) -> set[str]:
    return {normalize(n) for n in [member["name"], *member["aliases"]]}


def anchor(members: Iterable[Row]) -> str:
    """The member record a decision is pinned to: a pack-backed one first, then the smallest key."""
    return min(members, key=lambda m: (m["pack_id"] is None, m["record_key"]))["record_key"]


def _target(store: Store, text: str, aliases: bool) -> tuple[Row, list[Row]]:
    """The entity ``text`` names and the member records it stands for (one, for a record key)."""
    entity = find_entity(store, text)
    one = store.kb_members(record_key=text.strip(), aliases=aliases) if ":" in text else []
    return entity, one or store.kb_members(entity["id"], aliases=aliases)


def merge(store: Store, a: str, b: str, *, reason: str = "", user: str = "") -> Row:
    """Record that ``a`` and ``b`` (ids, record keys, names or aliases) are one entity; returns the decision."""
    ensure_resolved(store)
    splits = [d for d in store.decisions() if d["kind"] == "split"]
    (ea, ma), (eb, mb) = _target(store, a, bool(splits)), _target(store, b, bool(splits))
    if ea["id"] == eb["id"]:
        raise Conflict(f"{a!r} and {b!r} are already one entity: {ea['id']}")
    if ea["type"] != eb["type"]:
        raise Conflict(
            f"refusing to merge {ea['type']} {ea['name']!r} ({ea['id']}) with {eb['type']} "
            f"{eb['name']!r} ({eb['id']}): entities of different types are never merged"
        )
    if splits:
        keys_a, keys_b = {m["record_key"] for m in ma}, {m["record_key"] for m in mb}
        names_a = {m["record_key"]: _names(m) for m in ma}
        names_b = {m["record_key"]: _names(m) for m in mb}
        for d in splits:
            if _separates(d, keys_a, names_b) or _separates(d, keys_b, names_a):
                store.delete_decision(d["id"])
    row = store.add_decision("merge", anchor(ma), anchor(mb), user=user, reason=reason)
    resolve_store(store, only=[ea["id"], eb["id"]])
    return row


def _separates(split: Row, anchors: set[str], others: dict[str, set[str]]) -> bool:
    b = split["b_key_or_alias"]
    return split["a_key"] in anchors and (b in others or any(normalize(b) in n for n in others.values()))


def split(store: Store, entity: str, alias: str, *, reason: str = "", user: str = "") -> Row:
    """Record that the records called ``alias`` (or the record with that key) are not ``entity``.

    Returns the decision, with ``records``: the keys of the records split off.
    """
    ensure_resolved(store)
    target = find_entity(store, entity)
    members = store.kb_members(target["id"])
    wanted = normalize(alias)
    leaving = [m for m in members if m["record_key"] == alias.strip()] or [
        m for m in members if wanted in _names(m)
    ]
    if not leaving:
        known = ", ".join(sorted({a for m in members for a in m["aliases"]})[:12])
        raise NotFound(f"{target['id']} has no alias {alias!r} (its aliases: {known})")
    gone = {m["record_key"] for m in leaving}
    staying = [m for m in members if m["record_key"] not in gone]
    if not staying:
        raise Conflict(
            f"every record of {target['id']} is called {alias!r}; split one record off by its key "
            f"(claimgraph show {target['id']} lists them)"
        )
    stay = {m["record_key"] for m in staying}
    for d in store.decisions():
        pair = {d["a_key"], d["b_key_or_alias"]}
        if d["kind"] == "merge" and pair & gone and pair & stay:
            store.delete_decision(d["id"])
    b = leaving[0]["record_key"] if alias.strip() in gone else alias.strip()
    row = store.add_decision("split", anchor(staying), b, user=user, reason=reason)
    resolve_store(store, only=[target["id"]])
    return {**row, "records": sorted(gone)}


def undo(store: Store, decision_id: int) -> Row:
    """Withdraw a decision; the entities it touched are re-clustered without it."""
    row = store.delete_decision(decision_id)
    ensure_resolved(store)
    touched: set[str] = set()
    for key in (row["a_key"], row["b_key_or_alias"]):
        touched |= {m["canonical"] for m in store.kb_members(record_key=key)}
    if row["kind"] == "split" and ":" not in row["b_key_or_alias"]:
        touched |= {e["id"] for e in store.find_kb_entities(row["b_key_or_alias"])}
    if touched:
        resolve_store(store, only=sorted(touched))
    return row


def dump(store: Store, path: str | Path) -> int:
    """Write the live decisions as JSON lines (with the current names, for readers); returns how many."""
    lines = []
    for d in store.decisions():
        out: dict[str, Any] = {k: d[k] for k in FILE_FIELDS}
        for side, key in (("a_name", d["a_key"]), ("b_name", d["b_key_or_alias"])):
            members = store.kb_members(record_key=key)
            if members:
                out[side] = members[0]["name"]
        lines.append(json.dumps(out, ensure_ascii=False, sort_keys=True))
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def load(store: Store, path: str | Path) -> int:
    """Add the decisions of a JSON-lines file that are not already live, then resolve; returns how many."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ReadError(str(path), e.strerror or str(e)) from None
    wanted = [_parse(str(path), n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    live = {(d["kind"], d["a_key"], d["b_key_or_alias"]) for d in store.decisions()}
    added = 0
    for d in wanted:
        if (d["kind"], d["a_key"], d["b_key_or_alias"]) in live:
            continue
        live.add((d["kind"], d["a_key"], d["b_key_or_alias"]))
        store.add_decision(
            d["kind"],
            d["a_key"],
            d["b_key_or_alias"],
            user=d.get("user") or "",
            reason=d.get("reason") or "",
            created_at=d.get("created_at"),
        )
        added += 1
    if added:
        resolve_store(store)
    return added


def _parse(path: str, number: int, line: str) -> dict[str, Any]:
    try:
        d = json.loads(line)
    except json.JSONDecodeError as e:
        raise ReadError(path, f"line {number}: not JSON ({e.msg})") from None
    if not isinstance(d, dict) or d.get("kind") not in KINDS:
        raise ReadError(path, f'line {number}: needs "kind": "merge" or "split"')
    for k in ("a_key", "b_key_or_alias"):
        if not isinstance(d.get(k), str) or not d[k].strip():
            raise ReadError(path, f"line {number}: needs a non-empty string {k!r}")
    return d
