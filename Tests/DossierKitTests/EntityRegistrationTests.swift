import Foundation
import Testing

@testable import DossierKit

@Suite("Adding people, organisations and operations by hand")
struct EntityRegistrationTests {
    let test: TestArchive
    let registration: EntityRegistration

    init() throws {
        test = try TestArchive()
        registration = EntityRegistration(archive: test.archive, operatorName: "ana")
    }

    var archive: Archive { test.archive }

    @Test("an operation is named and slugged from its name, stored with its audit event, and returned as stored")
    func addOperation() throws {
        _ = try registration.addOrganisation(named: "National Crime Agency", acronym: "NCA")
        let added = try registration.addOperation(
            named: "Opération Cumberland", leadAgency: "nca", actionDay: "2025-02-26")
        let expected = Operation(
            slug: "cumberland", name: "Operation Cumberland", leadAgencySlug: "nca", actionDay: "2025-02-26")
        #expect(added.id != nil)
        var stored = expected
        stored.id = added.id
        #expect(added == stored)
        #expect(try archive.operations.find(slug: "cumberland") == added)
        let event = try #require(try archive.events.list(entityType: "operation", entityID: added.id ?? 0).first)
        #expect(event.action == "create")
        #expect(event.operatorName == "ana")
        #expect(event.oldJSON == nil)
        #expect(event.newJSON == (try JSONText.encode(expected)))
    }

    @Test("a name that leaves no slug is a usage error, and nothing is stored")
    func operationWithoutSlug() throws {
        let error = #expect(throws: UsageError.self) { try registration.addOperation(named: "Operation !!!") }
        #expect(error?.message == "cannot derive a slug from 'Operation !!!'; give --slug")
        #expect(try test.count("operations") == 0)
    }

    @Test("adding an operation again fills in what it lacks and returns it as stored, not as given")
    func addOperationAgain() throws {
        let first = try registration.addOperation(named: "Cumberland", actionDay: "2025-02-26")
        let second = try registration.addOperation(named: "Operation Cumberland", actionDay: "2024-01-01", status: .concluded)
        #expect(second.id == first.id)
        #expect(second.actionDay == "2025-02-26")
        #expect(second.status == .concluded)
        #expect(try archive.events.list(entityType: "operation", entityID: first.id ?? 0).count == 2)
    }

    @Test("an operation led by an unknown organisation is refused, and neither it nor an event is stored")
    func addOperationUnknownLeadAgency() throws {
        let error = #expect(throws: UsageError.self) {
            try registration.addOperation(named: "Operation Zed", leadAgency: "no-such")
        }
        #expect(error?.message == "no organisation with slug 'no-such'; add it first with `dossier org add`")
        #expect(try test.count("operations") == 0)
        #expect(try test.count("events") == 0)
    }

    @Test("an organisation is slugged from its acronym, else its name, and keeps its aliases with their language")
    func addOrganisation() throws {
        let agency = try registration.addOrganisation(
            named: "National Crime Agency", acronym: "NCA", aliases: ["Agence nationale"], language: "fr")
        #expect(agency.slug == "nca")
        #expect(agency.aliases == [OrganisationAlias(alias: "Agence nationale", language: "fr")])
        #expect(try registration.addOrganisation(named: "Internet Watch Foundation").slug == "internet-watch-foundation")
        #expect(try registration.addOrganisation(named: "Internet Watch Foundation", slug: "iwf").slug == "iwf")
        let event = try #require(try archive.events.list(entityType: "organisation", entityID: agency.id ?? 0).first)
        #expect(event.action == "create")
        #expect(
            event.newJSON
                == (try JSONText.encode(
                    Organisation(
                        slug: "nca", name: "National Crime Agency", acronym: "NCA",
                        aliases: [OrganisationAlias(alias: "Agence nationale", language: "fr")]))))
    }

    @Test("adding an organisation again adds the aliases it lacks and returns them all")
    func addOrganisationAgain() throws {
        _ = try registration.addOrganisation(named: "National Crime Agency", acronym: "NCA", aliases: ["NCA UK"])
        let again = try registration.addOrganisation(named: "National Crime Agency", acronym: "NCA", aliases: ["Agence"])
        #expect(Set(again.aliases.map(\.alias)) == ["NCA UK", "Agence"])
    }

    @Test("a name with nothing to slug is refused before anything is written", arguments: ["!!!", "???", " "])
    func noSlug(name: String) throws {
        let organisation = #expect(throws: UsageError.self) { try registration.addOrganisation(named: name) }
        #expect(organisation?.message == "cannot derive a slug from '\(name)'; give --slug")
        let person = #expect(throws: UsageError.self) { try registration.addPerson(named: name) }
        #expect(person?.message == "cannot derive a slug from '\(name)'; give --slug")
        #expect(try test.count("organisations") == 0)
        #expect(try test.count("people") == 0)
        #expect(try test.count("events") == 0)
    }

    @Test("a person is slugged from the name and given a role at an organisation when one is named")
    func addPerson() throws {
        _ = try registration.addOrganisation(named: "National Crime Agency", acronym: "NCA")
        let jane = try registration.addPerson(named: "Jane Doe", role: "Director", organisation: "nca")
        #expect(jane.slug == "jane-doe")
        #expect(jane.roles == [PersonRole(role: "Director", organisationSlug: "nca")])
        let john = try registration.addPerson(named: "John Roe")
        #expect(john.roles == [])
        let event = try #require(try archive.events.list(entityType: "person", entityID: jane.id ?? 0).first)
        #expect(event.operatorName == "ana")
        #expect(
            event.newJSON
                == (try JSONText.encode(
                    Person(slug: "jane-doe", name: "Jane Doe", roles: [PersonRole(role: "Director", organisationSlug: "nca")]))))
    }

    @Test("a person with a role at an unknown organisation is refused, and neither they nor an event is stored")
    func addPersonUnknownOrganisation() throws {
        #expect(throws: UsageError.self) { try registration.addPerson(named: "Jane Doe", organisation: "no-such-org") }
        #expect(try test.count("people") == 0)
        #expect(try test.count("events") == 0)
    }
}
