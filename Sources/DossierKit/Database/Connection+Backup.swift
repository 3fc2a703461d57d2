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
