import Foundation
import Testing

/// Dossier's output read by the tools archivists already use, the real ones from PyPI.
@Suite("CLI: other tools read the archive", .enabled(if: PythonTools.available))
struct OtherToolsCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        let imported = try cli.run("import", seedDocuments)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
    }

    /// The ids Dossier's own search returns for `term`.
    func dossierSearch(_ term: String) throws -> [Int] {
        let result = try cli.run("search", term, "--json")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return hits.compactMap { $0["document_id"] as? Int }
    }

    @Test("Datasette finds the full-text index with and without the metadata, labels, facets and runs a saved query")
    func datasette() throws {
        let metadata = try cli.run("datasette-metadata", "--output", "metadata.yml")
        #expect(metadata.exitCode == 0, "\(metadata.stderr)")
        let expected = try dossierSearch("arretes")
        #expect(!expected.isEmpty)
        let check = try cli.runProgram(
            PythonTools.program("python"),
            [
                PythonTools.script("check_datasette.py"), cli.path("dossier.sqlite"), cli.path("metadata.yml"), "arretes",
                expected.map(String.init).joined(separator: ","), "cumberland",
            ])
        #expect(check.exitCode == 0, "\(check.stderr)")
    }

    @Test("sqlite-utils search finds what Dossier's search finds, accents folded")
    func sqliteUtilsSearch() throws {
        for term in ["arretes", "europol"] {
            let result = try cli.runProgram(
                PythonTools.program("sqlite-utils"),
                ["search", cli.path("dossier.sqlite"), "documents", term, "-c", "id", "--csv", "--no-headers"])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let found = result.stdout.split(whereSeparator: \.isNewline).compactMap { Int($0) }
            #expect(Set(found) == Set(try dossierSearch(term)), "\(term)")
            #expect(!found.isEmpty, "\(term)")
        }
    }

    @Test("datasette-metadata refuses a path that is not an archive, and writes nothing")
    func notAnArchive() throws {
        try cli.write("notes.txt", "not SQLite")
        let result = try cli.run("datasette-metadata", "--db", "notes.txt", "--output", "metadata.yml")
        #expect(result.exitCode != 0)
        #expect(result.stderr.contains("notes.txt"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("metadata.yml")))
    }

    @Test("followthemoney reads the archive as valid entities, nothing dropped, every reference resolved, counts as archived")
    func followTheMoney() throws {
        try cli.write(
            "article.md",
            """
            ---
            title: Police arrest 25 suspects
            publisher: Example Press
            url: https://example.org/news/25-arrested
            published: 2025-02-28
            language: en
            kind: article
            ---
            Europol said 25 suspects were arrested in Operation Cumberland, Catherine De Bolle said.

            """)
        #expect(try cli.run("import", "article.md", "--quiet").exitCode == 0)
        let export = try cli.run("export", "--format", "ftm", "--output", "archive.ftm.json")
        #expect(export.exitCode == 0, "\(export.stderr)")
        let check = try cli.runProgram(
            PythonTools.program("python"),
            [PythonTools.script("check_ftm.py"), cli.path("dossier.sqlite"), cli.path("archive.ftm.json")])
        #expect(check.exitCode == 0, "\(check.stderr)")
        #expect(check.stdout.contains("1 Article"), "\(check.stdout)")
        let refused = try cli.run("export", "figures", "--format", "ftm", "--output", "figures.json")
        #expect(refused.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: cli.path("figures.json")))
    }
}
