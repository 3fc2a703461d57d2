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

    /// How many of the most recent documents are searched and ranked first, unless every match is asked for.
    public static let rankedCandidates = 1_000

    /// Ranked matches (best first, by BM25). `query` is FTS5 query syntax; a malformed one throws
    /// a `UsageError` with FTS5's explanation rather than a raw SQLite error.
    ///
    /// Unless `exhaustive`, matches are ranked among the `candidates` most recent documents; when
    /// they give fewer than `limit` results the window widens tenfold, then to the whole archive: BM25 costs one pass over each match, and a common word matches nearly every
    /// document of a large archive, while FTS5 seeks to a rowid range cheaply. Snippets, the other
    /// costly part, are made only for the rows returned; the CROSS JOIN keeps SQLite from scanning
    /// every match again to find those rows.
    public func search(
        _ query: String, filter: ExportFilter, limit: Int, exhaustive: Bool = false, candidates: Int = rankedCandidates
    ) throws -> [Hit] {
        let filterSQL = DocumentFilterSQL(filter, documentAlias: "")
        let documentFilter =
            filterSQL.conditions.isEmpty
            ? "" : " AND rowid IN (SELECT id FROM documents WHERE \(filterSQL.conditions.joined(separator: " AND ")))"
        let sql = """
            SELECT d.id, d.title, d.publisher, d.published_on, d.file_name,
                snippet(documents_fts, 1, ?, ?, '…', 16), top.rank
            FROM (
                SELECT rowid AS id, rank FROM documents_fts
                WHERE documents_fts MATCH ? AND rowid >= ?\(documentFilter)
                ORDER BY rank LIMIT ?
            ) AS top
            CROSS JOIN documents_fts ON documents_fts.rowid = top.id AND documents_fts MATCH ?
            JOIN documents d ON d.id = top.id
            ORDER BY top.rank
            """
        do {
            // nil: the whole archive.
            var window: Int? = exhaustive ? nil : max(candidates, 1)
            while true {
                let lowestID = try window.map { try lowestDocumentID(amongMostRecent: $0) } ?? 0
                let bound: [any SQLBindable] =
                    [Self.highlightOpen, Self.highlightClose, query, lowestID] + filterSQL.values + [limit, query]
                let hits = try connection.query(sql, bound) {
                    Hit(
                        documentID: $0.int64(0), title: $0.optionalString(1), publisher: $0.optionalString(2),
                        publishedOn: $0.optionalString(3), fileName: $0.optionalString(4), snippet: $0.string(5),
                        rank: $0.double(6))
                }
                guard hits.count < limit, lowestID != 0, let current = window else { return hits }
                // Few matches among recent documents: one wider window, then the whole archive.
                window = current < max(candidates, 1) * 10 ? current * 10 : nil
            }
        } catch let error as DatabaseError where error.resultCode == 1 {
            // The SQL itself is fixed, so a plain SQLITE_ERROR here comes from parsing the query.
            throw UsageError(
                "malformed search query '\(query)': \(error.message); use \"quotes\" for phrases, word* for prefixes, AND/OR/NOT in capitals"
            )
        }
    }

    /// The id of the `count`-th most recent document, or 0 when the archive holds no more than that.
    private func lowestDocumentID(amongMostRecent count: Int) throws -> Int64 {
        try connection.scalarInt("SELECT id FROM documents ORDER BY id DESC LIMIT 1 OFFSET ?", [count - 1]) ?? 0
    }

}
