/// Documents a page at a time, for people browsing the archive: newest publication first.
public struct DocumentListRepository {
    public struct Row: Sendable, Equatable {
        public let id: Int64
        public let title: String?
        public let publisher: String?
        public let publishedOn: String?
        public let language: String?
    }

    /// A document whose facts still wait for a decision, with how many of each kind.
    public struct Waiting: Sendable, Equatable {
        public let id: Int64
        public let title: String?
        public let publisher: String?
        public let publishedOn: String?
        public let figures: Int
        public let quotes: Int
        public let mentions: Int
    }

    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// One page of the documents `filter` lets through: dated ones newest first, then undated ones
    /// newest first (SQLite sorts NULL lowest). The page's ids are read in order from the index of
    /// dates (0013) and the reading stops at the page's last row, so a page costs about the same at
    /// any archive size; only the page's own rows are read whole.
    public func page(filter: ExportFilter, limit: Int, offset: Int) throws -> [Row] {
        let filterSQL = DocumentFilterSQL(filter, documentAlias: "")
        return try connection.query(
            Self.sql(filteredBy: filterSQL), filterSQL.values + [limit, offset]
        ) {
            Row(
                id: $0.int64(0), title: $0.optionalString(1), publisher: $0.optionalString(2),
                publishedOn: $0.optionalString(3), language: $0.optionalString(4))
        }
    }

    static func sql(filteredBy filterSQL: DocumentFilterSQL) -> String {
        """
        SELECT d.id, d.title, d.publisher, d.published_on, d.language
        FROM (
            SELECT id, published_on FROM documents WHERE 1\(filterSQL.memberships(of: "id"))
            ORDER BY published_on DESC, id DESC LIMIT ? OFFSET ?
        ) AS listed
        JOIN documents d ON d.id = listed.id
        ORDER BY listed.published_on DESC, listed.id DESC
        """
    }

    /// SQLite's plan for a page with `filter`, for tests that keep a page from reading the whole archive.
    func queryPlan(filter: ExportFilter) throws -> [String] {
        let filterSQL = DocumentFilterSQL(filter, documentAlias: "")
        return try connection.query("EXPLAIN QUERY PLAN " + Self.sql(filteredBy: filterSQL), filterSQL.values + [25, 0]) {
            $0.string(3)
        }
    }

    /// The review queue: the saved query archivists run in Datasette, a page at a time.
    public func waitingForReview(limit: Int, offset: Int) throws -> [Waiting] {
        try connection.query("SELECT * FROM (\(SavedQueries.documentsToReview.sql)) LIMIT ? OFFSET ?", [limit, offset]) {
            Waiting(
                id: $0.int64(0), title: $0.optionalString(1), publisher: $0.optionalString(2),
                publishedOn: $0.optionalString(3), figures: Int($0.int64(5)), quotes: Int($0.int64(6)),
                mentions: Int($0.int64(7)))
        }
    }
}
