import Foundation
import Testing

@testable import DossierKit

@Suite("Search ranking")
struct SearchTests {
    let test: TestArchive

    init() throws {
        test = try TestArchive()
        var inputs: [ImportInput] = []
        // The oldest document is the best match (Europol in its title); the others mention it once.
        inputs.append(.file(path: try test.directory.write("0.txt", "Europol Europol Europol\n\nEuropol and Europol again.")))
        for index in 1...4 {
            inputs.append(
                .file(
                    path: try test.directory.write(
                        "\(index).txt", "Report \(index)\n\nA long text that names Europol once, \(index).")))
        }
        let extractor = try FactExtractor.builtIn()
        _ = try Importer(archive: test.archive, options: ImportOptions(operatorName: "t"), extractor: extractor).run(inputs)
    }

    var search: SearchRepository { SearchRepository(connection: test.connection) }

    @Test("every match is ranked, best first, whatever its age")
    func everyMatchRanked() throws {
        let hits = try search.search("europol", filter: ExportFilter(), limit: 10)
        #expect(hits.count == 5)
        #expect(hits.first?.documentID == 1, "the oldest document is the best match")
        // The same order as FTS5's own ranking of every match, and a shorter limit keeps its head.
        let ranked = try test.connection.query(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'europol' ORDER BY rank"
        ) { $0.int64(0) }
        #expect(hits.map(\.documentID) == ranked)
        #expect(try search.search("europol", filter: ExportFilter(), limit: 2).map(\.documentID) == Array(ranked.prefix(2)))
    }

    @Test("filters apply to the full-text matches and never drive the index, one probe per candidate")
    func filterPlans() throws {
        var filters: [ExportFilter] = []
        var language = ExportFilter()
        language.language = "fr"
        filters.append(language)
        var dates = ExportFilter()
        dates.since = "2020-01-01"
        dates.until = "2030-12-31"
        filters.append(dates)
        var publisher = ExportFilter()
        publisher.publisher = "Europol"
        filters.append(publisher)
        for filter in filters {
            let plan = try search.queryPlan(filter: filter)
            // One scan of the index ranks the matches and makes the snippets. "INDEX 32:=M2" would mean
            // FTS5 is asked for each candidate rowid of the filter; "INDEX 32:M2" is one MATCH.
            let scans = plan.filter { $0.contains("documents_fts VIRTUAL TABLE") }
            #expect(scans.count == 1, "\(plan)")
            #expect(scans.allSatisfy { !$0.contains(":=") }, "\(plan)")
            if filter.since != nil {
                #expect(plan.contains { $0.contains("documents_published_on") }, "\(plan)")
            }
            // Documents are found by index, not read one by one past their bodies (0009).
            if filter.language != nil {
                #expect(plan.contains { $0.contains("documents_language") }, "\(plan)")
            }
        }
        var english = ExportFilter()
        english.language = "en"
        let expected = try test.connection.query(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'europol' ORDER BY rank"
        ) { $0.int64(0) }
        let englishIDs = Set(try test.connection.query("SELECT id FROM documents WHERE language = 'en'") { $0.int64(0) })
        #expect(
            try search.search("europol", filter: english, limit: 10).map(\.documentID) == expected.filter(englishIDs.contains))
    }
}
