import Foundation
import Testing

@testable import DossierKit

/// Organisation error classes seen on releases the rules were not written on, with cases that must not fire.
@Suite("Organisations: general classes")
struct OrganisationClassTests {
    private func organisations(_ text: String, _ language: String) throws -> [String] {
        try Fixtures.extract(text, language).organisations.map(\.name)
    }

    @Test("a titled person \"of\" an institution: the institution is what follows the \"of\", the person is found")
    func titledPersonOfInstitution() throws {
        let extraction = try Fixtures.extract(
            "Detective Inspector Fionnuala Brennan of West Yorkshire Police said officers had recovered the money.", "en")
        #expect(extraction.organisations.map(\.name) == ["West Yorkshire Police"])
        #expect(extraction.people.map(\.name) == ["Fionnuala Brennan"])
        #expect(
            try organisations("Chief Constable Mark Ellison of Kent Police and the Federal Bureau of Investigation agreed.", "en")
                == ["Kent Police", "Federal Bureau of Investigation"])
        #expect(try organisations("Officers of the National Crime Agency met.", "en") == ["National Crime Agency"])
    }

    @Test(
        "a place's police in news copy (\"Forest Hill police\") is that force; \"Police\", \"Local police\" and a person are not")
    func placePolice() throws {
        #expect(
            try organisations(
                "A tip led Forest Hill police officers to the room, and Thames Valley police said Kent police helped.", "en")
                == ["Forest Hill police", "Thames Valley police", "Kent police"])
        #expect(
            try organisations("Police said so. Local police were there. Federal police came. Mr Smith police chief.", "en")
                .isEmpty)
        #expect(
            try organisations("Met Dutch police and Danish police.", "en") == ["Dutch police", "Danish law enforcement"],
            "nationalities keep their rule")
    }

    @Test("a short form of a longer name in the same document is the same organisation")
    func shortAndLongForms() throws {
        let found = try Fixtures.extract(
            "L'Office central pour la répression des violences aux personnes (OCRVP) a mené l'enquête. L'Office central a salué le travail.",
            "fr"
        ).organisations
        #expect(found.map(\.name) == ["Office central pour la répression des violences aux personnes"])
        #expect(found.first?.mentions.count == 3)
    }

    @Test("French unit names with a lower-case head run to the place or institution they end on; a clause does not")
    func frenchDescriptiveNames() throws {
        #expect(
            try organisations(
                "L'unité de lutte contre la cybercriminalité de la police du Kent a participé avec le service régional de police judiciaire de Lille.",
                "fr") == [
                    "Unité de lutte contre la cybercriminalité de la police du Kent",
                    "Service régional de police judiciaire de Lille",
                ])
        #expect(try organisations("Le service s’avère attrayant pour les acheteurs de Paris.", "fr").isEmpty)
        #expect(try organisations("Une unité de police de Lyon est venue.", "fr").isEmpty)
    }

    @Test("one-word names built like Europol, acronyms defined in either order, units named after their parent")
    func namesNotInTheGazetteer() throws {
        #expect(try organisations("Ameripol et Aseanapol ont participé, pas la Metropole.", "fr") == ["Ameripol", "Aseanapol"])
        let reversed = try Fixtures.extract("L'AX (Agence X) a mené l'enquête. Plus tard, l'AX a conclu.", "fr").organisations
        #expect(reversed.map(\.name) == ["Agence X"] && reversed.first?.mentions.count == 3)
        #expect(
            try organisations("Agents of the FBI Washington Field Office searched the house.", "en") == [
                "FBI Washington Field Office"
            ])
    }

    @Test("AFP is Agence France-Presse in French copy and the Australian Federal Police in English")
    func ambiguousAcronymByLanguage() throws {
        #expect(try organisations("Selon l'AFP, douze personnes ont été interpellées.", "fr") == ["Agence France-Presse"])
        #expect(try organisations("The AFP said twelve children were safeguarded.", "en") == ["Australian Federal Police"])
        #expect(
            try organisations("The Australian Federal Police (AFP) charged a man. The AFP said more would follow.", "en") == [
                "Australian Federal Police"
            ])
    }

    @Test("every gazetteer alias is found in a sentence of its language")
    func everyGazetteerAliasIsFound() throws {
        let gazetteer = try JSONDecoder().decode(Gazetteer.self, from: Fixtures.data("Seeds/gazetteer.json"))
        let extractor = try Fixtures.extractor()
        for organisation in gazetteer.organisations {
            for alias in organisation.aliases {
                let language = alias.language ?? "en"
                let sentence =
                    language == "fr"
                    ? "Hier, \(alias.text) a publié un communiqué." : "Yesterday \(alias.text) published a statement."
                let names = extractor.extract(from: sentence, language: language).organisations.map(\.name)
                #expect(names.contains(organisation.name), "alias «\(alias.text)» of \(organisation.name) gave \(names)")
            }
        }
    }

    @Test("English names with a possessive inside, committees and jails; a possessive before a common noun is not a name")
    func possessivesAndMoreHeads() throws {
        #expect(
            try organisations("A Bartholomew County Sheriff’s Department canine warden was charged.", "en") == [
                "Bartholomew County Sheriff’s Department"
            ])
        #expect(
            try organisations("He appeared at Westminster Magistrates' Court on Monday.", "en") == [
                "Westminster Magistrates' Court"
            ])
        #expect(try organisations("She testified before the Senate Judiciary Committee.", "en") == ["Senate Judiciary Committee"])
        #expect(try organisations("Kent’s officers and Wales' detectives met.", "en").isEmpty)
    }
}
