import Foundation

/// What `dossier restore` did.
public struct RestoreResult: Sendable, Codable {
    public let archive: String
    public let backup: String
    /// Where the replaced archive was kept, if there was one.
    public let keptAs: String?
    public let documents: Int
    public let warnings: [String]
}

/// Replaces an archive with a backup, after checking the backup, refusing to lose newer changes
/// unless forced, and keeping the replaced file as `NAME.before-restore`.
///
/// The archive's file is renamed away rather than written over, so that the replaced version stays
/// whole: other processes should not be using the archive during a restore.
public struct ArchiveRestore {
    public let archivePath: String
    public let backupPath: String
    public let force: Bool
    public let operatorName: String

    public init(archivePath: String, backupPath: String, force: Bool, operatorName: String) {
        self.archivePath = archivePath
        self.backupPath = backupPath
        self.force = force
        self.operatorName = operatorName
    }

    public var keptPath: String { "\(archivePath).before-restore" }

    public func run() throws -> RestoreResult {
        let report = try ArchiveCopier.verify(backupPath, operatorName: operatorName)
        guard report.outcome == .clean else {
            throw BackupFailure.backupFailedCheck(backup: backupPath, problems: report.problems)
        }
        let backup = try Connection(path: backupPath, mode: .readOnly)
        let archiveExists = FileManager.default.fileExists(atPath: archivePath)
        if archiveExists {
            try refuseToLoseChanges(backup: backup)
        }
        let partial = ArchiveCopier.partialPath(for: archivePath)
        try ArchiveCopier.copy(backup, to: partial)
        do {
            if archiveExists { try keepReplacedArchive() }
            // Stale journal files would be read as part of the restored database.
            for suffix in ["-wal", "-shm", "-journal"] {
                try ArchiveCopier.removeIfPresent(archivePath + suffix)
            }
            try FileSync.rename(partial, over: archivePath)
        } catch {
            try? ArchiveCopier.removeIfPresent(partial)
            throw error
        }
        let warning = ArchiveCopier.record(
            Event(
                operatorName: operatorName, action: "restore", entityType: "archive",
                newJSON: try JSONText.encode(
                    RestoreEvent(backup: backupPath, keptAs: archiveExists ? keptPath : nil, forced: force))),
            in: archivePath)
        return RestoreResult(
            archive: archivePath, backup: backupPath, keptAs: archiveExists ? keptPath : nil, documents: report.documents,
            warnings: warning.map { [$0] } ?? [])
    }

    /// Refuses when the archive changed after the backup's newest change. An archive too damaged to
    /// tell is not protected by this rule: restoring it is what a backup is for.
    private func refuseToLoseChanges(backup: Connection) throws {
        if FileManager.default.fileExists(atPath: keptPath) {
            throw UsageError("\(keptPath) already exists from an earlier restore: move it away first")
        }
        guard !force,
            let current = try? Connection(path: archivePath, mode: .readOnly),
            let archiveNewest = (try? ArchiveActivityRepository(connection: current).newestChange()) ?? nil
        else { return }
        let backupNewest = try ArchiveActivityRepository(connection: backup).newestChange()
        if archiveNewest > (backupNewest ?? "") {
            throw BackupFailure.archiveNewer(archive: archivePath, archiveNewest: archiveNewest, backupNewest: backupNewest)
        }
    }

    /// Renames the archive to `NAME.before-restore`, first moving its WAL content into the file
    /// where possible, and keeping any WAL that remains beside it so that nothing committed is lost.
    private func keepReplacedArchive() throws {
        if let current = try? Connection(path: archivePath, mode: .readWrite) {
            try? current.checkpoint()
        }
        try FileSync.rename(archivePath, over: keptPath)
        if FileManager.default.fileExists(atPath: archivePath + "-wal") {
            try FileSync.rename(archivePath + "-wal", over: keptPath + "-wal")
        }
    }
}

/// What the audit log keeps of a restore.
struct RestoreEvent: Encodable {
    let backup: String
    let keptAs: String?
    let forced: Bool

    enum CodingKeys: String, CodingKey {
        case backup, forced
        case keptAs = "kept_as"
    }
}
