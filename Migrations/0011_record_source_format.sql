-- Documents record what their text was taken from (issue 18): plain text as received, or the text
-- Dossier extracted from a saved web page, an e-mail or a PDF, and which extractor did it, so that a
-- better extractor's documents can be told apart. An e-mail keeps its Message-ID. Existing
-- documents were all imported as text.
ALTER TABLE documents ADD COLUMN source_format TEXT NOT NULL DEFAULT 'text'
    CHECK (source_format IN ('text', 'html', 'eml', 'pdf'));
ALTER TABLE documents ADD COLUMN extractor_version TEXT
    CHECK ((source_format = 'text') = (extractor_version IS NULL));
ALTER TABLE documents ADD COLUMN message_id TEXT;

-- A document extracted again from the same bytes by a newer extractor is a new text: it is linked
-- to the earlier one as same_source_as. SQLite cannot change a CHECK in place: the table is rebuilt
-- (https://sqlite.org/lang_altertable.html#otheralter), same columns, rows and ids.
CREATE TABLE document_links_new (
    id                  INTEGER PRIMARY KEY,
    document_id         INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    relation            TEXT    NOT NULL
                        CHECK (relation IN ('translation_of', 'cites', 'derived_from', 'probable_duplicate_of',
                                            'same_source_as')),
    target_document_id  INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    target_url          TEXT,
    created_at          TEXT    NOT NULL,
    CHECK (target_document_id IS NOT NULL OR target_url IS NOT NULL),
    CHECK (target_document_id IS NULL OR target_document_id <> document_id)
);
INSERT INTO document_links_new (id, document_id, relation, target_document_id, target_url, created_at)
    SELECT id, document_id, relation, target_document_id, target_url, created_at FROM document_links;
DROP TABLE document_links;
ALTER TABLE document_links_new RENAME TO document_links;
CREATE UNIQUE INDEX document_links_natural_key
    ON document_links(document_id, relation, coalesce(target_document_id, 0), coalesce(target_url, ''));
CREATE INDEX document_links_target_document_id ON document_links(target_document_id) WHERE target_document_id IS NOT NULL;
