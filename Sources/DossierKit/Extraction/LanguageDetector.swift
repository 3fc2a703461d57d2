/// Decides French vs English from stop-word counts; cheap and reliable on press-release prose.
public enum LanguageDetector {
    private static let french: Set<String> = [
        "le", "la", "les", "des", "du", "est", "et", "une", "que", "qui", "dans",
        "pour", "sur", "pas", "au", "aux", "ont", "été", "par", "avec", "ce", "cette", "il", "sont",
    ]
    private static let english: Set<String> = [
        "the", "and", "of", "to", "is", "was", "were", "that", "with", "for", "by",
        "has", "have", "from", "are", "this", "it", "be", "been", "which", "their", "said",
    ]

    /// The all-ASCII stop words by their packed bytes, French first as the scan counts a word in both as French.
    private static let asciiStopWords = PackedWordTable(
        french: french.filter(isASCII), english: english.filter(isASCII))
    /// The stop words with a non-ASCII letter ("été"). A non-ASCII word is never canonically equal to an
    /// all-ASCII lower-case word (no decomposition yields one), so only these need comparing as Strings.
    /// Arrays: for a word or two, `==` beats hashing a non-ASCII String (which normalises it first).
    private static let frenchNonASCII = Array(french.filter { !isASCII($0) })
    private static let englishNonASCII = Array(english.filter { !isASCII($0) })
    /// UTF-8 of the non-ASCII stop words made only of scalars below U+0300 (the same order, nil otherwise).
    private static let frenchNonASCIIBytes = frenchNonASCII.map(belowCombiningMarksUTF8)
    private static let englishNonASCIIBytes = englishNonASCII.map(belowCombiningMarksUTF8)

    private static func isASCII(_ word: String) -> Bool { word.utf8.allSatisfy { $0 < 0x80 } }

    @inline(__always)
    private static func lowerASCII(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    /// The UTF-8 of `word` when all its scalars lie below U+0300, else nil. Such text is in NFC: every scalar
    /// below U+0300 is NFC_QC=Yes with combining class 0, and all canonical compositions need a second scalar
    /// of U+0300 or above. Two NFC texts are canonically equal exactly when their bytes are.
    private static func belowCombiningMarksUTF8(_ word: String) -> [UInt8]? {
        word.unicodeScalars.allSatisfy { $0.value < 0x300 } ? Array(word.utf8) : nil
    }

    /// Scans the UTF-8 without building a String per word: ASCII words are packed into an integer on the fly
    /// and looked up by it; the rare non-ASCII word is compared by bytes when it is plainly NFC, else decoded
    /// once and compared as a String (canonical equality), like a `Set<String>` lookup would.
    public static func detect(_ text: String) -> String {
        text.utf8.withContiguousStorageIfAvailable(detect(utf8:)) ?? Array(text.utf8).withUnsafeBufferPointer(detect(utf8:))
    }

    private static func detect(utf8 u: UnsafeBufferPointer<UInt8>) -> String {
        // Local copies: a static read per word pays a lazy-initialisation check each time.
        let asciiStopWords = Self.asciiStopWords
        let (frenchNonASCII, englishNonASCII) = (Self.frenchNonASCII, Self.englishNonASCII)
        let (frenchNonASCIIBytes, englishNonASCIIBytes) = (Self.frenchNonASCIIBytes, Self.englishNonASCIIBytes)
        var fr = 0
        var en = 0
        var seen = 0
        var wordStart = -1  // byte offset of the current word, -1 between words
        var ascii = true
        var belowCombiningMarks = true  // every scalar of the word is below U+0300
        var packed: UInt64 = 0  // the ASCII letters so far, lower-cased; meaningful for ASCII words only
        var length = 0  // the word's length in bytes when ASCII
        /// The word before byte `end` with its ASCII letters lower-cased: the look-up key of a non-ASCII word.
        func lowered(_ end: Int) -> String {
            String(decoding: u[wordStart..<end].lazy.map(Self.lowerASCII), as: UTF8.self)
        }
        /// Counts a word made of several-byte scalars, ending at byte `end`.
        func countNonASCII(_ end: Int) {
            if belowCombiningMarks {
                if matches(frenchNonASCII, frenchNonASCIIBytes, end) {
                    fr += 1
                } else if matches(englishNonASCII, englishNonASCIIBytes, end) {
                    en += 1
                }
            } else {
                let w = lowered(end)
                if frenchNonASCII.contains(w) { fr += 1 } else if englishNonASCII.contains(w) { en += 1 }
            }
        }
        /// `words.contains(lowered(end))` for a plainly NFC word: its bytes, lower-cased in place, against those
        /// of the plainly NFC words (mostly of another length), Strings only for the others.
        func matches(_ words: [String], _ bytes: [[UInt8]?], _ end: Int) -> Bool {
            for k in words.indices {
                if let b = bytes[k] {
                    if b.count == end - wordStart && b.indices.allSatisfy({ b[$0] == Self.lowerASCII(u[wordStart + $0]) }) {
                        return true
                    }
                } else if words[k] == lowered(end) {
                    return true
                }
            }
            return false
        }
        func count(_ end: Int) {
            if ascii {
                switch asciiStopWords.language(packed: packed, length: length) {
                case .french: fr += 1
                case .english: en += 1
                case nil: break
                }
            } else if !frenchNonASCII.isEmpty || !englishNonASCII.isEmpty {
                countNonASCII(end)
            }
        }
        /// Ends the word before byte `end`; false once the 4 001st word is counted.
        func endWord(_ end: Int) -> Bool {
            count(end)
            wordStart = -1
            ascii = true
            belowCombiningMarks = true
            seen += 1
            return seen <= 4000
        }
        var i = 0
        scan: while i < u.count {
            let b = u[i]
            if b < 0x80 {
                // ASCII letters (`b | 0x20` lower-cases exactly them into a-z) continue or start a word, packed
                // as they go; any other ASCII byte ends the word.
                guard (b | 0x20) &- 0x61 < 26 else {
                    if wordStart >= 0, !endWord(i) { break scan }
                    i += 1
                    continue
                }
                if wordStart < 0 {
                    wordStart = i
                    packed = 0
                }
                repeat {
                    packed = packed &<< 8 | UInt64(u[i] | 0x20)
                    i &+= 1  // below u.count: no overflow check
                } while i < u.count && (u[i] | 0x20) &- 0x61 < 26
                length = i - wordStart
                continue
            }
            let (s, scalarLength) = TextFolding.scalar(in: u, at: i)
            if TextFolding.isWordScalar(s) {
                if wordStart < 0 {
                    wordStart = i
                    packed = 0
                }
                ascii = false
                if s.value >= 0x300 { belowCombiningMarks = false }
            } else if wordStart >= 0, !endWord(i) {
                break scan
            }
            i += scalarLength
        }
        if wordStart >= 0 { count(u.count) }
        return fr > en ? "fr" : "en"
    }
}

/// Lower-case ASCII words of up to eight letters packed big-endian into a UInt64 (a letter is never a zero
/// byte, so the packing is one-to-one), in a small open-addressing table: a word costs a multiply and a probe
/// or two instead of hashing and comparing its bytes.
private struct PackedWordTable: Sendable {
    enum Language { case french, english }

    private let keys: [UInt64]
    private let languages: [Language?]
    private let shift: UInt64

    static let maxLength = 8

    /// French words win over English ones present in both lists, as the scan tests French first.
    init(french: Set<String>, english: Set<String>) {
        var bits: UInt64 = 4
        while 1 << bits < (french.count + english.count) * 4 { bits += 1 }
        shift = 64 - bits
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var languages = [Language?](repeating: nil, count: 1 << bits)
        for (words, language) in [(french, Language.french), (english, .english)] {
            for word in words {
                precondition(word.utf8.count <= Self.maxLength && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A })
                let key = word.utf8.reduce(UInt64(0)) { $0 &<< 8 | UInt64($1) }
                var slot = Self.slot(key, shift)
                while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
                if keys[slot] == 0 {
                    keys[slot] = key
                    languages[slot] = language
                }
            }
        }
        self.keys = keys
        self.languages = languages
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    /// The list holding the lower-case word packed in `packed` (its last `length` letters), if any.
    @inline(__always)
    func language(packed: UInt64, length: Int) -> Language? {
        guard length <= Self.maxLength else { return nil }
        var slot = Self.slot(packed, shift)
        while true {
            let key = keys[slot]
            if key == packed { return languages[slot] }
            if key == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
