/// The WHERE conditions that narrow rows to documents by publisher, language, publication date,
/// operation and organisation: shared by exports and search so both filter alike.
struct DocumentFilterSQL {
    var conditions: [String] = []
    var values: [any SQLBindable] = []

    /// The conditions as ` AND +id IN (SELECT id FROM documents WHERE …)`, one list per condition,
    /// for `id`, an expression naming a document. Each list is read once from its column's index:
    /// a document's metadata is stored after its body, so a condition SQLite checks on the row
    /// itself reads the body's overflow pages (0.95 s for language and date together at 100k
    /// documents). The unary `+` keeps a list from driving the query (for search, from probing the
    /// full-text index once per id). Built from a filter whose alias is empty.
    func memberships(of id: String) -> String {
        conditions.map { " AND +\(id) IN (SELECT id FROM documents WHERE \($0))" }.joined()
    }

    /// Conditions on the documents table reached through `alias` (e.g. `d`, or `documents` itself).
    init(_ filter: ExportFilter, documentAlias alias: String) {
        let column = alias.isEmpty ? "" : "\(alias)."
        if let publisher = filter.publisher {
            conditions.append("\(column)publisher = ?")
            values.append(publisher)
        }
        if let language = filter.language {
            conditions.append("\(column)language = ?")
            values.append(language)
        }
        // A date prefix (2025, 2025-02) covers every date that starts with it. Written as plain
        // comparisons, so that the index on published_on serves them (substr() on the column made
        // SQLite read every document, bodies included: 0.9 s for one search at 100k documents):
        // a stored date is at or after `since` exactly when its first characters are, and it is
        // at or before `until` or starts with it exactly when it sorts before `until` followed by
        // the highest character.
        if let since = filter.since {
            conditions.append("\(column)published_on >= ?")
            values.append(since)
        }
        if let until = filter.until {
            conditions.append("\(column)published_on <= ?")
            values.append(until + "\u{10FFFF}")
        }
        if let operation = filter.operation {
            conditions.append(
                "\(column)id IN (SELECT x.document_id FROM document_operations x JOIN operations y ON y.id = x.operation_id WHERE y.slug = ?)"
            )
            values.append(operation)
        }
        if let waiting = filter.waitingForReview {
            // Qualified even without an alias: inside the subquery a bare `id` would be the fact's.
            let document = column.isEmpty ? "documents." : column
            // Figures and quotes: the facts a person decides on (mentions have no review yet).
            let undecided = ["figures", "quotes"].map {
                "EXISTS (SELECT 1 FROM \($0) x WHERE x.document_id = \(document)id AND x.status = 'extracted')"
            }.joined(separator: " OR ")
            conditions.append(waiting ? "(\(undecided))" : "NOT (\(undecided))")
        }
        if let organisation = filter.organisation {
            conditions.append(
                "\(column)id IN (SELECT x.document_id FROM mentions x JOIN organisations y ON y.id = x.organisation_id WHERE y.slug = ? AND x.status <> 'rejected')"
            )
            values.append(organisation)
        }
    }
}
