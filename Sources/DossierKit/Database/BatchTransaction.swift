/// A write transaction that stays open across many calls and commits when its owner says so: an
/// import stores a thousand documents, each in its own savepoint, between two commits.
///
/// Like `Connection.writeTransaction` it takes the write lock up front (`BEGIN IMMEDIATE`) and runs
/// the connection's `beforeCommit` before committing; unlike it, the work between begin and commit
/// is not one closure.
public final class BatchTransaction {
    private let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// True between `begin` and `commit` or `rollback`, unless SQLite rolled the transaction back
    /// by itself (a full disk, an I/O error).
    public var isOpen: Bool { connection.isInTransaction }

    public func begin() throws {
        try connection.executeScript("BEGIN IMMEDIATE")
    }

    /// Commits; throws, committing nothing, if SQLite already rolled the transaction back.
    public func commit() throws {
        guard connection.isInTransaction else {
            throw DatabaseError(
                resultCode: 1, message: "the transaction was rolled back by SQLite before it could commit", sql: "COMMIT")
        }
        try connection.beforeCommit?()
        try connection.executeScript("COMMIT")
    }

    /// Undoes everything since `begin`, if anything is still open.
    public func rollback() {
        if connection.isInTransaction { try? connection.executeScript("ROLLBACK") }
    }
}
