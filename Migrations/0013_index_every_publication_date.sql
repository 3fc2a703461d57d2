-- The document list shows the newest publications first, then the documents without a date. A
-- document's date is stored after its body, and the index on dates left the undated out, so each
-- page of 25 read every body's overflow pages and sorted the whole archive: about a second at
-- 100,000 generated documents, which have no dates (issue 16). Indexed with the undated too, a
-- page is read from the index in order (SQLite sorts NULL lowest, so they come last) and stops at
-- its 25th row; date filters use the same index as before.
DROP INDEX documents_published_on;
CREATE INDEX documents_published_on ON documents(published_on);
