import Foundation

/// Concurrent HTTP load from wrk (Debian's `wrk`): `clients` connections on one thread, so the
/// load generator takes at most one of the machine's cores from the server.
struct LoadGenerator {
    /// What one run of wrk measured: latencies in milliseconds over every request it completed.
    struct Run {
        let requests: Int
        let errors: Int
        let p50: Double
        let p95: Double
        let p99: Double
    }

    let clients: Int
    let workDirectory: URL

    /// Lua for wrk: a path with `{id}` takes a random document id from 1 to `DOSSIER_BENCH_IDS`
    /// for each request; `done` prints the counts and percentiles (wrk's own output has no p95).
    static let script = """
        local ids = tonumber(os.getenv("DOSSIER_BENCH_IDS") or "1")
        local template = os.getenv("DOSSIER_BENCH_PATH") or "/"
        request = function()
          local path = string.gsub(template, "{id}", tostring(math.random(1, ids)))
          return wrk.format("GET", path)
        end
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("requests %d\\n", summary.requests))
          io.write(string.format("errors %d\\n", e.connect + e.read + e.write + e.status + e.timeout))
          for _, p in ipairs({50, 95, 99}) do
            io.write(string.format("p%d %d\\n", p, latency:percentile(p)))
          end
        end
        """

    /// Loads `path` of the server at `address` for `seconds`; `documents` is the upper bound of `{id}` in `path`.
    func run(address: String, path: String, seconds: Int, documents: Int) throws -> Run {
        let scriptFile = workDirectory.appending(path: "serve-latency.lua")
        try Self.script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "wrk", "--threads", "1", "--connections", String(clients), "--duration", "\(seconds)s", "--timeout", "120s",
            "--script", scriptFile.path, address + "/",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_BENCH_IDS"] = String(documents)
        environment["DOSSIER_BENCH_PATH"] = path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw BenchmarkError("cannot run wrk (install it: apt-get install wrk): \(error)") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var values: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let value = Double(parts[1]) { values[String(parts[0])] = value }
        }
        guard process.terminationStatus == 0, let requests = values["requests"], let p50 = values["p50"],
            let p95 = values["p95"], let p99 = values["p99"]
        else { throw BenchmarkError("wrk on \(path) failed (exit \(process.terminationStatus)): \(output)") }
        return Run(
            requests: Int(requests), errors: Int(values["errors"] ?? 0), p50: p50 / 1000, p95: p95 / 1000, p99: p99 / 1000)
    }
}
