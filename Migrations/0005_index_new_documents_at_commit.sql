-- New documents are added to the full-text index by the code that stores them, no longer by a
-- trigger. A trigger indexed each document inside its own savepoint, and FTS5 writes its pending
-- terms out at every savepoint, so an import left one small index segment per document to be
-- merged again and again. Import now indexes the documents of a batch in one statement just before
-- it commits (the way `sqlite3` loads the benchmark floor); a single insert indexes at once.
-- Updates and deletes stay with their triggers.
DROP TRIGGER documents_fts_after_insert;
