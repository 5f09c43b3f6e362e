-- claimgraph knowledge base, schema 1.
-- Spans ("start", "end") are character offsets into documents.text; "sentence" is
-- sentences.idx of the same document; "notes" are JSON lists of footnote ids.
-- Subjects, objects, speakers and event roles keep the document-local slug
-- (subject, object, by, ...) and, when it names an entity or event of the same
-- document, its row id (subject_entity, subject_event, ...).

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    source_path TEXT NOT NULL,
    title TEXT,
    authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    published TEXT,
    document_date TEXT,
    reader TEXT NOT NULL,
    media_type TEXT,
    text TEXT NOT NULL,
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    extractor_version TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    body_start INTEGER NOT NULL,
    body_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
    UNIQUE (document, idx),
    CHECK (start <= "end")
);

CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER sentences_fts_update AFTER UPDATE OF text ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    note_id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CHECK (start <= "end")
);

CREATE TABLE markers (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    note_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CHECK (start <= "end")
);

CREATE TABLE citations (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    note_id TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    title TEXT,
    publisher TEXT,
    date TEXT,
    url TEXT,
    accessed TEXT,
    ref TEXT,
    raw TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    extractor_version TEXT NOT NULL DEFAULT '',
    CHECK (start <= "end")
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT,
    name TEXT NOT NULL,
    norm TEXT NOT NULL,
    pack_id TEXT,
    rule TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '',
    UNIQUE (document, local_id)
);

CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence INTEGER,
    notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
    rule TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '',
    CHECK (start <= "end")
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT,
    date TEXT,
    location TEXT,
    location_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    killed INTEGER CHECK (killed IS NULL OR killed >= 0),
    wounded INTEGER CHECK (wounded IS NULL OR wounded >= 0),
    evidence TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER,
    notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
    rule TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '',
    UNIQUE (document, local_id),
    CHECK (start <= "end")
);

CREATE TABLE event_participants (
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    local_id TEXT NOT NULL,
    entity INTEGER REFERENCES entities(id) ON DELETE SET NULL
);

CREATE TABLE event_targets (
    id INTEGER PRIMARY KEY,
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    local_id TEXT NOT NULL,
    entity INTEGER REFERENCES entities(id) ON DELETE SET NULL
);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    subject_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    subject_event INTEGER REFERENCES events(id) ON DELETE SET NULL,
    predicate TEXT NOT NULL,
    object TEXT NOT NULL,
    object_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    object_event INTEGER REFERENCES events(id) ON DELETE SET NULL,
    "by" TEXT NOT NULL,
    by_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    polarity TEXT NOT NULL CHECK (polarity IN ('affirm', 'deny')),
    certainty TEXT NOT NULL CHECK (certainty IN ('asserted', 'hedged')),
    date TEXT,
    evidence TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER,
    notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
    rule TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '',
    CHECK (start <= "end")
);

CREATE TABLE estimates (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    subject_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    quantity TEXT NOT NULL,
    low REAL,
    high REAL,
    as_of TEXT,
    "by" TEXT NOT NULL,
    by_entity INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    evidence TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER,
    notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
    rule TEXT NOT NULL DEFAULT '',
    extractor_version TEXT NOT NULL DEFAULT '',
    CHECK (start <= "end")
);

CREATE INDEX sentences_document ON sentences(document);
CREATE INDEX notes_document ON notes(document);
CREATE INDEX markers_document ON markers(document);
CREATE INDEX citations_document ON citations(document, note_id);
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX entities_pack ON entities(pack_id);
CREATE INDEX aliases_entity ON aliases(entity);
CREATE INDEX aliases_norm ON aliases(norm);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE INDEX mentions_document ON mentions(document, sentence);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_kind ON events(kind);
CREATE INDEX events_location ON events(location_entity);
CREATE INDEX event_participants_event ON event_participants(event);
CREATE INDEX event_participants_entity ON event_participants(entity);
CREATE INDEX event_targets_event ON event_targets(event);
CREATE INDEX event_targets_entity ON event_targets(entity);
CREATE INDEX statements_document ON statements(document);
CREATE INDEX statements_predicate ON statements(predicate);
CREATE INDEX statements_subject_entity ON statements(subject_entity);
CREATE INDEX statements_subject_event ON statements(subject_event);
CREATE INDEX statements_object_entity ON statements(object_entity);
CREATE INDEX statements_object_event ON statements(object_event);
CREATE INDEX statements_by_entity ON statements(by_entity);
CREATE INDEX estimates_document ON estimates(document);
CREATE INDEX estimates_subject_entity ON estimates(subject_entity);
CREATE INDEX estimates_by_entity ON estimates(by_entity);
