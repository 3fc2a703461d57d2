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

/// Replaces an archive's content with a backup's, after checking the backup, refusing to lose newer
/// changes unless forced, and keeping the replaced content as `NAME.before-restore`.
///
/// The archive file is never moved or replaced: the backup is copied into it through SQLite's
/// backup API under its write lock, after the current content has been saved under that same lock.
/// A process importing at that moment waits, then writes into the restored archive, and finds that
/// the documents it had committed are gone: it stops and says so (see `Importer`), rather than
/// reporting them imported. Only an archive SQLite cannot read at all, which no process can be
/// writing to, is renamed away instead.
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
        ArchiveCopier.removeStalePartials(of: keptPath)
        let report = try ArchiveCopier.verify(backupPath, operatorName: operatorName)
        guard report.outcome == .clean else {
            throw BackupFailure.backupFailedCheck(backup: backupPath, problems: report.problems)
        }
        let backup = try Archive.connect(path: backupPath, access: .inspect)
        if FileManager.default.fileExists(atPath: keptPath) {
            throw UsageError("\(keptPath) already exists from an earlier restore: move it away first")
        }
        let keptAs: String?
        do {
            keptAs = try copyIntoLiveArchive(from: backup)
        } catch is NotAnArchive {
            keptAs = try replaceUnreadableArchive(from: backup)
        } catch let error as DatabaseError where error.isNotADatabase || error.isCorrupt {
            keptAs = try replaceUnreadableArchive(from: backup)
        }
        let warning = ArchiveCopier.record(
            Event(
                operatorName: operatorName, action: "restore", entityType: "archive",
                newJSON: try JSONText.encode(RestoreEvent(backup: backupPath, keptAs: keptAs, forced: force))),
            in: archivePath)
        return RestoreResult(
            archive: archivePath, backup: backupPath, keptAs: keptAs, documents: report.documents,
            warnings: warning.map { [$0] } ?? [])
    }

    /// Saves the current content and copies the backup in, both under the archive's write lock.
    /// Returns where the replaced content was kept, or nil when the archive was empty.
    private func copyIntoLiveArchive(from backup: Connection) throws -> String? {
        let archive = try Archive.connect(path: archivePath, access: .migrate)
        var keptAs: String?
        try archive.replaceContent(with: backup) {
            // Read through a second connection: SQLite's backup cannot read from a connection with
            // a write transaction open. While `archive` holds the write lock, this one's snapshot is
            // the archive's last committed state, and nobody can commit after it.
            let current = try Archive.connect(path: archivePath, access: .inspect)
            guard try !ArchiveActivityRepository(connection: current).isEmpty() else { return }
            try refuseToLoseChanges(current: current, backup: backup)
            let partial = ArchiveCopier.partialPath(for: keptPath)
            try ArchiveCopier.copy(current, to: partial)
            do {
                try FileSync.rename(partial, over: keptPath)
            } catch {
                ArchiveCopier.removeIfPresent(partial)
                throw error
            }
            keptAs = keptPath
        }
        return keptAs
    }

    /// Refuses when the archive changed after the backup's newest change. An archive too damaged to
    /// tell is not protected by this rule: restoring it is what a backup is for.
    private func refuseToLoseChanges(current: Connection, backup: Connection) throws {
        guard !force, let archiveNewest = (try? ArchiveActivityRepository(connection: current).newestChange()) ?? nil else {
            return
        }
        let backupNewest = try ArchiveActivityRepository(connection: backup).newestChange()
        if archiveNewest > (backupNewest ?? "") {
            throw BackupFailure.archiveNewer(archive: archivePath, archiveNewest: archiveNewest, backupNewest: backupNewest)
        }
    }

    /// For a file SQLite cannot read as a database (so no process can be writing to it): renames it
    /// to `NAME.before-restore`, with any journal beside it, and puts a checked copy of the backup
    /// in its place.
    private func replaceUnreadableArchive(from backup: Connection) throws -> String {
        let partial = ArchiveCopier.partialPath(for: archivePath)
        try ArchiveCopier.copy(backup, to: partial)
        do {
            try FileSync.rename(archivePath, over: keptPath)
            for suffix in ["-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: archivePath + suffix) {
                try FileSync.rename(archivePath + suffix, over: keptPath + suffix)
            }
            try FileSync.rename(partial, over: archivePath)
        } catch {
            ArchiveCopier.removeIfPresent(partial)
            throw error
        }
        return keptPath
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
