/// When an archive's content last changed, to tell which of two copies is newer.
public struct ArchiveActivityRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// The latest import, batch or audited edit, as an ISO timestamp; nil for an empty archive.
    /// Checks, backups, restores and index repairs change no content and are left out, or the
    /// event a backup records would make every archive look newer than its own backup.
    public func newestChange() throws -> String? {
        try connection.queryFirst(
            """
            SELECT max(t) FROM (
                SELECT max(imported_at) AS t FROM documents
                UNION ALL SELECT max(coalesce(finished_at, started_at)) FROM import_batches
                UNION ALL SELECT max(occurred_at) FROM events WHERE action NOT IN ('check', 'backup', 'restore', 'repair'))
            """
        ) { $0.optionalString(0) } ?? nil
    }

    /// True for a file with no schema at all: a new file, or one created but never migrated.
    public func isEmpty() throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_master") == 0
    }
}
