/// An INSERT that stores up to `maximumRows` rows in one statement, with the SQL for every row
/// count built once. One statement for many rows opens the table's and indexes' cursors and runs
/// its checks once instead of once per row: import stores about a hundred facts per document.
///
/// Values the same in every row (a timestamp) can be bound once per statement instead of once per
/// row: they are parameters `?1…?shared`, repeated at the start of every row. The others stay
/// plain `?`, which SQLite numbers on from there: explicit numbers for all of them made preparing
/// the statements cost more than binding once saved.
public final class MultiRowInsert: Sendable {
    public static let maximumRows = 32
    /// Parameters per row, not counting the shared ones.
    public let columns: Int
    /// Parameters bound once per statement.
    public let shared: Int
    private let statements: [CachedSQL]

    /// `head` is `INSERT INTO table (columns…)`, listing the `shared` columns first; `tail` an
    /// optional `ON CONFLICT …` clause.
    public init(_ head: String, columns: Int, shared: Int = 0, tail: String = "") {
        self.columns = columns
        self.shared = shared
        let parameters = (0..<shared).map { "?\($0 + 1)" } + Array(repeating: "?", count: columns)
        let row = "(" + parameters.joined(separator: ", ") + ")"
        statements = (1...Self.maximumRows).map { count in
            CachedSQL(head + "\nVALUES " + Array(repeating: row, count: count).joined(separator: ", ") + "\n" + tail)
        }
    }

    func sql(rows: Int) -> CachedSQL {
        statements[rows - 1]
    }
}

extension Connection {
    /// Inserts `rows` with as few statements as `insert` allows. `shared` binds the values common
    /// to every row, once per statement; `bind` binds one row's own values starting at the
    /// parameter index it is given.
    public func insert<Row>(
        _ rows: [Row], with insert: MultiRowInsert, shared: (inout StatementParameters) throws -> Void = { _ in },
        bind: (Statement, Row, _ firstParameter: Int32) throws -> Void
    ) throws {
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + MultiRowInsert.maximumRows, rows.endIndex)
            let statement = try prepare(insert.sql(rows: end - start))
            defer { statement.reset() }
            var sharedParameters = statement.parameters(from: 1)
            try shared(&sharedParameters)
            for (offset, row) in rows[start..<end].enumerated() {
                try bind(statement, row, Int32(insert.shared + offset * insert.columns + 1))
            }
            while try statement.step() {}
            start = end
        }
    }
}
