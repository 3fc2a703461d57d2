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

    private static let frenchTable = FoldedSet(french)
    private static let englishTable = FoldedSet(english)
    /// The stop words with a non-ASCII letter ("été"). A non-ASCII word is never canonically equal to an
    /// all-ASCII lower-case word (no decomposition yields one), so only these need comparing as Strings.
    /// Arrays: for a word or two, `==` beats hashing a non-ASCII String (which normalises it first).
    private static let frenchNonASCII = Array(french.filter { !$0.utf8.allSatisfy { $0 < 0x80 } })
    private static let englishNonASCII = Array(english.filter { !$0.utf8.allSatisfy { $0 < 0x80 } })

    /// Scans the UTF-8 without building a String per word: ASCII words are hashed on the fly and only read
    /// back when a table holds that hash; the rare non-ASCII word is decoded once and compared as a String
    /// (canonical equality), like a `Set<String>` lookup would.
    public static func detect(_ text: String) -> String {
        text.utf8.withContiguousStorageIfAvailable(detect(utf8:)) ?? Array(text.utf8).withUnsafeBufferPointer(detect(utf8:))
    }

    private static func detect(utf8 u: UnsafeBufferPointer<UInt8>) -> String {
        // Local copies: a static read per word pays a lazy-initialisation check each time.
        let (frenchTable, englishTable) = (Self.frenchTable, Self.englishTable)
        let (frenchNonASCII, englishNonASCII) = (Self.frenchNonASCII, Self.englishNonASCII)
        var fr = 0
        var en = 0
        var seen = 0
        var wordStart = -1  // byte offset of the current word, -1 between words
        var ascii = true
        var hash = FoldedHash.seed
        var lowered: [UInt8] = []
        lowered.reserveCapacity(32)
        /// Counts the word ending at byte `end`; its bytes with ASCII letters lower-cased are the look-up key.
        func count(_ end: Int) {
            guard !ascii || !frenchNonASCII.isEmpty || !englishNonASCII.isEmpty else { return }
            guard !ascii || frenchTable.mayContain(hash: hash) || englishTable.mayContain(hash: hash) else { return }
            lowered.removeAll(keepingCapacity: true)
            for k in wordStart..<end { lowered.append(u[k] >= 0x41 && u[k] <= 0x5A ? u[k] + 32 : u[k]) }
            if ascii {
                if frenchTable.contains(utf8: lowered, hash: hash) {
                    fr += 1
                } else if englishTable.contains(utf8: lowered, hash: hash) {
                    en += 1
                }
            } else {
                let w = String(decoding: lowered, as: UTF8.self)
                if frenchNonASCII.contains(w) { fr += 1 } else if englishNonASCII.contains(w) { en += 1 }
            }
        }
        var i = 0
        while i < u.count {
            let (s, length) = TextFolding.scalar(in: u, at: i)
            if TextFolding.isWordScalar(s) {
                if wordStart < 0 { wordStart = i }
                if length == 1 {
                    hash = FoldedHash.step(hash, u[i] >= 0x41 && u[i] <= 0x5A ? u[i] + 32 : u[i])
                } else {
                    ascii = false
                }
            } else if wordStart >= 0 {
                count(i)
                wordStart = -1
                ascii = true
                hash = FoldedHash.seed
                seen += 1
                if seen > 4000 { break }
            }
            i += length
        }
        if wordStart >= 0 { count(u.count) }
        return fr > en ? "fr" : "en"
    }
}
