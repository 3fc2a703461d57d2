/// Built-in month names for the static metadata helpers, which receive no lexicon from the caller.
/// Only what a publication-date line needs; the full vocabulary lives in figure-lexicon.json.
enum MinimalLexicon {
    static let value = FigureLexicon(
        numberWords: [:], approximateNumberWords: [], singularCountWords: [:], multipliers: [:], fractions: [:],
        standaloneFractions: [],
        qualifiers: .init(approximate: [], atLeast: [], atMost: [], trailingAtLeast: [], trailingAtMost: []),
        percentWords: [], currencies: [], units: [], ageBefore: [], ageAfter: [], fileSizeUnits: [], ordinalSuffixes: [],
        identifierContext: [], categories: [], counterStopWords: [:], auxiliaries: [],
        months: [
            "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
            "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "january": 1, "february": 2, "march": 3,
            "april": 4, "may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
            "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
            "oct": 10, "nov": 11, "dec": 12,
        ],
        ambiguousMonthWords: [], yearPrepositions: [], weekdays: [], speechVerbs: [], documentNouns: [], givenNames: [],
        honorifics: [], titleWords: [], roleWords: [], orgHeads: [:], nonNameWords: [])
    static let compiled = CompiledLexicon(value)
}
