import SQLite

extension DatabaseError {
    /// The file is an SQLite database whose content is damaged (SQLITE_CORRUPT and its extended
    /// codes, such as SQLITE_CORRUPT_VTAB from FTS5), as opposed to a file that is not a database.
    public var isCorrupt: Bool { resultCode == SQLITE_CORRUPT }
}
