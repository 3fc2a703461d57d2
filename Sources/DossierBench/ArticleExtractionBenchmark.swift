import ArgumentParser
import DossierKit
import Foundation

/// Dossier's web-page extractor on the article-extraction benchmark (181 saved news pages and the
/// text a reader reads on each), scored like the benchmark scores, with trafilatura run on the same
/// pages in the same run as the reference.
struct ArticleExtractionBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article-extraction",
        abstract: "Score the web-page extractor (4-gram shingle precision, recall, F1) and its speed, beside trafilatura.",
        discussion: """
            The corpus is ../shared/bench/article-extraction (html/<id>.html.gz and ground-truth.json). trafilatura runs \
            from .venv (Scripts/bench-article-extraction installs it from Scripts/bench-requirements.txt).
            Example: .build/release/dossier-bench article-extraction --runs 3
            """
    )

    @Option(help: "The benchmark's folder.")
    var corpus: String = "../shared/bench/article-extraction"

    @Option(help: "Timed passes over the pages (pages per second is the median).")
    var runs: Int = 3

    @Option(help: "The Python that has trafilatura.")
    var python: String = ".venv/bin/python"

    @Flag(help: "Do not run trafilatura.")
    var skipReference = false

    @Option(help: "Write each page's scores and extracted text as JSON Lines to this file (to study the misses).")
    var pages: String?

    func run() throws {
        let folder = URL(fileURLWithPath: corpus)
        let truth = try groundTruth(folder.appending(path: "ground-truth.json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "html").path)
            .filter { $0.hasSuffix(".html.gz") }.sorted()
        guard !files.isEmpty, runs > 0 else { throw ValidationError("no pages in \(folder.path)/html, or --runs < 1") }
        var inputs: [(id: String, bytes: [UInt8])] = []
        for file in files {
            let path = folder.appending(path: "html").appending(path: file).path
            inputs.append((String(file.dropLast(".html.gz".count)), try gunzip(path)))
        }
        let megabytes = Double(inputs.reduce(0) { $0 + $1.bytes.count }) / 1_048_576

        let reader = WebPageReader()
        var texts: [String: String] = [:]
        var seconds: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            for (id, bytes) in inputs {
                texts[id] = (try? reader.read(bytes, file: id))?.body ?? ""
            }
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let median = seconds.sorted()[seconds.count / 2]
        let ours = score(texts, truth: truth)
        var lines = [
            "Article extraction benchmark: \(inputs.count) pages, \(String(format: "%.1f", megabytes)) MB of HTML",
            "extractor                 precision  recall     F1  pages/s",
            row("Dossier \(ArticleExtractor.version)", ours.summary, pagesPerSecond: Double(inputs.count) / median),
        ]
        if !skipReference {
            let (version, referenceSeconds, referenceTexts) = try trafilatura(folder)
            let reference = score(referenceTexts, truth: truth)
            lines.append(
                row("trafilatura \(version)", reference.summary, pagesPerSecond: Double(inputs.count) / referenceSeconds))
        }
        print(lines.joined(separator: "\n"))
        if let pages {
            var output = ""
            for (id, page) in ours.pages.sorted(by: {
                $0.value.precision + $0.value.recall < $1.value.precision + $1.value.recall
            }) {
                let record: [String: Any] = [
                    "id": id, "precision": page.precision, "recall": page.recall, "text": texts[id] ?? "",
                    "truth": truth[id] ?? "",
                ]
                let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
                output += String(decoding: data, as: UTF8.self) + "\n"
            }
            try output.write(toFile: pages, atomically: true, encoding: .utf8)
        }
    }

    private func row(_ name: String, _ summary: ShingleScorer.Summary, pagesPerSecond: Double) -> String {
        name.padding(toLength: 26, withPad: " ", startingAt: 0)
            + String(format: "%9.3f %7.3f %6.3f %8.0f", summary.precision, summary.recall, summary.f1, pagesPerSecond)
    }

    private func score(_ texts: [String: String], truth: [String: String]) -> (
        summary: ShingleScorer.Summary, pages: [String: ShingleScorer.PageScore]
    ) {
        var pages: [String: ShingleScorer.PageScore] = [:]
        for (id, expected) in truth {
            pages[id] = ShingleScorer.score(prediction: texts[id] ?? "", truth: expected)
        }
        return (ShingleScorer.summary(Array(pages.values)), pages)
    }

    private func groundTruth(_ url: URL) throws -> [String: String] {
        struct Entry: Decodable { let articleBody: String }
        let entries = try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url))
        return entries.mapValues(\.articleBody)
    }

    private func gunzip(_ path: String) throws -> [UInt8] {
        let output = FileManager.default.temporaryDirectory.appending(path: "dossier-bench-page-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = try ChildProcess.succeed(["gzip", "-dc", path], stdoutPath: output)
        return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    private func trafilatura(_ folder: URL) throws -> (version: String, seconds: Double, texts: [String: String]) {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw ValidationError("no \(python): run Scripts/bench-article-extraction, or pass --skip-reference")
        }
        let script = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            "Scripts/bench-trafilatura.py",
            script.deletingLastPathComponent().appending(path: "../../../Scripts/bench-trafilatura.py").path,
        ]
        guard let scriptPath = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw ValidationError("Scripts/bench-trafilatura.py not found: run from the repository's folder")
        }
        let output = FileManager.default.temporaryDirectory.appending(path: "dossier-bench-trafilatura-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try ChildProcess.succeed([python, scriptPath, folder.path, output.path])
        struct Result: Decodable {
            let version: String
            let seconds: Double
            let texts: [String: String]
        }
        let result = try JSONDecoder().decode(Result.self, from: Data(contentsOf: output))
        return (result.version, result.seconds, result.texts)
    }
}
