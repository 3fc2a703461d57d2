import Foundation

/// Runs `PRAGMA integrity_check` on its own connection and thread, so that on a large archive it
/// overlaps with fixity, spans and the other phases instead of adding to them.
final class BackgroundIntegrityCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<[Finding], Error> = .success([])
    private var seconds = 0.0
    /// False when the file could be opened only read-only, where SQLite skips CHECK constraints.
    private var checkedConstraints = true

    init(path: String, quick: Bool) {
        let thread = Thread { [self] in
            let started = ContinuousClock.now
            outcome = Result {
                let connection = try Archive.connect(path: path, access: .inspect)
                checkedConstraints = !connection.isReadOnly
                return try CheckPhases.integrityFindings(IntegrityRepository(connection: connection), quick: quick)
            }
            seconds = (ContinuousClock.now - started).seconds
            done.signal()
        }
        thread.start()
    }

    /// Waits for the check; returns its findings and how long it took, or rethrows its failure.
    func wait() throws -> (findings: [Finding], seconds: Double, checkedConstraints: Bool) {
        done.wait()
        return (try outcome.get(), seconds, checkedConstraints)
    }
}
