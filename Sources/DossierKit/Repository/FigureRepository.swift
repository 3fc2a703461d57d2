/// Stores figures extracted from, or added to, documents.
public struct FigureRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    @discardableResult
    public func insert(_ figure: Figure) throws -> Int64 {
        try connection.execute(
            """
            INSERT INTO figures (document_id, operation_id, value, value_max, unit, approximate, bound, counts, category,
                exact_text, char_start, char_end, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                figure.documentID, figure.operationID, figure.value, figure.valueMax, figure.unit, figure.approximate,
                figure.bound, figure.counts, figure.category, figure.span.exactText, figure.span.start, figure.span.end,
                figure.status.rawValue, Timestamp.now(),
            ])
        return connection.lastInsertedRowID
    }

    public func list(documentID: Int64) throws -> [Figure] {
        try connection.query(
            """
            SELECT id, document_id, operation_id, value, value_max, unit, approximate, bound, counts, category,
                exact_text, char_start, char_end, status
            FROM figures WHERE document_id = ? ORDER BY char_start, id
            """, [documentID]
        ) {
            Figure(
                id: $0.int64(0), documentID: $0.int64(1), operationID: $0.optionalInt64(2), value: $0.double(3),
                valueMax: $0.optionalDouble(4), unit: $0.string(5), approximate: $0.bool(6), bound: $0.optionalString(7),
                counts: $0.optionalString(8), category: $0.optionalString(9),
                span: SourceSpan(start: $0.int(11), end: $0.int(12), exactText: $0.string(10)),
                status: FactStatus(rawValue: $0.string(13)) ?? .extracted)
        }
    }
}
