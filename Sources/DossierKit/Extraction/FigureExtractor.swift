/// Builds figures around numeric cores: qualifier before, unit/currency/percent after,
/// the counted noun phrase, ranges, trailing bounds ("ou moins") and a lexicon category.
struct FigureExtractor: Sendable {
    private static let leading: FoldedSet = [
        "de", "des", "du", "d", "of", "the", "l", "la", "les", "ces", "these", "those", "their", "leurs",
    ]
    private static let connectors: FoldedSet = ["de", "des", "du", "d", "of", "et", "and", "l", "la", "the"]
    private static let timeAdjectives: FoldedSet = [
        "derniers", "dernieres", "prochains", "prochaines", "premiers", "premieres",
        "last", "past", "next", "first", "consecutive", "consecutifs", "consecutives",
    ]
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
            guard var core = ratio(doc, i, language: language) ?? reader.read(doc, i, language: language) else {
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
            if let fig = build(doc, &core, language: language, consumed: consumed) {
                out.append(fig.figure)
                i = fig.next
            } else {
                i = core.last + 1
            }
        }
        return out
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private func build(
        _ doc: TokenizedText, _ core: inout NumberReader.Core, language: String,
        consumed: [Bool]
    ) -> (figure: ExtractedFigure, next: Int)? {
        let toks = doc.tokens
        var first = core.first
        var last = core.last
        var unit = core.isFraction ? "fraction" : "count"
        var valueMax: Double?
        var approximate = core.approximate
        var bound: FigureBound?

        // Currency before: "€2.4 million", "US$ 3,000".
        if let cur = reader.currencyBefore(doc, core.first) {
            unit = "currency:" + cur.code
            first = cur.first
        }
        // Range: "de 7 à 13 ans", "7-13", "between 7 and 13".
        if !core.isFraction, last + 2 < doc.count, doc.sameLine(last, last + 2) {
            let c = toks[last + 1].folded
            let p = doc.f(first - 1)
            let isRange = c == "-" || c == "a" || c == "to" || ((c == "et" || c == "and") && (p == "entre" || p == "between"))
            if isRange, let b = reader.read(doc, last + 2, language: language), !consumed[last + 2], b.value > core.value,
                b.fromDigits == core.fromDigits
            {
                valueMax = b.value
                last = b.last
            }
        }
        // "N out of M" → fraction.
        if !core.isFraction, valueMax == nil, doc.f(last + 1) == "out", doc.f(last + 2) == "of",
            let b = reader.read(doc, last + 3, language: language), b.value > 0
        {
            core.value = ((core.value / b.value) * 1000).rounded() / 1000
            unit = "fraction"
            last = b.last
        }
        var afterUnit = last + 1
        // Percent.
        if unit == "count", let e = lex.percent.match(in: doc, at: last + 1), doc.sameLine(last, last + 1) {
            unit = "percent"
            afterUnit = e
        } else if unit == "count" || unit.hasPrefix("currency") {
            // Currency words after: "12 millions d'euros", "500 euros", "2 000 €".
            var j = last + 1
            if core.multiplied, ["de", "d", "of"].contains(doc.f(j)) { j += doc.f(j) == "d" ? 2 : 1 }
            if unit == "count", j < doc.count, doc.sameLine(last, j), let sym = lex.currencySymbols[toks[j].text], toks[j].isPunct
            {
                unit = "currency:" + sym
                afterUnit = j + 1
            } else if unit == "count", let e = lex.currencyWords.match(in: doc, at: j), doc.sameLine(last, j) {
                let key = toks[j..<e].map(\.folded).joined(separator: " ")
                if let code = lex.currencyByWordKey[key] {
                    unit = "currency:" + code
                    afterUnit = e
                }
            }
        }
        // Measurement units: durations, ages, masses, data volumes.
        if unit == "count", last + 1 < doc.count, doc.sameLine(last, last + 1) {
            // "six derniers mois", "three consecutive days": one time adjective before the unit.
            var u = last + 1
            if Self.timeAdjectives.contains(toks[u]), u + 1 < doc.count, doc.sameLine(u, u + 1),
                let w = lex.unitWords[token: toks[u + 1]], w.hasPrefix("duration")
            {
                u += 1
            }
            let n = toks[u]
            if n.isWord, let u = lex.unitWords[token: n] {
                let shortUnit = n.folded.count <= 2 && n.folded != "an"
                // "3 To", "40 téraoctets": an abbreviated data unit is capitalised ("to" and "go" are words).
                let dataOK = !u.hasPrefix("data:") || n.isCapitalized || n.folded.count > 2
                let glueOK = !shortUnit || n.gapBefore == .none || u.hasPrefix("data:")
                if dataOK && glueOK && !(language == "en" && (n.folded == "to" || n.folded == "go")) {
                    unit = u
                    afterUnit = n.start == toks[last + 1].start ? last + 2 : last + 3
                }
            } else if n.isPunct, n.gapBefore == .none, n.text == "-", last + 2 < doc.count, doc.tokens[last + 2].gapBefore == .none,
                let hyphenated = lex.unitWords[token: toks[last + 2]], hyphenated.hasPrefix("duration:")
            {
                // "a 14-month-old girl" is an age; "a two-week operation", "a 12-year sentence" are durations.
                afterUnit = last + 3
                if doc.f(afterUnit) == "-" && doc.f(afterUnit + 1) == "old" {
                    unit = "age:" + hyphenated.dropFirst("duration:".count)
                    afterUnit += 2
                } else {
                    unit = hyphenated
                }
            }
            let hyphenated = toks[last + 1].isPunct && toks[last + 1].text == "-"
            if unit == "duration:year" && !hyphenated && isAge(doc, first: first, afterUnit: afterUnit) { unit = "age:year" }
        }
        // "Derek Hammond, 34, of Springfield", "Liam Pritchard, 41, from Leeds": an age in apposition to a name.
        if unit == "count", core.fromDigits, valueMax == nil, core.value < 120, first >= 2, doc.f(first - 1) == ",",
            toks[first - 2].isWord, toks[first - 2].isCapitalized, doc.sameLine(first - 2, afterUnit),
            [",", "of", "from", ")", "de", "d", "originaire"].contains(doc.f(afterUnit))
        {
            unit = "age:year"
        }
        // "aged 13 or under": an age without the word "years".
        if unit == "count", lex.ageBefore.matchBackward(in: doc, endingAt: first - 1) != nil,
            lex.trailingAtMost.match(in: doc, at: afterUnit) != nil || lex.trailingAtLeast.match(in: doc, at: afterUnit) != nil
        {
            unit = "age:year"
        }
        // Years that are dates, not counts.
        if unit == "count", core.fromDigits, !core.grouped, valueMax == nil, core.value >= 1900, core.value <= 2100,
            core.value == core.value.rounded()
        {
            if !categoryNounFollows(doc, afterUnit, language: language) { return nil }
        }
        // Qualifiers before.
        if let q = lex.approximate.matchBackward(in: doc, endingAt: first - 1), doc.sameLine(q, first) {
            approximate = true
            first = q
        }
        if let q = lex.atLeast.matchBackward(in: doc, endingAt: first - 1), doc.sameLine(q, first) {
            bound = .atLeast
            first = q
            if doc.f(q) == "just" || doc.f(q) == "un" { approximate = approximate || doc.f(q) == "just" }
        } else if let q = lex.atMost.matchBackward(in: doc, endingAt: first - 1), doc.sameLine(q, first) {
            bound = .atMost
            first = q
        }
        if bound == nil, !approximate, let q = lex.approximate.matchBackward(in: doc, endingAt: first - 1), doc.sameLine(q, first)
        {
            approximate = true
            first = q
        }
        // Trailing bounds: "13 ans ou moins", "aged 18 or under".
        var end = afterUnit - 1
        if let e = lex.trailingAtMost.match(in: doc, at: afterUnit), doc.sameLine(end, afterUnit) {
            bound = .atMost
            end = e - 1
            afterUnit = e
        } else if let e = lex.trailingAtLeast.match(in: doc, at: afterUnit), doc.sameLine(end, afterUnit) {
            bound = .atLeast
            end = e - 1
            afterUnit = e
        }
        if doc.f(afterUnit) == "old", unit.hasPrefix("age") {
            end = afterUnit
            afterUnit += 1
        }
        // Counted noun phrase.
        var counts: String?
        var phraseWords: [String] = []
        if unit == "count" || unit == "percent" || unit == "fraction" || unit.hasPrefix("currency") {
            let (pLast, words) = countedPhrase(doc, from: afterUnit, language: language, allowLeadingOf: unit != "count" || true)
            if let pl = pLast {
                counts = doc.text(toks[afterUnit].start, toks[pl].end)
                phraseWords = words
                end = pl
            }
            // Passive/aux extension: "30 enfants ont été retirés", "6 délinquants ont été identifiés et poursuivis".
            let auxStart = (pLast ?? (afterUnit - 1)) + 1
            if let ae = lex.auxiliaries.match(in: doc, at: auxStart), doc.sameLine(auxStart - 1, auxStart) {
                var k = ae
                var added = 0
                while k < doc.count, doc.sameLine(auxStart, k), toks[k].isWord, added < 5 {
                    let f = toks[k].folded
                    if lex.isStopWord(f, language: language)
                        && !(["du", "des", "de", "et", "and", "from"].contains(f) && added > 0)
                    {
                        break
                    }
                    added += 1
                    k += 1
                }
                while added > 0, ["et", "and", "de", "du", "des", "from"].contains(toks[k - 1].folded) {
                    k -= 1
                    added -= 1
                }
                if added > 0 {
                    end = k - 1
                    if counts == nil { counts = doc.text(toks[auxStart].start, toks[end].end) }
                }
            }
        }
        if end < core.last { end = max(last, core.last) }
        if end < last { end = last }
        // Category.
        var category: String?
        if unit == "count" || unit.hasPrefix("currency") {
            // Cue words: the figure's line, four tokens before to six after; gathered only when a cue is tested.
            lazy var window: [String] = (max(0, first - 4)...min(doc.count - 1, end + 6)).compactMap {
                doc.sameLine(first, $0) ? toks[$0].folded : nil
            }
            if unit.hasPrefix("currency") {
                category = lex.seizureCues.matches(words: window) ? "money_seized" : "money"
            } else if !phraseWords.isEmpty {  // without a head noun no category matches
                for k in lex.categoryCandidates(forHead: phraseWords[0]) {
                    let c = lex.categories[k]
                    if c.nouns.matchesHead(words: phraseWords) && (c.cues.isEmpty || c.cues.matches(words: window)) {
                        category = c.slug
                        break
                    }
                }
            }
        }
        // A number too large for a Double ("1" and 400 zeros) reads as infinity: it counts nothing
        // a press release reports, and would be stored as Inf and exported as "inf" or null.
        guard core.value.isFinite, valueMax?.isFinite ?? true else { return nil }
        let span = doc.span(tokens: first, end)
        let fig = ExtractedFigure(
            span: span, value: core.value, valueMax: valueMax, unit: unit, approximate: approximate,
            bound: bound, counts: counts?.isEmpty == true ? nil : counts, category: category)
        return (fig, max(core.last, last) + 1)
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

    private func isAge(_ doc: TokenizedText, first: Int, afterUnit: Int) -> Bool {
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

    private func categoryNounFollows(_ doc: TokenizedText, _ j: Int, language: String) -> Bool {
        guard j < doc.count, doc.tokens[j].isWord, !doc.tokens[j].isCapitalized else { return false }
        let w = [doc.tokens[j].folded]
        return lex.categories.contains { $0.nouns.matches(words: w) }
    }

    /// The noun phrase after a number: up to four content words, allowing "de/of/et/and" inside
    /// and a leading "des"/"of the" (for shares), stopping at punctuation, verbs and function words.
    private func countedPhrase(_ doc: TokenizedText, from j: Int, language: String, allowLeadingOf: Bool) -> (Int?, [String]) {
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
