import Foundation

/// An open Dossier archive: one SQLite file whose schema matches this build, and the repositories over it.
///
/// This is the one way into an archive file: every command and every library service opens its
/// connections through `Archive.open` or `Archive.connect`, so the checks on the path, the
/// migration policy and the translation of SQLite's open errors are the same everywhere.
public final class Archive {
    /// What the caller will do with the archive, which decides the mode, whether a missing file is
    /// created and whether the schema must match this build.
    public enum Access: Sendable {
        /// Read only; the archive must exist and be fully migrated.
        case read
        /// Read and write; a missing archive is created and migrated.
        case write
        /// Read and write without validating the schema, creating the file when missing: for
        /// `dossier migrate`, which validates and migrates under the write lock itself.
        case migrate
        /// Read only, without validating the schema: for checking an archive or a backup that may
        /// be damaged, or belong to another build. Opened for writing with writes forbidden where
        /// the file allows it, so that SQLite's integrity check verifies CHECK constraints too.
        case inspect
        /// Read and write on an existing archive, without validating the schema: for a second
        /// connection beside one already validated (the check's writer, the import's checkpointer,
        /// the event recorded after a backup).
        case maintain
    }

    public let connection: Connection
    public let path: String

    private init(connection: Connection, path: String) {
        self.connection = connection
        self.path = path
    }

    /// Opens the archive at `path`, refusing one whose schema this build cannot use (exit code 2),
    /// and changing nothing in that case.
    /// `busyTimeoutMilliseconds`: how long a statement waits for another process's lock before
    /// failing with SQLITE_BUSY (a server answers sooner than a command that can afford to wait).
    public static func open(
        path: String, access: Access, busyTimeoutMilliseconds: Int32 = Connection.defaultBusyTimeout
    ) throws -> Archive {
        Archive(connection: try connect(path: path, access: access, busyTimeoutMilliseconds: busyTimeoutMilliseconds), path: path)
    }

    /// Opens a connection to the archive at `path` for `access`; every open error is one line that
    /// names the file and says what to do.
    public static func connect(
        path: String, access: Access, busyTimeoutMilliseconds: Int32 = Connection.defaultBusyTimeout
    ) throws -> Connection {
        try checkPath(path, mustExist: access == .read || access == .inspect || access == .maintain)
        do {
            let connection = try Connection(
                path: path, mode: mode(for: access), busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            if access != .read, access != .inspect, connection.isReadOnly {
                // SQLite silently opens a file it may not write read-only; say so before any write fails.
                throw UsageError(
                    "archive \(path) is read-only (file permissions, immutable flag or read-only mount): make it writable, or use a command that only reads"
                )
            }
            switch access {
            case .write:
                let migrator = try Migrator.builtIn()
                // The migrator reads what is applied under the write lock and applies everything in
                // one transaction, so any number of processes may create the same archive at once.
                if try migrator.hasPending(connection) { try migrate(connection) }
                try migrator.validate(connection, allowPending: false)
                try sealChanges(of: connection)
            case .maintain:
                if try FixityRepository(connection: connection).isSealable() { try sealChanges(of: connection) }
            case .read:
                try Migrator.builtIn().validate(connection, allowPending: false)
            case .migrate, .inspect:
                break
            }
            return connection
        } catch let error as DatabaseError where error.isNotADatabase {
            throw NotAnArchive(path: path)
        } catch let error as DatabaseError where error.isCannotOpen {
            throw UsageError("cannot open archive \(path): \(error.message)")
        } catch let error as DatabaseError {
            throw DatabaseFailure(error, archive: path)
        }
    }

    /// Applies the built-in migrations; when they give the archive its record digests (0008),
    /// computes them for every existing row in the same transaction, and seals the migration records.
    @discardableResult
    public static func migrate(_ connection: Connection) throws -> [Migration] {
        try Migrator.builtIn().migrate(connection) { connection, applied in
            let fixity = FixityRepository(connection: connection)
            if try fixity.needsFirstSeal() {
                try ArchiveSealer(connection: connection).sealAll()
            } else if try fixity.isSealable() {
                let sealer = ArchiveSealer(connection: connection)
                for migration in applied {
                    guard let columns = addedSealedColumns[migration.version] else { continue }
                    try sealer.resealAfterAdding(columns: columns.columns, to: columns.table)
                }
                try sealer.sealMigrationRecords()
            }
        }
    }

    /// Columns a migration added to a sealed table: each row's digest covers them from then on.
    private static let addedSealedColumns: [Int: (table: String, columns: Set<String>)] = [
        11: ("documents", ["source_format", "extractor_version", "message_id"])
    ]

    /// Every transaction of a writing connection updates the digests of what it changed before it
    /// commits: Dossier cannot change the archive without keeping it tamper-evident.
    private static func sealChanges(of connection: Connection) throws {
        try FixityRepository(connection: connection).installChangeTracking()
        connection.beforeCommit = { [unowned connection] in try ArchiveSealer(connection: connection).sealChanges() }
    }

    private static func mode(for access: Access) -> Connection.Mode {
        switch access {
        case .read: .readOnly
        case .inspect: .readWriteQueryOnly
        case .write, .migrate: .readWriteCreate
        case .maintain: .readWrite
        }
    }

    private static func checkPath(_ path: String, mustExist: Bool) throws {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if !exists, mustExist {
            throw UsageError("no archive at \(path): create one with `dossier init --db \(path)` or import into it")
        }
        if exists, isDirectory.boolValue {
            throw UsageError("\(path) is a directory, not an archive file")
        }
    }

    public var documents: DocumentRepository { DocumentRepository(connection: connection) }
    public var batches: ImportBatchRepository { ImportBatchRepository(connection: connection) }
    public var organisations: OrganisationRepository { OrganisationRepository(connection: connection) }
    public var people: PersonRepository { PersonRepository(connection: connection) }
    public var operations: OperationRepository { OperationRepository(connection: connection) }
    public var figures: FigureRepository { FigureRepository(connection: connection) }
    public var quotes: QuoteRepository { QuoteRepository(connection: connection) }
    public var mentions: MentionRepository { MentionRepository(connection: connection) }
    public var links: DocumentLinkRepository { DocumentLinkRepository(connection: connection) }
    public var events: EventRepository { EventRepository(connection: connection) }
    public var stats: StatsRepository { StatsRepository(connection: connection) }
}

/// The file is not an SQLite database at all (exit code 2).
public struct NotAnArchive: DossierFailure {
    public let path: String
    public var exitCode: Int32 { 2 }
    public var description: String { "\(path) is not a Dossier archive (not an SQLite database)" }
}
