/// An INSERT that stores up to `maximumRows` rows in one statement, with the SQL for every row
/// count built once. One statement for many rows opens the table's and indexes' cursors and runs
/// its checks once instead of once per row: import stores about a hundred facts per document.
public final class MultiRowInsert: Sendable {
    public static let maximumRows = 32
    /// Parameters per row.
    public let columns: Int
    private let statements: [CachedSQL]

    /// `head` is `INSERT INTO table (columns…)`, `tail` an optional `ON CONFLICT …` clause.
    public init(_ head: String, columns: Int, tail: String = "") {
        self.columns = columns
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        statements = (1...Self.maximumRows).map { count in
            CachedSQL(head + "\nVALUES " + Array(repeating: row, count: count).joined(separator: ", ") + "\n" + tail)
        }
    }

    func sql(rows: Int) -> CachedSQL {
        statements[rows - 1]
    }
}

extension Connection {
    /// Inserts `rows` with as few statements as `insert` allows; `bind` binds one row's values
    /// starting at the parameter index it is given.
    public func insert<Row>(
        _ rows: [Row], with insert: MultiRowInsert, bind: (Statement, Row, _ firstParameter: Int32) throws -> Void
    ) throws {
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + MultiRowInsert.maximumRows, rows.endIndex)
            let statement = try prepare(insert.sql(rows: end - start))
            defer { statement.reset() }
            for (offset, row) in rows[start..<end].enumerated() {
                try bind(statement, row, Int32(offset * insert.columns + 1))
            }
            while try statement.step() {}
            start = end
        }
    }
}
