import Foundation

/// Runs `PRAGMA integrity_check` on its own read-only connection and thread, so that on a large
/// archive it overlaps with fixity, spans and the other phases instead of adding to them.
final class BackgroundIntegrityCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<[Finding], Error> = .success([])
    private var seconds = 0.0

    init(path: String, quick: Bool) {
        let thread = Thread { [self] in
            let started = ContinuousClock.now
            outcome = Result {
                let connection = try Connection(path: path, mode: .readOnly)
                return try CheckPhases.integrityFindings(IntegrityRepository(connection: connection), quick: quick)
            }
            seconds = (ContinuousClock.now - started).seconds
            done.signal()
        }
        thread.start()
    }

    /// Waits for the check; returns its findings and how long it took, or rethrows its failure.
    func wait() throws -> (findings: [Finding], seconds: Double) {
        done.wait()
        return (try outcome.get(), seconds)
    }
}
