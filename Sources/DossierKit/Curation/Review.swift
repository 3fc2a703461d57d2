/// A document laid out for checking: its text and every fact found in it, numbered in reading order.
public struct Review: Sendable, Codable, Equatable {
    /// The kinds of fact a review shows, named as in `Fact.kind`.
    public enum FactKind: String, CaseIterable, Sendable {
        case figure, quote, mention

        /// The kinds in a comma-separated list of their plurals ("figures,quotes", as `dossier
        /// review --only` takes them), or nil when the list is empty or names anything else.
        public static func kinds(inList list: String) -> Set<FactKind>? {
            var kinds = Set<FactKind>()
            for name in list.split(separator: ",") {
                guard let kind = allCases.first(where: { "\($0.rawValue)s" == name }) else { return nil }
                kinds.insert(kind)
            }
            return kinds.isEmpty ? nil : kinds
        }
    }

    public struct Fact: Sendable, Codable, Equatable {
        /// "F3" for the third figure, "Q1" for the first quote, "M12" for a mention.
        public var label: String
        public var kind: String
        public var id: Int64
        public var start: Int
        public var end: Int
        public var exactText: String
        public var status: String
        public var summary: String
        /// For a mention: person, organisation, operation or date.
        public var entity: String?
        /// Who said a quote (nil when unattributed), or what a mention names: for pages that word
        /// the summary in their reader's language.
        public var name: String?
    }

    public var documentID: Int64
    public var title: String?
    public var publisher: String?
    public var publishedOn: String?
    /// Where the text came from: text as received, or extracted from html, eml or pdf…
    public var sourceFormat: SourceFormat = .text
    /// …by this extractor.
    public var extractorVersion: String?
    public var fileName: String?
    public var body: String
    public var facts: [Fact]

    /// The body with each fact's label inserted where it starts and a closing mark where it ends,
    /// `open` and `close` choosing the markers (brackets, colours, HTML tags) and `text` how the
    /// body's own characters are written between them (as they are, or escaped for HTML).
    public func annotatedBody(
        open: (Fact) -> String, close: (Fact) -> String, text: (Unicode.Scalar) -> String = { String($0) }
    ) -> String {
        var opens: [Int: [Fact]] = [:]
        var closes: [Int: [Fact]] = [:]
        for fact in facts {
            opens[fact.start, default: []].append(fact)
            closes[fact.end, default: []].append(fact)
        }
        var result = ""
        var offset = 0
        for scalar in body.unicodeScalars {
            emit(at: offset, opens: opens, closes: closes, into: &result, open: open, close: close)
            result += text(scalar)
            offset += 1
        }
        emit(at: offset, opens: opens, closes: closes, into: &result, open: open, close: close)
        return result
    }

    private func emit(
        at offset: Int, opens: [Int: [Fact]], closes: [Int: [Fact]], into result: inout String,
        open: (Fact) -> String, close: (Fact) -> String
    ) {
        // Inner facts close before outer ones; longer facts open first so they enclose shorter ones.
        for fact in (closes[offset] ?? []).sorted(by: { $0.start > $1.start }) { result += close(fact) }
        for fact in (opens[offset] ?? []).sorted(by: { $0.end > $1.end }) { result += open(fact) }
    }
}

/// Builds the review of one document from the archive.
public struct ReviewBuilder {
    let archive: Archive

    public init(archive: Archive) {
        self.archive = archive
    }

    /// `includeSuperseded` shows facts the current rules no longer find, for a complete picture;
    /// `kinds`, when given, limits the facts to those kinds (their labels stay the same).
    public func review(documentID: Int64, includeSuperseded: Bool = false, kinds: Set<Review.FactKind>? = nil) throws
        -> Review
    {
        guard let document = try archive.documents.find(id: documentID) else {
            throw UsageError("no document with id \(documentID); see `dossier export documents`")
        }
        var facts: [Review.Fact] = []
        let keep: (FactStatus) -> Bool = { includeSuperseded || $0 != .superseded }
        for (index, figure) in try archive.figures.list(documentID: documentID).filter({ keep($0.status) }).enumerated() {
            facts.append(
                Review.Fact(
                    label: "F\(index + 1)", kind: "figure", id: figure.id ?? 0, start: figure.span.start, end: figure.span.end,
                    exactText: figure.span.exactText, status: figure.status.rawValue,
                    summary: FactWording(.en).summary(of: figure)))
        }
        // Only the names this document's quotes can point at: the whole archive's, with every
        // person's roles, took 0.6 s per page at 100,000 documents.
        let people = Dictionary(
            try archive.people.names(documentID: documentID).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let organisations = Dictionary(
            try archive.organisations.names(documentID: documentID).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for (index, quote) in try archive.quotes.list(documentID: documentID).filter({ keep($0.status) }).enumerated() {
            let speaker = quote.personID.flatMap { people[$0] } ?? quote.organisationID.flatMap { organisations[$0] }
            facts.append(
                Review.Fact(
                    label: "Q\(index + 1)", kind: "quote", id: quote.id ?? 0, start: quote.span.start, end: quote.span.end,
                    exactText: quote.span.exactText, status: quote.status.rawValue,
                    summary: "\(quote.speakerKind.rawValue): \(speaker ?? "unattributed")", name: speaker))
        }
        let operations = Dictionary(
            try archive.operations.list().compactMap { operation in operation.id.map { ($0, operation.name) } },
            uniquingKeysWith: { a, _ in a })
        for (index, mention) in try archive.mentions.list(documentID: documentID).filter({ keep($0.status) }).enumerated() {
            let (entity, name): (String, String) =
                switch mention.entity {
                case .person(let id): ("person", people[id] ?? "#\(id)")
                case .organisation(let id): ("organisation", organisations[id] ?? "#\(id)")
                case .operation(let id): ("operation", operations[id] ?? "#\(id)")
                case .date(let iso): ("date", iso)
                }
            facts.append(
                Review.Fact(
                    label: "M\(index + 1)", kind: "mention", id: mention.id ?? 0, start: mention.span.start,
                    end: mention.span.end,
                    exactText: mention.span.exactText, status: mention.status.rawValue, summary: "\(entity): \(name)",
                    entity: entity, name: name))
        }
        facts.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        if let kinds { facts.removeAll { fact in !kinds.contains { $0.rawValue == fact.kind } } }
        return Review(
            documentID: documentID, title: document.title, publisher: document.publisher, publishedOn: document.publishedOn,
            sourceFormat: document.sourceFormat, extractorVersion: document.extractorVersion, fileName: document.fileName,
            body: document.body, facts: facts)
    }
}
