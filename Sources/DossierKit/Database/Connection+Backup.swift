import Foundation
import SQLite

extension Connection {
    /// Copies this database into a new file at `path` as one consistent snapshot, with SQLite's
    /// online backup API (https://sqlite.org/backup.html).
    ///
    /// All pages are copied in one step: a step-by-step copy restarts whenever another process
    /// writes, and could then never finish under a steady stream of imports, whereas one step reads
    /// a single WAL snapshot while writers carry on. The copy is left in rollback-journal mode so it
    /// is one self-contained file, with no `-wal` or `-shm` beside it.
    public func backup(to path: String) throws {
        let destination = try Connection(path: path, mode: .readWriteCreate)
        try destination.executeScript("PRAGMA journal_mode = DELETE")
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw DatabaseError(connection: destination.handle, code: sqlite3_errcode(destination.handle))
        }
        var code = SQLITE_OK
        var attempts = 0
        repeat {
            code = sqlite3_backup_step(backup, -1)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                attempts += 1
                sqlite3_sleep(50)
            }
        } while (code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED) && attempts < Self.backupAttempts
        // finish reports the step's error on the destination handle; keep the first failure.
        let finished = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: code, message: "backup of \(self.path) stopped: \(String(cString: sqlite3_errstr(code)))")
        }
        guard finished == SQLITE_OK else {
            throw DatabaseError(connection: destination.handle, code: finished)
        }
        try destination.executeScript("PRAGMA journal_mode = DELETE")
    }

    /// Replaces this database's whole content with `source`'s through SQLite's online backup API,
    /// under this connection's write lock, without ever moving or replacing the file.
    ///
    /// Other processes keep their connections: writers wait for the lock (or get SQLITE_BUSY after
    /// their busy timeout) and then see the new content, since the copy is one transaction in this
    /// file's own journal (https://sqlite.org/backup.html). `underLock` runs once the write lock is
    /// held and before anything is copied, so that what it reads or saves (the content about to be
    /// replaced) cannot change before the copy: SQLite's backup step joins the write transaction
    /// this connection already holds instead of starting its own.
    public func replaceContent(with source: Connection, underLock: () throws -> Void) throws {
        guard !isInTransaction else {
            throw DatabaseError(resultCode: SQLITE_MISUSE, message: "cannot replace a database's content inside a transaction")
        }
        // The backup must be set up before the transaction: sqlite3_backup_init refuses a
        // destination with a transaction open.
        guard let backup = sqlite3_backup_init(handle, "main", source.handle, "main") else {
            throw DatabaseError(connection: handle, code: sqlite3_errcode(handle))
        }
        var backupFinished = false
        defer {
            if !backupFinished { sqlite3_backup_finish(backup) }
        }
        try executeScript("BEGIN IMMEDIATE")
        do {
            try underLock()
            let code = sqlite3_backup_step(backup, -1)
            backupFinished = true
            let finished = sqlite3_backup_finish(backup)
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: code, message: "copy from \(source.path) stopped: \(String(cString: sqlite3_errstr(code)))")
            }
            guard finished == SQLITE_OK else { throw DatabaseError(connection: handle, code: finished) }
            // The backup step committed the pages; this ends the transaction the connection began.
            if isInTransaction { try executeScript("COMMIT") }
        } catch {
            if isInTransaction { try? executeScript("ROLLBACK") }
            throw error
        }
    }

    /// Retries while the source is locked, about as long as the busy timeout.
    private static let backupAttempts = Int(defaultBusyTimeout / 50)

    /// Moves every committed WAL frame into the main file and empties the WAL, so the file alone
    /// holds the whole database (https://sqlite.org/pragma.html#pragma_wal_checkpoint).
    public func checkpoint() throws {
        try executeScript("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Runs `body` in a transaction that is always rolled back: for commands SQLite only accepts as
    /// writes but that change nothing, such as FTS5's `integrity-check`.
    ///
    /// `BEGIN IMMEDIATE`, like every transaction that writes: under a deferred `BEGIN` the
    /// statement reads before it asks for the write lock, and SQLite then answers SQLITE_BUSY at
    /// once instead of waiting, so `dossier check` failed with "database is locked" while an
    /// import was running (found by the concurrency tests of issue 8).
    public func rolledBack<T>(_ body: () throws -> T) throws -> T {
        try executeScript("BEGIN IMMEDIATE")
        defer {
            if isInTransaction { try? executeScript("ROLLBACK") }
        }
        return try body()
    }
}
