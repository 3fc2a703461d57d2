-- Tamper evidence (issue 14). Every document carries a digest of its metadata and facts, and every
-- organisation, person, operation and import batch one of its own row and what hangs from it
-- (aliases, roles), in a canonical form that Dossier recomputes whenever it changes them
-- (Sources/DossierKit/Fixity). The audit log becomes a hash chain: each event holds the hash of the
-- one before it and of its own content. archive_seal keeps, per sealed table, how many rows there
-- are and the sum of their digests (or, for events, the chain's last hash), so that a deleted or
-- forged row is found as well as a changed one. The digests of existing rows are computed when this
-- migration is applied, by the same code.
ALTER TABLE documents ADD COLUMN record_sha256 TEXT CHECK (record_sha256 IS NULL OR length(record_sha256) = 64);
ALTER TABLE organisations ADD COLUMN record_sha256 TEXT CHECK (record_sha256 IS NULL OR length(record_sha256) = 64);
ALTER TABLE people ADD COLUMN record_sha256 TEXT CHECK (record_sha256 IS NULL OR length(record_sha256) = 64);
ALTER TABLE operations ADD COLUMN record_sha256 TEXT CHECK (record_sha256 IS NULL OR length(record_sha256) = 64);
ALTER TABLE import_batches ADD COLUMN record_sha256 TEXT CHECK (record_sha256 IS NULL OR length(record_sha256) = 64);
ALTER TABLE events ADD COLUMN previous_sha256 TEXT CHECK (previous_sha256 IS NULL OR length(previous_sha256) = 64);
ALTER TABLE events ADD COLUMN sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64);

CREATE TABLE archive_seal (
    table_name  TEXT    PRIMARY KEY,
    row_count   INTEGER NOT NULL CHECK (row_count >= 0),
    -- documents, people…: the sum of the rows' record digests modulo 2^256, as 64 hex digits.
    -- events: the hash of the last event of the chain.
    digest      TEXT    NOT NULL CHECK (length(digest) = 64)
) WITHOUT ROWID;
