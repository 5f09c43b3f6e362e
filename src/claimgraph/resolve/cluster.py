"""Cluster entity records into knowledge-base entities, honouring human decisions.

Automatic matches come from ``matching.match``; human decisions (merge two
records' entities, split an alias or a record off an entity) are applied
first and no rule can override them, so they survive every re-ingest.  Every
union keeps the rule and evidence that caused it, and every refused union
the reason it was refused.

Links are made in phases, strongest evidence first: human merges, then
records sharing a pack id, a normalised name, a transliteration skeleton,
an acronym.  Within one block of records sharing a key, each record is
compared with one representative per (cluster, type, kind, pack) seen so
far in the block, so a name carried by 10,000 records costs 10,000
comparisons, not fifty million.  A union is refused when it would put into
one cluster two records a pairwise test keeps apart (different types,
different pack ids, incompatible kinds) or two records a human split.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimgraph.resolve.matching import SOFT_KINDS, Record, blocking_keys, match
from claimgraph.resolve.names import normalize, strip_titles

PHASES = ("pack:", "n:", "s:", "a:")
MAX_GROUPS = 64  # representatives kept per block: beyond that a key says little


@dataclass(frozen=True)
class Decision:
    """A human judgement: ``merge`` records a and b, or ``split`` b off record a's entity.

    For a split, ``b`` is an alias (every record named so leaves a's entity)
    or a record key (that record leaves).
    """

    kind: str  # "merge" | "split"
    a: str  # a record key
    b: str  # a record key (merge) or an alias or record key (split)
    user: str = ""
    reason: str = ""


@dataclass
class Link:
    a: str
    b: str
    rule: str
    evidence: str
    refused: str = ""  # why the union was not made (blocked links only)


@dataclass
class Clustering:
    clusters: dict[str, list[str]] = field(default_factory=dict)  # canonical id -> record keys
    canonical_of: dict[str, str] = field(default_factory=dict)  # record key -> canonical id
    links: list[Link] = field(default_factory=list)  # unions made, in order, with why
    blocked: list[Link] = field(default_factory=list)  # unions refused, with why
    joined_by: dict[str, Link] = field(default_factory=dict)  # record key -> link that brought it in


@dataclass
class _Summary:
    """What a cluster's members must agree on."""

    type: str
    packs: set[str]
    kinds: set[str]
    negs: set[str]  # members that a split keeps apart from some record


class _State:
    """Union-find over record keys with per-cluster constraints."""

    def __init__(self, by_key: dict[str, Record], negatives: dict[str, set[str]]) -> None:
        self.by_key = by_key
        self.negatives = negatives
        self.parent = {k: k for k in by_key}
        self.summary: dict[str, _Summary] = {}  # built when a record first joins a union
        self.sizes: dict[str, int] = {}  # roots of clusters of more than one record
        self.out = Clustering()

    def _summary(self, root: str) -> _Summary:
        s = self.summary.get(root)
        if s is None:
            r = self.by_key[root]
            s = self.summary[root] = _Summary(
                r.type,
                {r.pack_id} if r.pack_id else set(),
                {r.kind} if r.kind else set(),
                {root} if root in self.negatives else set(),
            )
        return s

    def find(self, k: str) -> str:
        root = k
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[k] != root:
            self.parent[k], k = root, self.parent[k]
        return root

    def refusal(self, ra: str, rb: str, human: bool) -> str:
        """Why clusters ra and rb may not be united ("" when they may)."""
        sa, sb = self._summary(ra), self._summary(rb)
        small, other = (sa, rb) if len(sa.negs) <= len(sb.negs) else (sb, ra)
        for x in small.negs:
            if any(y in self.parent and self.find(y) == other for y in self.negatives[x]):
                return "split by a human decision"
        if sa.type != sb.type:
            return f"type_mismatch: {sa.type} ≠ {sb.type}"
        if human:
            return ""
        if sa.packs and sb.packs:
            if sa.packs.isdisjoint(sb.packs):
                return f"pack_conflict: {min(sa.packs)} ≠ {min(sb.packs)}"
            return ""
        if sa.kinds and sb.kinds and not _kinds_compatible(sa.type, sa.kinds, sb.kinds):
            return f"kind_conflict: {min(sa.kinds)} ≠ {min(sb.kinds)}"
        return ""

    def union(self, link: Link, human: bool = False) -> bool:
        ra, rb = self.find(link.a), self.find(link.b)
        if ra == rb:
            return False
        why = self.refusal(ra, rb, human)
        if why:
            link.refused = why
            self.out.blocked.append(link)
            return False
        for root in (ra, rb):
            if root not in self.sizes:  # a lone record: this link is what brought it in
                self.out.joined_by[root] = link
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        self.parent[drop] = keep
        s, d = self._summary(keep), self._summary(drop)
        del self.summary[drop]
        s.packs |= d.packs
        s.kinds |= d.kinds
        s.negs |= d.negs
        self.sizes[keep] = self.sizes.get(keep, 1) + self.sizes.pop(drop, 1)
        self.out.links.append(link)
        return True


def _kinds_compatible(entity_type: str, ka: set[str], kb: set[str]) -> bool:
    if not ka.isdisjoint(kb):
        return True
    soft = SOFT_KINDS.get(entity_type, set())
    return any(x == y or (x in soft and y in soft) for x in ka for y in kb)


def _negatives(records: list[Record], decisions: Iterable[Decision]) -> dict[str, set[str]]:
    """Record pairs a human split keeps apart, as a symmetric adjacency map."""
    splits = [d for d in decisions if d.kind == "split"]
    if not splits:
        return {}
    by_name: dict[str, list[str]] = defaultdict(list)
    keys = {r.key for r in records}
    for r in records:
        for n in {normalize(n) for n in r.names}:
            by_name[n].append(r.key)
    out: dict[str, set[str]] = defaultdict(set)
    for d in splits:
        if d.a not in keys:
            continue
        others = [d.b] if d.b in keys else by_name.get(normalize(d.b), [])
        for k in others:
            if k != d.a:
                out[d.a].add(k)
                out[k].add(d.a)
    return dict(out)


def cluster(
    records: list[Record], decisions: Iterable[Decision] = (), *, reserved: Iterable[str] = ()
) -> Clustering:
    """Group records; deterministic for the same records and decisions.

    ``reserved`` canonical ids are not given to any cluster (ids already used
    elsewhere when only part of a knowledge base is re-clustered).
    """
    decisions = list(decisions)
    ordered = sorted(records, key=lambda r: r.key)
    by_key = {r.key: r for r in ordered}
    state = _State(by_key, _negatives(ordered, decisions))
    for d in decisions:
        if d.kind == "merge" and d.a in by_key and d.b in by_key:
            evidence = d.reason or f"merged by {d.user or 'an analyst'}"
            state.union(Link(d.a, d.b, "human_merge", evidence), human=True)
    blocks: dict[str, list[Record]] = defaultdict(list)
    for r in ordered:
        for key in blocking_keys(r):
            blocks[key].append(r)
    for prefix in PHASES:
        for key in sorted(k for k in blocks if k.startswith(prefix)):
            _link_block(blocks[key], state)
    return _finish(state, by_key, set(reserved))


def _link_block(block: list[Record], state: _State) -> None:
    # Representatives by (type, pack id): a record is only compared with those
    # match() would not refuse at once (same type; same pack, or one without).
    reps: dict[tuple[str, str | None], list[Record]] = defaultdict(list)
    seen: set[tuple[str, str | None, str | None]] = set()
    count = 0
    for r in block:
        if r.pack_id:
            pools = [reps.get((r.type, r.pack_id), []), reps.get((r.type, None), [])]
        else:
            pools = [v for (t, _), v in reps.items() if t == r.type]
        root = state.find(r.key)
        for pool in pools:
            for g in pool:
                if state.find(g.key) == root:
                    continue
                result = match(g, r)
                if result.same and state.union(Link(g.key, r.key, result.rule, result.evidence)):
                    root = state.find(r.key)
        signature = (root, r.kind, r.pack_id)
        if signature not in seen and count < MAX_GROUPS:
            seen.add(signature)
            reps[(r.type, r.pack_id)].append(r)
            count += 1


def _finish(state: _State, by_key: dict[str, Record], used: set[str]) -> Clustering:
    out = state.out
    groups: dict[str, list[str]] = defaultdict(list)
    for k in by_key:  # sorted
        groups[state.find(k)].append(k)
    for root in sorted(groups):
        keys = groups[root]
        cid = canonical_id([by_key[k] for k in keys], used)
        used.add(cid)
        out.clusters[cid] = keys
        for k in keys:
            out.canonical_of[k] = cid
    return out


def _slug(text: str) -> str:
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9]+", "_", normalize(text))).strip("_") or "entity"


def display_name(records: list[Record]) -> str:
    """The name most records use (pack records first), the fullest on a tie."""
    pool = [r for r in records if r.pack_id] or records
    names = Counter(r.name for r in pool)
    return max(names, key=lambda n: (names[n], len(n), n))


def canonical_id(records: list[Record], used: set[str]) -> str:
    """The pack id's local part when the cluster has one, else a slug of its display name."""
    packs = Counter(r.pack_id for r in records if r.pack_id)
    if packs:
        base = _slug(max(packs, key=lambda p: (packs[p], p)).split(":")[-1])
    elif records[0].type == "person":
        base = _slug(strip_titles(display_name(records)))  # "Mawlawi X" is known as x
    else:
        base = _slug(display_name(records))
    cid, n = base, 2
    while cid in used:
        cid, n = f"{base}_{n}", n + 1
    return cid
