/// What happened to one input of an import run.
public struct ImportResult: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable { case imported, duplicate, failed }

    public var file: String
    public var outcome: Outcome
    /// The new document, or the existing one it duplicates.
    public var documentID: Int64?
    public var sha256: String?
    public var title: String?
    public var language: String?
    /// An earlier document whose text differs from this one only in whitespace.
    public var probableDuplicateOf: Int64?
    public var figures: Int?
    public var quotes: Int?
    public var people: Int?
    public var organisations: Int?
    public var operations: Int?
    public var dates: Int?
    public var error: String?
}

/// The outcome of one import run.
public struct ImportSummary: Sendable, Codable, Equatable {
    public var batchID: Int64?
    public var dryRun: Bool
    public var seen = 0
    public var imported = 0
    public var duplicates = 0
    public var failed = 0
    public var results: [ImportResult] = []
}
