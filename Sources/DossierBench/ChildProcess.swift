import Foundation

/// Runs a command as a child process and measures it: wall time and the child's own peak
/// resident memory (from wait4's rusage, so other processes never count).
struct ChildProcess {
    struct Measurement {
        let exitCode: Int32
        let seconds: Double
        /// User and system time of every thread of the child.
        let processorSeconds: Double
        let peakResidentBytes: Int
    }

    /// Runs `arguments[0]` with the rest as arguments; stdout goes to `stdoutPath` (default /dev/null).
    static func run(_ arguments: [String], stdoutPath: String = "/dev/null", stdinPath: String? = nil) throws -> Measurement {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        if let stdinPath {
            posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer {
            for argument in argv { free(argument) }
        }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard status == 0 else {
            throw BenchmarkError("cannot start \(arguments[0]): \(String(cString: strerror(status)))")
        }
        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = ContinuousClock.now - started
        let exitCode = (waitStatus & 0x7F) == 0 ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F)
        let processorSeconds =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        return Measurement(
            exitCode: exitCode, seconds: elapsed.seconds, processorSeconds: processorSeconds,
            peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// Runs a command and fails unless it exits 0.
    @discardableResult
    static func succeed(_ arguments: [String], stdoutPath: String = "/dev/null", stdinPath: String? = nil) throws -> Measurement {
        let measurement = try run(arguments, stdoutPath: stdoutPath, stdinPath: stdinPath)
        guard measurement.exitCode == 0 else {
            throw BenchmarkError("`\(arguments.joined(separator: " "))` exited \(measurement.exitCode)")
        }
        return measurement
    }
}

extension ChildProcess {
    /// Runs a command that must succeed and returns what it printed, without the final newline.
    static func output(_ arguments: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appending(path: "dossier-bench-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try succeed(arguments, stdoutPath: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
