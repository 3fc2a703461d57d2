import Foundation

/// The steps backup and restore share: copy a database into a temporary file beside its
/// destination, make it durable, check it, then rename it into place, so that a copy that failed
/// half-way never carries the final name.
enum ArchiveCopier {
    /// A name beside `destination` that no other run of dossier uses.
    static func partialPath(for destination: String) -> String {
        "\(destination).partial-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Copies `source` into a fresh file at `partial` and flushes it to disk.
    static func copy(_ source: Connection, to partial: String) throws {
        try removeIfPresent(partial)
        do {
            try source.backup(to: partial)
            try FileSync.sync(file: partial)
        } catch {
            try? removeIfPresent(partial)
            throw error
        }
    }

    /// Checks a copy as a backup must be checked: SQLite integrity, schema, and every body's hash.
    static func verify(_ path: String, operatorName: String) throws -> CheckReport {
        try IntegrityChecker(path: path, options: .verifyingCopy(operatorName: operatorName)).run()
    }

    /// Appends one event to the archive at `path`; returns a warning instead of failing, because
    /// the copy it records is already complete.
    static func record(_ event: Event, in path: String) -> String? {
        do {
            let connection = try Connection(path: path, mode: .readWrite)
            _ = try connection.writeTransaction { try EventRepository(connection: connection).record(event) }
            return nil
        } catch {
            return "the \(event.action) could not be recorded as an event in \(path): \(error)"
        }
    }

    static func removeIfPresent(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
