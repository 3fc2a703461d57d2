import Foundation

/// Reads the numeric core of a figure at a token: digit groups ("1 138", "1,138", "2.4", "1,5"),
/// number words ("huit", "twenty-five", "a dozen") and fractions ("la moitié", "un tiers").
/// Rejects numbers that are identifiers, times, ordinals, phone numbers or file sizes.
struct NumberReader: Sendable {
    let lex: CompiledLexicon

    struct Core {
        var first: Int
        var last: Int
        var value: Double
        var approximate = false
        var isFraction = false
        var fromDigits = false
        var grouped = false
        var multiplied = false
    }

    private static let groupSpaces: Set<UInt32> = [0x20, 0xA0, 0x202F, 0x2009]
    /// ASCII words: a token equal to one has its bytes and hash, so the hashed set tests exactly as `==` would.
    private static let articles: FoldedSet = ["le", "la", "l", "the"]

    func read(_ doc: TokenizedText, _ i: Int, language: String) -> Core? {
        let t = doc.tokens[i]
        if t.inLink { return nil }
        if t.isNumber { return readDigits(doc, i, language: language) }
        if t.isWord { return readWords(doc, i, language: language) }
        return nil
    }

    // MARK: digits

    private func readDigits(_ doc: TokenizedText, _ i: Int, language: String) -> Core? {
        let toks = doc.tokens
        let t = toks[i]
        if excludedByLeftContext(doc, i) { return nil }
        // A loose run of digit groups ("0800 555 111", "01 23 45"): phone-like, never a figure.
        if i > 0, toks[i - 1].isNumber, t.gapBefore == .space, doc.sameLine(i - 1, i) { return nil }
        let digits = t.scalarCount
        if digits >= 2 && t.text.hasPrefix("0") { return nil }
        var text = t.text
        var last = i
        var grouped = false
        // Thousands groups.
        if digits <= 3 {
            while last + 1 < doc.count {
                let n = toks[last + 1]
                if n.isNumber && n.scalarCount == 3 && n.gapBefore == .space
                    && Self.groupSpaces.contains(doc.scalars[n.start - 1].value) && doc.sameLine(last, last + 1)
                    && !(last + 2 < doc.count && toks[last + 2].gapBefore == .none
                        && (toks[last + 2].isNumber || toks[last + 2].isWord && !isUnitSuffix(toks[last + 2])))
                {
                    text += n.text
                    last += 1
                    grouped = true
                    continue
                }
                if last + 2 < doc.count, n.gapBefore == .none, n.text == "," || n.text == ".",
                    toks[last + 2].isNumber, toks[last + 2].gapBefore == .none, toks[last + 2].scalarCount == 3
                {
                    let thousandsMark = language == "fr" ? "." : ","
                    let after = last + 3 < doc.count ? toks[last + 3] : nil
                    let followedByDigit = after.map { $0.gapBefore == .none && $0.isNumber } ?? false
                    if n.text == thousandsMark && !followedByDigit {
                        text += toks[last + 2].text
                        last += 2
                        grouped = true
                        continue
                    }
                }
                break
            }
        }
        // "1 800 659-4264": digit groups hyphenated to more digits are a phone number.
        if grouped, last + 2 < doc.count, toks[last + 1].text == "-", toks[last + 1].gapBefore == .none,
            toks[last + 2].isNumber, toks[last + 2].gapBefore == .none
        {
            return nil
        }
        var value = Self.value(ofDigits: text) ?? 0
        // Decimal part.
        let decimalMark = language == "fr" ? "," : "."
        if last + 2 < doc.count, toks[last + 1].gapBefore == .none,
            toks[last + 1].text == decimalMark
                || (toks[last + 1].text == "," || toks[last + 1].text == ".") && !grouped
                    && toks[last + 2].scalarCount != 3,
            toks[last + 2].isNumber, toks[last + 2].gapBefore == .none
        {
            // A second dot means a version number or IP address.
            if last + 4 < doc.count, toks[last + 3].gapBefore == .none, toks[last + 3].text == "." || toks[last + 3].text == ",",
                toks[last + 4].isNumber, toks[last + 4].gapBefore == .none
            {
                return nil
            }
            value = Double(text + "." + toks[last + 2].text) ?? value
            last += 2
        }
        if excludedByRightContext(doc, last) { return nil }
        // Phone numbers and similar digit runs: three or more loose digit groups.
        if !grouped, last + 1 < doc.count, toks[last + 1].isNumber, toks[last + 1].gapBefore == .space,
            last + 2 < doc.count, toks[last + 2].isNumber || toks[last + 2].text == "." || toks[last + 2].text == "-"
        {
            return nil
        }
        if i > 0, !grouped, toks[i - 1].isNumber, t.gapBefore == .space, doc.sameLine(i - 1, i) { return nil }
        // List markers "1." / "2)" at the start of a line.
        if t.gapBefore == .lineBreak, last + 1 < doc.count, toks[last + 1].gapBefore == .none,
            toks[last + 1].text == "." || toks[last + 1].text == ")", last + 2 < doc.count, !toks[last + 2].isNumber
        {
            return nil
        }
        var core = Core(first: i, last: last, value: value)
        core.fromDigits = true
        core.grouped = grouped
        applyMultiplier(doc, &core)
        return core
    }

    /// `Double(digits)`, for a run of ASCII digits of at most 15 (below 2^53) as an integer, which Double holds
    /// exactly as the parse would give it; anything else is parsed.
    static func value(ofDigits digits: String) -> Double? {
        guard !digits.isEmpty, digits.utf8.count <= 15 else { return Double(digits) }
        var value = 0
        for b in digits.utf8 {
            guard b >= 0x30 && b <= 0x39 else { return Double(digits) }
            value = value * 10 + Int(b - 0x30)
        }
        return Double(value)
    }

    private func isUnitSuffix(_ t: Token) -> Bool {
        let f = t.folded
        return lex.multipliers[f] != nil || lex.unitWords[f] != nil || lex.fileSizeUnits.contains(f)
    }

    private func excludedByLeftContext(_ doc: TokenizedText, _ i: Int) -> Bool {
        let toks = doc.tokens
        let t = toks[i]
        guard i > 0 else { return false }
        let p = toks[i - 1]
        if t.gapBefore == .none {
            if p.isWord && lex.currencySymbols[p.text] == nil { return true }  // "EC3", "G7", "B12"
            // Only a punctuation token can equal these marks: a number before skips the String comparisons.
            if p.isPunct,
                p.text == "-" || p.text == "_" || p.text == "/" || p.text == "#" || p.text == "+" || p.text == "°"
                    || p.text == "§" || p.text == "@"
            {
                // "COVID-19", "article 227-23"
                if p.text == "-", i >= 2, toks[i - 2].isWord, p.gapBefore == .none { return true }
                if p.text == "-", i >= 2, toks[i - 2].isNumber, p.gapBefore == .none { return true }  // right side of "227-23"
                if p.text != "-" { return true }
            }
            if p.text == "." || p.text == ",", i >= 2, toks[i - 2].isNumber, p.gapBefore == .none { return true }
            // Case and docket numbers "1:23-cr-00112": digits glued after "digits:" are an identifier, not a count.
            if p.text == ":", i >= 2, toks[i - 2].isNumber, p.gapBefore == .none { return true }
        }
        // "article 34", "art. 227-23", "no 12", "§ 2252", "page 4".
        var k = i - 1
        if toks[k].isPunct, toks[k].text == "." || toks[k].text == "°" || toks[k].text == "§" {
            if toks[k].text == "§" { return true }
            k -= 1
        }
        if k >= 0, doc.sameLine(k, i), lex.identifierContext.contains(toks[k]) { return true }
        // "composez le 17", "dial the 000 line": one article between the cue and the number.
        if k >= 1, Self.articles.contains(toks[k]), doc.sameLine(k - 1, i),
            lex.identifierContext.contains(toks[k - 1])
        {
            return true
        }
        // "(02) 5126 9297": digits after a bracketed area code are a phone number.
        if p.isPunct, p.text == ")", i >= 3, toks[i - 2].isNumber, toks[i - 3].text == "(", doc.sameLine(i - 3, i) { return true }
        // Times "14 h 30": the minutes.
        if p.folded == "h", i >= 2, toks[i - 2].isNumber, doc.sameLine(i - 2, i) { return true }
        return false
    }

    private func excludedByRightContext(_ doc: TokenizedText, _ last: Int) -> Bool {
        let toks = doc.tokens
        guard last + 1 < doc.count else { return false }
        let n = toks[last + 1]
        let sameLine = doc.sameLine(last, last + 1)
        guard sameLine else { return false }
        if n.gapBefore == .none {
            // "23-cr", "4-B": digits hyphenated to letters that are not a unit ("15-year-old" stays) form a code.
            if n.text == "-", last + 2 < doc.count, toks[last + 2].gapBefore == .none, toks[last + 2].isWord,
                !isUnitSuffix(toks[last + 2]), lex.numberWord(toks[last + 2].folded, language: "en") == nil,
                lex.numberWord(toks[last + 2].folded, language: "fr") == nil, lex.fractions[toks[last + 2].folded] == nil
            {
                return true
            }
            // 10:00
            if n.text == ":", last + 2 < doc.count, toks[last + 2].isNumber, toks[last + 2].gapBefore == .none { return true }
            if n.text == "/", last + 2 < doc.count, toks[last + 2].isNumber { return true }  // 24/7
            if n.isWord {
                let f = n.folded
                if lex.ordinalSuffixes.contains(f) { return true }
                if lex.fileSizeUnits.contains(f) { return true }
                if f == "h" || f == "am" || f == "pm" { return true }
                if lex.multipliers[f] != nil || lex.unitWords[f] != nil || lex.percent.contains(f) { return false }
                if f.hasPrefix("h") && f.count <= 3 { return true }
                return true  // other letters glued to digits: identifiers ("4G", "719KB", "3D")
            }
        }
        if n.folded == "h" || n.folded == "am" || n.folded == "pm", n.gapBefore != .lineBreak {
            if n.folded != "h" || last + 2 >= doc.count || toks[last + 2].isNumber || toks[last + 2].isPunct { return true }
        }
        if n.folded == "u", last + 2 < doc.count, toks[last + 2].text == "." { return true }  // 18 U.S.C.
        if n.isWord, lex.fileSizeUnits.contains(n), n.text != n.folded { return true }  // "719 KB"
        return false
    }

    private func applyMultiplier(_ doc: TokenizedText, _ core: inout Core) {
        let j = core.last + 1
        guard j < doc.count, doc.sameLine(core.last, j) else { return }
        let n = doc.tokens[j]
        guard n.isWord, let m = lex.multipliers[token: n] else { return }
        let short = n.folded.count <= 3
        // "2,3 M€", "1,5 Md€": a short multiplier set apart from the number is one only when glued to a currency sign.
        let gluedToCurrency =
            j + 1 < doc.count && doc.tokens[j + 1].gapBefore == .none && lex.currencySymbols[doc.tokens[j + 1].text] != nil
        if short && n.gapBefore != .none && !gluedToCurrency { return }
        if short && !hasCurrencyBefore(doc, core.first) && !gluedToCurrency && n.folded != "bn" { return }
        core.value *= m
        core.last = j
        core.multiplied = true
    }

    func hasCurrencyBefore(_ doc: TokenizedText, _ i: Int) -> Bool {
        currencyBefore(doc, i) != nil
    }

    /// Currency symbol or code right before the number: "€", "£", "US$", "USD ".
    func currencyBefore(_ doc: TokenizedText, _ i: Int) -> (code: String, first: Int)? {
        guard i > 0, doc.sameLine(i - 1, i) else { return nil }
        let p = doc.tokens[i - 1]
        if let c = lex.currencySymbols[p.text] {
            if i >= 2, doc.tokens[i - 1].gapBefore == .none, let c2 = lex.currencySymbols[doc.tokens[i - 2].text + p.text] {
                return (c2, i - 2)
            }
            return (c, i - 1)
        }
        return nil
    }

    // MARK: words

    private func readWords(_ doc: TokenizedText, _ i: Int, language: String) -> Core? {
        let toks = doc.tokens
        let t = toks[i]
        let f = t.folded
        // Articles ("un", "a", "one") only count before "seul"/"single", a fraction or a number word.
        if lex.singularCount[language]?.contains(f) ?? false {
            let n = doc.f(i + 1)
            if !["seul", "seule", "single"].contains(n) && lex.fractions[n] == nil && lex.numberWord(n, language: language) == nil
                && lex.multipliers[n] == nil
            {
                return nil
            }
            // "a two-week operation", "a five-year term": the article of a plain number word is not a one to add.
            if let v = lex.numberWord(n, language: language), v < 100, !lex.approximateNumberWords.contains(n),
                !n.hasPrefix("dou") && n != "dozen"
            {
                return nil
            }
        }
        // Capitalised number words mid-sentence are names ("Four Seasons").
        if t.isCapitalized, i > 0, doc.sameLine(i - 1, i),
            ![".", "!", "?", ":", "-", "«", "“", "\"", "("].contains(toks[i - 1].text)
        {
            return nil
        }
        // Fractions: "la moitié", "half of", "un tiers", "two-thirds".
        if lex.standaloneFractions.contains(f), let v = lex.fractions[f] {
            var first = i
            let p = doc.f(i - 1)
            if p == "la" || p == "a" || p == "one" {
                first = i - 1
            } else if language == "en" && (doc.f(i + 1) == "of" || doc.f(i + 1) == "the") {
                first = i
            } else {
                return nil
            }
            var core = Core(first: first, last: i, value: v)
            core.isFraction = true
            return core
        }
        var value: Double
        var last = i
        var approx = false
        let singular = lex.singularCount[language]?.contains(f) ?? false
        if let v = lex.numberWord(f, language: language) {
            // Pronominal numerals: "à eux trois", "tous les deux".
            let p = doc.f(i - 1)
            if ["eux", "elles", "nous", "vous"].contains(p) { return nil }
            if p == "les" && ["tous", "toutes"].contains(doc.f(i - 2)) { return nil }
            if language == "en" && doc.f(i + 1) == "of" && ["them", "us", "you", "those", "these"].contains(doc.f(i + 2)) {
                return nil
            }
            value = v
            approx = lex.approximateNumberWords.contains(f)
        } else if singular {
            value = 1
        } else {
            return nil
        }
        // Compound number words: "vingt-cinq", "twenty five", "two hundred", "a dozen".
        var total = 0.0
        var current = value
        var j = last + 1
        while j < doc.count, doc.sameLine(last, j) {
            var k = j
            if toks[k].text == "-" && toks[k].gapBefore == .none {
                k += 1
            } else if ["et", "and"].contains(toks[k].folded) {
                k += 1
            }
            guard k < doc.count, let v = lex.numberWord(toks[k], language: language) else { break }
            if lex.approximateNumberWords.contains(toks[k]) { approx = true }
            if v == 100 {
                current = max(current, 1) * 100
            } else if v >= 1000 {
                total += max(current, 1) * v
                current = 0
            } else if v == 12 && toks[k].folded.hasPrefix("dou") || v == 12 && toks[k].folded == "dozen" {
                current = max(current, 1) * 12
            } else if lex.approximateNumberWords.contains(toks[k]) {
                current = max(current, 1) * v
                approx = true
            } else {
                current += v
            }
            last = k
            j = k + 1
        }
        value = total + current
        if let m = lex.multipliers[doc.f(last + 1)], doc.f(last + 1).count > 2 {
            value *= m
            last += 1
        }
        // Fraction denominators: "un tiers", "deux tiers", "a quarter of".
        if let fr = lex.fractions[doc.f(last + 1)], !lex.standaloneFractions.contains(doc.f(last + 1)) || singular {
            if language == "en" && doc.f(last + 1).hasPrefix("quarter") && doc.f(last + 2) != "of" { return nil }
            var core = Core(first: i, last: last + 1, value: (value * fr * 1000).rounded() / 1000)
            core.isFraction = true
            return core
        }
        if last + 2 < doc.count, toks[last + 1].text == "-", let fr = lex.fractions[doc.f(last + 2)] {
            var core = Core(first: i, last: last + 2, value: (value * fr * 1000).rounded() / 1000)
            core.isFraction = true
            return core
        }
        if singular && last == i {
            // "un"/"one" only when clearly counting: "un seul", "one single".
            let n = doc.f(i + 1)
            guard ["seul", "seule", "single"].contains(n) else { return nil }
        }
        var core = Core(first: i, last: last, value: value)
        core.approximate = approx
        return core
    }
}
