import Testing

@testable import DossierKit

/// The figure error classes seen on releases the rules were not written on: number words after an article,
/// hyphenated units, approximate French number nouns, idioms, money with a separate multiplier, data units.
@Suite("Figures: general classes")
struct FigureClassTests {
    private func figures(_ text: String, _ language: String) throws -> [ExtractedFigure] {
        try Fixtures.extract(text, language).figures
    }

    @Test("an article before a number word is not added to it: 'a two-week operation' is 2 weeks")
    func articleBeforeNumberWord() throws {
        let en = try figures("It was a two-week operation and a five-year investigation.", "en")
        #expect(en.map(\.value) == [2, 5])
        #expect(en.map(\.unit) == ["duration:week", "duration:year"])
        let fr = try figures("Il a saisi une douzaine de téléphones et un millier de fichiers.", "fr")
        #expect(fr.map(\.value) == [12, 1000])
        #expect(fr.allSatisfy { $0.approximate })
    }

    @Test("hyphenated ages and durations: a 14-month-old is an age, a 12-year sentence a duration")
    func hyphenatedUnits() throws {
        let f = try figures(
            "A 14-month-old girl was found and her father received a 12-year sentence after a three-day trial.", "en")
        #expect(f.map(\.unit) == ["age:month", "duration:year", "duration:day"])
        #expect(f.map(\.value) == [14, 12, 3])
        let age = try figures("The 15-year-old boy was safeguarded.", "en")
        #expect(age.map(\.unit) == ["age:year"])
    }

    @Test("French approximate number nouns are approximate figures, each its own")
    func frenchApproximateNouns() throws {
        let f = try figures("Une dizaine de victimes, une vingtaine d'enquêteurs et une trentaine de gendarmes.", "fr")
        #expect(f.map(\.value) == [10, 20, 30])
        #expect(f.allSatisfy { $0.approximate })
        #expect(f[1].span.text == "une vingtaine d'enquêteurs")
        let range = try figures("Entre une quarantaine et une cinquantaine de suspects ont été arrêtés.", "fr")
        #expect(range.count == 1)
        #expect(range.first?.value == 40 && range.first?.valueMax == 50 && range.first?.approximate == true)
    }

    @Test("idioms count nothing, and the numbers near them still do")
    func idioms() throws {
        let french = try figures("Ils ont fait d'une pierre deux coups.", "fr")
        let english = try figures("Investigators were at sixes and sevens but stayed one step ahead.", "en")
        #expect(french.isEmpty && english.isEmpty)
        let kept = try figures("Les deux coups de filet ont permis d'arrêter trois suspects.", "fr")
        #expect(kept.map(\.value).contains(3))
    }

    @Test("money with a multiplier set apart keeps its currency; data volumes keep their unit")
    func moneyAndData() throws {
        let fr = try figures("Ils ont saisi 2,3 M€, 1,5 Md€ et 40 téraoctets de données, mais pas 2 M de fichiers.", "fr")
        #expect(fr.map(\.unit) == ["currency:EUR", "currency:EUR", "data:TB", "count"])
        #expect(fr.map(\.value) == [2_300_000, 1_500_000_000, 40, 2])
        let en = try figures("Officers seized 40 terabytes of data and 3 TB more, but said it was up to them.", "en")
        #expect(en.map(\.unit) == ["data:TB", "data:TB"])
    }
}

@Suite("Dates: a declared publication date")
struct DeclaredPublicationDateTests {
    @Test("year-less dates resolve against the publication date given in front matter or --published")
    func yearLessDatesUseTheDeclaredDate() throws {
        let extractor = try Fixtures.extractor()
        let en = extractor.extract(
            from: "Officers searched the house on Thursday 4 June.", language: "en", published: "2026-06-05")
        #expect(en.dates.map(\.iso) == ["2026-06-04"])
        let fr = extractor.extract(
            from: "Les enquêteurs ont interpellé le suspect le 3 mars.", language: "fr", published: "2025-03-10")
        #expect(fr.dates.map(\.iso) == ["2025-03-03"])
        // Stated in the text, the year wins; without any date, a year-less date is not guessed.
        let stated = extractor.extract(from: "The raid took place on 4 June 2024.", language: "en", published: "2026-06-05")
        #expect(stated.dates.map(\.iso) == ["2024-06-04"])
        #expect(extractor.extract(from: "Officers searched the house on 4 June.", language: "en").dates.isEmpty)
    }
}
