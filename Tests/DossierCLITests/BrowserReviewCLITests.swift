import Foundation
import Testing

/// Debian's Chromium and its WebDriver, which `Scripts/install-browser` installs (CI runs it).
/// With DOSSIER_REQUIRE_BROWSER set their absence fails instead of skipping.
enum Browser {
    static let available =
        PythonTools.available && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    static let required = ProcessInfo.processInfo.environment["DOSSIER_REQUIRE_BROWSER"] != nil
}

@Suite("CLI: review in a real browser")
struct BrowserReviewCLITests {
    @Test("Chromium is installed where it is required", .enabled(if: Browser.required))
    func present() {
        #expect(Browser.available, "run Scripts/install-browser: DOSSIER_REQUIRE_BROWSER is set")
    }

    @Test(
        "in headless Chromium a reviewer confirms, rejects, adds a figure from a selection and undoes it with the keyboard, searches and downloads a CSV; the archive records it all",
        .enabled(if: Browser.available))
    func keyboardReview() throws {
        let cli = try CLIRunner()
        #expect(try cli.run("import", seedDocuments, "--quiet").exitCode == 0)
        let run = try cli.runProgram(
            PythonTools.program("python"),
            [
                PythonTools.script("browser_review.py"), CLIRunner.binary.path, cli.path("dossier.sqlite"),
                cli.path("screenshots"),
            ])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let figure = try #require(run.stdout.firstMatch(of: /confirmed figure (\d+)/).map { String($0.output.1) })
        let quote = try #require(run.stdout.firstMatch(of: /rejected quote (\d+)/).map { String($0.output.1) })
        #expect(run.stdout.contains("search: arrêtés"))

        let figureHistory = try cli.run("history", "figure", figure).stdout
        #expect(figureHistory.contains("browser-test") && figureHistory.contains("confirm"), "\(figureHistory)")
        let quoteHistory = try cli.run("history", "quote", quote).stdout
        #expect(quoteHistory.contains("reject") && quoteHistory.contains("the speaker is wrong"), "\(quoteHistory)")
        let confirmed = try cli.run("export", "figures", "--status", "confirmed", "--columns", "id").stdout
        #expect(confirmed.split(whereSeparator: \.isNewline).dropFirst().map(String.init) == [figure])

        // The figure added from a selection sits exactly on the words selected, and the undo withdrew it.
        let added = try #require(
            run.stdout.firstMatch(of: /added figure (\d+): (.+)/).map { (String($0.output.1), String($0.output.2)) })
        #expect(
            try cli.sql(
                "SELECT substr(d.body, f.char_start + 1, f.char_end - f.char_start) FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.id = \(added.0)"
            )
                == added.1)
        #expect(run.stdout.contains("undid figure \(added.0)"))
        let addedHistory = try cli.run("history", "figure", added.0).stdout
        #expect(addedHistory.contains("add") && addedHistory.contains("undo"), "\(addedHistory)")
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(added.0)") == "rejected")

        let downloaded = try String(contentsOfFile: cli.path("screenshots/figures.csv"), encoding: .utf8)
        #expect(downloaded == (try cli.run("export", "figures").stdout), "the download is dossier export figures")
        for shot in ["overview", "document", "selection", "review-queue"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: cli.path("screenshots/\(shot).png")))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 10_000, "\(shot).png")
        }
    }
}
