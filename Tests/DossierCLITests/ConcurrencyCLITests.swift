import Foundation
import Testing

/// Several `dossier` processes on one archive at once (issue 8): importers, exporters, a check and
/// curation commands must all succeed, with exact counts afterwards.
@Suite("CLI: concurrent processes on one archive", .serialized)
struct ConcurrencyCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        try PressReleaseCorpus(count: 240).write(into: cli.directory.appending(path: "corpus"))
        for index in 0..<240 {
            let (name, _) = PressReleaseCorpus(count: 240).document(index)
            let part = ["a", "b", "c"][index / 80]
            try FileManager.default.createDirectory(atPath: cli.path("parts/\(part)"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: cli.path("corpus/\(name)"), toPath: cli.path("parts/\(part)/\(name)"))
        }
    }

    /// Starts every command at once and waits for all of them.
    func together(_ commands: [[String]]) throws -> [CLIRunner.Result] {
        try commands.map { try cli.start($0) }.map { try $0.wait() }
    }

    func expectAllSucceeded(_ results: [CLIRunner.Result], _ commands: [[String]], round: Int) {
        for (command, result) in zip(commands, results) {
            #expect(result.exitCode == 0, "round \(round) \(command.joined(separator: " ")): \(result.stderr)")
            #expect(!result.stderr.contains("locked"), "round \(round) \(command.joined(separator: " ")): \(result.stderr)")
        }
    }

    static let counts = """
        SELECT (SELECT count(*) FROM documents) || ',' || (SELECT count(*) FROM figures) || ',' || (SELECT count(*) FROM quotes)
            || ',' || (SELECT count(*) FROM mentions) || ',' || (SELECT count(*) FROM events WHERE action = 'import')
            || ',' || (SELECT count(*) FROM documents_fts)
        """

    @Test("importers, exporters, a check and curation commands at once all succeed, and the counts are exact")
    func mixedWorkload() throws {
        // The same inputs imported one after another: the counts every concurrent round must reach.
        #expect(try cli.run("import", seedDocuments, "--db", "reference.sqlite", "-q").exitCode == 0)
        #expect(try cli.run("import", "parts/a", "parts/b", "--db", "reference.sqlite", "-q").exitCode == 0)
        let expected = try cli.sql(Self.counts, database: "reference.sqlite")

        for round in 1...3 {
            let db = "round-\(round).sqlite"
            #expect(try cli.run("import", seedDocuments, "--db", db, "-q").exitCode == 0)
            let commands = [
                ["import", "parts/a", "--db", db, "-q"],
                ["import", "parts/b", "--db", db, "-q"],
                ["export", "figures", "--db", db, "-o", "figures-\(round).csv"],
                ["export", "--all", "bundle-\(round)", "--db", db],
                ["check", "--db", db],
                ["figure", "confirm", "1", "2", "3", "--db", db],
                ["quote", "reject", "1", "--reason", "test", "--db", db],
                ["report", "--db", db],
                ["search", "Europol", "--db", db],
            ]
            let results = try together(commands)
            expectAllSucceeded(results, commands, round: round)
            #expect(try cli.sql(Self.counts, database: db) == expected, "round \(round)")
            #expect(
                try cli.sql(
                    "SELECT group_concat(status) FROM (SELECT status FROM figures WHERE id <= 3 ORDER BY id)", database: db)
                    == "confirmed,confirmed,confirmed")
            #expect(try cli.sql("SELECT status FROM quotes WHERE id = 1", database: db) == "rejected")
            #expect(try cli.run("check", "--db", db).exitCode == 0)
            // A bundle is one snapshot: every figure it lists belongs to a document it lists.
            let documents = Set(
                try RFC4180Parser.parse(String(contentsOfFile: cli.path("bundle-\(round)/documents.csv"), encoding: .utf8))
                    .dropFirst().map { $0[0] })
            let figureDocuments = Set(
                try RFC4180Parser.parse(String(contentsOfFile: cli.path("bundle-\(round)/figures.csv"), encoding: .utf8))
                    .dropFirst().map { $0[1] })
            #expect(
                figureDocuments.isSubset(of: documents),
                "round \(round): figures of \(figureDocuments.subtracting(documents).count) documents missing from documents.csv")
        }
    }

    @Test("several importers creating the same new archive at once all succeed")
    func simultaneousCreation() throws {
        #expect(try cli.run("import", "parts/a", "parts/b", "parts/c", "--db", "reference.sqlite", "-q").exitCode == 0)
        let expected = try cli.sql(Self.counts, database: "reference.sqlite")
        for round in 1...5 {
            let db = "new-\(round).sqlite"
            let commands = [
                ["import", "parts/a", "--db", db, "-q"], ["import", "parts/b", "--db", db, "-q"],
                ["import", "parts/c", "--db", db, "-q"], ["init", "--db", db],
            ]
            expectAllSucceeded(try together(commands), commands, round: round)
            #expect(try cli.sql(Self.counts, database: db) == expected, "round \(round)")
            #expect(try cli.sql("SELECT count(*) = max(version) AND count(*) >= 3 FROM schema_migrations", database: db) == "1")
        }
    }

    @Test("nine processes creating one archive at once all succeed, and it is migrated and sealed once")
    func nineCreators() throws {
        for round in 1...4 {
            let db = "nine-\(round).sqlite"
            let commands = [
                ["import", "parts/a", "--db", db, "-q"], ["import", "parts/b", "--db", db, "-q"],
                ["import", "parts/c", "--db", db, "-q"], ["import", seedDocuments, "--db", db, "-q"],
                ["init", "--db", db], ["init", "--db", db], ["migrate", "--db", db], ["seed", "--db", db],
                ["org", "add", "Nine Agency", "--acronym", "NA", "--db", db],
            ]
            expectAllSucceeded(try together(commands), commands, round: round)
            #expect(try cli.sql("SELECT count(*) = max(version) FROM schema_migrations", database: db) == "1")
            #expect(try cli.sql("SELECT count(*) FROM documents", database: db) == "242", "round \(round)")
            #expect(try cli.run("check", "--db", db).exitCode == 0, "round \(round)")
        }
    }

    @Test("two importers given the same files at the same moment store each document once")
    func sameFilesTwice() throws {
        for round in 1...5 {
            let db = "same-\(round).sqlite"
            #expect(try cli.run("init", "--db", db).exitCode == 0)
            let commands = [["import", "parts/a", "--db", db, "--json"], ["import", "parts/a", "--db", db, "--json"]]
            let results = try together(commands)
            expectAllSucceeded(results, commands, round: round)
            let summaries = results.compactMap { try? JSONSerialization.jsonObject(with: Data($0.stdout.utf8)) as? [String: Any] }
            #expect(summaries.count == 2)
            let imported = summaries.compactMap { $0["imported"] as? Int }.reduce(0, +)
            let duplicates = summaries.compactMap { $0["duplicates"] as? Int }.reduce(0, +)
            #expect(imported == 80 && duplicates == 80, "round \(round): \(imported) imported, \(duplicates) duplicates")
            #expect(try cli.sql("SELECT count(*) || ',' || count(DISTINCT sha256) FROM documents", database: db) == "80,80")
        }
    }
}
