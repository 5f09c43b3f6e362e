-- claimgraph knowledge base, schema 2: one knowledge base across documents.
-- "decisions" is append-only: an analyst's merge or split, undone by setting
-- deleted_at (never by deleting the row), so the history stays auditable.
-- Decisions name records by their stable key "<document sha256[:12]>:<local id>",
-- so they survive deleting and re-ingesting a document.
-- kb_entities / kb_members are the current resolution, rewritten whole (or per
-- entity) by claimgraph.resolve; each member keeps the rule and evidence of the
-- link that brought it in ("via" is the record key at the other end of that link).

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    a_key TEXT NOT NULL,
    b_key_or_alias TEXT NOT NULL,
    "user" TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    deleted_at TEXT
);

CREATE TABLE kb_entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    kind TEXT,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    pack_id TEXT,
    records INTEGER NOT NULL,
    documents INTEGER NOT NULL
);

CREATE TABLE kb_members (
    entity INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    canonical TEXT NOT NULL REFERENCES kb_entities(id) ON DELETE CASCADE,
    record_key TEXT NOT NULL UNIQUE,
    rule TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    via TEXT
);

CREATE INDEX decisions_a_key ON decisions(a_key);
CREATE INDEX decisions_b_key ON decisions(b_key_or_alias);
CREATE INDEX kb_entities_norm ON kb_entities(norm);
CREATE INDEX kb_members_canonical ON kb_members(canonical);
