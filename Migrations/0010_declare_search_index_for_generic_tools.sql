-- Recreate the full-text index with its content table written as content="documents". Datasette
-- and sqlite-utils find a table's FTS index by matching that spelling in sqlite_schema, so with
-- content = 'documents' their search (`?_search=`, `sqlite-utils search`) silently did nothing.
-- Same columns, tokenizer and rank as before; the index is rebuilt from the documents table.
DROP TRIGGER documents_fts_after_delete;
DROP TRIGGER documents_fts_after_update;
DROP TABLE documents_fts;

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    content="documents", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2"
);
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

CREATE TRIGGER documents_fts_after_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER documents_fts_after_update AFTER UPDATE OF title, body ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
