import Foundation
import Testing

/// Files uploaded through `dossier serve`'s Import page: every format `dossier import` reads, the
/// same refusals in the same words, and whole requests refused before anything is written.
@Suite("CLI: serve, import by upload")
struct ServeImportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        #expect(try cli.run("init").exitCode == 0)
    }

    /// A curl option that sends `path` as one of the form's files, under `name`.
    func file(_ path: String, as name: String) -> [String] {
        ["-F", "files=@\(path);filename=\(name)"]
    }

    func upload(_ address: String, token: String, _ files: [String]) throws -> (status: Int, body: String) {
        try cli.fetch(address + "/import", extra: ["-F", "token=\(token)"] + files)
    }

    /// A message as a page shows it: HTML-escaped.
    func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test("text, Markdown, a saved page, an e-mail and a PDF imported as one batch; refusals worded as the CLI words them")
    func everyFormat() throws {
        let markdown = try cli.write(
            "release.md",
            "---\ntitle: Arrests in Lyon\npublisher: Police nationale\nlanguage: fr\n---\n25 suspects ont été interpellés à Lyon.\n"
        )
        let page = try cli.write(
            "page.html",
            """
            <!DOCTYPE html><html lang="en"><head><title>Operation Harbour | Europol</title>
            <meta property="og:site_name" content="Europol"></head><body><nav>Home · News · Contact</nav>
            <article><h1>Operation Harbour: 14 arrested</h1><p>Police in six countries arrested 14 suspects and seized 120 devices during Operation Harbour.</p>
            <p>Investigators identified 31 victims, Europol said on Tuesday.</p></article><footer>© Europol</footer></body></html>
            """)
        let message = try cli.write(
            "tip.eml",
            "From: Press Office <press@example.org>\r\nTo: desk@example.org\r\nSubject: 40 devices seized\r\n"
                + "Date: Tue, 4 Mar 2025 10:00:00 +0100\r\nMessage-ID: <upload-1@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Officers seized 40 devices and arrested 3 suspects in Ghent.\r\n")
        let pdf = try cli.write("release.pdf", PDFImportCLITests.release)
        let picture = try cli.write(
            "photo.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 1, count: 64))
        let empty = try cli.write("empty.txt", "")

        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let form = try cli.fetch(address + "/import")
        #expect(form.status == 200 && form.body.contains("enctype=\"multipart/form-data\""))
        let token = try #require(try cli.formToken(address, page: "/import"))
        let result = try upload(
            address, token: token,
            file(markdown, as: "release.md") + file(page, as: "page.html") + file(message, as: "tip.eml")
                + file(pdf, as: "release.pdf") + file(picture, as: "photo.txt") + file(empty, as: "empty.txt")
                + file(markdown, as: "<img src=x onerror=alert(1)>.md"))
        #expect(result.status == 200, "\(result.body)")
        #expect(result.body.contains("4 imported, 1 already archived, 2 refused"), "\(result.body)")
        #expect(
            result.body.contains("&lt;img src=x onerror=alert(1)&gt;.md") && !result.body.contains("<img"), "file names escaped")

        #expect(
            try cli.sql(
                "SELECT group_concat(file_name || ':' || source_format || ':' || (source_path IS NULL), ' ') FROM documents")
                == "release.md:text:1 page.html:html:1 tip.eml:eml:1 release.pdf:pdf:1")
        #expect(try cli.sql("SELECT count(*) || ' ' || min(operator) FROM import_batches") == "1 cli-test")
        #expect(try cli.sql("SELECT count(*) FROM figures WHERE document_id = 4") != "0", "the PDF's facts extracted")
        for id in 1...4 { #expect(result.body.contains("href=\"/documents/\(id)\"")) }

        // The same files refused by `dossier import`: the page gives its reasons word for word.
        for refusedFile in [picture, empty] {
            let cliResult = try cli.run("import", "--dry-run", refusedFile)
            #expect(cliResult.exitCode == 1)
            let reason = try #require(
                cliResult.stderr.components(separatedBy: "\(refusedFile): ").last?.trimmingCharacters(in: .newlines))
            #expect(result.body.contains(escaped(reason)), "\(reason)")
        }
    }

    @Test("refused uploads: forged token, no file, too many, too large, not a form; nothing written")
    func refusals() throws {
        let text = try cli.write("note.txt", "Police arrested 12 suspects.\n")
        let large = try cli.write("large.txt", String(repeating: "Police arrested 12 suspects. ", count: 400_000))
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address, page: "/import"))

        #expect(try upload(address, token: "0", file(text, as: "note.txt")).status == 403)
        let none = try cli.fetch(address + "/import", extra: ["-F", "token=\(token)", "-F", "files=@/dev/null;filename="])
        #expect(none.status == 400 && none.body.contains("Choose one or more files"), "\(none.body)")
        let many = try upload(address, token: token, (1...51).flatMap { file(text, as: "note\($0).txt") })
        #expect(many.status == 400 && many.body.contains("51 files were sent"), "\(many.body)")
        let huge = try upload(address, token: token, (1...3).flatMap { file(large, as: "large\($0).txt") })
        #expect(huge.status == 413 && huge.body.contains("larger than 32 MiB in all"), "\(huge.body)")
        let urlencoded = try cli.fetch(address + "/import", form: ["token": token])
        #expect(urlencoded.status == 400 && urlencoded.body.contains("multipart/form-data"), "\(urlencoded.body)")
        #expect(try cli.sql("SELECT count(*) FROM documents") == "0")
        #expect(try cli.sql("SELECT count(*) FROM import_batches") == "0", "refused before a batch was opened")

        // One file over the import's own limit is refused by the import, like any other refusal.
        let tooLarge = try upload(address, token: token, file(large, as: "large.txt") + file(text, as: "note.txt"))
        #expect(tooLarge.status == 200 && tooLarge.body.contains("1 imported, 0 already archived, 1 refused"))
        #expect(tooLarge.body.contains("larger than the 10 MiB limit") && tooLarge.body.contains("dossier import --max-size"))
        #expect(try cli.sql("SELECT group_concat(file_name) FROM documents") == "note.txt")
    }

    @Test("no Import page, route or link under --read-only")
    func readOnly() throws {
        let text = try cli.write("note.txt", "Police arrested 12 suspects.\n")
        let (server, address) = try cli.startServer(["--read-only"])
        defer { kill(server.pid, SIGKILL) }
        #expect(try cli.fetch(address + "/import").status == 404)
        #expect(try upload(address, token: "0", file(text, as: "note.txt")).status == 404)
        #expect(!(try cli.fetch(address + "/").body.contains("href=\"/import\"")))
        #expect(try cli.sql("SELECT count(*) FROM documents") == "0")
    }
}
