/// Takes back a person's last review decision on a figure or a quote (`dossier undo`, the review
/// pages' undo key): a slip of the keyboard while reviewing must cost one key, not a hunt through
/// `dossier history`. The fact returns to what it was before the decision, and the undo is itself
/// an event, so the log still tells everything that happened.
///
/// Only a decision that is still the last word on its fact can be undone: once anyone recorded
/// something later on that fact, undoing the earlier decision would silently overwrite theirs.
public struct DecisionUndo {
    /// What an undo took back.
    public struct Undone: Sendable, Equatable, Codable {
        public let kind: String
        public let id: Int64
        /// The document the fact belongs to, where a reviewer goes back to.
        public let documentID: Int64
        public let action: String
        public let eventID: Int64

        public var description: String { "Undid the \(action) of \(kind) \(id) (event \(eventID))." }
    }

    static let decisions = ["confirm", "reject", "correct", "add"]

    let archive: Archive
    let log: AuditLog

    public init(archive: Archive, operatorName: String) {
        self.archive = archive
        self.log = AuditLog(archive: archive, operatorName: operatorName)
    }

    /// The decision `undoLast` would take back, or nil when there is none.
    public func lastDecision() throws -> Event? {
        try archive.events.latestStandingDecision(
            operatorName: log.operatorName, entityTypes: ["figure", "quote"], actions: Self.decisions)
    }

    @discardableResult
    public func undoLast() throws -> Undone {
        try archive.connection.writeTransaction {
            guard let event = try lastDecision(), let kind = event.entityType, let id = event.entityID, let eventID = event.id
            else {
                throw UsageError(
                    "nothing to undo: \(log.operatorName) has no decision on a figure or quote that is still the last word on it")
            }
            let documentID =
                kind == "figure"
                ? try restore(event, kind: kind, id: id, current: archive.figures.find(id: id), update: archive.figures.update)
                : try restore(event, kind: kind, id: id, current: archive.quotes.find(id: id), update: archive.quotes.update)
            return Undone(kind: kind, id: id, documentID: documentID, action: event.action, eventID: eventID)
        }
    }

    /// Puts the fact back as the event found it; a fact added by hand is withdrawn (rejected), since
    /// facts are never deleted from the archive. Returns the fact's document.
    private func restore<Fact: ReviewedFact>(
        _ event: Event, kind: String, id: Int64, current: Fact?, update: (Fact, String?) throws -> Void
    ) throws -> Int64 {
        guard let current else { throw UsageError("\(kind) \(id) is no longer in the archive; nothing to undo") }
        var restored: Fact
        var reviewReason: String?
        if event.action == "add" {
            restored = current
            restored.status = .rejected
            reviewReason = "withdrawn: added by mistake (undo)"
        } else {
            guard let old = event.oldJSON.flatMap({ JSONText.decode(Fact.self, from: $0) }) else {
                throw UsageError("event \(event.id ?? 0) does not hold \(kind) \(id) as it was before; nothing to undo")
            }
            restored = old
        }
        try update(restored, reviewReason)
        try log.record(
            "undo", kind, id, old: current, new: restored, reason: "undoes event \(event.id ?? 0) (\(event.action))")
        return current.documentID
    }
}

/// A fact a person reviews: its status is what a decision changes.
protocol ReviewedFact: Codable {
    var documentID: Int64 { get }
    var status: FactStatus { get set }
}

extension Figure: ReviewedFact {}
extension Quote: ReviewedFact {}
