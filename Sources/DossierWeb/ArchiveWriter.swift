import DossierKit

/// Takes the server's decisions and imports one at a time, on one connection kept open for them:
/// two reviewers confirming the same fact are served in turn, and the second learns that the first
/// decided (`DecisionConflict`) instead of deciding again. Each decision is its own transaction.
actor ArchiveWriter {
    let path: String
    let operatorName: String
    let busyTimeoutMilliseconds: Int32
    /// The connection and the file it was opened on; dropped after a failure, reopened when the
    /// file at the path is another.
    private var open: (archive: Archive, file: FileIdentity)?
    /// Built on the first import: the lexicons take a moment to compile and most servers only review.
    private var extractor: FactExtractor?

    init(path: String, operatorName: String, busyTimeoutMilliseconds: Int32) {
        self.path = path
        self.operatorName = operatorName
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    func perform<Result: Sendable>(_ body: @Sendable (ReviewDecisions) throws -> Result) throws -> Result {
        try withArchive { try body(ReviewDecisions(archive: $0, operatorName: operatorName)) }
    }

    /// Imports uploaded files as `dossier import` imports files: one batch, each document with all its
    /// facts or nothing of it, a file refused with the command's own message.
    func importFiles(_ inputs: [ImportInput]) throws -> ImportSummary {
        let extractor = try self.extractor ?? FactExtractor.builtIn()
        self.extractor = extractor
        return try withArchive { archive in
            try Importer(archive: archive, options: ImportOptions(operatorName: operatorName), extractor: extractor)
                .run(inputs)
        }
    }

    private func withArchive<Result>(_ body: (Archive) throws -> Result) throws -> Result {
        let current = FileIdentity(path: path)
        let archive: Archive
        if let open, open.file == current {
            archive = open.archive
        } else {
            archive = try Archive.open(path: path, access: .write, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
            open = (current ?? FileIdentity(path: path)).map { (archive, $0) }
        }
        do {
            return try body(archive)
        } catch {
            open = nil
            throw error
        }
    }
}
