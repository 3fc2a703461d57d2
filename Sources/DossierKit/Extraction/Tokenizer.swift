/// The body split once into tokens over Unicode scalars; every extractor reads this shared view
/// instead of re-scanning the string, which keeps extraction linear and fast.
struct TokenizedText: Sendable {
    let scalars: [Unicode.Scalar]
    /// The body, and the UTF-8 offset in it of each scalar (plus one for the end): `text` copies the bytes
    /// between two offsets instead of re-encoding the scalars one by one.
    private let body: String
    private let utf8Offsets: [Int]
    let tokens: [Token]
    /// Scalar ranges of non-empty lines (the paragraph unit of press releases).
    let lineRanges: [Range<Int>]
    /// Token index range of each line, parallel to `lineRanges`.
    let lineTokens: [Range<Int>]

    /// One-scalar ASCII tokens (punctuation, digits, letters) as ready-made Strings with their fold and hash,
    /// indexed by scalar value: most punctuation tokens then cost no String construction at all.
    private static let asciiTokens: [(text: String, folded: String, hash: UInt64)] = (0..<128).map { v in
        let lower = v >= 0x41 && v <= 0x5A ? v + 32 : v
        let folded = String(UnicodeScalar(UInt8(lower)))
        return (String(UnicodeScalar(UInt8(v))), folded, FoldedHash.of(folded))
    }

    init(_ body: String) {
        let (scalars, utf8Offsets) =
            body.utf8.withContiguousStorageIfAvailable(Self.decode) ?? Self.decode(Array(body.unicodeScalars))
        self.scalars = scalars
        self.body = body
        self.utf8Offsets = utf8Offsets
        let asciiTokens = Self.asciiTokens
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)  // sized for prose so the array seldom regrows (copying every token)
        var lineRanges: [Range<Int>] = []
        var lineTokens: [Range<Int>] = []
        var gap = Token.Gap.lineBreak
        var line = 0
        var lineStart = 0
        var lineFirstToken = 0
        var lineHasContent = false
        var chunkFirstToken = 0
        var textBuf: [UInt8] = []
        var foldBuf: [UInt8] = []
        textBuf.reserveCapacity(64)
        foldBuf.reserveCapacity(64)
        var i = 0
        let n = scalars.count

        @inline(__always)  // called at every space; most chunks are too short to test
        func closeChunk(_ tokens: inout [Token], upTo end: Int) {
            guard end - chunkFirstToken >= 3 else { return }  // shorter chunks are never links
            if Self.chunkIsLink(tokens[chunkFirstToken..<end], scalars) {
                // Trailing sentence punctuation is not part of the link.
                var last = end
                while last > chunkFirstToken + 1, tokens[last - 1].isPunct,
                    [".", ",", ";", ":", ")", "!", "?"].contains(tokens[last - 1].text)
                { last -= 1 }
                for k in chunkFirstToken..<last { tokens[k].inLink = true }
            }
        }

        while i < n {
            let s = scalars[i]
            if TextFolding.isLineBreak(s) {
                closeChunk(&tokens, upTo: tokens.count)
                chunkFirstToken = tokens.count
                if lineHasContent {
                    lineRanges.append(lineStart..<i)
                    lineTokens.append(lineFirstToken..<tokens.count)
                    line += 1
                }
                lineHasContent = false
                gap = .lineBreak
                i += 1
                lineStart = i
                lineFirstToken = tokens.count
                continue
            }
            if TextFolding.isHorizontalSpace(s) {
                closeChunk(&tokens, upTo: tokens.count)
                chunkFirstToken = tokens.count
                if gap == .none { gap = .space } else if gap == .space { gap = .spaces }
                i += 1
                if !lineHasContent { lineStart = i }
                continue
            }
            if !lineHasContent {
                lineHasContent = true
                lineStart = i
            }
            let start = i
            let kind: Token.Kind
            var ascii = s.value < 0x80  // noted while scanning, so ASCII tokens need no second pass to tell
            // Digits and ASCII letters are hashed (letters lower-cased, as they fold) and letters counted by case
            // while scanning: an ASCII token then needs no second pass. A non-ASCII word starts over below.
            var foldedHash = FoldedHash.seed
            var upper = 0
            var lower = 0
            if s.value >= 0x30 && s.value <= 0x39 {
                kind = .number
                repeat {
                    foldedHash = FoldedHash.step(foldedHash, UInt8(truncatingIfNeeded: scalars[i].value))
                    i += 1
                } while i < n && scalars[i].value >= 0x30 && scalars[i].value <= 0x39
            } else if TextFolding.isWordScalar(s) {
                kind = .word
                repeat {
                    let v = scalars[i].value
                    if v < 0x80 {  // an ASCII word scalar is a letter
                        if v <= 0x5A { upper += 1 } else { lower += 1 }
                        foldedHash = FoldedHash.step(foldedHash, UInt8(truncatingIfNeeded: v | 0x20))
                    } else {
                        ascii = false
                    }
                    i += 1
                } while i < n && TextFolding.isWordScalar(scalars[i])
            } else {
                kind = .punct
                i += 1
            }
            let text: String
            let folded: String
            if i - start == 1 && s.value < 0x80 {
                let a = asciiTokens[Int(s.value)]
                (text, folded, foldedHash) = (a.text, a.folded, a.hash)
                if kind == .word { if s.value <= 0x5A { upper = 1 } else { lower = 1 } }
            } else if ascii {
                // ASCII words and numbers: written straight into the Strings, folding only lower-cases A-Z.
                let count = i - start
                text = String(unsafeUninitializedCapacity: count) { out in
                    for k in 0..<count { out[k] = UInt8(scalars[start + k].value) }
                    return count
                }
                folded =
                    upper == 0
                    ? text
                    : String(unsafeUninitializedCapacity: count) { out in
                        for k in 0..<count {
                            let v = scalars[start + k].value
                            out[k] = UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)
                        }
                        return count
                    }
            } else {
                // UTF-8 buffers reused across tokens: short tokens become small Strings without
                // allocation, and the folded form shares the original when folding changes nothing.
                textBuf.removeAll(keepingCapacity: true)
                foldBuf.removeAll(keepingCapacity: true)
                (foldedHash, upper, lower) = (FoldedHash.seed, 0, 0)
                for k in start..<i {
                    let c = scalars[k]
                    TextFolding.appendUTF8(c, to: &textBuf)
                    TextFolding.fold(c, into: &foldBuf)
                    if kind == .word {
                        let lc = TextFolding.letterCase(c)
                        if lc > 0 { upper += 1 } else if lc < 0 { lower += 1 }
                    }
                }
                text = String(decoding: textBuf, as: UTF8.self)
                folded = foldBuf == textBuf ? text : String(decoding: foldBuf, as: UTF8.self)
                for b in foldBuf { foldedHash = FoldedHash.step(foldedHash, b) }
            }
            let firstUpper = kind == .word && TextFolding.letterCase(scalars[start]) > 0
            tokens.append(
                Token(
                    kind: kind, start: start, end: i, text: text, folded: folded, foldedHash: foldedHash,
                    gapBefore: gap, line: line, isCapitalized: firstUpper,
                    isAllCaps: kind == .word && lower == 0 && upper > 0))
            gap = .none
        }
        closeChunk(&tokens, upTo: tokens.count)
        if lineHasContent {
            lineRanges.append(lineStart..<n)
            lineTokens.append(lineFirstToken..<tokens.count)
        }
        self.tokens = tokens
        self.lineRanges = lineRanges
        self.lineTokens = lineTokens
    }

    /// Decodes valid UTF-8 (a String's) into scalars and their byte offsets in one pass, ASCII bytes without
    /// any decoding work.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Int]) {
        var scalars: [Unicode.Scalar] = []
        let offsets = [Int](unsafeUninitializedCapacity: utf8.count + 1) { offsetBuffer, initialized in
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { scalarBuffer, n in
                n = 0
                // Plain pointers: stores through the inout buffers would reload their base at every write.
                guard let bytes = utf8.baseAddress, let out = scalarBuffer.baseAddress, let offsets = offsetBuffer.baseAddress
                else {
                    offsetBuffer[0] = 0
                    return
                }
                var i = 0
                while i < utf8.count {
                    // Eight ASCII bytes at a time: one test of their high bits, then plain widening copies.
                    if i + 8 <= utf8.count,
                        UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        for k in 0..<8 {
                            out[n + k] = Unicode.Scalar(bytes[i + k])
                            offsets[n + k] = i + k
                        }
                        i += 8
                        n += 8
                        continue
                    }
                    let (s, length) = TextFolding.scalar(in: utf8, at: i)
                    out[n] = s
                    offsets[n] = i
                    i += length
                    n += 1
                }
                offsets[n] = i
            }
            initialized = scalars.count + 1
        }
        return (scalars, offsets)
    }

    /// The scalars and their UTF-8 offsets, for a body without contiguous UTF-8.
    private static func decode(_ scalars: [Unicode.Scalar]) -> ([Unicode.Scalar], [Int]) {
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for s in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(s)) }
        return (scalars, offsets)
    }

    /// A chunk of non-space text is a link when it has a scheme, "www.", an e-mail "@", or ends in a
    /// ".tld" domain suffix directly attached to a word ("Davidschmidt.fr", "example.com/path").
    private static func chunkIsLink(_ chunk: ArraySlice<Token>, _ scalars: [Unicode.Scalar]) -> Bool {
        guard chunk.count >= 3 else { return false }
        /// `chunk[k].text == String(mark)` for these ASCII marks, without a String comparison or a Token copy: only
        /// a punctuation token (one scalar) can equal one, and no other scalar is canonically equivalent to them.
        func isMark(_ k: Int, _ mark: Unicode.Scalar) -> Bool { chunk[k].isPunct && scalars[chunk[k].start] == mark }
        var hasDot = false
        var idx = chunk.startIndex
        while idx < chunk.endIndex {
            if chunk[idx].isPunct {
                if isMark(idx, "@") || isMark(idx, "/") && idx + 1 < chunk.endIndex && isMark(idx + 1, "/") { return true }
                if isMark(idx, ".") {
                    hasDot = true
                    if idx > chunk.startIndex, idx + 1 < chunk.endIndex {
                        let prev = chunk[idx - 1]
                        let next = chunk[idx + 1]
                        if prev.folded == "www" { return true }
                        if next.isWord && prev.isWord && !prev.isAllCaps && next.text.unicodeScalars.count >= 2
                            && next.text.unicodeScalars.count <= 4 && next.text == next.folded
                            && prev.text.unicodeScalars.count >= 2
                        {
                            let after = idx + 2 < chunk.endIndex ? chunk[idx + 2].text : ""
                            if after.isEmpty || after == "/" || after == "." || after == "," || after == ")" { return true }
                        }
                    }
                }
            }
            idx += 1
        }
        _ = hasDot
        return false
    }

    var count: Int { tokens.count }

    /// Text of the body between two scalar offsets: a copy of the body's UTF-8 bytes between them.
    func text(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        let (from, to) = (utf8Offsets[start], utf8Offsets[end])
        return body.utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self)
        } ?? String(decoding: Array(body.utf8)[from..<to], as: UTF8.self)
    }

    /// Span covering tokens `first...last` (inclusive).
    func span(tokens first: Int, _ last: Int) -> TextSpan {
        let s = tokens[first].start
        let e = tokens[last].end
        return TextSpan(start: s, end: e, text: text(s, e))
    }

    func span(_ start: Int, _ end: Int) -> TextSpan {
        TextSpan(start: start, end: end, text: text(start, end))
    }

    /// Folded text of token `i`, or "" when out of range (keeps look-ahead code short).
    func f(_ i: Int) -> String {
        i >= 0 && i < tokens.count ? tokens[i].folded : ""
    }

    /// True when tokens `a` and `b` (a < b) are on the same line.
    func sameLine(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b < tokens.count && tokens[a].line == tokens[b].line
    }

    /// Index of the first token at or after scalar offset `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        tokens.partitionIndex { $0.start < offset }
    }
}
