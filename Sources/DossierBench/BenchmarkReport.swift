import Foundation

/// Renders the results with the machine, date and commit they belong to.
struct BenchmarkReport {
    let rows: [ResultRow]
    let sizes: [Int]
    let runs: Int

    func markdown() -> String {
        var lines = [
            "Measured by `Scripts/bench --sizes \(sizes.map(String.init).joined(separator: ",")) --runs \(runs) --write BENCHMARKS.md` "
                + "on \(Self.date()), commit `\(Self.shell("git rev-parse --short HEAD") ?? "unknown")`.", "",
            "- Machine: \(Self.machine())",
            "- SQLite \(Self.shell("sqlite3 --version")?.split(separator: " ").first.map(String.init) ?? "?"), "
                + "\(Self.shell("swift --version 2>&1 | head -n 1") ?? "Swift")",
            "- Each figure is the median of \(runs) runs (min–max beside it); ratios are taken run by run, pair by pair.", "",
            "| group | measure | median | min–max | unit | target | met |",
            "|---|---|---:|---|---|---|---|",
        ]
        for row in rows {
            let range =
                row.sample.values.count > 1
                ? "\(BenchmarkSuite.format(row.sample.minimum))–\(BenchmarkSuite.format(row.sample.maximum))" : ""
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? ""
            lines.append(
                "| \(row.group) | \(row.measure) | \(BenchmarkSuite.format(row.sample.median)) | \(range) | \(row.unit) | \(row.target ?? "") | \(met) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The processor, cores, memory and kernel, for every table of results.
    static func machine() -> String {
        "\(cpu()), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
            + "\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, \(shell("uname -sr") ?? "")"
    }

    static func date() -> String {
        Date().formatted(.iso8601.year().month().day())
    }

    static func cpu() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let name = line.split(separator: ":", maxSplits: 1).last
        else { return "unknown CPU" }
        return name.trimmingCharacters(in: .whitespaces)
    }

    static func shell(_ command: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
