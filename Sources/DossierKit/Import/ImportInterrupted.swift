/// An import stopped because the archive itself failed (disk full, I/O error, read-only, locked),
/// not because of one input: what was committed stays, and the rest of the run is not stored.
public struct ImportInterrupted: DossierFailure, Equatable {
    /// The input being stored when it happened, or nil at the final commit.
    public let file: String?
    public let archive: String
    /// SQLite's message.
    public let reason: String
    /// Documents of this run that are committed in the archive.
    public let stored: Int
    /// Documents reported as imported earlier in this run whose transaction was rolled back.
    public let rolledBack: Int

    public var exitCode: Int32 { 2 }

    public var description: String {
        let place = file.map { "while storing \($0)" } ?? "while committing the last documents"
        return "import stopped \(place): archive \(archive) could not be written (\(reason)); "
            + "\(stored) documents of this run are stored, \(rolledBack) reported as imported since the last commit were rolled back; "
            + "free space or fix the archive, then run the same import again (stored documents are recognised as duplicates)"
    }
}
