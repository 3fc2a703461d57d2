import Foundation
import Testing

@testable import DossierKit

@Suite("Repositories")
struct RepositoryTests {
    let test: TestArchive

    init() throws {
        test = try TestArchive()
    }

    var archive: Archive { test.archive }

    func makeDocument(body: String = "Europol a annoncé 25 arrestations.") -> Document {
        Document(
            sha256: SHA256Hex.of(body), originalSHA256: SHA256Hex.of("raw " + body), normalizedSHA256: SHA256Hex.of(body),
            body: body, title: "Titre", fileName: "a.txt", sizeBytes: body.utf8.count, publisher: "Europol",
            publishedOn: "2025-02-28", language: "fr", tags: ["csam", "ai"], importedAt: Timestamp.now())
    }

    @Test("documents round-trip and are found by hash, original hash and prefix")
    func documents() throws {
        let document = makeDocument()
        let id = try archive.documents.insert(document)
        var expected = document
        expected.id = id
        #expect(try archive.documents.find(id: id) == expected)
        #expect(try archive.documents.find(sha256: document.sha256) == expected)
        #expect(try archive.documents.id(originalSHA256: document.originalSHA256) == id)
        #expect(try archive.documents.id(hashOrPrefix: String(document.sha256.prefix(10))) == id)
        #expect(try archive.documents.id(hashOrPrefix: "zz") == nil)
        #expect(try archive.documents.count() == 1)
    }

    @Test("the same body cannot be stored twice")
    func documentUniqueness() throws {
        try archive.documents.insert(makeDocument())
        let error = #expect(throws: DatabaseError.self) { try archive.documents.insert(makeDocument()) }
        #expect(error?.isConstraintViolation == true)
    }

    @Test("the full-text index follows the documents table")
    func fullText() throws {
        try archive.documents.insert(makeDocument(body: "Les suspects ont été arrêtés par EUROPOL."))
        let hits = try test.connection.scalarInt("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'arretes europol'")
        #expect(hits == 1)
    }

    @Test("organisations upsert by slug, keep their name and gather aliases")
    func organisations() throws {
        let first = try archive.organisations.upsert(
            Organisation(slug: "ec3", name: "European Cybercrime Centre", aliases: [OrganisationAlias(alias: "EC3")]))
        let second = try archive.organisations.upsert(
            Organisation(
                slug: "ec3", name: "Other name", acronym: "EC3",
                aliases: [
                    OrganisationAlias(alias: "centre européen de la cybercriminalité", language: "fr"),
                    OrganisationAlias(alias: "EC3"),
                ]))
        #expect(first == second)
        let found = try #require(try archive.organisations.find(slug: "ec3"))
        #expect(found.name == "European Cybercrime Centre")
        #expect(found.acronym == "EC3")
        #expect(found.aliases.count == 2)
        #expect(try archive.organisations.list().map(\.slug) == ["ec3"])
    }

    @Test("people upsert by slug and keep distinct roles")
    func people() throws {
        try archive.organisations.upsert(Organisation(slug: "europol", name: "Europol"))
        let role = PersonRole(role: "Executive Director", organisationSlug: "europol")
        let id = try archive.people.upsert(Person(slug: "catherine-de-bolle", name: "Catherine De Bolle", roles: [role]))
        #expect(try archive.people.upsert(Person(slug: "catherine-de-bolle", name: "C. De Bolle", roles: [role])) == id)
        let found = try #require(try archive.people.find(slug: "catherine-de-bolle"))
        #expect(found.name == "Catherine De Bolle")
        #expect(found.roles == [role])
        #expect(try archive.people.list().count == 1)
        #expect(throws: UsageError.self) {
            try archive.people.upsert(
                Person(slug: "x", name: "X", roles: [PersonRole(role: "Chief", organisationSlug: "nowhere")]))
        }
    }

    @Test("operations upsert by slug, fill gaps and link documents")
    func operations() throws {
        try archive.organisations.upsert(Organisation(slug: "europol", name: "Europol"))
        let id = try archive.operations.upsert(Operation(slug: "cumberland", name: "Operation Cumberland"))
        #expect(
            try archive.operations.upsert(
                Operation(slug: "cumberland", name: "Other", leadAgencySlug: "europol", actionDay: "2025-02-26", status: .ongoing)
            ) == id)
        let found = try #require(try archive.operations.find(slug: "cumberland"))
        #expect(
            found
                == Operation(
                    id: id, slug: "cumberland", name: "Operation Cumberland", leadAgencySlug: "europol",
                    actionDay: "2025-02-26", status: .ongoing))
        let documentID = try archive.documents.insert(makeDocument())
        try archive.operations.linkDocument(documentID, to: id)
        try archive.operations.linkDocument(documentID, to: id)
        #expect(try archive.operations.documentIDs(operationID: id) == [documentID])
    }

    @Test("figures, quotes, mentions and links round-trip")
    func facts() throws {
        let documentID = try archive.documents.insert(makeDocument())
        let span = SourceSpan(start: 18, end: 33, exactText: "25 arrestations")
        let figure = Figure(documentID: documentID, value: 25, counts: "arrestations", category: "arrests", span: span)
        let figureID = try archive.figures.insert(figure)
        var storedFigure = figure
        storedFigure.id = figureID
        #expect(try archive.figures.list(documentID: documentID) == [storedFigure])

        let organisationID = try archive.organisations.upsert(Organisation(slug: "europol", name: "Europol"))
        let quote = Quote(
            documentID: documentID, speakerKind: .organisation, organisationID: organisationID, text: "annoncé",
            span: SourceSpan(start: 10, end: 17, exactText: "annoncé"))
        let quoteID = try archive.quotes.insert(quote)
        var storedQuote = quote
        storedQuote.id = quoteID
        #expect(try archive.quotes.list(documentID: documentID) == [storedQuote])

        let mention = Mention(
            documentID: documentID, entity: .organisation(organisationID),
            span: SourceSpan(start: 0, end: 7, exactText: "Europol"))
        try archive.mentions.insert(mention)
        try archive.mentions.insert(mention)
        try archive.mentions.insert(
            Mention(documentID: documentID, entity: .date("2025"), span: SourceSpan(start: 0, end: 4, exactText: "Euro")))
        #expect(try archive.mentions.count(documentID: documentID) == 2)

        let otherID = try archive.documents.insert(makeDocument(body: "Europol a annoncé 25 arrestations. "))
        try archive.links.insert(DocumentLink(documentID: otherID, relation: .probableDuplicateOf, targetDocumentID: documentID))
        try archive.links.insert(DocumentLink(documentID: otherID, relation: .cites, targetURL: "https://www.europol.europa.eu/"))
        #expect(try archive.links.list(documentID: otherID).map(\.relation) == [.probableDuplicateOf, .cites])
    }

    @Test("many facts are stored a few dozen per statement, in order, with duplicate mentions ignored")
    func manyFacts() throws {
        let documentID = try archive.documents.insert(makeDocument())
        let count = MultiRowInsert.maximumRows * 2 + 5
        let figures = (0..<count).map {
            Figure(documentID: documentID, value: Double($0), span: SourceSpan(start: $0, end: $0 + 1, exactText: "\($0)"))
        }
        try archive.figures.insert(figures, createdAt: "2025-01-01T00:00:00.000Z")
        let stored = try archive.figures.list(documentID: documentID)
        #expect(stored.map(\.value) == figures.map(\.value))
        #expect(stored.map(\.span) == figures.map(\.span))
        let ids = stored.compactMap(\.id)
        #expect(ids == Array(ids[0]..<ids[0] + Int64(count)), "rows keep the order they were given")
        // The timestamp is bound once per statement and must still reach every row of every statement.
        #expect(try test.count("figures", where: "created_at = '2025-01-01T00:00:00.000Z'") == count)

        let mentions = (0..<count).map {
            Mention(documentID: documentID, entity: .date("2025"), span: SourceSpan(start: $0, end: $0 + 4, exactText: "x"))
        }
        // The same span twice in one statement, and once more in the next: stored once.
        try archive.mentions.insert(mentions + [mentions[3]], createdAt: "2025-01-01T00:00:00.000Z")
        try archive.mentions.insert([mentions[40]], createdAt: "2025-01-01T00:00:00.000Z")
        #expect(try archive.mentions.count(documentID: documentID) == count)
        #expect(try test.count("mentions", where: "created_at = '2025-01-01T00:00:00.000Z'") == count)

        // A bad row fails its whole statement: nothing of it is stored.
        var broken = figures.map { figure in
            Figure(
                documentID: figure.documentID, value: figure.value,
                span: SourceSpan(start: figure.span.start + 1000, end: figure.span.end + 1000, exactText: "y"))
        }
        broken[MultiRowInsert.maximumRows - 1].value = .nan
        #expect(throws: DatabaseError.self) {
            try archive.figures.insert(Array(broken.prefix(MultiRowInsert.maximumRows)), createdAt: "t")
        }
        #expect(try archive.figures.list(documentID: documentID).count == count)
    }

    @Test("foreign keys and checks are enforced")
    func constraints() throws {
        let orphan = Figure(documentID: 999, value: 1, span: SourceSpan(start: 0, end: 1, exactText: "1"))
        #expect(throws: DatabaseError.self) { try archive.figures.insert(orphan) }
        let documentID = try archive.documents.insert(makeDocument())
        let backwards = Figure(documentID: documentID, value: 1, span: SourceSpan(start: 5, end: 2, exactText: ""))
        #expect(throws: DatabaseError.self) { try archive.figures.insert(backwards) }
        #expect(throws: DatabaseError.self) {
            try archive.mentions.insert(
                Mention(documentID: documentID, entity: .person(12345), span: SourceSpan(start: 0, end: 1, exactText: "E")))
        }
    }

    @Test("events are recorded and listed per entity")
    func events() throws {
        try archive.events.record(
            Event(operatorName: "ana", action: "confirm", entityType: "figure", entityID: 3, reason: "checked"))
        let events = try archive.events.list(entityType: "figure", entityID: 3)
        #expect(events.count == 1)
        #expect(events.first?.operatorName == "ana")
        #expect(events.first?.reason == "checked")
    }

    @Test(
        "slugs are lower case, folded and hyphenated",
        arguments: [
            ("Catherine De Bolle", "catherine-de-bolle"), ("J-CAT", "j-cat"), ("Opération « Été »", "operation-ete"),
            ("  Police  nationale ", "police-nationale"),
        ])
    func slugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test(
        "timestamps are ISO 8601 UTC with milliseconds",
        arguments: [
            (0.0, "1970-01-01T00:00:00.000Z"), (1_740_735_000.5, "2025-02-28T09:30:00.500Z"),
            (951_782_400.999, "2000-02-29T00:00:00.999Z"),
        ])
    func format(seconds: Double, expected: String) {
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("now is today in UTC")
    func now() {
        let today = Date().formatted(.iso8601.year().month().day())
        #expect(Timestamp.now().hasPrefix(today))
        #expect(Timestamp.now().count == 24)
    }
}
