/// Archivists' decisions on quotes: confirm, reject, attribute to a speaker, add.
public struct QuoteCuration {
    let archive: Archive
    let log: AuditLog

    public init(archive: Archive, operatorName: String) {
        self.archive = archive
        self.log = AuditLog(archive: archive, operatorName: operatorName)
    }

    func quote(_ id: Int64) throws -> Quote {
        guard let quote = try archive.quotes.find(id: id) else {
            throw UsageError("no quote with id \(id); see `dossier export quotes` or `dossier review DOCUMENT`")
        }
        return quote
    }

    /// `expecting`, when given, is the status the decision was taken on: a fact found at another
    /// status is a `DecisionConflict`, and nothing is changed.
    public func confirm(_ ids: [Int64], expecting: FactStatus? = nil) throws {
        try archive.connection.writeTransaction {
            for id in ids {
                let old = try quote(id)
                try DecisionConflict.check("quote", id, expected: expecting, found: old.status)
                var new = old
                new.status = .confirmed
                try archive.quotes.update(new, reason: nil)
                try log.record("confirm", "quote", id, old: old, new: new)
            }
        }
    }

    public func reject(_ id: Int64, reason: String, expecting: FactStatus? = nil) throws {
        try archive.connection.writeTransaction {
            let old = try quote(id)
            try DecisionConflict.check("quote", id, expected: expecting, found: old.status)
            var new = old
            new.status = .rejected
            try archive.quotes.update(new, reason: reason)
            try log.record("reject", "quote", id, old: old, new: new, reason: reason)
        }
    }

    /// Attributes a quote to a person (by slug) or, failing that, an organisation; confirms it.
    public func setSpeaker(_ id: Int64, speakerSlug: String, reason: String?) throws {
        try archive.connection.writeTransaction {
            let old = try quote(id)
            var new = old
            try attribute(&new, to: speakerSlug)
            new.status = .confirmed
            try archive.quotes.update(new, reason: reason)
            try log.record("correct", "quote", id, old: old, new: new, reason: reason)
        }
    }

    @discardableResult
    public func add(documentID: Int64, at locator: SpanLocator, speakerSlug: String, reason: String?) throws -> Quote {
        try archive.connection.writeTransaction {
            guard let document = try archive.documents.find(id: documentID) else {
                throw UsageError("no document with id \(documentID)")
            }
            let span = try locator.resolve(in: document.body, documentID: documentID)
            var quote = Quote(documentID: documentID, text: QuoteText.inner(span.exactText), span: span, status: .confirmed)
            try attribute(&quote, to: speakerSlug)
            do {
                quote.id = try archive.quotes.insert(quote)
            } catch let error as DatabaseError where error.isConstraintViolation {
                throw UsageError("document \(documentID) already has a quote at \(span.start):\(span.end)")
            }
            try log.record("add", "quote", quote.id ?? 0, old: Quote?.none, new: quote, reason: reason)
            return quote
        }
    }

    private func attribute(_ quote: inout Quote, to slug: String) throws {
        if let person = try archive.people.find(slug: slug), let personID = person.id {
            quote.speakerKind = .person
            quote.personID = personID
            let organisation =
                person.roles.first { $0.documentID == quote.documentID }?.organisationSlug ?? person.roles.first?.organisationSlug
            quote.organisationID = try organisation.flatMap { try archive.organisations.id(slug: $0) }
        } else if let organisationID = try archive.organisations.id(slug: slug) {
            quote.speakerKind = .organisation
            quote.personID = nil
            quote.organisationID = organisationID
        } else {
            throw UsageError("no person or organisation with slug '\(slug)'; see `dossier person list` and `dossier org list`")
        }
    }
}

/// The words of a quote without its outer quotation marks and spaces.
enum QuoteText {
    static func inner(_ text: String) -> String {
        let marks: Set<Character> = ["«", "»", "“", "”", "\"", "‘", "’", " ", "\u{A0}", "\u{202F}"]
        var characters = Substring(text)
        while let first = characters.first, marks.contains(first) { characters.removeFirst() }
        while let last = characters.last, marks.contains(last) { characters.removeLast() }
        return String(characters)
    }
}
