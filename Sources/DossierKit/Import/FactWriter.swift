/// Writes a prepared document and everything extracted from it. Callers wrap it in a savepoint:
/// the document and its facts are stored together or not at all.
struct FactWriter {
    let archive: Archive
    /// Called after each fact is written; tests use it to inject a fault mid-document.
    var afterFact: (() throws -> Void)?

    struct Counts: Sendable, Codable, Equatable {
        var figures = 0
        var quotes = 0
        var people = 0
        var organisations = 0
        var operations = 0
        var dates = 0
    }

    func write(_ prepared: PreparedDocument, batchID: Int64?) throws -> (documentID: Int64, counts: Counts) {
        var document = prepared.document
        document.batchID = batchID
        let documentID = try archive.documents.insert(document)
        let extraction = prepared.extraction
        var counts = Counts()

        var organisationIDs: [String: Int64] = [:]
        let organisationSlugs = Dictionary(
            extraction.organisations.map { ($0.name, $0.slug) }, uniquingKeysWith: { first, _ in first })
        for organisation in extraction.organisations {
            let aliases = Set(organisation.mentions.map(\.text)).subtracting([organisation.name]).sorted().map {
                OrganisationAlias(alias: $0, language: document.language)
            }
            let id = try archive.organisations.upsert(
                Organisation(slug: organisation.slug, name: organisation.name, acronym: organisation.acronym, aliases: aliases))
            organisationIDs[organisation.name] = id
            for span in organisation.mentions {
                try archive.mentions.insert(Mention(documentID: documentID, entity: .organisation(id), span: sourceSpan(span)))
                try afterFact?()
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
            let id = try archive.people.upsert(Person(slug: person.slug, name: person.name, roles: roles))
            personIDs[person.name] = id
            for span in person.mentions {
                try archive.mentions.insert(Mention(documentID: documentID, entity: .person(id), span: sourceSpan(span)))
                try afterFact?()
            }
            counts.people += 1
        }

        var operationIDs: [Int64] = []
        for operation in extraction.operations {
            let id = try archive.operations.upsert(Operation(slug: operation.slug, name: operation.name))
            operationIDs.append(id)
            for span in operation.mentions {
                try archive.mentions.insert(Mention(documentID: documentID, entity: .operation(id), span: sourceSpan(span)))
                try afterFact?()
            }
            counts.operations += 1
        }
        if let declared = prepared.metadata.operation {
            let slug = OperationNaming.slug(forName: declared)
            if !slug.isEmpty {
                let id = try archive.operations.upsert(Operation(slug: slug, name: OperationNaming.canonicalName(declared)))
                if !operationIDs.contains(id) { operationIDs.insert(id, at: 0) }
            }
        }
        for id in operationIDs {
            try archive.operations.linkDocument(documentID, to: id)
        }
        // Figures belong to an operation only when the document is about exactly one.
        let figureOperation = Set(operationIDs).count == 1 ? operationIDs.first : nil

        for date in extraction.dates {
            try archive.mentions.insert(Mention(documentID: documentID, entity: .date(date.iso), span: sourceSpan(date.span)))
            try afterFact?()
            counts.dates += 1
        }

        for figure in extraction.figures {
            try archive.figures.insert(
                Figure(
                    documentID: documentID, operationID: figureOperation, value: figure.value, valueMax: figure.valueMax,
                    unit: figure.unit, approximate: figure.approximate, bound: figure.bound?.rawValue, counts: figure.counts,
                    category: figure.category, span: sourceSpan(figure.span)))
            try afterFact?()
            counts.figures += 1
        }

        for quote in extraction.quotes {
            var personID: Int64?
            var organisationID: Int64?
            if let speaker = quote.speakerName {
                switch quote.speakerKind {
                case .person:
                    personID = personIDs[speaker]
                    let role = extraction.people.first { $0.name == speaker }?.organisationName
                    organisationID = role.flatMap { organisationIDs[$0] }
                case .organisation, .document:
                    organisationID = organisationIDs[speaker]
                }
            }
            try archive.quotes.insert(
                Quote(
                    documentID: documentID, speakerKind: Quote.SpeakerKind(rawValue: quote.speakerKind.rawValue) ?? .person,
                    personID: personID, organisationID: organisationID, text: quote.text, span: sourceSpan(quote.span)))
            try afterFact?()
            counts.quotes += 1
        }

        try writeLinks(prepared.metadata, documentID: documentID)
        return (documentID, counts)
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

    private func writeLinks(_ metadata: DocumentMetadata, documentID: Int64) throws {
        let targets = (metadata.translationOf.map { [(DocumentLink.Relation.translationOf, $0)] } ?? [])
            + (metadata.cites ?? []).map { (DocumentLink.Relation.cites, $0) }
        for (relation, target) in targets {
            if let targetID = try archive.documents.id(hashOrPrefix: target), targetID != documentID {
                try archive.links.insert(DocumentLink(documentID: documentID, relation: relation, targetDocumentID: targetID))
            } else {
                try archive.links.insert(DocumentLink(documentID: documentID, relation: relation, targetURL: target))
            }
        }
    }

    private func sourceSpan(_ span: TextSpan) -> SourceSpan {
        SourceSpan(start: span.start, end: span.end, exactText: span.text)
    }
}
