import Foundation
import Synchronization
import Testing
import ZIPFoundation

/// `dossier serve` run as a user runs it, and read over HTTP with curl.
@Suite("CLI: serve")
struct ServeCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        try cli.write(
            "hostile.md",
            """
            ---
            title: "<script>alert('title')</script> Europol"
            publisher: Europol
            ---
            Europol said 25 suspects were arrested. <script>alert('body')</script> <img src=x onerror=alert(1)>

            """)
        let imported = try cli.run("import", seedDocuments, cli.path("hostile.md"), "--quiet")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
    }

    @Test("pages: overview, search with highlighted matches, a document with its facts in place, the review queue")
    func pages() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let overview = try cli.fetch(address + "/")
        #expect(overview.status == 200)
        #expect(overview.body.contains("Review progress"))
        #expect(overview.body.contains("dossier.sqlite") && !overview.body.contains(cli.directory.path), "named by file name")
        let search = try cli.fetch(address + "/documents?q=arretes")
        #expect(search.status == 200)
        #expect(search.body.contains("<mark>arrêtés</mark>"), "accent-insensitive, matches highlighted")
        let document = try cli.fetch(address + "/documents/2")
        #expect(document.status == 200)
        #expect(document.body.contains("class=\"fact figure extracted\" data-label=\"F1\""))
        #expect(document.body.contains("class=\"fact organisation extracted\""), "a mention marked by its entity's kind")
        #expect(document.body.contains("SHA-256 (text)"))
        #expect(try cli.fetch(address + "/review").body.contains("/documents/1"))
        #expect(try cli.fetch(address + "/documents/999").status == 404)
    }

    @Test("a document's text and title are shown as text, never run as HTML")
    func escaping() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let page = try cli.fetch(address + "/documents/3").body
        #expect(page.contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"))
        #expect(page.contains("&lt;img src=x onerror=alert("))
        #expect(!page.contains("<script>alert") && !page.contains("<img src=x"))
        let list = try cli.fetch(address + "/documents").body
        #expect(!list.contains("<script>alert('title')"))
    }

    @Test(
        "confirm and reject go through the library, land in the history under the operator; a form without the token is refused")
    func decisions() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let page = try cli.fetch(address + "/documents/1").body
        let token = try #require(
            page.firstMatch(of: /name="token" value="([0-9a-f]+)"/).map { String($0.output.1) })
        let figures = try cli.sql("SELECT group_concat(id) FROM figures WHERE document_id = 1").split(separator: ",")
        let (first, second, third) = (String(figures[0]), String(figures[1]), String(figures[2]))

        let confirmed = try cli.fetch(address + "/figures/\(first)/confirm", form: ["token": token, "back": "/documents/1"])
        #expect(confirmed.status == 303)
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(first)") == "confirmed")
        let history = try cli.run("history", "figure", first)
        #expect(history.stdout.contains("cli-test") && history.stdout.contains("confirm"), "\(history.stdout)")

        let rejected = try cli.fetch(
            address + "/figures/\(second)/reject", form: ["token": token, "reason": "a year, not a count"])
        #expect(rejected.status == 303)
        #expect(
            try cli.sql("SELECT status || '|' || status_reason FROM figures WHERE id = \(second)")
                == "rejected|a year, not a count")

        #expect(try cli.fetch(address + "/figures/\(third)/confirm", form: ["token": "forged"]).status == 403)
        #expect(try cli.fetch(address + "/figures/\(third)/reject", form: ["token": token, "reason": " "]).status == 400)
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(third)") == "extracted")
    }

    @Test("SIGTERM stops the server cleanly; a missing archive is refused before serving, and not created")
    func lifecycle() throws {
        let (server, _) = try cli.startServer()
        kill(server.pid, SIGTERM)
        let result = try server.wait()
        #expect(result.exitCode == 0, "\(result.stderr)")
        let missing = try cli.run("serve", "--db", "missing.sqlite", "--port", "0")
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("missing.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("missing.sqlite")))
    }

    @Test("two reviewers confirming one fact at once: one decides, the other is told so (409), and the log holds one decision")
    func concurrentDecisions() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let page = try cli.fetch(address + "/documents/1").body
        let token = try #require(page.firstMatch(of: /name="token" value="([0-9a-f]+)"/).map { String($0.output.1) })
        let figure = try cli.sql("SELECT min(id) FROM figures WHERE document_id = 1")
        let statuses = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let status =
                (try? cli.fetch(address + "/figures/\(figure)/confirm", form: ["token": token, "expected": "extracted"]))?
                .status
            statuses.withLock { $0.append(status ?? 0) }
        }
        #expect(statuses.withLock { $0.sorted() } == [303, 409])
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'confirm' AND entity_id = \(figure)") == "1")
    }

    @Test(
        "a decision while another process holds the write lock past --busy-timeout: 503 with a retry hint, then done once it lets go"
    )
    func busyArchive() throws {
        let (server, address) = try cli.startServer(["--busy-timeout", "0.5"])
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address))
        let figure = try cli.sql("SELECT min(id) FROM figures")
        // sqlite3 takes the write lock and keeps it while its standard input stays open.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [cli.path("dossier.sqlite")]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let busy = try cli.runProgram(
            "/usr/bin/curl",
            [
                "-s", "-D", "-", "-o", "/dev/null", "--data-urlencode", "token=\(token)", "--data-urlencode",
                "expected=extracted",
                address + "/figures/\(figure)/confirm",
            ]
        ).stdout.lowercased()
        #expect(busy.contains(" 503") && busy.contains("retry-after: 5"), "\(busy)")
        #expect(try cli.fetch(address + "/documents/1").status == 200, "pages still read while the write lock is held")
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        let done = try cli.fetch(address + "/figures/\(figure)/confirm", form: ["token": token, "expected": "extracted"])
        #expect(done.status == 303)
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(figure)") == "confirmed")
        #expect(try cli.run("serve", "--busy-timeout", "0").exitCode == 2)
    }

    @Test("pages load no inline script and say so in their Content-Security-Policy; --read-only offers and takes no decision")
    func securityHeadersAndReadOnly() throws {
        let (server, address) = try cli.startServer(["--read-only"])
        defer { kill(server.pid, SIGKILL) }
        let headers = try cli.runProgram("/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null", address + "/documents/1"]).stdout
        #expect(headers.lowercased().contains("content-security-policy: default-src 'none'; style-src 'self'; script-src 'self'"))
        let page = try cli.fetch(address + "/documents/1").body
        #expect(page.contains("<script src=\"/static/review.js\" defer></script>"))
        #expect(page.components(separatedBy: "<script").count == 2, "one script, loaded from the server")
        #expect(!page.contains("action=\"/figures/"), "no decision forms")
        #expect(try cli.fetch(address + "/static/review.js").status == 200)
        let figure = try cli.sql("SELECT min(id) FROM figures")
        #expect(try cli.fetch(address + "/figures/\(figure)/confirm", form: ["token": "x"]).status == 404)
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(figure)") == "extracted")
    }

    @Test("an access token: required beyond loopback, asked once, kept in an HttpOnly SameSite=Strict cookie")
    func accessToken() throws {
        let exposed = try cli.run("serve", "--host", "0.0.0.0", "--port", "0")
        #expect(exposed.exitCode == 2)
        #expect(exposed.stderr.contains("--token"))
        let secret = "a-long-enough-access-token-123"
        let (server, address) = try cli.startServer(["--token", secret])
        defer { kill(server.pid, SIGKILL) }
        #expect(try cli.fetch(address + "/").status == 303, "sent to sign in")
        #expect(try cli.fetch(address + "/login", form: ["token": "wrong"]).status == 403)
        let signIn = try cli.runProgram(
            "/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null", "--data-urlencode", "token=\(secret)", address + "/login"]
        ).stdout
        #expect(signIn.contains("HttpOnly") && signIn.contains("SameSite=Strict"), "\(signIn)")
        #expect(try cli.fetch(address + "/", extra: ["-b", "dossier_access=\(secret)"]).status == 200)
        #expect(try cli.fetch(address + "/", extra: ["-b", "dossier_access=wrong"]).status == 303)
    }

    @Test("operation, organisation and person pages, conflicts, and downloads that are the CLI's own exports and reports")
    func entityPagesAndDownloads() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let operation = try cli.fetch(address + "/operations/cumberland")
        #expect(operation.status == 200 && operation.body.contains("Operation Cumberland"))
        #expect(try cli.fetch(address + "/operations").body.contains("href=\"/operations/cumberland\""))
        #expect(try cli.fetch(address + "/organisations/europol").status == 200)
        #expect(try cli.fetch(address + "/conflicts").status == 200)
        #expect(try cli.fetch(address + "/operations/no-such-operation").status == 404)
        let csv = try cli.fetch(address + "/downloads/figures.csv")
        #expect(csv.status == 200)
        #expect(csv.body == (try cli.run("export", "figures").stdout), "the same bytes as dossier export figures")
        #expect(try cli.fetch(address + "/downloads/report-overview.html").body.contains("<!DOCTYPE html>"))
        #expect(try cli.fetch(address + "/downloads/..%2F..%2Fetc%2Fpasswd").status == 404)
        #expect(try cli.fetch(address + "/downloads/nope.csv").status == 404)
    }

    @Test("the overview shows the operations a page at a time, with their headline figures")
    func operationsPaginated() throws {
        for number in 1...30 {
            #expect(try cli.run("operation", "add", "Operation Test \(String(format: "%02d", number))").exitCode == 0)
        }
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let first = try cli.fetch(address + "/").body
        #expect(first.contains("Operations 1–25 of 31.") && first.contains("href=\"/?page=2\""), "\(first)")
        #expect(first.contains("Operation Cumberland") && !first.contains("Operation Test 30"))
        let second = try cli.fetch(address + "/?page=2").body
        #expect(second.contains("Operations 26–31 of 31.") && second.contains("Operation Test 30"))
        #expect(second.contains("href=\"/?page=1\"") && !second.contains("href=\"/?page=3\""))
        #expect(try cli.run("report").stdout.contains("Operation Test 30"), "the command line's report still shows them all")
    }

    @Test("a document's page links its translations both ways; an address that is not http(s) is never a link")
    func documentLinks() throws {
        let original = try cli.sql("SELECT substr(sha256, 1, 16) FROM documents WHERE id = 2")
        try cli.write(
            "english.md",
            "---\ntitle: Europol report on live-streamed abuse\ntranslation_of: \(original)\ncites: [\"javascript:alert(1)\", \"https://www.europol.europa.eu/iocta\"]\n---\nEuropol said 25 suspects were arrested.\n"
        )
        #expect(try cli.run("import", cli.path("english.md"), "--quiet").exitCode == 0)
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let translation = try cli.fetch(address + "/documents/4").body
        #expect(translation.contains("Translation of <a href=\"/documents/2\">#2 Un rapport d’Europol"), "\(translation)")
        #expect(translation.contains("Cites javascript:alert(1)") && !translation.contains("href=\"javascript:"))
        #expect(translation.contains("<a href=\"https://www.europol.europa.eu/iocta\" rel=\"noreferrer noopener\">"))
        let original2 = try cli.fetch(address + "/documents/2").body
        #expect(original2.contains("Translated as <a href=\"/documents/4\">#4 Europol report on live-streamed abuse</a>"))
    }

    @Test("the connections the server keeps open follow the archive: another process's import and a restore show at once")
    func connectionsFollowTheArchive() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address))
        // Warm the pool and the writer's connection.
        for _ in 0..<3 { #expect(try cli.fetch(address + "/documents/3").status == 200) }
        #expect(try cli.run("backup", cli.path("before.sqlite")).exitCode == 0)
        try cli.write("later.md", "---\ntitle: Later release\n---\nPolice arrested 7 suspects.\n")
        #expect(try cli.run("import", cli.path("later.md"), "--quiet").exitCode == 0)
        #expect(try cli.fetch(address + "/documents/4").body.contains("Later release"), "an import by another process")
        let figure = try cli.sql("SELECT min(id) FROM figures WHERE document_id = 4")
        let confirmed = try cli.fetch(address + "/figures/\(figure)/confirm", form: ["token": token, "expected": "extracted"])
        #expect(confirmed.status == 303)

        let restored = try cli.run("restore", cli.path("before.sqlite"), "--force")
        #expect(restored.exitCode == 0, "\(restored.stderr)")
        #expect(try cli.fetch(address + "/documents/4").status == 404, "the restored archive has no document 4")
        let figureOfRestored = try cli.sql("SELECT min(id) FROM figures WHERE document_id = 3")
        let afterRestore = try cli.fetch(
            address + "/figures/\(figureOfRestored)/confirm", form: ["token": token, "expected": "extracted"])
        #expect(afterRestore.status == 303)
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(figureOfRestored)") == "confirmed")
        #expect(try cli.run("check", "--quick").exitCode == 0, "the decision sealed like any other")
    }

    @Test("the whole archive downloads as one zip: the folder `export --all` writes, whole and verifiable")
    func bundleDownload() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let zip = cli.path("download.zip")
        let headers = try cli.runProgram(
            "/usr/bin/curl", ["-s", "-D", "-", "-o", zip, address + "/downloads/archive.zip"]
        ).stdout
        #expect(headers.contains("200") && headers.lowercased().contains("content-type: application/zip"), "\(headers)")
        let folder = try #require(headers.firstMatch(of: /filename="(dossier-\d{4}-\d{2}-\d{2})\.zip"/)).output.1
        try FileManager.default.unzipItem(at: URL(fileURLWithPath: zip), to: URL(fileURLWithPath: cli.path("unzipped")))
        let unzipped = cli.path("unzipped/\(folder)")
        let verified = try cli.runProgram("/bin/sh", ["-c", "cd '\(unzipped)' && sha256sum -c --quiet SHA256SUMS"])
        #expect(verified.exitCode == 0, "\(verified.stdout)\(verified.stderr)")
        #expect(try cli.run("export", "--all", "cli-bundle").exitCode == 0)
        for table in ["documents.csv", "figures.csv", "events.csv"] {
            #expect(
                FileManager.default.contents(atPath: "\(unzipped)/\(table)")
                    == FileManager.default.contents(atPath: cli.path("cli-bundle/\(table)")), "\(table) as the CLI writes it")
        }
    }

    @Test("documents narrow by operation, publication dates and review state, in the list and in search")
    func documentFilters() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let cumberland = try cli.fetch(address + "/documents?operation=cumberland").body
        #expect(cumberland.contains("href=\"/documents/1\"") && !cumberland.contains("href=\"/documents/2\""))
        #expect(cumberland.contains("<option value=\"cumberland\" selected>"))
        // Decide every figure and quote of document 3: it leaves the documents waiting for review.
        let figures = try cli.sql("SELECT group_concat(id, ' ') FROM figures WHERE document_id = 3")
        #expect(try cli.run(["figure", "confirm"] + figures.split(separator: " ").map(String.init)).exitCode == 0)
        let waiting = try cli.fetch(address + "/documents?review=waiting").body
        #expect(!waiting.contains("href=\"/documents/3\"") && waiting.contains("href=\"/documents/1\""))
        let reviewed = try cli.fetch(address + "/documents?review=reviewed").body
        #expect(reviewed.contains("href=\"/documents/3\"") && !reviewed.contains("href=\"/documents/1\""))
        #expect(try cli.fetch(address + "/documents?q=europol&review=reviewed").body.contains("href=\"/documents/3\""))
        #expect(try cli.fetch(address + "/documents?since=2030").body.contains("No documents."))
    }
}
