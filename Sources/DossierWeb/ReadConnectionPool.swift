import DossierKit
import Foundation

/// Read-only connections to the archive, kept open between requests: opening one validates the
/// schema and starts SQLite's page cache cold, which a page should not pay for each time.
///
/// A connection serves one request at a time: it is taken out of the pool for the request and put
/// back after, so no two threads ever use it at once (SQLite's multi-thread mode). At most
/// `capacity` idle connections are kept; a request finding none opens one more.
final class ReadConnectionPool: @unchecked Sendable {
    /// An open archive and the file it was opened on. Sendable because the pool hands it to one
    /// request at a time and keeps no reference while it is out.
    private final class Pooled: @unchecked Sendable {
        let archive: Archive
        let file: FileIdentity

        init(archive: Archive, file: FileIdentity) {
            self.archive = archive
            self.file = file
        }
    }

    let path: String
    let capacity: Int
    let busyTimeoutMilliseconds: Int32
    /// Guarded by `lock` (NSLock rather than Mutex: the package still builds for macOS 13).
    private var idle: [Pooled] = []
    private let lock = NSLock()

    init(path: String, capacity: Int = 4, busyTimeoutMilliseconds: Int32 = Connection.defaultBusyTimeout) {
        self.path = path
        self.capacity = capacity
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    /// Runs `body` on a pooled connection. A connection whose request failed is closed rather than
    /// put back, so that whatever state the failure left it in never reaches another request.
    func withArchive<Result>(_ body: (Archive) throws -> Result) throws -> Result {
        let pooled = try checkOut()
        let result = try body(pooled.archive)
        checkIn(pooled)
        return result
    }

    private func checkOut() throws -> Pooled {
        let current = FileIdentity(path: path)
        while let pooled = lock.withLock({ idle.popLast() }) {
            if pooled.file == current { return pooled }
        }
        let archive = try Archive.open(path: path, access: .read, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        guard let file = current ?? FileIdentity(path: path) else {
            throw UsageError("archive \(path) is gone")
        }
        return Pooled(archive: archive, file: file)
    }

    private func checkIn(_ pooled: Pooled) {
        lock.withLock {
            if idle.count < capacity { idle.append(pooled) }
        }
    }

    /// Idle connections now (for tests).
    var idleCount: Int { lock.withLock { idle.count } }
}
