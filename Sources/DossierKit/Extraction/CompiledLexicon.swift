/// The lexicon turned into sets and phrase matchers once per extractor, so per-document work
/// is only dictionary lookups.
struct CompiledLexicon: Sendable {
    let raw: FigureLexicon
    let numberWords: [String: [String: Double]]
    let approximateNumberWords: Set<String>
    let singularCount: [String: Set<String>]
    let approximate: PhraseMatcher
    let atLeast: PhraseMatcher
    let atMost: PhraseMatcher
    let trailingAtLeast: PhraseMatcher
    let trailingAtMost: PhraseMatcher
    let percent: PhraseMatcher
    let currencyWords: PhraseMatcher
    let currencyByWordKey: [String: String]
    let currencySymbols: [String: String]
    let unitWords: [String: String]
    let ageBefore: PhraseMatcher
    let ageAfter: PhraseMatcher
    let fileSizeUnits: Set<String>
    let ordinalSuffixes: Set<String>
    let identifierContext: Set<String>
    let stopWords: [String: Set<String>]
    let auxiliaries: PhraseMatcher
    let months: [String: Int]
    let ambiguousMonths: Set<String>
    let yearPrepositions: Set<String>
    let weekdays: Set<String>
    let speechVerbs: PhraseMatcher
    let documentNouns: Set<String>
    let givenNames: Set<String>
    let honorifics: Set<String>
    let titleWords: Set<String>
    let roleWords: Set<String>
    let orgHeadsEN: PhraseMatcher
    let orgHeadsFR: Set<String>
    let nonNameWords: Set<String>
    let categories: [(slug: String, nouns: PrefixSet, cues: PrefixSet)]

    init(_ lex: FigureLexicon) {
        raw = lex
        var nw: [String: [String: Double]] = [:]
        for (lang, words) in lex.numberWords {
            var m: [String: Double] = [:]
            for (w, v) in words { m[TextFolding.fold(w)] = v }
            nw[lang] = m
        }
        numberWords = nw
        approximateNumberWords = Set(lex.approximateNumberWords.map(TextFolding.fold))
        singularCount = lex.singularCountWords.mapValues { Set($0.map(TextFolding.fold)) }
        approximate = PhraseMatcher(lex.qualifiers.approximate)
        atLeast = PhraseMatcher(lex.qualifiers.atLeast)
        atMost = PhraseMatcher(lex.qualifiers.atMost)
        trailingAtLeast = PhraseMatcher(lex.qualifiers.trailingAtLeast)
        trailingAtMost = PhraseMatcher(lex.qualifiers.trailingAtMost)
        percent = PhraseMatcher(lex.percentWords)
        var cw: [String] = []
        var cbw: [String: String] = [:]
        var cs: [String: String] = [:]
        for c in lex.currencies {
            for w in c.words {
                cw.append(w)
                cbw[TokenizedText(w).tokens.map(\.folded).joined(separator: " ")] = c.code
            }
            for s in c.symbols { cs[s] = c.code }
        }
        currencyWords = PhraseMatcher(cw)
        currencyByWordKey = cbw
        currencySymbols = cs
        var uw: [String: String] = [:]
        for u in lex.units { for w in u.words { uw[TextFolding.fold(w)] = u.unit } }
        unitWords = uw
        ageBefore = PhraseMatcher(lex.ageBefore)
        ageAfter = PhraseMatcher(lex.ageAfter)
        fileSizeUnits = Set(lex.fileSizeUnits.map(TextFolding.fold))
        ordinalSuffixes = Set(lex.ordinalSuffixes.map(TextFolding.fold))
        identifierContext = Set(lex.identifierContext.map(TextFolding.fold))
        stopWords = lex.counterStopWords.mapValues { Set($0.map(TextFolding.fold)) }
        auxiliaries = PhraseMatcher(lex.auxiliaries)
        var mo: [String: Int] = [:]
        for (k, v) in lex.months { mo[TextFolding.fold(k)] = v }
        months = mo
        ambiguousMonths = Set(lex.ambiguousMonthWords.map(TextFolding.fold))
        yearPrepositions = Set(lex.yearPrepositions.map(TextFolding.fold))
        weekdays = Set(lex.weekdays.map(TextFolding.fold))
        speechVerbs = PhraseMatcher(lex.speechVerbs)
        documentNouns = Set(lex.documentNouns.map(TextFolding.fold))
        givenNames = Set(lex.givenNames.map(TextFolding.fold))
        honorifics = Set(lex.honorifics.map(TextFolding.fold))
        titleWords = Set(lex.titleWords.map(TextFolding.fold))
        roleWords = Set(lex.roleWords.map(TextFolding.fold))
        orgHeadsEN = PhraseMatcher(lex.orgHeads["en"] ?? [])
        orgHeadsFR = Set((lex.orgHeads["fr"] ?? []).map(TextFolding.fold))
        nonNameWords = Set(lex.nonNameWords.map(TextFolding.fold))
        categories = lex.categories.map { ($0.slug, PrefixSet($0.nouns), PrefixSet($0.cues)) }
    }

    func isStopWord(_ folded: String, language: String) -> Bool {
        stopWords[language]?.contains(folded) ?? false
    }

    func numberWord(_ folded: String, language: String) -> Double? {
        numberWords[language]?[folded]
    }
}

/// Keyword stems matched as prefixes of folded words; multi-word stems match a joined window.
struct PrefixSet: Sendable {
    let single: [String]
    let multi: [String]

    init(_ stems: [String]) {
        let f = stems.map { TextFolding.fold($0) }
        single = f.filter { !$0.contains(" ") }
        multi = f.filter { $0.contains(" ") }
    }

    var isEmpty: Bool { single.isEmpty && multi.isEmpty }

    /// Head-noun match: single stems against the first word only (so "19 countries arrested" is not
    /// an arrest count), multi-word stems against the whole phrase ("recherches de maison").
    func matchesHead(words: [String]) -> Bool {
        guard let head = words.first else { return false }
        for s in single where head.hasPrefix(s) { return true }
        if !multi.isEmpty {
            let joined = " " + words.joined(separator: " ")
            for m in multi where joined.contains(" " + m) { return true }
        }
        return false
    }

    /// True when any word starts with a stem, or the joined text contains a multi-word stem.
    func matches(words: [String]) -> Bool {
        for w in words { for s in single where w.hasPrefix(s) { return true } }
        if !multi.isEmpty {
            let joined = " " + words.joined(separator: " ")
            for m in multi where joined.contains(" " + m) { return true }
        }
        return false
    }
}
