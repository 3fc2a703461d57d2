-- The unique key of person_roles now starts with the document, and people get an index of their
-- own. Keyed by person and role first, every role an import stored landed on a different page of
-- the key: 3,200 pages rewritten per 1,000 documents imported into an archive of 100,000, a sixth
-- of all the pages the import wrote (BENCHMARKS.md). Keyed by document first, new roles go to the
-- end of the index. The key still forbids the same person, role, organisation and document twice.
DROP INDEX person_roles_natural_key;
CREATE UNIQUE INDEX person_roles_natural_key
    ON person_roles(coalesce(document_id, 0), person_id, coalesce(role, ''), coalesce(organisation_id, 0));
CREATE INDEX person_roles_person_id ON person_roles(person_id);
