import Foundation

/// An open Dossier archive: one SQLite file whose schema matches this build, and the repositories over it.
public final class Archive {
    public enum Access: Sendable {
        /// Read only; the archive must exist and be fully migrated.
        case read
        /// Read and write; a missing archive is created and migrated.
        case write
    }

    public let connection: Connection
    public let path: String

    private init(connection: Connection, path: String) {
        self.connection = connection
        self.path = path
    }

    /// Opens the archive at `path`, refusing one whose schema this build cannot use (exit code 2),
    /// and changing nothing in that case.
    public static func open(path: String, access: Access) throws -> Archive {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists, access == .read {
            throw UsageError("no archive at \(path): create one with `dossier init --db \(path)` or import into it")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw UsageError("\(path) is a directory, not an archive file")
        }
        do {
            let connection = try Connection(path: path, mode: access == .read ? .readOnly : .readWriteCreate)
            if access == .write, connection.isReadOnly {
                // SQLite silently opens a file it may not write read-only; say so before any write fails.
                throw UsageError(
                    "archive \(path) is read-only (file permissions, immutable flag or read-only mount): make it writable, or use a command that only reads"
                )
            }
            let migrator = try Migrator.builtIn()
            if access == .write, try isEmpty(connection) {
                // Created under the write lock and in one transaction: two processes creating the same
                // archive at once cannot both migrate it, and a process killed mid-creation leaves no
                // half-migrated schema that the next import would refuse.
                try connection.writeTransaction {
                    if try isEmpty(connection) { try migrator.migrate(connection) }
                }
            }
            try migrator.validate(connection, allowPending: false)
            return Archive(connection: connection, path: path)
        } catch let error as DatabaseError where error.isNotADatabase {
            throw UsageError("\(path) is not a Dossier archive (not an SQLite database)")
        } catch let error as DatabaseError where error.isCannotOpen {
            throw UsageError("cannot open archive \(path): \(error.message)")
        }
    }

    private static func isEmpty(_ connection: Connection) throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_master") == 0
    }

    /// Opens (creating if needed) without validating or migrating: for `dossier migrate` itself.
    public static func openForMigration(path: String) throws -> Connection {
        do {
            return try Connection(path: path, mode: .readWriteCreate)
        } catch let error as DatabaseError where error.isCannotOpen {
            throw UsageError("cannot open archive \(path): \(error.message)")
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
