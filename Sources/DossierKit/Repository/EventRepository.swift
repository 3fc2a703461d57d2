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

    public func list(entityType: String, entityID: Int64) throws -> [Event] {
        try connection.query(
            """
            SELECT id, occurred_at, operator, action, entity_type, entity_id, batch_id, old_json, new_json, reason
            FROM events WHERE entity_type = ? AND entity_id = ? ORDER BY id
            """, [entityType, entityID]
        ) {
            Event(
                id: $0.int64(0), occurredAt: $0.string(1), operatorName: $0.string(2), action: $0.string(3),
                entityType: $0.optionalString(4), entityID: $0.optionalInt64(5), batchID: $0.optionalInt64(6),
                oldJSON: $0.optionalString(7), newJSON: $0.optionalString(8), reason: $0.optionalString(9))
        }
    }
}
