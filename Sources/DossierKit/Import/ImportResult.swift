/// What happened to one input of an import run.
public struct ImportResult: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable { case imported, duplicate, failed }

    /// How a duplicate matches the archived document.
    public enum DuplicateMatch: String, Sendable, Codable {
        /// The very bytes that were imported before.
        case sameBytes = "same_bytes"
        /// The same stored text from other bytes: other front matter, a BOM, another encoding.
        case sameText = "same_text"
    }

    public var file: String
    public var outcome: Outcome
    /// The new document, or the existing one it duplicates.
    public var documentID: Int64?
    public var sha256: String?
    public var title: String?
    public var language: String?
    /// An earlier document whose text differs from this one only in whitespace.
    public var probableDuplicateOf: Int64?
    /// What the text was taken from (text, html, eml, pdf) and by which extractor.
    public var sourceFormat: SourceFormat?
    public var extractorVersion: String?
    /// An earlier document extracted from the very same bytes (by another extractor version).
    public var sameSourceAs: Int64?
    /// Parts of an e-mail that are not its text: listed here, never stored.
    public var attachments: [ExtractedSource.Attachment]?
    public var figures: Int?
    public var quotes: Int?
    public var people: Int?
    public var organisations: Int?
    public var operations: Int?
    public var dates: Int?
    public var error: String?
    /// For a duplicate: same bytes, or same text only.
    public var duplicateMatch: DuplicateMatch?
    /// For a duplicate: metadata this file declares that differs from the archived document's; not applied.
    public var metadataDifferences: [MetadataDifference]?
    /// The audit event that records `metadataDifferences` (nil in a dry run).
    public var metadataEventID: Int64?
    /// The command that applies the differences `dossier document set` can change.
    public var applyCommand: String?
}

/// The outcome of one import run.
public struct ImportSummary: Sendable, Codable, Equatable {
    public var batchID: Int64?
    public var dryRun: Bool
    public var seen = 0
    public var imported = 0
    public var duplicates = 0
    /// Duplicates whose declared metadata differs from the archived document's (counted in `duplicates` too).
    public var duplicatesWithOtherMetadata = 0
    public var failed = 0
    public var results: [ImportResult] = []
}
