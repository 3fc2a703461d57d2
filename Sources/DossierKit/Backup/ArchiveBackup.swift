import Foundation

/// What `dossier backup` produced.
public struct BackupResult: Sendable, Codable {
    public let archive: String
    public let destination: String
    public let bytes: Int
    public let documents: Int
    /// Documents whose body hash was verified in the copy.
    public let verifiedDocuments: Int
    public let warnings: [String]
}

/// Backs up an archive while others may be using it: a consistent snapshot through SQLite's
/// online backup API, written under a temporary name, flushed, checked, and only then renamed to
/// its final name. The source records a 'backup' event.
public struct ArchiveBackup {
    public let archivePath: String
    public let destination: String
    public let replaceExisting: Bool
    public let operatorName: String

    public init(archivePath: String, destination: String, replaceExisting: Bool, operatorName: String) {
        self.archivePath = archivePath
        self.destination = destination
        self.replaceExisting = replaceExisting
        self.operatorName = operatorName
    }

    public func run() throws -> BackupResult {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw UsageError("\(destination) is a directory: give the backup a file name") }
            if !replaceExisting {
                throw UsageError("\(destination) already exists: choose another name, or pass --force to replace it")
            }
        }
        if URL(fileURLWithPath: destination).standardizedFileURL == URL(fileURLWithPath: archivePath).standardizedFileURL {
            throw UsageError("the backup cannot be the archive itself (\(archivePath))")
        }
        ArchiveCopier.removeStalePartials(of: destination)
        let partial = ArchiveCopier.partialPath(for: destination)
        // The read-only connection closes before the event is written, so that the writing one
        // closes last and can fold the WAL back into the archive file.
        try ArchiveCopier.copy(try Archive.open(path: archivePath, access: .read).connection, to: partial)
        let report: CheckReport
        do {
            report = try ArchiveCopier.verify(partial, operatorName: operatorName)
            guard report.outcome == .clean else {
                throw BackupFailure.copyFailedCheck(destination: destination, problems: report.problems)
            }
            try FileSync.rename(partial, over: destination)
        } catch {
            ArchiveCopier.removeIfPresent(partial)
            throw error
        }
        let bytes = ArchiveCopier.size(of: destination)
        let warning = ArchiveCopier.record(
            Event(
                operatorName: operatorName, action: "backup", entityType: "archive",
                newJSON: try JSONText.encode(
                    BackupEvent(
                        destination: destination, bytes: bytes, documents: report.documents, verified: report.fixityChecked))),
            in: archivePath)
        return BackupResult(
            archive: archivePath, destination: destination, bytes: bytes, documents: report.documents,
            verifiedDocuments: report.fixityChecked, warnings: warning.map { [$0] } ?? [])
    }
}

/// What the audit log keeps of a backup.
struct BackupEvent: Encodable {
    let destination: String
    let bytes: Int
    let documents: Int
    let verified: Int
}
