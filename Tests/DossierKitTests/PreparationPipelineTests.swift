import Foundation
import Testing

@testable import DossierKit

@Suite("Preparation pipeline")
struct PreparationPipelineTests {
    let directory: TemporaryDirectory
    let preparer: DocumentPreparer
    let reader = SourceReader(maximumBytes: ImportOptions.defaultMaximumBytes)

    init() throws {
        directory = try TemporaryDirectory()
        preparer = DocumentPreparer(
            decoder: SourceDecoder(declaredEncoding: nil), extractor: try FactExtractor.builtIn(),
            overrides: DocumentMetadata())
    }

    @Test("every document gets a title: declared, else inferred, else its file name, else its first line")
    func titles() throws {
        // A first line too long to be a title: inference gives up, so the file name names the document.
        let long = String(repeating: "Europol said that the suspects were arrested in many countries. ", count: 5)
        func title(_ text: String, fileName: String?) throws -> String? {
            try preparer.prepare(bytes: Array(text.utf8), fileName: fileName, sourcePath: nil, displayName: "x")
                .document.title
        }
        #expect(try title("---\ntitle: Declared\n---\n" + long, fileName: "a.txt") == "Declared")
        #expect(try title("Europol dismantles a network\n\n" + long, fileName: "a.txt") == "Europol dismantles a network")
        #expect(try title(long, fileName: "0012.txt") == "0012.txt")
        let fromStandardInput = try title("\n  " + long, fileName: nil)
        #expect(fromStandardInput?.hasPrefix("Europol said that the suspects") == true)
        #expect(fromStandardInput?.hasSuffix("…") == true)
        #expect(fromStandardInput.map { $0.count == DocumentPreparer.fallbackTitleLength + 1 } == true)
    }

    /// One file per chunk, each `size` bytes of press-release text.
    func chunks(_ count: Int, size: Int) throws -> [[ImportInput]] {
        let sentence = "Europol said 25 suspects were arrested during the operation. "
        return try (0..<count).map { index in
            var text = "Release \(index). " + String(repeating: sentence, count: size / sentence.utf8.count + 1)
            while text.utf8.count > size { text.removeLast() }
            return [.file(path: try directory.write("doc-\(index).txt", text))]
        }
    }

    /// What waits once preparation has stopped moving (it has reached a bound, or the end).
    func settled(_ pipeline: PreparationPipeline) -> (chunks: Int, bytes: Int) {
        var last = pipeline.waiting
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.3)
            let now = pipeline.waiting
            if now == last { return now }
            last = now
        }
        return last
    }

    @Test("preparation runs ahead of storing by at most `depth` chunks")
    func chunkBound() throws {
        let inputs = try chunks(20, size: 1_000)
        let pipeline = PreparationPipeline(chunks: inputs, preparer: preparer, reader: reader, depth: 4)
        defer { pipeline.cancel() }
        #expect(settled(pipeline) == (4, 4_000))
        #expect(pipeline.next()?.count == 1)
        #expect(settled(pipeline).chunks == 4)
    }

    @Test("preparation stops running ahead once the waiting text reaches `bytesAhead`")
    func byteBound() throws {
        let inputs = try chunks(20, size: 10_000)
        let pipeline = PreparationPipeline(
            chunks: inputs, preparer: preparer, reader: reader, depth: 32, bytesAhead: 25_000)
        defer { pipeline.cancel() }
        // Two chunks (20,000 bytes) are under the bound, so a third is prepared; then it stops.
        #expect(settled(pipeline) == (3, 30_000))
    }

    @Test("every chunk is delivered once, in input order, with its documents in order")
    func order() throws {
        let inputs = try chunks(40, size: 500)
        let pipeline = PreparationPipeline(chunks: inputs, preparer: preparer, reader: reader, depth: 3)
        var names: [String] = []
        while let chunk = pipeline.next() {
            names += chunk.map { (try? $0.get())?.document.fileName ?? "failed" }
        }
        #expect(names == (0..<40).map { "doc-\($0).txt" })
    }
}
