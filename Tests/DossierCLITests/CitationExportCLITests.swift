import Foundation
import Testing

@Suite("CLI: export as citations")
struct CitationExportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    /// The seed documents (no metadata but their text), and three releases with full metadata
    /// whose titles, names and URLs stress both formats.
    func importDocuments() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        try cli.write(
            "meta/article.md",
            """
            ---
            title: "Operation Blue Lake: 14 arrested"
            publisher: National Crime Agency
            author: Jane van der Berg; National Crime Agency Press Office
            url: https://example.org/news/blue-lake?a=1&b=2
            published: 2024-03
            retrieved: 2024-03-05
            language: en
            kind: article
            ---
            The National Crime Agency said 14 people were arrested in Operation Blue Lake.
            """)
        try cli.write(
            "meta/report.md",
            """
            ---
            title: "IOCTA: \\"live-distant child abuse\\",\\nand what comes next\\t👩‍👩‍👧"
            publisher: Europol
            author: Oerting, Troels
            url: https://example.org/iocta;version=2
            published: 2014-09-29
            language: en
            kind: report
            ---
            Europol counted 516 servers in the United States.
            """)
        try cli.write(
            "meta/release.md",
            """
            ---
            title: Opération Lac Bleu
            publisher: Gendarmerie nationale
            author: Gendarmerie nationale
            published: 2025
            retrieved: 2025-01-10
            language: fr
            ---
            La gendarmerie a interpellé 9 suspects et saisi 40 téléphones.
            """)
        let result = try cli.run("import", "meta")
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    func leftovers(_ name: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(name) }
    }

    @Test("citeproc-py renders every CSL-JSON item and rispy reads every RIS record back", .enabled(if: PythonTools.available))
    func realTools() throws {
        try importDocuments()
        let csl = try cli.run("export", "documents", "--format", "csl-json", "--output", "citations.json")
        #expect(csl.exitCode == 0, "\(csl.stderr)")
        #expect(csl.stderr.contains("5 citations written to citations.json"))
        let ris = try cli.run("export", "documents", "--format", "ris", "--output", "citations.ris")
        #expect(ris.exitCode == 0, "\(ris.stderr)")
        let check = try cli.runProgram(
            PythonTools.program("python"),
            [
                PythonTools.script("check_citations.py"), cli.path("dossier.sqlite"), "--csl-json", cli.path("citations.json"),
                "--ris", cli.path("citations.ris"),
            ])
        #expect(check.exitCode == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(check.stdout.contains("CSL-JSON: 5 items rendered by citeproc-py"))
        #expect(check.stdout.contains("RIS: 5 records parsed by rispy"))
        // A citation that says something else than the archive fails the check: it is not vacuous.
        let edited = try String(contentsOfFile: cli.path("citations.ris"), encoding: .utf8)
            .replacingOccurrences(of: "TI  - Opération Lac Bleu", with: "TI  - Opération Lac Rouge")
        try cli.write("edited.ris", edited)
        let failed = try cli.runProgram(
            PythonTools.program("python"),
            [PythonTools.script("check_citations.py"), cli.path("dossier.sqlite"), "--ris", cli.path("edited.ris")])
        #expect(failed.exitCode == 1)
        #expect(failed.stderr.contains("Lac Rouge"))
    }

    @Test("the export's document filters choose the cited documents")
    func filters() throws {
        try importDocuments()
        func ids(_ arguments: String...) throws -> [String] {
            let result = try cli.run(["export", "documents", "--format", "csl-json"] + arguments)
            #expect(result.exitCode == 0, "\(result.stderr)")
            let items = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
            return (items ?? []).compactMap { $0["title"] as? String }
        }
        #expect(try ids("--publisher", "Gendarmerie nationale") == ["Opération Lac Bleu"])
        #expect(try ids("--since", "2024", "--until", "2024-12") == ["Operation Blue Lake: 14 arrested"])
        #expect(try ids("--operation", "cumberland").count == 1)
        #expect(try ids("--language", "en").count == 2)
        let ris = try cli.run("export", "documents", "--format", "ris", "--publisher", "Europol")
        #expect(ris.stdout.components(separatedBy: "TY  - ").count == 2)
        #expect(ris.stdout.contains("TY  - RPRT\r\n"))
    }

    @Test("a format that does not fit the export is a usage error naming both, and writes nothing")
    func refusals() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        let figures = try cli.run("export", "figures", "--format", "ris", "--output", "out.ris")
        #expect(figures.exitCode == 2)
        #expect(
            figures.stderr.contains("--format ris makes one citation per document: it applies to documents only, not to figures"))
        #expect(try leftovers("out.ris").isEmpty)
        let refused: [[String]] = [
            ["facts", "--format", "csl-json"], ["documents", "--format", "annotations"], ["facts"],
            ["facts", "--format", "json"], ["facts", "--format", "xlsx"],
            ["documents", "--format", "ris", "--columns", "id,title"],
            ["documents", "--format", "csl-json", "--status", "rejected"],
            ["quotes", "--format", "csl-json"],
        ]
        for arguments in refused {
            let result = try cli.run(["export"] + arguments + ["--output", "out.file"])
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(!result.stderr.isEmpty, "\(arguments)")
            #expect(try leftovers("out.file").isEmpty, "\(arguments)")
        }
        let all = try cli.run("export", "--all", "bundle", "--format", "ris")
        #expect(all.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: cli.path("bundle")))
    }
}
