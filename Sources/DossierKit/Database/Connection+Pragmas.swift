import Foundation

/// A row that points at a parent row that does not exist, as `PRAGMA foreign_key_check` reports it.
public struct ForeignKeyViolation: Sendable, Equatable, CustomStringConvertible {
    public let table: String
    public let rowID: Int64?
    public let parent: String

    public var description: String {
        "a row of \(table)\(rowID.map { " (rowid \($0))" } ?? "") pointing at a missing row of \(parent)"
    }
}

/// A table, index, trigger or view as `sqlite_master` records it.
public struct SchemaObject: Sendable, Hashable {
    public let type: String
    public let name: String
    public let sql: String?
}

extension Connection {
    /// Every schema object but SQLite's own (`sqlite_%`), sorted by name.
    public func schemaObjects() throws -> [SchemaObject] {
        try query("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name") {
            SchemaObject(type: $0.string(0), name: $0.string(1), sql: $0.optionalString(2))
        }
    }

    /// Runs `body` with foreign keys not enforced, then enforces them again.
    ///
    /// Only possible outside a transaction: inside one `PRAGMA foreign_keys` is silently ignored
    /// (https://sqlite.org/foreignkeys.html#fk_enable), which is how a table rebuild could cascade
    /// deletes through every table that points at it. Calling this inside a transaction is a bug and
    /// is refused rather than ignored.
    public func withForeignKeysOff<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else {
            throw DatabaseError(
                resultCode: 1, message: "foreign keys cannot be switched off inside a transaction",
                sql: "PRAGMA foreign_keys = OFF")
        }
        try executeScript("PRAGMA foreign_keys = OFF")
        defer { try? executeScript("PRAGMA foreign_keys = ON") }
        return try body()
    }

    /// After how many WAL pages a commit checkpoints by itself
    /// (https://sqlite.org/pragma.html#pragma_wal_autocheckpoint).
    public func automaticCheckpointPages() throws -> Int64? {
        try scalarInt("PRAGMA wal_autocheckpoint")
    }

    /// 0 turns automatic checkpoints off, for a connection whose checkpoints another one makes.
    public func setAutomaticCheckpointPages(_ pages: Int64) throws {
        try executeScript("PRAGMA wal_autocheckpoint = \(pages)")
    }

    /// Copies what it can of the WAL into the database without waiting for readers or writers
    /// (https://sqlite.org/pragma.html#pragma_wal_checkpoint, PASSIVE).
    public func checkpointWithoutWaiting() throws {
        try executeScript("PRAGMA wal_checkpoint(PASSIVE)")
    }

    /// Rows whose parent is missing (https://sqlite.org/pragma.html#pragma_foreign_key_check).
    public func foreignKeyViolations(limit: Int = .max) throws -> [ForeignKeyViolation] {
        var violations: [ForeignKeyViolation] = []
        let statement = try prepare("PRAGMA foreign_key_check")
        defer { statement.reset() }
        while violations.count < limit, try statement.step() {
            violations.append(
                ForeignKeyViolation(table: statement.string(0), rowID: statement.optionalInt64(1), parent: statement.string(2)))
        }
        return violations
    }
}
