import SQLite

extension DatabaseError {
    /// The file is an SQLite database whose content is damaged (SQLITE_CORRUPT and its extended
    /// codes, such as SQLITE_CORRUPT_VTAB from FTS5), as opposed to a file that is not a database.
    public var isCorrupt: Bool { resultCode == SQLITE_CORRUPT }

    /// SQLite could not prepare or run a statement against the schema it read (SQLITE_ERROR: "no
    /// such column", "unrecognized option"). In an archive migrated by this build that means the
    /// schema itself was damaged or edited: a finding for `dossier check`, not a bug to report.
    public var isSchemaMismatch: Bool { resultCode == SQLITE_ERROR }
}
