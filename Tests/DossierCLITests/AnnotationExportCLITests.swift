import Foundation
import Testing

@Suite("CLI: export facts as annotations")
struct AnnotationExportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    /// The seed documents, and one whose facts follow astral characters, an emoji family, combining
    /// accents and CRLF line ends, where code points, characters and UTF-16 units all differ.
    func importDocuments() throws {
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        try cli.write(
            "awkward.md",
            "---\nurl: https://example.org/awkward\n---\nOpération 🚓 Lac Bleu\r\n\r\n👩‍👩‍👧 Le re\u{301}seau : "
                + "the National Crime Agency said 14 people were arrested and 40 phones seized in Operation Blue Lake.\r\n"
                + "“We will find them,” said Troels Oerting, head of the European Cybercrime Centre.\r\n")
        let result = try cli.run("import", "awkward.md")
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    func check(_ file: String, _ extra: [String] = []) throws -> CLIRunner.Result {
        try cli.runProgram(
            PythonTools.program("python"),
            [PythonTools.script("check_annotations.py"), cli.path(file), cli.path("dossier.sqlite")] + extra)
    }

    @Test(
        "Python's sqlite3 resolves every TextQuoteSelector and TextPositionSelector against the stored bodies",
        .enabled(if: PythonTools.available))
    func selectorsResolve() throws {
        try importDocuments()
        let facts = try cli.sql(
            "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) FROM quotes) + (SELECT count(*) FROM mentions)")
        let export = try cli.run("export", "facts", "--format", "annotations", "--output", "facts.jsonld")
        #expect(export.exitCode == 0, "\(export.stderr)")
        #expect(export.stderr.contains("\(facts) annotations written to facts.jsonld"))
        let result = try check("facts.jsonld")
        #expect(result.exitCode == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(
            result.stdout.contains(
                "\(facts) annotations: \(facts) TextQuoteSelectors and \(facts) TextPositionSelectors resolved"))

        let rejected = try cli.sql("SELECT max(id) FROM figures")
        _ = try cli.sql("UPDATE figures SET status = 'rejected' WHERE id = \(rejected)")
        #expect(try cli.run("export", "facts", "--format", "annotations", "-o", "visible.jsonld").exitCode == 0)
        #expect(try check("visible.jsonld").exitCode == 0)
        #expect(
            try cli.run("export", "facts", "--format", "annotations", "--status", "rejected", "-o", "rejected.jsonld").exitCode
                == 0)
        let rejectedOnly = try check("rejected.jsonld", ["--status", "rejected"])
        #expect(rejectedOnly.exitCode == 0, "\(rejectedOnly.stderr)")
        #expect(rejectedOnly.stdout.hasPrefix("1 annotations"))
    }

    @Test("the checker is not vacuous: a selector one code point off fails it", .enabled(if: PythonTools.available))
    func checkerCatchesShift() throws {
        try importDocuments()
        #expect(try cli.run("export", "facts", "--format", "annotations", "-o", "facts.jsonld").exitCode == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: cli.path("facts.jsonld")))
        var annotations = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var target = try #require(annotations[0]["target"] as? [String: Any])
        var selectors = try #require(target["selector"] as? [[String: Any]])
        let exact = try #require(selectors[0]["exact"] as? String)
        selectors[0]["exact"] = String(exact.unicodeScalars.dropFirst()) + "x"
        target["selector"] = selectors
        annotations[0]["target"] = target
        try cli.write("shifted.jsonld", try JSONSerialization.data(withJSONObject: annotations))
        let result = try check("shifted.jsonld")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("exact"))
    }

    @Test("document filters narrow the facts, and the output is one JSON array")
    func filters() throws {
        try importDocuments()
        let result = try cli.run("export", "facts", "--format", "annotations", "--publisher", "nobody")
        #expect(result.exitCode == 0)
        #expect(result.stdout == "[]\n")
        let url = try cli.run("export", "facts", "--format", "annotations", "--operation", "blue-lake")
        let annotations = try JSONSerialization.jsonObject(with: Data(url.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(!annotations.isEmpty)
        for annotation in annotations {
            #expect((annotation["target"] as? [String: Any])?["source"] as? String == "https://example.org/awkward")
        }
    }
}
