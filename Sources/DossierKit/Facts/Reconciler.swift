/// What re-extraction changed in one document.
public struct ReextractionChanges: Sendable, Codable, Equatable {
    /// New facts the current rules find.
    public var added = 0
    /// Facts found again, left exactly as they were.
    public var kept = 0
    /// Machine facts the current rules no longer find, now `superseded` (never deleted).
    public var superseded = 0
    /// Superseded facts the current rules find again, back to `extracted`.
    public var restored = 0
    /// Facts not added because an archivist confirmed or rejected an overlapping one.
    public var skippedByDecision = 0

    public var changedAnything: Bool { added > 0 || superseded > 0 || restored > 0 }
}

/// The facts a document already has, read before re-extraction.
struct ExistingFacts {
    var figures: [Figure]
    var quotes: [Quote]
    var mentions: [Mention]
}

/// Decides, fact by fact, what re-extraction may write, and remembers what it matched.
struct Reconciler {
    private var figures: [Figure]
    private var quotes: [Quote]
    private var mentions: [Mention]
    private var claimedFigures = Set<Int64>()
    private var claimedQuotes = Set<Int64>()
    private var claimedMentions = Set<Int64>()
    private(set) var changes = ReextractionChanges()

    init(existing: ExistingFacts) {
        figures = existing.figures
        quotes = existing.quotes
        mentions = existing.mentions
    }

    private static func overlaps(_ a: SourceSpan, _ b: SourceSpan) -> Bool {
        a.start < b.end && b.start < a.end
    }

    private static func isDecided(_ status: FactStatus) -> Bool {
        status == .confirmed || status == .rejected
    }

    private enum Decision {
        case insert
        /// The same span is already stored: keep it as it is.
        case matched(Int64)
        /// An archivist confirmed or rejected an overlapping fact: their decision stands.
        case decided(Int64)
    }

    private static func decide(_ span: SourceSpan, among candidates: [(id: Int64?, span: SourceSpan, status: FactStatus)])
        -> Decision
    {
        if let same = candidates.first(where: { $0.span.start == span.start && $0.span.end == span.end }), let id = same.id {
            return .matched(id)
        }
        if let decided = candidates.first(where: { isDecided($0.status) && overlaps($0.span, span) }), let id = decided.id {
            return .decided(id)
        }
        return .insert
    }

    /// Returns true when a new fact should be inserted; records matches and decisions otherwise.
    private mutating func record(_ decision: Decision, in claimed: WritableKeyPath<Reconciler, Set<Int64>>) -> Bool {
        switch decision {
        case .insert:
            changes.added += 1
            return true
        case .matched(let id):
            self[keyPath: claimed].insert(id)
            changes.kept += 1
            return false
        case .decided(let id):
            self[keyPath: claimed].insert(id)
            changes.skippedByDecision += 1
            return false
        }
    }

    mutating func claimFigure(_ span: SourceSpan) -> Bool {
        record(Self.decide(span, among: figures.map { ($0.id, $0.span, $0.status) }), in: \.claimedFigures)
    }

    mutating func claimQuote(_ span: SourceSpan) -> Bool {
        record(Self.decide(span, among: quotes.map { ($0.id, $0.span, $0.status) }), in: \.claimedQuotes)
    }

    mutating func claimMention(_ mention: Mention) -> Bool {
        let sameKind = mentions.filter { $0.entity.typeName == mention.entity.typeName }
        return record(Self.decide(mention.span, among: sameKind.map { ($0.id, $0.span, $0.status) }), in: \.claimedMentions)
    }

    private func unclaimed<T>(_ facts: [T], _ claimed: Set<Int64>, id: (T) -> Int64?, status: (T) -> FactStatus) -> [Int64] {
        facts.compactMap { fact in
            guard let factID = id(fact), status(fact) == .extracted, !claimed.contains(factID) else { return nil }
            return factID
        }
    }

    private func restored<T>(_ facts: [T], _ claimed: Set<Int64>, id: (T) -> Int64?, status: (T) -> FactStatus) -> [Int64] {
        facts.compactMap { fact in
            guard let factID = id(fact), status(fact) == .superseded, claimed.contains(factID) else { return nil }
            return factID
        }
    }

    var unclaimedFigures: [Int64] { unclaimed(figures, claimedFigures, id: \.id, status: \.status) }
    var unclaimedQuotes: [Int64] { unclaimed(quotes, claimedQuotes, id: \.id, status: \.status) }
    var unclaimedMentions: [Int64] { unclaimed(mentions, claimedMentions, id: \.id, status: \.status) }
    var restoredFigures: [Int64] { restored(figures, claimedFigures, id: \.id, status: \.status) }
    var restoredQuotes: [Int64] { restored(quotes, claimedQuotes, id: \.id, status: \.status) }
    var restoredMentions: [Int64] { restored(mentions, claimedMentions, id: \.id, status: \.status) }
}
