/// The tables and views staff take out of the archive, with a stable, documented column order.
public enum ExportTable: String, Sendable, CaseIterable {
    case documents, figures, quotes, mentions

    /// Columns whose values are numbers: never altered by spreadsheet-safety escaping.
    public var numericColumns: Set<String> {
        ["id", "document_id", "batch_id", "value", "value_max", "approximate", "char_start", "char_end", "size_bytes"]
    }
}

/// Streams export rows straight from SQLite: nothing is collected, so memory stays flat.
public struct ExportRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Which facts to include: by default everything but what an archivist rejected.
    public enum StatusFilter: Sendable, Equatable {
        case notRejected
        case only(FactStatus)
    }

    public func columns(of table: ExportTable) -> [String] {
        switch table {
        case .documents:
            ["id", "file_name", "sha256", "original_sha256", "title", "language", "publisher", "author", "url",
             "published_on", "retrieved_on", "kind", "encoding", "size_bytes", "imported_at", "batch_id"]
        case .figures:
            ["id", "document_id", "document_file", "value", "value_max", "unit", "approximate", "bound", "counts",
             "category", "exact_text", "char_start", "char_end", "operation", "status"]
        case .quotes:
            ["id", "document_id", "document_file", "speaker", "speaker_kind", "speaker_role", "organisation", "text",
             "exact_text", "char_start", "char_end", "status"]
        case .mentions:
            ["id", "document_id", "document_file", "entity_type", "entity_slug", "entity_name", "exact_text",
             "char_start", "char_end", "status"]
        }
    }

    private func query(for table: ExportTable, status: StatusFilter) -> (sql: String, values: [any SQLBindable]) {
        let (statusSQL, values): (String, [any SQLBindable]) =
            switch status {
            case .notRejected: ("status <> 'rejected'", [])
            case .only(let wanted): ("status = ?", [wanted.rawValue])
            }
        switch table {
        case .documents:
            return (
                """
                SELECT id, file_name, sha256, original_sha256, title, language, publisher, author, url, published_on,
                    retrieved_on, kind, encoding, size_bytes, imported_at, batch_id
                FROM documents ORDER BY id
                """, []
            )
        case .figures:
            return (
                """
                SELECT f.id, f.document_id, d.file_name, f.value, f.value_max, f.unit, f.approximate, f.bound, f.counts,
                    f.category, f.exact_text, f.char_start, f.char_end, o.slug, f.status
                FROM figures f JOIN documents d ON d.id = f.document_id LEFT JOIN operations o ON o.id = f.operation_id
                WHERE f.\(statusSQL) ORDER BY f.document_id, f.char_start, f.id
                """, values
            )
        case .quotes:
            return (
                """
                SELECT q.id, q.document_id, d.file_name, coalesce(p.name, CASE WHEN q.speaker_kind <> 'person' THEN org.name END),
                    q.speaker_kind,
                    coalesce(
                        (SELECT r.role FROM person_roles r WHERE r.person_id = q.person_id AND r.document_id = q.document_id LIMIT 1),
                        (SELECT r.role FROM person_roles r WHERE r.person_id = q.person_id ORDER BY r.id LIMIT 1)),
                    org.name, q.text, q.exact_text, q.char_start, q.char_end, q.status
                FROM quotes q JOIN documents d ON d.id = q.document_id
                LEFT JOIN people p ON p.id = q.person_id LEFT JOIN organisations org ON org.id = q.organisation_id
                WHERE q.\(statusSQL) ORDER BY q.document_id, q.char_start, q.id
                """, values
            )
        case .mentions:
            return (
                """
                SELECT m.id, m.document_id, d.file_name, m.entity_type,
                    coalesce(p.slug, org.slug, op.slug, m.date_iso), coalesce(p.name, org.name, op.name, m.date_iso),
                    m.exact_text, m.char_start, m.char_end, m.status
                FROM mentions m JOIN documents d ON d.id = m.document_id
                LEFT JOIN people p ON p.id = m.person_id LEFT JOIN organisations org ON org.id = m.organisation_id
                LEFT JOIN operations op ON op.id = m.operation_id
                WHERE m.\(statusSQL) ORDER BY m.document_id, m.char_start, m.id
                """, values
            )
        }
    }

    /// Streams every row of `table`, in column order, to `body`.
    public func stream(_ table: ExportTable, status: StatusFilter = .notRejected, _ body: ([DatabaseValue]) throws -> Void) throws {
        let (sql, values) = query(for: table, status: status)
        let count = columns(of: table).count
        var row = [DatabaseValue](repeating: .null, count: count)
        try connection.forEachRow(sql, values) { statement in
            for index in 0..<count {
                row[index] = statement.value(Int32(index))
            }
            try body(row)
        }
    }
}
