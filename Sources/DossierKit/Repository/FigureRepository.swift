/// Stores figures extracted from, or added to, documents.
public struct FigureRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    @discardableResult
    public func insert(_ figure: Figure, createdAt: String = Timestamp.now()) throws -> Int64 {
        try insert([figure], createdAt: createdAt)
        return connection.lastInsertedRowID
    }

    /// Inserts figures a few dozen per statement.
    public func insert(_ figures: [Figure], createdAt: String) throws {
        try connection.insert(figures, with: Self.insertRows, shared: { try $0.add(createdAt) }) { statement, figure, first in
            var row = statement.parameters(from: first)
            try row.add(figure.documentID)
            try row.add(figure.operationID)
            try row.add(figure.value)
            try row.add(figure.valueMax)
            try row.add(figure.unit)
            try row.add(figure.approximate)
            try row.add(figure.bound)
            try row.add(figure.counts)
            try row.add(figure.category)
            try row.add(figure.span.exactText)
            try row.add(figure.span.start)
            try row.add(figure.span.end)
            try row.add(figure.status.rawValue)
        }
    }

    public func list(documentID: Int64) throws -> [Figure] {
        try connection.query("\(Self.select) WHERE document_id = ? ORDER BY char_start, id", [documentID], Self.figure)
    }

    private static let select = """
        SELECT id, document_id, operation_id, value, value_max, unit, approximate, bound, counts, category,
            exact_text, char_start, char_end, status
        FROM figures
        """

    private static func figure(_ row: Statement) -> Figure {
        Figure(
            id: row.int64(0), documentID: row.int64(1), operationID: row.optionalInt64(2), value: row.double(3),
            valueMax: row.optionalDouble(4), unit: row.string(5), approximate: row.bool(6), bound: row.optionalString(7),
            counts: row.optionalString(8), category: row.optionalString(9),
            span: SourceSpan(start: row.int(11), end: row.int(12), exactText: row.string(10)),
            status: FactStatus(rawValue: row.string(13)) ?? .extracted)
    }

    public func find(id: Int64) throws -> Figure? {
        try connection.queryFirst("\(Self.select) WHERE id = ?", [id], Self.figure)
    }

    /// Rewrites every editable field of a figure; the span and document never change.
    public func update(_ figure: Figure, reason: String?) throws {
        guard let id = figure.id else { return }
        try connection.execute(
            """
            UPDATE figures SET operation_id = ?, value = ?, value_max = ?, unit = ?, approximate = ?, bound = ?, counts = ?,
                category = ?, status = ?, status_reason = ?
            WHERE id = ?
            """,
            [
                figure.operationID, figure.value, figure.valueMax, figure.unit, figure.approximate, figure.bound, figure.counts,
                figure.category, figure.status.rawValue, reason, id,
            ])
    }

    /// Marks machine-extracted figures of a document that the current rules no longer find.
    public func supersede(ids: [Int64]) throws {
        for id in ids {
            try connection.execute("UPDATE figures SET status = 'superseded' WHERE id = ? AND status = 'extracted'", [id])
        }
    }

    /// Brings back machine facts that the current rules find again.
    public func restore(ids: [Int64]) throws {
        for id in ids {
            try connection.execute("UPDATE figures SET status = 'extracted' WHERE id = ? AND status = 'superseded'", [id])
        }
    }

    private static let insertRows = MultiRowInsert(
        """
        INSERT INTO figures (created_at, document_id, operation_id, value, value_max, unit, approximate, bound,
            counts, category, exact_text, char_start, char_end, status)
        """, columns: 13, shared: 1)
}
