/// Language lexicons (FR/EN) that drive the rules, supplied as decoded JSON (Seeds/figure-lexicon.json)
/// so that vocabulary can grow without code changes. Besides figure vocabulary it carries the small
/// word lists the other extractors need (months, speech verbs, given names, role words).
/// Multi-word entries are matched token by token on folded text (lower case, no diacritics, ’ → ').
public struct FigureLexicon: Sendable, Codable {
    public struct Qualifiers: Sendable, Codable {
        public var approximate: [String]
        public var atLeast: [String]
        public var atMost: [String]
        public var trailingAtLeast: [String]
        public var trailingAtMost: [String]
    }

    public struct Currency: Sendable, Codable {
        public var code: String
        public var symbols: [String]
        public var words: [String]
    }

    public struct Unit: Sendable, Codable {
        public var unit: String
        public var words: [String]
    }

    /// A figure category: matches when the counted phrase holds one of `nouns` (prefix match) and,
    /// if `cues` is non-empty, one of the cues occurs in the clause around the figure.
    public struct Category: Sendable, Codable {
        public var slug: String
        public var nouns: [String]
        public var cues: [String]
    }

    public var numberWords: [String: [String: Double]]
    public var approximateNumberWords: [String]
    public var singularCountWords: [String: [String]]
    public var multipliers: [String: Double]
    public var fractions: [String: Double]
    public var standaloneFractions: [String]
    public var qualifiers: Qualifiers
    public var percentWords: [String]
    public var currencies: [Currency]
    public var units: [Unit]
    public var ageBefore: [String]
    public var ageAfter: [String]
    public var fileSizeUnits: [String]
    public var ordinalSuffixes: [String]
    public var identifierContext: [String]
    public var categories: [Category]
    public var counterStopWords: [String: [String]]
    public var auxiliaries: [String]
    public var months: [String: Int]
    public var ambiguousMonthWords: [String]
    public var yearPrepositions: [String]
    public var weekdays: [String]
    public var speechVerbs: [String]
    public var documentNouns: [String]
    public var givenNames: [String]
    public var honorifics: [String]
    public var titleWords: [String]
    public var roleWords: [String]
    public var orgHeads: [String: [String]]
    public var nonNameWords: [String]
    /// Set phrases whose number words count nothing ("at sixes and sevens", « d'une pierre deux coups »).
    /// Optional so that a lexicon written before the list existed still loads.
    public var idioms: [String]?
    /// A generic speaker ("police said", « indique le parquet ») → stems of the organisation names it stands
    /// for in a document; an empty list means any organisation the document names.
    public var institutionSpeakers: [String: [String]]?
    /// What follows a person's name and only a person's ("was sentenced", « a été interpellé »): evidence that
    /// an unknown capitalised pair is a name.
    public var personEvidenceAfter: [String]?
}
