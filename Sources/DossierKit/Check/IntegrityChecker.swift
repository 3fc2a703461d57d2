import Foundation

/// Runs `dossier check` over one archive file: reads it through a connection that may not write
/// (`Archive.Access.inspect`), runs `integrity_check` and the record digests on connections of
/// their own beside the other phases (`BackgroundCheck`), and opens a writing connection only for
/// what SQLite accepts as writes (FTS5's integrity-check, rolled back), for `--repair`, and to
/// record the run as an event.
///
/// A file SQLite cannot recognise, or whose schema belongs to a newer dossier, cannot be checked
/// and throws (exit code 2). A recognised SQLite file whose pages are damaged is a finding
/// (`sqlite_corrupt`, exit code 1): the check ran, and what it found is corruption.
public final class IntegrityChecker {
    public let path: String
    public let options: CheckOptions
    private var writer: Connection?
    private var writerFailure: String?

    public init(path: String, options: CheckOptions) {
        self.path = path
        self.options = options
    }

    /// Runs every check in `options.phases`, then the repair if asked, then records the event.
    public func run(progress: (CheckProgress) -> Void = { _ in }) throws -> CheckReport {
        var report = CheckReport(archive: path, startedAt: Timestamp.now())
        report.quick = options.quick
        report.againstSources = options.againstSources
        let reader = try openReader()
        let phases = CheckPhases(options: options, reader: reader, writer: { [unowned self] in self.writingConnection() })
        do {
            let statuses = try Migrator.builtIn().status(of: reader)
            try Self.refuseUncheckable(statuses, path: path)
            // The two slowest phases run beside the others, each on a connection of its own.
            let background = [
                options.phases.contains(.sqlite) ? BackgroundCheck.integrity(path: path, quick: options.quick) : nil,
                options.phases.contains(.records) ? BackgroundCheck.records(path: path) : nil,
            ].compactMap { $0 }
            for phase in options.phases {
                progress(CheckProgress(phase: phase, done: 0, total: nil))
                report.phases.append(phase)
                guard phase != .records else { continue }
                let started = ContinuousClock.now
                defer { report.phaseSeconds[phase.rawValue, default: 0] += (ContinuousClock.now - started).seconds }
                do {
                    try phases.run(phase, statuses: statuses, into: &report, progress: progress)
                } catch let error as DatabaseError where error.isCorrupt || error.isSchemaMismatch {
                    report.findings.append(
                        Finding(
                            kind: .sqliteCorrupt, entityType: "check", entityID: nil,
                            expected: "the \(phase.rawValue) check to read the archive", found: error.message))
                }
            }
            // Each puts its findings first, integrity_check's last so that they lead: damage to the
            // file explains everything after it.
            for check in background.reversed() {
                try check.wait(into: &report)
            }
        } catch let error as DatabaseError where error.isCorrupt || error.isSchemaMismatch {
            // Not even the schema can be read: no other check can run.
            report.findings.append(
                Finding(
                    kind: .sqliteCorrupt, entityType: "file", entityID: nil, expected: "a readable SQLite schema",
                    found: error.message))
        } catch let error as DatabaseError where error.isNotADatabase {
            throw UsageError("\(path) is not a Dossier archive (not an SQLite database)")
        }
        if options.repair {
            repairFullTextIndex(phases: phases, report: &report)
        }
        report.finish()
        if options.recordEvent {
            recordEvent(report: &report)
        }
        return report
    }

    private func openReader() throws -> Connection {
        do {
            return try Archive.connect(path: path, access: .inspect)
        } catch let error as NotAnArchive {
            throw UsageError(error.description)
        }
    }

    /// A schema this build does not know cannot be judged: newer migrations, pending ones, or none at all.
    private static func refuseUncheckable(_ statuses: [MigrationStatus], path: String) throws {
        if let unknown = statuses.first(where: { $0.state == .unknown }) {
            throw MigrationError.newerSchema(version: unknown.version, name: unknown.name)
        }
        let pending = statuses.filter { $0.state == .pending }.map(\.version)
        if pending.count == statuses.count {
            throw UsageError("\(path) is not a Dossier archive (no applied migrations)")
        }
        if !pending.isEmpty {
            throw MigrationError.pendingMigrations(versions: pending)
        }
    }

    /// The connection for writes, opened once; nil (with the reason kept) when the file cannot be written.
    private func writingConnection() -> Connection? {
        if let writer { return writer }
        if writerFailure != nil { return nil }
        do {
            writer = try Archive.connect(path: path, access: .maintain)
        } catch {
            writerFailure = "\(error)"
        }
        return writer
    }

    private func repairFullTextIndex(phases: CheckPhases, report: inout CheckReport) {
        let broken = report.findings.filter(\.kind.isRepairableByRebuildingIndex)
        guard !broken.isEmpty else { return }
        guard let writer = writingConnection() else {
            report.warnings.append("could not rebuild the full-text index: \(writerFailure ?? "archive not writable")")
            return
        }
        do {
            try writer.writeTransaction {
                try IntegrityRepository(connection: writer).rebuildFullTextIndex()
                try EventRepository(connection: writer).record(
                    Event(
                        operatorName: options.operatorName, action: "repair", entityType: "index",
                        newJSON: try JSONText.encode(RepairEvent(rebuilt: "documents_fts", findings: broken.count)),
                        reason: "dossier check --repair: full-text index checks failed"))
            }
            var after = CheckReport(archive: path, startedAt: report.startedAt)
            try phases.run(.fullText, statuses: [], into: &after, progress: { _ in })
            report.findings.removeAll(where: \.kind.isRepairableByRebuildingIndex)
            report.findings += after.findings
            report.warnings += after.warnings
            report.repairs.append(
                CheckReport.Repair(
                    action: "rebuild_full_text_index",
                    description: "rebuilt the full-text index documents_fts from the documents table", resolved: broken))
        } catch {
            report.warnings.append("could not rebuild the full-text index: \(error)")
        }
    }

    private func recordEvent(report: inout CheckReport) {
        guard let writer = writingConnection() else {
            report.warnings.append("the check could not be recorded as an event: \(writerFailure ?? "archive not writable")")
            return
        }
        do {
            _ = try writer.writeTransaction {
                try EventRepository(connection: writer).record(
                    Event(
                        operatorName: options.operatorName, action: "check", entityType: "archive",
                        newJSON: try JSONText.encode(CheckEvent(report: report, options: options))))
            }
            report.eventRecorded = true
        } catch {
            report.warnings.append("the check could not be recorded as an event: \(error)")
        }
    }
}

/// What the audit log keeps of a check, so `dossier report` can say when the archive was last verified.
struct CheckEvent: Encodable {
    let outcome: String
    let problems: Int
    let notices: Int
    let findingsByKind: [String: Int]
    let quick: Bool
    let againstSources: Bool
    let sample: Int?
    let since: String?
    let documents: Int
    let fixityChecked: Int
    let repaired: [String]
    let auditChainHead: String?

    init(report: CheckReport, options: CheckOptions) {
        outcome = report.outcome.rawValue
        problems = report.problemCount
        notices = report.noticeCount
        findingsByKind = report.countsByKind
        quick = options.quick
        againstSources = options.againstSources
        sample = options.sample
        since = options.since
        documents = report.documents
        fixityChecked = report.fixityChecked
        repaired = report.repairs.map(\.action)
        auditChainHead = report.auditChainHead
    }

    enum CodingKeys: String, CodingKey {
        case outcome, problems, notices, quick, sample, since, documents, repaired
        case findingsByKind = "findings_by_kind"
        case againstSources = "against_sources"
        case fixityChecked = "fixity_checked"
        case auditChainHead = "audit_chain_head"
    }
}

/// What the audit log keeps of a repair.
struct RepairEvent: Encodable {
    let rebuilt: String
    let findings: Int
}
