import Foundation
import Testing

@testable import DossierKit

@Suite("Importer")
struct ImporterTests {
    let test: TestArchive
    let extractor: FactExtractor

    init() throws {
        test = try TestArchive()
        extractor = try FactExtractor.builtIn()
    }

    var archive: Archive { test.archive }

    let pressRelease = """
        Operation Cumberland: 25 arrested

        Europol announced on 28 February 2025 that 25 suspects were arrested and 33 house searches carried out \
        during Operation Cumberland, led by Danish law enforcement.

        “These artificially generated images are so easily created that they can be produced by anyone,” said \
        Catherine De Bolle, Europol Executive Director.
        """

    func importer(dryRun: Bool = false, metadata: DocumentMetadata = DocumentMetadata(), batchSize: Int = 100) -> Importer {
        Importer(
            archive: archive,
            options: ImportOptions(metadata: metadata, dryRun: dryRun, operatorName: "tester", batchSize: batchSize),
            extractor: extractor)
    }

    func tableCounts() throws -> [Int] {
        try StatsRepository.tables.filter { $0 != "import_batches" && $0 != "events" }.map { try test.count($0) }
    }

    @Test("a document is stored verbatim with both hashes, its batch, an event and its facts")
    func importsDocument() throws {
        let path = try test.directory.write("release.txt", pressRelease)
        let summary = try importer().run([.file(path: path)])
        #expect(summary.imported == 1)
        let documentID = try #require(summary.results.first?.documentID)
        let document = try #require(try archive.documents.find(id: documentID))
        #expect(document.body == pressRelease)
        #expect(document.sha256 == SHA256Hex.of(pressRelease))
        #expect(document.originalSHA256 == SHA256Hex.of(Data(pressRelease.utf8)))
        #expect(document.fileName == "release.txt")
        #expect(document.language == "en")
        #expect(document.batchID == summary.batchID)
        let batchID = try #require(summary.batchID)
        let batch = try #require(try archive.batches.find(id: batchID))
        #expect(batch.status == .completed)
        #expect((batch.filesSeen, batch.imported, batch.duplicates, batch.failed) == (1, 1, 0, 0))
        #expect(try archive.events.list(entityType: "document", entityID: document.id ?? 0).map(\.action) == ["import"])
        let figures = try archive.figures.list(documentID: document.id ?? 0)
        #expect(figures.contains { $0.value == 25 })
        #expect(figures.contains { $0.value == 33 })
        // Every stored span points at its exact text.
        let scalars = Array(document.body.unicodeScalars)
        for figure in figures {
            #expect(String(String.UnicodeScalarView(scalars[figure.span.start..<figure.span.end])) == figure.span.exactText)
        }
        #expect(try archive.operations.find(slug: "cumberland") != nil)
    }

    @Test("the same bytes again are a duplicate and change nothing")
    func idempotent() throws {
        let path = try test.directory.write("release.txt", pressRelease)
        _ = try importer().run([.file(path: path)])
        let before = try tableCounts()
        let again = try importer().run([.file(path: path), .file(path: path)])
        #expect(again.imported == 0)
        #expect(again.duplicates == 2)
        #expect(try tableCounts() == before)
    }

    @Test("the same text with other front matter is a duplicate: each difference reported and recorded once, none applied")
    func duplicateWithOtherMetadata() throws {
        let first = try test.directory.write("a.md", "---\ntitle: First title\n---\n" + pressRelease)
        let firstID = try #require(try importer().run([.file(path: first)]).results.first?.documentID)
        let before = try tableCounts()
        let second = try test.directory.write(
            "b.md", "---\ntitle: Europol's second title\npublisher: Europol\nkind: press release\n---\n" + pressRelease)
        let summary = try importer().run([.file(path: second)])
        #expect((summary.imported, summary.duplicates, summary.failed) == (0, 1, 0))
        #expect(summary.duplicatesWithOtherMetadata == 1)
        let result = try #require(summary.results.first)
        #expect(result.outcome == .duplicate)
        #expect(result.documentID == firstID)
        #expect(result.duplicateMatch == .sameText)
        // The kind it declares is the archived one: not a difference.
        #expect(
            result.metadataDifferences == [
                MetadataDifference(field: "title", old: .text("First title"), new: .text("Europol's second title")),
                MetadataDifference(field: "publisher", old: nil, new: .text("Europol")),
            ])
        #expect(result.applyCommand == "dossier document set \(firstID) --title 'Europol'\\''s second title' --publisher Europol")
        // Nothing applied, nothing stored but the event.
        #expect(try tableCounts() == before)
        let document = try #require(try archive.documents.find(id: firstID))
        #expect(document.title == "First title")
        #expect(document.publisher == nil)
        let events = try archive.events.list(entityType: "document", entityID: firstID)
        #expect(events.map(\.action) == ["import", "duplicate_metadata"])
        let event = try #require(events.last)
        #expect(result.metadataEventID == event.id)
        #expect(event.batchID == summary.batchID)
        #expect(event.oldJSON == #"{"publisher":null,"title":"First title"}"#)
        let new = try #require(JSONText.decode([String: String].self, from: event.newJSON ?? ""))
        #expect(
            new == [
                "file": second, "original_sha256": SHA256Hex.of(try Data(contentsOf: URL(fileURLWithPath: second))),
                "title": "Europol's second title", "publisher": "Europol",
            ])
        // The same file again says the same, and points at the event already recorded.
        let again = try importer().run([.file(path: second)]).results.first
        #expect(again?.metadataDifferences == result.metadataDifferences)
        #expect(again?.metadataEventID == event.id)
        #expect(try archive.events.list(entityType: "document", entityID: firstID).count == 2)
    }

    @Test("metadata given as options counts as declared; a dry run reports the difference and records nothing")
    func duplicateWithOtherOptionsInDryRun() throws {
        let path = try test.directory.write("a.txt", pressRelease)
        let id = try #require(try importer().run([.file(path: path)]).results.first?.documentID)
        let sameText = try test.directory.write("b.txt", Data([0xEF, 0xBB, 0xBF]) + Data(pressRelease.utf8))
        let summary = try importer(dryRun: true, metadata: DocumentMetadata(publisher: "NCA", language: "fr")).run([
            .file(path: sameText)
        ])
        #expect(summary.results[0].outcome == .duplicate)
        #expect(
            summary.results[0].metadataDifferences == [
                MetadataDifference(field: "publisher", old: nil, new: .text("NCA")),
                MetadataDifference(field: "language", old: .text("en"), new: .text("fr")),
            ])
        #expect(summary.results[0].applyCommand == "dossier document set \(id) --publisher NCA --language fr")
        #expect(summary.results[0].metadataEventID == nil)
        #expect(try archive.events.list(entityType: "document", entityID: id).map(\.action) == ["import"])
    }

    @Test("a file differing only by a BOM, or by front matter that declares nothing new, is the same text from other bytes")
    func sameTextOtherBytes() throws {
        let first = try test.directory.write("a.md", "---\ntitle: Declared title\n---\n" + pressRelease)
        let id = try #require(try importer().run([.file(path: first)]).results.first?.documentID)
        let before = try tableCounts()
        let withBOM = try test.directory.write(
            "bom.md", Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: Declared title\n---\n\(pressRelease)".utf8))
        // Without front matter the title is inferred from the text: it declares nothing, so nothing differs.
        let bare = try test.directory.write("bare.txt", pressRelease)
        let summary = try importer().run([.file(path: withBOM), .file(path: bare), .file(path: first)])
        #expect(summary.duplicates == 3)
        #expect(summary.duplicatesWithOtherMetadata == 0)
        #expect(summary.results.map(\.duplicateMatch) == [.sameText, .sameText, .sameBytes])
        #expect(summary.results.allSatisfy { $0.documentID == id && $0.metadataDifferences == nil && $0.applyCommand == nil })
        #expect(try tableCounts() == before)
        #expect(try archive.events.list(entityType: "document", entityID: id).map(\.action) == ["import"])
    }

    @Test("a text differing only in whitespace is imported and linked as a probable duplicate")
    func probableDuplicate() throws {
        let first = try test.directory.write("a.txt", pressRelease)
        let second = try test.directory.write("b.txt", pressRelease.replacingOccurrences(of: "\n", with: "\r\n") + "  \n")
        let summary = try importer().run([.file(path: first), .file(path: second)])
        #expect(summary.imported == 2)
        let secondID = try #require(summary.results[1].documentID)
        #expect(summary.results[1].probableDuplicateOf == summary.results[0].documentID)
        let links = try archive.links.list(documentID: secondID)
        #expect(links.map(\.relation) == [.probableDuplicateOf])
        #expect(links.first?.targetDocumentID == summary.results[0].documentID)
    }

    @Test(
        "whitespace normalisation for the probable-duplicate hash follows Unicode's White_Space on UTF-8",
        arguments: [
            "  Europol\u{00A0}\u{00A0}announced\r\n\r\n25 arrests\t\u{2028}",
            "Opération\u{3000}Cumberland\u{0085}: 98\u{202F}% des victimes 👶🏽\u{200B}\u{FEFF}fin",
            "e\u{0301}\u{1680}\u{205F}x\u{000B}\u{000C}y\u{2000}\u{200A}z\u{2029}",
            "", " \n\t ", "no-space",
        ])
    func whitespaceNormalisation(text: String) {
        let expected = text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
        #expect(DocumentPreparer.collapsingWhitespace(text) == Array(expected.utf8))
    }

    @Test("the whitespace set used for normalisation is exactly Unicode's White_Space, for every scalar")
    func whitespaceSet() {
        let mismatches = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            DocumentPreparer.isWhitespace($0.value) != $0.properties.isWhitespace
        }
        #expect(mismatches.isEmpty, "\(mismatches.map { String($0.value, radix: 16) })")
    }

    @Test("a dry run writes nothing at all")
    func dryRun() throws {
        let path = try test.directory.write("release.txt", pressRelease)
        let before = try StatsRepository.tables.map { try test.count($0) }
        let summary = try importer(dryRun: true).run([.file(path: path)])
        #expect(summary.imported == 1)
        #expect(summary.batchID == nil)
        #expect(try StatsRepository.tables.map { try test.count($0) } == before)
    }

    @Test("a fault after some facts are written leaves no trace of that document, and the run goes on")
    func atomicity() throws {
        let broken = try test.directory.write("broken.txt", pressRelease)
        let fine = try test.directory.write("fine.txt", "Europol: 12 suspects were arrested in Spain on 3 March 2024.")
        var writes = 0
        var importer = importer()
        importer.afterFact = {
            writes += 1
            // A statement-level failure: the transaction survives, so only this document is undone.
            if writes == 3 { throw DatabaseError(resultCode: 19, message: "injected constraint fault") }
        }
        let summary = try importer.run([.file(path: broken), .file(path: fine)])
        #expect(summary.failed == 1)
        #expect(summary.imported == 1)
        #expect(summary.results[0].error?.contains("injected constraint fault") == true)
        #expect(try test.count("documents") == 1)
        #expect(try archive.documents.find(sha256: SHA256Hex.of(pressRelease)) == nil)
        let remaining = try test.connection.scalarInt(
            "SELECT count(*) FROM figures WHERE document_id NOT IN (SELECT id FROM documents)")
        #expect(remaining == 0)
        let orphanMentions = try test.connection.scalarInt(
            "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)")
        #expect(orphanMentions == 0)
        // The search index holds the stored document only, not the one undone.
        #expect(
            try test.connection.query("SELECT id FROM documents_fts_docsize") { $0.int64(0) } == [summary.results[1].documentID])
        #expect(try test.connection.scalarInt("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Spain'") == 1)
    }

    @Test("a person is upserted once per transaction yet gets each document's role, and is stored again after a rollback")
    func peopleRememberedWithinTransaction() throws {
        let undone = try test.directory.write("undone.txt", pressRelease)
        let first = try test.directory.write("first.txt", pressRelease + "\n\nMore on the operation follows.")
        let second = try test.directory.write("second.txt", pressRelease + "\n\nA second update.")
        var writes = 0
        var importer = importer()
        // The first document fails after its people are stored: they are undone with it.
        importer.afterFact = {
            writes += 1
            if writes == 1 { throw DatabaseError(resultCode: 19, message: "injected constraint fault") }
        }
        let summary = try importer.run([.file(path: undone), .file(path: first), .file(path: second)])
        #expect(summary.imported == 2, "\(summary.results.map { $0.error ?? "" })")
        let person = try #require(try archive.people.find(slug: "catherine-de-bolle"))
        let roleDocuments = person.roles.compactMap(\.documentID)
        #expect(roleDocuments == summary.results.dropFirst().compactMap(\.documentID))
        #expect(try test.count("people", where: "slug = 'catherine-de-bolle'") == 1)
        #expect(try test.connection.query("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
    }

    @Test("organisations upserted in one transaction are not trusted in the next: another writer may change them in between")
    func upsertsForgottenBetweenTransactions() throws {
        let first = try test.directory.write("a.txt", "Europol said 12 suspects were arrested in Spain on 3 March 2024.")
        let second = try test.directory.write("b.txt", "Europol said 7 suspects were arrested in Italy on 5 March 2024.")
        let other = try Connection(path: test.directory.path("archive.sqlite"))
        let summary = try importer(batchSize: 1).run([.file(path: first), .file(path: second)]) { result, _ in
            // Between the two transactions another writer removes the organisation the first one created.
            if result.file.hasSuffix("a.txt") {
                #expect(throws: Never.self) { try other.execute("DELETE FROM organisations WHERE name = 'Europol'") }
            }
        }
        #expect(summary.imported == 2, "\(summary.results.map { $0.error ?? "" })")
        let secondID = try #require(summary.results[1].documentID)
        let europolMentions = try test.connection.scalarInt(
            """
            SELECT count(*) FROM mentions m JOIN organisations o ON o.id = m.organisation_id
            WHERE m.document_id = ? AND o.name = 'Europol'
            """, [secondID])
        #expect(europolMentions == 1)
        #expect(try test.connection.query("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty)
    }

    @Test("a failure of the archive itself (I/O error) stops the run, rolls back the open batch and says what is stored")
    func storageFailure() throws {
        let first = try test.directory.write("first.txt", "Europol: 12 suspects were arrested in Spain on 3 March 2024.")
        let broken = try test.directory.write("broken.txt", pressRelease)
        let never = try test.directory.write("never.txt", "Eurojust: 4 suspects were arrested in Italy on 5 May 2024.")
        var writes = 0
        var importer = importer()
        // The first document has fewer than 8 facts; the press release has many more.
        importer.afterFact = {
            writes += 1
            if writes == 8 { throw DatabaseError(resultCode: 10, message: "injected I/O fault") }
        }
        let error = #expect(throws: ImportInterrupted.self) {
            try importer.run([.file(path: first), .file(path: broken), .file(path: never)])
        }
        #expect(error?.stage == .storing(file: broken))
        #expect(error?.stored == 0)
        #expect(error?.rolledBack == 1)
        #expect(error?.description.contains("injected I/O fault") == true)
        #expect(try test.count("documents") == 0)
        #expect(try test.count("figures") == 0)
        #expect(test.connection.isInTransaction == false)
        #expect(try test.connection.scalarInt("SELECT count(*) FROM import_batches WHERE status = 'failed'") == 1)
    }

    @Test("a document after which SQLite rolled the whole batch back stops the run instead of skipping it and going on")
    func batchRolledBackBySQLite() throws {
        let first = try test.directory.write("first.txt", "Europol: 12 suspects were arrested in Spain on 3 March 2024.")
        let refused = try test.directory.write("refused.txt", pressRelease)
        let never = try test.directory.write("never.txt", "Eurojust: 4 suspects were arrested in Italy on 5 May 2024.")
        // SQLite reports a constraint, an error of one statement, but has rolled back the whole transaction.
        try test.connection.executeScript(
            """
            CREATE TRIGGER refuse_document BEFORE INSERT ON documents WHEN NEW.file_name = 'refused.txt'
            BEGIN SELECT RAISE(ROLLBACK, 'injected: rolled back'); END
            """)
        let error = #expect(throws: ImportInterrupted.self) {
            try importer().run([.file(path: first), .file(path: refused), .file(path: never)])
        }
        #expect(error?.stage == .storing(file: refused))
        #expect(error?.stored == 0)
        #expect(error?.rolledBack == 1)
        #expect(error?.reason.hasPrefix("the transaction was rolled back by SQLite: injected: rolled back") == true)
        #expect(try test.count("documents") == 0)
        #expect(try test.count("figures") == 0)
        #expect(test.connection.isInTransaction == false)
    }

    @Test("when only the batch's end cannot be recorded, the error says the documents are stored")
    func batchEndNotRecorded() throws {
        let file = try test.directory.write("first.txt", "Europol: 12 suspects were arrested in Spain on 3 March 2024.")
        // As a full disk would, once the documents' last commit has gone through.
        try test.connection.executeScript(
            """
            CREATE TRIGGER refuse_batch_end BEFORE UPDATE OF status ON import_batches WHEN NEW.status = 'completed'
            BEGIN SELECT RAISE(ABORT, 'injected: disk full'); END
            """)
        let error = #expect(throws: ImportInterrupted.self) { try importer().run([.file(path: file)]) }
        let batchID = try #require(try test.connection.scalarInt("SELECT max(id) FROM import_batches"))
        #expect(error?.stage == .recordingBatchEnd(batchID: Int64(batchID)))
        #expect(error?.stored == 1)
        #expect(error?.description.contains("injected: disk full") == true)
        #expect(error?.description.contains("1 documents of this run are stored, and the batch stays marked running") == true)
        #expect(error?.description.contains("need not be imported again") == true)
        #expect(try test.count("documents") == 1)
        let status = try test.connection.queryFirst("SELECT status FROM import_batches WHERE id = ?", [batchID]) {
            $0.string(0)
        }
        #expect(status == "running")
        #expect(test.connection.isInTransaction == false)
    }

    @Test("a refused file never leaves a row behind, and is counted as failed")
    func refusedFile() throws {
        let image = try test.directory.write("photo.txt", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]))
        let summary = try importer().run([.file(path: image), .refused(path: "missing.txt", reason: "no such file or directory")])
        #expect(summary.failed == 2)
        #expect(try test.count("documents") == 0)
        let batchID = try #require(summary.batchID)
        let batch = try #require(try archive.batches.find(id: batchID))
        #expect(batch.failed == 2)
    }

    @Test("front matter provides metadata, options win over it, and the stored body excludes it")
    func frontMatterAndOptions() throws {
        let path = try test.directory.write(
            "release.md",
            """
            ---
            title: Declared title
            publisher: Europol
            published: 2025-02-28
            operation: Operation Cumberland
            translation_of: https://www.europol.europa.eu/en/cumberland
            ---
            \(pressRelease)
            """)
        let summary = try importer(metadata: DocumentMetadata(publisher: "Option publisher")).run([.file(path: path)])
        let documentID = try #require(summary.results.first?.documentID)
        let document = try #require(try archive.documents.find(id: documentID))
        #expect(document.title == "Declared title")
        #expect(document.publisher == "Option publisher")
        #expect(document.publishedOn == "2025-02-28")
        #expect(document.body == pressRelease)
        #expect(
            try archive.links.list(documentID: document.id ?? 0).first?.targetURL == "https://www.europol.europa.eu/en/cumberland"
        )
        let operation = try #require(try archive.operations.find(slug: "cumberland"))
        #expect(try archive.operations.documentIDs(operationID: operation.id ?? 0) == [document.id ?? 0])
    }

    @Test("small batches commit as they go and give the same archive")
    func batching() throws {
        var inputs: [ImportInput] = []
        for index in 0..<7 {
            inputs.append(
                .file(
                    path: try test.directory.write(
                        "d\(index).txt", "Document \(index): \(index + 2) suspects were arrested by Europol.")))
        }
        let summary = try importer(batchSize: 3).run(inputs)
        #expect(summary.imported == 7)
        #expect(try test.count("documents") == 7)
        #expect(!test.connection.isInTransaction)
        // Each committed batch indexed its own documents for search: every one, once.
        #expect(try test.count("documents_fts_docsize") == 7)
        let indexed = try test.connection.query(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'suspects' ORDER BY rowid"
        ) { $0.int64(0) }
        #expect(indexed == (try test.connection.query("SELECT id FROM documents ORDER BY id") { $0.int64(0) }))
    }
}
