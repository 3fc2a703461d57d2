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
}
