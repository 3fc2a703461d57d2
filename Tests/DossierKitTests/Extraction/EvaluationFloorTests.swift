import Testing

@testable import DossierKit

/// The evaluation sets scored through the real import path, with per-category floors just below the scores
/// reached (EXTRACTION.md), so a change that loses facts on them fails the build.
@Suite("Evaluation floors")
struct EvaluationFloorTests {
    static let floors: [(set: String, floors: [String: Double])] = [
        ("dev-set", ["figures": 0.99, "quotes": 0.95, "people": 0.99, "organisations": 0.97, "dates": 0.99]),
        ("blind-set", ["figures": 0.99, "quotes": 0.99, "people": 0.99, "organisations": 0.95, "dates": 0.99]),
        ("real-set", ["figures": 0.75, "quotes": 0.58, "people": 0.84, "organisations": 0.74, "dates": 0.90]),
        ("real-set-2", ["figures": 0.95, "quotes": 0.52, "people": 0.79, "organisations": 0.74, "dates": 0.80]),
    ]

    @Test("each evaluation set keeps its micro-averaged F1 at or above its floors", arguments: floors.map(\.set))
    func floorsHold(set: String) throws {
        let folder = Fixtures.root.appendingPathComponent("Tests/Fixtures/\(set)").path
        let report = try Evaluator(goldDirectory: folder, extractor: try Fixtures.extractor()).evaluate([folder])
        #expect(report.documents.count >= 6)
        let floors = try #require(Self.floors.first { $0.set == set }?.floors)
        for (category, floor) in floors {
            let f1 = try #require(report.totals[category]?.f1, "\(set) has no \(category) score")
            #expect(f1 >= floor, "\(set) \(category): F1 \(f1) fell below \(floor)")
        }
    }
}
