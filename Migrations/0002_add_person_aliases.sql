-- Other names a person goes by: spellings found in documents, and the names of people merged into them.
CREATE TABLE person_aliases (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias      TEXT    NOT NULL CHECK (alias <> ''),
    UNIQUE (person_id, alias)
);
CREATE INDEX person_aliases_alias ON person_aliases(alias);
