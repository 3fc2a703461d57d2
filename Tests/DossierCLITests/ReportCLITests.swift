import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Golden report files live in Tests/Fixtures/reports. Set DOSSIER_UPDATE_GOLDEN=1 to rewrite
/// them after an intended change, then review the diff.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Fixtures/reports")

@Suite("CLI: reports")
struct ReportCLITests {
    let cli: CLIRunner

    init() throws {
        var cli = try CLIRunner()
        cli.environment["COLUMNS"] = "120"
        self.cli = cli
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
    }

    @Test(
        "reports on the seed archive match their golden files in every format",
        arguments: [["operation", "cumberland"], ["sources"], ["person", "troels-oerting"]],
        ["text", "markdown", "html", "json"])
    func golden(subject: [String], format: String) throws {
        let result = try cli.run(["report"] + subject + ["--format", format])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let extensions = ["text": "txt", "markdown": "md", "html": "html", "json": "json"]
        let file = goldenDirectory.appending(path: "\(subject.joined(separator: "-")).\(extensions[format] ?? format)")
        if ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(result.stdout == expected, "\(file.lastPathComponent) differs; rerun with DOSSIER_UPDATE_GOLDEN=1 if intended")
    }

    @Test("a source about two operations credits each figure to the operation named in its paragraph, never to both")
    func figuresOfSeveralOperations() throws {
        try cli.write(
            "two.txt",
            """
            Two actions against child abuse networks

            Operation Alpha led to 25 arrests in Spain.

            Operation Beta, a separate action, identified 40 victims.

            Overall, 12 countries took part.

            """)
        #expect(try cli.run("import", cli.path("two.txt")).exitCode == 0)
        let alpha = try cli.run("report", "operation", "alpha", "--json").stdout
        let beta = try cli.run("report", "operation", "beta", "--json").stdout
        #expect(alpha.contains("25 arrests") && !alpha.contains("40 victims") && !alpha.contains("12 countries"))
        #expect(beta.contains("40 victims") && !beta.contains("25 arrests") && !beta.contains("12 countries"))
    }

    @Test("the HTML report is well-formed and self-contained")
    func html() throws {
        let result = try cli.run("report", "operation", "cumberland", "--format", "html")
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("Timeline of documents"))
        for external in ["<script", "<link", "src=", "url(", "@import"] {
            #expect(!html.contains(external), "\(external)")
        }
        // Well-formed: parse as XML after dropping the doctype (every element is closed or void).
        let xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
            .replacingOccurrences(
                of: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                with: "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
    }

    @Test("every figure in the operation report names its source and span")
    func traceable() throws {
        let json = try cli.run("report", "operation", "cumberland", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let sections = report?["sections"] as? [[String: Any]] ?? []
        let figures = sections.first { $0["heading"] as? String == "Figures" }
        let table = figures?["table"] as? [String: Any]
        let columns = table?["columns"] as? [String] ?? []
        let rows = table?["rows"] as? [[String]] ?? []
        #expect(rows.count == 7)
        let span = try #require(columns.firstIndex(of: "Span"))
        let asWritten = try #require(columns.firstIndex(of: "As written"))
        // Figures come under their source ("#1 Title · Publisher · date"), each with its span "[321–344]".
        let source = try #require(table?["group_column"] as? Int)
        #expect(columns[source] == "Source")
        for row in rows {
            let document = try #require(Int(row[source].dropFirst().prefix { $0.isNumber }))
            let numbers = row[span].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(numbers.count == 2)
            let text = try cli.sql(
                "SELECT substr(body, \(numbers[0] + 1), \(numbers[1] - numbers[0])) FROM documents WHERE id = \(document)")
            #expect(text == row[asWritten])
        }
    }

    @Test("values and categories in words in the reader's language, one chart per kind of quantity, A4 pages numbered")
    func forPeople() throws {
        let french = try cli.run("report", "operation", "cumberland", "--lang", "fr").stdout
        #expect(
            french.contains("suspects identifiés") && french.contains("à vérifier") && french.contains("environ 28\u{202F}000"))
        #expect(!french.contains("suspects_identified"), "never a bare code")
        for heading in ["Rapport d’opération", "Résumé", "Chiffres", "Citations", "Valeur", "Catégorie", "Statut : inconnu"] {
            #expect(french.contains(heading), "headings and columns in French too: \(heading)")
        }
        for english in ["Operation report", "Figures", "Quotes", "Value", "Status:"] {
            #expect(!french.contains(english), "no English left in a French report: \(english)")
        }
        let overview = try cli.run("report", "--lang", "fr").stdout
        #expect(overview.contains("Archive Dossier") && overview.contains("Noms cités") && overview.contains("Derniers imports"))
        #expect(!overview.contains("import_batches"), "tables named in words")
        let report =
            try JSONSerialization.jsonObject(
                with: Data(try cli.run("report", "operation", "cumberland", "--json").stdout.utf8)) as? [String: Any]
        let figures = (report?["sections"] as? [[String: Any]])?.first { $0["heading"] as? String == "Figures" }
        let charts = figures?["charts"] as? [[String: Any]] ?? []
        let titles = charts.compactMap { $0["title"] as? String }
        #expect(titles.contains("People") && titles.contains("Reports and cases"), "\(titles)")
        let people = charts.first { $0["title"] as? String == "People" }?["bars"] as? [[String: Any]] ?? []
        #expect(!people.contains { $0["label"] as? String == "tips received" }, "28,000 tips never share a scale with 25 arrests")
        let html = try cli.run("report", "operation", "cumberland", "--format", "html").stdout
        #expect(html.contains("@page { size: A4") && html.contains("counter(page)"))
        #expect(!html.contains("section { break-inside: avoid-page"), "a long section no longer leaves page one blank")
        #expect(try cli.run("report", "--lang", "de").exitCode == 2)
    }

    @Test("conflicting figures are shown side by side with their sources")
    func conflicts() throws {
        try cli.write("a.txt", "Operation Blue Lake\n\nThe National Crime Agency said 25 suspects were arrested.")
        try cli.write("b.txt", "Operation Blue Lake\n\nPolice later said 27 suspects were arrested in total.")
        #expect(try cli.run("import", "a.txt", "b.txt").exitCode == 0)
        let result = try cli.run("report", "conflicts")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("blue-lake"))
        #expect(result.stdout.contains("25 suspects"))
        #expect(result.stdout.contains("27 suspects"))
        #expect(!result.stdout.contains("cumberland"))
    }

    @Test("the overview shows counts, batches and operations")
    func overview() throws {
        let result = try cli.run("report")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Operation Cumberland"))
        #expect(result.stdout.contains("273 suspects identified"), "categories in words, never as codes")
        #expect(result.stdout.contains("Never verified"))
    }

    @Test(
        "unknown slugs and missing slugs are usage errors",
        arguments: [
            ["report", "operation", "nope"], ["report", "person"], ["report", "sources", "extra"],
            ["report", "organisation", "nope"],
        ])
    func badSubjects(arguments: [String]) throws {
        let result = try cli.run(arguments)
        #expect(result.exitCode == 2)
        #expect(!result.stderr.isEmpty)
    }
}

@Suite("CLI: search")
struct SearchCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
        try cli.write(
            "en.txt", "Operation Blue Lake\n\nThe National Crime Agency said 14 people were arrested for child abuse offences.")
        #expect(try cli.run("import", "en.txt", "--publisher", "NCA", "--published", "2024-03-04").exitCode == 0)
    }

    func ids(_ arguments: String...) throws -> [Int] {
        let result = try cli.run(["search"] + arguments + ["--json"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let hits = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        return hits.compactMap { $0["document_id"] as? Int }
    }

    @Test("accents and case are ignored")
    func foldsAccentsAndCase() throws {
        #expect(try ids("arretes") == [1])
        #expect(try ids("EUROPOL").count == 2)
    }

    @Test("phrase and prefix queries work, with highlighted snippets")
    func phraseAndPrefix() throws {
        #expect(try ids("\"opération Cumberland\"") == [1])
        #expect(try ids("\"Cumberland opération\"").isEmpty)
        #expect(try ids("arrest").isEmpty)
        #expect(try Set(ids("arrest*")) == [1, 3])
        let text = try cli.run("search", "Cumberland")
        #expect(text.stdout.contains("[Cumberland]"))
    }

    @Test("filters narrow the results")
    func filters() throws {
        #expect(try ids("child OR enfants", "--language", "en") == [3])
        #expect(try ids("child OR enfants", "--publisher", "NCA") == [3])
        #expect(try ids("Europol OR Crime", "--since", "2024") == [3])
        #expect(try ids("suspects", "--operation", "cumberland") == [1])
        #expect(try ids("Europol", "--limit", "1").count == 1)
    }

    @Test("the index follows a corrected title")
    func indexFollowsEdits() throws {
        #expect(try ids("Zanzibar").isEmpty)
        #expect(try cli.run("document", "set", "3", "--title", "Zanzibar hotline figures").exitCode == 0)
        #expect(try ids("zanzibar") == [3])
        #expect(try cli.run("check").exitCode == 0)
    }

    @Test("a malformed query exits 2 with a message, not an SQLite error", arguments: ["\"unclosed", "AND", "foo:bar"])
    func malformed(query: String) throws {
        let result = try cli.run("search", query)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("malformed search query"))
        #expect(!result.stderr.contains("SELECT"))
    }
}
