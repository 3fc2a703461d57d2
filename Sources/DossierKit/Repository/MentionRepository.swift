/// Stores where documents name people, organisations, operations and dates.
public struct MentionRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Inserts a mention; a second mention of the same kind at the same span is ignored.
    public func insert(_ mention: Mention) throws {
        var personID: Int64?
        var organisationID: Int64?
        var operationID: Int64?
        var dateISO: String?
        switch mention.entity {
        case .person(let id): personID = id
        case .organisation(let id): organisationID = id
        case .operation(let id): operationID = id
        case .date(let iso): dateISO = iso
        }
        try connection.execute(
            """
            INSERT INTO mentions (document_id, entity_type, person_id, organisation_id, operation_id, date_iso,
                exact_text, char_start, char_end, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (document_id, entity_type, char_start, char_end) DO NOTHING
            """,
            [
                mention.documentID, mention.entity.typeName, personID, organisationID, operationID, dateISO,
                mention.span.exactText, mention.span.start, mention.span.end, mention.status.rawValue, Timestamp.now(),
            ])
    }

    public func count(documentID: Int64) throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM mentions WHERE document_id = ?", [documentID]) ?? 0)
    }
}
