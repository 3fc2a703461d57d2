/// Stores operations and which documents report them; the slug is the natural key.
public struct OperationRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Creates the operation, or returns the id of the one with the same slug. Fields given here
    /// fill in what the existing operation lacks; nothing already set is overwritten.
    @discardableResult
    public func upsert(_ operation: Operation, createdAt: String = Timestamp.now()) throws -> Int64 {
        var leadAgencyID: Int64?
        if let slug = operation.leadAgencySlug {
            guard let found = try OrganisationRepository(connection: connection).id(slug: slug) else {
                throw UsageError("no organisation with slug '\(slug)'; add it first with `dossier org add`")
            }
            leadAgencyID = found
        }
        try connection.execute(
            Self.upsertSQL, binding: operation.slug, operation.name, leadAgencyID, operation.actionDay, operation.status.rawValue,
            operation.description, createdAt)
        guard let id = try id(slug: operation.slug) else {
            throw DatabaseError(resultCode: 1, message: "operation \(operation.slug) vanished after upsert")
        }
        return id
    }

    public func linkDocument(_ documentID: Int64, to operationID: Int64) throws {
        try connection.execute(
            Self.linkDocumentSQL,
            binding: documentID, operationID)
    }

    public func id(slug: String) throws -> Int64? {
        try connection.scalarInt("SELECT id FROM operations WHERE slug = ?", [slug])
    }

    public func find(slug: String) throws -> Operation? {
        try connection.queryFirst("\(Self.select) WHERE op.slug = ?", [slug], Self.operation)
    }

    public func list() throws -> [Operation] {
        try connection.query("\(Self.select) ORDER BY op.name COLLATE NOCASE", [], Self.operation)
    }

    /// One page of the operations, in the order `list()` gives them.
    public func list(limit: Int, offset: Int) throws -> [Operation] {
        try connection.query("\(Self.select) ORDER BY op.name COLLATE NOCASE LIMIT ? OFFSET ?", [limit, offset], Self.operation)
    }

    public func count() throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM operations") ?? 0)
    }

    /// How many documents report an operation.
    public func documentCount(operationID: Int64) throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM document_operations WHERE operation_id = ?", [operationID]) ?? 0)
    }

    /// Ids of the documents that report an operation.
    public func documentIDs(operationID: Int64) throws -> [Int64] {
        try connection.query(
            "SELECT document_id FROM document_operations WHERE operation_id = ? ORDER BY document_id", [operationID]
        ) { $0.int64(0) }
    }

    private static let select = """
        SELECT op.id, op.slug, op.name, org.slug, op.action_day, op.status, op.description
        FROM operations op LEFT JOIN organisations org ON org.id = op.lead_agency_id
        """

    private static func operation(_ row: Statement) -> Operation {
        Operation(
            id: row.int64(0), slug: row.string(1), name: row.string(2), leadAgencySlug: row.optionalString(3),
            actionDay: row.optionalString(4), status: Operation.Status(rawValue: row.string(5)) ?? .unknown,
            description: row.optionalString(6))
    }

    /// Removes a document from an operation; returns false when it was not linked.
    @discardableResult
    public func unlinkDocument(_ documentID: Int64, from operationID: Int64) throws -> Bool {
        try connection.execute(
            "DELETE FROM document_operations WHERE document_id = ? AND operation_id = ?", [documentID, operationID])
        return connection.changes > 0
    }

    /// Overwrites an operation's lead agency, action day and status, as an archivist decided.
    public func update(_ operation: Operation) throws {
        var leadAgencyID: Int64?
        if let slug = operation.leadAgencySlug {
            guard let found = try OrganisationRepository(connection: connection).id(slug: slug) else {
                throw UsageError("no organisation with slug '\(slug)'; add it first with `dossier org add`")
            }
            leadAgencyID = found
        }
        try connection.execute(
            "UPDATE operations SET name = ?, lead_agency_id = ?, action_day = ?, status = ?, description = ? WHERE slug = ?",
            [operation.name, leadAgencyID, operation.actionDay, operation.status.rawValue, operation.description, operation.slug])
    }

    private static let upsertSQL = CachedSQL(
        """
        INSERT INTO operations (slug, name, lead_agency_id, action_day, status, description, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (slug) DO UPDATE SET
            lead_agency_id = coalesce(operations.lead_agency_id, excluded.lead_agency_id),
            action_day = coalesce(operations.action_day, excluded.action_day),
            description = coalesce(operations.description, excluded.description),
            status = CASE WHEN operations.status = 'unknown' THEN excluded.status ELSE operations.status END
        """)

    private static let linkDocumentSQL = CachedSQL(
        "INSERT INTO document_operations (document_id, operation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
}
