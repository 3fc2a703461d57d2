import Foundation

/// Runs the built `dossier` binary the way a user or a cron job would, capturing output through
/// files (pipes can block past 64 KiB).
struct CLIRunner {
    struct Result {
        let exitCode: Int32
        let stdout: String
        let stderr: String
    }

    let directory: URL
    var environment: [String: String]

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "dossier-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_DB"] = nil
        environment["NO_COLOR"] = "1"
        environment["USER"] = "cli-test"
        self.environment = environment
    }

    /// The binary built next to the test bundle.
    static let binary: URL = {
        let beside = Bundle.main.bundleURL.appending(path: "dossier")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let executableDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return executableDirectory.appending(path: "dossier")
    }()

    func path(_ name: String) -> String { directory.appending(path: name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let url = directory.appending(path: name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    func run(_ arguments: String..., stdin: Data? = nil) throws -> Result {
        try run(arguments, stdin: stdin)
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        try start(arguments, stdin: stdin).wait()
    }

    /// A `dossier` process started by `start`, still running until `wait()` returns.
    struct Running {
        let process: Process
        fileprivate let out: FileHandle
        fileprivate let err: FileHandle
        fileprivate let outURL: URL
        fileprivate let errURL: URL

        var pid: Int32 { process.processIdentifier }

        /// What the process has written to stdout so far, while it runs.
        func outputSoFar() -> String {
            String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        }

        /// Waits for the process to end and reads what it wrote.
        func wait() throws -> Result {
            process.waitUntilExit()
            try out.close()
            try err.close()
            defer {
                try? FileManager.default.removeItem(at: outURL)
                try? FileManager.default.removeItem(at: errURL)
            }
            return Result(
                exitCode: process.terminationStatus,
                stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        }
    }

    /// Starts `dossier` without waiting, so several can run at once or one can be killed mid-run.
    /// `prefix` runs it through another program (e.g. a shell that sets a resource limit first).
    func start(_ arguments: [String], stdin: Data? = nil, through prefix: [String] = []) throws -> Running {
        if let program = prefix.first {
            return try launch(
                URL(fileURLWithPath: program), Array(prefix.dropFirst()) + [Self.binary.path] + arguments, stdin: stdin)
        }
        return try launch(Self.binary, arguments, stdin: stdin)
    }

    /// Runs another program (a Python checker, Datasette…) in the test's folder and environment,
    /// capturing its output like `dossier`'s.
    func runProgram(_ executable: String, _ arguments: [String]) throws -> Result {
        try launch(URL(fileURLWithPath: executable), arguments, stdin: nil).wait()
    }

    private func launch(_ executable: URL, _ arguments: [String], stdin: Data?) throws -> Running {
        let id = UUID().uuidString
        let outURL = directory.appending(path: ".out-\(id)")
        let errURL = directory.appending(path: ".err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = directory.appending(path: ".in-\(id)")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        return Running(process: process, out: out, err: err, outURL: outURL, errURL: errURL)
    }

    /// Runs another program (mount, chattr…) from `PATH`, discarding its output; returns its exit code.
    @discardableResult
    func system(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Reads a single value from the archive with the sqlite3 shell, independently of Dossier's own code.
    func sql(_ query: String, database: String = "dossier.sqlite") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path(database), query]
        let outURL = directory.appending(path: ".sql-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        try out.close()
        defer { try? FileManager.default.removeItem(at: outURL) }
        return String(decoding: try Data(contentsOf: outURL), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
