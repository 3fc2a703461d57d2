-- Rank full-text matches with BM25, a match in the title weighing five times one in the body.
-- Stored as the index's default rank so that `ORDER BY rank` uses it and FTS5 can sort cheaply
-- (https://sqlite.org/fts5.html#sorting_by_auxiliary_function_results).
INSERT INTO documents_fts (documents_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
