import Foundation
import Testing

@testable import DossierKit

@Suite("Curation")
struct CurationTests {
    let test: TestArchive
    let extractor: FactExtractor
    let documentID: Int64

    static let text = """
        Operation Blue Lake: 25 suspects arrested

        The National Crime Agency said on 3 March 2024 that 25 suspects were arrested and 40 devices seized. \
        Nearly a dozen searches took place.

        “We will find them, wherever they hide and however long it takes,” said Jane Doe, Director of the National Crime Agency.
        """

    init() throws {
        test = try TestArchive()
        extractor = try FactExtractor.builtIn()
        let path = try test.directory.write("release.txt", Self.text)
        let summary = try Importer(archive: test.archive, options: ImportOptions(operatorName: "importer"), extractor: extractor)
            .run([.file(path: path)])
        documentID = try #require(summary.results.first?.documentID)
    }

    var archive: Archive { test.archive }
    var figures: FigureCuration { FigureCuration(archive: archive, operatorName: "ana") }
    var quotes: QuoteCuration { QuoteCuration(archive: archive, operatorName: "ana") }
    var entities: EntityCuration { EntityCuration(archive: archive, operatorName: "ana") }

    func figure(value: Double) throws -> Figure {
        try #require(try archive.figures.list(documentID: documentID).first { $0.value == value })
    }

    func events(_ type: String, _ id: Int64) throws -> [Event] {
        try archive.events.list(entityType: type, entityID: id)
    }

    @Test("confirm and reject change only the status and record who and why")
    func confirmAndReject() throws {
        let arrests = try figure(value: 25)
        let devices = try figure(value: 40)
        try figures.confirm([arrests.id ?? 0])
        try figures.reject(devices.id ?? 0, reason: "counts phones, not devices")
        var expectedArrests = arrests
        expectedArrests.status = .confirmed
        #expect(try archive.figures.find(id: arrests.id ?? 0) == expectedArrests)
        #expect(try archive.figures.find(id: devices.id ?? 0)?.status == .rejected)
        let rejection = try #require(try events("figure", devices.id ?? 0).last)
        #expect(rejection.action == "reject")
        #expect(rejection.operatorName == "ana")
        #expect(rejection.reason == "counts phones, not devices")
        #expect(rejection.oldJSON?.contains("\"extracted\"") == true)
        #expect(rejection.newJSON?.contains("\"rejected\"") == true)
    }

    @Test("confirming a list with an unknown id changes nothing")
    func confirmIsAllOrNothing() throws {
        let arrests = try figure(value: 25)
        #expect(throws: UsageError.self) { try figures.confirm([arrests.id ?? 0, 99_999]) }
        #expect(try archive.figures.find(id: arrests.id ?? 0)?.status == .extracted)
        #expect(try events("figure", arrests.id ?? 0).isEmpty)
    }

    @Test("set corrects the fields given, confirms the figure and keeps its span")
    func correct() throws {
        let arrests = try figure(value: 25)
        var changes = FigureCuration.Changes()
        changes.value = 26
        changes.category = "arrests"
        changes.bound = .some("at_least")
        changes.operationSlug = "blue-lake"
        let corrected = try figures.set(arrests.id ?? 0, changes, reason: "press release corrected")
        #expect(corrected.value == 26)
        #expect(corrected.bound == "at_least")
        #expect(corrected.status == .confirmed)
        #expect(corrected.span == arrests.span)
        #expect(corrected.operationID == (try archive.operations.id(slug: "blue-lake")))
        var clear = FigureCuration.Changes()
        clear.bound = .some(nil)
        #expect(try figures.set(arrests.id ?? 0, clear, reason: nil).bound == nil)
        var bad = FigureCuration.Changes()
        bad.operationSlug = "nope"
        #expect(throws: UsageError.self) { try figures.set(arrests.id ?? 0, bad, reason: nil) }
        #expect(try events("figure", arrests.id ?? 0).map(\.action) == ["correct", "correct"])
    }

    @Test("a manual figure must point at text that exists, unambiguously")
    func add() throws {
        var changes = FigureCuration.Changes()
        changes.value = 12
        changes.approximate = true
        let added = try figures.add(
            documentID: documentID, at: .text("Nearly a dozen searches", occurrence: nil), changes, reason: nil)
        #expect(added.span.exactText == "Nearly a dozen searches")
        let scalars = Array(Self.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[added.span.start..<added.span.end])) == "Nearly a dozen searches")
        #expect(added.status == .confirmed)
        #expect(throws: UsageError.self) {
            try figures.add(documentID: documentID, at: .text("not in the text", occurrence: nil), changes, reason: nil)
        }
        #expect(throws: UsageError.self) {
            try figures.add(documentID: documentID, at: .text("National Crime Agency", occurrence: nil), changes, reason: nil)
        }
        let second = try figures.add(
            documentID: documentID, at: .text("National Crime Agency", occurrence: 2), changes, reason: nil)
        #expect(second.span.start > Self.text.unicodeScalars.count / 2)
        #expect(throws: UsageError.self) {
            try figures.add(documentID: documentID, at: .span(start: 10, end: 100_000), changes, reason: nil)
        }
        #expect(throws: UsageError.self) {
            try figures.add(documentID: 424_242, at: .span(start: 0, end: 3), changes, reason: nil)
        }
    }

    @Test("re-extraction keeps rejections and corrections, adds nothing over them, supersedes what rules no longer find")
    func reextractRespectsDecisions() throws {
        let arrests = try figure(value: 25)
        let devices = try figure(value: 40)
        try figures.reject(devices.id ?? 0, reason: "wrong")
        var changes = FigureCuration.Changes()
        changes.value = 26
        _ = try figures.set(arrests.id ?? 0, changes, reason: nil)
        // A machine fact the rules do not produce: re-extraction must supersede it, not delete it.
        let stray = try archive.figures.insert(
            Figure(documentID: documentID, value: 2024, span: SourceSpan(start: 0, end: 9, exactText: "Operation")))
        let results = try Reextractor(archive: archive, extractor: extractor, operatorName: "ana").run(
            documentIDs: [documentID], dryRun: false)
        #expect(results.first?.changes.superseded == 1)
        #expect(try archive.figures.find(id: stray)?.status == .superseded)
        #expect(try archive.figures.find(id: devices.id ?? 0)?.status == .rejected)
        #expect(try archive.figures.find(id: arrests.id ?? 0)?.value == 26)
        #expect(try archive.figures.find(id: arrests.id ?? 0)?.status == .confirmed)
        #expect(try archive.figures.list(documentID: documentID).filter { $0.value == 40 }.count == 1)
        let again = try Reextractor(archive: archive, extractor: extractor, operatorName: "ana").run(
            documentIDs: [documentID], dryRun: false)
        #expect(again.first?.changes.added == 0)
        #expect(again.first?.changes.superseded == 0)
    }

    @Test("a re-extraction dry run writes nothing")
    func reextractDryRun() throws {
        let stray = try archive.figures.insert(
            Figure(documentID: documentID, value: 2024, span: SourceSpan(start: 0, end: 9, exactText: "Operation")))
        let eventsBefore = try test.count("events")
        let results = try Reextractor(archive: archive, extractor: extractor, operatorName: "ana").run(
            documentIDs: [documentID], dryRun: true)
        #expect(results.first?.changes.superseded == 1)
        #expect(try archive.figures.find(id: stray)?.status == .extracted)
        #expect(try test.count("events") == eventsBefore)
    }

    @Test("quotes can be confirmed, rejected, attributed and added")
    func quoteDecisions() throws {
        let quote = try #require(try archive.quotes.list(documentID: documentID).first)
        try entitiesAddPerson("john-roe", "John Roe")
        try quotes.setSpeaker(quote.id ?? 0, speakerSlug: "john-roe", reason: "byline says so")
        let attributed = try #require(try archive.quotes.find(id: quote.id ?? 0))
        #expect(attributed.personID == (try archive.people.id(slug: "john-roe")))
        #expect(attributed.status == .confirmed)
        try quotes.reject(quote.id ?? 0, reason: "not speech")
        #expect(try archive.quotes.find(id: quote.id ?? 0)?.status == .rejected)
        #expect(throws: UsageError.self) { try quotes.setSpeaker(quote.id ?? 0, speakerSlug: "nobody", reason: nil) }
        let added = try quotes.add(
            documentID: documentID, at: .text("Nearly a dozen searches took place.", occurrence: nil), speakerSlug: "john-roe",
            reason: nil)
        #expect(added.text == "Nearly a dozen searches took place.")
        #expect(try events("quote", quote.id ?? 0).map(\.action) == ["correct", "reject"])
    }

    func entitiesAddPerson(_ slug: String, _ name: String) throws {
        try archive.connection.writeTransaction { _ = try archive.people.upsert(Person(slug: slug, name: name)) }
    }

    @Test("merging people moves every fact, keeps the name as an alias and is in both histories")
    func mergePeople() throws {
        let janeID = try #require(try archive.people.id(slug: "jane-doe"))
        try entitiesAddPerson("j-doe", "J. Doe")
        let otherID = try #require(try archive.people.id(slug: "j-doe"))
        let quoteCount = try test.connection.scalarInt("SELECT count(*) FROM quotes WHERE person_id = ?", [janeID])
        let mentionCount = try test.connection.scalarInt("SELECT count(*) FROM mentions WHERE person_id = ?", [janeID])
        try entities.mergePeople("jane-doe", into: "j-doe", reason: "same person")
        #expect(try archive.people.id(slug: "jane-doe") == nil)
        #expect(try test.connection.scalarInt("SELECT count(*) FROM quotes WHERE person_id = ?", [otherID]) == quoteCount)
        #expect(try test.connection.scalarInt("SELECT count(*) FROM mentions WHERE person_id = ?", [otherID]) == mentionCount)
        #expect(try archive.people.aliases(of: otherID).contains("Jane Doe"))
        #expect(try events("person", janeID).map(\.action) == ["merge"])
        #expect(try events("person", otherID).map(\.action) == ["merge"])
        #expect(throws: UsageError.self) { try entities.mergePeople("j-doe", into: "j-doe", reason: nil) }
    }

    @Test("merging organisations moves aliases, mentions, roles and led operations")
    func mergeOrganisations() throws {
        let ncaSlug = try #require(try archive.organisations.list().first { $0.name.contains("National Crime Agency") }?.slug)
        try archive.connection.writeTransaction {
            _ = try archive.organisations.upsert(Organisation(slug: "nca-uk", name: "NCA UK"))
        }
        var changes = EntityCuration.OperationChanges()
        changes.leadAgency = ncaSlug
        try entities.setOperation("blue-lake", changes, reason: nil)
        try entities.mergeOrganisations(ncaSlug, into: "nca-uk", reason: nil)
        let merged = try #require(try archive.organisations.find(slug: "nca-uk"))
        #expect(merged.aliases.contains { $0.alias.contains("National Crime Agency") })
        #expect(try archive.operations.find(slug: "blue-lake")?.leadAgencySlug == "nca-uk")
        #expect(
            try test.connection.scalarInt(
                "SELECT count(*) FROM mentions m JOIN organisations o ON o.id = m.organisation_id WHERE o.slug = 'nca-uk'") ?? 0
                > 0)
        #expect(try archive.organisations.id(slug: ncaSlug) == nil)
    }

    @Test("renames keep the old name as an alias; aliases can be removed")
    func renameAndAliases() throws {
        try entities.renamePerson("jane-doe", to: "Jane A. Doe", reason: nil)
        let id = try #require(try archive.people.id(slug: "jane-doe"))
        #expect(try archive.people.find(id: id)?.name == "Jane A. Doe")
        #expect(try archive.people.aliases(of: id).contains("Jane Doe"))
        try archive.connection.writeTransaction { _ = try archive.organisations.upsert(Organisation(slug: "acme", name: "Acme")) }
        try entities.addOrganisationAlias("acme", alias: OrganisationAlias(alias: "ACME Corp", language: "en"))
        try entities.removeOrganisationAlias("acme", alias: "ACME Corp")
        #expect(try archive.organisations.find(slug: "acme")?.aliases.isEmpty == true)
        #expect(throws: UsageError.self) { try entities.removeOrganisationAlias("acme", alias: "never there") }
    }

    @Test("document metadata can be corrected; body and hashes cannot")
    func documentMetadata() throws {
        let before = try #require(try archive.documents.find(id: documentID))
        try entities.setDocument(
            documentID, DocumentMetadata(publisher: "NCA", published: "2024-03-03"), reason: "from the website")
        let after = try #require(try archive.documents.find(id: documentID))
        #expect(after.publisher == "NCA")
        #expect(after.publishedOn == "2024-03-03")
        #expect(after.body == before.body)
        #expect(after.sha256 == before.sha256)
        #expect(after.originalSHA256 == before.originalSHA256)
        #expect(try events("document", documentID).last?.action == "edit")
    }

    @Test("operations can be linked, unlinked and corrected")
    func operations() throws {
        let other = try test.directory.write("other.txt", "Europol supported the investigation; 3 people were arrested.")
        let otherID = try #require(
            try Importer(archive: archive, options: ImportOptions(operatorName: "x"), extractor: extractor)
                .run([.file(path: other)]).results.first?.documentID)
        try entities.linkOperation("blue-lake", documentID: otherID)
        let operationID = try #require(try archive.operations.id(slug: "blue-lake"))
        #expect(try archive.operations.documentIDs(operationID: operationID).contains(otherID))
        try entities.unlinkOperation("blue-lake", documentID: otherID)
        #expect(!(try archive.operations.documentIDs(operationID: operationID).contains(otherID)))
        #expect(throws: UsageError.self) { try entities.unlinkOperation("blue-lake", documentID: otherID) }
        #expect(try events("operation", operationID).map(\.action) == ["link", "unlink"])
    }

    @Test("the review numbers facts in reading order and marks them in place")
    func review() throws {
        let review = try ReviewBuilder(archive: archive).review(documentID: documentID)
        let figureLabels = review.facts.filter { $0.kind == "figure" }.map(\.label)
        #expect(figureLabels.first == "F1")
        #expect(review.facts.map(\.start) == review.facts.map(\.start).sorted())
        let annotated = review.annotatedBody(open: { "[\($0.label) " }, close: { _ in "]" })
        let firstFigure = try #require(review.facts.first { $0.kind == "figure" })
        #expect(annotated.contains("[\(firstFigure.label) \(firstFigure.exactText)]"))
        let stripped = review.annotatedBody(open: { _ in "" }, close: { _ in "" })
        #expect(stripped == Self.text)
    }

    @Test("a review limited to some kinds of fact keeps only those, labelled as in the full review")
    func reviewOfSomeKinds() throws {
        let full = try ReviewBuilder(archive: archive).review(documentID: documentID)
        #expect(Set(full.facts.map(\.kind)) == ["figure", "quote", "mention"])
        for kinds: Set<Review.FactKind> in [[.figure], [.quote, .mention], [.figure, .quote, .mention]] {
            var expected = full
            expected.facts = full.facts.filter { fact in kinds.contains { $0.rawValue == fact.kind } }
            #expect(try ReviewBuilder(archive: archive).review(documentID: documentID, kinds: kinds) == expected)
        }
    }

    @Test(
        "review kinds are read from a comma-separated list of plurals; an empty list or another word is refused",
        arguments: [
            ("figures", [Review.FactKind.figure]), ("figures,quotes", [.figure, .quote]),
            ("mentions,figures,mentions", [.mention, .figure]), ("figures,", [.figure]), (",quotes", [.quote]),
            ("figures,quotes,mentions", [.figure, .quote, .mention]), ("", nil), (",", nil), ("figure", nil),
            ("figures,people", nil), ("Figures", nil), (" figures", nil),
        ] as [(String, Set<Review.FactKind>?)])
    func reviewKindList(list: String, kinds: Set<Review.FactKind>?) {
        #expect(Review.FactKind.kinds(inList: list) == kinds)
    }
}
