import Foundation
import Testing

@testable import DossierKit

@Suite("Document list")
struct DocumentListTests {
    let test: TestArchive
    let list: DocumentListRepository

    /// Five documents: three dated (two the same day), two undated; French and English.
    init() throws {
        test = try TestArchive()
        let files: [(String, String?, String)] = [
            ("a", "2024-03-01", "fr"), ("b", nil, "en"), ("c", "2025", "en"), ("d", "2024-03-01", "en"), ("e", nil, "fr"),
        ]
        var paths: [ImportInput] = []
        for (name, date, language) in files {
            let published = date.map { "published: \($0)\n" } ?? ""
            let text = "---\ntitle: \(name)\n\(published)language: \(language)\n---\nDocument \(name): 25 suspects arrested.\n"
            paths.append(.file(path: try test.directory.write("\(name).md", text)))
        }
        let summary = try Importer(
            archive: test.archive, options: ImportOptions(operatorName: "tester"), extractor: try FactExtractor.builtIn()
        ).run(paths)
        #expect(summary.imported == 5)
        list = DocumentListRepository(connection: test.connection)
    }

    @Test("newest publication first, same dates by newest import, then the undated by newest import; pages follow on")
    func order() throws {
        let all = try list.page(filter: ExportFilter(), limit: 10, offset: 0).map { $0.title ?? "" }
        #expect(all == ["c", "d", "a", "e", "b"])
        let second = try list.page(filter: ExportFilter(), limit: 2, offset: 2).map { $0.title ?? "" }
        #expect(second == ["a", "e"])
        var french = ExportFilter()
        french.language = "fr"
        #expect(try list.page(filter: french, limit: 10, offset: 0).map { $0.title ?? "" } == ["a", "e"])
    }

    @Test("a page is read in order from the index of dates and stops at its last row, with or without a filter")
    func plan() throws {
        var french = ExportFilter()
        french.language = "fr"
        for filter in [ExportFilter(), french] {
            let plan = try list.queryPlan(filter: filter)
            #expect(plan.contains("SCAN documents USING COVERING INDEX documents_published_on"), "\(plan)")
            // The only sort is of the page's own rows, at the end: never of the archive.
            #expect(plan.filter { $0.contains("TEMP B-TREE") }.count == 1, "\(plan)")
            #expect(!plan.contains("SCAN documents"), "\(plan)")
        }
    }
}
