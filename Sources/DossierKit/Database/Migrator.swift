import Foundation

/// One schema migration: a file `Migrations/NNNN_verb_object.sql`, built into the binary.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    public let checksum: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256Hex.of(sql)
    }
}

/// Why an archive's schema cannot be used by this build of Dossier.
public enum MigrationError: DossierFailure, Equatable {
    case checksumMismatch(version: Int, name: String, recorded: String, builtIn: String)
    case newerSchema(version: Int, name: String)
    case pendingMigrations(versions: [Int])
    case invalidFileName(String)
    /// A migration's SQL failed; every migration of the run was rolled back.
    case failed(version: Int, name: String, reason: String)
    /// After the migrations ran, a row pointed at a parent that no longer exists; nothing was committed.
    case foreignKeyViolation(version: Int, name: String, violation: ForeignKeyViolation)

    public var exitCode: Int32 { 2 }

    public var description: String {
        switch self {
        case .checksumMismatch(let version, let name, let recorded, let builtIn):
            return "migration \(version) (\(name)) applied to this archive differs from the one built into dossier "
                + "(recorded sha256 \(recorded.prefix(12))…, built-in \(builtIn.prefix(12))…); "
                + "the archive was migrated by a different build: use that build, or restore a backup"
        case .newerSchema(let version, let name):
            return "this archive was migrated by a newer dossier (migration \(version) \(name) is unknown to this build); "
                + "upgrade dossier to open it"
        case .pendingMigrations(let versions):
            return "this archive needs migrations \(versions.map(String.init).joined(separator: ", ")); "
                + "back it up, then run `dossier migrate`"
        case .invalidFileName(let name):
            return "migration file \(name) is not named NNNN_description.sql"
        case .failed(let version, let name, let reason):
            return "migration \(version) (\(name)) could not be applied: \(reason); the archive is unchanged. "
                + "If `dossier migrate --status` lists as pending a migration this archive already has, its "
                + "schema_migrations table was edited: run `dossier check`, or restore a backup"
        case .foreignKeyViolation(let version, let name, let violation):
            return "migration \(version) (\(name)) would leave \(violation) ; "
                + "nothing was applied and the archive is unchanged: report this as a bug in the migration"
        }
    }
}

/// Where one migration stands in one archive.
public struct MigrationStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        case applied, pending
        case checksumMismatch = "checksum_mismatch"
        case unknown
    }
    public let version: Int
    public let name: String
    public let state: State
    public let appliedAt: String?
}

/// Applies the forward-only timeline of migrations, each in its own transaction, and refuses
/// archives whose history does not match the built-in files.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The migrations built from `Migrations/`.
    public static func builtIn() throws -> Migrator {
        let files = EmbeddedResources.files.filter { $0.folder == "Migrations" }
        return Migrator(migrations: try files.map { try migration(fileName: $0.name, sql: $0.text) })
    }

    static func migration(fileName: String, sql: String) throws -> Migration {
        let stem = fileName.hasSuffix(".sql") ? String(fileName.dropLast(4)) : fileName
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]) else {
            throw MigrationError.invalidFileName(fileName)
        }
        return Migration(version: version, name: String(parts[1]), sql: sql)
    }

    private struct AppliedMigration {
        let version: Int
        let name: String
        let checksum: String
        let appliedAt: String
    }

    private func applied(in connection: Connection) throws -> [AppliedMigration] {
        let exists =
            try connection.scalarInt(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") ?? 0
        guard exists > 0 else { return [] }
        return try connection.query("SELECT version, name, sha256, applied_at FROM schema_migrations ORDER BY version") {
            AppliedMigration(version: $0.int(0), name: $0.string(1), checksum: $0.string(2), appliedAt: $0.string(3))
        }
    }

    /// Every built-in and every recorded migration, with its state in this archive.
    public func status(of connection: Connection) throws -> [MigrationStatus] {
        let recorded = try applied(in: connection)
        let recordedByVersion = Dictionary(uniqueKeysWithValues: recorded.map { ($0.version, $0) })
        var result = migrations.map { migration -> MigrationStatus in
            guard let record = recordedByVersion[migration.version] else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending, appliedAt: nil)
            }
            let state: MigrationStatus.State = record.checksum == migration.checksum ? .applied : .checksumMismatch
            return MigrationStatus(version: migration.version, name: migration.name, state: state, appliedAt: record.appliedAt)
        }
        let known = Set(migrations.map(\.version))
        result += recorded.filter { !known.contains($0.version) }.map {
            MigrationStatus(version: $0.version, name: $0.name, state: .unknown, appliedAt: $0.appliedAt)
        }
        return result.sorted { $0.version < $1.version }
    }

    /// The tables, indexes, triggers and views these migrations create, built in a scratch in-memory
    /// database: what an archive's schema must be, object for object.
    public func expectedSchema() throws -> [SchemaObject] {
        let scratch = try Connection(path: ":memory:")
        try migrate(scratch)
        return try scratch.schemaObjects()
    }

    /// True when a built-in migration has not been applied to this archive yet (always, for a new file).
    public func hasPending(_ connection: Connection) throws -> Bool {
        try status(of: connection).contains { $0.state == .pending }
    }

    /// Throws when the archive's recorded history conflicts with this build; changes nothing.
    public func validate(_ connection: Connection, allowPending: Bool = true) throws {
        let statuses = try status(of: connection)
        if let unknown = statuses.first(where: { $0.state == .unknown }) {
            throw MigrationError.newerSchema(version: unknown.version, name: unknown.name)
        }
        let recorded = try applied(in: connection)
        for record in recorded {
            if let migration = migrations.first(where: { $0.version == record.version }), migration.checksum != record.checksum {
                throw MigrationError.checksumMismatch(
                    version: record.version, name: record.name, recorded: record.checksum, builtIn: migration.checksum)
            }
        }
        let pending = statuses.filter { $0.state == .pending }.map(\.version)
        if !allowPending, !pending.isEmpty {
            throw MigrationError.pendingMigrations(versions: pending)
        }
    }

    /// Validates, then applies every pending migration in order. Returns the migrations applied.
    ///
    /// Everything happens in one `BEGIN IMMEDIATE` transaction: the applied list is read under the
    /// write lock, so two processes migrating at once never both apply a step, and a failure or a
    /// kill leaves the archive at the version it had. Foreign keys are switched off around the
    /// transaction (inside one the pragma is a no-op, https://sqlite.org/foreignkeys.html#fk_enable),
    /// so that a migration may rebuild a table the documented way
    /// (https://sqlite.org/lang_altertable.html#otheralter) without `ON DELETE CASCADE` emptying
    /// the tables that point at it; `foreign_key_check` then proves nothing was left dangling before
    /// the transaction commits.
    ///
    /// `finish` runs in the same transaction after the migrations, with those just applied, for work
    /// they need done in Swift (computing digests SQL cannot), and before the foreign-key check.
    @discardableResult
    public func migrate(_ connection: Connection, finish: (Connection, [Migration]) throws -> Void = { _, _ in }) throws
        -> [Migration]
    {
        try connection.withForeignKeysOff {
            try connection.writeTransaction {
                try validate(connection)
                try connection.executeScript(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version     INTEGER PRIMARY KEY,
                        name        TEXT NOT NULL,
                        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
                        applied_at  TEXT NOT NULL
                    )
                    """)
                let done = Set(try applied(in: connection).map(\.version))
                let pending = migrations.filter { !done.contains($0.version) }
                for migration in pending {
                    try apply(migration, to: connection)
                }
                if !pending.isEmpty { try finish(connection, pending) }
                if let last = pending.last, let violation = try connection.foreignKeyViolations(limit: 1).first {
                    throw MigrationError.foreignKeyViolation(version: last.version, name: last.name, violation: violation)
                }
                return pending
            }
        }
    }

    private func apply(_ migration: Migration, to connection: Connection) throws {
        do {
            try connection.executeScript(migration.sql)
        } catch let error as DatabaseError where !error.isBusy {
            throw MigrationError.failed(version: migration.version, name: migration.name, reason: error.message)
        }
        try connection.execute(
            "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)",
            [migration.version, migration.name, migration.checksum, Timestamp.now()])
    }
}
