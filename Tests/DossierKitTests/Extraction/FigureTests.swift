import Testing

@testable import DossierKit

@Suite("Figures")
struct FigureTests {
    func figures(_ text: String, _ lang: String) throws -> [ExtractedFigure] {
        try Fixtures.extract(text, lang).figures
    }

    @Test func frenchGroupedDigitsAndQualifiers() throws {
        let f = try figures("Le public a partagé près de 28 000 conseils et plus de 2\u{202F}000 cas ont été examinés.", "fr")
        #expect(f.count == 2)
        #expect(f[0].value == 28000 && f[0].approximate && f[0].span.text == "près de 28 000 conseils")
        #expect(f[1].value == 2000 && f[1].bound == .atLeast)
    }

    @Test func frenchListItemsWithCategories() throws {
        let f = try figures(
            "- 273 suspects identifiés\n- 25 suspects arrêtés\n- 33 recherches de maison\n- 173 dispositifs électroniques saisis",
            "fr")
        #expect(f.map(\.value) == [273, 25, 33, 173])
        #expect(f.map(\.category) == ["suspects_identified", "suspects_arrested", "house_searches", "devices_seized"])
    }

    @Test func percentagesAndShares() throws {
        let f = try figures("L’étude révèle que 98 % des victimes ont 13 ans ou moins et 96% étaient des filles.", "fr")
        #expect(f[0].unit == "percent" && f[0].value == 98 && f[0].counts == "des victimes")
        #expect(f.contains { $0.unit == "age:year" && $0.value == 13 && $0.bound == .atMost })
        let en = try figures("Some 45 per cent of reports and 12 percent of referrals were duplicates.", "en")
        #expect(en.map(\.unit) == ["percent", "percent"])
        #expect(en[0].approximate && en[0].value == 45)
    }

    @Test func numberWords() throws {
        let f = try figures("Seulement huit TLD étaient responsables; le Royaume-Uni héberge cinq des URL.", "fr")
        #expect(f.map(\.value) == [8, 5])
        let en = try figures("Officers found three children and nearly a dozen searches were conducted.", "en")
        #expect(en.map(\.value) == [3, 12])
        #expect(en[1].approximate)
    }

    @Test func money() throws {
        let en = try figures("Officers seized £2.4 million and $1,500 in cash.", "en")
        #expect(en.map(\.value) == [2_400_000, 1500])
        #expect(en.map(\.unit) == ["currency:GBP", "currency:USD"])
        #expect(en[0].category == "money_seized")
        let fr = try figures("Le réseau a généré 12 millions d'euros et 1,5 million d’euros ont été saisis.", "fr")
        #expect(fr.map(\.value) == [12_000_000, 1_500_000])
        #expect(fr.allSatisfy { $0.unit == "currency:EUR" })
    }

    @Test func englishBoundsAndGrouping() throws {
        let f = try figures(
            "More than 1,200 suspects were identified and up to 30 children were safeguarded. Over 400,000 users registered.",
            "en")
        #expect(f.map(\.value) == [1200, 30, 400_000])
        #expect(f.map(\.bound) == [.atLeast, .atMost, .atLeast])
        #expect(f[0].category == "suspects_identified")
        #expect(f[1].category == "children_safeguarded")
    }

    @Test func fractions() throws {
        let f = try figures("Près de la moitié des sites web et un peu plus d’un tiers des signalements.", "fr")
        #expect(f.map(\.unit) == ["fraction", "fraction"])
        #expect(f[0].value == 0.5 && f[0].approximate)
        #expect(abs(f[1].value - 0.333) < 0.001 && f[1].bound == .atLeast)
        let en = try figures("Four out of five victims were girls.", "en")
        #expect(en.first?.unit == "fraction" && en.first?.value == 0.8)
    }

    @Test func rangesAndDurations() throws {
        let f = try figures("Les enfants étaient âgés de 7 à 13 ans; l’étude a duré trois mois.", "fr")
        #expect(f[0].value == 7 && f[0].valueMax == 13 && f[0].unit == "age:year")
        #expect(f[1].unit == "duration:month" && f[1].value == 3)
    }

    @Test func exclusions() throws {
        let fr = try figures(
            "Depuis 2017, le 1er mars 2024 à 14h30, article 227-23, la 2e édition, à eux trois, la cinquième journée, appelez le 01 23 45 67 89.",
            "fr")
        #expect(fr.isEmpty, "\(fr.map(\.span.text))")
        let en = try figures(
            "In 2019, on 3 March 2024 at 10:00, the 3rd edition, the second action day, section 2252 (PDF 719KB), visit www.example2.com or call 0800 555 111. One of them said so.",
            "en")
        #expect(en.isEmpty, "\(en.map(\.span.text))")
    }

    @Test func identifiersAreNotFigures() throws {
        let f = try figures("Europol's EC3 and the G7 discussed COVID-19 and 4G networks.", "en")
        #expect(f.isEmpty)
    }
}
