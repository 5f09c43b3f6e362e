"""Cluster entity records into knowledge-base entities, honouring human decisions.

Automatic matches come from ``matching.match``; human decisions (merge two
entities, split an alias off an entity) are applied first and can never be
overridden by a rule, so they survive every re-ingest.  Every union keeps the
rule and evidence that caused it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimgraph.resolve.matching import Record, blocking_keys, match
from claimgraph.resolve.names import normalize

RULE_STRENGTH = {"human_merge": 0, "pack_identity": 1, "same_name": 2, "transliteration": 3, "acronym": 4}


@dataclass(frozen=True)
class Decision:
    """A human judgement: ``merge`` records a and b, or ``split`` alias b off record a's entity."""

    kind: str  # "merge" | "split"
    a: str  # a record key
    b: str  # a record key (merge) or an alias (split)
    user: str = ""
    reason: str = ""


@dataclass
class Link:
    a: str
    b: str
    rule: str
    evidence: str


@dataclass
class Clustering:
    clusters: dict[str, list[str]] = field(default_factory=dict)  # canonical id -> record keys
    canonical_of: dict[str, str] = field(default_factory=dict)  # record key -> canonical id
    links: list[Link] = field(default_factory=list)  # unions made, with why
    blocked: list[Link] = field(default_factory=list)  # unions refused by a decision


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster(records: list[Record], decisions: Iterable[Decision] = ()) -> Clustering:
    """Group records; deterministic for the same records and decisions."""
    by_key = {r.key: r for r in records}
    candidates: list[Link] = []
    negatives: set[frozenset[str]] = set()
    for d in decisions:
        if d.kind == "merge" and d.a in by_key and d.b in by_key:
            candidates.append(
                Link(d.a, d.b, "human_merge", d.reason or f"merged by {d.user or 'an analyst'}")
            )
        elif d.kind == "split" and d.a in by_key:
            alias = normalize(d.b)
            for r in records:
                if r.key != d.a and alias in {normalize(n) for n in r.names}:
                    negatives.add(frozenset((d.a, r.key)))
    candidates += _automatic_links(records, by_key, negatives)
    candidates.sort(key=lambda link: (RULE_STRENGTH.get(link.rule, 9), link.a, link.b))

    uf = _UnionFind(by_key)
    members: dict[str, set[str]] = {k: {k} for k in by_key}
    out = Clustering()
    for link in candidates:
        ra, rb = uf.find(link.a), uf.find(link.b)
        if ra == rb:
            continue
        if any(frozenset((x, y)) in negatives for x in members[ra] for y in members[rb]):
            out.blocked.append(link)
            continue
        uf.union(ra, rb)
        merged = members.pop(ra) | members.pop(rb)
        members[uf.find(ra)] = merged
        out.links.append(link)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in sorted(by_key):
        groups[uf.find(k)].append(k)
    used: set[str] = set()
    for root in sorted(groups):
        keys = groups[root]
        cid = _canonical_id([by_key[k] for k in keys], used)
        used.add(cid)
        out.clusters[cid] = keys
        for k in keys:
            out.canonical_of[k] = cid
    return out


def _automatic_links(
    records: list[Record], by_key: dict[str, Record], negatives: set[frozenset[str]]
) -> list[Link]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for r in records:
        for key in blocking_keys(r):
            blocks[key].append(r.key)
    seen: set[tuple[str, str]] = set()
    links = []
    for keys in blocks.values():
        if len(keys) > 500:  # a key shared by that many records says nothing
            continue
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in seen or a == b:
                    continue
                seen.add(pair)
                result = match(by_key[pair[0]], by_key[pair[1]])
                if result.same:
                    links.append(Link(pair[0], pair[1], result.rule, result.evidence))
    return links


def _slug(text: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", normalize(text))).strip("_") or "entity"


def _canonical_id(records: list[Record], used: set[str]) -> str:
    packs = Counter(r.pack_id for r in records if r.pack_id)
    if packs:
        base = packs.most_common(1)[0][0].split(":")[-1]
    else:
        names = Counter(r.name for r in records)
        # The fullest name most documents use.
        base = _slug(max(names, key=lambda n: (names[n], len(n), n)))
    cid, n = base, 2
    while cid in used:
        cid, n = f"{base}_{n}", n + 1
    return cid
