import Foundation

/// The steps backup and restore share: copy a database into a temporary file beside its
/// destination, make it durable, check it, then rename it into place, so that a copy that failed
/// half-way never carries the final name.
enum ArchiveCopier {
    /// A name beside `destination` that no other run of dossier uses.
    static func partialPath(for destination: String) -> String {
        "\(destination).partial-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Copies `source` into a fresh file at `partial` and flushes it to disk; on failure nothing is
    /// left behind.
    static func copy(_ source: Connection, to partial: String) throws {
        removeIfPresent(partial)
        do {
            try source.backup(to: partial)
            try FileSync.sync(file: partial)
        } catch {
            removeIfPresent(partial)
            throw error
        }
    }

    /// Removes the partial copies for `destination` that earlier runs left when they were killed:
    /// those whose process no longer runs. A partial copy of a live run is left alone.
    static func removeStalePartials(of destination: String) {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let prefix = url.lastPathComponent + ".partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix(while: \.isNumber)), pid > 0,
                pid != ProcessInfo.processInfo.processIdentifier, !ProcessLiveness.isRunning(pid)
            else { continue }
            removeIfPresent((folder as NSString).appendingPathComponent(String(name.prefix(prefix.count + String(pid).count))))
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
            let connection = try Archive.connect(path: path, access: .maintain)
            _ = try connection.writeTransaction { try EventRepository(connection: connection).record(event) }
            return nil
        } catch {
            return "the \(event.action) could not be recorded as an event in \(path): \(error)"
        }
    }

    /// Removes a database file and any journal SQLite left beside it.
    static func removeIfPresent(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            unlink(path + suffix)
        }
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
