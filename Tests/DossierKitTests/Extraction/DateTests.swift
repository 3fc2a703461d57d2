import Testing

@testable import DossierKit

@Suite("Dates")
struct DateTests {
    func isos(_ text: String, _ lang: String) throws -> [String] {
        try Fixtures.extract(text, lang).dates.map(\.iso)
    }

    @Test func french() throws {
        #expect(
            try isos("Arrêté le 26 février 2025 puis en novembre 2024; le 1er mars 2024.", "fr") == [
                "2025-02-26", "2024-11", "2024-03-01",
            ])
        #expect(try isos("La recherche (sur une période de trois mois, d’août à octobre 2017).", "fr") == ["2017-08/2017-10"])
        #expect(try isos("Depuis 2017, l’agence agit; en 2012 déjà.", "fr") == ["2017", "2012"])
    }

    @Test func english() throws {
        #expect(
            try isos("On February 26, 2025 and 26 February 2025, and in March 2024.", "en") == [
                "2025-02-26", "2025-02-26", "2024-03",
            ])
        #expect(
            try isos("The operation ran from June to August 2023. Since 2019 it grew; in 2020 and 2021 too.", "en") == [
                "2023-06/2023-08", "2019", "2020", "2021",
            ])
    }

    @Test func notDates() throws {
        #expect(try isos("He may march on. 2000 euros were paid and 25 people were arrested last week.", "en").isEmpty)
        #expect(try isos("Le réseau comptait 1 138 URL et cet été-là.", "fr").isEmpty)
    }

    @Test func numeric() throws {
        #expect(try isos("Mis à jour le 03/04/2024 et 2025-02-26.", "fr") == ["2024-04-03", "2025-02-26"])
    }
}
