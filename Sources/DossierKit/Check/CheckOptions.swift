/// What `dossier check` verifies, and how much of the archive.
public struct CheckOptions: Sendable {
    /// The groups of checks, run in this order.
    public enum Phase: String, Sendable, CaseIterable, Codable {
        case sqlite, schema, fixity, records, spans
        case fullText = "full_text"
        case consistency
    }

    public var phases: [Phase]
    /// `PRAGMA quick_check` instead of `integrity_check`: O(N) instead of O(N log N), skips index content.
    public var quick: Bool
    /// Also re-read each document's original file and compare the hash of its bytes.
    public var againstSources: Bool
    /// Limit fixity to this many documents chosen at random.
    public var sample: Int?
    /// Limit fixity to documents imported on or after this ISO date.
    public var since: String?
    /// Rebuild the full-text index when its checks fail.
    public var repair: Bool
    /// Record the run in the audit log. Off when checking a backup copy, which must stay as copied.
    public var recordEvent: Bool
    public var operatorName: String

    public init(
        phases: [Phase] = Phase.allCases, quick: Bool = false, againstSources: Bool = false, sample: Int? = nil,
        since: String? = nil, repair: Bool = false, recordEvent: Bool = true, operatorName: String = Operator.resolve(nil)
    ) {
        self.phases = phases
        self.quick = quick
        self.againstSources = againstSources
        self.sample = sample
        self.since = since
        self.repair = repair
        self.recordEvent = recordEvent
        self.operatorName = operatorName
    }

    /// What a backup copy must pass before it is trusted: the file is sound and every body matches its hash.
    public static func verifyingCopy(operatorName: String) -> CheckOptions {
        CheckOptions(phases: [.sqlite, .schema, .fixity, .records], recordEvent: false, operatorName: operatorName)
    }
}
