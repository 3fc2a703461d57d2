import Foundation
import Testing

@Suite("CLI: spreadsheet workbooks")
struct WorkbookCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    /// Documents whose metadata a spreadsheet would mangle: leading zeros, formula starts, partial
    /// and complete dates, a long text with a line break, text that looks like a spreadsheet escape.
    func importAwkwardDocuments() throws {
        let long = String(repeating: "Europol said that many suspects were arrested. ", count: 4)
        let documents = [
            (
                "---\ntitle: \"0012\"\npublisher: \"00456\"\npublished: 2025-02-28\n---\n",
                "Europol said 25 suspects were arrested."
            ),
            ("---\ntitle: \"=HYPERLINK(\\\"x\\\")\"\npublished: 2025-02\nretrieved: 2025\n---\n", "Police said 3 were arrested."),
            ("---\ntitle: \"line one\\nline two _x0041_\"\n---\n", long),
        ]
        for (index, (frontMatter, body)) in documents.enumerated() {
            try cli.write("docs/\(index).md", frontMatter + body + "\n")
        }
        let result = try cli.run("import", "docs", seedDocuments)
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    @Test(
        "openpyxl reads every sheet of --all --format xlsx cell for cell as the JSON export types it",
        .enabled(if: PythonTools.available))
    func workbookMatchesJSON() throws {
        try importAwkwardDocuments()
        let workbook = try cli.run("export", "--all", "archive.xlsx", "--format", "xlsx")
        #expect(workbook.exitCode == 0, "\(workbook.stderr)")
        #expect(workbook.stderr.contains("10 sheets"))
        try FileManager.default.createDirectory(atPath: cli.path("json"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: cli.path("one"), withIntermediateDirectories: true)
        let tables = [
            "documents", "batches", "operations", "organisations", "people", "quotes", "figures", "mentions", "links", "events",
        ]
        for table in tables {
            #expect(try cli.run("export", table, "--format", "json", "--output", "json/\(table).json").exitCode == 0)
        }
        let check = try cli.runProgram(
            PythonTools.program("python"), [PythonTools.script("check_workbook.py"), cli.path("archive.xlsx"), cli.path("json")])
        #expect(check.exitCode == 0, "\(check.stderr)")

        // One table, filtered, gives one sheet with only its rows.
        #expect(
            try cli.run("export", "documents", "--format", "xlsx", "--output", "one.xlsx", "--publisher", "00456").exitCode == 0)
        #expect(
            try cli.run("export", "documents", "--format", "json", "--output", "one/documents.json", "--publisher", "00456")
                .exitCode == 0)
        let one = try cli.runProgram(
            PythonTools.program("python"), [PythonTools.script("check_workbook.py"), cli.path("one.xlsx"), cli.path("one")])
        #expect(one.exitCode == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("1 sheets"))
    }

    @Test("bad xlsx requests are usage errors and leave no file")
    func refusals() throws {
        try importAwkwardDocuments()
        let delimiter = try cli.run("export", "figures", "--format", "xlsx", "--output", "f.xlsx", "--delimiter", ";")
        #expect(delimiter.exitCode == 2)
        #expect(delimiter.stderr.contains("--delimiter and --bom apply to CSV"))
        let column = try cli.run("export", "figures", "--format", "xlsx", "--output", "f.xlsx", "--columns", "nope")
        #expect(column.exitCode == 2)
        #expect(column.stderr.contains("no column 'nope'"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains("f.xlsx") }
        #expect(leftovers.isEmpty)
    }
}
