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

    /// Rows per table. The fact tables are counted from `fact_counts`, which triggers keep (migration
    /// 0012): counting millions of facts row by row took seconds on every overview.
    public func counts() throws -> [(table: String, rows: Int)] {
        let facts = Dictionary(
            try reviewProgress().map { (Self.factTables[$0.kind] ?? $0.kind, $0.count) }, uniquingKeysWith: +)
        return try Self.tables.map { table in
            if let rows = facts[table] { return (table, rows) }
            return (table, Int(try connection.scalarInt("SELECT count(*) FROM \(table)") ?? 0))
        }
    }

    /// How many facts of each kind stand at each review status: how far review has come.
    public func reviewProgress() throws -> [(kind: String, status: String, count: Int)] {
        try connection.query("SELECT kind, status, count FROM fact_counts ORDER BY kind, status") {
            (kind: $0.string(0), status: $0.string(1), count: Int($0.int64(2)))
        }
    }

    /// The table of each kind of fact in `fact_counts`.
    private static let factTables = ["figure": "figures", "quote": "quotes", "mention": "mentions"]
}
