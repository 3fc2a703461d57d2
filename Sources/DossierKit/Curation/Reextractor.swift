/// Runs the current extraction rules again over stored documents, respecting every decision an
/// archivist made: confirmed, corrected and rejected facts keep their status.
public struct Reextractor {
    public struct DocumentResult: Sendable, Codable, Equatable {
        public var documentID: Int64
        public var title: String?
        public var changes: ReextractionChanges
    }

    let archive: Archive
    let extractor: FactExtractor
    let operatorName: String

    public init(archive: Archive, extractor: FactExtractor, operatorName: String) {
        self.archive = archive
        self.extractor = extractor
        self.operatorName = operatorName
    }

    private struct DryRunRollback: Error {
        let results: [DocumentResult]
    }

    /// Re-extracts the given documents in one transaction; with `dryRun` the transaction is rolled
    /// back, so the results say what would change and nothing does.
    public func run(documentIDs: [Int64], dryRun: Bool, progress: (DocumentResult) -> Void = { _ in }) throws -> [DocumentResult]
    {
        do {
            return try archive.connection.writeTransaction {
                var results: [DocumentResult] = []
                for id in documentIDs {
                    let result = try reextract(id)
                    results.append(result)
                    progress(result)
                }
                if dryRun { throw DryRunRollback(results: results) }
                return results
            }
        } catch let rollback as DryRunRollback {
            return rollback.results
        }
    }

    private func reextract(_ documentID: Int64) throws -> DocumentResult {
        guard let document = try archive.documents.find(id: documentID) else {
            throw UsageError("no document with id \(documentID)")
        }
        let extraction = extractor.extract(from: document.body, language: document.language, published: document.publishedOn)
        let existing = ExistingFacts(
            figures: try archive.figures.list(documentID: documentID), quotes: try archive.quotes.list(documentID: documentID),
            mentions: try archive.mentions.list(documentID: documentID))
        let (_, changes) = try FactWriter(archive: archive).writeFacts(
            extraction, documentID: documentID, language: document.language, declaredOperation: nil, existing: existing)
        if changes.changedAnything {
            try AuditLog(archive: archive, operatorName: operatorName).record(
                "reextract", "document", documentID, old: ReextractionChanges?.none, new: changes)
        }
        return DocumentResult(documentID: documentID, title: document.title ?? document.fileName, changes: changes)
    }
}
