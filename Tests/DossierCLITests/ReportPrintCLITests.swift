import Foundation
import Testing

/// The HTML reports printed to PDF by headless Chromium, as a reader prints them, and read back with
/// poppler's pdfinfo and pdftotext: A4 pages, none blank at the start, every page numbered, and wide
/// tables whole on the page.
@Suite("CLI: reports printed")
struct ReportPrintCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        #expect(try cli.run("import", seedDocuments, "--quiet").exitCode == 0)
    }

    /// Prints report `arguments` (written as HTML) to PDF; returns the text of each page.
    func printed(_ name: String, _ arguments: [String]) throws -> (info: String, pages: [String]) {
        let html = cli.path("\(name).html")
        let pdf = cli.path("\(name).pdf")
        let written = try cli.run(["report"] + arguments + ["--format", "html", "--output", html])
        #expect(written.exitCode == 0, "\(written.stderr)")
        let printing = try cli.runProgram(
            "/usr/bin/chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
                "file://\(html)",
            ])
        #expect(printing.exitCode == 0, "\(printing.stderr)")
        let info = try cli.runProgram("/usr/bin/pdfinfo", [pdf]).stdout
        let count = Int(info.firstMatch(of: /Pages:\s+(\d+)/)?.output.1 ?? "0") ?? 0
        let pages = try (0..<count).map { page in
            try cli.runProgram("/usr/bin/pdftotext", ["-layout", "-f", "\(page + 1)", "-l", "\(page + 1)", pdf, "-"]).stdout
        }
        return (info, pages)
    }

    @Test(
        "overview, operation, sources and conflicts reports print on A4, open with their title, number every page, in English and French",
        .enabled(if: Browser.available))
    func a4() throws {
        let reports: [(String, [String], String)] = [
            ("overview-en", ["overview"], "Dossier"), ("overview-fr", ["overview", "--lang", "fr"], "Dossier"),
            ("operation-fr", ["operation", "cumberland", "--lang", "fr"], "Cumberland"),
            ("sources", ["sources"], "Sources"), ("conflicts", ["conflicts"], "onflict"),
        ]
        for (name, arguments, title) in reports {
            let (info, pages) = try printed(name, arguments)
            #expect(info.contains("(A4)"), "\(name): \(info)")
            let first = try #require(pages.first, "\(name) printed no page")
            #expect(first.contains(title), "\(name): the first page is the report's, not a blank one")
            for (index, page) in pages.enumerated() {
                let number = try Regex("\\b\(index + 1)\\s*/\\s*\(pages.count)\\b")
                #expect(page.contains(number), "\(name): page \(index + 1) is numbered")
            }
        }
    }

    @Test("the sources report's widest table keeps its last column on the page", .enabled(if: Browser.available))
    func wideTable() throws {
        let text = try printed("sources-wide", ["sources"]).pages.joined()
        #expect(text.contains("Mentions"), "the last column's heading")
        let hash = try cli.sql("SELECT substr(sha256, 1, 12) FROM documents WHERE id = 2")
        #expect(text.contains(hash))
    }
}
