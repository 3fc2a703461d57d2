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

    /// Scans scalars without building a String per word: ASCII words are hashed on the fly and checked
    /// against hash tables; the rare non-ASCII word takes the original String path (canonical equality).
    public static func detect(_ text: String) -> String {
        var fr = 0
        var en = 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var word = String.UnicodeScalarView()
        var ascii = true
        var hash = FoldedHash.seed
        var seen = 0
        func count() {
            if ascii {
                if frenchTable.contains(utf8: bytes, hash: hash) {
                    fr += 1
                } else if englishTable.contains(utf8: bytes, hash: hash) {
                    en += 1
                }
            } else {
                let w = String(word)
                if french.contains(w) { fr += 1 } else if english.contains(w) { en += 1 }
            }
            bytes.removeAll(keepingCapacity: true)
            word = String.UnicodeScalarView()
            ascii = true
            hash = FoldedHash.seed
        }
        for s in text.unicodeScalars {
            if TextFolding.isWordScalar(s) {
                var l = s
                if s.value < 0x80, s.value >= 0x41, s.value <= 0x5A, let lower = Unicode.Scalar(s.value + 32) { l = lower }
                if l.value < 0x80 {
                    bytes.append(UInt8(l.value))
                    hash = FoldedHash.step(hash, UInt8(l.value))
                } else {
                    if ascii { word = String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }) }
                    ascii = false
                }
                if !ascii { word.append(l) }
            } else if !bytes.isEmpty || !ascii {
                count()
                seen += 1
                if seen > 4000 { break }
            }
        }
        if !bytes.isEmpty || !ascii { count() }
        return fr > en ? "fr" : "en"
    }
}
