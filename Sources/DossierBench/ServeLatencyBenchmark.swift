import ArgumentParser
import Foundation

/// p50/p95 latency of `dossier serve`'s pages under concurrent clients on a large archive, and the
/// server's memory over many requests (issue 16).
struct ServeLatencyBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-latency",
        abstract: "Measure the latency of `dossier serve`'s pages under concurrent clients, and its memory.",
        discussion: "Example: Scripts/bench serve-latency --documents 100000 --write BENCHMARKS.md (needs wrk)"
    )

    /// A page measured, by the path wrk asks for (`{id}`: a random document for each request).
    struct Page {
        let name: String
        let path: String
    }

    static let pages = [
        Page(name: "overview", path: "/"),
        Page(name: "document list", path: "/documents"),
        Page(name: "document list, one language", path: "/documents?language=fr"),
        Page(name: "search, a word in most documents", path: "/documents?q=suspects"),
        Page(name: "search, two words together (few documents)", path: "/documents?q=Nightingale+Kestrel"),
        Page(name: "search with a filter", path: "/documents?q=suspects&language=fr"),
        Page(name: "document page (random documents)", path: "/documents/{id}"),
    ]

    @Option(help: "Documents in the generated archive.")
    var documents = 100_000

    @Option(help: "Concurrent clients.")
    var clients = 8

    @Option(help: "Seconds of load per page.")
    var seconds = 20

    @Option(help: "Requests after the warm-up over which the server's memory must stay flat.")
    var memoryRequests = 10_000

    @Option(help: "Working folder for corpora and archives (shared with `dossier-bench archive`).")
    var work: String = ".build-bench"

    @Option(help: "The dossier binary to measure (default: the one beside this tool).")
    var dossier: String?

    @Option(help: "Write the results into their section of this Markdown file, e.g. BENCHMARKS.md.")
    var write: String?

    func run() throws {
        guard documents > 0, clients > 0, seconds > 0, memoryRequests > 0 else {
            throw ValidationError("--documents, --clients, --seconds and --memory-requests must be positive")
        }
        let binary = try BenchmarkSuite.dossierBinary(dossier)
        let workDirectory = URL(fileURLWithPath: work)
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        let suite = BenchmarkSuite(dossier: binary, workDirectory: workDirectory, runs: 1, exportRows: 0)
        let archive = try suite.importedArchive(size: documents)
        let server = try ServedArchive(
            dossier: binary, archive: archive, log: workDirectory.appending(path: "serve-latency.log"))
        defer { server.stop() }
        let load = LoadGenerator(clients: clients, workDirectory: workDirectory)
        var rows: [ResultRow] = []
        for page in Self.pages {
            suite.log("\(page.name): \(page.path)")
            let warmUp = try load.run(address: server.address, path: page.path, seconds: 2, documents: documents)
            Self.waitForUnfinished(warmUp)
            let run = try load.run(address: server.address, path: page.path, seconds: seconds, documents: documents)
            Self.waitForUnfinished(run)
            suite.log(
                "  \(run.requests) requests, p50 \(BenchmarkSuite.format(run.p50)) ms, p95 \(BenchmarkSuite.format(run.p95)) ms")
            guard run.errors == 0 else { throw BenchmarkError("\(run.errors) requests to \(page.path) failed") }
            rows.append(row(page.name, "p50", run.p50, "ms"))
            rows.append(row(page.name, "p95", run.p95, "ms", target: "≤ 50 ms", met: run.p95 <= 50))
            rows.append(row(page.name, "p99", run.p99, "ms"))
            rows.append(row(page.name, "requests per second", Double(run.requests) / Double(seconds), "req/s"))
        }
        rows += try memory(server: server, load: load)
        let markdown = report(rows)
        print(markdown)
        if let write { try MarkdownSection(name: "serve-latency").write(markdown, to: write) }
    }

    /// wrk stops at its deadline, but the server still answers the requests it had sent: waits
    /// for them, so that a slow page's last requests do not count against the next page.
    private static func waitForUnfinished(_ run: LoadGenerator.Run) {
        Thread.sleep(forTimeInterval: min(run.p99 / 1000 * 1.5, 60) + 0.5)
    }

    /// The server's resident memory after the page runs, then after `memoryRequests` more document pages.
    private func memory(server: ServedArchive, load: LoadGenerator) throws -> [ResultRow] {
        let before = try server.residentMebibytes()
        var served = 0
        var samples = [before]
        while served < memoryRequests {
            let run = try load.run(
                address: server.address, path: "/documents/{id}", seconds: 5, documents: documents)
            guard run.errors == 0 else { throw BenchmarkError("\(run.errors) document pages failed") }
            served += run.requests
            samples.append(try server.residentMebibytes())
        }
        let after = samples.last ?? before
        let group = "memory"
        return [
            row(group, "server resident memory after the page runs", before, "MiB"),
            row(group, "highest resident memory over \(served) more document pages", samples.max() ?? after, "MiB"),
            row(group, "after them", after, "MiB"),
            row(
                group, "growth", after - before, "MiB", target: "flat (≤ 10 % of the start)", met: after - before <= before * 0.1),
        ]
    }

    private func row(
        _ group: String, _ measure: String, _ value: Double, _ unit: String, target: String? = nil, met: Bool? = nil
    ) -> ResultRow {
        ResultRow(group: group, measure: measure, sample: Sample([value]), unit: unit, target: target, met: met)
    }

    private func report(_ rows: [ResultRow]) -> String {
        var lines = [
            "## `dossier serve` under \(clients) concurrent clients, \(documents) documents (issue 16)", "",
            "Measured by `Scripts/bench serve-latency --documents \(documents) --clients \(clients) --seconds \(seconds) "
                + "--write BENCHMARKS.md` on \(BenchmarkReport.date()), commit `\(BenchmarkReport.shell("git rev-parse --short HEAD") ?? "unknown")`, "
                + "\(BenchmarkReport.machine()). wrk (one thread, \(clients) connections) runs on the same 2 cores as the server; "
                + "each page is loaded for \(seconds) s after 2 s of warm-up; latencies are wrk's over every request of the run.",
            "",
            "| page | measure | value | unit | target | met |",
            "|---|---|---:|---|---|---|",
        ]
        for row in rows {
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? ""
            lines.append(
                "| \(row.group) | \(row.measure) | \(BenchmarkSuite.format(row.sample.median)) | \(row.unit) | \(row.target ?? "") | \(met) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
