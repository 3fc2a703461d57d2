/// Writes a document's extracted facts: the one place that stores them, for import and for
/// re-extraction. Callers wrap it in a savepoint or a transaction: the document and its facts are
/// stored together or not at all.
///
/// On a fresh import every fact is inserted. On re-extraction (`existing` given) the archivists'
/// decisions win, as `Reconciler` decides: a new fact overlapping a confirmed or rejected one of
/// the same kind is not added, facts found again are kept as they are, and machine facts no longer
/// found become `superseded`.
struct FactWriter {
    let archive: Archive
    /// Called after each fact is written; tests use it to inject a fault mid-document.
    var afterFact: (() throws -> Void)?
    /// What the import's open transaction has already upserted; nil outside an import.
    var upserted: UpsertedEntities?

    struct Counts: Sendable, Codable, Equatable {
        var figures = 0
        var quotes = 0
        var people = 0
        var organisations = 0
        var operations = 0
        var dates = 0
    }

    func writeFacts(
        _ extraction: Extraction, documentID: Int64, language: String?, declaredOperation: String?, existing: ExistingFacts?
    ) throws -> (Counts, ReextractionChanges) {
        var counts = Counts()
        var reconciler = existing.map { Reconciler(existing: $0) }
        let createdAt = Timestamp.now()

        // Mentions and figures are stored together once known, many per statement.
        var mentions: [Mention] = []
        var organisationIDs: [String: Int64] = [:]
        let organisationSlugs = Dictionary(
            extraction.organisations.map { ($0.name, $0.slug) }, uniquingKeysWith: { first, _ in first })
        for organisation in extraction.organisations {
            let aliases = Set(organisation.mentions.map(\.text)).subtracting([organisation.name]).sorted().map {
                OrganisationAlias(alias: $0, language: language)
            }
            let id = try upsert(
                Organisation(slug: organisation.slug, name: organisation.name, acronym: organisation.acronym, aliases: aliases),
                createdAt: createdAt)
            organisationIDs[organisation.name] = id
            for span in organisation.mentions {
                claim(Mention(documentID: documentID, entity: .organisation(id), span: sourceSpan(span)), &reconciler, &mentions)
            }
            counts.organisations += 1
        }

        var personIDs: [String: Int64] = [:]
        for person in extraction.people {
            var roles: [PersonRole] = []
            if person.role != nil || person.organisationName != nil {
                let roleOrganisation = try person.organisationName.map {
                    try organisationSlug(named: $0, known: organisationSlugs)
                }
                roles.append(PersonRole(role: person.role, organisationSlug: roleOrganisation, documentID: documentID))
            }
            let id = try upsert(Person(slug: person.slug, name: person.name, roles: roles), createdAt: createdAt)
            personIDs[person.name] = id
            for span in person.mentions {
                if span.text != person.name { try archive.people.addAlias(span.text, to: id) }
                claim(Mention(documentID: documentID, entity: .person(id), span: sourceSpan(span)), &reconciler, &mentions)
            }
            counts.people += 1
        }

        var operationIDs: [Int64] = []
        var operationBySlug: [String: Int64] = [:]
        for operation in extraction.operations {
            let id = try upsert(Operation(slug: operation.slug, name: operation.name), createdAt: createdAt)
            operationIDs.append(id)
            operationBySlug[operation.slug] = id
            for span in operation.mentions {
                claim(Mention(documentID: documentID, entity: .operation(id), span: sourceSpan(span)), &reconciler, &mentions)
            }
            counts.operations += 1
        }
        if let declaredOperation {
            let slug = OperationNaming.slug(forName: declaredOperation)
            if !slug.isEmpty {
                let id = try archive.operations.upsert(
                    Operation(slug: slug, name: OperationNaming.canonicalName(declaredOperation)))
                if !operationIDs.contains(id) { operationIDs.insert(id, at: 0) }
            }
        }
        for id in operationIDs {
            try archive.operations.linkDocument(documentID, to: id)
        }
        // Figures belong to an operation when the document is about exactly one, or when the extractor tied them
        // to the operation named in their paragraph.
        let figureOperation = Set(operationIDs).count == 1 ? operationIDs.first : nil

        for date in extraction.dates {
            claim(Mention(documentID: documentID, entity: .date(date.iso), span: sourceSpan(date.span)), &reconciler, &mentions)
            counts.dates += 1
        }
        try archive.mentions.insert(mentions, createdAt: createdAt)
        try reportWritten(mentions.count)

        var figures: [Figure] = []

        for extracted in extraction.figures {
            let figure = Figure(
                documentID: documentID, operationID: extracted.operation.flatMap { operationBySlug[$0] } ?? figureOperation,
                value: extracted.value, valueMax: extracted.valueMax,
                unit: extracted.unit, approximate: extracted.approximate, bound: extracted.bound?.rawValue,
                counts: extracted.counts, category: extracted.category, span: sourceSpan(extracted.span))
            if reconciler?.claimFigure(figure.span) ?? true {
                figures.append(figure)
            }
            counts.figures += 1
        }
        try archive.figures.insert(figures, createdAt: createdAt)
        try reportWritten(figures.count)

        var quotes: [Quote] = []
        for extracted in extraction.quotes {
            var personID: Int64?
            var organisationID: Int64?
            if let speaker = extracted.speakerName {
                switch extracted.speakerKind {
                case .person:
                    personID = personIDs[speaker]
                    let organisation = extraction.people.first { $0.name == speaker }?.organisationName
                    organisationID = organisation.flatMap { organisationIDs[$0] }
                case .organisation, .document:
                    organisationID = organisationIDs[speaker]
                }
            }
            let quote = Quote(
                documentID: documentID, speakerKind: Quote.SpeakerKind(rawValue: extracted.speakerKind.rawValue) ?? .person,
                personID: personID, organisationID: organisationID, text: extracted.text, span: sourceSpan(extracted.span))
            if reconciler?.claimQuote(quote.span) ?? true {
                quotes.append(quote)
            }
            counts.quotes += 1
        }
        try archive.quotes.insert(quotes, createdAt: createdAt)
        try reportWritten(quotes.count)

        guard let reconciler else { return (counts, ReextractionChanges()) }
        try archive.figures.supersede(ids: reconciler.unclaimedFigures)
        try archive.quotes.supersede(ids: reconciler.unclaimedQuotes)
        try archive.mentions.supersede(ids: reconciler.unclaimedMentions)
        try archive.mentions.restore(ids: reconciler.restoredMentions)
        try archive.figures.restore(ids: reconciler.restoredFigures)
        try archive.quotes.restore(ids: reconciler.restoredQuotes)
        var changes = reconciler.changes
        changes.superseded =
            reconciler.unclaimedFigures.count + reconciler.unclaimedQuotes.count + reconciler.unclaimedMentions.count
        changes.restored = reconciler.restoredFigures.count + reconciler.restoredQuotes.count + reconciler.restoredMentions.count
        return (counts, changes)
    }

    /// Adds `mention` to those to store, unless re-extraction finds it already decided or stored.
    private func claim(_ mention: Mention, _ reconciler: inout Reconciler?, _ mentions: inout [Mention]) {
        if reconciler?.claimMention(mention) ?? true {
            mentions.append(mention)
        }
    }

    private func upsert(_ organisation: Organisation, createdAt: String) throws -> Int64 {
        guard let upserted else { return try archive.organisations.upsert(organisation, createdAt: createdAt) }
        return try upserted.id(of: organisation) { try archive.organisations.upsert($0, createdAt: createdAt) }
    }

    private func upsert(_ operation: Operation, createdAt: String) throws -> Int64 {
        guard let upserted else { return try archive.operations.upsert(operation, createdAt: createdAt) }
        return try upserted.id(of: operation) { try archive.operations.upsert($0, createdAt: createdAt) }
    }

    private func upsert(_ person: Person, createdAt: String) throws -> Int64 {
        guard let upserted else { return try archive.people.upsert(person, createdAt: createdAt) }
        let id = try upserted.id(ofPersonWithSlug: person.slug) {
            try archive.people.upsert(Person(slug: person.slug, name: person.name), createdAt: createdAt)
        }
        try archive.people.addRoles(person.roles, to: id)
        return id
    }

    private func reportWritten(_ facts: Int) throws {
        for _ in 0..<facts { try afterFact?() }
    }

    /// The slug of the organisation a person's role names, creating it when it is new to the archive.
    private func organisationSlug(named name: String, known: [String: String]) throws -> String {
        if let slug = known[name] { return slug }
        let slug = Slug.make(name)
        if try archive.organisations.id(slug: slug) == nil {
            try archive.organisations.upsert(Organisation(slug: slug, name: name))
        }
        return slug
    }

    private func sourceSpan(_ span: TextSpan) -> SourceSpan {
        SourceSpan(start: span.start, end: span.end, exactText: span.text)
    }
}
