import Foundation

/// Compares what two archives hold, document by document, with the `sqlite3` shell alone, so the
/// verdict does not depend on Dossier's own reading code.
///
/// A document's fingerprint is one row per stored fact, keyed by the document's SHA-256 and the
/// entities' slugs rather than row ids (which differ between a crashed-and-resumed archive and a
/// clean one): its metadata, figures, quotes, mentions, operations, roles, import events and its
/// full-text index entry.
enum ArchiveFingerprint {
    /// The fingerprint rows of the archive attached as `schema` (`main` or an attached name).
    static func rows(_ s: String) -> String {
        """
        SELECT d.sha256 AS sha, 'document' AS kind, 0 AS a, length(d.body) AS b, coalesce(d.title, '') AS t,
               d.original_sha256 || '|' || coalesce(d.publisher, '') || '|' || coalesce(d.published_on, '') || '|'
               || coalesce(d.language, '') || '|' || d.kind || '|' || coalesce(d.file_name, '') AS x
          FROM \(s).documents d
        UNION ALL
        SELECT d.sha256, 'figure', f.char_start, f.char_end, f.exact_text,
               f.value || '|' || coalesce(f.value_max, '') || '|' || f.unit || '|' || f.approximate || '|'
               || coalesce(f.bound, '') || '|' || coalesce(f.counts, '') || '|' || coalesce(f.category, '') || '|'
               || coalesce(o.slug, '') || '|' || f.status
          FROM \(s).figures f JOIN \(s).documents d ON d.id = f.document_id
          LEFT JOIN \(s).operations o ON o.id = f.operation_id
        UNION ALL
        SELECT d.sha256, 'quote', q.char_start, q.char_end, q.exact_text,
               q.text || '|' || q.speaker_kind || '|' || coalesce(p.slug, '') || '|' || coalesce(g.slug, '') || '|' || q.status
          FROM \(s).quotes q JOIN \(s).documents d ON d.id = q.document_id
          LEFT JOIN \(s).people p ON p.id = q.person_id LEFT JOIN \(s).organisations g ON g.id = q.organisation_id
        UNION ALL
        SELECT d.sha256, 'mention:' || m.entity_type, m.char_start, m.char_end, m.exact_text,
               coalesce(p.slug, g.slug, o.slug, m.date_iso, '') || '|' || m.status
          FROM \(s).mentions m JOIN \(s).documents d ON d.id = m.document_id
          LEFT JOIN \(s).people p ON p.id = m.person_id LEFT JOIN \(s).organisations g ON g.id = m.organisation_id
          LEFT JOIN \(s).operations o ON o.id = m.operation_id
        UNION ALL
        SELECT d.sha256, 'operation', 0, 0, o.slug, ''
          FROM \(s).document_operations x JOIN \(s).documents d ON d.id = x.document_id
          JOIN \(s).operations o ON o.id = x.operation_id
        UNION ALL
        SELECT d.sha256, 'role', 0, 0, p.slug, coalesce(r.role, '') || '|' || coalesce(g.slug, '')
          FROM \(s).person_roles r JOIN \(s).documents d ON d.id = r.document_id
          JOIN \(s).people p ON p.id = r.person_id LEFT JOIN \(s).organisations g ON g.id = r.organisation_id
        UNION ALL
        SELECT d.sha256, 'event:' || e.action, 0, 0, '', ''
          FROM \(s).events e JOIN \(s).documents d ON e.entity_type = 'document' AND e.entity_id = d.id
        UNION ALL
        SELECT d.sha256, 'fts', 0, 0, '', '' FROM \(s).documents_fts t JOIN \(s).documents d ON d.id = t.rowid
        """
    }

    /// One line `extra|missing|rows|expected|documents` comparing the archive opened by `sqlite3`
    /// (main) with `reference`:
    /// - extra: rows the archive has that the clean import does not give (a partial or wrong fact);
    /// - missing: rows of the clean import, for documents the archive holds, that it lacks (a partial document);
    /// - rows / expected: the row counts on each side for those documents, which also catches a
    ///   duplicated row that the set differences above would hide;
    /// - documents: how many documents the archive holds.
    static func comparison(reference: String) -> String {
        let quoted = reference.replacingOccurrences(of: "'", with: "''")
        return """
            ATTACH '\(quoted)' AS ref;
            CREATE TEMP VIEW fp_main AS \(rows("main"));
            CREATE TEMP VIEW fp_ref AS SELECT * FROM (\(rows("ref"))) WHERE sha IN (SELECT sha256 FROM main.documents);
            SELECT (SELECT count(*) FROM (SELECT * FROM fp_main EXCEPT SELECT * FROM fp_ref)) || '|'
                || (SELECT count(*) FROM (SELECT * FROM fp_ref EXCEPT SELECT * FROM fp_main)) || '|'
                || (SELECT count(*) FROM fp_main) || '|' || (SELECT count(*) FROM fp_ref) || '|'
                || (SELECT count(*) FROM main.documents);
            """
    }

    /// Slugs of every operation, organisation and person, for comparing whole archives once complete.
    static let entities = """
        SELECT group_concat(k, ',') FROM (
          SELECT 'operation:' || slug AS k FROM operations UNION ALL SELECT 'organisation:' || slug FROM organisations
          UNION ALL SELECT 'person:' || slug FROM people ORDER BY 1);
        """
}
