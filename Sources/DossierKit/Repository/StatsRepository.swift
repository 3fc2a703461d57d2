/// Row counts per entity, for `dossier stats` and reports.
public struct StatsRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// The tables counted, in the order they are shown. Names come from this list, never from input.
    public static let tables = [
        "documents", "import_batches", "document_links", "operations", "organisations", "organisation_aliases",
        "people", "person_roles", "quotes", "figures", "mentions", "events",
    ]

    public func counts() throws -> [(table: String, rows: Int)] {
        try Self.tables.map { table in
            (table, Int(try connection.scalarInt("SELECT count(*) FROM \(table)") ?? 0))
        }
    }

    /// How many facts of each kind stand at each review status: how far review has come.
    public func reviewProgress() throws -> [(kind: String, status: String, count: Int)] {
        try connection.query(
            """
            SELECT 'figure', status, count(*) FROM figures GROUP BY status
            UNION ALL SELECT 'quote', status, count(*) FROM quotes GROUP BY status
            UNION ALL SELECT 'mention', status, count(*) FROM mentions GROUP BY status
            """
        ) { (kind: $0.string(0), status: $0.string(1), count: Int($0.int64(2))) }
    }
}
