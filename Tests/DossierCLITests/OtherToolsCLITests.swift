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
}
