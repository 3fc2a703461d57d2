import Foundation

/// Runs one phase of `dossier check` on its own connection and thread, so that on a large archive
/// it overlaps with the other phases instead of adding to them: `integrity_check` and the record
/// digests are the two slowest, and each reads the whole file.
final class BackgroundCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<CheckReport, Error>
    private let phase: CheckOptions.Phase

    /// Starts `work` on a new thread; it fills a report of its own, merged by `wait(into:)`.
    init(phase: CheckOptions.Phase, path: String, work: @escaping @Sendable (Connection, inout CheckReport) throws -> Void) {
        self.phase = phase
        outcome = .success(CheckReport(archive: path, startedAt: ""))
        let thread = Thread { [self] in
            let started = ContinuousClock.now
            outcome = Result {
                var partial = CheckReport(archive: path, startedAt: "")
                let connection = try Archive.connect(path: path, access: .inspect)
                do {
                    try work(connection, &partial)
                } catch let error as DatabaseError where error.isCorrupt || error.isSchemaMismatch {
                    partial.findings.append(
                        Finding(
                            kind: .sqliteCorrupt, entityType: "check", entityID: nil,
                            expected: "the \(phase.rawValue) check to read the archive", found: error.message))
                }
                partial.phaseSeconds[phase.rawValue] = (ContinuousClock.now - started).seconds
                return partial
            }
            done.signal()
        }
        thread.start()
    }

    /// `PRAGMA integrity_check`, which verifies CHECK constraints only through a connection that
    /// could write: a read-only file gets a warning saying they were not.
    static func integrity(path: String, quick: Bool) -> BackgroundCheck {
        BackgroundCheck(phase: .sqlite, path: path) { connection, report in
            report.findings = try CheckPhases.integrityFindings(IntegrityRepository(connection: connection), quick: quick)
            if connection.isReadOnly {
                report.warnings.append(
                    "CHECK constraints not verified: \(path) cannot be opened for writing, and SQLite skips them read-only")
            }
        }
    }

    /// The record digests, seals and audit chain, read in one snapshot.
    static func records(path: String) -> BackgroundCheck {
        BackgroundCheck(phase: .records, path: path) { connection, report in
            try connection.readTransaction {
                try RecordVerifier(fixity: FixityRepository(connection: connection)).verify(into: &report)
            }
        }
    }

    /// Waits for the phase and merges what it found into `report`, its findings first, or rethrows
    /// its failure.
    func wait(into report: inout CheckReport) throws {
        done.wait()
        let partial = try outcome.get()
        report.findings.insert(contentsOf: partial.findings, at: 0)
        report.warnings += partial.warnings
        report.recordsChecked += partial.recordsChecked
        report.eventsChecked += partial.eventsChecked
        report.auditChainHead = partial.auditChainHead ?? report.auditChainHead
        report.phaseSeconds[phase.rawValue, default: 0] += partial.phaseSeconds[phase.rawValue] ?? 0
    }
}
