/// Stores quotes and who said them.
public struct QuoteRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    @discardableResult
    public func insert(_ quote: Quote, createdAt: String = Timestamp.now()) throws -> Int64 {
        try connection.execute(
            Self.insertSQL, binding: quote.documentID, quote.speakerKind.rawValue, quote.personID, quote.organisationID,
            quote.text, quote.span.exactText, quote.span.start, quote.span.end, quote.status.rawValue, createdAt)
        return connection.lastInsertedRowID
    }

    public func list(documentID: Int64) throws -> [Quote] {
        try connection.query("\(Self.select) WHERE document_id = ? ORDER BY char_start, id", [documentID], Self.quote)
    }

    public func find(id: Int64) throws -> Quote? {
        try connection.queryFirst("\(Self.select) WHERE id = ?", [id], Self.quote)
    }

    /// Rewrites the speaker and status of a quote; its text and span never change.
    public func update(_ quote: Quote, reason: String?) throws {
        guard let id = quote.id else { return }
        try connection.execute(
            "UPDATE quotes SET speaker_kind = ?, person_id = ?, organisation_id = ?, status = ?, status_reason = ? WHERE id = ?",
            [quote.speakerKind.rawValue, quote.personID, quote.organisationID, quote.status.rawValue, reason, id])
    }

    public func supersede(ids: [Int64]) throws {
        for id in ids {
            try connection.execute("UPDATE quotes SET status = 'superseded' WHERE id = ? AND status = 'extracted'", [id])
        }
    }

    private static let select = """
        SELECT id, document_id, speaker_kind, person_id, organisation_id, text, exact_text, char_start, char_end, status
        FROM quotes
        """

    private static func quote(_ row: Statement) -> Quote {
        Quote(
            id: row.int64(0), documentID: row.int64(1),
            speakerKind: Quote.SpeakerKind(rawValue: row.string(2)) ?? .person, personID: row.optionalInt64(3),
            organisationID: row.optionalInt64(4), text: row.string(5),
            span: SourceSpan(start: row.int(7), end: row.int(8), exactText: row.string(6)),
            status: FactStatus(rawValue: row.string(9)) ?? .extracted)
    }

    /// Brings back machine facts that the current rules find again.
    public func restore(ids: [Int64]) throws {
        for id in ids {
            try connection.execute("UPDATE quotes SET status = 'extracted' WHERE id = ? AND status = 'superseded'", [id])
        }
    }

    private static let insertSQL = CachedSQL(
        """
        INSERT INTO quotes (document_id, speaker_kind, person_id, organisation_id, text, exact_text, char_start,
            char_end, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
}
