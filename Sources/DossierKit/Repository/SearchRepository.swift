/// Full-text search over document titles and bodies, through the FTS5 index.
public struct SearchRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    public struct Hit: Sendable, Codable, Equatable {
        public var documentID: Int64
        public var title: String?
        public var publisher: String?
        public var publishedOn: String?
        public var fileName: String?
        /// A short extract around the match, with matches between `highlightOpen` and `highlightClose`.
        public var snippet: String
        public var rank: Double
    }

    /// Markers placed around each match in snippets; renderers turn them into bold or brackets.
    public static let highlightOpen = "\u{2}"
    public static let highlightClose = "\u{3}"

    /// Ranked matches (best first, by BM25). `query` is FTS5 query syntax; a malformed one throws
    /// a `UsageError` with FTS5's explanation rather than a raw SQLite error.
    public func search(_ query: String, filter: ExportFilter, limit: Int) throws -> [Hit] {
        var conditions = ["documents_fts MATCH ?"]
        var values: [any SQLBindable] = [query]
        if let language = filter.language {
            conditions.append("d.language = ?")
            values.append(language)
        }
        if let publisher = filter.publisher {
            conditions.append("d.publisher = ?")
            values.append(publisher)
        }
        if let since = filter.since {
            conditions.append("substr(d.published_on, 1, length(?)) >= ?")
            values += [since, since]
        }
        if let until = filter.until {
            conditions.append("substr(d.published_on, 1, length(?)) <= ?")
            values += [until, until]
        }
        if let operation = filter.operation {
            conditions.append(
                "d.id IN (SELECT x.document_id FROM document_operations x JOIN operations o ON o.id = x.operation_id WHERE o.slug = ?)")
            values.append(operation)
        }
        values.append(limit)
        let sql = """
            SELECT d.id, d.title, d.publisher, d.published_on, d.file_name,
                snippet(documents_fts, 1, ?, ?, '…', 16), bm25(documents_fts, 5.0, 1.0)
            FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT ?
            """
        do {
            return try connection.query(sql, [Self.highlightOpen, Self.highlightClose] + values) {
                Hit(
                    documentID: $0.int64(0), title: $0.optionalString(1), publisher: $0.optionalString(2),
                    publishedOn: $0.optionalString(3), fileName: $0.optionalString(4), snippet: $0.string(5), rank: $0.double(6))
            }
        } catch let error as DatabaseError where error.resultCode == 1 {
            // The SQL itself is fixed, so a plain SQLITE_ERROR here comes from parsing the query.
            throw UsageError(
                "malformed search query '\(query)': \(error.message); use \"quotes\" for phrases, word* for prefixes, AND/OR/NOT in capitals")
        }
    }
}
