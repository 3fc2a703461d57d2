/// An import stopped because the archive itself failed (disk full, I/O error, read-only, locked),
/// not because of one input: what was committed stays, and the rest of the run is not stored.
public struct ImportInterrupted: DossierFailure, Equatable {
    /// Where the run was when the archive failed.
    public enum Stage: Sendable, Equatable {
        case storing(file: String)
        /// At the commit of the last documents.
        case committing
        /// Every document was committed; only the batch's end could not be recorded.
        case recordingBatchEnd(batchID: Int64)
        /// The archive's content was replaced (a restore from a backup) while the import ran.
        case archiveReplaced
    }

    public let stage: Stage
    public let archive: String
    /// SQLite's message.
    public let reason: String
    /// Documents of this run that are committed in the archive.
    public let stored: Int
    /// Documents reported as imported earlier in this run whose transaction was rolled back.
    public let rolledBack: Int

    public var exitCode: Int32 { 2 }

    public var description: String {
        let failure = "archive \(archive) could not be written (\(reason))"
        let next = "free space or fix the archive, then run the same import again (stored documents are recognised as duplicates)"
        switch stage {
        case .storing(let file):
            return "import stopped while storing \(file): \(failure); \(summary); \(next)"
        case .committing:
            return "import stopped while committing the last documents: \(failure); \(summary); \(next)"
        case .recordingBatchEnd(let batchID):
            return "import stored its documents but could not record the end of batch \(batchID): \(failure); "
                + "\(stored) documents of this run are stored, and the batch stays marked running; "
                + "free space or fix the archive (the documents need not be imported again)"
        case .archiveReplaced:
            return "import stopped: archive \(archive) was restored from a backup (or replaced) while this import ran, "
                + "and no longer holds the documents this run had committed (a restore keeps the replaced content in "
                + "\(archive).before-restore); run the same import again: what the archive already holds is recognised "
                + "as a duplicate"
        }
    }

    private var summary: String {
        "\(stored) documents of this run are stored, \(rolledBack) reported as imported since the last commit were rolled back"
    }
}
