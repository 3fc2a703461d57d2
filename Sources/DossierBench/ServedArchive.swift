import Foundation

/// A `dossier serve` child process on a free loopback port, for the latency benchmark: started on
/// an archive, asked for its resident memory while it runs, stopped with SIGTERM like Ctrl-C.
final class ServedArchive {
    let address: String
    private let process: Process

    /// Starts the server and waits (up to `timeout` seconds) for the address it prints.
    init(dossier: String, archive: String, log: URL, timeout: Double = 120) throws {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process = Process()
        process.executableURL = URL(fileURLWithPath: dossier)
        process.arguments = ["serve", "--db", archive, "--port", "0", "--operator", "bench", "--lang", "en"]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = ContinuousClock.now + .seconds(timeout)
        while true {
            let printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = printed.range(of: #"http://[0-9.]+:[0-9]+"#, options: .regularExpression) {
                address = String(printed[range])
                return
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                process.terminate()
                throw BenchmarkError("`dossier serve` did not start; its output is in \(log.path)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// The server's resident memory now (VmRSS), in MiB.
    func residentMebibytes() throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kibibytes = line.split(separator: " ").compactMap({ Double($0) }).first
        else { throw BenchmarkError("no VmRSS for the server (pid \(process.processIdentifier))") }
        return kibibytes / 1024
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
