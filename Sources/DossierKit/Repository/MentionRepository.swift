/// Stores where documents name people, organisations, operations and dates.
public struct MentionRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Inserts a mention; a second mention of the same kind at the same span is ignored.
    public func insert(_ mention: Mention, createdAt: String = Timestamp.now()) throws {
        try insert([mention], createdAt: createdAt)
    }

    /// Inserts mentions a few dozen per statement; a second mention of the same kind at the same span is ignored.
    public func insert(_ mentions: [Mention], createdAt: String) throws {
        try connection.insert(mentions, with: Self.insertRows, shared: { try $0.add(createdAt) }) { statement, mention, first in
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
            var row = statement.parameters(from: first)
            try row.add(mention.documentID)
            try row.add(mention.entity.typeName)
            try row.add(personID)
            try row.add(organisationID)
            try row.add(operationID)
            try row.add(dateISO)
            try row.add(mention.span.exactText)
            try row.add(mention.span.start)
            try row.add(mention.span.end)
            try row.add(mention.status.rawValue)
        }
    }

    public func count(documentID: Int64) throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM mentions WHERE document_id = ?", [documentID]) ?? 0)
    }

    /// Every mention of a document, with its id, for re-extraction to reconcile against.
    public func list(documentID: Int64) throws -> [Mention] {
        try connection.query(
            """
            SELECT id, document_id, entity_type, person_id, organisation_id, operation_id, date_iso, exact_text,
                char_start, char_end, status
            FROM mentions WHERE document_id = ? ORDER BY char_start, id
            """, [documentID]
        ) { row in
            let entity: Mention.Entity =
                switch row.string(2) {
                case "person": .person(row.int64(3))
                case "organisation": .organisation(row.int64(4))
                case "operation": .operation(row.int64(5))
                default: .date(row.string(6))
                }
            return Mention(
                id: row.int64(0), documentID: row.int64(1), entity: entity,
                span: SourceSpan(start: row.int(8), end: row.int(9), exactText: row.string(7)),
                status: FactStatus(rawValue: row.string(10)) ?? .extracted)
        }
    }

    public func supersede(ids: [Int64]) throws {
        for id in ids {
            try connection.execute("UPDATE mentions SET status = 'superseded' WHERE id = ? AND status = 'extracted'", [id])
        }
    }

    /// Brings back machine facts that the current rules find again.
    public func restore(ids: [Int64]) throws {
        for id in ids {
            try connection.execute("UPDATE mentions SET status = 'extracted' WHERE id = ? AND status = 'superseded'", [id])
        }
    }

    private static let insertRows = MultiRowInsert(
        """
        INSERT INTO mentions (created_at, document_id, entity_type, person_id, organisation_id, operation_id,
            date_iso, exact_text, char_start, char_end, status)
        """, columns: 10, shared: 1, tail: "ON CONFLICT (document_id, entity_type, char_start, char_end) DO NOTHING")
}
