import Foundation
import Testing
import ZIPFoundation

@Suite("CLI: export")
struct ExportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    /// Titles that stress CSV: delimiters, quotes, line breaks, formula starts, emoji and combining marks.
    static let awkwardTitles = [
        "a, b and c", "he said \"stop\"", "first line\nsecond line", "=SUM(A1:A2)", "+33 1 23", "-5 degrees",
        "@handle", "👩‍👩‍👧 family and e\u{301}te\u{301}", "\tleading tab", "plain",
    ]

    func importAwkwardTitles() throws {
        for (index, title) in Self.awkwardTitles.enumerated() {
            let escaped = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
            try cli.write(
                "docs/\(index).md", "---\ntitle: \"\(escaped)\"\n---\nEuropol said \(index + 2) suspects were arrested.\n")
        }
        let result = try cli.run("import", "docs")
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    func titles(_ csv: String, column: Int = 1) throws -> [String] {
        try RFC4180Parser.parse(csv).dropFirst().map { $0[column] }
    }

    @Test("every value round-trips through a strict RFC 4180 parser, formulas neutralised")
    func roundTrip() throws {
        try importAwkwardTitles()
        let result = try cli.run("export", "documents", "--columns", "id,title")
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("id,title\r\n"))
        let exported = try titles(result.stdout)
        let expected = Self.awkwardTitles.map { title in
            ["=", "+", "-", "@", "\t"].contains(where: { title.hasPrefix($0) }) ? "'" + title : title
        }
        #expect(exported == expected)
    }

    @Test("--raw keeps formula-like cells verbatim, and numeric columns are never prefixed")
    func raw() throws {
        try importAwkwardTitles()
        let result = try cli.run("export", "documents", "--columns", "id,title", "--raw")
        #expect(try titles(result.stdout) == Self.awkwardTitles)
        let figures = try cli.run("export", "figures", "--columns", "value,exact_text")
        #expect(try RFC4180Parser.parse(figures.stdout).dropFirst().allSatisfy { Double($0[0]) != nil })
    }

    @Test("--bom and --delimiter change exactly what they say")
    func bomAndDelimiter() throws {
        try importAwkwardTitles()
        let bom = try cli.run("export", "documents", "--columns", "id,title", "--bom")
        #expect(bom.stdout.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        let semicolon = try cli.run("export", "documents", "--columns", "id,title", "--delimiter", ";")
        let records = try RFC4180Parser.parse(semicolon.stdout, delimiter: UInt8(ascii: ";"))
        #expect(records[0] == ["id", "title"])
        #expect(records.dropFirst().map { $0[1] }.contains("a, b and c"))
        #expect(try cli.run("export", "documents", "--delimiter", "\"").exitCode == 2)
    }

    @Test("JSON Lines and JSON parse, with the same rows as CSV")
    func json() throws {
        try importAwkwardTitles()
        let lines = try cli.run("export", "documents", "--format", "jsonl").stdout.split(separator: "\n")
        #expect(lines.count == Self.awkwardTitles.count)
        let titles = try lines.map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["title"] as? String ?? ""
        }
        #expect(titles == Self.awkwardTitles)
        let array =
            try JSONSerialization.jsonObject(with: Data(try cli.run("export", "figures", "--format", "json").stdout.utf8))
            as? [[String: Any]]
        #expect(array?.count == Int(try cli.sql("SELECT count(*) FROM figures")))
        let empty = try cli.run("export", "links", "--format", "json")
        #expect(empty.stdout == "[]\n")
    }

    @Test("filters narrow the rows they should")
    func filters() throws {
        try cli.write("a.txt", "Operation Blue Lake\n\nThe National Crime Agency said 14 people were arrested.")
        try cli.write("b.txt", "Opération Lac Bleu\n\nLa gendarmerie a interpellé 9 suspects et saisi 40 téléphones.")
        #expect(try cli.run("import", "a.txt", "--publisher", "NCA", "--published", "2024-03-04").exitCode == 0)
        #expect(try cli.run("import", "b.txt", "--publisher", "Gendarmerie", "--published", "2025-01-10").exitCode == 0)
        func rows(_ arguments: String...) throws -> [[String]] {
            let result = try cli.run(["export"] + arguments)
            #expect(result.exitCode == 0, "\(arguments) \(result.stderr)")
            return try RFC4180Parser.parse(result.stdout).dropFirst().map { $0 }
        }
        #expect(try rows("documents", "--publisher", "NCA", "--columns", "publisher").map { $0[0] } == ["NCA"])
        #expect(try rows("documents", "--language", "fr", "--columns", "publisher").map { $0[0] } == ["Gendarmerie"])
        #expect(try rows("documents", "--since", "2025", "--columns", "publisher").map { $0[0] } == ["Gendarmerie"])
        #expect(try rows("documents", "--until", "2024-03", "--columns", "publisher").map { $0[0] } == ["NCA"])
        // A date prefix covers every date that starts with it, on both sides.
        #expect(try rows("documents", "--since", "2024-03", "--columns", "publisher").map { $0[0] } == ["NCA", "Gendarmerie"])
        #expect(try rows("documents", "--until", "2024-02", "--columns", "publisher").isEmpty)
        #expect(
            try rows("documents", "--since", "2024-03-05", "--until", "2025-01-10", "--columns", "publisher").map { $0[0] } == [
                "Gendarmerie"
            ])
        #expect(try rows("figures", "--operation", "blue-lake", "--columns", "value").map { $0[0] } == ["14"])
        #expect(try rows("figures", "--category", "arrests", "--columns", "value,category").allSatisfy { $0[1] == "arrests" })
        let figureID = try cli.sql("SELECT min(id) FROM figures")
        _ = try cli.sql("UPDATE figures SET status = 'rejected' WHERE id = \(figureID)")
        #expect(try !rows("figures", "--columns", "id").map { $0[0] }.contains(figureID))
        #expect(try rows("figures", "--status", "rejected", "--columns", "id").map { $0[0] } == [figureID])
        #expect(try rows("documents", "--columns", "published_on,id").first?.count == 2)
        let unknownColumn = try cli.run("export", "figures", "--columns", "value,nope")
        #expect(unknownColumn.exitCode == 2)
        #expect(unknownColumn.stderr.contains("no column 'nope'"))
        #expect(try cli.run("export", "figures", "--operation", "no-such-operation").exitCode == 2)
        #expect(try cli.run("export", "events", "--category", "arrests").exitCode == 2)
    }

    @Test("--all writes every table and a manifest whose hashes match the files")
    func all() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let result = try cli.run("export", "--all", "bundle")
        #expect(result.exitCode == 0, "\(result.stderr)")
        let manifestData = try Data(contentsOf: URL(fileURLWithPath: cli.path("bundle/manifest.json")))
        let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [String: Any]
        let files = manifest?["files"] as? [[String: Any]] ?? []
        let tables = try cli.sql(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'documents_fts%'"
        )
        #expect(String(files.count) == tables, "every table of the archive")
        #expect(manifest?["archive"] as? String == "dossier.sqlite", "the archive's name, not the machine's path to it")
        #expect(manifest?["schema_version"] as? Int == 13)
        for file in files {
            let name = file["file"] as? String ?? ""
            let data = try Data(contentsOf: URL(fileURLWithPath: cli.path("bundle/\(name)")))
            let records = try RFC4180Parser.parse(String(decoding: data, as: UTF8.self))
            #expect(records.count - 1 == file["rows"] as? Int, "\(name)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [cli.path("bundle/\(name)")]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(output.hasPrefix(file["sha256"] as? String ?? "-"), "\(name)")
        }
        #expect(try cli.run("export", "--all", "bundle").exitCode == 2)
        #expect(try cli.run("export", "--all", "bundle", "--force").exitCode == 0)
        let filtered = try cli.run("export", "--all", "other", "--publisher", "Europol")
        #expect(filtered.exitCode == 2)
        #expect(filtered.stderr.contains("--all exports every table whole"))
    }

    @Test("--all NAME.zip writes the same folder as one zip file, named after it, whose hashes check")
    func allAsZip() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let missingFolder = try cli.run("export", "--all", "exports/2025-03-01.zip")
        #expect(
            missingFolder.exitCode == 2 && missingFolder.stderr.contains("exports/2025-03-01.zip: cannot create a file beside it")
        )
        try FileManager.default.createDirectory(atPath: cli.path("exports"), withIntermediateDirectories: false)
        let zipped = try cli.run("export", "--all", "exports/2025-03-01.zip")
        #expect(zipped.exitCode == 0, "\(zipped.stderr)")
        #expect(zipped.stderr.contains("written to exports/2025-03-01.zip"))
        try FileManager.default.unzipItem(
            at: URL(fileURLWithPath: cli.path("exports/2025-03-01.zip")), to: URL(fileURLWithPath: cli.path("unzipped")))
        let verified = try cli.runProgram(
            "/bin/sh", ["-c", "cd '\(cli.path("unzipped/2025-03-01"))' && sha256sum -c --quiet SHA256SUMS"])
        #expect(verified.exitCode == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(try cli.run("export", "--all", "folder").exitCode == 0)
        #expect(
            FileManager.default.contents(atPath: cli.path("unzipped/2025-03-01/figures.csv"))
                == FileManager.default.contents(atPath: cli.path("folder/figures.csv")))
        let contents = try FileManager.default.contentsOfDirectory(atPath: cli.path("exports"))
        #expect(contents == ["2025-03-01.zip"], "no scratch folder or partial file left beside it")
    }

    @Test(
        "Python's csv module reads every file of --all back, guided by the manifest alone, row for row as the archive holds it",
        .enabled(if: PythonTools.available))
    func allReadBackByPython() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        // Text that a spreadsheet would run, and a quotation mark, a comma and a line break in cells.
        #expect(try cli.run("person", "add", "=SUM(A1), \"the\"\nboss").exitCode == 0)
        #expect(try cli.run("export", "--all", "bundle").exitCode == 0)
        let check = try cli.runProgram(
            PythonTools.program("python"),
            [PythonTools.script("check_export_all.py"), cli.path("dossier.sqlite"), cli.path("bundle")])
        #expect(check.exitCode == 0, "\(check.stderr)")
        #expect(check.stdout.contains("every row matches the archive"))
    }

    @Test("a failed export leaves no file behind")
    func noPartialFile() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let result = try cli.run("export", "figures", "--columns", "nope", "--output", "out.csv")
        #expect(result.exitCode == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains("out.csv") }
        #expect(leftovers.isEmpty)
    }
}
