import Foundation
import SQLite

/// One open SQLite database file.
///
/// Every connection runs with the archive's rules (DESIGN.md §4): WAL so readers never block the
/// writer, `synchronous=FULL` so a committed import survives power loss
/// (https://sqlite.org/pragma.html#pragma_synchronous), foreign keys enforced, and a busy timeout
/// so ordinary contention between processes waits instead of failing.
public final class Connection {
    public enum Mode: Sendable {
        /// Opens for reading and writing, creating the file when it does not exist.
        case readWriteCreate
        /// Opens an existing file for reading and writing.
        case readWrite
        /// Opens an existing file for reading only.
        case readOnly
        /// Opens an existing file for reading and writing, then forbids writes (`query_only`) and
        /// leaves its journal mode alone: for checks, since SQLite verifies CHECK constraints in
        /// `integrity_check` only on a connection that could write (a read-only one skips them).
        case readWriteQueryOnly
    }

    /// How the statement cache finds a statement: by its SQL text, or by a `CachedSQL`'s identity.
    private enum StatementKey: Hashable {
        case text(String)
        case identity(ObjectIdentifier)
    }

    let handle: OpaquePointer
    public let path: String
    public let mode: Mode
    private var statements: [StatementKey: Statement] = [:]
    private var savepointDepth = 0
    /// How many `writeTransaction` and `savepoint` bodies are running, each expecting SQLite's
    /// transaction to be open until it returns.
    private var transactionBodies = 0
    /// The failure after which SQLite rolled back the transaction a running body was in.
    private var rollbackCause: DatabaseError?
    private let busyTimeoutMilliseconds: Int32

    /// Runs inside every write transaction of this connection, just before it commits: the archive
    /// uses it to bring its record digests up to date (`ArchiveSealer`), so that no write path can
    /// commit a change without them.
    public var beforeCommit: (() throws -> Void)?

    /// How long a statement waits for another process's lock before giving up.
    public static let defaultBusyTimeout: Int32 = 30_000

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let libraryConfigured: Bool = {
        dossier_sqlite_disable_memory_statistics() == SQLITE_OK
    }()

    public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = defaultBusyTimeout) throws {
        _ = Self.libraryConfigured
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readWriteQueryOnly: flags |= SQLITE_OPEN_READWRITE
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = DatabaseError(connection: connection, code: code)
            // SQLite allocates a handle even when opening fails; it must still be closed.
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = path
        self.mode = mode
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
        try configure()
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    private func configure() throws {
        try executeScript("PRAGMA foreign_keys = ON")
        if mode == .readWriteQueryOnly {
            try executeScript("PRAGMA query_only = ON")
        } else if mode != .readOnly {
            try enableWriteAheadLog()
            try executeScript("PRAGMA synchronous = FULL")
            // 64 MiB of page cache: imports touch the same index pages over and over within a batch.
            // (Only for writers: the pragma reads the schema, and readers must open even damaged files.)
            try executeScript("PRAGMA cache_size = -65536")
            // Temporary tables and savepoint journals in memory: an import's per-document savepoints
            // journalled 350 MB per 1,000 documents into a temporary file (BENCHMARKS.md). Set here,
            // once, because changing it later drops every temporary table and trigger the
            // connection has, and the archive keeps its change tracking there (ArchiveSealer).
            try executeScript("PRAGMA temp_store = MEMORY")
        }
    }

    /// Switching a new file to WAL takes a lock that SQLite does not wait for through the busy
    /// handler, so two processes creating one archive at the same moment could fail with "database
    /// is locked". The switch is retried here for as long as the busy timeout allows.
    private func enableWriteAheadLog() throws {
        let deadline = Date().addingTimeInterval(Double(busyTimeoutMilliseconds) / 1000)
        while true {
            do {
                try executeScript("PRAGMA journal_mode = WAL")
                return
            } catch let error as DatabaseError where error.isBusy && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
    }

    // MARK: Statements

    /// Returns a prepared statement for `sql`, reusing the cached one when it is idle (every user
    /// resets a statement when done with it).
    public func prepare(_ sql: String) throws -> Statement {
        try prepare(sql, key: .text(sql))
    }

    /// Returns the prepared statement for `sql`, found by identity rather than by hashing its text.
    public func prepare(_ sql: CachedSQL) throws -> Statement {
        try prepare(sql.text, key: .identity(ObjectIdentifier(sql)))
    }

    private func prepare(_ sql: String, key: StatementKey) throws -> Statement {
        // Run now, a statement would run outside any transaction, committed at once on its own.
        if transactionBodies > 0, !isInTransaction { throw transactionRolledBack() }
        if let cached = statements[key], sqlite3_stmt_busy(cached.handle) == 0 {
            return cached
        }
        let statement = try Statement(connection: self, sql: sql)
        if statements[key] == nil {
            statements[key] = statement
        }
        return statement
    }

    /// Runs one statement with bound values to completion.
    public func execute(_ sql: String, _ values: [any SQLBindable] = []) throws {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs one statement with bound values to completion. Unlike the array form nothing is boxed,
    /// which matters where import writes a hundred rows per document.
    public func execute<each Value: SQLBindable>(_ sql: String, binding values: repeat each Value) throws {
        try run(try prepare(sql), binding: repeat each values)
    }

    /// Runs one of a repository's frequent statements with bound values to completion.
    public func execute<each Value: SQLBindable>(_ sql: CachedSQL, binding values: repeat each Value) throws {
        try run(try prepare(sql), binding: repeat each values)
    }

    private func run<each Value: SQLBindable>(_ statement: Statement, binding values: repeat each Value) throws {
        defer { statement.reset() }
        try statement.bind(repeat each values)
        while try statement.step() {}
    }

    /// Runs one statement with named values to completion.
    public func execute(_ sql: String, named values: [String: any SQLBindable]) throws {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(named: values)
        while try statement.step() {}
    }

    /// Runs a script of several statements without parameters (migrations, pragmas).
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            let error = DatabaseError(resultCode: code, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
            noteFailure(error)
            throw error
        }
    }

    /// Streams the rows of a query to `body`, one at a time, without collecting them.
    public func forEachRow(_ sql: String, _ values: [any SQLBindable] = [], _ body: (Statement) throws -> Void) throws {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {
            try body(statement)
        }
    }

    /// Maps every row of a query.
    public func query<T>(_ sql: String, _ values: [any SQLBindable] = [], _ map: (Statement) throws -> T) throws -> [T] {
        var rows: [T] = []
        try forEachRow(sql, values) { rows.append(try map($0)) }
        return rows
    }

    /// Maps the first row of a query, if any.
    public func queryFirst<T>(_ sql: String, _ values: [any SQLBindable] = [], _ map: (Statement) throws -> T) throws -> T? {
        let statement = try prepare(sql)
        defer { statement.reset() }
        try statement.bind(values)
        return try statement.step() ? try map(statement) : nil
    }

    /// The integer in the first column of the first row, or nil.
    public func scalarInt(_ sql: String, _ values: [any SQLBindable] = []) throws -> Int64? {
        try queryFirst(sql, values) { $0.optionalInt64(0) } ?? nil
    }

    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    public var changes: Int { Int(sqlite3_changes(handle)) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// True when the file could only be opened for reading, even if writing was asked for: SQLite
    /// falls back to read-only without an error when the file or its folder cannot be written
    /// (https://sqlite.org/c3ref/open.html), and the first write would then fail.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    // MARK: Transactions

    /// Runs `body` in a write transaction, committing on success and rolling back on a thrown error.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front: a deferred transaction that reads and then
    /// writes can fail with SQLITE_BUSY without ever waiting (https://sqlite.org/lang_transaction.html).
    /// Called inside another transaction, it becomes a savepoint.
    ///
    /// Some errors make SQLite roll the whole transaction back by itself (a full disk, an I/O error,
    /// `RAISE(ROLLBACK)` in a trigger: https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction).
    /// If `body` caught such an error and went on, it throws `transactionRolledBack` instead of
    /// running its next statement, which would be committed on its own, and instead of committing.
    public func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try executeScript("BEGIN IMMEDIATE")
        do {
            let result = try runBody(body)
            guard isInTransaction else { throw transactionRolledBack() }
            try beforeCommit?()
            try executeScript("COMMIT")
            return result
        } catch {
            if isInTransaction {
                try? executeScript("ROLLBACK")
            }
            throw error
        }
    }

    /// Runs `body` in one read transaction, so that every query in it sees the same snapshot of the
    /// archive while other processes commit (https://sqlite.org/isolation.html): several statements
    /// that must agree with each other, such as the tables of one export bundle.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction { return try body() }
        try executeScript("BEGIN DEFERRED")
        defer {
            if isInTransaction { try? executeScript("COMMIT") }
        }
        return try body()
    }

    /// Runs `body` in a savepoint: on a thrown error only its own work is undone, and the
    /// enclosing transaction goes on.
    ///
    /// When SQLite rolled back the whole transaction, not just this savepoint's work, it throws
    /// `transactionRolledBack`, whether `body` returned or threw an error that undoes only one
    /// statement (`RAISE(ROLLBACK)` in a trigger reports a constraint): the caller must not go on
    /// as if the enclosing transaction still held its earlier work.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "dossier_savepoint_\(savepointDepth)"
        let enclosed = isInTransaction
        // Prepared and cached rather than parsed each time: import opens one savepoint per document.
        try execute("SAVEPOINT \(name)")
        do {
            let result = try runBody(body)
            guard isInTransaction else { throw transactionRolledBack() }
            try execute("RELEASE \(name)")
            return result
        } catch {
            if isInTransaction {
                try? executeScript("ROLLBACK TO \(name)")
                try? executeScript("RELEASE \(name)")
            } else if enclosed, let error = error as? DatabaseError, error.isStatementLevel {
                throw transactionRolledBack()
            }
            throw error
        }
    }

    private func runBody<T>(_ body: () throws -> T) throws -> T {
        if transactionBodies == 0 { rollbackCause = nil }
        transactionBodies += 1
        defer { transactionBodies -= 1 }
        return try body()
    }

    /// Remembers the failure after which SQLite ended the transaction a body is running in, to say
    /// why when the body goes on.
    func noteFailure(_ error: DatabaseError) {
        if transactionBodies > 0, rollbackCause == nil, !isInTransaction {
            rollbackCause = error
        }
    }

    /// The transaction a `writeTransaction` or `savepoint` body ran in is gone: nothing it wrote is stored.
    private func transactionRolledBack() -> DatabaseError {
        let cause = rollbackCause.map { "\($0.message) (code \($0.extendedCode))" } ?? "no statement of it reported why"
        return DatabaseError(
            resultCode: SQLITE_ABORT, extendedCode: Self.abortRollback,
            message: "the transaction was rolled back by SQLite: \(cause); nothing it wrote is stored", sql: rollbackCause?.sql)
    }

    /// SQLITE_ABORT_ROLLBACK, a macro Swift cannot import: statements aborted because their
    /// transaction was rolled back (https://sqlite.org/rescode.html#abort_rollback).
    private static let abortRollback = SQLITE_ABORT | (2 << 8)
}
