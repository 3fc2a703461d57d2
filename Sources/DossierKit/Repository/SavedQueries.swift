/// Queries archivists ask of the archive over and over, written once for tools that run SQL
/// themselves (Datasette's canned queries, `sqlite3`). Named parameters are `:name`.
public enum SavedQueries {
    public struct Query: Sendable {
        public let name: String
        public let title: String
        public let description: String
        public let sql: String
    }

    public static let all: [Query] = [
        Query(
            name: "figures_of_operation", title: "Figures of an operation, by category, across sources",
            description: "Every figure counted for the operation (give its slug, e.g. cumberland), grouped by "
                + "category, with the document that gives it: disagreements show side by side.",
            sql: """
                SELECT f.category, f.value, f.value_max, f.unit, f.approximate, f.bound, f.exact_text, f.status,
                       d.id AS document_id, d.title AS document, d.publisher, d.published_on
                FROM figures f
                JOIN documents d ON d.id = f.document_id
                WHERE f.status <> 'rejected'
                  AND \(ReportRepository.figureOperation) = (SELECT id FROM operations WHERE slug = :operation)
                ORDER BY f.category IS NULL, f.category, f.value DESC, d.published_on, f.id
                """),
        Query(
            name: "quotes_by_person", title: "Quotes by a person",
            description: "What a person said, in every document (give a slug, or part of the name).",
            sql: """
                SELECT p.name AS speaker, q.text, q.status, d.id AS document_id, d.title AS document, d.publisher,
                       d.published_on
                FROM quotes q
                JOIN people p ON p.id = q.person_id
                JOIN documents d ON d.id = q.document_id
                WHERE q.status <> 'rejected' AND (p.slug = :person OR p.name LIKE '%' || :person || '%')
                ORDER BY p.name, d.published_on, q.document_id, q.char_start
                """),
        Query(
            name: "conflicting_figures", title: "Conflicting figures",
            description: "Figures of one operation and category whose values differ between sources.",
            sql: """
                \(ReportRepository.disputedFigures)
                SELECT o.slug AS operation, f.category, f.value, f.value_max, f.unit, f.exact_text, f.status,
                       d.id AS document_id, d.title AS document, d.publisher, d.published_on
                FROM figures f
                JOIN scoped s ON s.id = f.id
                JOIN operations o ON o.id = s.operation_id
                JOIN documents d ON d.id = f.document_id
                WHERE (s.operation_id, s.category, s.unit) IN (SELECT operation_id, category, unit FROM disputed)
                ORDER BY o.slug, f.category, f.value, d.published_on, f.id
                """),
        documentsToReview,
    ]

    /// Documents with figures or quotes nobody has decided on: the review queue of `dossier serve`.
    public static let documentsToReview = Query(
        name: "documents_to_review", title: "Documents not yet reviewed",
        description: "Documents with figures or quotes the machine extracted that nobody has confirmed or rejected yet.",
        sql: """
            SELECT d.id, d.title, d.publisher, d.published_on, d.imported_at,
                   (SELECT count(*) FROM figures f WHERE f.document_id = d.id AND f.status = 'extracted') AS figures,
                   (SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.status = 'extracted') AS quotes,
                   (SELECT count(*) FROM mentions m WHERE m.document_id = d.id AND m.status = 'extracted') AS mentions
            FROM documents d
            WHERE EXISTS (SELECT 1 FROM figures f WHERE f.document_id = d.id AND f.status = 'extracted')
               OR EXISTS (SELECT 1 FROM quotes q WHERE q.document_id = d.id AND q.status = 'extracted')
            ORDER BY d.imported_at, d.id
            """)
}
