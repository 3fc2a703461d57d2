import Foundation
import Testing

/// The seed documents, read from the repository's Seeds/ folder.
let seedDocuments = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Seeds/documents").path

@Suite("CLI: import")
struct ImportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    func counts() throws -> String {
        try cli.sql(
            "SELECT (SELECT count(*) FROM documents) || ',' || (SELECT count(*) FROM figures) || ',' || (SELECT count(*) FROM quotes) || ',' || (SELECT count(*) FROM mentions) || ',' || (SELECT count(*) FROM document_links)"
        )
    }

    @Test("a path that does not exist is a usage error: exit 2, no archive and no batch")
    func missingPath() throws {
        try cli.write("a.txt", "Europol said 25 suspects were arrested in the raid.\n")
        let result = try cli.run("import", cli.path("a.txt"), cli.path("no/such/file.txt"))
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("no/such/file.txt: no such file or directory"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test("--db may come before the subcommand, in both spellings, and counts of one are singular")
    func databaseBeforeSubcommandAndSingularCounts() throws {
        try cli.write(
            "a.txt", "\"We arrested one suspect in the raid on Monday in Paris today,\" said John Smith of Europol.\n")
        let imported = try cli.run("--db", cli.path("first.sqlite"), "import", cli.path("a.txt"))
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("1 quote, 1 person, 1 organisation, 0 operations"), "\(imported.stdout)")
        #expect(try cli.sql("SELECT count(*) FROM documents", database: "first.sqlite") == "1")
        let stats = try cli.run("--db=\(cli.path("first.sqlite"))", "stats")
        #expect(stats.exitCode == 0 && stats.stdout.contains("documents"), "\(stats.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test("the seed documents import end to end with their known facts")
    func seeds() throws {
        let result = try cli.run("import", seedDocuments)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 seen, 2 imported, 0 duplicates, 0 failed"))
        let cumberland = "(SELECT id FROM documents WHERE file_name = '000_22aa1b1caa392d1c.txt')"
        for (value, category) in [
            (273, "suspects_identified"), (25, "suspects_arrested"), (33, "house_searches"), (173, "devices_seized"),
        ] {
            #expect(
                try cli.sql(
                    "SELECT count(*) FROM figures WHERE document_id = \(cumberland) AND value = \(value) AND category = '\(category)'"
                ) == "1", "\(value) \(category)")
        }
        #expect(
            try cli.sql("SELECT o.name FROM operations o JOIN document_operations d ON d.operation_id = o.id")
                == "Operation Cumberland")
        #expect(try cli.sql("SELECT count(*) FROM figures WHERE document_id = \(cumberland) AND operation_id IS NULL") == "0")
        #expect(
            try cli.sql(
                "SELECT r.role || ' @ ' || o.slug FROM person_roles r JOIN people p ON p.id = r.person_id JOIN organisations o ON o.id = r.organisation_id WHERE p.slug = 'catherine-de-bolle' AND r.document_id IS NOT NULL"
            ) == "Directeur exécutif @ europol")
        #expect(
            try cli.sql(
                "SELECT count(*) FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.slug = 'troels-oerting' AND q.text LIKE 'Nous devons suivre le rythme%'"
            ) == "1")
        #expect(
            try cli.sql("SELECT title FROM documents WHERE file_name LIKE '004%'")
                == "Un rapport d’Europol révèle des vidéos d’abus diffusées en direct")
        #expect(try cli.sql("SELECT group_concat(DISTINCT language) FROM documents") == "fr")
        // Every span in the archive points at its exact text, checked by SQLite itself.
        for table in ["figures", "quotes", "mentions"] {
            #expect(
                try cli.sql(
                    "SELECT count(*) FROM \(table) f JOIN documents d ON d.id = f.document_id WHERE substr(d.body, f.char_start + 1, f.char_end - f.char_start) <> f.exact_text"
                ) == "0", "\(table)")
        }
        // The stored body is the file, byte for byte.
        let original = try Data(contentsOf: URL(fileURLWithPath: seedDocuments).appending(path: "000_22aa1b1caa392d1c.txt"))
        #expect(try cli.sql("SELECT sha256 = original_sha256 FROM documents WHERE file_name LIKE '000%'") == "1")
        #expect(
            try cli.sql("SELECT length(CAST(body AS BLOB)) FROM documents WHERE file_name LIKE '000%'") == String(original.count))
    }

    @Test("an import leaves the archive file complete and no WAL behind, every time")
    func noWriteAheadLogLeft() throws {
        // Ten runs: a connection kept alive past the import by the checkpointing thread once left the
        // WAL behind in about one run in ten.
        for run in 0..<10 {
            let name = "run\(run).sqlite"
            let result = try cli.run("import", "--db", name, seedDocuments)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: cli.path(name + "-wal")), "run \(run) left its WAL")
            #expect(try cli.sql("SELECT count(*) FROM documents", database: name) == "2")
        }
    }

    @Test("importing again reports duplicates and changes nothing")
    func duplicates() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let before = try counts()
        let again = try cli.run("import", seedDocuments, "--json")
        #expect(again.exitCode == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(summary?["duplicates"] as? Int == 2)
        #expect(summary?["imported"] as? Int == 0)
        #expect(try counts() == before)
    }

    @Test("the same text with another front-matter title: exit 0, one document, the difference shown, recorded, appliable")
    func duplicateWithOtherMetadata() throws {
        let body = "Europol: 12 suspects were arrested in Spain on 3 March 2024.\n"
        try cli.write("a.md", "---\ntitle: First title\n---\n" + body)
        try cli.write("b.md", "---\ntitle: Second title\n---\n" + body)
        try cli.write("bom.md", Data([0xEF, 0xBB, 0xBF]) + Data("---\ntitle: First title\n---\n\(body)".utf8))
        #expect(try cli.run("import", "a.md").exitCode == 0)

        let other = try cli.run("import", "b.md")
        #expect(other.exitCode == 0, "\(other.stderr)")
        #expect(try cli.sql("SELECT count(*) || ' ' || title FROM documents") == "1 First title")
        let event = try cli.sql(
            "SELECT old_json || ' ' || json_extract(new_json, '$.title') || ' ' || json_extract(new_json, '$.file') "
                + "FROM events WHERE action = 'duplicate_metadata' AND entity_type = 'document' AND entity_id = 1")
        #expect(event == #"{"title":"First title"} Second title b.md"#)
        #expect(other.stdout.contains("duplicate b.md: same text as #1, but other metadata, not applied:"), "\(other.stdout)")
        #expect(other.stdout.contains(#"  title: "First title" → "Second title""#))
        #expect(other.stdout.contains("  to apply: dossier document set 1 --title 'Second title'"))
        #expect(other.stdout.contains("1 seen, 0 imported, 1 duplicates (1 with other metadata), 0 failed."))

        let json = try cli.run("import", "b.md", "--json")
        #expect(json.exitCode == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let result = (summary?["results"] as? [[String: Any]])?.first
        #expect(result?["outcome"] as? String == "duplicate")
        #expect(result?["duplicate_match"] as? String == "same_text")
        #expect(result?["apply_command"] as? String == "dossier document set 1 --title 'Second title'")
        let differences = result?["metadata_differences"] as? [[String: String]]
        #expect(differences == [["field": "title", "old": "First title", "new": "Second title"]])
        #expect(summary?["duplicates_with_other_metadata"] as? Int == 1)
        // Imported again, the same file is not recorded twice.
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'duplicate_metadata'") == "1")

        let same = try cli.run("import", "a.md")
        #expect(same.exitCode == 0)
        #expect(same.stdout.contains("duplicate a.md: already archived as #1\n"), "\(same.stdout)")
        let bom = try cli.run("import", "bom.md")
        #expect(bom.exitCode == 0)
        #expect(bom.stdout.contains("duplicate bom.md: already archived as #1 (same text, different bytes)\n"), "\(bom.stdout)")
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'duplicate_metadata'") == "1")

        // Applied with the command it gave, the file then differs only in its bytes.
        let applied = try cli.run("document", "set", "1", "--title", "Second title")
        #expect(applied.exitCode == 0, "\(applied.stderr)")
        let after = try cli.run("import", "b.md")
        #expect(after.stdout.contains("duplicate b.md: already archived as #1 (same text, different bytes)\n"), "\(after.stdout)")
        #expect(try cli.sql("SELECT count(*) || ' ' || title FROM documents") == "1 Second title")
    }

    @Test("standard input is imported with options applied")
    func standardInput() throws {
        let text = "Operation Blue Lake\n\nThe National Crime Agency said 14 people were arrested on 3 March 2024."
        let result = try cli.run("import", "-", "--publisher", "NCA", "--published", "2024-03-04", stdin: Data(text.utf8))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try cli.sql(
                "SELECT publisher || '|' || published_on || '|' || language || '|' || coalesce(file_name, 'NULL') FROM documents")
                == "NCA|2024-03-04|en|NULL")
    }

    @Test("a dry run prints what would be stored and writes nothing")
    func dryRun() throws {
        let result = try cli.run("import", seedDocuments, "--dry-run")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("273 suspects identifiés"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test(
        "each bad input is refused with a clear message, exit code 1, and nothing stored",
        arguments: [
            ("empty.txt", Data(), "file is empty"),
            ("nul.txt", Data("abc\u{0}def".utf8), "NUL byte at byte offset 3"),
            ("latin1.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x0A]), "invalid UTF-8 at byte offset 3"),
            ("image.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]), "PNG image"),
            ("scan.pdf", Data("%PDF-1.4\n".utf8), "is not a readable PDF"),
            ("bundle.zip", Data([0x50, 0x4B, 0x03, 0x04, 0x0A, 0, 0, 0]), "ZIP archive"),
            ("clip.mp4", Data([0, 0, 0, 0x20] + Array("ftypisom".utf8) + [0, 0, 0, 0]), "MP4"),
            (
                "bad-date.md", Data("---\npublished: 2025-02-30\n---\nEuropol arrested 3 people.\n".utf8),
                "'published' is not a valid ISO date"
            ),
            ("bad-yaml.md", Data("---\ntitle: [unclosed\n---\nText here.\n".utf8), "not valid YAML"),
        ])
    func badInput(name: String, content: Data, message: String) throws {
        #expect(try cli.run("init").exitCode == 0)
        try cli.write(name, content)
        let result = try cli.run("import", name)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains(name))
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try cli.sql("SELECT count(*) FROM documents") == "0")
        #expect(try cli.sql("SELECT failed FROM import_batches") == "1")
    }

    @Test("a failed file does not stop the others")
    func goesOn() throws {
        try cli.write("in/a-bad.txt", Data([0xFF, 0xD8, 0xFF, 0xE0]))
        try cli.write("in/b-good.txt", "Europol: 12 suspects were arrested in Spain.")
        let result = try cli.run("import", "in")
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("1 imported"))
        #expect(try cli.sql("SELECT file_name FROM documents") == "b-good.txt")
    }

    @Test("files over the size limit are refused")
    func tooLarge() throws {
        try cli.write("big.txt", String(repeating: "Europol arrested 5 people. ", count: 100))
        let result = try cli.run("import", "big.txt", "--max-size", "1000")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("larger than the 1000 bytes limit"))
    }

    @Test("symbolic links are followed only when asked")
    func symlinks() throws {
        let target = try cli.write("real/release.txt", "Europol: 12 suspects were arrested in Spain.")
        try FileManager.default.createSymbolicLink(atPath: cli.path("link.txt"), withDestinationPath: target)
        let refused = try cli.run("import", "link.txt")
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("--follow-symlinks"))
        let followed = try cli.run("import", "link.txt", "--follow-symlinks")
        #expect(followed.exitCode == 0)
        #expect(try cli.sql("SELECT count(*) FROM documents") == "1")
    }

    @Test("a directory loop through symbolic links ends")
    func symlinkLoop() throws {
        try cli.write("loop/a.txt", "Europol: 12 suspects were arrested in Spain.")
        try FileManager.default.createSymbolicLink(atPath: cli.path("loop/again"), withDestinationPath: cli.path("loop"))
        let result = try cli.run("import", "loop", "--follow-symlinks")
        #expect(result.stderr.contains("already visited"))
        #expect(try cli.sql("SELECT count(*) FROM documents") == "1")
    }

    @Test(
        "bad options exit 2 before anything is read",
        arguments: [
            ["import", "x.txt", "--published", "2025-13-01"], ["import", "x.txt", "--encoding", "ebcdic"],
            ["import", "x.txt", "--max-size", "0"], ["import", "x.txt", "--batch-size", "0"], ["import"],
        ])
    func badOptions(arguments: [String]) throws {
        let result = try cli.run(arguments)
        #expect(result.exitCode == 2)
        #expect(!result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test("export gives CSV and JSON Lines with the documented columns")
    func export() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let csv = try cli.run("export", "figures")
        #expect(csv.exitCode == 0)
        #expect(
            csv.stdout.hasPrefix(
                "id,document_id,document_file,value,value_max,unit,approximate,bound,counts,category,exact_text,char_start,char_end,operation,status,document_title,publisher,published_on\r\n"
            ))
        #expect(csv.stdout.contains("273 suspects identifiés"))
        let quotes = try cli.run("export", "quotes", "--format", "jsonl")
        let first = quotes.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(object?["speaker"] as? String == "Catherine De Bolle")
        for table in ["documents", "mentions"] {
            let result = try cli.run("export", table, "--output", "\(table).csv")
            #expect(result.exitCode == 0)
            #expect(FileManager.default.fileExists(atPath: cli.path("\(table).csv")))
        }
        let mentions = try String(contentsOfFile: cli.path("mentions.csv"), encoding: .utf8)
        #expect(mentions.contains("operation,cumberland,Operation Cumberland"))
    }

    @Test("eval scores the seed documents against the answer keys")
    func eval() throws {
        let gold = try cli.write(
            "gold/000_22aa1b1caa392d1c.json",
            """
            {"file": "000_22aa1b1caa392d1c.txt", "language": "fr", "operations": ["Operation Cumberland"],
             "organisations": [], "people": [], "quotes": [], "dates": [],
             "figures": [{"text": "273 suspects identifiés", "value": 273, "unit": "count", "approximate": false, "bound": null, "counts": "suspects identified"}]}
            """)
        _ = gold
        let result = try cli.run("eval", seedDocuments + "/000_22aa1b1caa392d1c.txt", "--gold", "gold", "--json")
        #expect(result.exitCode == 0, "\(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let totals = report?["totals"] as? [String: [String: Any]]
        #expect(totals?["operations"]?["f1"] as? Double == 1.0)
        #expect(totals?["figures"]?["tp"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    /// Runs `dossier ARGUMENTS` on a pseudo-terminal (util-linux `script`), as a person at a
    /// terminal would; stdout and stderr arrive together, as on a screen.
    func onTerminal(_ arguments: String) throws -> String {
        let result = try cli.runProgram("/usr/bin/script", ["-qec", "'\(CLIRunner.binary.path)' \(arguments)", "/dev/null"])
        return result.stdout
    }

    @Test(
        "on a terminal one progress line with counts stands for the per-file lines; --verbose brings them back, --quiet silences both"
    )
    func progressOnTerminal() throws {
        for index in 0..<3 { try cli.write("docs/\(index).txt", "Europol said \(index + 2) suspects were arrested.\n") }
        let screen = try onTerminal("import docs")
        #expect(screen.contains("3/3 files · 3 imported, 0 duplicates, 0 failed"), "\(screen)")
        #expect(screen.contains("Batch 1: 3 seen, 3 imported, 0 duplicates, 0 failed."))
        #expect(!screen.contains("imported #"), "no per-file lines on a terminal")
        let verbose = try onTerminal("import docs --verbose")
        #expect(verbose.components(separatedBy: "already archived as #").count == 4, "\(verbose)")
        #expect(try onTerminal("import docs --quiet").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        // Through a pipe every file keeps its line, and no progress line is drawn.
        let piped = try cli.run("import", "docs")
        #expect(piped.stdout.components(separatedBy: "already archived as #").count == 4)
        #expect(!piped.stderr.contains("files ·"))
    }
}
