/// Appends to the audit log.
public struct EventRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Appends `event` to the chain: it holds the hash of the last event and its own (`EventChain`).
    @discardableResult
    public func record(_ event: Event) throws -> Int64 {
        let values: [any SQLBindable] = [
            event.occurredAt, event.operatorName, event.action, event.entityType, event.entityID, event.batchID,
            event.oldJSON, event.newJSON, event.reason,
        ]
        let previous = try lastHash() ?? EventChain.origin
        let columns = zip(FixityRepository.eventColumns, values).map { (name: $0, value: $1.databaseValue) }
        let hash = EventChain.hash(previous: previous, columns: columns)
        try connection.execute(
            """
            INSERT INTO events (occurred_at, operator, action, entity_type, entity_id, batch_id, old_json, new_json, reason,
                previous_sha256, sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, values + [previous, hash])
        return connection.lastInsertedRowID
    }

    /// The first event with exactly these values, if one was recorded, so that an importer run again
    /// over the same files does not record the same observation twice.
    public func id(entityType: String, entityID: Int64, action: String, oldJSON: String?, newJSON: String?) throws -> Int64? {
        try connection.scalarInt(
            """
            SELECT id FROM events
            WHERE entity_type = ? AND entity_id = ? AND action = ? AND old_json IS ? AND new_json IS ?
            ORDER BY id LIMIT 1
            """, [entityType, entityID, action, oldJSON, newJSON])
    }

    /// The hash of the last event, the next event's `previous_sha256`.
    func lastHash() throws -> String? {
        try connection.queryFirst("SELECT sha256 FROM events ORDER BY id DESC LIMIT 1") { $0.optionalString(0) } ?? nil
    }

    static let selectEvent =
        "SELECT id, occurred_at, operator, action, entity_type, entity_id, batch_id, old_json, new_json, reason FROM events"

    public func list(entityType: String, entityID: Int64) throws -> [Event] {
        try connection.query(
            "\(Self.selectEvent) WHERE entity_type = ? AND entity_id = ? ORDER BY id", [entityType, entityID], Self.event)
    }

    /// Every event on the figures and quotes of one document, oldest first: their history on the
    /// document's page, in one query (the entity index serves each branch).
    public func factEvents(documentID: Int64) throws -> [Event] {
        try connection.query(
            """
            \(Self.selectEvent) WHERE entity_type = 'figure' AND entity_id IN (SELECT id FROM figures WHERE document_id = ?1)
            UNION ALL
            \(Self.selectEvent) WHERE entity_type = 'quote' AND entity_id IN (SELECT id FROM quotes WHERE document_id = ?1)
            ORDER BY id
            """, [documentID], Self.event)
    }

    /// `operatorName`'s newest decision (one of `actions`) on a fact of `entityTypes` that is still
    /// the last word on that fact: nothing was recorded on the fact after it, by anyone.
    public func latestStandingDecision(operatorName: String, entityTypes: [String], actions: [String]) throws -> Event? {
        let types = Array(repeating: "?", count: entityTypes.count).joined(separator: ", ")
        let verbs = Array(repeating: "?", count: actions.count).joined(separator: ", ")
        let values: [any SQLBindable] = [operatorName] + entityTypes + actions
        return try connection.queryFirst(
            """
            SELECT e.id, e.occurred_at, e.operator, e.action, e.entity_type, e.entity_id, e.batch_id, e.old_json, e.new_json,
                e.reason
            FROM events e
            WHERE e.operator = ? AND e.entity_type IN (\(types)) AND e.action IN (\(verbs))
              AND NOT EXISTS (
                SELECT 1 FROM events later
                WHERE later.entity_type = e.entity_type AND later.entity_id = e.entity_id AND later.id > e.id)
            ORDER BY e.id DESC LIMIT 1
            """, values, Self.event)
    }

    static func event(_ row: Statement) -> Event {
        Event(
            id: row.int64(0), occurredAt: row.string(1), operatorName: row.string(2), action: row.string(3),
            entityType: row.optionalString(4), entityID: row.optionalInt64(5), batchID: row.optionalInt64(6),
            oldJSON: row.optionalString(7), newJSON: row.optionalString(8), reason: row.optionalString(9))
    }
}
