import Foundation
import Testing

/// Files written for these tests: invented releases in the style of Europol's.
let importFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Fixtures/import")

@Suite("CLI: import of saved web pages")
struct WebPageImportCLITests {
    let cli: CLIRunner
    let page = importFixtures.appending(path: "europol-operation-lantern.html").path

    init() throws {
        cli = try CLIRunner()
    }

    @Test("a saved Europol page imports as the article's text, with the page's metadata and the hash of its bytes")
    func savedPage() throws {
        let result = try cli.run("import", page)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try cli.sql("SELECT source_format || '|' || extractor_version || '|' || encoding FROM documents")
                == "html|dossier-html-1|utf-8")
        #expect(
            try cli.sql("SELECT title FROM documents")
                == "36 suspects identified in operation against child sexual exploitation online")
        #expect(
            try cli.sql("SELECT url FROM documents")
                == "https://www.europol.europa.eu/media-press/newsroom/news/36-suspects-identified-in-operation-lantern")
        #expect(
            try cli.sql("SELECT publisher || '|' || author || '|' || published_on || '|' || language FROM documents")
                == "Europol|Europol Press Office|2025-03-12|en")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: page))
        #expect(try cli.sql("SELECT original_sha256 FROM documents") == sha256(bytes))
        #expect(try cli.sql("SELECT size_bytes FROM documents") == String(bytes.count))

        let body = try cli.sql("SELECT body FROM documents")
        #expect(body.hasPrefix("Law enforcement authorities from 14 countries, supported by Europol"), "\(body)")
        #expect(body.hasSuffix("Exploited Children (NCMEC) in 2024."), "\(body)")
        #expect(body.contains("Twelve suspects were arrested.\n\nVictims safeguarded\n\nForensic analysis"))
        for boilerplate in [
            "cookies", "About Europol", "Share on", "Related news", "Privacy statement", "JavaScript", "dataLayer",
            "data:", "base64", "font-family", "Home", "Photo:", "Child sexual exploitation\n", "Eisenhowerlaan",
        ] {
            #expect(!body.contains(boilerplate), "the body holds \(boilerplate)")
        }
        // The headline is the title, not the first paragraph.
        #expect(!body.contains("36 suspects identified in operation"))
        // Extraction sees the paragraphs as in a text file.
        #expect(try cli.sql("SELECT count(*) FROM figures WHERE category = 'suspects_identified'") == "1")
        #expect(try cli.sql("SELECT count(*) FROM quotes") == "1")
        #expect(try cli.sql("SELECT count(*) FROM operations WHERE slug = 'lantern'") == "1")
        #expect(try cli.run("check").exitCode == 0)
        // The original is extracted again and gives the stored text.
        let againstSources = try cli.run("check", "--against-sources")
        #expect(againstSources.exitCode == 0, "\(againstSources.stdout)")
    }

    @Test("options win over what the page says, which wins over inference")
    func precedence() throws {
        let result = try cli.run("import", page, "--publisher", "Europol Press Office", "--published", "2025-03-13")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try cli.sql("SELECT publisher || '|' || published_on FROM documents") == "Europol Press Office|2025-03-13")
    }

    @Test("--dry-run shows the extracted text and the metadata, and writes nothing")
    func dryRun() throws {
        let result = try cli.run("import", page, "--dry-run")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("title: 36 suspects identified in operation against child sexual exploitation online"))
        #expect(result.stdout.contains("publisher: Europol  author: Europol Press Office  url: https://www.europol.europa.eu/"))
        #expect(result.stdout.contains("source: html, text extracted by dossier-html-1"))
        #expect(result.stdout.contains("  │ Forensic analysis of the seized devices is ongoing."), "\(result.stdout)")
        #expect(!result.stdout.contains("cookie"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test("review says where the text came from")
    func review() throws {
        #expect(try cli.run("import", page).exitCode == 0)
        let review = try cli.run("review", "1")
        #expect(review.exitCode == 0, "\(review.stderr)")
        #expect(
            review.stdout.contains(
                "Text extracted from a saved web page (html, europol-operation-lantern.html) by dossier-html-1."),
            "\(review.stdout)")
        let json = try cli.run("review", "1", "--format", "json")
        #expect(json.stdout.contains("\"source_format\" : \"html\"") || json.stdout.contains("\"source_format\":\"html\""))
    }

    @Test("the same page again is a duplicate; the page stored before as raw text is linked as the same source")
    func duplicatesAndSameSource() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: page))
        // Read from standard input, the page has no name and is stored as text, tags and all.
        #expect(try cli.run(["import", "-"], stdin: bytes).exitCode == 0)
        let imported = try cli.run("import", page)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("(same source as #1, extracted again)"), "\(imported.stdout)")
        #expect(
            try cli.sql("SELECT document_id || ' ' || relation || ' ' || target_document_id FROM document_links")
                == "2 same_source_as 1")
        let again = try cli.run("import", page)
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("duplicate"), "\(again.stdout)")
        #expect(try cli.sql("SELECT count(*) FROM documents") == "2")
    }

    @Test("a legacy page without a declared charset is read as windows-1252; a declared one is followed")
    func charsets() throws {
        try cli.write(
            "legacy.htm",
            Data(
                Array("<html><body><p>Europol a identifi".utf8) + [0xE9] + Array(" 36 suspects lors de l".utf8) + [0x92]
                    + Array("op".utf8) + [0xE9] + Array("ration Lantern.</p></body></html>".utf8)))
        try cli.write(
            "declared.xhtml",
            Data(
                Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le proc".utf8) + [0xE8]
                    + Array("s s'ouvrira en mai.</p></body></html>".utf8)))
        let result = try cli.run("import", cli.path("legacy.htm"), cli.path("declared.xhtml"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try cli.sql("SELECT body FROM documents ORDER BY id LIMIT 1")
                == "Europol a identifié 36 suspects lors de l’opération Lantern.")
        #expect(try cli.sql("SELECT body FROM documents ORDER BY id DESC LIMIT 1") == "Le procès s'ouvrira en mai.")
        #expect(try cli.sql("SELECT group_concat(encoding) FROM documents") == "windows-1252,windows-1252")
    }

    @Test(
        "a hostile or empty page is refused with one clear error naming it, exit code 1, and nothing stored",
        // A bomb must be refused, not worked through: a hang fails the test instead of stalling CI.
        .timeLimit(.minutes(1)),
        arguments: [
            (
                "deep.html", "<html><body>" + String(repeating: "<div>", count: 100_000) + "text</body></html>",
                "nests HTML elements deeper than libxml2's limit of 256"
            ),
            (
                "many.html", "<html><body>" + String(repeating: "<b>x", count: 400_001) + "</body></html>",
                "has more than 400,000 HTML tags"
            ),
            (
                "empty.html", "<html><head><title>Nothing</title><script>var x = 1;</script></head><body> </body></html>",
                "no readable text found in the page"
            ),
            ("image.html", "", "looks like a PNG image, not text; Dossier archives text only"),
        ])
    func hostile(name: String, content: String, message: String) throws {
        let data = name == "image.html" ? Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) : Data(content.utf8)
        try cli.expectImportRefused(name, data, message: message)
    }
}

/// The SHA-256 of `data` in hex, from coreutils' sha256sum: not from Dossier's own code.
func sha256(_ data: Data) throws -> String {
    let file = FileManager.default.temporaryDirectory.appending(path: "dossier-sha-\(UUID().uuidString)")
    try data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}
