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

    @Test("every match is ranked when exhaustive, best first")
    func exhaustive() throws {
        let hits = try search.search("europol", filter: ExportFilter(), limit: 10, exhaustive: true)
        #expect(hits.count == 5)
        #expect(hits.first?.documentID == 1)
    }

    @Test("by default the most recent documents are ranked first, widening until enough are found")
    func boundedCandidates() throws {
        let recent = try search.search("europol", filter: ExportFilter(), limit: 2, candidates: 2)
        #expect(Set(recent.map(\.documentID)) == [4, 5])
        let rare = try search.search("again", filter: ExportFilter(), limit: 10, candidates: 2)
        #expect(rare.map(\.documentID) == [1])
        let all = try search.search("europol", filter: ExportFilter(), limit: 10, candidates: 2)
        #expect(all.count == 5)
        #expect(all.first?.documentID == 1)
    }
}
