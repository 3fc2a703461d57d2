/// Builds figures around numeric cores: qualifier before, unit/currency/percent after,
/// the counted noun phrase, ranges, trailing bounds ("ou moins") and a lexicon category.
struct FigureExtractor: Sendable {
    private static let leading: FoldedSet = [
        "de", "des", "du", "d", "of", "the", "l", "la", "les", "ces", "these", "those", "their", "leurs",
    ]
    private static let connectors: FoldedSet = ["de", "des", "du", "d", "of", "et", "and", "l", "la", "the"]
    let lex: CompiledLexicon
    let reader: NumberReader

    init(lex: CompiledLexicon) {
        self.lex = lex
        self.reader = NumberReader(lex: lex)
    }

    func extract(_ doc: TokenizedText, language: String, consumed: [Bool]) -> [ExtractedFigure] {
        var out: [ExtractedFigure] = []
        let numberWords = lex.numberWords[language]
        let singular = lex.singularCount[language]
        let startWords = lex.figureStartWords[language] ?? lex.fractionWords
        var i = 0
        while i < doc.count {
            if consumed[i] || doc.tokens[i].isPunct {
                i += 1
                continue
            }
            // Cheap pre-filter: only digits and lexicon number/fraction words can start a figure. One probe of
            // the hash in their union rules out most words before the three exact look-ups.
            if doc.tokens[i].isWord {
                if !startWords.mayContain(hash: doc.tokens[i].foldedHash)
                    || numberWords?.value(doc, i) == nil && lex.fractions.value(doc, i) == nil
                        && !(singular?.contains(doc, i) ?? false)
                {
                    i += 1
                    continue
                }
            }
            guard let core = ratio(doc, i, language: language) ?? reader.read(doc, i, language: language) else {
                i += 1
                continue
            }
            if let idiomEnd = idiomEnd(covering: i, in: doc) {
                i = idiomEnd
                continue
            }
            if (core.first...core.last).contains(where: { consumed[$0] }) {
                i += 1
                continue
            }
            if let fig = build(doc, core, language: language, consumed: consumed) {
                out.append(fig.figure)
                i = fig.next
            } else {
                i = core.last + 1
            }
        }
        return out
    }

    /// Runs the figure rules in order over one draft; nil for a year that dates rather than counts, or a number too
    /// large for a Double.
    private func build(
        _ doc: TokenizedText, _ core: NumberReader.Core, language: String, consumed: [Bool]
    ) -> (figure: ExtractedFigure, next: Int)? {
        var draft = FigureDraft(core: core)
        applyCurrencyBefore(&draft, in: doc)
        applyRange(&draft, in: doc, language: language, consumed: consumed)
        applyOutOf(&draft, in: doc, language: language)
        // A unit, if any, starts right after the number, its range or its "out of M".
        draft.afterUnit = draft.last + 1
        applyPercentOrCurrencyAfter(&draft, in: doc)
        applyMeasurementUnit(&draft, in: doc, language: language)
        applyAgeInApposition(&draft, in: doc)
        applyAgeBound(&draft, in: doc)
        if isDateYear(draft, in: doc, language: language) { return nil }
        applyQualifiersBefore(&draft, in: doc)
        draft.end = draft.afterUnit - 1
        applyTrailingBounds(&draft, in: doc)
        applyCountedPhrase(&draft, in: doc, language: language)
        extendEndOverNumber(&draft)
        applyCategory(&draft, in: doc)
        // A number too large for a Double ("1" and 400 zeros) reads as infinity: it counts nothing
        // a press release reports, and would be stored as Inf and exported as "inf" or null.
        guard draft.core.value.isFinite, draft.valueMax?.isFinite ?? true else { return nil }
        let span = doc.span(tokens: draft.first, draft.end)
        let fig = ExtractedFigure(
            span: span, value: draft.core.value, valueMax: draft.valueMax, unit: draft.unit,
            approximate: draft.approximate, bound: draft.bound,
            counts: draft.counts?.isEmpty == true ? nil : draft.counts, category: draft.category)
        return (fig, max(draft.core.last, draft.last) + 1)
    }

    /// One past the end of a set phrase holding token `i` ("at sixes and sevens"), whose numbers count nothing.
    private func idiomEnd(covering i: Int, in doc: TokenizedText) -> Int? {
        for start in stride(from: i, through: max(0, i - 4), by: -1) {
            if let end = lex.idioms.match(in: doc, at: start), end > i { return end }
        }
        return nil
    }

    /// "1 in 5", "nearly one in five", "nine in 10 webpages", "un enfant sur cinq", "un signalement sur trois":
    /// a share stated as a ratio is one fraction (0.2), never two counts. French may put the counted noun
    /// between the two numbers. The denominator must be a small number, not a year ("5 in 2023").
    func ratio(_ doc: TokenizedText, _ i: Int, language: String) -> NumberReader.Core? {
        guard let n = smallNumber(doc, i, language: language, allowSingular: true) else { return nil }
        var k = i + 1
        if k < doc.count, doc.sameLine(i, k), doc.tokens[k].isWord, !doc.tokens[k].isCapitalized,
            doc.f(k) != "in", doc.f(k) != "sur", !lex.isStopWord(doc.tokens[k], language: language)
        {
            k += 1
        }
        guard doc.sameLine(i, k), doc.f(k) == (language == "fr" ? "sur" : "in"),
            let d = smallNumber(doc, k + 1, language: language, allowSingular: false), doc.sameLine(k, k + 1), n < d, d <= 1000
        else { return nil }
        var core = NumberReader.Core(first: i, last: k + 1, value: (n / d * 1000).rounded() / 1000)
        core.isFraction = true
        return core
    }

    /// A single-token number for a ratio side: up to three digits, a number word, or "un"/"one" on the left.
    private func smallNumber(_ doc: TokenizedText, _ i: Int, language: String, allowSingular: Bool) -> Double? {
        guard i < doc.count, !doc.tokens[i].inLink else { return nil }
        let t = doc.tokens[i]
        if t.isNumber {
            guard t.scalarCount <= 3, !(t.text.hasPrefix("0")) else { return nil }
            if i + 1 < doc.count, doc.tokens[i + 1].gapBefore == .none,
                !doc.tokens[i + 1].isPunct
                    || [",", "."].contains(doc.tokens[i + 1].text) && i + 2 < doc.count && doc.tokens[i + 2].isNumber
            {
                return nil
            }
            return NumberReader.value(ofDigits: t.text)
        }
        guard t.isWord else { return nil }
        if allowSingular, ["un", "une", "one"].contains(t.folded) { return 1 }
        return lex.numberWord(t, language: language)
    }

    /// Words after "N years"/"N ans" that make it a sentence length: "8 ans de prison", "15 years in federal prison".
    private static let sentenceCues: FoldedSet = [
        "prison", "emprisonnement", "reclusion", "detention", "jail", "supervised",
        "ferme", "sursis", "custody", "imprisonment", "sentence", "term", "peine",
    ]

    /// Words right before "N ans" (or before its bound) that state an age: "ont moins de 12 ans", "aged 7".
    private static let ageVerbs: FoldedSet = ["ont", "avait", "avaient", "ayant", "aged", "age", "agee", "ages", "agees"]

    /// Whether "N ans"/"N years" states an age rather than a duration: "aged 7", "enfants de moins de 10 ans".
    func isAge(_ doc: TokenizedText, first: Int, afterUnit: Int) -> Bool {
        // A sentence length is a duration even after "condamné à" (whose "à" otherwise reads as "aged").
        for k in afterUnit..<min(afterUnit + 3, doc.count)
        where doc.sameLine(afterUnit - 1, k) && Self.sentenceCues.contains(doc.tokens[k]) {
            return false
        }
        if lex.ageBefore.matchBackward(in: doc, endingAt: first - 1) != nil { return true }
        // "enfants de moins de 10 ans": the age cue stands before the bound.
        if let q = lex.atMost.matchBackward(in: doc, endingAt: first - 1)
            ?? lex.atLeast.matchBackward(in: doc, endingAt: first - 1),
            lex.ageBefore.matchBackward(in: doc, endingAt: q - 1) != nil || Self.ageVerbs.contains(doc.f(q - 1))
        {
            return true
        }
        if lex.ageAfter.match(in: doc, at: afterUnit) != nil { return true }
        if lex.trailingAtMost.match(in: doc, at: afterUnit) != nil || lex.trailingAtLeast.match(in: doc, at: afterUnit) != nil {
            return true
        }
        let p = doc.f(first - 1)
        return Self.ageVerbs.contains(p) || ["que", "seulement", "a"].contains(p)
    }

    /// Whether token `j` is a lowercase noun some category counts, as "images" in "2000 images".
    func categoryNounFollows(_ doc: TokenizedText, _ j: Int, language: String) -> Bool {
        guard j < doc.count, doc.tokens[j].isWord, !doc.tokens[j].isCapitalized else { return false }
        let w = [doc.tokens[j].folded]
        return lex.categories.contains { $0.nouns.matches(words: w) }
    }

    /// The noun phrase after a number: up to four content words, allowing "de/of/et/and" inside
    /// and a leading "des"/"of the" (for shares), stopping at punctuation, verbs and function words.
    func countedPhrase(_ doc: TokenizedText, from j: Int, language: String, allowLeadingOf: Bool) -> (Int?, [String]) {
        let toks = doc.tokens
        var k = j
        var lastContent: Int?
        var words: [String] = []
        var content = 0
        guard k < doc.count, k == 0 || doc.sameLine(k - 1, k) else { return (nil, []) }
        // Leading determiners/partitives.
        while k < doc.count, content == 0, doc.sameLine(j, k), k - j < 3 {
            let t = toks[k]
            if t.isWord && Self.leading.contains(t) && allowLeadingOf {
                k += 1
                continue
            }
            // Only a punctuation token can equal these marks: words and numbers skip the String comparisons.
            if t.isPunct, t.text == "'" || t.text == "’" || t.text == "«" || t.text == "“" || t.text == "\"" {
                k += 1
                continue
            }
            break
        }
        while k < doc.count, doc.sameLine(j, k), content < 4 {
            let t = toks[k]
            if t.isPunct {
                if (t.text == "-" || t.text == "'") && t.gapBefore == .none && k + 1 < doc.count && toks[k + 1].gapBefore == .none
                    && toks[k + 1].isWord
                {
                    k += 1
                    continue
                }
                if ["«", "»", "“", "”", "\""].contains(t.text) {
                    k += 1
                    continue
                }
                break
            }
            if t.isNumber { break }
            let f = t.folded
            if Self.connectors.contains(t) {
                // Only inside the phrase, and only if a content word follows.
                guard content > 0, k + 1 < doc.count, doc.sameLine(k, k + 1) else { break }
                var m = k + 1
                if toks[m].text == "'" || toks[m].text == "’" { m += 1 }
                if m < doc.count, ["la", "l", "the"].contains(toks[m].folded) { m += 1 }
                if m < doc.count, toks[m].text == "'" || m < doc.count && toks[m].text == "’" { m += 1 }
                // "une vingtaine d'enquêteurs et une trentaine de gendarmes": a number after the connector starts
                // the next figure.
                guard m < doc.count, doc.sameLine(k, m), toks[m].isWord, !lex.isStopWord(toks[m], language: language),
                    !Self.connectors.contains(toks[m]), !toks[m].isCapitalized || toks[m].isAllCaps,
                    lex.numberWord(toks[m], language: language) == nil,
                    !(lex.singularCount[language]?.contains(toks[m]) ?? false)
                else { break }
                words.append(f)
                k = m
                continue
            }
            if lex.isStopWord(t, language: language) { break }
            if t.isCapitalized && !t.isAllCaps && content > 0 { break }
            words.append(f)
            content += 1
            lastContent = k
            k += 1
        }
        return (lastContent, words)
    }
}
