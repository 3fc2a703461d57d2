/// Records each run of `dossier import`.
public struct ImportBatchRepository {
    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    public func start(_ batch: ImportBatch, optionsJSON: String? = nil) throws -> Int64 {
        try connection.execute(
            "INSERT INTO import_batches (operator, tool_version, started_at, status, options_json) VALUES (?, ?, ?, ?, ?)",
            [batch.operatorName, batch.toolVersion, batch.startedAt, batch.status.rawValue, optionsJSON])
        return connection.lastInsertedRowID
    }

    public func finish(_ batch: ImportBatch) throws {
        guard let id = batch.id else { return }
        try connection.execute(
            """
            UPDATE import_batches SET finished_at = ?, status = ?, files_seen = ?, imported = ?, duplicates = ?, failed = ?
            WHERE id = ?
            """,
            [batch.finishedAt, batch.status.rawValue, batch.filesSeen, batch.imported, batch.duplicates, batch.failed, id])
    }

    /// True while the archive still holds what a running batch committed: its row and, once it has
    /// committed documents, the last of them under its id. False after a restore from a backup
    /// replaced the content under the import.
    public func stillHolds(batchID: Int64, lastCommittedDocumentID: Int64?) throws -> Bool {
        if let lastCommittedDocumentID {
            return try connection.scalarInt(
                "SELECT count(*) FROM documents WHERE id = ? AND batch_id = ?", [lastCommittedDocumentID, batchID]) == 1
        }
        return try connection.scalarInt("SELECT count(*) FROM import_batches WHERE id = ?", [batchID]) == 1
    }

    public func find(id: Int64) throws -> ImportBatch? {
        try connection.queryFirst(
            """
            SELECT id, operator, tool_version, started_at, finished_at, status, files_seen, imported, duplicates, failed
            FROM import_batches WHERE id = ?
            """, [id]
        ) {
            ImportBatch(
                id: $0.int64(0), operatorName: $0.string(1), toolVersion: $0.string(2), startedAt: $0.string(3),
                finishedAt: $0.optionalString(4), status: ImportBatch.Status(rawValue: $0.string(5)) ?? .failed,
                filesSeen: $0.int(6), imported: $0.int(7), duplicates: $0.int(8), failed: $0.int(9))
        }
    }
}
