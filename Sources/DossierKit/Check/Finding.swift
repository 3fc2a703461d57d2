/// One thing `dossier check` found that does not hold: what kind, on which entity, and what was
/// expected versus what is there.
public struct Finding: Sendable, Equatable, Codable {
    /// What was checked and failed. The raw values are part of the JSON output and the event log.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `PRAGMA integrity_check` or `quick_check` reported a problem.
        case sqliteIntegrity = "sqlite_integrity"
        /// SQLite refused to read part of the file (SQLITE_CORRUPT) while a check ran.
        case sqliteCorrupt = "sqlite_corrupt"
        /// `PRAGMA foreign_key_check` found a row whose parent is missing.
        case foreignKey = "foreign_key"
        /// An applied migration's recorded checksum differs from the built-in file.
        case migrationChecksum = "migration_checksum"
        /// A stored body no longer hashes to its recorded SHA-256.
        case bodyHash = "body_hash"
        /// The original file still exists but its bytes no longer hash to `original_sha256`.
        case sourceHash = "source_hash"
        /// The original file is gone: worth knowing, but not a sign of corruption.
        case sourceMissing = "source_missing"
        /// The original file exists but cannot be read.
        case sourceUnreadable = "source_unreadable"
        /// A span lies outside its document's body.
        case spanOutOfRange = "span_out_of_range"
        /// The text at a span differs from its recorded exact text.
        case spanText = "span_text"
        /// FTS5's own `integrity-check` failed.
        case ftsIntegrity = "fts_integrity"
        /// A document is missing from the full-text index.
        case ftsMissing = "fts_missing"
        /// The full-text index holds a row for a document that does not exist.
        case ftsOrphan = "fts_orphan"
        /// A fact refers to a document, person, organisation or operation that does not exist.
        case factMissingEntity = "fact_missing_entity"
        /// A fact still refers to an entity whose every mention in its document was rejected.
        case factRejectedEntity = "fact_rejected_entity"
        /// An operation that no document reports.
        case operationWithoutDocuments = "operation_without_documents"
        /// A person with no role, quote or mention.
        case personWithoutFacts = "person_without_facts"
        /// Two entities whose names differ only by letter case: a duplicate unique slugs cannot catch.
        case duplicateName = "duplicate_name"
        /// A row breaks a CHECK or NOT NULL constraint of its table (a value forced in past SQLite's rules).
        case checkConstraint = "check_constraint"
        /// A table, index, trigger or view differs from what the migrations create, or is missing or extra.
        case schemaObject = "schema_object"
        /// A document, person, organisation, operation or batch no longer matches its record digest:
        /// its metadata or facts were changed outside Dossier.
        case recordDigest = "record_digest"
        /// A row has no record digest: it was added outside Dossier.
        case recordUnsealed = "record_unsealed"
        /// A table's row count or digest sum differs from its seal: rows were deleted or added outside Dossier.
        case sealMismatch = "seal_mismatch"
        /// The audit log's hash chain is broken at an event: one was deleted, changed or forged.
        case auditChain = "audit_chain"
        /// The body decoded from the original file differs from the stored body.
        case sourceBody = "source_body"
        /// `fact_counts` disagrees with the facts it counts: it was edited, or its triggers dropped.
        case factCount = "fact_count"

        /// Missing or unreadable originals are reported, not counted as problems: sources move,
        /// and the archive's own copy is what fixity protects.
        public var severity: Severity {
            switch self {
            case .sourceMissing, .sourceUnreadable: .notice
            default: .problem
            }
        }

        /// The full-text index can be rebuilt from the documents table without losing anything.
        public var isRepairableByRebuildingIndex: Bool {
            self == .ftsIntegrity || self == .ftsMissing || self == .ftsOrphan
        }
    }

    public enum Severity: String, Sendable, Codable {
        /// Makes the check fail (exit code 1).
        case problem
        /// Reported only.
        case notice
    }

    public let kind: Kind
    public let severity: Severity
    /// `document`, `figure`, `migration`, `page`, … — what `entityID` identifies.
    public let entityType: String
    public let entityID: Int64?
    public let expected: String
    public let found: String

    public init(kind: Kind, entityType: String, entityID: Int64?, expected: String, found: String) {
        self.kind = kind
        self.severity = kind.severity
        self.entityType = entityType
        self.entityID = entityID
        self.expected = expected
        self.found = found
    }

    /// One line for people: kind, entity, expected versus found.
    public var summary: String {
        let entity = entityID.map { "\(entityType) #\($0)" } ?? entityType
        return "\(kind.rawValue) \(entity): expected \(expected), found \(found)"
    }
}
