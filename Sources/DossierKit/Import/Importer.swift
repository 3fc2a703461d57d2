import Foundation

/// Imports files into an archive: each document with all its facts, or nothing of it.
///
/// Documents are written in savepoints inside a batch transaction that commits every
/// `options.batchSize` documents, so a crash loses at most the uncommitted batch and never
/// leaves a partial document; one failed file is reported and the run goes on.
public struct Importer {
    let archive: Archive?
    let options: ImportOptions
    let preparer: DocumentPreparer
    /// Called after each fact is written; tests use it to inject a fault mid-document.
    var afterFact: (() throws -> Void)?

    /// `archive` may be nil for a dry run on an archive that does not exist yet.
    public init(archive: Archive?, options: ImportOptions, extractor: FactExtractor) {
        self.archive = archive
        self.options = options
        self.preparer = DocumentPreparer(
            decoder: SourceDecoder(declaredEncoding: options.encoding), extractor: extractor, overrides: options.metadata,
            readers: SourceReaders(declaredEncoding: options.encoding))
    }

    /// Imports every input in order, reporting each result to `progress` as it is known.
    public func run(_ inputs: [ImportInput], progress: (ImportResult, PreparedDocument?) -> Void = { _, _ in }) throws
        -> ImportSummary
    {
        var summary = ImportSummary(dryRun: options.dryRun)
        var batch = ImportBatch(
            operatorName: options.operatorName, toolVersion: DossierVersion.current, startedAt: Timestamp.now())
        let reader = SourceReader(maximumBytes: options.maximumBytes)
        var checkpointer: BackgroundCheckpointer?
        defer { checkpointer?.stop() }
        if let archive, !options.dryRun {
            checkpointer = BackgroundCheckpointer(importing: archive.connection)
            batch.id = try archive.connection.writeTransaction {
                try archive.batches.start(batch, optionsJSON: try JSONText.encode(options.metadata))
            }
            summary.batchID = batch.id
        }

        var transaction = OpenTransaction(batch: archive.map { BatchTransaction(connection: $0.connection) })
        // Documents reported as imported whose transaction is not committed yet: lost if the archive fails.
        var importedSinceCommit = 0
        let chunks = Self.chunks(of: inputs)
        let pipeline = PreparationPipeline(chunks: chunks, preparer: preparer, reader: reader)
        defer { pipeline.cancel() }
        for chunk in chunks {
            // Decoding and extraction run on every core, ahead of storing, which stays in input order.
            guard let preparations = pipeline.next() else { break }
            for (input, preparation) in zip(chunk, preparations) {
                summary.seen += 1
                var prepared: PreparedDocument?
                var result: ImportResult
                do {
                    let document = try preparation.get()
                    prepared = document
                    result = try store(
                        document, file: input.displayName, batchID: batch.id, transaction: &transaction,
                        checkpointer: checkpointer)
                } catch let failure as ImportFailure {
                    result = ImportResult(file: input.displayName, outcome: .failed, error: failure.reason)
                } catch let error as DatabaseError where error.isStatementLevel {
                    result = ImportResult(
                        file: input.displayName, outcome: .failed, error: "could not be stored: \(error.message)")
                } catch let error as DatabaseError {
                    throw interrupted(
                        by: error, at: .storing(file: input.displayName), batch: batch, summary: summary,
                        uncommitted: importedSinceCommit)
                } catch is ArchiveReplaced {
                    throw ImportInterrupted(
                        stage: .archiveReplaced, archive: archive?.path ?? "", reason: "", stored: 0,
                        rolledBack: summary.imported)
                }
                importedSinceCommit = transaction.documents == 0 ? 0 : importedSinceCommit + (result.outcome == .imported ? 1 : 0)
                switch result.outcome {
                case .imported: summary.imported += 1
                case .duplicate:
                    summary.duplicates += 1
                    if result.metadataDifferences != nil { summary.duplicatesWithOtherMetadata += 1 }
                case .failed: summary.failed += 1
                }
                if options.collectResults { summary.results.append(result) }
                progress(result, prepared)
            }
        }
        do {
            try commit(&transaction, checkpointer: checkpointer)
        } catch let error as DatabaseError {
            throw interrupted(by: error, at: .committing, batch: batch, summary: summary, uncommitted: importedSinceCommit)
        }

        if let archive, let batchID = batch.id {
            batch.finishedAt = Timestamp.now()
            batch.status = .completed
            batch.filesSeen = summary.seen
            batch.imported = summary.imported
            batch.duplicates = summary.duplicates
            batch.failed = summary.failed
            do {
                try archive.connection.writeTransaction {
                    guard
                        try archive.batches.stillHolds(
                            batchID: batchID, lastCommittedDocumentID: transaction.lastCommittedDocumentID)
                    else { throw ArchiveReplaced() }
                    try archive.batches.finish(batch)
                }
            } catch is ArchiveReplaced {
                throw ImportInterrupted(
                    stage: .archiveReplaced, archive: archive.path, reason: "", stored: 0, rolledBack: summary.imported)
            } catch let error as DatabaseError {
                // The documents are committed: say so, rather than a bare SQLite error.
                throw ImportInterrupted(
                    stage: .recordingBatchEnd(batchID: batchID), archive: archive.path, reason: error.message,
                    stored: summary.imported, rolledBack: 0)
            }
        }
        return summary
    }

    /// Splits the inputs into groups small enough to hold in memory at once: at most 16 files
    /// and, as far as their sizes are known beforehand, 64 MiB.
    static func chunks(of inputs: [ImportInput]) -> [[ImportInput]] {
        var chunks: [[ImportInput]] = []
        var current: [ImportInput] = []
        var bytes = 0
        for input in inputs {
            var size = 0
            if case .file(let path) = input {
                size = FileInfo(path: path, followingLinks: true)?.size ?? 0
            }
            if !current.isEmpty, current.count >= 16 || bytes + size > 64 << 20 {
                chunks.append(current)
                current = []
                bytes = 0
            }
            current.append(input)
            bytes += size
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    private func store(
        _ prepared: PreparedDocument, file: String, batchID: Int64?, transaction: inout OpenTransaction,
        checkpointer: BackgroundCheckpointer?
    ) throws
        -> ImportResult
    {
        var result = ImportResult(
            file: file, outcome: .imported, sha256: prepared.document.sha256, title: prepared.document.title,
            language: prepared.document.language)
        result.sourceFormat = prepared.document.sourceFormat
        result.extractorVersion = prepared.document.extractorVersion
        result.attachments = prepared.attachments.isEmpty ? nil : prepared.attachments
        let extraction = prepared.extraction
        result.figures = extraction.figures.count
        result.quotes = extraction.quotes.count
        result.people = extraction.people.count
        result.organisations = extraction.organisations.count
        result.operations = extraction.operations.count
        result.dates = extraction.dates.count
        guard let archive else { return result }

        // The write lock is taken before the duplicate check, so two importers given the same
        // file at the same moment cannot both store it.
        if !options.dryRun {
            if transaction.documents == 0 {
                try archive.connection.executeScript("BEGIN IMMEDIATE")
                if let batchID,
                    try !archive.batches.stillHolds(
                        batchID: batchID, lastCommittedDocumentID: transaction.lastCommittedDocumentID)
                {
                    try archive.connection.executeScript("ROLLBACK")
                    throw ArchiveReplaced()
                }
                transaction.lastDocumentIDBefore = try archive.documents.lastID()
                // Other processes may have written since the last transaction.
                transaction.upserted.forget()
            }
            transaction.documents += 1
        }
        if let existing = try archive.documents.find(sha256: prepared.document.sha256) {
            try describeDuplicate(of: existing, prepared, file: file, batchID: batchID, archive: archive, into: &result)
            return result
        }
        result.probableDuplicateOf = try archive.documents.id(
            normalizedSHA256: prepared.document.normalizedSHA256, excluding: prepared.document.sha256)
        // The same page, message or PDF extracted before, by another extractor: its text differs.
        if prepared.document.sourceFormat != .text {
            result.sameSourceAs = try archive.documents.id(originalSHA256: prepared.document.originalSHA256)
        }
        if options.dryRun { return result }

        let writer = FactWriter(archive: archive, afterFact: afterFact, upserted: transaction.upserted)
        // Taken out so that the closure below does not capture, and copy, the whole importer.
        let operatorName = options.operatorName
        let probableDuplicateOf = result.probableDuplicateOf
        let sameSourceAs = result.sameSourceAs
        let documentID: Int64
        do {
            documentID = try archive.connection.savepoint {
                let written = try writer.write(prepared, batchID: batchID, searchIndexing: .deferred)
                if let original = probableDuplicateOf {
                    try archive.links.insert(
                        DocumentLink(documentID: written.documentID, relation: .probableDuplicateOf, targetDocumentID: original))
                }
                if let earlier = sameSourceAs {
                    try archive.links.insert(
                        DocumentLink(documentID: written.documentID, relation: .sameSourceAs, targetDocumentID: earlier))
                }
                try archive.events.record(
                    Event(
                        operatorName: operatorName, action: "import", entityType: "document",
                        entityID: written.documentID, batchID: batchID,
                        newJSON: try JSONText.encode(
                            ImportedEvent(file: file, sha256: prepared.document.sha256, facts: written.counts))))
                return written.documentID
            }
        } catch {
            // The document's upserts were rolled back with it.
            transaction.upserted.forget()
            throw error
        }
        result.documentID = documentID
        transaction.lastDocumentID = documentID
        if transaction.documents >= options.batchSize {
            try commit(&transaction, checkpointer: checkpointer)
        }
        return result
    }

    /// Fills in how a file whose text is archived already relates to the archived document. The same
    /// bytes change nothing. The same text from other bytes changes nothing either, but metadata the
    /// file declares differently is reported and recorded as a `duplicate_metadata` event on the
    /// archived document (once: importing the same file again does not record it twice), never applied.
    private func describeDuplicate(
        of existing: Document, _ prepared: PreparedDocument, file: String, batchID: Int64?, archive: Archive,
        into result: inout ImportResult
    ) throws {
        result.outcome = .duplicate
        result.documentID = existing.id
        guard existing.originalSHA256 != prepared.document.originalSHA256 else {
            result.duplicateMatch = .sameBytes
            return
        }
        result.duplicateMatch = .sameText
        let differences = MetadataDifference.between(archived: existing, declared: prepared.declared)
        guard let documentID = existing.id, !differences.isEmpty else { return }
        result.metadataDifferences = differences
        result.applyCommand = MetadataDifference.applyCommand(documentID: documentID, differences)
        if options.dryRun { return }
        let old = try JSONText.encode(FieldValues(differences.map { ($0.field, $0.old) }))
        let new = try JSONText.encode(
            FieldValues(
                [("file", .text(file)), ("original_sha256", .text(prepared.document.originalSHA256))]
                    + differences.map { ($0.field, $0.new) }))
        let action = "duplicate_metadata"
        if let recorded = try archive.events.id(
            entityType: "document", entityID: documentID, action: action, oldJSON: old, newJSON: new)
        {
            result.metadataEventID = recorded
            return
        }
        result.metadataEventID = try archive.events.record(
            Event(
                operatorName: options.operatorName, action: action, entityType: "document", entityID: documentID,
                batchID: batchID, oldJSON: old, newJSON: new))
    }

    /// Field names and values as one JSON object, with null for a value the archive does not have.
    private struct FieldValues: Encodable {
        let values: [(String, MetadataDifference.Value?)]

        init(_ values: [(String, MetadataDifference.Value?)]) {
            self.values = values
        }

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in values {
                try container.encode(value, forKey: Key(stringValue: name))
            }
        }
    }

    /// The import's write transaction in progress: how many documents it holds, where their ids
    /// start, and what it has upserted.
    private struct OpenTransaction {
        /// Nil for a dry run without an archive.
        let batch: BatchTransaction?
        var documents = 0
        var lastDocumentIDBefore: Int64 = 0
        /// The last document stored in this transaction, and the last one committed by this run.
        var lastDocumentID: Int64?
        var lastCommittedDocumentID: Int64?
        let upserted = UpsertedEntities()
    }

    /// The archive no longer holds what this run committed: it was restored from a backup, or
    /// replaced, while the import waited for its write lock.
    private struct ArchiveReplaced: Error {}

    /// Indexes the transaction's documents for search, all at once, and commits them.
    private func commit(_ transaction: inout OpenTransaction, checkpointer: BackgroundCheckpointer?) throws {
        guard transaction.documents > 0, let archive else { return }
        try archive.documents.indexForSearch(documentsAfter: transaction.lastDocumentIDBefore)
        try transaction.batch?.commit()
        checkpointer?.didCommit()
        transaction.documents = 0
        transaction.lastCommittedDocumentID = transaction.lastDocumentID ?? transaction.lastCommittedDocumentID
    }

    /// Rolls back what is not committed and explains what is and is not stored. Going on would be
    /// worse: SQLite may already have rolled the batch back, and later documents would then be
    /// written outside any transaction while earlier ones were reported as imported.
    /// The batch is marked failed if the archive still takes that small write; if not, it stays
    /// `running`, which is what a killed import leaves too.
    private func interrupted(
        by error: DatabaseError, at stage: ImportInterrupted.Stage, batch: ImportBatch, summary: ImportSummary,
        uncommitted: Int
    ) -> ImportInterrupted {
        if let archive {
            BatchTransaction(connection: archive.connection).rollback()
            if batch.id != nil {
                var failed = batch
                failed.finishedAt = Timestamp.now()
                failed.status = .failed
                failed.filesSeen = summary.seen
                failed.imported = summary.imported - uncommitted
                failed.duplicates = summary.duplicates
                failed.failed = summary.failed + 1
                try? archive.connection.writeTransaction { try archive.batches.finish(failed) }
            }
        }
        return ImportInterrupted(
            stage: stage, archive: archive?.path ?? "", reason: error.message, stored: summary.imported - uncommitted,
            rolledBack: uncommitted)
    }

    private struct ImportedEvent: Encodable {
        let file: String
        let sha256: String
        let facts: FactWriter.Counts
    }
}
