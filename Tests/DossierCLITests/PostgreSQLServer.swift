import Foundation
import Testing

/// The PostgreSQL server the tests of `export --format postgresql` load into: $DOSSIER_POSTGRES_URL,
/// else the throwaway cluster `Scripts/start-postgresql` started (its URL is in
/// /tmp/dossier-pg-UID/url), which `Scripts/test` and CI start. Without a reachable server those
/// tests are skipped; with DOSSIER_REQUIRE_POSTGRESQL set (CI sets it) its absence is a failure.
enum PostgreSQLServer {
    static let url: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["DOSSIER_POSTGRES_URL"], !url.isEmpty { return url }
        let directory = environment["DOSSIER_PG_DIR"] ?? "/tmp/dossier-pg-\(getuid())"
        return (try? String(contentsOfFile: directory + "/url", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    /// psql from PATH, else the newest Debian server's.
    static let psql: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates =
            path.split(separator: ":").map { "\($0)/psql" }
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }.map { "/usr/lib/postgresql/\($0)/bin/psql" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let available: Bool = {
        guard let url, psql != nil, let result = try? run(url, ["-c", "SELECT 1"]) else { return false }
        return result.exitCode == 0
    }()

    static let required = ProcessInfo.processInfo.environment["DOSSIER_REQUIRE_POSTGRESQL"] != nil

    /// Runs psql against `url` without reading ~/.psqlrc, stopping at the first error.
    static func run(_ url: String, _ arguments: [String], in directory: URL? = nil) throws -> CLIRunner.Result {
        let folder = directory ?? FileManager.default.temporaryDirectory
        let id = UUID().uuidString
        let outURL = folder.appending(path: ".psql-out-\(id)")
        let errURL = folder.appending(path: ".psql-err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql ?? "/nonexistent/psql")
        process.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url] + arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CLIRunner.Result(
            exitCode: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A new, empty database on the server, so that tests running at once never share a schema.
    struct Database {
        let name = "dossier_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url: String

        init() throws {
            guard let server = PostgreSQLServer.url, var components = URLComponents(string: server) else {
                throw CocoaError(.fileNoSuchFile)
            }
            let created = try PostgreSQLServer.run(server, ["-c", "CREATE DATABASE \(name)"])
            guard created.exitCode == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": created.stderr]) }
            components.path = "/" + name
            url = components.string ?? server
        }

        func drop() {
            if let server = PostgreSQLServer.url {
                _ = try? PostgreSQLServer.run(server, ["-c", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"])
            }
        }

        /// psql's output of one query, unaligned and without headers.
        func query(_ sql: String) throws -> String {
            let result = try PostgreSQLServer.run(url, ["-A", "-t", "-c", sql])
            #expect(result.exitCode == 0, "\(sql): \(result.stderr)")
            return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}

@Suite("PostgreSQL server")
struct PostgreSQLServerPresence {
    @Test("the server is reachable where it is required", .enabled(if: PostgreSQLServer.required))
    func present() {
        #expect(
            PostgreSQLServer.available,
            "run Scripts/start-postgresql or set DOSSIER_POSTGRES_URL: DOSSIER_REQUIRE_POSTGRESQL is set (psql: \(PostgreSQLServer.psql ?? "not found"), URL: \(PostgreSQLServer.url ?? "none"))"
        )
    }
}
