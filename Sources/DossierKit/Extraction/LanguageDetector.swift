/// Decides French vs English from stop-word counts; cheap and reliable on press-release prose.
public enum LanguageDetector {
    private static let french: Set<String> = ["le", "la", "les", "des", "du", "est", "et", "une", "que", "qui", "dans",
                                               "pour", "sur", "pas", "au", "aux", "ont", "été", "par", "avec", "ce", "cette", "il", "sont"]
    private static let english: Set<String> = ["the", "and", "of", "to", "is", "was", "were", "that", "with", "for", "by",
                                                "has", "have", "from", "are", "this", "it", "be", "been", "which", "their", "said"]

    public static func detect(_ text: String) -> String {
        var fr = 0
        var en = 0
        var word = ""
        var seen = 0
        for s in text.unicodeScalars {
            if TextFolding.isWordScalar(s) {
                if s.value < 0x80, s.value >= 0x41, s.value <= 0x5A, let l = Unicode.Scalar(s.value + 32) { word.unicodeScalars.append(l) } else { word.unicodeScalars.append(s) }
            } else if !word.isEmpty {
                if french.contains(word) { fr += 1 } else if english.contains(word) { en += 1 }
                word = ""
                seen += 1
                if seen > 4000 { break }
            }
        }
        if !word.isEmpty { if french.contains(word) { fr += 1 } else if english.contains(word) { en += 1 } }
        return fr > en ? "fr" : "en"
    }
}
