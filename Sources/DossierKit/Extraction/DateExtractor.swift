/// Finds absolute dates, months, years and ranges (FR/EN) and normalises them to ISO 8601.
/// Also reports which tokens belong to dates so the figure extractor does not count them.
struct DateExtractor: Sendable {
    let lex: CompiledLexicon

    private struct Atom {
        var first: Int
        var last: Int
        var year: Int?
        var month: Int?
        var day: Int?

        var iso: String? {
            guard let y = year else { return nil }
            var s = String(y)
            if let m = month {
                s += "-" + Self.two(m)
                if let d = day { s += "-" + Self.two(d) }
            }
            return s
        }

        static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    }

    /// `defaultYear`/`defaultMonth` come from the publication date: they complete "22 May", "mardi 12 mars" and
    /// "février dernier". A day and month that cannot be completed are still consumed, so "5 April" never
    /// becomes a figure 5.
    func extract(_ doc: TokenizedText, language: String, defaultYear: Int?, defaultMonth: Int? = nil) -> (
        dates: [ExtractedDate], consumed: [Bool]
    ) {
        var consumed = [Bool](repeating: false, count: doc.count)
        var out: [ExtractedDate] = []
        var i = 0
        while i < doc.count {
            if doc.tokens[i].inLink || doc.tokens[i].isPunct || (doc.tokens[i].isWord && lex.months.value(doc, i) == nil) {
                i += 1
                continue
            }
            if let (atom, range) = parseWithRange(doc, i, language: language, defaultYear: defaultYear) {
                let lastTok = range ?? atom
                if let iso = isoOf(atom, range) {
                    out.append(ExtractedDate(span: doc.span(tokens: atom.first, lastTok.last), iso: iso))
                    for k in atom.first...lastTok.last { consumed[k] = true }
                    i = lastTok.last + 1
                    continue
                }
            }
            if let a = parseAtom(doc, i, language: language, allowPartial: false), a.day != nil, a.month != nil {
                for k in a.first...a.last { consumed[k] = true }
                i = a.last + 1
                continue
            }
            if let y = defaultYear, let (m, ml) = month(doc, i, language: language),
                let e = lastMonthCue(doc, ml + 1, language: language)
            {
                // "février dernier", "last February" read from the publication date: the latest such month not after it.
                let year = defaultMonth.map { m > $0 ? y - 1 : y } ?? y
                let first = language == "en" && doc.f(i - 1) == "last" ? i - 1 : i
                out.append(ExtractedDate(span: doc.span(tokens: i, ml), iso: String(year) + "-" + Atom.two(m)))
                for k in first...max(ml, e - 1) { consumed[k] = true }
                i = max(ml, e - 1) + 1
                continue
            }
            i += 1
        }
        return (out, consumed)
    }

    /// End (exclusive) of "dernier"/"passé" after a French month, or the month itself after English "last".
    private func lastMonthCue(_ doc: TokenizedText, _ j: Int, language: String) -> Int? {
        if language == "fr" {
            guard doc.sameLine(j - 1, j), ["dernier", "passe"].contains(doc.f(j)) else { return nil }
            return j + 1
        }
        return doc.f(j - 2) == "last" && doc.sameLine(j - 2, j - 1) ? j : nil
    }

    private func isoOf(_ a: Atom, _ b: Atom?) -> String? {
        guard let b else { return a.iso }
        guard let l = a.iso, let r = b.iso else { return nil }
        return l + "/" + r
    }

    /// An atom, optionally followed by a range connector and a second atom.
    private func parseWithRange(_ doc: TokenizedText, _ i: Int, language: String, defaultYear: Int?) -> (Atom, Atom?)? {
        guard var a = parseAtom(doc, i, language: language, allowPartial: true) else { return nil }
        // Range connector.
        var j = a.last + 1
        let prev = doc.f(a.first - 1)
        let c = doc.f(j)
        var isConnector = false
        if doc.sameLine(a.last, j) {
            switch c {
            case "-", "/": isConnector = doc.tokens[j].gapBefore != .lineBreak && c == "-"
            case "a", "au", "to", "until", "till", "through", "jusqu": isConnector = true
            case "et", "and":
                // "entre le 9 et le 20 septembre": an article may sit between "entre" and the first day.
                let lead = prev == "le" || prev == "the" ? doc.f(a.first - 2) : prev
                isConnector = lead == "entre" || lead == "between"
            default: isConnector = false
            }
        }
        if isConnector {
            j += 1
            if doc.f(j) == "'" { j += 1 }
            if doc.f(j) == "au" || doc.f(j) == "a" { j += 1 }
            if (c == "et" || c == "and") && (doc.f(j) == "le" || doc.f(j) == "the") { j += 1 }
            if var b = parseAtom(doc, j, language: language, allowPartial: false)
                ?? parseAtom(doc, j, language: language, allowPartial: true)
            {
                // Fill the left side from the right side ("d'août à octobre 2017", "3-5 March 2024").
                if a.year == nil { a.year = b.year }
                if a.month == nil && a.day != nil { a.month = b.month }
                if b.year == nil { b.year = a.year }
                if b.month == nil && b.day != nil { b.month = a.month }
                if a.year == nil, let y = defaultYear, a.month != nil {
                    a.year = y
                    b.year = b.year ?? y
                }
                let sameGranularity = (a.month == nil) == (b.month == nil)
                if a.year != nil, b.year != nil, sameGranularity, let ay = a.year, let by = b.year, by >= ay {
                    return (a, b)
                }
            }
        }
        if a.year == nil {
            // Partial atoms are only dates inside a range; a full day+month may take the publication year, and so
            // may a bare month introduced as a time reference ("in September", "publié en avril").
            guard a.month != nil, let y = defaultYear else { return nil }
            guard
                a.day != nil
                    || Self.monthCues.contains(prev) && doc.sameLine(a.first - 1, a.first)
                        && lastMonthCue(doc, a.last + 1, language: language) == nil
            else { return nil }
            a.year = y
        }
        if a.month == nil && a.day == nil {
            // Bare year: needs a time-reference context.
            guard bareYearIsDate(doc, a.first, language: language) else { return nil }
        }
        return (a, nil)
    }

    /// Words that make a bare month a time reference rather than a name or a verb ("en avril", "in September").
    private static let monthCues: Set<String> = ["en", "in", "since", "depuis", "until", "during"]

    private func bareYearIsDate(_ doc: TokenizedText, _ i: Int, language: String) -> Bool {
        let prev = doc.f(i - 1)
        let next = i + 1 < doc.count && doc.sameLine(i, i + 1) ? doc.tokens[i + 1] : nil
        if let n = next {
            if n.folded == "%" || lex.unitWords[token: n] != nil || lex.currencyWords.match(in: doc, at: i + 1) != nil {
                return false
            }
        }
        guard i > 0, doc.sameLine(i - 1, i) || doc.tokens[i].gapBefore != .lineBreak else { return false }
        if prev == "de" || prev == "of" || prev == "from" || prev == "'" {
            // Weak prepositions: "de 2000 euros" is an amount; accept only when nothing noun-like follows.
            if let n = next,
                n.isWord && !n.isCapitalized && n.folded != "et" && n.folded != "and" && n.folded != "a" && n.folded != "to"
            {
                return false
            }
            return true
        }
        if lex.yearPrepositions.contains(prev) { return true }
        // "in 2019 and 2020", "2019, 2020": a year list continues.
        if prev == "et" || prev == "and" || prev == "," || prev == "ou" || prev == "or" {
            let pp = i - 2
            if pp >= 0, doc.tokens[pp].isNumber, let y = Int(doc.tokens[pp].text), (1900...2100).contains(y) { return true }
        }
        return false
    }

    private func year(_ doc: TokenizedText, _ i: Int) -> Int? {
        // A number token is ASCII digits: its UTF-8 count (stored) is its length.
        guard i < doc.count, doc.tokens[i].isNumber, doc.tokens[i].text.utf8.count == 4,
            let y = Int(doc.tokens[i].text), (1900...2100).contains(y)
        else { return nil }
        // Not part of a larger number ("2017 100" is fine, "1,2017" is not).
        if i + 1 < doc.count, doc.tokens[i + 1].gapBefore == .none,
            doc.tokens[i + 1].isNumber || doc.tokens[i + 1].isWord
        {
            return nil
        }
        if i > 0, doc.tokens[i].gapBefore == .none,
            doc.tokens[i - 1].isNumber || doc.tokens[i - 1].isWord || doc.tokens[i - 1].text == ","
                || doc.tokens[i - 1].text == "."
        {
            return nil
        }
        if i + 2 < doc.count, doc.tokens[i + 1].gapBefore == .none,
            doc.tokens[i + 1].text == "," || doc.tokens[i + 1].text == ".",
            doc.tokens[i + 2].gapBefore == .none, doc.tokens[i + 2].isNumber
        {
            return nil
        }
        return y
    }

    private func month(_ doc: TokenizedText, _ i: Int, language: String) -> (Int, Int)? {
        guard i < doc.count, doc.tokens[i].isWord, !doc.tokens[i].inLink, let m = lex.months.value(doc, i) else {
            return nil
        }
        let t = doc.tokens[i]
        if language == "en" && !t.isCapitalized { return nil }
        var last = i
        if i + 1 < doc.count, doc.tokens[i + 1].text == ".", doc.tokens[i + 1].gapBefore == .none,
            t.text.unicodeScalars.count <= 4
        {
            last = i + 1
        }
        return (m, last)
    }

    private func day(_ doc: TokenizedText, _ i: Int) -> (Int, Int)? {
        guard i < doc.count, doc.tokens[i].isNumber, doc.tokens[i].text.utf8.count <= 2,
            let d = Int(doc.tokens[i].text), (1...31).contains(d)
        else { return nil }
        if i > 0, doc.tokens[i].gapBefore == .none, !doc.tokens[i - 1].isPunct || doc.tokens[i - 1].text == "," { return nil }
        var last = i
        if i + 1 < doc.count, doc.tokens[i + 1].gapBefore == .none {
            let n = doc.tokens[i + 1]
            if n.isWord && ["er", "st", "nd", "rd", "th", "e"].contains(n.folded) {
                last = i + 1
            } else if n.isWord || n.isNumber {
                return nil
            } else if n.text == ":" || n.text == "h" {
                return nil
            }
        }
        return (d, last)
    }

    /// One date expression: "26 février 2025", "February 26, 2025", "March 2024", "2017",
    /// and (when `allowPartial`) "août", "3" as the left side of a range.
    private func parseAtom(_ doc: TokenizedText, _ i: Int, language: String, allowPartial: Bool) -> Atom? {
        guard i < doc.count, !doc.tokens[i].inLink else { return nil }
        // ISO 2025-02-26 and numeric d/m/y.
        if let iso = numericDate(doc, i, language: language) { return iso }
        // day month [year]
        if let (d, dl) = day(doc, i), let (m, ml) = month(doc, dl + 1, language: language), doc.sameLine(i, ml) {
            var a = Atom(first: i, last: ml, year: nil, month: m, day: d)
            var j = ml + 1
            if doc.f(j) == "," { j += 1 }
            if let y = year(doc, j), doc.sameLine(i, j) {
                a.year = y
                a.last = j
            }
            return a
        }
        // month [day][,] [year]
        if let (m, ml) = month(doc, i, language: language) {
            var a = Atom(first: i, last: ml, year: nil, month: m, day: nil)
            var j = ml + 1
            if let y = year(doc, j), doc.sameLine(i, j) {
                a.year = y
                a.last = j
                return a
            }
            if let (d, dl) = day(doc, j), doc.sameLine(i, dl), language == "en" || doc.f(j + 1) == "," {
                a.day = d
                a.last = dl
                j = dl + 1
                if doc.f(j) == "," { j += 1 }
                if let y = year(doc, j), doc.sameLine(i, j) {
                    a.year = y
                    a.last = j
                }
                return a
            }
            let ambiguous = lex.ambiguousMonths.contains(doc.tokens[i].folded)
            if allowPartial && !ambiguous { return a }
            return nil
        }
        if let y = year(doc, i) {
            return Atom(first: i, last: i, year: y, month: nil, day: nil)
        }
        if allowPartial, let (d, dl) = day(doc, i), let next = Optional(doc.f(dl + 1)),
            ["-", "a", "au", "to", "and", "et"].contains(next)
        {
            return Atom(first: i, last: dl, year: nil, month: nil, day: d)
        }
        return nil
    }

    private func numericDate(_ doc: TokenizedText, _ i: Int, language: String) -> Atom? {
        guard i + 4 < doc.count, doc.tokens[i].isNumber else { return nil }
        let t = doc.tokens
        guard t[i + 1].gapBefore == .none, t[i + 2].gapBefore == .none, t[i + 3].gapBefore == .none, t[i + 4].gapBefore == .none,
            t[i + 2].isNumber, t[i + 4].isNumber, t[i + 1].text == t[i + 3].text,
            ["-", "/", "."].contains(t[i + 1].text)
        else { return nil }
        if i > 0, t[i].gapBefore == .none, !t[i - 1].isPunct || t[i - 1].text == "/" || t[i - 1].text == "." { return nil }
        if i + 5 < doc.count, t[i + 5].gapBefore == .none, t[i + 5].isNumber || t[i + 5].isWord { return nil }
        guard let a = Int(t[i].text), let b = Int(t[i + 2].text), let c = Int(t[i + 4].text) else { return nil }
        if t[i].text.unicodeScalars.count == 4 && t[i + 1].text == "-" {
            guard (1900...2100).contains(a), (1...12).contains(b), (1...31).contains(c) else { return nil }
            return Atom(first: i, last: i + 4, year: a, month: b, day: c)
        }
        guard t[i + 4].text.unicodeScalars.count == 4, (1900...2100).contains(c), t[i + 1].text != "-" || language == "fr" else {
            return nil
        }
        var d = a
        var m = b
        if language == "en" && a <= 12 && b > 12 {
            d = b
            m = a
        }
        guard (1...12).contains(m), (1...31).contains(d) else { return nil }
        return Atom(first: i, last: i + 4, year: c, month: m, day: d)
    }
}
