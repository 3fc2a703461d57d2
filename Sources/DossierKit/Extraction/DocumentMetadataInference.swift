/// Infers a title and a plainly stated publication date from the top of a body, for imports
/// that arrive without metadata.
public enum DocumentMetadataInference {
    private static let labelVerbs: Set<String> = ["est", "sont", "a", "ont", "is", "are", "was", "were", "has", "have"]
    private static let dateCues: Set<String> = [
        "published", "publie", "publiee", "posted", "date", "updated", "mis", "dated", "issued", "publication",
    ]

    /// First meaningful line: skips blank lines and a short section label ("Monde", "Press release")
    /// above the headline; nil when the first line is a full paragraph rather than a headline.
    public static func title(of body: String) -> String? {
        // Four candidates, plus a fifth line to know whether a label has something after it.
        let lines = Self.lines(body[...], limit: 5, trimmed: true)
        for (idx, line) in lines.prefix(4).enumerated() {
            let (wordCount, hasPunct) = shape(of: line)
            let isLabel =
                wordCount <= 2 && !hasPunct && !words(of: line).contains { labelVerbs.contains(TextFolding.fold(String($0))) }
            if isLabel && idx + 1 < lines.count { continue }
            if line.unicodeScalars.count > 250 { return nil }
            if publicationDateLine(line) != nil && wordCount <= 6 { continue }
            return line
        }
        return nil
    }

    /// The words of a line: its Characters split at spaces and no-break spaces.
    private static func words(of line: String) -> [Substring] {
        line.split { $0 == " " || $0 == "\u{00A0}" }
    }

    /// The number of `words(of:)` and whether a ".!?:;," Character occurs, read from the scalars when each is
    /// a Character of its own, else from the Characters.
    private static func shape(of line: String) -> (words: Int, hasPunct: Bool) {
        if let shape = line.utf8.withContiguousStorageIfAvailable(simpleShape(utf8:)) ?? nil { return shape }
        return (words(of: line).count, line.contains { ".!?:;,".contains($0) })
    }

    /// Scalars below U+0300 and the dashes, quotes and dots of U+2010–U+2027: between two of them there is
    /// always a Character boundary but in CR LF (a test checks every pair), and each is canonically equal only
    /// to itself, so on such text Character tests are scalar tests.
    static func isOwnCharacter(_ v: UInt32) -> Bool {
        v < 0x300 || v >= 0x2010 && v <= 0x2027
    }

    /// `shape(of:)` of a line without CR or LF, from its scalars; nil when one is not `isOwnCharacter`.
    private static func simpleShape(utf8 u: UnsafeBufferPointer<UInt8>) -> (words: Int, hasPunct: Bool)? {
        var words = 0
        var inWord = false
        var hasPunct = false
        var i = 0
        while i < u.count {
            let (s, length) = TextFolding.scalar(in: u, at: i)
            let v = s.value
            guard isOwnCharacter(v) else { return nil }
            if v == 0x20 || v == 0xA0 {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
                switch v {
                case 0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x2C: hasPunct = true
                default: break
                }
            }
            i += length
        }
        return (words, hasPunct)
    }

    /// ISO date when the text states it near the top: "Published: 12 March 2024", "Publié le 3 mars 2025",
    /// "The Hague, 28 February 2025"; nil otherwise.
    public static func publicationDate(of body: String) -> String? {
        for line in lines(body[..<index(body, afterCharacters: 600)], limit: 6, trimmed: false) {
            if let iso = publicationDateLine(line) { return iso }
        }
        return nil
    }

    /// The first `limit` non-empty lines, split at CR and LF as `split` on Characters does (both always stand
    /// alone or as CR LF), optionally trimmed as Foundation's `whitespacesAndNewlines` trims. Scanning scalars
    /// stops after `limit` lines instead of splitting and bridging the whole body to NSString.
    static func lines(_ text: Substring, limit: Int, trimmed: Bool) -> [String] {
        let scan = { (u: UnsafeBufferPointer<UInt8>) in lines(utf8: u, limit: limit, trimmed: trimmed) }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// `lines` on the UTF-8 bytes: walking a Substring's scalar view validates every index, which cost more
    /// than the rest of title and date inference. CR and LF bytes only ever encode those two scalars.
    private static func lines(utf8 u: UnsafeBufferPointer<UInt8>, limit: Int, trimmed: Bool) -> [String] {
        var out: [String] = []
        var i = 0
        while i < u.count && out.count < limit {
            var end = i
            while end < u.count && u[end] != 0x0A && u[end] != 0x0D { end += 1 }
            var a = i
            var b = end
            if trimmed {
                while a < b, case (let s, let length) = TextFolding.scalar(in: u, at: a), isTrimmed(s) { a += length }
                while a < b {
                    var p = b - 1
                    while u[p] & 0xC0 == 0x80 { p -= 1 }  // back to the start of the last scalar
                    guard isTrimmed(TextFolding.scalar(in: u, at: p).0) else { break }
                    b = p
                }
            }
            if a < b { out.append(String(decoding: UnsafeBufferPointer(rebasing: u[a..<b]), as: UTF8.self)) }
            i = end < u.count ? end + 1 : end
        }
        return out
    }

    /// The index after the first `count` Characters of `s` (or its end), where `index(after:)` steps would stop.
    /// Two scalars below U+0300 other than CR LF always have a Character boundary between them (they are
    /// `isOwnCharacter`), so such text, accented Latin included, steps a scalar at a time; anything else steps
    /// as String does.
    static func index(_ s: String, afterCharacters count: Int) -> String.Index {
        let bytes = s.utf8.withContiguousStorageIfAvailable { u -> Int in
            var p = 0
            var n = 0
            while p < u.count, n < count {
                let (scalar, length) = TextFolding.scalar(in: u, at: p)
                let next = p + length < u.count ? TextFolding.scalar(in: u, at: p + length).0.value : nil
                if scalar.value < 0x300, next.map({ $0 < 0x300 && !(scalar.value == 0x0D && $0 == 0x0A) }) ?? true {
                    p += length
                } else {
                    let next = s.index(after: s.utf8.index(s.startIndex, offsetBy: p))
                    p = s.utf8.distance(from: s.startIndex, to: next)
                }
                n += 1
            }
            return p
        }
        if let bytes { return s.utf8.index(s.startIndex, offsetBy: bytes) }
        var i = s.startIndex
        for _ in 0..<count where i < s.endIndex { i = s.index(after: i) }
        return i
    }

    /// Members of Foundation's `CharacterSet.whitespacesAndNewlines` (as swift-corelibs-foundation defines it,
    /// including U+200B), so trimming here matches `trimmingCharacters(in:)` exactly.
    static func isTrimmed(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Datelines sit at the very start of a paragraph ("WASHINGTON, March 12, 2024 – A man…"), so only the
    /// first tokens of a long line are read; the rest of the paragraph must not hide the dateline.
    private static let datelineTokens = 40
    /// Built once: making an extractor per line copied the whole lexicon each time.
    private static let datelineDates = DateExtractor(lex: MinimalLexicon.compiled)

    private static func publicationDateLine(_ line: String) -> String? {
        // A full date needs a year, and every year is a digit token: most headlines stop here untokenised.
        guard line.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let full = TokenizedText(line)
        guard !full.tokens.isEmpty else { return nil }
        let doc = full.count <= datelineTokens ? full : TokenizedText(full.text(0, full.tokens[datelineTokens - 1].end))
        let lang = LanguageDetector.detect(line)
        let extractor = datelineDates
        let found = extractor.extract(doc, language: lang, defaultYear: Int?.none).dates.filter { $0.iso.count == 10 }
        guard let first = found.first else {
            let alt = extractor.extract(doc, language: lang == "fr" ? "en" : "fr", defaultYear: Int?.none).dates.filter {
                $0.iso.count == 10
            }
            guard let a = alt.first else { return nil }
            return plain(doc, a, shortLine: full.count <= datelineTokens) ? a.iso : nil
        }
        return plain(doc, first, shortLine: full.count <= datelineTokens) ? first.iso : nil
    }

    /// Words that may sit between a dateline's place and its date: "Bruxelles, le 28 février", "Le 3 octobre 2023 à 18h45".
    private static let datelineArticles: Set<String> = ["le", "on", "du"]
    /// A weekday may precede a dateline's date ("Paris, mardi 12 mars 2024", "Ottawa, Tuesday 4 June 2024"); the static
    /// helpers get no lexicon, so the few names live here.
    private static let weekdays: Set<String> = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    /// What may follow a dateline's date: a dash before the lead, a wire tag ("/CNW/"), a time ("à 18h45").
    private static let datelineFollowers: Set<String> = [".", "-", "–", "|", "—", "/", "a", "at", "("]

    /// The date stands alone, follows a cue word ("Published", "Publié le"), or ends a dateline ("The Hague, …",
    /// "WASHINGTON, March 12, 2024 –", "MONTRÉAL, le 9 mai 2024 /CNW/ –"). On a long line (a dateline glued to the
    /// lead paragraph) only the dateline forms count, so a date in running text is never taken for the publication.
    private static func plain(_ doc: TokenizedText, _ d: ExtractedDate, shortLine: Bool) -> Bool {
        let firstTok = doc.tokenIndex(atOrAfter: d.span.start)
        let lastTok = doc.tokenIndex(atOrAfter: d.span.end)
        var before = doc.tokens[..<firstTok]
        let next = lastTok < doc.count ? doc.tokens[lastTok].folded : nil
        let endsDateline = next.map { datelineFollowers.contains($0) } ?? shortLine
        if before.isEmpty { return shortLine || endsDateline }
        if before.contains(where: { dateCues.contains($0.folded) }) && before.count <= 8 { return true }
        if let p = before.last, weekdays.contains(p.folded) {
            before = before.dropLast()
            if before.isEmpty { return shortLine || endsDateline }
        }
        if let p = before.last, datelineArticles.contains(p.folded) {
            before = before.dropLast()
            if before.isEmpty { return endsDateline }
        }
        if let p = before.last, p.text == "," || p.text == ":" || p.text == "-" || p.text == "|" || p.text == "–",
            before.count <= 6,
            endsDateline || shortLine && next == nil
        {
            return true
        }
        return false
    }
}
