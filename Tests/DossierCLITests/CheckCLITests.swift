import Foundation
import Testing

/// What `dossier check --json` prints, as far as the tests need it; its keys are snake_case.
struct CheckOutput: Decodable {
    struct Finding: Decodable {
        let kind: String
        let entityType: String
        let entityID: Int64?
        let expected: String
        let found: String

        /// Keys after `.convertFromSnakeCase`, which reads entity_id as entityId.
        enum CodingKeys: String, CodingKey {
            case kind, expected, found, entityType
            case entityID = "entityId"
        }
    }
    let outcome: String
    let findings: [Finding]
    let eventRecorded: Bool
}

@Suite("CLI: check")
struct CheckCLITests {
    let cli: CLIRunner

    /// A working directory with the seed documents imported into ./dossier.sqlite.
    init() throws {
        cli = try CLIRunner()
        let imported = try cli.run("import", seedDocuments, "--quiet")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
    }

    func checkJSON(_ extra: String...) throws -> (CLIRunner.Result, CheckOutput?) {
        let result = try cli.run(["check", "--json"] + extra)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (result, try? decoder.decode(CheckOutput.self, from: Data(result.stdout.utf8)))
    }

    @Test("a clean archive exits 0 with no finding, and the run is recorded")
    func clean() throws {
        let text = try cli.run("check")
        #expect(text.exitCode == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("Clean: no findings."))
        #expect(text.stderr.isEmpty)
        let (result, output) = try checkJSON()
        #expect(result.exitCode == 0)
        #expect(output?.outcome == "clean")
        #expect(output?.findings.isEmpty == true)
        #expect(
            try cli.sql("SELECT count(*) FROM events WHERE action = 'check' AND json_extract(new_json, '$.outcome') = 'clean'")
                == "2")
    }

    @Test(
        "each damage done with the sqlite3 shell is found, with its id, and exits 1",
        arguments: [
            ("UPDATE documents SET body = 'X' || substr(body, 2) WHERE id = 1", "body_hash", "document", "1"),
            ("UPDATE figures SET char_start = char_start + 1, char_end = char_end + 1 WHERE id = 3", "span_text", "figure", "3"),
            (
                "INSERT INTO documents_fts(documents_fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = 2",
                "fts_missing", "document", "2"
            ),
            ("PRAGMA foreign_keys = OFF; UPDATE figures SET operation_id = 999 WHERE id = 5", "foreign_key", "figures", "5"),
            (
                "UPDATE schema_migrations SET sha256 = printf('%.64c', '0') WHERE version = 1", "migration_checksum", "migration",
                "1"
            ),
        ])
    func damage(sql: String, kind: String, entityType: String, id: String) throws {
        _ = try cli.sql(sql)
        let (result, output) = try checkJSON()
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(output?.outcome == "findings")
        #expect(
            output?.findings.contains { $0.kind == kind && $0.entityType == entityType && $0.entityID == Int64(id) } == true,
            "\(result.stdout)")
        let text = try cli.run("check")
        #expect(text.exitCode == 1)
        #expect(text.stdout.contains("\(kind) \(entityType) #\(id)"))
        #expect(
            try cli.sql("SELECT json_extract(new_json, '$.outcome') FROM events WHERE action = 'check' ORDER BY id DESC LIMIT 1")
                == "findings")
    }

    @Test("a page overwritten with junk is found by integrity_check, naming the page, and exits 1")
    func junkPage() throws {
        let page = try #require(Int(try cli.sql("SELECT rootpage FROM sqlite_master WHERE name = 'documents_published_on'")))
        let pageSize = try #require(Int(try cli.sql("PRAGMA page_size")))
        let handle = try FileHandle(forUpdatingAtPath: cli.path("dossier.sqlite")).unwrap()
        try handle.seek(toOffset: UInt64((page - 1) * pageSize))
        handle.write(Data(repeating: 0xA5, count: pageSize))
        try handle.close()
        let (result, output) = try checkJSON()
        #expect(result.exitCode == 1)
        #expect(
            output?.findings.contains { $0.kind == "sqlite_integrity" && $0.entityType == "page" && $0.entityID == Int64(page) }
                == true, "\(result.stdout)")
    }

    @Test("a truncated file is reported as corrupt with exit 1, a file that is not SQLite with exit 2")
    func truncatedAndForeign() throws {
        let archive = cli.path("dossier.sqlite")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: archive)[.size] as? NSNumber).intValue
        try FileManager.default.copyItem(atPath: archive, toPath: cli.path("junk-header.sqlite"))
        let handle = try FileHandle(forUpdatingAtPath: archive).unwrap()
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()
        let (result, output) = try checkJSON()
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(output?.findings.first?.kind == "sqlite_corrupt")
        #expect(output?.findings.first?.entityType == "file")

        let junk = try FileHandle(forUpdatingAtPath: cli.path("junk-header.sqlite")).unwrap()
        junk.write(Data("this is not an SQLite header".utf8))
        try junk.close()
        let foreign = try cli.run("check", "--db", "junk-header.sqlite")
        #expect(foreign.exitCode == 2)
        #expect(foreign.stderr.contains("junk-header.sqlite is not a Dossier archive (not an SQLite database)"))
    }

    @Test("a missing archive or one from a newer dossier cannot be checked: exit 2")
    func cannotRun() throws {
        let missing = try cli.run("check", "--db", "nowhere.sqlite")
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("no archive at nowhere.sqlite"))
        _ = try cli.sql("INSERT INTO schema_migrations VALUES (9999, 'future', printf('%.64c', 'a'), 'now')")
        let newer = try cli.run("check")
        #expect(newer.exitCode == 2)
        #expect(newer.stderr.contains("newer dossier"))
    }

    @Test("--repair rebuilds the full-text index, says so, records it; the next check is clean")
    func repair() throws {
        _ = try cli.sql(
            "INSERT INTO documents_fts(documents_fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = 1"
        )
        let repaired = try cli.run("check", "--repair")
        #expect(repaired.exitCode == 0, "\(repaired.stdout)")
        #expect(repaired.stdout.contains("Repaired: rebuilt the full-text index documents_fts"))
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'repair'") == "1")
        #expect(try cli.run("check").exitCode == 0)
    }

    @Test("--against-sources reports a missing original as a notice, exit 0")
    func missingSource() throws {
        let original = try cli.write("moved-away.txt", "Europol said 7 suspects were arrested in March.\n")
        #expect(try cli.run("import", original, "-q").exitCode == 0)
        try FileManager.default.removeItem(atPath: original)
        let (result, output) = try checkJSON("--against-sources")
        #expect(result.exitCode == 0)
        #expect(output?.findings.map(\.kind) == ["source_missing"])
        #expect(output?.findings.first?.entityID == 3)
    }

    @Test("bad options are usage errors, exit 2")
    func badOptions() throws {
        #expect(try cli.run("check", "--since", "yesterday").exitCode == 2)
        #expect(try cli.run("check", "--sample", "0").exitCode == 2)
    }
}

extension Optional {
    /// Unwraps, or throws: for file handles in tests.
    func unwrap() throws -> Wrapped {
        guard let self else { throw CocoaError(.fileNoSuchFile) }
        return self
    }
}
