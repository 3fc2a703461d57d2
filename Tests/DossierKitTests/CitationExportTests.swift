import Foundation
import Testing

@testable import DossierKit

@Suite("Citation export")
struct CitationExportTests {
    let test: TestArchive

    init() throws {
        test = try TestArchive()
    }

    static let documents = [
        "1-article.md": """
        ---
        title: "Operation Cumberland:\\n25 arrested"
        publisher: Europol
        author: Catherine De Bolle; Europol Press Office
        url: https://www.europol.europa.eu/media-press/newsroom/news/25-arrested
        published: 2025-02-28
        retrieved: 2025-03-01
        language: en
        kind: article
        ---
        Europol said 25 suspects were arrested.
        """,
        "2-report.md": """
        ---
        title: Internet Organised Crime Threat Assessment
        publisher: Europol
        author: Oerting, Troels
        published: 2024-11
        language: en
        kind: report
        ---
        The report counts 516 servers hosted in the United States.
        """,
        "3-release.md": """
        ---
        title: Opération Lac Bleu
        publisher: Gendarmerie nationale
        author: Gendarmerie nationale
        published: 2023
        language: fr
        ---
        La gendarmerie a interpellé 9 suspects.
        """,
        "4-other.md": """
        ---
        title: Notes
        kind: other
        ---
        Nothing dated here, 3 notes.
        """,
    ]

    /// An archive with the four documents above.
    func importDocuments() throws {
        for (name, text) in Self.documents { try test.directory.write("in/\(name)", text) }
        let inputs = InputCollector(followSymlinks: false).collect([test.directory.path("in")])
        let summary = try Importer(
            archive: test.archive, options: ImportOptions(operatorName: "tester"), extractor: try FactExtractor.builtIn()
        ).run(inputs)
        #expect(summary.imported == 4)
    }

    func export(_ format: CitationExporter.Format, filter: ExportFilter = ExportFilter()) throws -> String {
        var bytes: [UInt8] = []
        try CitationExporter(archive: test.archive).export(format, filter: filter) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    func items(filter: ExportFilter = ExportFilter()) throws -> [String: [String: Any]] {
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(try export(.cslJSON, filter: filter).utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: array.map { ($0["title"] as? String ?? "", $0) })
    }

    func sha256(_ title: String) throws -> String {
        try test.connection.queryFirst("SELECT sha256 FROM documents WHERE title = ?", [title]) { $0.string(0) } ?? ""
    }

    func id(_ title: String) throws -> Int64 {
        try test.connection.scalarInt("SELECT id FROM documents WHERE title = ?", [title]) ?? 0
    }

    @Test("CSL-JSON: types by kind, date parts as precise as the archive, names split or kept whole")
    func cslJSON() throws {
        try importDocuments()
        let items = try items()
        #expect(items.count == 4)
        let article = try #require(items["Operation Cumberland:\n25 arrested"])
        #expect(article["type"] as? String == "article-newspaper")
        #expect(article["id"] as? String == "dossier-\(try id("Operation Cumberland:\n25 arrested"))")
        #expect(article["URL"] as? String == "https://www.europol.europa.eu/media-press/newsroom/news/25-arrested")
        #expect((article["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2025, 2, 28]])
        #expect((article["accessed"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2025, 3, 1]])
        #expect(article["publisher"] as? String == "Europol")
        #expect(article["language"] as? String == "en")
        let authors = try #require(article["author"] as? [[String: String]])
        #expect(authors == [["given": "Catherine", "family": "De Bolle"], ["literal": "Europol Press Office"]])
        #expect(article["genre"] == nil)

        let report = try #require(items["Internet Organised Crime Threat Assessment"])
        #expect(report["type"] as? String == "report")
        #expect((report["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2024, 11]])
        #expect(report["accessed"] == nil)
        #expect(report["author"] as? [[String: String]] == [["family": "Oerting", "given": "Troels"]])

        let release = try #require(items["Opération Lac Bleu"])
        #expect(release["type"] as? String == "document")
        #expect(release["genre"] as? String == "Press release")
        #expect((release["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[2023]])
        #expect(release["author"] as? [[String: String]] == [["literal": "Gendarmerie nationale"]])
        #expect(release["URL"] == nil)

        let other = try #require(items["Notes"])
        #expect(other["type"] as? String == "document")
        #expect(other["issued"] == nil && other["author"] == nil && other["publisher"] == nil)
        for (title, item) in items {
            #expect(item["archive"] as? String == "archive.sqlite")
            #expect(item["archive_location"] as? String == "document \(try id(title)), sha256 \(try sha256(title))")
        }
    }

    @Test("RIS: one record per document, CRLF lines, types, dates, authors inverted, values on one line")
    func ris() throws {
        try importDocuments()
        let text = try export(.ris)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let records = text.components(separatedBy: "ER  - \r\n").dropLast().map { record in
            record.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        }
        #expect(records.count == 4)
        #expect(text.hasSuffix("ER  - \r\n"))
        let article = try #require(records.first { $0.contains("TY  - NEWS") })
        let articleID = try id("Operation Cumberland:\n25 arrested")
        #expect(
            article == [
                "TY  - NEWS", "TI  - Operation Cumberland: 25 arrested", "AU  - De Bolle, Catherine",
                "AU  - Europol Press Office", "PB  - Europol", "PY  - 2025", "DA  - 2025/02/28/",
                "UR  - https://www.europol.europa.eu/media-press/newsroom/news/25-arrested", "LA  - en",
                "Y2  - 2025/03/01/", "DB  - archive.sqlite",
                "AN  - document \(articleID), sha256 \(try sha256("Operation Cumberland:\n25 arrested"))",
            ])
        let report = try #require(records.first { $0.contains("TY  - RPRT") })
        #expect(report.contains("DA  - 2024/11//") && report.contains("PY  - 2024") && report.contains("AU  - Oerting, Troels"))
        let release = try #require(records.first { $0.contains("TI  - Opération Lac Bleu") })
        #expect(release.first == "TY  - GEN")
        #expect(release.contains("M3  - Press release") && release.contains("PY  - 2023"))
        #expect(!release.contains { $0.hasPrefix("DA") })
        let other = try #require(records.first { $0.contains("TI  - Notes") })
        #expect(other.first == "TY  - GEN" && !other.contains { $0.hasPrefix("M3") || $0.hasPrefix("PY") })
    }

    @Test("the export's document filters choose the cited documents")
    func filters() throws {
        try importDocuments()
        var filter = ExportFilter()
        filter.publisher = "Europol"
        #expect(
            Set(try items(filter: filter).keys) == [
                "Operation Cumberland:\n25 arrested", "Internet Organised Crime Threat Assessment",
            ])
        filter = ExportFilter()
        filter.since = "2024-12"
        #expect(Array(try items(filter: filter).keys) == ["Operation Cumberland:\n25 arrested"])
        filter = ExportFilter()
        filter.language = "fr"
        #expect(try export(.ris, filter: filter).components(separatedBy: "TY  - ").count == 2)
        filter.status = .only(.confirmed)
        #expect(throws: UsageError.self) { try export(.cslJSON, filter: filter) }
        filter = ExportFilter()
        filter.publisher = "nobody"
        #expect(try export(.cslJSON, filter: filter) == "[]\n")
        #expect(try export(.ris, filter: filter) == "")
    }

    @Test(
        "author names: people split into given and family, organisations and single words kept whole",
        arguments: [
            ("Catherine De Bolle", [AuthorName.person(given: "Catherine", family: "De Bolle")]),
            ("Ludwig van Beethoven", [.person(given: "Ludwig", family: "Beethoven", particle: "van")]),
            ("Ursula von der Leyen", [.person(given: "Ursula", family: "Leyen", particle: "von der")]),
            ("Jean de La Fontaine", [.person(given: "Jean", family: "La Fontaine", particle: "de")]),
            ("Oerting, Troels", [.person(given: "Troels", family: "Oerting")]),
            ("Martin Luther King Jr.", [.person(given: "Martin Luther", family: "King", suffix: "Jr.")]),
            ("J.-P. Dupont", [.person(given: "J.-P.", family: "Dupont")]),
            ("Jean DUPONT", [.person(given: "Jean", family: "DUPONT")]),
            ("Jane Doe; John  Smith", [.person(given: "Jane", family: "Doe"), .person(given: "John", family: "Smith")]),
            ("Europol", [.literal("Europol")]),
            ("National Crime Agency", [.literal("National Crime Agency")]),
            ("Police nationale", [.literal("Police nationale")]),
            ("NCA Press Office", [.literal("NCA Press Office")]),
            ("AFP", [.literal("AFP")]),
            ("Le Monde", [.literal("Le Monde")]),
            ("the editors", [.literal("the editors")]),
            (
                "Bureau of Alcohol, Tobacco, Firearms and Explosives",
                [.literal("Bureau of Alcohol, Tobacco, Firearms and Explosives")]
            ),
            ("Team 5 investigators", [.literal("Team 5 investigators")]),
            (" ; ", []),
        ])
    func authorNames(field: String, expected: [AuthorName]) {
        #expect(AuthorName.parse(field) == expected)
    }

    @Test("RIS writes names as Family, Given, Suffix with the particle in front of the family name")
    func invertedNames() {
        #expect(AuthorName.person(given: "Ludwig", family: "Beethoven", particle: "van").invertedForm == "van Beethoven, Ludwig")
        #expect(AuthorName.person(given: "Martin", family: "King", suffix: "Jr.").invertedForm == "King, Martin, Jr.")
        #expect(AuthorName.literal("Europol, Press Office").invertedForm == "Europol, Press Office")
    }

    @Test(
        "archive dates keep their precision: one to three parts, none for what is not a calendar date",
        arguments: [
            ("2025", [2025], "2025///"), ("2025-02", [2025, 2], "2025/02//"), ("2025-02-28", [2025, 2, 28], "2025/02/28/"),
            ("2024-02-29", [2024, 2, 29], "2024/02/29/"), ("2025-02-29", [], ""), ("2025-13", [], ""), ("28/02/2025", [], ""),
        ])
    func partialDates(text: String, parts: [Int], ris: String) {
        let date = PartialDate(iso: text)
        #expect(date?.parts ?? [] == parts)
        #expect(date?.risForm ?? "" == ris)
    }

    @Test("a date the archive holds in another form is cited as written, not dropped")
    func literalDate() throws {
        #expect(try JSONText.encode(CSLItem.Date("2025-02-30")) == #"{"literal":"2025-02-30"}"#)
        #expect(try JSONText.encode(CSLItem.Date("2025-02")) == #"{"date-parts":[[2025,2]]}"#)
    }
}
