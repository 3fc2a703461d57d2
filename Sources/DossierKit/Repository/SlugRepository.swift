/// The slugs people type on the command line, for shell completion.
public struct SlugRepository {
    /// Tables whose rows have a slug.
    public enum Table: String, Sendable {
        case operations, organisations, people
    }

    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Slugs starting with `prefix`, in order; a shell shows at most a screenful, so `limit` bounds it.
    public func slugs(in table: Table, startingWith prefix: String, limit: Int = 200) throws -> [String] {
        // A range on the unique slug index rather than LIKE, whose escaping and case rules do not fit.
        try connection.query(
            "SELECT slug FROM \(table.rawValue) WHERE slug >= ? AND slug < ? || char(1114111) ORDER BY slug LIMIT ?",
            [prefix, prefix, limit]
        ) { $0.string(0) }
    }
}
