import Foundation
import Testing

@testable import DossierKit

@Suite("Integrity checker")
struct IntegrityCheckerTests {
    let test: TestArchive

    /// An archive holding the seed documents, imported as a user would.
    init() throws {
        test = try TestArchive.withSeedDocuments()
    }

    var path: String { test.directory.path("archive.sqlite") }

    func check(_ options: CheckOptions = CheckOptions(operatorName: "tester")) throws -> CheckReport {
        try IntegrityChecker(path: path, options: options).run()
    }

    func firstID(_ sql: String) throws -> Int64 {
        try #require(try test.connection.scalarInt(sql))
    }

    @Test("the imported seed archive is clean, and the run is recorded as an event")
    func clean() throws {
        let report = try check()
        #expect(report.findings.isEmpty, "\(report.findings.map(\.summary))")
        #expect(report.outcome == .clean)
        #expect(report.fixityChecked == 2)
        #expect(report.spansChecked > 0)
        #expect(report.eventRecorded)
        let event = try #require(
            try test.connection.queryFirst("SELECT new_json FROM events WHERE action = 'check'") { $0.string(0) })
        #expect(event.contains("\"outcome\":\"clean\""))
    }

    @Test(
        "each kind of damage gives its own finding, naming the entity",
        arguments: [
            (
                "UPDATE documents SET body = 'X' || substr(body, 2) WHERE id = ?1", "SELECT min(id) FROM documents",
                Finding.Kind.bodyHash
            ),
            (
                "UPDATE figures SET char_start = char_start + 1, char_end = char_end + 1 WHERE id = ?1",
                "SELECT min(id) FROM figures", .spanText
            ),
            ("UPDATE quotes SET char_end = 1000000 WHERE id = ?1", "SELECT min(id) FROM quotes", .spanOutOfRange),
            (
                "UPDATE mentions SET exact_text = exact_text || '!' WHERE id = ?1",
                "SELECT min(id) FROM mentions WHERE entity_type = 'date'", .spanText
            ),
            (
                "INSERT INTO documents_fts(documents_fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = ?1",
                "SELECT max(id) FROM documents", .ftsMissing
            ),
            (
                "INSERT INTO organisations (slug, name, created_at) SELECT slug || '-2', upper(name), created_at FROM organisations WHERE id = ?1",
                "SELECT min(id) FROM organisations", .duplicateName
            ),
            (
                "INSERT INTO people (id, slug, name, created_at) VALUES (?1, 'nobody', 'Nobody', 'now')",
                "SELECT max(id) + 1 FROM people", .personWithoutFacts
            ),
            (
                "INSERT INTO operations (id, slug, name, created_at) VALUES (?1, 'ghost', 'Operation Ghost', 'now')",
                "SELECT max(id) + 1 FROM operations", .operationWithoutDocuments
            ),
            (
                "UPDATE mentions SET status = 'rejected' WHERE operation_id = (SELECT operation_id FROM figures WHERE id = ?1) AND document_id = (SELECT document_id FROM figures WHERE id = ?1)",
                "SELECT min(id) FROM figures WHERE operation_id IS NOT NULL", .factRejectedEntity
            ),
        ])
    func damage(sql: String, idSQL: String, kind: Finding.Kind) throws {
        let id = try firstID(idSQL)
        try test.connection.execute(sql, [id])
        let report = try check()
        let finding = try #require(report.findings.first { $0.kind == kind }, "\(report.findings.map(\.summary))")
        let expectedID = kind == .duplicateName ? try firstID("SELECT max(id) FROM organisations") : id
        #expect(finding.entityID == expectedID)
        #expect(report.outcome == .findings)
    }

    @Test("a foreign key broken while checks were off is found twice: by SQLite and by the consistency check")
    func foreignKey() throws {
        let id = try firstID("SELECT min(id) FROM figures")
        try test.connection.executeScript("PRAGMA foreign_keys = OFF")
        try test.connection.execute("UPDATE figures SET operation_id = 999 WHERE id = ?", [id])
        let report = try check()
        #expect(report.findings.contains { $0.kind == .foreignKey && $0.entityType == "figures" && $0.entityID == id })
        #expect(report.findings.contains { $0.kind == .factMissingEntity && $0.entityType == "figure" && $0.entityID == id })
    }

    @Test("an altered migration checksum is a finding; an unknown migration means the check cannot run")
    func schema() throws {
        try test.connection.execute(
            "UPDATE schema_migrations SET sha256 = ? WHERE version = 1", [String(repeating: "0", count: 64)])
        let findings = try check().findings
        let finding = try #require(findings.first { $0.kind == .migrationChecksum })
        // The edit is also a change to the sealed migration records.
        #expect(findings.contains { $0.kind == .sealMismatch && $0.expected.hasPrefix("schema_migrations") })
        #expect(finding.entityID == 1)
        #expect(finding.found == "sha256 " + String(repeating: "0", count: 64))
        try test.connection.execute(
            "INSERT INTO schema_migrations VALUES (9999, 'future', ?, 'now')", [String(repeating: "a", count: 64)])
        #expect(throws: MigrationError.newerSchema(version: 9999, name: "future")) { try check() }
    }

    /// Imports `texts` as files of a temporary folder, so a test may change or remove the originals.
    func importOriginals(_ texts: [String: String]) throws -> [String: String] {
        var paths: [String: String] = [:]
        for (name, text) in texts { paths[name] = try test.directory.write("originals/\(name)", text) }
        let importer = Importer(
            archive: test.archive, options: ImportOptions(operatorName: "tester"), extractor: try FactExtractor.builtIn())
        _ = try importer.run(InputCollector(followSymlinks: false).collect(paths.values.sorted()))
        return paths
    }

    @Test("--against-sources: a changed original is a problem, a missing one only a notice")
    func sources() throws {
        let originals = try importOriginals([
            "changed.txt": "Europol said 12 suspects were arrested.\n", "gone.txt": "Police said 3 victims were identified.\n",
        ])
        #expect(try check(CheckOptions(againstSources: true, operatorName: "tester")).outcome == .clean)
        try "Europol said 13 suspects were arrested.\n".write(
            toFile: originals["changed.txt"] ?? "", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: originals["gone.txt"] ?? "")
        let report = try check(CheckOptions(againstSources: true, operatorName: "tester"))
        #expect(report.findings.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.sourceHash, .sourceMissing])
        #expect(report.problemCount == 1)
        #expect(report.noticeCount == 1)
        try FileManager.default.removeItem(atPath: originals["changed.txt"] ?? "")
        #expect(try check(CheckOptions(againstSources: true, operatorName: "tester")).problemCount == 0)
    }

    @Test("--against-sources: a body rewritten with its hash recomputed differs from what its original decodes to")
    func rewrittenBody() throws {
        let originals = try importOriginals([
            "release.md": "---\ntitle: A release\n---\nEuropol said 12 suspects were arrested.\n"
        ])
        let id = try firstID("SELECT id FROM documents WHERE file_name = 'release.md'")
        let forged = "Europol said 21 suspects were arrested.\n"
        try test.connection.execute(
            "UPDATE documents SET body = ?, sha256 = ? WHERE id = ?", [forged, SHA256Hex.of(forged), id])
        let report = try check(CheckOptions(againstSources: true, operatorName: "tester"))
        #expect(report.findings.contains { $0.kind == .sourceBody && $0.entityID == id }, "\(report.findings.map(\.summary))")
        #expect(report.findings.contains { $0.kind == .recordDigest && $0.entityID == id })
        #expect(!report.findings.contains { $0.kind == .bodyHash }, "the forger recomputed the body hash")
        #expect(originals.count == 1)
    }

    @Test("--sample and --since limit fixity")
    func limits() throws {
        #expect(try check(CheckOptions(sample: 1, operatorName: "tester")).fixityChecked == 1)
        #expect(try check(CheckOptions(since: "2999-01-01", operatorName: "tester")).fixityChecked == 0)
        #expect(try check(CheckOptions(since: "2000-01-01", operatorName: "tester")).fixityChecked == 2)
    }

    @Test("--repair rebuilds a damaged full-text index, records it, and leaves the archive clean")
    func repair() throws {
        try test.connection.execute(
            "INSERT INTO documents_fts(documents_fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = (SELECT min(id) FROM documents)"
        )
        #expect(try check().findings.contains { $0.kind == .ftsMissing })
        let repaired = try check(CheckOptions(repair: true, operatorName: "tester"))
        #expect(repaired.findings.isEmpty, "\(repaired.findings.map(\.summary))")
        #expect(repaired.repairs.map(\.action) == ["rebuild_full_text_index"])
        #expect(try test.connection.scalarInt("SELECT count(*) FROM events WHERE action = 'repair'") == 1)
        #expect(try check().outcome == .clean)
    }

    @Test("without --repair nothing is repaired")
    func noSilentRepair() throws {
        try test.connection.execute(
            "INSERT INTO documents_fts(documents_fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = (SELECT min(id) FROM documents)"
        )
        _ = try check()
        #expect(try check().findings.contains { $0.kind == .ftsMissing })
    }

    @Test("page numbers are read from SQLite's integrity_check lines")
    func pageNumbers() {
        #expect(CheckPhases.pageNumber(in: "Page 37: btreeInitPage() returns error code 11") == 37)
        #expect(CheckPhases.pageNumber(in: "On tree page 12 cell 3: invalid page number 99") == 12)
        #expect(CheckPhases.pageNumber(in: "wrong # of entries in index x") == nil)
    }

    @Test("a backup copy is a consistent, checked, self-contained file")
    func backupCopy() throws {
        let destination = test.directory.path("copy.sqlite")
        try test.connection.backup(to: destination)
        #expect(!FileManager.default.fileExists(atPath: destination + "-wal"))
        let report = try IntegrityChecker(path: destination, options: .verifyingCopy(operatorName: "tester")).run()
        #expect(report.outcome == .clean)
        #expect(report.fixityChecked == 2)
        #expect(!report.eventRecorded)
    }
}
