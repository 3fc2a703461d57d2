import Testing

@testable import DossierKit

@Suite("Organisations, people, operations")
struct EntityTests {
    @Test func gazetteerOrganisationsFrench() throws {
        let x = try Fixtures.extract(
            "Europol et le groupe de travail conjoint de l’action en cybercriminalité (J-CAT) ont aidé les forces de l'ordre danois, selon la Commission européenne et l’UE. Il a eu tort.",
            "fr")
        let slugs = Set(x.organisations.map(\.slug))
        #expect(slugs == ["europol", "j-cat", "danish-law-enforcement", "european-commission", "european-union"])
    }

    @Test func acronymDefinitionsCreateOrganisations() throws {
        let x = try Fixtures.extract(
            "The Child Rescue Coalition (CRC) helped. Later the CRC said more. The child sexual abuse material (CSAM) was seized.",
            "en")
        let crc = x.organisations.first { $0.acronym == "CRC" }
        #expect(crc?.name == "Child Rescue Coalition")
        #expect(crc?.mentions.count == 3)
        #expect(!x.organisations.contains { $0.acronym == "CSAM" })
    }

    @Test func notOrganisations() throws {
        let x = try Fixtures.extract("La police a fermé Silk Road sur TOR. Il eu de la chance.", "fr")
        #expect(x.organisations.isEmpty, "\(x.organisations.map(\.name))")
    }

    @Test func peopleWithRoles() throws {
        let x = try Fixtures.extract(
            "Susie Hargreaves OBE, PDG de l’IWF, a déclaré : « Nous savons que ces chiffres seront choquants à lire. »\nJacqueline Beauchere, Chief Online Safety Officer chez Microsoft, a déclaré : « Bravo. »",
            "fr")
        let susie = x.people.first { $0.slug == "susie-hargreaves" }
        #expect(susie?.role == "PDG de l’IWF")
        #expect(susie?.organisationName == "Internet Watch Foundation")
        let jb = x.people.first { $0.slug == "jacqueline-beauchere" }
        #expect(jb?.role == "Chief Online Safety Officer" && jb?.organisationName == "Microsoft")
    }

    @Test func newEnglishPersonAndUppercaseSurname() throws {
        let x = try Fixtures.extract(
            "John Smith, Head of the NCA's CEOP Command, said the work goes on.\n\nDavid SCHMIDT\n\nJournaliste reporter.", "en")
        let names = x.people.map(\.name)
        #expect(names.contains("John Smith") && names.contains("David Schmidt"))
        #expect(x.people.first { $0.name == "John Smith" }?.role == "Head of the NCA's CEOP Command")
    }

    @Test func signatureBlock() throws {
        let x = try Fixtures.extract(
            "Ces images sont si facilement créées qu’elles peuvent être produites par des personnes ayant une intention criminelle.\nCatherine de Bolle\nDirecteur exécutif d’Europol\nSuite.",
            "fr")
        let p = x.people.first
        #expect(p?.name == "Catherine De Bolle" && p?.role == "Directeur exécutif" && p?.organisationName == "Europol")
        #expect(x.quotes.first?.speakerName == "Catherine De Bolle")
    }

    @Test func falsePeopleAvoided() throws {
        let x = try Fixtures.extract(
            "Les Etats membres et Internet Watch ont vu Operation Cumberland. The United Kingdom and New York Police said nothing.",
            "en")
        #expect(x.people.isEmpty, "\(x.people.map(\.name))")
    }

    @Test func operations() throws {
        let fr = try Fixtures.extract(
            "Une opération mondiale (opération Cumberland) ; l’opération Cumberland est toujours en cours ; l’opération est en cours. Opération « Horizon » aussi.",
            "fr")
        #expect(fr.operations.map(\.slug) == ["cumberland", "horizon"])
        #expect(fr.operations.first?.name == "Operation Cumberland")
        #expect(fr.operations.first?.mentions.count == 2)
        let en = try Fixtures.extract(
            "In an operation codenamed 'Viper', and during Operation Global Chain, the operation was a success.", "en")
        #expect(en.operations.map(\.name) == ["Operation Viper", "Operation Global Chain"])
    }
}
