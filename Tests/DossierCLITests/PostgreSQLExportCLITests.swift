import Foundation
import Testing

@Suite("CLI: export --all --format postgresql")
struct PostgreSQLExportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    func manifest(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: cli.path("\(folder)/manifest.json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The manifest's tables, in the order they are loaded, with their columns' names and types.
    func tables(_ folder: String) throws -> [(name: String, rows: Int, columns: [(name: String, type: String)])] {
        try (manifest(folder)["files"] as? [[String: Any]] ?? []).map { file in
            (
                name: file["table"] as? String ?? "", rows: file["rows"] as? Int ?? -1,
                columns: (file["columns"] as? [[String: Any]] ?? []).map {
                    (name: $0["name"] as? String ?? "", type: $0["type"] as? String ?? "")
                }
            )
        }
    }

    @Test(
        "postgresql needs --all and COPY's own CSV: anything else is a usage error that writes nothing",
        arguments: [
            ["export", "--format", "postgresql"], ["export", "documents", "--format", "postgresql"],
            ["export", "--all", "pg", "--format", "postgresql", "--delimiter", ";"],
            ["export", "--all", "pg", "--format", "postgresql", "--bom"],
            ["export", "--all", "pg", "--format", "postgresql", "--publisher", "Europol"],
        ])
    func refusals(_ arguments: [String]) throws {
        #expect(try cli.run("import", seedDocuments, "--quiet").exitCode == 0)
        let result = try cli.run(arguments)
        #expect(result.exitCode == 2, "\(arguments)")
        #expect(
            result.stderr.contains("postgresql") || result.stderr.contains("--all exports every table whole"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("pg")))
    }

    @Test("the folder holds a CSV per table, schema.sql and load.sql, all in the manifest and SHA256SUMS")
    func bundle() throws {
        #expect(try cli.run("import", seedDocuments, "--quiet").exitCode == 0)
        let result = try cli.run("export", "--all", "pg", "--format", "postgresql")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("psql -v ON_ERROR_STOP=1 -f load.sql"))
        let manifest = try manifest("pg")
        #expect(manifest["format"] as? String == "postgresql")
        #expect(manifest["postgresql_schema"] as? String == "dossier", "named after dossier.sqlite")
        let scripts = (manifest["scripts"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        #expect(scripts == ["schema.sql", "load.sql"])
        let tables = try tables("pg")
        let archiveTables = try cli.sql(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'documents_fts%'"
        )
        #expect(String(tables.count) == archiveTables)
        let sums = try String(contentsOfFile: cli.path("pg/SHA256SUMS"), encoding: .utf8)
        let listed = sums.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) }
        #expect(Set(listed) == Set(tables.map { "\($0.name).csv" } + scripts))
        let check = try cli.runProgram("/bin/sh", ["-c", "cd pg && sha256sum --quiet -c SHA256SUMS"])
        #expect(check.exitCode == 0, "\(check.stdout) \(check.stderr)")
        let schema = try String(contentsOfFile: cli.path("pg/schema.sql"), encoding: .utf8)
        for table in tables {
            #expect(schema.contains("CREATE TABLE IF NOT EXISTS \"dossier\".\"\(table.name)\" ("), "\(table.name)")
        }
        #expect(schema.contains("to_tsvector('french', body)") && schema.contains("to_tsvector('english', body)"))
        let csv = try String(contentsOfFile: cli.path("pg/documents.csv"), encoding: .utf8)
        #expect(!csv.contains(",\"'"), "no formula guard: the cells are data for a database")
    }

    /// Rows as JSON objects from both sides, values made comparable: numbers by value (SQLite's
    /// 25.0 is PostgreSQL's 25) to 15 significant digits, since the sqlite3 shell's JSON writes some
    /// doubles one unit in the last place off (0.333 as 0.33299999999999996); text as text, NULL
    /// apart from empty text.
    func normalised(_ json: String) throws -> [[String: String]] {
        guard !json.isEmpty else { return [] }
        let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
        return rows.map { row in
            row.mapValues { value in
                switch value {
                case is NSNull: "NULL"
                case let text as String: "text:" + text
                case let number as NSNumber: "number:" + String(format: "%.15g", number.doubleValue)
                default: "other:\(value)"
                }
            }
        }
    }

    func sqliteJSON(_ query: String, database: String = "dossier.sqlite") throws -> String {
        let result = try cli.runProgram("/usr/bin/env", ["sqlite3", "-json", cli.path(database), query])
        #expect(result.exitCode == 0, "\(query): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func load(_ folder: String, into database: PostgreSQLServer.Database) throws -> Duration {
        let clock = ContinuousClock()
        var result: CLIRunner.Result?
        let elapsed = try clock.measure {
            result = try PostgreSQLServer.run(
                database.url, ["-f", "load.sql"], in: URL(fileURLWithPath: cli.path(folder)))
        }
        #expect(result?.exitCode == 0, "\(result?.stderr ?? "")")
        #expect(result?.stderr.isEmpty == true, "no notice or warning: \(result?.stderr ?? "")")
        return elapsed
    }

    /// Every table's row count, in SQLite, in the manifest and in PostgreSQL's schema.
    func compareCounts(_ folder: String, schema: String, database: PostgreSQLServer.Database, archive: String) throws {
        for table in try tables(folder) {
            let stored = try cli.sql("SELECT count(*) FROM \(table.name)", database: archive)
            #expect(String(table.rows) == stored, "\(table.name) in the manifest")
            #expect(try database.query("SELECT count(*) FROM \(schema).\(table.name)") == stored, "\(table.name) in PostgreSQL")
        }
    }

    @Test(
        "psql loads the seed archive, twice, into the same rows, NULLs and empty texts as SQLite holds them, searchable in French",
        .enabled(if: PostgreSQLServer.available))
    func seedArchive() throws {
        #expect(try cli.run("import", seedDocuments, "--quiet").exitCode == 0)
        // A line that is only \. would end COPY's data if written unquoted.
        try cli.write("marker.txt", "Marker release\n\nEuropol said 3 suspects were arrested.\n\\.\nEnd of the text.\n")
        #expect(try cli.run("import", cli.path("marker.txt"), "--quiet").exitCode == 0)
        // Dossier's own commands store no empty text, yet the format must keep one apart from NULL:
        // the sqlite3 shell makes one, the way any other tool writing the file could.
        _ = try cli.sql("UPDATE documents SET author = '' WHERE id = (SELECT min(id) FROM documents)")
        #expect(try cli.run("export", "--all", "pg", "--format", "postgresql").exitCode == 0)
        let database = try PostgreSQLServer.Database()
        defer { database.drop() }
        let first = try load("pg", into: database)
        let second = try load("pg", into: database)
        print("PostgreSQL: seed archive loaded in \(first), again in \(second)")
        try compareCounts("pg", schema: "dossier", database: database, archive: "dossier.sqlite")

        for table in ["operations", "organisations", "figures"] {
            let sqlite = try normalised(sqliteJSON("SELECT * FROM \(table) ORDER BY id"))
            let postgres = try normalised(
                database.query("SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM dossier.\(table) t"))
            let differing = zip(sqlite, postgres).filter { $0 != $1 }.prefix(3)
            #expect(sqlite.count == postgres.count && differing.isEmpty, "\(table): \(Array(differing))")
            #expect(!sqlite.isEmpty, "\(table) has rows to compare")
        }
        let documents = "SELECT id, title, sha256, length(body) AS length, author FROM documents ORDER BY id"
        #expect(
            try normalised(sqliteJSON(documents))
                == normalised(
                    database.query(
                        "SELECT json_agg(t) FROM (\(documents.replacingOccurrences(of: "FROM documents", with: "FROM dossier.documents"))) t"
                    )))

        // NULL and empty text, column by column, as SQLite holds them.
        for table in try tables("pg") where !table.columns.isEmpty {
            let sqlite = table.columns.map { "sum(\"\($0.name)\" IS NULL), sum(\"\($0.name)\" = '')" }.joined(separator: ", ")
            let postgres = table.columns.map { "sum((\"\($0.name)\" IS NULL)::int), sum((\"\($0.name)\"::text = '')::int)" }
                .joined(separator: ", ")
            #expect(
                try cli.sql("SELECT \(sqlite) FROM \(table.name)")
                    == database.query("SELECT \(postgres) FROM dossier.\(table.name)"), "\(table.name)")
        }
        #expect(try database.query("SELECT count(*) FROM dossier.documents WHERE author = ''") == "1")

        let search = try cli.run("search", "arretes", "--json")
        #expect(search.exitCode == 0, "\(search.stderr)")
        let found = Set(
            (try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]] ?? []).compactMap {
                ($0["document_id"] as? NSNumber)?.intValue
            })
        #expect(!found.isEmpty)
        let matched = try database.query(
            "SELECT id FROM dossier.documents WHERE search @@ plainto_tsquery('french', 'arrêtés') ORDER BY id")
        #expect(Set(matched.split(separator: "\n").compactMap { Int($0) }) == found)

        // A second archive gets a schema of its own beside the first, which it leaves alone.
        try cli.write("other.txt", "Other archive\n\nThe police said 4 people were arrested.\n")
        #expect(try cli.run("import", cli.path("other.txt"), "--db", "team-b.sqlite", "--quiet").exitCode == 0)
        #expect(try cli.run("export", "--all", "pg-b", "--format", "postgresql", "--db", "team-b.sqlite").exitCode == 0)
        _ = try load("pg-b", into: database)
        try compareCounts("pg-b", schema: "team_b", database: database, archive: "team-b.sqlite")
        try compareCounts("pg", schema: "dossier", database: database, archive: "dossier.sqlite")
    }

    @Test(
        "psql loads a generated archive of 1,000 documents, twice, with every table's count",
        .enabled(if: PostgreSQLServer.available), .timeLimit(.minutes(5)))
    func generatedArchive() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let bench = CLIRunner.binary.deletingLastPathComponent().appending(path: "dossier-bench").path
        let corpus = try cli.runProgram(bench, ["--sizes", "1000", "--corpus-only", "--work", cli.path("bench")])
        #expect(corpus.exitCode == 0, "\(bench): \(corpus.stderr)")
        let folder = corpus.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let imported = try cli.run("import", folder, "--quiet")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(try cli.sql("SELECT count(*) FROM documents") == "1000")
        #expect(try cli.run("export", "--all", "pg", "--format", "postgresql").exitCode == 0)
        let database = try PostgreSQLServer.Database()
        defer { database.drop() }
        let first = try load("pg", into: database)
        let second = try load("pg", into: database)
        try compareCounts("pg", schema: "dossier", database: database, archive: "dossier.sqlite")
        print("PostgreSQL: 1,000 generated documents loaded in \(first), again in \(second); whole test \(clock.now - start)")
    }
}
