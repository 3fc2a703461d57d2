/// Everything one run of `dossier check` found and did.
public struct CheckReport: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case clean, findings
    }

    /// A repair that `--repair` carried out.
    public struct Repair: Sendable, Codable, Equatable {
        public let action: String
        public let description: String
        /// The findings the repair resolved.
        public let resolved: [Finding]
    }

    public let archive: String
    public let startedAt: String
    public var finishedAt: String = ""
    /// The phases that ran: none when not even the schema could be read.
    public var phases: [CheckOptions.Phase] = []
    public var quick = false
    public var againstSources = false
    public var documents = 0
    /// Documents whose body was hashed (fewer than `documents` with `--sample` or `--since`).
    public var fixityChecked = 0
    /// Original files re-read with `--against-sources`.
    public var sourcesChecked = 0
    public var spansChecked = 0
    /// Rows whose record digest was recomputed (documents with their facts, entities, batches).
    public var recordsChecked = 0
    /// Events whose place in the audit chain was verified.
    public var eventsChecked = 0
    /// The hash of the last event: kept outside the archive (a log, a ticket), it proves later that
    /// the audit log was not rewritten wholesale, which no check from inside the file can.
    public var auditChainHead: String?
    /// Bytes of stored bodies hashed by the fixity check.
    public var fixityBytes = 0
    /// Wall-clock seconds each phase took, so daily runs can be sized and slow phases found.
    public var phaseSeconds: [String: Double] = [:]
    public var findings: [Finding] = []
    public var repairs: [Repair] = []
    /// Things the user should know that are not findings, such as an event that could not be recorded.
    public var warnings: [String] = []
    public var eventRecorded = false

    public init(archive: String, startedAt: String) {
        self.archive = archive
        self.startedAt = startedAt
    }

    /// Set by `finish()`; stored so that the JSON output carries it.
    public private(set) var outcome: Outcome = .clean
    public private(set) var problemCount = 0
    public private(set) var noticeCount = 0

    public var problems: [Finding] { findings.filter { $0.severity == .problem } }

    /// Seals the report once every check has run.
    public mutating func finish() {
        finishedAt = Timestamp.now()
        problemCount = problems.count
        noticeCount = findings.count - problemCount
        outcome = problemCount == 0 ? .clean : .findings
    }

    /// How many findings of each kind, for summaries and the event log.
    public var countsByKind: [String: Int] {
        Dictionary(grouping: findings, by: \.kind.rawValue).mapValues(\.count)
    }
}
