import Foundation
import Testing

@testable import DossierKit

@Suite("Annotation export")
struct AnnotationExportTests {
    let test: TestArchive

    init() throws {
        test = try TestArchive()
    }

    /// Astral characters (one code point, two UTF-16 units), a family emoji (five code points, one
    /// character), combining accents and CRLF (one character, two code points) before the facts:
    /// any confusion of code points with characters or UTF-16 units moves every span after them.
    static let awkwardText =
        "Opération 🚓 Cumberland\r\n\r\n👩‍👩‍👧 Europol said 25 suspects were arrested and 33 house searches carried out "
        + "in Operation Cumberland on 26 February 2025.\r\nLe re\u{301}seau a e\u{301}te\u{301} de\u{301}mantele\u{301}.\r\n"
        + "“These images are so easily created that anyone can produce them,” said Catherine De Bolle, Europol Executive Director."

    func importDocument(_ name: String, _ text: String) throws {
        let path = try test.directory.write(name, text)
        let summary = try Importer(
            archive: test.archive, options: ImportOptions(operatorName: "tester"), extractor: try FactExtractor.builtIn()
        ).run([.file(path: path)])
        #expect(summary.imported == 1)
    }

    func annotations(filter: ExportFilter = ExportFilter()) throws -> [[String: Any]] {
        var bytes: [UInt8] = []
        try AnnotationExporter(archive: test.archive).export(filter: filter) { bytes += $0 }
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
    }

    /// SQLite's own reading of a span of a document's body, independent of Dossier's Swift code.
    func substr(_ document: Int64, _ start: Int, _ length: Int) throws -> String {
        try test.connection.queryFirst(
            "SELECT substr(body, ?, ?) FROM documents WHERE id = ?", [start + 1, length, document]
        ) { $0.string(0) } ?? "?"
    }

    @Test("selectors match SQLite's substr on code points, with at most 32 code points of context")
    func selectors() throws {
        try importDocument("awkward.txt", Self.awkwardText)
        let annotations = try annotations()
        let facts = try test.count("figures") + test.count("quotes") + test.count("mentions")
        #expect(annotations.count == facts)
        #expect(facts >= 5)
        for annotation in annotations {
            let target = try #require(annotation["target"] as? [String: Any])
            let selectors = try #require(target["selector"] as? [[String: Any]])
            let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
            let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
            let start = try #require(position["start"] as? Int)
            let end = try #require(position["end"] as? Int)
            let exact = try #require(quote["exact"] as? String)
            let prefix = quote["prefix"] as? String ?? ""
            let suffix = quote["suffix"] as? String ?? ""
            #expect(exact == (try substr(1, start, end - start)))
            #expect(prefix == (try substr(1, max(0, start - 32), min(start, 32))))
            #expect(suffix == (try substr(1, end, 32)))
            #expect(prefix.unicodeScalars.count <= 32 && suffix.unicodeScalars.count <= 32)
            #expect(target["source"] as? String == "urn:dossier:archive.sqlite:document:1")
            #expect(target["dossier:document"] as? String == "urn:dossier:archive.sqlite:document:1")
        }
    }

    @Test("each kind of fact has its id, motivation and body; the context declares the dossier: prefix")
    func bodies() throws {
        try importDocument("awkward.txt", Self.awkwardText)
        let annotations = try annotations()
        let context = try #require(annotations.first?["@context"] as? [Any])
        #expect(context.first as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect((context.last as? [String: String])?["dossier"] == FactAnnotation.vocabulary)
        func first(_ kind: String) throws -> [String: Any] {
            try #require(annotations.first { ($0["id"] as? String)?.contains(":\(kind):") == true })
        }
        let figure = try first("figure")
        let figureID = try #require(try test.connection.scalarInt("SELECT id FROM figures WHERE value = 25"))
        let figure25 = try #require(annotations.first { $0["id"] as? String == "urn:dossier:archive.sqlite:figure:\(figureID)" })
        #expect(figure["type"] as? String == "Annotation")
        #expect(figure["motivation"] as? String == "describing")
        let body = try #require(figure25["body"] as? [String: Any])
        #expect(body["type"] as? String == "dossier:Figure")
        #expect(body["dossier:kind"] as? String == "figure")
        #expect(body["value"] as? Double == 25)
        #expect(body["dossier:unit"] as? String == "count")
        #expect(body["dossier:status"] as? String == "extracted")
        #expect(body["dossier:category"] != nil)

        let quote = try first("quote")
        #expect(quote["motivation"] as? String == "describing")
        let quoteBody = try #require(quote["body"] as? [String: Any])
        #expect(quoteBody["dossier:speaker"] as? String == "Catherine De Bolle")
        #expect((quoteBody["value"] as? String)?.contains("easily created") == true)

        let mention = try first("mention")
        #expect(mention["motivation"] as? String == "tagging")
        let mentionBody = try #require(mention["body"] as? [String: Any])
        #expect(mentionBody["type"] as? String == "dossier:Mention")
        #expect(mentionBody["dossier:slug"] != nil && mentionBody["dossier:entity_type"] != nil)
    }

    @Test("the source is the document's URL when it has one; rejected facts only when asked for")
    func sourceAndStatus() throws {
        try importDocument(
            "release.md",
            "---\nurl: https://example.org/release\n---\nEuropol said 25 suspects were arrested and 33 houses searched.\n")
        let all = try annotations()
        for annotation in all {
            #expect((annotation["target"] as? [String: Any])?["source"] as? String == "https://example.org/release")
        }
        let rejected = try #require(try test.connection.scalarInt("SELECT min(id) FROM figures"))
        try test.connection.execute("UPDATE figures SET status = 'rejected' WHERE id = ?", [rejected])
        let rejectedID = "urn:dossier:archive.sqlite:figure:\(rejected)"
        let visible = try annotations()
        #expect(visible.count == all.count - 1)
        #expect(!visible.contains { $0["id"] as? String == rejectedID })
        var filter = ExportFilter()
        filter.status = .only(.rejected)
        #expect(try annotations(filter: filter).compactMap { $0["id"] as? String } == [rejectedID])
        filter = ExportFilter()
        filter.category = "arrests"
        #expect(throws: UsageError.self) { try annotations(filter: filter) }
    }

    @Test("code point text: an emoji family is five code points, and spans outside the text are refused")
    func codePointText() {
        let text = CodePointText("a👩‍👩‍👧b\r\nc")
        #expect(text.count == 10)
        let family = text.quote(start: 1, end: 6, context: 1)
        #expect(family?.prefix == "a" && family?.exact == "👩‍👩‍👧" && family?.suffix == "b")
        let atStart = text.quote(start: 0, end: 1, context: 32)
        #expect(atStart?.prefix == "" && atStart?.suffix == "👩‍👩‍👧b\r\nc")
        #expect(text.quote(start: 7, end: 8, context: 0)?.exact == "\r")
        #expect(text.quote(start: 9, end: 11, context: 2) == nil)
        #expect(text.quote(start: 3, end: 2, context: 2) == nil)
    }

    @Test("URNs name the archive by its file name, percent-encoded")
    func urns() {
        #expect(ArchiveURN(archivePath: "/srv/data/dossier.sqlite").name("figure", 12) == "urn:dossier:dossier.sqlite:figure:12")
        let awkward = ArchiveURN(archivePath: "exports/my archive: é.sqlite")
        #expect(awkward.archiveName == "my archive: é.sqlite")
        #expect(awkward.name("document", 3) == "urn:dossier:my%20archive%3A%20%C3%A9.sqlite:document:3")
    }

    @Test("each format serves only the subject it means something for")
    func formatsAndSubjects() {
        for subject in ExportSubject.all { #expect(ExportSubject(name: subject.name) == subject) }
        #expect(ExportFormat.ris.refusal(for: .table(.documents)) == nil)
        #expect(ExportFormat.cslJSON.refusal(for: .table(.documents)) == nil)
        #expect(ExportFormat.annotations.refusal(for: .facts) == nil)
        #expect(ExportFormat.json.refusal(for: .table(.figures)) == nil)
        #expect(ExportFormat.xlsx.refusal(for: .table(.figures)) == nil)
        #expect(ExportFormat.ris.refusal(for: .table(.figures))?.contains("documents only") == true)
        #expect(ExportFormat.cslJSON.refusal(for: .facts) != nil)
        #expect(ExportFormat.csv.refusal(for: .facts)?.contains("--format annotations") == true)
        #expect(ExportFormat.xlsx.refusal(for: .facts) != nil)
        #expect(ExportFormat.annotations.refusal(for: .table(.documents))?.contains("dossier export facts") == true)
        #expect(ExportFormat(rawValue: "csl-json")?.citations == .cslJSON && ExportFormat.xlsx.rows == nil)
        #expect(ExportSubject(name: "fact") == nil && ExportSubject.facts.table == nil)
    }
}
