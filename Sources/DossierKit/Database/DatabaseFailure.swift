import SQLite

/// A failure of the archive's storage, said the way a user can act on it: what happened and what to
/// do, without SQLite's codes or the statement that was running (those stay in `underlying`).
///
/// SQLite's own messages ("disk I/O error — while running: SELECT …") reached users on a full disk
/// and after a damaged migration record; every command now prints this instead.
public struct DatabaseFailure: DossierFailure {
    public let underlying: DatabaseError
    public let archive: String?

    public init(_ underlying: DatabaseError, archive: String? = nil) {
        self.underlying = underlying
        self.archive = archive
    }

    public var exitCode: Int32 { 2 }

    public var description: String {
        let subject = archive.map { "archive \($0)" } ?? "the archive"
        switch underlying.resultCode {
        case SQLITE_FULL:
            return "the disk holding \(subject) is full: SQLite undid the unfinished transaction, so nothing was half-written; "
                + "free some space and run the command again"
        case SQLITE_IOERR:
            return "\(subject) could not be read or written (\(underlying.message)): the disk may be full, failing or "
                + "unmounted; fix that, then run `dossier check`"
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return "\(subject) is damaged (\(underlying.message)): run `dossier check` to see where, and restore a backup "
                + "with `dossier restore`"
        case SQLITE_BUSY, SQLITE_LOCKED:
            return "\(subject) stayed locked by another process for longer than the busy timeout: wait for it to finish "
                + "(an import, a restore, a migration) and run the command again"
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN:
            return "\(subject) cannot be written (\(underlying.message)): check its permissions and those of its folder"
        case SQLITE_NOMEM:
            return "SQLite ran out of memory working on \(subject): close other programs and run the command again"
        default:
            return "unexpected SQLite error in \(subject): \(underlying.message) (code \(underlying.extendedCode)); "
                + "this is a bug in dossier: please report it with the command you ran"
        }
    }
}
