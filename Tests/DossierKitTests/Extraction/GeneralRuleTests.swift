import Foundation
import Testing

@testable import DossierKit

/// Rules added for unseen press releases (Tests/Fixtures/dev-set): each with a positive and a negative case, FR and EN.
@Suite("General rules")
struct GeneralRuleTests {
    func figures(_ text: String, _ lang: String) throws -> [ExtractedFigure] { try Fixtures.extract(text, lang).figures }

    @Test func datelines() {
        #expect(
            DocumentMetadataInference.publicationDate(
                of:
                    "Title\n\nWASHINGTON, March 12, 2024 – A Fairfax County man was sentenced today to 15 years in federal prison for producing material that he obtained by extorting minors on social media over many months."
            ) == "2024-03-12")
        #expect(
            DocumentMetadataInference.publicationDate(
                of:
                    "Titre\n\nMONTRÉAL, le 9 mai 2024 /CNW/ – La Sûreté du Québec annonce l’arrestation de 34 personnes dans le cadre d’une opération provinciale visant les personnes qui possèdent du matériel."
            ) == "2024-05-09")
        #expect(
            DocumentMetadataInference.publicationDate(of: "Titre\nPar Claire Morel\nLe 3 octobre 2023 à 18h45\n\nCorps")
                == "2023-10-03")
        // A date inside the running text of a long first paragraph is not a dateline.
        #expect(
            DocumentMetadataInference.publicationDate(
                of:
                    "Title\n\nA man who was arrested on March 12, 2024 in Fairfax County, Virginia, after a long investigation by federal agents and local police officers was sentenced today to 15 years in prison."
            ) == nil)
    }

    @Test func yearlessDates() throws {
        let en = try Fixtures.extract(
            "Title\n\nThe Hague, 7 June 2024\n\nDuring the action day on 22 May, 79 suspects were arrested.", "en")
        #expect(en.dates.map(\.iso).contains("2024-05-22"))
        #expect(!en.figures.contains { $0.value == 22 })
        let fr = try Fixtures.extract(
            "Titre\n\nPublié le 3 octobre 2023\n\nL’homme, interpellé en février dernier, a été condamné.", "fr")
        #expect(fr.dates.map(\.iso).contains("2023-02"))
        // Without a publication date the day is not resolved, and still never a figure.
        let none = try Fixtures.extract("He pleaded guilty on 5 April to one count.", "en")
        #expect(none.dates.isEmpty)
        #expect(!none.figures.contains { $0.value == 5 })
        #expect(try Fixtures.extract("Huit suspects arrêtés le 20 février.", "fr").figures.map(\.value) == [8])
    }

    @Test func ratios() throws {
        let en = try figures(
            "Nearly one in five series led to an identification, and 1 in 5 webpages contained Category A material.", "en")
        #expect(en.map(\.value) == [0.2, 0.2])
        #expect(en.allSatisfy { $0.unit == "fraction" })
        #expect(en.first?.approximate == true)
        let fr = try figures("Un signalement sur trois concerne ces images ; un enfant sur cinq est exposé.", "fr")
        #expect(fr.map(\.value) == [0.333, 0.2])
        // Not ratios: a year after "in", "sur" between unrelated numbers.
        #expect(try figures("Police arrested 5 in 2023.", "en").map(\.value) == [5])
        #expect(!(try figures("Les 12 suspects sur 3 sites.", "fr")).contains { $0.unit == "fraction" })
    }

    @Test func identifiersAndPhones() throws {
        #expect(try figures("Search for Case No. 1:23-cr-00112 on PACER.", "en").isEmpty)
        #expect(try figures("Appelez la Centrale au 1 800 659-4264.", "fr").isEmpty)
        #expect(try figures("A 15-year-old girl and 1 200 signalements.", "en").count >= 1)
    }

    @Test func agesAndSentences() throws {
        let en = try figures("Derek Hammond, 34, of Springfield was sentenced to 15 years in federal prison.", "en")
        #expect(en.map(\.unit) == ["age:year", "duration:year"])
        #expect(try figures("Police arrested 34 people, 12 of them in Leeds.", "en").first?.unit == "count")
        let fr = try figures("Il a été condamné à 8 ans de prison ; les enfants de moins de 10 ans sont visés.", "fr")
        #expect(fr.map(\.unit) == ["duration:year", "age:year"])
    }

    @Test func titlesBeforeNames() throws {
        let en = try Fixtures.extract(
            "“Our agents worked around the clock on this case,” said Special Agent in Charge Wenona Bartholomew of the FBI.", "en"
        )
        #expect(en.people.map(\.name) == ["Wenona Bartholomew"])
        #expect(en.quotes.first?.speakerName == "Wenona Bartholomew")
        let us = try Fixtures.extract(
            "“Today’s sentence should send a clear message to every offender,” said U.S. Attorney Jessica D. Aber.", "en")
        #expect(us.quotes.first?.speakerName == "Jessica D. Aber")
        let fr = try Fixtures.extract(
            "« Chaque appareil saisi peut nous mener à une victime inconnue », a expliqué l’inspecteur-chef Daniel Rivard.", "fr")
        #expect(fr.quotes.first?.speakerName == "Daniel Rivard")
        let appo = try Fixtures.extract(
            "« Un signalement sur trois concerne désormais ces images », explique sa directrice générale, Heidi De Pauw.", "fr")
        #expect(appo.people.map(\.name) == ["Heidi De Pauw"])
        // A title followed by more title words is not a name.
        #expect(
            try Fixtures.extract("Dan Sexton, Chief Technology Officer at the charity, said so.", "en").people.map(\.name) == [
                "Dan Sexton"
            ])
        #expect(try Fixtures.extract("The Senior Crown Prosecutor said the evidence was strong.", "en").people.isEmpty)
    }

    @Test func acronymDefinedNames() throws {
        let fr = try Fixtures.extract(
            "Une opération menée par le Centre de lutte contre les criminalités numériques (C3N) et la Juridiction nationale de lutte contre la criminalité organisée (JUNALCO).",
            "fr")
        let names = fr.organisations.map(\.name)
        #expect(names.contains("Centre de lutte contre les criminalités numériques"))
        #expect(names.contains("Juridiction nationale de lutte contre la criminalité organisée"))
        let sq = try Fixtures.extract(
            "– La Sûreté du Québec (SQ) annonce. Le chef de la Direction des enquêtes criminelles de la Sûreté du Québec a parlé.",
            "fr")
        #expect(sq.organisations.map(\.name).contains("Sûreté du Québec"))
        #expect(sq.organisations.map(\.name).contains("Direction des enquêtes criminelles"))
        // An acronym that does not share the name's initial does not stretch the name.
        #expect(
            !(try Fixtures.extract("Le Centre de lutte contre la fraude a publié une note (XYZ).", "fr")).organisations.contains {
                $0.acronym == "XYZ"
            })
        let en = try Fixtures.extract(
            "Information is on the website of the U.S. Attorney’s Office for the Eastern District of Virginia and the District Court for the Eastern District of Virginia.",
            "en")
        #expect(
            en.organisations.map(\.name) == [
                "U.S. Attorney’s Office for the Eastern District of Virginia",
                "District Court for the Eastern District of Virginia",
            ])
    }

    @Test func courts() throws {
        let fr = try Fixtures.extract(
            "L’enquête ouverte par le parquet de Paris a été confiée au tribunal judiciaire de Paris puis au parquet fédéral.",
            "fr")
        #expect(fr.organisations.map(\.name) == ["Parquet de Paris", "Tribunal judiciaire de Paris", "Parquet fédéral"])
        #expect(try Fixtures.extract("Le parquet a fait appel et le tribunal a suivi.", "fr").organisations.isEmpty)
    }

    @Test func operationIntroducers() throws {
        #expect(
            try Fixtures.extract("L’opération, baptisée « Maillon », a mobilisé 200 gendarmes.", "fr").operations.map(\.name) == [
                "Operation Maillon"
            ])
        #expect(
            try Fixtures.extract("The operation, codenamed ‘Operation Global Chain’, was led by Spain.", "en").operations.map(
                \.name) == ["Operation Global Chain"])
        #expect(
            try Fixtures.extract("The following countries were involved in the operation: Australia, Austria and Spain.", "en")
                .operations.isEmpty)
    }

    @Test func elidedSurnamesAndTrailingConnectors() throws {
        #expect(
            try Fixtures.extract("“We found him,” said Special Agent in Charge Wojciech O'Neill of the FBI.", "en").people.map(
                \.name) == ["Wojciech O'Neill"])
        // Without a cue an unknown given name is not a person; a defendant's plea is such a cue.
        #expect(try Fixtures.extract("The Hague (PDF). Visit Wojciech O'Neill Park today.", "en").people.isEmpty)
        #expect(
            try Fixtures.extract("The Hague (PDF). Wojciech O'Neill pleaded guilty.", "en").people.map(\.name) == [
                "Wojciech O'Neill"
            ])
        let orgs = try Fixtures.extract("Officers from the Metropolitan Police Service and Europol identified eight users.", "en")
            .organisations.map(\.name)
        #expect(!orgs.contains { $0.hasSuffix(" and") || $0.contains("identified") })
        #expect(
            try Fixtures.extract("La Brigade de protection des mineurs et Europol ont agi.", "fr").organisations.map(\.name)
                .contains("Brigade de protection des mineurs"))
    }
}
