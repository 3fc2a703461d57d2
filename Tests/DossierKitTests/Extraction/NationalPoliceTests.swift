import Testing

@testable import DossierKit

@Suite("National police described by nationality")
struct NationalPoliceTests {
    @Test func englishForms() throws {
        let x = try Fixtures.extract(
            "The Dutch police and the Spanish National Police assisted the FBI, and German authorities seized a server. The Spanish police said more.",
            "en")
        let names = Set(x.organisations.map(\.name))
        #expect(names.isSuperset(of: ["Dutch police", "Spanish police", "German police"]), "\(names)")
        #expect(
            x.organisations.first { $0.name == "Spanish police" }?.mentions.map(\.text) == [
                "Spanish National Police", "Spanish police",
            ])
    }

    @Test func frenchFormsLinkToEnglishCanonicalName() throws {
        let x = try Fixtures.extract(
            "L’enquête a été menée avec la police espagnole et les forces de l’ordre néerlandaises.", "fr")
        let names = Set(x.organisations.map(\.name))
        #expect(names == ["Spanish police", "Dutch police"], "\(names)")
        #expect(x.organisations.first { $0.name == "Spanish police" }?.mentions.first?.text == "police espagnole")
    }

    @Test func gazetteerNationalityWins() throws {
        let x = try Fixtures.extract("Les forces de l’ordre danoises et la police danoise ont coopéré.", "fr")
        #expect(x.organisations.map(\.slug) == ["danish-law-enforcement"])
    }

    @Test func genericPoliceIsNotAnOrganisation() throws {
        let x = try Fixtures.extract(
            "La police a saisi 12 ordinateurs. The police said the case was closed. Police officers searched 3 homes. The Spanish weather was hot.",
            "en")
        #expect(x.organisations.isEmpty, "\(x.organisations.map(\.name))")
    }
}
