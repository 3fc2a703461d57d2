/// The SQL of tamper evidence: the rows each record digest covers, the digests and seals kept in
/// the archive, and the per-connection record of what a transaction changed.
public struct FixityRepository {
    let connection: Connection
    private let digestReader: RecordDigestReader

    public init(connection: Connection) {
        self.connection = connection
        digestReader = RecordDigestReader(connection: connection)
    }

    /// A table whose rows each carry a `record_sha256`, and the tables whose rows belong to one of them.
    struct SealedTable {
        struct Dependent {
            let table: String
            let column: String
            /// Only the rows that belong here: a person's roles outside any document, for instance.
            let condition: String?
        }

        let name: String
        /// Columns left out of the digest: the digest itself, and a document's body, which its
        /// `sha256` column already covers (and the fixity check verifies).
        let excluded: Set<String>
        let dependents: [Dependent]
    }

    static let sealedTables: [SealedTable] = [
        SealedTable(
            name: "documents", excluded: ["record_sha256", "body"],
            dependents: ["figures", "quotes", "mentions", "document_links", "document_operations", "person_roles"].map {
                SealedTable.Dependent(table: $0, column: "document_id", condition: nil)
            }),
        SealedTable(
            name: "people", excluded: ["record_sha256"],
            dependents: [
                .init(table: "person_aliases", column: "person_id", condition: nil),
                .init(table: "person_roles", column: "person_id", condition: "document_id IS NULL"),
            ]),
        SealedTable(
            name: "organisations", excluded: ["record_sha256"],
            dependents: [.init(table: "organisation_aliases", column: "organisation_id", condition: nil)]),
        SealedTable(name: "operations", excluded: ["record_sha256"], dependents: []),
        SealedTable(name: "import_batches", excluded: ["record_sha256"], dependents: []),
    ]

    static let eventsTable = "events"

    /// Small tables sealed whole, rather than row by row: they change only when the archive is migrated.
    static let wholeTables = ["schema_migrations"]

    // MARK: Digests

    /// The digest of one row of `table` with everything that belongs to it; nil when the row does not exist.
    func computeDigest(of table: SealedTable, id: Int64) throws -> String? {
        try digestReader.digest(of: table, id: id)
    }

    /// The digest of every row of a small table, in key order.
    func wholeTableDigest(_ table: String) throws -> (rows: Int64, digest: String) {
        try digestReader.wholeTableDigest(table)
    }

    /// The stored digest of a row: `.some(nil)` for a row not sealed yet, nil for no row.
    func storedDigest(of table: SealedTable, id: Int64) throws -> String?? {
        try connection.queryFirst("SELECT record_sha256 FROM \(table.name) WHERE id = ?", [id]) { $0.optionalString(0) }
    }

    func setDigest(_ digest: String, of table: SealedTable, id: Int64) throws {
        try connection.execute("UPDATE \(table.name) SET record_sha256 = ? WHERE id = ?", [digest, id])
    }

    /// Every row id of `table`, with its stored digest, in id order.
    func forEachStoredDigest(of table: SealedTable, _ body: (Int64, String?) throws -> Void) throws {
        try connection.forEachRow("SELECT id, record_sha256 FROM \(table.name) ORDER BY id") {
            try body($0.int64(0), $0.optionalString(1))
        }
    }

    // MARK: Seals

    struct Seal: Equatable {
        var rowCount: Int64
        var digest: String
    }

    func seal(of table: String) throws -> Seal? {
        try connection.queryFirst("SELECT row_count, digest FROM archive_seal WHERE table_name = ?", [table]) {
            Seal(rowCount: $0.int64(0), digest: $0.string(1))
        }
    }

    func setSeal(_ seal: Seal, of table: String) throws {
        try connection.execute(
            """
            INSERT INTO archive_seal (table_name, row_count, digest) VALUES (?, ?, ?)
            ON CONFLICT (table_name) DO UPDATE SET row_count = excluded.row_count, digest = excluded.digest
            """, [table, seal.rowCount, seal.digest])
    }

    /// True when the archive has the digest columns but has never been sealed: right after
    /// migration 0008.
    func needsFirstSeal() throws -> Bool {
        try isSealable() && connection.scalarInt("SELECT count(*) FROM archive_seal") == 0
    }

    /// True once migration 0008 has given the archive its digests.
    func isSealable() throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'archive_seal'") == 1
    }

    // MARK: The audit log's chain

    /// The columns of an event its hash covers, in this order.
    static let eventColumns = [
        "occurred_at", "operator", "action", "entity_type", "entity_id", "batch_id", "old_json", "new_json", "reason",
    ]

    /// Every event in order: its id, the covered columns, and its stored previous and own hash.
    func forEachEvent(_ body: (Int64, [(name: String, value: DatabaseValue)], String?, String?) throws -> Void) throws {
        let covered = Self.eventColumns.joined(separator: ", ")
        try connection.forEachRow(
            "SELECT id, \(covered), previous_sha256, sha256 FROM events ORDER BY id"
        ) { row in
            let columns = Self.eventColumns.enumerated().map { (name: $0.element, value: row.value(Int32($0.offset + 1))) }
            let last = Int32(Self.eventColumns.count + 1)
            try body(row.int64(0), columns, row.optionalString(last), row.optionalString(last + 1))
        }
    }

    func setEventHashes(id: Int64, previous: String, hash: String) throws {
        try connection.execute("UPDATE events SET previous_sha256 = ?, sha256 = ? WHERE id = ?", [previous, hash, id])
    }

    // MARK: What a transaction changed

    /// Installs, on this connection only, temporary triggers that note every row a statement
    /// inserts, changes or deletes in a sealed table or one that belongs to it, so the digests can
    /// be brought up to date before the transaction commits. Writes made outside Dossier have no
    /// such triggers: their rows keep a stale digest, which is what `dossier check` finds.
    func installChangeTracking() throws {
        var script = """
            CREATE TEMP TABLE IF NOT EXISTS dossier_changed (
                table_name  TEXT    NOT NULL,
                id          INTEGER NOT NULL,
                old_digest  TEXT,
                inserted    INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (table_name, id)
            ) WITHOUT ROWID;

            """
        // No conflict clauses (OR IGNORE, ON CONFLICT) in these triggers: inside a trigger, SQLite
        // replaces them with the conflict handling of the statement that fired it, so an upsert of
        // an organisation failed on a row already noted. Each row is noted once, by test.
        func note(_ table: String, _ id: String) -> String {
            """
            INSERT INTO dossier_changed (table_name, id) SELECT '\(table)', \(id)
            WHERE \(id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM dossier_changed WHERE table_name = '\(table)' AND id = \(id));
            """
        }
        for sealed in Self.sealedTables + [SealedTable(name: Self.eventsTable, excluded: [], dependents: [])] {
            let name = sealed.name
            script += """
                CREATE TEMP TRIGGER IF NOT EXISTS dossier_\(name)_inserted AFTER INSERT ON main.\(name)
                BEGIN \(note(name, "NEW.id"))
                UPDATE dossier_changed SET inserted = 1 WHERE table_name = '\(name)' AND id = NEW.id; END;
                CREATE TEMP TRIGGER IF NOT EXISTS dossier_\(name)_updated AFTER UPDATE ON main.\(name)
                BEGIN \(note(name, "OLD.id")) \(note(name, "NEW.id")) END;

                """
            // A deleted row's digest leaves with it: keep it, to take it out of the table's sum.
            let oldDigest = name == Self.eventsTable ? "OLD.sha256" : "OLD.record_sha256"
            script += """
                CREATE TEMP TRIGGER IF NOT EXISTS dossier_\(name)_deleted AFTER DELETE ON main.\(name)
                BEGIN \(note(name, "OLD.id"))
                UPDATE dossier_changed SET old_digest = \(oldDigest) WHERE table_name = '\(name)' AND id = OLD.id; END;

                """
            for dependent in sealed.dependents {
                let table = dependent.table
                let when: (String) -> String = { row in
                    dependent.condition.map { " WHEN \($0.replacingOccurrences(of: "document_id", with: "\(row).document_id"))" }
                        ?? ""
                }
                let trigger = "dossier_\(table)_\(dependent.column)"
                script += """
                    CREATE TEMP TRIGGER IF NOT EXISTS \(trigger)_inserted AFTER INSERT ON main.\(table)\(when("NEW"))
                    BEGIN \(note(name, "NEW.\(dependent.column)")) END;
                    CREATE TEMP TRIGGER IF NOT EXISTS \(trigger)_deleted AFTER DELETE ON main.\(table)\(when("OLD"))
                    BEGIN \(note(name, "OLD.\(dependent.column)")) END;
                    CREATE TEMP TRIGGER IF NOT EXISTS \(trigger)_updated AFTER UPDATE ON main.\(table)
                    BEGIN \(note(name, "OLD.\(dependent.column)")) \(note(name, "NEW.\(dependent.column)")) END;

                    """
            }
        }
        try connection.executeScript(script)
    }

    /// A row the current transaction inserted, changed or deleted.
    struct ChangedRow {
        let id: Int64
        /// The digest a deleted row had.
        let oldDigest: String?
        let inserted: Bool
    }

    /// What the current transaction changed, by table.
    func changedRows() throws -> [String: [ChangedRow]] {
        var changed: [String: [ChangedRow]] = [:]
        guard try tracksChanges() else { return changed }
        try connection.forEachRow("SELECT table_name, id, old_digest, inserted FROM temp.dossier_changed ORDER BY 1, 2") {
            changed[$0.string(0), default: []].append(
                ChangedRow(id: $0.int64(1), oldDigest: $0.optionalString(2), inserted: $0.bool(3)))
        }
        return changed
    }

    /// Whether an event exists, for counting the ones a transaction added and then removed.
    func eventExists(id: Int64) throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM events WHERE id = ?", [id]) == 1
    }

    func forgetChangedRows() throws {
        try connection.execute("DELETE FROM temp.dossier_changed")
    }

    func forgetChangedRowsIfTracked() throws {
        if try tracksChanges() { try forgetChangedRows() }
    }

    /// True when this connection tracks changes (it opened the archive for writing).
    func tracksChanges() throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_temp_master WHERE name = 'dossier_changed'") == 1
    }
}
