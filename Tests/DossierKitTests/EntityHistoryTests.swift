import Foundation
import Testing

@testable import DossierKit

@Suite("History of one entity")
struct EntityHistoryTests {
    let test: TestArchive
    let history: EntityHistory

    init() throws {
        test = try TestArchive()
        history = EntityHistory(archive: test.archive)
        let registration = EntityRegistration(archive: test.archive, operatorName: "ana")
        _ = try registration.addOrganisation(named: "National Crime Agency", acronym: "NCA")
        _ = try registration.addPerson(named: "Jane Doe", role: "Director", organisation: "nca")
        _ = try registration.addOperation(named: "Operation Cumberland", leadAgency: "nca")
        try EntityCuration(archive: test.archive, operatorName: "ben").renamePerson("jane-doe", to: "Jane A. Doe", reason: "typo")
    }

    @Test(
        "a person, an organisation or an operation is found by its slug as by its id",
        arguments: [
            (EntityHistory.Entity.person, "jane-doe", ["create", "rename"]),
            (.organisation, "nca", ["create"]),
            (.operation, "cumberland", ["create"]),
        ])
    func bySlug(entity: EntityHistory.Entity, slug: String, actions: [String]) throws {
        let events = try history.events(of: entity, slug)
        #expect(events.map(\.action) == actions)
        let id = try #require(events.first?.entityID)
        #expect(try history.events(of: entity, String(id)) == events)
        #expect(events.allSatisfy { $0.entityType == entity.rawValue })
    }

    @Test("a number is an id even when nothing has it: no events, no error")
    func unknownID() throws {
        #expect(try history.events(of: .figure, "99999") == [])
        #expect(try history.events(of: .person, "99999") == [])
    }

    @Test(
        "a slug that names nothing, or a word for an entity that has no slug, is a usage error naming it",
        arguments: [
            (EntityHistory.Entity.person, "nobody", "no person 'nobody'; give its numeric id or slug"),
            (.operation, "nca", "no operation 'nca'; give its numeric id or slug"),
            (.document, "abc", "no document 'abc'; give its numeric id or slug"),
            (.figure, "jane-doe", "no figure 'jane-doe'; give its numeric id or slug"),
        ])
    func notFound(entity: EntityHistory.Entity, idOrSlug: String, message: String) throws {
        let error = #expect(throws: UsageError.self) { try history.events(of: entity, idOrSlug) }
        #expect(error?.message == message)
    }
}
