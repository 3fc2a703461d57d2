-- Dossier archive schema, version 1.
-- Table and column names are part of the interface: people and tools query this file directly.
-- Timestamps are ISO 8601 UTC text; dates are ISO 8601 text (YYYY, YYYY-MM or YYYY-MM-DD).
-- Spans are Unicode code point offsets into documents.body, end exclusive:
--   substr(body, char_start + 1, char_end - char_start) = exact_text.

CREATE TABLE import_batches (
    id            INTEGER PRIMARY KEY,
    operator      TEXT    NOT NULL,
    tool_version  TEXT    NOT NULL,
    started_at    TEXT    NOT NULL,
    finished_at   TEXT,
    status        TEXT    NOT NULL DEFAULT 'running'
                  CHECK (status IN ('running', 'completed', 'failed')),
    files_seen    INTEGER NOT NULL DEFAULT 0 CHECK (files_seen >= 0),
    imported      INTEGER NOT NULL DEFAULT 0 CHECK (imported >= 0),
    duplicates    INTEGER NOT NULL DEFAULT 0 CHECK (duplicates >= 0),
    failed        INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
    options_json  TEXT
);

CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    sha256           TEXT    NOT NULL UNIQUE CHECK (length(sha256) = 64),
    original_sha256  TEXT    NOT NULL CHECK (length(original_sha256) = 64),
    -- SHA-256 of the body with runs of whitespace collapsed: finds probable duplicates.
    normalized_sha256 TEXT   NOT NULL CHECK (length(normalized_sha256) = 64),
    body             TEXT    NOT NULL CHECK (length(body) > 0),
    title            TEXT,
    file_name        TEXT,
    source_path      TEXT,
    size_bytes       INTEGER NOT NULL CHECK (size_bytes > 0),
    encoding         TEXT    NOT NULL,
    publisher        TEXT,
    author           TEXT,
    url              TEXT,
    published_on     TEXT    CHECK (published_on IS NULL OR published_on GLOB '[0-9][0-9][0-9][0-9]*'),
    retrieved_on     TEXT    CHECK (retrieved_on IS NULL OR retrieved_on GLOB '[0-9][0-9][0-9][0-9]*'),
    language         TEXT    CHECK (language IS NULL OR length(language) BETWEEN 2 AND 3),
    kind             TEXT    NOT NULL DEFAULT 'press_release'
                     CHECK (kind IN ('press_release', 'article', 'report', 'other')),
    tags_json        TEXT,
    batch_id         INTEGER REFERENCES import_batches(id) ON DELETE RESTRICT,
    imported_at      TEXT    NOT NULL
);
CREATE INDEX documents_original_sha256 ON documents(original_sha256);
CREATE INDEX documents_normalized_sha256 ON documents(normalized_sha256);
CREATE INDEX documents_batch_id ON documents(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX documents_published_on ON documents(published_on) WHERE published_on IS NOT NULL;
CREATE INDEX documents_publisher ON documents(publisher) WHERE publisher IS NOT NULL;

-- Links between documents, or from a document to an external URL when the target is not archived.
CREATE TABLE document_links (
    id                  INTEGER PRIMARY KEY,
    document_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    relation            TEXT    NOT NULL
                        CHECK (relation IN ('translation_of', 'cites', 'derived_from', 'probable_duplicate_of')),
    target_document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    target_url          TEXT,
    created_at          TEXT    NOT NULL,
    CHECK (target_document_id IS NOT NULL OR target_url IS NOT NULL),
    CHECK (target_document_id IS NULL OR target_document_id <> document_id)
);
CREATE UNIQUE INDEX document_links_natural_key
    ON document_links(document_id, relation, coalesce(target_document_id, 0), coalesce(target_url, ''));
CREATE INDEX document_links_target_document_id ON document_links(target_document_id) WHERE target_document_id IS NOT NULL;

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug = lower(slug)),
    name        TEXT NOT NULL CHECK (name <> ''),
    acronym     TEXT,
    created_at  TEXT NOT NULL
);

CREATE TABLE organisation_aliases (
    id               INTEGER PRIMARY KEY,
    organisation_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    alias            TEXT    NOT NULL CHECK (alias <> ''),
    language         TEXT    CHECK (language IS NULL OR length(language) BETWEEN 2 AND 3),
    UNIQUE (organisation_id, alias)
);
CREATE INDEX organisation_aliases_alias ON organisation_aliases(alias);

CREATE TABLE operations (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug = lower(slug)),
    name            TEXT NOT NULL CHECK (name <> ''),
    lead_agency_id  INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    action_day      TEXT CHECK (action_day IS NULL OR action_day GLOB '[0-9][0-9][0-9][0-9]*'),
    status          TEXT NOT NULL DEFAULT 'unknown' CHECK (status IN ('ongoing', 'concluded', 'unknown')),
    description     TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX operations_lead_agency_id ON operations(lead_agency_id) WHERE lead_agency_id IS NOT NULL;

CREATE TABLE document_operations (
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    operation_id  INTEGER NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, operation_id)
) WITHOUT ROWID;
CREATE INDEX document_operations_operation_id ON document_operations(operation_id);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug = lower(slug)),
    name        TEXT NOT NULL CHECK (name <> ''),
    created_at  TEXT NOT NULL
);

-- A person's title at an organisation, as stated by one document (or by the gazetteer when document_id is NULL).
CREATE TABLE person_roles (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role             TEXT,
    organisation_id  INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    document_id      INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    CHECK (role IS NOT NULL OR organisation_id IS NOT NULL)
);
CREATE UNIQUE INDEX person_roles_natural_key
    ON person_roles(person_id, coalesce(role, ''), coalesce(organisation_id, 0), coalesce(document_id, 0));
CREATE INDEX person_roles_organisation_id ON person_roles(organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX person_roles_document_id ON person_roles(document_id) WHERE document_id IS NOT NULL;

CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_kind     TEXT    NOT NULL DEFAULT 'person'
                     CHECK (speaker_kind IN ('person', 'organisation', 'document')),
    person_id        INTEGER REFERENCES people(id) ON DELETE SET NULL,
    organisation_id  INTEGER REFERENCES organisations(id) ON DELETE SET NULL,
    text             TEXT    NOT NULL,
    exact_text       TEXT    NOT NULL,
    char_start       INTEGER NOT NULL CHECK (char_start >= 0),
    char_end         INTEGER NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'extracted'
                     CHECK (status IN ('extracted', 'confirmed', 'rejected', 'superseded')),
    status_reason    TEXT,
    created_at       TEXT    NOT NULL,
    CHECK (char_start <= char_end),
    UNIQUE (document_id, char_start, char_end)
);
CREATE INDEX quotes_person_id ON quotes(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX quotes_organisation_id ON quotes(organisation_id) WHERE organisation_id IS NOT NULL;

CREATE TABLE figures (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    operation_id   INTEGER REFERENCES operations(id) ON DELETE SET NULL,
    value          REAL    NOT NULL,
    value_max      REAL,
    unit           TEXT    NOT NULL DEFAULT 'count',
    approximate    INTEGER NOT NULL DEFAULT 0 CHECK (approximate IN (0, 1)),
    bound          TEXT    CHECK (bound IS NULL OR bound IN ('at_least', 'at_most')),
    counts         TEXT,
    category       TEXT,
    exact_text     TEXT    NOT NULL,
    char_start     INTEGER NOT NULL CHECK (char_start >= 0),
    char_end       INTEGER NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'extracted'
                   CHECK (status IN ('extracted', 'confirmed', 'rejected', 'superseded')),
    status_reason  TEXT,
    created_at     TEXT    NOT NULL,
    CHECK (char_start <= char_end),
    CHECK (value_max IS NULL OR value_max >= value),
    UNIQUE (document_id, char_start, char_end)
);
CREATE INDEX figures_operation_id ON figures(operation_id) WHERE operation_id IS NOT NULL;
CREATE INDEX figures_category ON figures(category) WHERE category IS NOT NULL;

-- Every place a document names a person, organisation, operation or date.
-- Indexes on optional columns are partial (WHERE … IS NOT NULL): each mention names one kind of
-- entity, so the three entity indexes together hold one entry per mention rather than three.
CREATE TABLE mentions (
    id               INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_type      TEXT    NOT NULL CHECK (entity_type IN ('person', 'organisation', 'operation', 'date')),
    person_id        INTEGER REFERENCES people(id) ON DELETE CASCADE,
    organisation_id  INTEGER REFERENCES organisations(id) ON DELETE CASCADE,
    operation_id     INTEGER REFERENCES operations(id) ON DELETE CASCADE,
    date_iso         TEXT,
    exact_text       TEXT    NOT NULL,
    char_start       INTEGER NOT NULL CHECK (char_start >= 0),
    char_end         INTEGER NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'extracted'
                     CHECK (status IN ('extracted', 'confirmed', 'rejected', 'superseded')),
    created_at       TEXT    NOT NULL,
    CHECK (char_start <= char_end),
    CHECK (
        (entity_type = 'person' AND person_id IS NOT NULL) OR
        (entity_type = 'organisation' AND organisation_id IS NOT NULL) OR
        (entity_type = 'operation' AND operation_id IS NOT NULL) OR
        (entity_type = 'date' AND date_iso IS NOT NULL)
    ),
    UNIQUE (document_id, entity_type, char_start, char_end)
);
CREATE INDEX mentions_person_id ON mentions(person_id) WHERE person_id IS NOT NULL;
CREATE INDEX mentions_organisation_id ON mentions(organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX mentions_operation_id ON mentions(operation_id) WHERE operation_id IS NOT NULL;

-- Audit log: who did what, when, to which entity.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    occurred_at  TEXT    NOT NULL,
    operator     TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    entity_type  TEXT,
    entity_id    INTEGER,
    batch_id     INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    old_json     TEXT,
    new_json     TEXT,
    reason       TEXT
);
CREATE INDEX events_entity ON events(entity_type, entity_id);
CREATE INDEX events_batch_id ON events(batch_id) WHERE batch_id IS NOT NULL;

-- Full-text index over documents, kept in step by triggers.
-- remove_diacritics 2 makes "arretes" match "arrêtés"; unicode61 folds case.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_after_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, body ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Browsing views for sqlite3, Datasette or any SQLite tool.
CREATE VIEW figures_with_sources AS
SELECT f.id, f.value, f.value_max, f.unit, f.approximate, f.bound, f.counts, f.category,
       f.exact_text, f.char_start, f.char_end, f.status,
       o.slug AS operation, d.id AS document_id, d.title AS document_title,
       d.file_name AS document_file, d.publisher, d.published_on, d.url
FROM figures f
JOIN documents d ON d.id = f.document_id
LEFT JOIN operations o ON o.id = f.operation_id;

CREATE VIEW quotes_with_speakers AS
SELECT q.id, q.speaker_kind, p.name AS speaker, p.slug AS speaker_slug,
       org.name AS organisation, q.text, q.exact_text, q.char_start, q.char_end, q.status,
       d.id AS document_id, d.title AS document_title, d.file_name AS document_file,
       d.publisher, d.published_on
FROM quotes q
JOIN documents d ON d.id = q.document_id
LEFT JOIN people p ON p.id = q.person_id
LEFT JOIN organisations org ON org.id = q.organisation_id;

CREATE VIEW documents_overview AS
SELECT d.id, d.title, d.publisher, d.published_on, d.language, d.kind, d.file_name, d.url,
       (SELECT count(*) FROM figures f WHERE f.document_id = d.id AND f.status <> 'rejected') AS figures,
       (SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.status <> 'rejected') AS quotes,
       (SELECT count(*) FROM mentions m WHERE m.document_id = d.id AND m.status <> 'rejected') AS mentions
FROM documents d;
