import Foundation
import Testing

@Suite("CLI: import of PDF releases")
struct PDFImportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    /// A two-page release as a press office lays it out: wrapped lines, words hyphenated at line
    /// ends, a running header and a numbered footer on every page.
    static let release = TestPDF.make(
        pages: [
            [
                "Operation Lantern: 36 suspects identified",
                "",
                "The Hague, 12 March 2025",
                "",
                "Law enforcement authorities from 14 countries, supported by Europol, have",
                "identified 36 suspects in an operation targeting the distribu-",
                "tion of child sexual abuse material. During the action days, investigators",
                "carried out 41 house searches and seized 212 electronic devices. Twelve",
                "suspects were arrested.",
                "",
                "Forensic analysis of the seized devices is ongoing. So far, investi-",
                "gators have safeguarded 9 children.",
            ],
            [
                "“Every identified offender is one less person who can harm a child,” said",
                "Anna Kowalczyk, Head of Europol’s European Cybercrime Centre.",
                "",
                "Europol coordinated the exchange of information between the participating",
                "countries and provided analytical support.",
            ],
        ],
        header: "EUROPOL PUBLIC INFORMATION", footer: { "Page \($0) of \($1)" },
        title: "Operation Lantern: 36 suspects identified", author: "Europol Press Office",
        created: "D:20250312100000+01'00'")

    @Test("a text PDF imports as paragraphs: hyphenation undone, lines joined, running header and footer removed")
    func textPDF() throws {
        guard PDFTools.available else { return }
        try cli.write("lantern.pdf", Self.release)
        let result = try cli.run("import", cli.path("lantern.pdf"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        let body = try cli.sql("SELECT body FROM documents")
        #expect(
            body
                == """
                Operation Lantern: 36 suspects identified

                The Hague, 12 March 2025

                Law enforcement authorities from 14 countries, supported by Europol, have identified 36 suspects \
                in an operation targeting the distribution of child sexual abuse material. During the action days, \
                investigators carried out 41 house searches and seized 212 electronic devices. Twelve suspects \
                were arrested.

                Forensic analysis of the seized devices is ongoing. So far, investigators have safeguarded 9 \
                children.

                “Every identified offender is one less person who can harm a child,” said Anna Kowalczyk, Head of \
                Europol’s European Cybercrime Centre.

                Europol coordinated the exchange of information between the participating countries and provided \
                analytical support.
                """, "\(body)")
        #expect(
            try cli.sql("SELECT title || '|' || author || '|' || published_on || '|' || language FROM documents")
                == "Operation Lantern: 36 suspects identified|Europol Press Office|2025-03-12|en")
        #expect(
            try cli.sql("SELECT source_format || '|' || extractor_version FROM documents")
                == "pdf|dossier-pdf-1 (poppler pdftotext)")
        #expect(try cli.sql("SELECT original_sha256 FROM documents") == sha256(Self.release))
        #expect(try cli.sql("SELECT count(*) FROM figures WHERE category = 'suspects_arrested'") == "1")
        #expect(try cli.sql("SELECT count(*) FROM quotes") == "1")
        let review = try cli.run("review", "1")
        #expect(review.stdout.contains("Text extracted from a PDF (pdf, lantern.pdf) by dossier-pdf-1 (poppler pdftotext)."))
        #expect(try cli.run("check").exitCode == 0)
        #expect(try cli.run("check", "--against-sources").exitCode == 0)
    }

    @Test("--dry-run shows the PDF's text and metadata and writes nothing")
    func dryRun() throws {
        guard PDFTools.available else { return }
        try cli.write("lantern.pdf", Self.release)
        let result = try cli.run("import", cli.path("lantern.pdf"), "--dry-run")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  │ Forensic analysis of the seized devices is ongoing. So far, investigators have"))
        #expect(result.stdout.contains("source: pdf, text extracted by dossier-pdf-1"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test(
        "a scan, a broken PDF or a PDF with too many pages is refused with one clear error, exit 1, nothing stored",
        arguments: [
            ("scan.pdf", TestPDF.make(pages: [[], []]), "has no text layer (a scanned PDF?); Dossier does no OCR"),
            ("broken.pdf", Data("%PDF-1.4\n".utf8), "is not a readable PDF"),
            ("renamed.pdf", Data("Just text with a PDF name.\n".utf8), "is not a readable PDF"),
            (
                "huge.pdf", TestPDF.make(pages: Array(repeating: ["One line."], count: 1_001)),
                "has 1001 pages, more than the 1000 Dossier reads from one PDF"
            ),
        ])
    func refused(name: String, content: Data, message: String) throws {
        guard PDFTools.available else { return }
        try cli.expectImportRefused(name, content, message: message)
    }

    @Test("without poppler-utils the error says how to install it")
    func popplerMissing() throws {
        try cli.write("lantern.pdf", Self.release)
        let result = try cli.runProgram(
            "/usr/bin/env",
            ["PATH=/nonexistent", CLIRunner.binary.path, "import", cli.path("lantern.pdf"), "--db", cli.path("a.sqlite")])
        #expect(result.exitCode == 1)
        #expect(
            result.stderr.contains(
                "lantern.pdf: needs pdfinfo to read PDFs: install it with `sudo apt-get install poppler-utils`"),
            "\(result.stderr)")
    }
}

/// poppler-utils, which Scripts/install-dependencies installs; CI requires them (DOSSIER_REQUIRE_PDF_TOOLS).
enum PDFTools {
    static let available: Bool = {
        let found = ["/usr/bin/pdftotext", "/usr/bin/pdfinfo"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
        if !found && ProcessInfo.processInfo.environment["DOSSIER_REQUIRE_PDF_TOOLS"] != nil {
            fatalError("poppler-utils are required (DOSSIER_REQUIRE_PDF_TOOLS) but pdftotext or pdfinfo is missing")
        }
        return found
    }()
}
