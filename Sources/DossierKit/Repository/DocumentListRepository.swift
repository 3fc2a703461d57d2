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

    public func page(filter: ExportFilter, limit: Int, offset: Int) throws -> [Row] {
        let filterSQL = DocumentFilterSQL(filter, documentAlias: "d")
        let whereClause = filterSQL.conditions.isEmpty ? "" : " WHERE " + filterSQL.conditions.joined(separator: " AND ")
        return try connection.query(
            """
            SELECT d.id, d.title, d.publisher, d.published_on, d.language FROM documents d\(whereClause)
            ORDER BY d.published_on IS NULL, d.published_on DESC, d.id DESC LIMIT ? OFFSET ?
            """, filterSQL.values + [limit, offset]
        ) {
            Row(
                id: $0.int64(0), title: $0.optionalString(1), publisher: $0.optionalString(2),
                publishedOn: $0.optionalString(3), language: $0.optionalString(4))
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
