import ArgumentParser
import DossierKit
import Foundation

/// `dossier-bench`: measures Dossier against what SQLite and the system tools cost on this machine
/// (`archive`, the default), the latency of `dossier serve` (`serve-latency`), and its web-page extractor against a public benchmark and trafilatura
/// (`article-extraction`).
struct DossierBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-bench",
        abstract: "Measure Dossier: the archive's operations (default) or the extraction of web pages.",
        subcommands: [ArchiveBenchmark.self, ServeLatencyBenchmark.self, ArticleExtractionBenchmark.self],
        defaultSubcommand: ArchiveBenchmark.self
    )
}

/// Import, export, check and search against their floors.
struct ArchiveBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Measure import, export, check and search against their floors, and write BENCHMARKS.md.",
        discussion: "Example: Scripts/bench --sizes 1000,10000 --runs 3 --write BENCHMARKS.md"
    )

    @Option(help: "Corpus sizes in documents, comma-separated.")
    var sizes: String = "1000,10000"

    @Option(help: "Runs per measurement (each figure is the median).")
    var runs: Int = 3

    @Option(help: "Figure rows for the large export measurement.")
    var exportRows: Int = 1_000_000

    @Option(help: "Working folder for corpora and archives (reused between runs).")
    var work: String = ".build-bench"

    @Option(help: "The dossier binary to measure (default: the one beside this tool).")
    var dossier: String?

    @Option(help: "Write the results as Markdown to this file, e.g. BENCHMARKS.md.")
    var write: String?

    @Flag(help: "Skip the export measurement (it needs the largest archive and time).")
    var skipExport = false

    @Flag(help: "Only generate the corpora of --sizes in --work, print their folders and stop (for tests).")
    var corpusOnly = false

    func run() throws {
        let sizeList = sizes.split(separator: ",").compactMap { Int($0) }.sorted()
        guard !sizeList.isEmpty, runs > 0 else { throw ValidationError("--sizes and --runs must be positive") }
        let binary = try BenchmarkSuite.dossierBinary(dossier)
        let workDirectory = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        var suite = BenchmarkSuite(dossier: binary, workDirectory: workDirectory, runs: runs, exportRows: exportRows)
        if corpusOnly {
            for size in sizeList { print(try suite.corpus(size).directory.path) }
            return
        }
        var importCost: [Int: Double] = [:]
        var checkCost: [Int: Double] = [:]
        var largestArchive = ""
        for size in sizeList {
            let (archive, cost) = try suite.importAndFloor(size: size)
            importCost[size] = cost
            checkCost[size] = try suite.check(size: size, archive: archive)
            try suite.search(size: size, archive: archive)
            largestArchive = archive
        }
        if !skipExport {
            try suite.export(from: largestArchive)
        }
        suite.scaling(importCost: importCost, checkCost: checkCost)
        let markdown = BenchmarkReport(rows: suite.rows, sizes: sizeList, runs: runs).markdown()
        print(markdown)
        if let write {
            try MarkdownSection(name: "archive").write(markdown, to: write)
        }
    }
}

DossierBench.main()
