/// Stores quotes and who said them.
public struct QuoteRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    @discardableResult
    public func insert(_ quote: Quote, createdAt: String = Timestamp.now()) throws -> Int64 {
        try insert([quote], createdAt: createdAt)
        return connection.lastInsertedRowID
    }

    /// Inserts quotes a few dozen per statement.
    public func insert(_ quotes: [Quote], createdAt: String) throws {
        try connection.insert(quotes, with: Self.insertRows, shared: { try $0.add(createdAt) }) { statement, quote, first in
            var row = statement.parameters(from: first)
            try row.add(quote.documentID)
            try row.add(quote.speakerKind.rawValue)
            try row.add(quote.personID)
            try row.add(quote.organisationID)
            try row.add(quote.text)
            try row.add(quote.span.exactText)
            try row.add(quote.span.start)
            try row.add(quote.span.end)
            try row.add(quote.status.rawValue)
        }
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

    private static let insertRows = MultiRowInsert(
        """
        INSERT INTO quotes (created_at, document_id, speaker_kind, person_id, organisation_id, text, exact_text,
            char_start, char_end, status)
        """, columns: 9, shared: 1)
}
