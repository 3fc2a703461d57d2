/// The rules `build` applies, in its order, to one `FigureDraft`: each recognises one thing around the number.
extension FigureExtractor {
    /// Words a duration unit may follow: "six derniers mois", "three consecutive days".
    private static let timeAdjectives: FoldedSet = [
        "derniers", "dernieres", "prochains", "prochaines", "premiers", "premieres",
        "last", "past", "next", "first", "consecutive", "consecutifs", "consecutives",
    ]

    /// A currency before the number: "€2.4 million", "US$ 3,000".
    func applyCurrencyBefore(_ draft: inout FigureDraft, in doc: TokenizedText) {
        if let currency = reader.currencyBefore(doc, draft.core.first) {
            draft.unit = "currency:" + currency.code
            draft.first = currency.first
        }
    }

    /// A range's upper end: "de 7 à 13 ans", "7-13", "between 7 and 13".
    func applyRange(_ draft: inout FigureDraft, in doc: TokenizedText, language: String, consumed: [Bool]) {
        let last = draft.last
        if !draft.core.isFraction, last + 2 < doc.count, doc.sameLine(last, last + 2) {
            let connector = doc.tokens[last + 1].folded
            let previousWord = doc.f(draft.first - 1)
            let isRange =
                connector == "-" || connector == "a" || connector == "to"
                || ((connector == "et" || connector == "and") && (previousWord == "entre" || previousWord == "between"))
            if isRange, let upper = reader.read(doc, last + 2, language: language), !consumed[last + 2],
                upper.value > draft.core.value, upper.fromDigits == draft.core.fromDigits
            {
                draft.valueMax = upper.value
                draft.last = upper.last
            }
        }
    }

    /// A share stated as "N out of M", which becomes a fraction: "3 out of 4".
    func applyOutOf(_ draft: inout FigureDraft, in doc: TokenizedText, language: String) {
        let last = draft.last
        if !draft.core.isFraction, draft.valueMax == nil, doc.f(last + 1) == "out", doc.f(last + 2) == "of",
            let denominator = reader.read(doc, last + 3, language: language), denominator.value > 0
        {
            draft.core.value = ((draft.core.value / denominator.value) * 1000).rounded() / 1000
            draft.unit = "fraction"
            draft.last = denominator.last
        }
    }

    /// A percent or a currency after the number: "45 %", "12 millions d'euros", "500 euros", "2 000 €".
    func applyPercentOrCurrencyAfter(_ draft: inout FigureDraft, in doc: TokenizedText) {
        let toks = doc.tokens
        let last = draft.last
        if draft.unit == "count", let percentEnd = lex.percent.match(in: doc, at: last + 1), doc.sameLine(last, last + 1) {
            draft.unit = "percent"
            draft.afterUnit = percentEnd
        } else if draft.unit == "count" || draft.unit.hasPrefix("currency") {
            var currencyStart = last + 1
            if draft.core.multiplied, ["de", "d", "of"].contains(doc.f(currencyStart)) {
                currencyStart += doc.f(currencyStart) == "d" ? 2 : 1
            }
            if draft.unit == "count", currencyStart < doc.count, doc.sameLine(last, currencyStart),
                let symbol = lex.currencySymbols[toks[currencyStart].text], toks[currencyStart].isPunct
            {
                draft.unit = "currency:" + symbol
                draft.afterUnit = currencyStart + 1
            } else if draft.unit == "count", let currencyEnd = lex.currencyWords.match(in: doc, at: currencyStart),
                doc.sameLine(last, currencyStart)
            {
                let key = toks[currencyStart..<currencyEnd].map(\.folded).joined(separator: " ")
                if let code = lex.currencyByWordKey[key] {
                    draft.unit = "currency:" + code
                    draft.afterUnit = currencyEnd
                }
            }
        }
    }

    /// A measurement unit after the number (duration, age, mass, data volume): "six derniers mois", "3 To",
    /// "a 14-month-old girl", "a 12-year sentence".
    func applyMeasurementUnit(_ draft: inout FigureDraft, in doc: TokenizedText, language: String) {
        let toks = doc.tokens
        let last = draft.last
        guard draft.unit == "count", last + 1 < doc.count, doc.sameLine(last, last + 1) else { return }
        // "six derniers mois", "three consecutive days": one time adjective before the unit.
        var unitIndex = last + 1
        if Self.timeAdjectives.contains(toks[unitIndex]), unitIndex + 1 < doc.count, doc.sameLine(unitIndex, unitIndex + 1),
            let durationUnit = lex.unitWords[token: toks[unitIndex + 1]], durationUnit.hasPrefix("duration")
        {
            unitIndex += 1
        }
        let nextToken = toks[unitIndex]
        if nextToken.isWord, let unitName = lex.unitWords[token: nextToken] {
            let shortUnit = nextToken.folded.count <= 2 && nextToken.folded != "an"
            // "3 To", "40 téraoctets": an abbreviated data unit is capitalised ("to" and "go" are words).
            let dataOK = !unitName.hasPrefix("data:") || nextToken.isCapitalized || nextToken.folded.count > 2
            let glueOK = !shortUnit || nextToken.gapBefore == .none || unitName.hasPrefix("data:")
            if dataOK && glueOK && !(language == "en" && (nextToken.folded == "to" || nextToken.folded == "go")) {
                draft.unit = unitName
                draft.afterUnit = nextToken.start == toks[last + 1].start ? last + 2 : last + 3
            }
        } else if nextToken.isPunct, nextToken.gapBefore == .none, nextToken.text == "-", last + 2 < doc.count,
            toks[last + 2].gapBefore == .none,
            let hyphenated = lex.unitWords[token: toks[last + 2]], hyphenated.hasPrefix("duration:")
        {
            // "a 14-month-old girl" is an age; "a two-week operation", "a 12-year sentence" are durations.
            draft.afterUnit = last + 3
            if doc.f(draft.afterUnit) == "-" && doc.f(draft.afterUnit + 1) == "old" {
                draft.unit = "age:" + hyphenated.dropFirst("duration:".count)
                draft.afterUnit += 2
            } else {
                draft.unit = hyphenated
            }
        }
        let hyphenated = toks[last + 1].isPunct && toks[last + 1].text == "-"
        if draft.unit == "duration:year" && !hyphenated && isAge(doc, first: draft.first, afterUnit: draft.afterUnit) {
            draft.unit = "age:year"
        }
    }

    /// An age in apposition to a name: "Derek Hammond, 34, of Springfield", "Liam Pritchard, 41, from Leeds".
    func applyAgeInApposition(_ draft: inout FigureDraft, in doc: TokenizedText) {
        let toks = doc.tokens
        let first = draft.first
        let afterUnit = draft.afterUnit
        if draft.unit == "count", draft.core.fromDigits, draft.valueMax == nil, draft.core.value < 120, first >= 2,
            doc.f(first - 1) == ",", toks[first - 2].isWord, toks[first - 2].isCapitalized, doc.sameLine(first - 2, afterUnit),
            [",", "of", "from", ")", "de", "d", "originaire"].contains(doc.f(afterUnit))
        {
            draft.unit = "age:year"
        }
    }

    /// An age without the word "years", between an age cue and a trailing bound: "aged 13 or under".
    func applyAgeBound(_ draft: inout FigureDraft, in doc: TokenizedText) {
        let afterUnit = draft.afterUnit
        if draft.unit == "count", lex.ageBefore.matchBackward(in: doc, endingAt: draft.first - 1) != nil,
            lex.trailingAtMost.match(in: doc, at: afterUnit) != nil || lex.trailingAtLeast.match(in: doc, at: afterUnit) != nil
        {
            draft.unit = "age:year"
        }
    }

    /// A year that dates rather than counts ("arrested in 2019"), unless a category noun follows ("2000 images").
    func isDateYear(_ draft: FigureDraft, in doc: TokenizedText, language: String) -> Bool {
        let core = draft.core
        if draft.unit == "count", core.fromDigits, !core.grouped, draft.valueMax == nil, core.value >= 1900, core.value <= 2100,
            core.value == core.value.rounded()
        {
            if !categoryNounFollows(doc, draft.afterUnit, language: language) { return true }
        }
        return false
    }

    /// Qualifiers before the number, approximate and bound: "environ 200", "plus de 30", "at least 12", "just over 40".
    func applyQualifiersBefore(_ draft: inout FigureDraft, in doc: TokenizedText) {
        if let qualifierStart = lex.approximate.matchBackward(in: doc, endingAt: draft.first - 1),
            doc.sameLine(qualifierStart, draft.first)
        {
            draft.approximate = true
            draft.first = qualifierStart
        }
        if let boundStart = lex.atLeast.matchBackward(in: doc, endingAt: draft.first - 1), doc.sameLine(boundStart, draft.first) {
            draft.bound = .atLeast
            draft.first = boundStart
            if doc.f(boundStart) == "just" || doc.f(boundStart) == "un" {
                draft.approximate = draft.approximate || doc.f(boundStart) == "just"
            }
        } else if let boundStart = lex.atMost.matchBackward(in: doc, endingAt: draft.first - 1),
            doc.sameLine(boundStart, draft.first)
        {
            draft.bound = .atMost
            draft.first = boundStart
        }
        if draft.bound == nil, !draft.approximate,
            let qualifierStart = lex.approximate.matchBackward(in: doc, endingAt: draft.first - 1),
            doc.sameLine(qualifierStart, draft.first)
        {
            draft.approximate = true
            draft.first = qualifierStart
        }
    }

    /// A bound after the number and unit, and "old" after an age: "13 ans ou moins", "aged 18 or under", "7 years old".
    func applyTrailingBounds(_ draft: inout FigureDraft, in doc: TokenizedText) {
        if let boundEnd = lex.trailingAtMost.match(in: doc, at: draft.afterUnit), doc.sameLine(draft.end, draft.afterUnit) {
            draft.bound = .atMost
            draft.end = boundEnd - 1
            draft.afterUnit = boundEnd
        } else if let boundEnd = lex.trailingAtLeast.match(in: doc, at: draft.afterUnit),
            doc.sameLine(draft.end, draft.afterUnit)
        {
            draft.bound = .atLeast
            draft.end = boundEnd - 1
            draft.afterUnit = boundEnd
        }
        if doc.f(draft.afterUnit) == "old", draft.unit.hasPrefix("age") {
            draft.end = draft.afterUnit
            draft.afterUnit += 1
        }
    }

    /// The counted noun phrase after a count, percent, fraction or sum, extended over a passive:
    /// "30 enfants ont été retirés", "6 délinquants ont été identifiés et poursuivis".
    func applyCountedPhrase(_ draft: inout FigureDraft, in doc: TokenizedText, language: String) {
        let toks = doc.tokens
        let unit = draft.unit
        let afterUnit = draft.afterUnit
        guard unit == "count" || unit == "percent" || unit == "fraction" || unit.hasPrefix("currency") else { return }
        let (phraseLast, words) = countedPhrase(doc, from: afterUnit, language: language, allowLeadingOf: unit != "count" || true)
        if let phraseLast {
            draft.counts = doc.text(toks[afterUnit].start, toks[phraseLast].end)
            draft.phraseWords = words
            draft.end = phraseLast
        }
        // Passive/aux extension: "30 enfants ont été retirés", "6 délinquants ont été identifiés et poursuivis".
        let auxStart = (phraseLast ?? (afterUnit - 1)) + 1
        if let auxEnd = lex.auxiliaries.match(in: doc, at: auxStart), doc.sameLine(auxStart - 1, auxStart) {
            var extensionEnd = auxEnd
            var added = 0
            while extensionEnd < doc.count, doc.sameLine(auxStart, extensionEnd), toks[extensionEnd].isWord, added < 5 {
                let folded = toks[extensionEnd].folded
                if lex.isStopWord(folded, language: language)
                    && !(["du", "des", "de", "et", "and", "from"].contains(folded) && added > 0)
                {
                    break
                }
                added += 1
                extensionEnd += 1
            }
            while added > 0, ["et", "and", "de", "du", "des", "from"].contains(toks[extensionEnd - 1].folded) {
                extensionEnd -= 1
                added -= 1
            }
            if added > 0 {
                draft.end = extensionEnd - 1
                if draft.counts == nil { draft.counts = doc.text(toks[auxStart].start, toks[draft.end].end) }
            }
        }
    }

    /// The span reaches at least to the number's last token ("1 200", "7-13") whatever the rules before set.
    func extendEndOverNumber(_ draft: inout FigureDraft) {
        if draft.end < draft.core.last { draft.end = max(draft.last, draft.core.last) }
        if draft.end < draft.last { draft.end = draft.last }
    }

    /// The category of a count or sum: "money"/"money_seized" for a sum ("12 000 € saisis"), else the lexicon
    /// category whose nouns head the counted phrase and whose cues stand nearby ("30 enfants").
    func applyCategory(_ draft: inout FigureDraft, in doc: TokenizedText) {
        let toks = doc.tokens
        let unit = draft.unit
        let first = draft.first
        let end = draft.end
        let phraseWords = draft.phraseWords
        guard unit == "count" || unit.hasPrefix("currency") else { return }
        // Cue words: the figure's line, four tokens before to six after; gathered only when a cue is tested.
        lazy var window: [String] = (max(0, first - 4)...min(doc.count - 1, end + 6)).compactMap {
            doc.sameLine(first, $0) ? toks[$0].folded : nil
        }
        if unit.hasPrefix("currency") {
            draft.category = lex.seizureCues.matches(words: window) ? "money_seized" : "money"
        } else if !phraseWords.isEmpty {  // without a head noun no category matches
            for index in lex.categoryCandidates(forHead: phraseWords[0]) {
                let candidate = lex.categories[index]
                if candidate.nouns.matchesHead(words: phraseWords)
                    && (candidate.cues.isEmpty || candidate.cues.matches(words: window))
                {
                    draft.category = candidate.slug
                    break
                }
            }
        }
    }
}
