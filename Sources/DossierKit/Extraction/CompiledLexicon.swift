/// The lexicon turned into sets and phrase matchers once per extractor, so per-document work
/// is only dictionary lookups.
struct CompiledLexicon: Sendable {
    let raw: FigureLexicon
    let numberWords: ByLanguage<FoldedMap<Double>>
    let approximateNumberWords: FoldedSet
    let singularCount: ByLanguage<FoldedSet>
    let approximate: PhraseMatcher
    let atLeast: PhraseMatcher
    let atMost: PhraseMatcher
    let trailingAtLeast: PhraseMatcher
    let trailingAtMost: PhraseMatcher
    let percent: PhraseMatcher
    let currencyWords: PhraseMatcher
    let currencyByWordKey: FoldedMap<String>
    let currencySymbols: FoldedMap<String>
    let unitWords: FoldedMap<String>
    let ageBefore: PhraseMatcher
    let ageAfter: PhraseMatcher
    let fileSizeUnits: FoldedSet
    let ordinalSuffixes: FoldedSet
    let identifierContext: FoldedSet
    let stopWords: ByLanguage<FoldedSet>
    let auxiliaries: PhraseMatcher
    let months: FoldedMap<Int>
    let ambiguousMonths: FoldedSet
    let yearPrepositions: FoldedSet
    let weekdays: FoldedSet
    let speechVerbs: PhraseMatcher
    let documentNouns: FoldedSet
    let givenNames: FoldedSet
    let honorifics: FoldedSet
    let titleWords: FoldedSet
    let roleWords: FoldedSet
    let orgHeadsEN: PhraseMatcher
    let orgHeadsFR: FoldedSet
    let nonNameWords: FoldedSet
    let idioms: PhraseMatcher
    /// Folded generic speaker noun → folded stems of the organisation names it may stand for.
    let institutionSpeakers: FoldedMap<[String]>
    let personEvidenceAfter: PhraseMatcher
    /// `personEvidenceAfter` without its auxiliary ("charged" of "was charged"), for an adverb in between.
    let personEvidenceAfterAuxiliary: PhraseMatcher
    /// Raw (unfolded) keys, as in the lexicon file, behind fast tables.
    let multipliers: FoldedMap<Double>
    let fractions: FoldedMap<Double>
    let standaloneFractions: FoldedSet
    let categories: [(slug: String, nouns: PrefixSet, cues: PrefixSet)]
    /// Per language, the words that may start a figure: number words, fractions and singular articles.
    let figureStartWords: ByLanguage<FoldedSet>
    /// The figure start words of a language without number words or articles: the fractions alone.
    let fractionWords: FoldedSet
    /// Indices into `categories`, in order, of those whose nouns may match a head word starting with each byte
    /// (index 256: the empty word). The others cannot match it, so a figure tests only these.
    private let categoriesByHeadByte: [[Int]]
    /// Cues that turn a currency amount into money seized.
    let seizureCues = PrefixSet(["saisi", "seiz", "confisq", "gel", "frozen", "froze", "recover", "forfeit"])

    init(_ lex: FigureLexicon) {
        raw = lex
        multipliers = FoldedMap(lex.multipliers)
        fractions = FoldedMap(lex.fractions)
        standaloneFractions = FoldedSet(lex.standaloneFractions)
        var nw: [String: [String: Double]] = [:]
        for (lang, words) in lex.numberWords {
            var m: [String: Double] = [:]
            for (w, v) in words { m[TextFolding.fold(w)] = v }
            nw[lang] = m
        }
        numberWords = ByLanguage(nw.mapValues { FoldedMap($0) })
        approximateNumberWords = FoldedSet(lex.approximateNumberWords.map(TextFolding.fold))
        singularCount = ByLanguage(lex.singularCountWords.mapValues { FoldedSet($0.map(TextFolding.fold)) })
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
        currencyByWordKey = FoldedMap(cbw)
        currencySymbols = FoldedMap(cs)
        var uw: [String: String] = [:]
        for u in lex.units { for w in u.words { uw[TextFolding.fold(w)] = u.unit } }
        unitWords = FoldedMap(uw)
        ageBefore = PhraseMatcher(lex.ageBefore)
        ageAfter = PhraseMatcher(lex.ageAfter)
        fileSizeUnits = FoldedSet(lex.fileSizeUnits.map(TextFolding.fold))
        ordinalSuffixes = FoldedSet(lex.ordinalSuffixes.map(TextFolding.fold))
        identifierContext = FoldedSet(lex.identifierContext.map(TextFolding.fold))
        stopWords = ByLanguage(lex.counterStopWords.mapValues { FoldedSet($0.map(TextFolding.fold)) })
        auxiliaries = PhraseMatcher(lex.auxiliaries)
        var mo: [String: Int] = [:]
        for (k, v) in lex.months { mo[TextFolding.fold(k)] = v }
        months = FoldedMap(mo)
        ambiguousMonths = FoldedSet(lex.ambiguousMonthWords.map(TextFolding.fold))
        yearPrepositions = FoldedSet(lex.yearPrepositions.map(TextFolding.fold))
        weekdays = FoldedSet(lex.weekdays.map(TextFolding.fold))
        speechVerbs = PhraseMatcher(lex.speechVerbs)
        documentNouns = FoldedSet(lex.documentNouns.map(TextFolding.fold))
        givenNames = FoldedSet(lex.givenNames.map(TextFolding.fold))
        honorifics = FoldedSet(lex.honorifics.map(TextFolding.fold))
        titleWords = FoldedSet(lex.titleWords.map(TextFolding.fold))
        roleWords = FoldedSet(lex.roleWords.map(TextFolding.fold))
        orgHeadsEN = PhraseMatcher(lex.orgHeads["en"] ?? [])
        orgHeadsFR = FoldedSet((lex.orgHeads["fr"] ?? []).map(TextFolding.fold))
        nonNameWords = FoldedSet(lex.nonNameWords.map(TextFolding.fold))
        idioms = PhraseMatcher(lex.idioms ?? [])
        personEvidenceAfter = PhraseMatcher(lex.personEvidenceAfter ?? [])
        personEvidenceAfterAuxiliary = PhraseMatcher(
            (lex.personEvidenceAfter ?? []).compactMap { phrase in
                let words = phrase.split(separator: " ")
                return words.count > 1 ? words.dropFirst().joined(separator: " ") : nil
            })
        institutionSpeakers = FoldedMap(
            Dictionary(
                (lex.institutionSpeakers ?? [:]).map { (TextFolding.fold($0.key), $0.value.map(TextFolding.fold)) },
                uniquingKeysWith: { first, _ in first }))
        let categories = lex.categories.map { (slug: $0.slug, nouns: PrefixSet($0.nouns), cues: PrefixSet($0.cues)) }
        self.categories = categories
        categoriesByHeadByte = (0...256).map { b in
            categories.indices.filter { categories[$0].nouns.mayMatchHead(firstByte: b < 256 ? UInt8(b) : nil) }
        }
        var startWords: [String: [String]] = [:]
        for (language, words) in nw { startWords[language, default: fractions.keys].append(contentsOf: words.keys) }
        for (language, words) in lex.singularCountWords {
            startWords[language, default: fractions.keys].append(contentsOf: words.map(TextFolding.fold))
        }
        figureStartWords = ByLanguage(startWords.mapValues { FoldedSet($0) })
        fractionWords = FoldedSet(fractions.keys)
    }

    /// The categories whose nouns may match the head word `head` (a superset of those that do), in order.
    func categoryCandidates(forHead head: String) -> [Int] {
        categoriesByHeadByte[head.utf8.first.map(Int.init) ?? 256]
    }

    func isStopWord(_ folded: String, language: String) -> Bool {
        stopWords[language]?.contains(folded) ?? false
    }

    func isStopWord(_ t: Token, language: String) -> Bool {
        stopWords[language]?.contains(t) ?? false
    }

    func numberWord(_ folded: String, language: String) -> Double? {
        numberWords[language]?[folded]
    }

    func numberWord(_ t: Token, language: String) -> Double? {
        numberWords[language]?[token: t]
    }
}

/// Keyword stems matched as prefixes of folded words; multi-word stems match a joined window.
/// A class: figures walk every category's two sets, and copying one is then a single retain, not three.
final class PrefixSet: Sendable {
    let single: [String]
    /// Multi-word stems split on spaces: all words but the last must equal consecutive words, the last
    /// is a prefix (the same as finding " stem" in the space-joined words, without building the string).
    let multi: [[String]]

    /// UTF-8 of each single stem made only of a-z, digits, "-" and "'", else nil. No other text is canonically
    /// equal to such characters, so the bytes decide `hasPrefix` without String's Character-wise comparison.
    private let singleBytes: [[UInt8]?]
    /// Indices of the plain stems by their first byte: a word can only start with those sharing its first byte.
    private let plainStemsByFirstByte: [[Int]]
    /// Indices of the stems every word must be tested against: the empty stem and those that are not plain.
    private let stemsForEveryWord: [Int]

    init(_ stems: [String]) {
        let f = stems.map { TextFolding.fold($0) }
        single = f.filter { !$0.contains(" ") }
        multi = f.filter { $0.contains(" ") }.map { $0.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
        singleBytes = single.map { $0.utf8.allSatisfy(Self.isPlain) ? Array($0.utf8) : nil }
        var byFirstByte = [[Int]](repeating: [], count: 256)
        var everyWord: [Int] = []
        for (k, bytes) in singleBytes.enumerated() {
            if let first = bytes?.first { byFirstByte[Int(first)].append(k) } else { everyWord.append(k) }
        }
        plainStemsByFirstByte = byFirstByte
        stemsForEveryWord = everyWord
    }

    private static func isPlain(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x27
    }

    /// True when `word` starts with a single stem; the same as `word.hasPrefix(stem)` for each stem.
    private func startsWithSingle(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { w in
            if let first = w.first {
                for k in plainStemsByFirstByte[Int(first)] where startsWith(w, word, stem: k) { return true }
            }
            for k in stemsForEveryWord where startsWith(w, word, stem: k) { return true }
            return false
        } ?? single.contains { word.hasPrefix($0) }
    }

    /// A byte mismatch rules the stem out; a byte match holds unless the word goes on with a non-ASCII scalar
    /// that might join the stem's last character (then String decides, as `hasPrefix` would).
    private func startsWith(_ w: UnsafeBufferPointer<UInt8>, _ word: String, stem k: Int) -> Bool {
        guard let b = singleBytes[k] else { return word.hasPrefix(single[k]) }
        guard w.count >= b.count else { return false }
        for j in b.indices where w[j] != b[j] { return false }
        return w.count == b.count || w[b.count] < 0x80 || word.hasPrefix(single[k])
    }

    var isEmpty: Bool { single.isEmpty && multi.isEmpty }

    /// False when `matchesHead` is false for every phrase whose head word starts with `firstByte` (nil: is
    /// empty): no multi-word stem, no stem tested against every word, no plain stem starting with that byte.
    func mayMatchHead(firstByte: UInt8?) -> Bool {
        !multi.isEmpty || !stemsForEveryWord.isEmpty || firstByte.map { !plainStemsByFirstByte[Int($0)].isEmpty } ?? false
    }

    private func multiMatches(_ words: [String]) -> Bool {
        for m in multi where m.count <= words.count {
            guard let lastStem = m.last else { continue }
            start: for i in 0...(words.count - m.count) {
                for k in 0..<(m.count - 1) where words[i + k] != m[k] { continue start }
                if words[i + m.count - 1].hasPrefix(lastStem) { return true }
            }
        }
        return false
    }

    /// Head-noun match: single stems against the first word only (so "19 countries arrested" is not
    /// an arrest count), multi-word stems against the whole phrase ("recherches de maison").
    func matchesHead(words: [String]) -> Bool {
        guard let head = words.first else { return false }
        return startsWithSingle(head) || multiMatches(words)
    }

    /// True when any word starts with a stem, or the joined text contains a multi-word stem.
    func matches(words: [String]) -> Bool {
        for w in words where startsWithSingle(w) { return true }
        return multiMatches(words)
    }
}
