import Foundation
import Testing

@testable import DossierKit

@Suite("Fixity of records and the audit chain")
struct FixityTests {
    let test: TestArchive

    init() throws {
        test = try TestArchive.withSeedDocuments()
    }

    var connection: Connection { test.connection }

    func seal(_ table: String) throws -> (rows: Int64, digest: String)? {
        try connection.queryFirst("SELECT row_count, digest FROM archive_seal WHERE table_name = ?", [table]) {
            ($0.int64(0), $0.string(1))
        }
    }

    @Test("an import seals every document, entity and batch it writes, and chains its events")
    func importSeals() throws {
        #expect(try test.count("documents", where: "record_sha256 IS NULL") == 0)
        #expect(try test.count("organisations", where: "record_sha256 IS NULL") == 0)
        #expect(try test.count("people", where: "record_sha256 IS NULL") == 0)
        #expect(try test.count("import_batches", where: "record_sha256 IS NULL") == 0)
        #expect(try test.count("events", where: "sha256 IS NULL OR previous_sha256 IS NULL") == 0)
        #expect(try seal("documents")?.rows == 2)
        #expect(try seal("events")?.rows == Int64(try test.count("events")))
        var sum = DigestSum.zero
        try connection.forEachRow("SELECT record_sha256 FROM documents") { sum.add($0.string(0)) }
        #expect(try seal("documents")?.digest == sum.hex)
    }
}

/// Changes made outside Dossier, as someone with the sqlite3 shell would make them (issue 14,
/// items 5 and 6): each must be a finding of `dossier check`.
@Suite("Tamper evidence")
struct TamperEvidenceTests {
    let test: TestArchive

    init() throws {
        test = try TestArchive.withSeedDocuments()
        try FigureCuration(archive: test.archive, operatorName: "ana").confirm([1])
    }

    /// A change made through a separate connection, like another program's, without Dossier's tracking.
    func tamper(_ sql: String) throws {
        let outsider = try Connection(path: test.directory.path("archive.sqlite"), mode: .readWrite)
        try outsider.executeScript(sql)
    }

    func check() throws -> CheckReport {
        try IntegrityChecker(path: test.directory.path("archive.sqlite"), options: CheckOptions(operatorName: "tester")).run()
    }

    @Test("the archive as Dossier left it is clean")
    func clean() throws {
        let report = try check()
        #expect(report.findings.isEmpty, "\(report.findings.map(\.summary))")
        #expect(report.recordsChecked > 2)
        #expect(report.auditChainHead?.count == 64)
    }

    static let edits: [(edit: String, sql: String, finding: Finding.Kind)] = [
        ("a figure's value", "UPDATE figures SET value = value + 1 WHERE id = 2", .recordDigest),
        ("a figure's unit", "UPDATE figures SET unit = 'currency:EUR' WHERE id = 2", .recordDigest),
        ("a figure's status", "UPDATE figures SET status = 'rejected' WHERE id = 3", .recordDigest),
        ("a deleted figure", "DELETE FROM figures WHERE id = 4", .recordDigest),
        ("a quote's text", "UPDATE quotes SET text = 'something else' WHERE id = 1", .recordDigest),
        ("a quote's speaker", "UPDATE quotes SET person_id = (SELECT max(id) FROM people) WHERE id = 1", .recordDigest),
        ("a title", "UPDATE documents SET title = 'Another title' WHERE id = 1", .recordDigest),
        ("a publication date", "UPDATE documents SET published_on = '1999-01-01' WHERE id = 2", .recordDigest),
        (
            "a mention's span", "UPDATE mentions SET char_start = char_start WHERE id = 1; DELETE FROM mentions WHERE id = 2",
            .recordDigest
        ),
        ("an organisation's name", "UPDATE organisations SET name = 'Interpol' WHERE id = 1", .recordDigest),
        ("a person's name", "UPDATE people SET name = 'Someone Else' WHERE id = 1", .recordDigest),
        ("an operation's status", "UPDATE operations SET status = 'concluded' WHERE id = 1", .recordDigest),
        ("a batch's counts", "UPDATE import_batches SET imported = 7 WHERE id = 1", .recordDigest),
        ("a deleted document", "PRAGMA foreign_keys = ON; DELETE FROM documents WHERE id = 2", .sealMismatch),
        ("a person added", "INSERT INTO people (slug, name, created_at) VALUES ('x-y', 'X Y', 'now')", .recordUnsealed),
        ("a deleted event", "DELETE FROM events WHERE id = 2", .auditChain),
        ("the last event deleted", "DELETE FROM events WHERE id = (SELECT max(id) FROM events)", .sealMismatch),
        ("an edited event", "UPDATE events SET operator = 'mallory' WHERE id = 1", .auditChain),
        (
            "a forged event",
            "INSERT INTO events (occurred_at, operator, action, entity_type) VALUES ('2020-01-01', 'mallory', 'import', 'document')",
            .auditChain
        ),
        ("a migration's date", "UPDATE schema_migrations SET applied_at = '2001-01-01' WHERE version = 2", .sealMismatch),
        ("a dropped trigger", "DROP TRIGGER documents_fts_after_update", .schemaObject),
        (
            "a column renamed in the stored schema, as a bit flip did",
            "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'occurred_at', 'occurred_ax') WHERE name = 'events'",
            .schemaObject
        ),
        ("a dropped index", "DROP INDEX documents_publisher", .schemaObject),
        ("an added trigger", "CREATE TRIGGER mallory AFTER INSERT ON figures BEGIN SELECT 1; END", .schemaObject),
        (
            "a status outside its CHECK",
            "PRAGMA ignore_check_constraints = ON; UPDATE figures SET status = 'bogus' WHERE id = 5", .checkConstraint
        ),
    ]

    @Test("an edit made outside Dossier is found", arguments: edits.indices)
    func editFound(index: Int) throws {
        let edit = Self.edits[index]
        try tamper(edit.sql)
        let report = try check()
        #expect(report.outcome == .findings, "\(edit.edit)")
        #expect(report.findings.contains { $0.kind == edit.finding }, "\(edit.edit): \(report.findings.map(\.summary))")
    }
}

/// Everything Dossier itself changes keeps the archive clean: every write path seals what it changed.
@Suite("Sealing through Dossier")
struct SealingThroughDossierTests {
    @Test("curation, re-extraction, merges and links leave a clean check")
    func curationKeepsSeals() throws {
        let test = try TestArchive.withSeedDocuments()
        let extractor = try FactExtractor.builtIn()
        let archive = test.archive
        var changes = FigureCuration.Changes()
        changes.value = 26
        changes.unit = "people"
        _ = try FigureCuration(archive: archive, operatorName: "ana").set(2, changes, reason: "typo")
        try FigureCuration(archive: archive, operatorName: "ana").reject(3, reason: "not a count")
        try QuoteCuration(archive: archive, operatorName: "ana").reject(1, reason: "not a quote")
        var metadata = DocumentMetadata()
        metadata.title = "A corrected title"
        try EntityCuration(archive: archive, operatorName: "ana").setDocument(1, metadata, reason: "title")
        let people = try test.connection.query("SELECT slug FROM people ORDER BY id LIMIT 2") { $0.string(0) }
        if people.count == 2 {
            try EntityCuration(archive: archive, operatorName: "ana").mergePeople(people[1], into: people[0], reason: "same")
        }
        try EntityCuration(archive: archive, operatorName: "ana").renameOrganisation("europol", to: "Europol (EU)", reason: nil)
        _ = try Reextractor(archive: archive, extractor: extractor, operatorName: "ana").run(documentIDs: [1, 2], dryRun: false)

        let report = try IntegrityChecker(path: test.directory.path("archive.sqlite"), options: CheckOptions(operatorName: "t"))
            .run()
        #expect(report.findings.filter { $0.severity == .problem }.isEmpty, "\(report.findings.map(\.summary))")
    }
}

@Suite("Record digests and digest sums")
struct RecordDigestTests {
    func digest(_ rows: [[(name: String, value: DatabaseValue)]]) -> String {
        var digest = RecordDigest(kind: "test")
        digest.table("t")
        for row in rows { digest.row(row) }
        return digest.finalize()
    }

    @Test("values that print alike, or split differently, digest differently")
    func unambiguous() {
        let split1 = digest([[("a", .text("ab")), ("b", .text("c"))]])
        let split2 = digest([[("a", .text("a")), ("b", .text("bc"))]])
        #expect(split1 != split2)
        #expect(digest([[("a", .integer(1))]]) != digest([[("a", .text("1"))]]))
        #expect(digest([[("a", .integer(1))]]) != digest([[("a", .real(1))]]))
        #expect(digest([[("a", .null)]]) != digest([[("a", .text(""))]]))
        #expect(digest([[("a", .text("x"))]]) != digest([[("b", .text("x"))]]), "the column is part of the digest")
        #expect(digest([[("a", .text("x"))]]) == digest([[("a", .text("x"))]]))
    }

    @Test("a sum of digests does not depend on their order, and taking one away restores the sum without it")
    func sums() throws {
        let digests = ["a", "b", "c"].map { SHA256Hex.of($0) }
        var forward = DigestSum.zero
        for digest in digests { forward.add(digest) }
        var backward = DigestSum.zero
        for digest in digests.reversed() { backward.add(digest) }
        #expect(forward == backward)
        var withoutB = DigestSum.zero
        withoutB.add(digests[0])
        withoutB.add(digests[2])
        forward.subtract(digests[1])
        #expect(forward == withoutB)
        // Carries cross every limb and wrap modulo 2^256.
        var all = try #require(DigestSum(hex: String(repeating: "f", count: 64)))
        all.add("0000000000000000000000000000000000000000000000000000000000000001")
        #expect(all == .zero)
        all.subtract("0000000000000000000000000000000000000000000000000000000000000001")
        #expect(all.hex == String(repeating: "f", count: 64))
    }
}
