import SQLite

/// A failure reported by SQLite, carrying what is needed to diagnose it.
///
/// Bound values are deliberately left out: they may hold archive text that does not belong in logs.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    public let resultCode: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    public let extendedCode: Int32
    /// SQLite's own message.
    public let message: String
    /// The SQL that failed, when there was one.
    public let sql: String?

    public init(resultCode: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil) {
        self.resultCode = resultCode & 0xFF
        self.extendedCode = extendedCode ?? resultCode
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of a connection after a failed call.
    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message =
            connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        self.init(resultCode: code, extendedCode: extended, message: message, sql: sql)
    }

    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }
    public var isNotADatabase: Bool { resultCode == SQLITE_NOTADB }
    /// The failure belongs to one statement and its values (a constraint, a value too big, a type
    /// mismatch): SQLite keeps the transaction, so a savepoint can undo just that statement's work.
    /// Anything else (disk full, I/O error, read-only file, corruption, out of memory, a lock) is a
    /// failure of the archive, after which SQLite may have rolled the whole transaction back
    /// (https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction).
    public var isStatementLevel: Bool {
        [SQLITE_CONSTRAINT, SQLITE_TOOBIG, SQLITE_MISMATCH, SQLITE_RANGE].contains(resultCode)
    }
    public var isCannotOpen: Bool { resultCode == SQLITE_CANTOPEN || resultCode == SQLITE_PERM || resultCode == SQLITE_READONLY }

    public var description: String {
        var text = "SQLite error \(resultCode) (extended \(extendedCode)): \(message)"
        // Errors print as one line (DESIGN.md §3), and statements are often written over several.
        if let sql { text += " — while running: " + sql.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return text
    }
}
