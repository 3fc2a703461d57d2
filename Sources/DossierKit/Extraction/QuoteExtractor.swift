/// Finds quotation blocks (« », “ ”, "…"), merging paragraphs that reopen an unclosed quotation,
/// drops scare quotes (six words or fewer), adds unquoted pull-quotes signed by a name line,
/// and hands each block to the attributor.
struct QuoteExtractor: Sendable {
    let lex: CompiledLexicon

    struct Block {
        var start: Int  // scalar offset of the opening mark (or first word)
        var end: Int  // scalar offset one past the closing mark
        var segments: [Range<Int>]
        var openLine: Int
        var closeLine: Int
        var closed: Bool
    }

    private static func closer(for open: Unicode.Scalar) -> Unicode.Scalar? {
        switch open {
        case "«": return "»"
        case "“": return "”"
        case "\"": return "\""
        case "„": return "“"
        default: return nil
        }
    }

    /// Every scalar that can open, close or nest a quotation (the openers above and their closers): any other
    /// scalar leaves the scan's state unchanged. All of them are punctuation, hence one-scalar punctuation
    /// tokens, so the scan visits a line's punctuation tokens rather than every scalar.
    @inline(__always)
    private static func isQuotationMark(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x22 || v >= 0xAB && (v == 0xAB || v == 0xBB || v >= 0x201C && v <= 0x201E)
    }

    /// A token that opens a quotation: a paragraph starting with one is quoted speech, not narrative.
    static func opensQuotation(_ t: Token) -> Bool {
        t.isPunct && t.scalarCount == 1 && ["«", "“", "\"", "„"].contains(t.text)
    }

    func blocks(_ doc: TokenizedText) -> [Block] {
        var out: [Block] = []
        let sc = doc.scalars
        var current: Block?
        var open: Unicode.Scalar = "«"
        var close: Unicode.Scalar = "»"
        var depth = 0
        var segStart = 0
        for (li, r) in doc.lineRanges.enumerated() {
            var lineStart = r.lowerBound
            if current != nil {
                // Continuation: the paragraph reopens the same quotation.
                if sc[lineStart] == open || (open == "\"" && sc[lineStart] == "\"") {
                    depth = 1
                    lineStart += 1
                    segStart = lineStart
                } else if var b = current {
                    b.closed = false
                    out.append(b)
                    current = nil
                    depth = 0
                }
            }
            var skipThrough = -1
            for t in doc.lineTokens[li] where doc.tokens[t].isPunct && doc.tokens[t].start >= lineStart {
                let p = doc.tokens[t].start
                guard p > skipThrough else { continue }
                var s = sc[p]
                // ’’…’’ and ‘‘…’’ typed for quotation marks: a doubled apostrophe opens at a word's start and closes
                // at its end.
                if TextFolding.isApostrophe(s), p + 1 < r.upperBound, TextFolding.isApostrophe(sc[p + 1]) {
                    skipThrough = p + 1
                    s =
                        p == r.lowerBound || !TextFolding.isWordScalar(sc[p - 1]) && !Self.isSentencePunctuation(sc[p - 1])
                        ? "“" : "”"
                }
                guard Self.isQuotationMark(s) else { continue }
                // d"autres: a straight quotation mark between two letters is an apostrophe typed wrong.
                if s == "\"", p > r.lowerBound, p + 1 < r.upperBound, TextFolding.isWordScalar(sc[p - 1]),
                    TextFolding.isWordScalar(sc[p + 1])
                {
                    continue
                }
                // “…“: an opening curly mark at a word's end, after the opener, closes the quotation.
                if current != nil, open == "“", s == "“", p > r.lowerBound, !TextFolding.isHorizontalSpace(sc[p - 1]),
                    p + 1 == r.upperBound || TextFolding.isHorizontalSpace(sc[p + 1]) || !TextFolding.isWordScalar(sc[p + 1])
                {
                    s = "”"
                }
                // “…" : a straight mark after the text of a curly quotation, before a space or punctuation, closes it
                // (copy typed partly by hand, partly by a word processor).
                if current != nil, open == "“", s == "\"", depth == 1, p > r.lowerBound,
                    !TextFolding.isHorizontalSpace(sc[p - 1]),
                    p + 1 == r.upperBound || TextFolding.isHorizontalSpace(sc[p + 1]) || !TextFolding.isWordScalar(sc[p + 1])
                {
                    s = "”"
                }
                if current == nil {
                    if let c = Self.closer(for: s),
                        s != "\"" || (p + 1 < r.upperBound && !TextFolding.isHorizontalSpace(sc[p + 1]))
                    {
                        open = s
                        close = c
                        depth = 1
                        current = Block(start: p, end: p + 1, segments: [], openLine: li, closeLine: li, closed: false)
                        segStart = max(p, skipThrough) + 1
                    }
                } else if s == close && (open != "\"" || depth > 0) {
                    depth -= 1
                    if depth == 0, var b = current {
                        b.segments.append(segStart..<p)
                        b.end = max(p, skipThrough) + 1
                        b.closeLine = li
                        b.closed = true
                        out.append(b)
                        current = nil
                    }
                } else if s == open && open != "\"" {
                    depth += 1
                }
            }
            if var b = current {
                b.segments.append(segStart..<r.upperBound)
                b.end = r.upperBound
                b.closeLine = li
                current = b
            }
        }
        if let b = current { out.append(b) }
        return out
    }

    private static func isSentencePunctuation(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == "." || s == "!" || s == "?" || s == ";" || s == ":"
    }

    /// A closed quotation whose last character before the closing mark is , . ! ? or …: a sentence
    /// someone said, not a term set in quotation marks.
    static func endsInItsOwnPunctuation(_ doc: TokenizedText, _ block: Block) -> Bool {
        guard block.closed, block.end >= block.start + 3 else { return false }
        return [",", ".", "!", "?", "…"].contains(doc.scalars[block.end - 2])
    }

    static func wordCount(_ doc: TokenizedText, _ segments: [Range<Int>]) -> Int {
        var n = 0
        for seg in segments {
            var inWord = false
            for k in seg {
                let w = TextFolding.isWordScalar(doc.scalars[k]) || doc.scalars[k].value >= 0x30 && doc.scalars[k].value <= 0x39
                if w && !inWord { n += 1 }
                inWord = w
            }
        }
        return n
    }

    static func text(_ doc: TokenizedText, _ segments: [Range<Int>]) -> String {
        segments.map { seg -> String in
            var a = seg.lowerBound
            var b = seg.upperBound
            while a < b, TextFolding.isHorizontalSpace(doc.scalars[a]) { a += 1 }
            while b > a, TextFolding.isHorizontalSpace(doc.scalars[b - 1]) { b -= 1 }
            return doc.text(a, b)
        }.joined(separator: "\n")
    }
}
