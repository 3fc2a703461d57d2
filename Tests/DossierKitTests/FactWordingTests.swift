import Foundation
import Testing

@testable import DossierKit

@Suite("Fact wording")
struct FactWordingTests {
    let english = FactWording(.en)
    let french = FactWording(.fr)

    @Test("every category the lexicon assigns reads in words in both languages, and nothing else is listed")
    func categoriesCoverTheLexicon() throws {
        let lexicon = try SeedData.figureLexicon()
        let assigned = Set(lexicon.categories.map(\.slug))
        #expect(Set(FactWording.categories) == assigned)
        for slug in assigned {
            #expect(!english.category(slug).contains("_") && !french.category(slug).contains("_"), "\(slug)")
        }
        #expect(french.category("suspects_identified") == "suspects identifiés")
        #expect(english.category("some_new_code") == "some new code", "an unknown code still reads without underscores")
        #expect(french.category(nil) == "sans catégorie")
    }

    @Test("digits grouped and decimals written as each language writes them")
    func numbers() {
        #expect(english.number(28000) == "28,000")
        #expect(french.number(28000) == "28\u{202F}000")
        #expect(english.number(1234567.5) == "1,234,567.5")
        #expect(french.number(0.25) == "0,25")
        #expect(english.number(999.999) == "1,000")
        #expect(english.number(25) == "25")
    }

    @Test("values with their units, qualifiers and scales, never as codes")
    func values() {
        #expect(english.value(31_000_000, unit: "currency:USD") == "US$\u{A0}31 million")
        #expect(french.value(31_000_000, unit: "currency:USD") == "31 millions de dollars US")
        #expect(french.value(1_500_000, unit: "currency:EUR") == "1,5 million d’euros")
        #expect(english.value(1_234_567, unit: "currency:EUR") == "€\u{A0}1,234,567", "exact when no scale says it exactly")
        #expect(french.value(400, unit: "currency:EUR") == "400\u{A0}€")
        #expect(english.value(2, unit: "duration:day") == "2\u{A0}days")
        #expect(english.value(1, unit: "duration:day") == "1\u{A0}day")
        #expect(french.value(3, unit: "duration:month") == "3\u{A0}mois")
        #expect(english.value(98, unit: "percent") == "98%")
        #expect(french.value(98, unit: "percent") == "98\u{202F}%")
        #expect(english.value(0.5, unit: "fraction") == "a half")
        #expect(english.value(25, unit: "count", approximate: true, bound: "at_least") == "at least about 25")
        #expect(french.value(10, valueMax: 12, unit: "count", bound: "at_most") == "au plus 10–12")
        #expect(french.value(4, unit: "data:TB") == "4\u{A0}To")
        #expect(english.value(14, unit: "age:year") == "14\u{A0}years old")
        #expect(!english.value(3, unit: "currency:JPY").contains("currency:"))
    }

    @Test("the reader's language from Accept-Language, by quality; English when none is spoken here")
    func acceptLanguage() {
        #expect(FactWording.Language(acceptLanguage: "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7") == .fr)
        #expect(FactWording.Language(acceptLanguage: "de-DE, en;q=0.5, fr;q=0.7") == .fr)
        #expect(FactWording.Language(acceptLanguage: "en-GB,en;q=0.9,fr;q=0.8") == .en)
        #expect(FactWording.Language(acceptLanguage: "de, it") == .en)
        #expect(FactWording.Language(acceptLanguage: "fr;q=0") == .en)
        #expect(FactWording.Language(acceptLanguage: nil) == .en)
    }
}

@Suite("Report wording")
struct ReportWordingTests {
    @Test("every phrase is written in English and French, with the same placeholders")
    func complete() {
        for phrase in ReportWording.Phrase.allCases {
            let english = ReportWording.english[phrase]
            let french = ReportWording.french[phrase]
            #expect(english != nil && french != nil, "\(phrase)")
            let placeholders = { (text: String?) in (text ?? "").matches(of: /%\d/).map { String($0.output) }.sorted() }
            #expect(placeholders(english) == placeholders(french), "\(phrase)")
        }
        for table in StatsRepository.tables {
            #expect(ReportWording.englishTables[table] != nil && ReportWording.frenchTables[table] != nil, "\(table)")
        }
    }

    @Test("values fill the placeholders in order; an unknown status stays as it is")
    func placeholders() {
        let french = ReportWording(.fr)
        #expect(
            french(.lastVerified, "2026-12-05", "ana", french.status("clean"))
                == "Dernière vérification le 2026-12-05 par ana : tous les contrôles sont passés.")
        #expect(french.status("concluded") == "terminée" && french.status("failed") == "échoué")
        #expect(french.status("paused") == "paused")
        #expect(french(.alsoLine, "100% %1 sûr") == "Aussi : 100% %1 sûr", "a value holding %1 stays as written")
        #expect(Placeholders.fill("%2 of %1, 50 %", with: ["a", "b"]) == "b of a, 50 %")
        #expect(ReportWording(.en).kind(.pressRelease) == "press release")
    }
}
