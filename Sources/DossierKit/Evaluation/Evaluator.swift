import Foundation

/// Scores extraction against hand-made answer keys (`eval/gold/*.json`): it imports the documents
/// into a throwaway archive, exactly as `dossier import` would, and compares what was extracted.
public struct Evaluator {
    public struct DocumentScore: Sendable, Encodable {
        public var file: String
        public var scores: [String: PRF]
        public var falsePositives: [String: [String]]
        public var falseNegatives: [String: [String]]
    }

    public struct Report: Sendable, Encodable {
        public var documents: [DocumentScore]
        /// Micro-averaged over all documents: true and false positives and negatives are summed first.
        public var totals: [String: PRF]
        public var skipped: [String]
    }

    public let goldDirectory: String
    public let extractor: FactExtractor

    public init(goldDirectory: String, extractor: FactExtractor) {
        self.goldDirectory = goldDirectory
        self.extractor = extractor
    }

    public func evaluate(_ paths: [String]) throws -> Report {
        let workspace = FileManager.default.temporaryDirectory.appending(path: "dossier-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        let archive = try Archive.open(path: workspace.appending(path: "eval.sqlite").path, access: .write)
        let importer = Importer(archive: archive, options: ImportOptions(operatorName: "eval"), extractor: extractor)

        var documents: [DocumentScore] = []
        var skipped: [String] = []
        var failure: Error?
        // Answer keys may sit beside the documents; they are not documents themselves.
        let inputs = InputCollector(followSymlinks: false).collect(paths).filter { !$0.displayName.hasSuffix(".json") }
        _ = try importer.run(inputs) { result, prepared in
            guard failure == nil else { return }
            guard let prepared else {
                skipped.append("\(result.file): \(result.error ?? "not imported")")
                return
            }
            let stem = URL(fileURLWithPath: result.file).deletingPathExtension().lastPathComponent
            let goldURL = URL(fileURLWithPath: goldDirectory).appending(path: "\(stem).json")
            guard let gold = FileManager.default.contents(atPath: goldURL.path) else {
                skipped.append("\(result.file): no answer key \(goldURL.path)")
                return
            }
            do {
                let score = try GoldScorer.evaluate(gold: gold, extraction: prepared.extraction, body: prepared.document.body)
                documents.append(
                    DocumentScore(
                        file: result.file, scores: score.scores, falsePositives: score.falsePositives,
                        falseNegatives: score.falseNegatives))
            } catch {
                failure = UsageError("\(goldURL.path) is not a valid answer key: \(error)")
            }
        }
        if let failure { throw failure }
        return Report(documents: documents, totals: Self.microAverage(documents), skipped: skipped)
    }

    static func microAverage(_ documents: [DocumentScore]) -> [String: PRF] {
        var sums: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        for document in documents {
            for (category, score) in document.scores {
                let sum = sums[category] ?? (0, 0, 0)
                sums[category] = (sum.tp + score.tp, sum.fp + score.fp, sum.fn + score.fn)
            }
        }
        return sums.mapValues { PRF(tp: $0.tp, fp: $0.fp, fn: $0.fn) }
    }
}
