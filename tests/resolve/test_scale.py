"""Resolution scales: thousands of documents resolve in seconds, and lookups stay instant.

Run by hand for the full-size figure: ``python tests/resolve/test_scale.py 10000``.
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from pathlib import Path

import pytest

from claimgraph.resolve.service import resolve_store
from claimgraph.resolve.view import entity_view
from claimgraph.store.rows import normalise
from claimgraph.store.sqlite import SQLiteStore

FIRST = ["Aslam", "Hafiz", "Zia", "Noor", "Wali", "Sadiq", "Karim", "Jalal", "Rahim", "Latif", "Qadir"]
FIRST += ["Yusuf", "Tariq", "Bashir", "Nasir", "Fazal", "Gul", "Sher", "Amin", "Habib", "Najib", "Rafiq"]
LAST = ["Farooqi", "Mehsud", "Haqqani", "Orakzai", "Logari", "Khan", "Shinwari", "Afridi", "Yousafzai"]
LAST += ["Durrani", "Popalzai", "Zadran", "Mangal", "Wardak", "Kakar", "Achakzai", "Noorzai", "Safi"]
PLACES = ["Darzab", "Khewa", "Kot", "Deh Bala", "Chapa Dara", "Nazyan", "Mohmand Dara", "Spin Ghar"]
GENERIC = ["Afghan officials", "US officials", "Ministry of Interior", "Provincial police", "Local elders"]


def fill(store: SQLiteStore, documents: int, per_document: int = 40, seed: int = 7) -> None:
    """Invented documents whose entities repeat across documents as real corpora do."""
    rng = random.Random(seed)
    packs = [f"synthetic:group_{i}" for i in range(600)]
    weights = [1 / (i + 1) for i in range(len(packs))]  # a few actors are in most documents
    conn = store.connection
    conn.execute("BEGIN")
    for d in range(documents):
        sha = hashlib.sha256(f"doc {d}".encode()).hexdigest()
        doc = conn.execute(
            "INSERT INTO documents (sha256, name, source_path, reader, text, body, ingested_at) "
            "VALUES (?, ?, ?, 'text', '', '', '2024-01-01')",
            (sha, f"d{d}.txt", f"/r/d{d}.txt"),
        ).lastrowid
        chosen = set(rng.choices(range(len(packs)), weights, k=per_document * 2 // 3))
        rows: list[tuple[str, str, str | None, str, str | None, list[str]]] = []
        for i in sorted(chosen):
            name = f"Group {i} Front"
            rows.append((f"g{i}", "organization", "militant_group", name, packs[i], [name, f"G{i}F"]))
        while len(rows) < per_document:
            n = len(rows)
            pick = rng.random()
            if pick < 0.5:
                first, last = rng.choice(FIRST), rng.choice(LAST)
                spelt = last.replace("oo", "u") if rng.random() < 0.3 else last
                name = f"{first} {spelt}"
                rows.append((f"p{n}", "person", "militant", name, None, [name, spelt]))
            elif pick < 0.8:
                place = f"{rng.choice(PLACES)} {rng.randrange(300)}"
                rows.append((f"l{n}", "place", "district", place, None, [place]))
            else:
                name = rng.choice(GENERIC)
                rows.append((f"o{n}", "organization", "government", name, None, [name]))
        for local, type_, kind, name, pack, aliases in rows:
            eid = conn.execute(
                "INSERT INTO entities (document, local_id, type, kind, name, norm, pack_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc, local, type_, kind, name, normalise(name), pack),
            ).lastrowid
            conn.executemany(
                "INSERT INTO aliases (entity, position, alias, norm) VALUES (?, ?, ?, ?)",
                [(eid, i, a, normalise(a)) for i, a in enumerate(aliases)],
            )
    conn.execute("COMMIT")


@pytest.mark.slow
def test_a_thousand_documents_resolve_in_seconds_and_show_is_instant(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "big.db") as store:
        fill(store, 1000)
        resolution = resolve_store(store)
        assert resolution.records == 40_000
        assert resolution.seconds < 15  # ~1.5 s on a laptop; generous for slow CI machines
        biggest = store.kb_entity("group_0")
        assert biggest["documents"] > 500
        start = time.perf_counter()
        view = entity_view(store, "G0F")
        assert view.id == "group_0" and len(view.members) == biggest["records"]
        assert time.perf_counter() - start < 1.0
        # Different people sharing a surname, and people sharing a place's name, stay apart.
        for cid in store.kb_entity_ids():
            entity = store.kb_entity(cid)
            if entity["type"] == "person":
                firsts = {m["name"].split()[0] for m in store.kb_members(cid)}
                assert len(firsts) == 1, (cid, firsts)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    path = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/claimgraph-scale.db")
    path.unlink(missing_ok=True)
    with SQLiteStore(path) as store:
        t = time.perf_counter()
        fill(store, n)
        print(f"filled {n} documents in {time.perf_counter() - t:.1f} s")
        result = resolve_store(store)
        print(result.to_dict())
        t = time.perf_counter()
        view = entity_view(store, "G0F")
        print(f"show {view.id}: {len(view.members)} members in {time.perf_counter() - t:.3f} s")
