/// Stores quotes and who said them.
public struct QuoteRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    @discardableResult
    public func insert(_ quote: Quote) throws -> Int64 {
        try connection.execute(
            """
            INSERT INTO quotes (document_id, speaker_kind, person_id, organisation_id, text, exact_text, char_start,
                char_end, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                quote.documentID, quote.speakerKind.rawValue, quote.personID, quote.organisationID, quote.text,
                quote.span.exactText, quote.span.start, quote.span.end, quote.status.rawValue, Timestamp.now(),
            ])
        return connection.lastInsertedRowID
    }

    public func list(documentID: Int64) throws -> [Quote] {
        try connection.query(
            """
            SELECT id, document_id, speaker_kind, person_id, organisation_id, text, exact_text, char_start, char_end, status
            FROM quotes WHERE document_id = ? ORDER BY char_start, id
            """, [documentID]
        ) {
            Quote(
                id: $0.int64(0), documentID: $0.int64(1),
                speakerKind: Quote.SpeakerKind(rawValue: $0.string(2)) ?? .person, personID: $0.optionalInt64(3),
                organisationID: $0.optionalInt64(4), text: $0.string(5),
                span: SourceSpan(start: $0.int(7), end: $0.int(8), exactText: $0.string(6)),
                status: FactStatus(rawValue: $0.string(9)) ?? .extracted)
        }
    }
}
