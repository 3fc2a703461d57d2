/// French names units with a lower-case head and a descriptive complement that ends on a place or an
/// institution: « l’unité de lutte contre la cybercriminalité de la police du Kent », « le service régional
/// de police judiciaire de Lille ». Only a definite article before the head makes it one specific unit
/// (« une unité de police » is not a name), and the complement must reach a capitalised word through de/du/des.
struct FrenchUnitNameMatcher: Sendable {
    private static let heads: FoldedSet = [
        "unite", "service", "office", "brigade", "direction", "section", "division", "sous-direction", "pole",
        "cellule", "groupement", "police", "parquet", "tribunal", "departement", "bureau", "centre", "agence",
    ]
    private static let articles: FoldedSet = ["l", "la", "le"]
    private static let toPlace: FoldedSet = ["de", "du", "des", "d"]
    private static let links: FoldedSet = ["de", "du", "des", "d", "la", "l", "les", "contre", "pour", "aux", "a", "en"]
    /// Adjectives that may follow the head directly: « service régional », « office central ».
    private static let unitAdjectives: FoldedSet = [
        "regional", "regionale", "central", "centrale", "national", "nationale", "departemental", "departementale",
        "interdepartemental", "interdepartementale", "judiciaire", "specialise", "specialisee", "territorial",
        "territoriale", "federal", "federale", "cantonal", "cantonale", "municipal", "municipale", "local", "locale",
        "general", "generale", "interregional", "interregionale", "zonal", "zonale",
    ]

    /// The last token of the name whose head is token `i`, or nil.
    func match(_ doc: TokenizedText, at i: Int, consumed: [Bool]) -> Int? {
        let toks = doc.tokens
        guard i >= 1, i + 2 < doc.count, toks[i].isWord, !toks[i].isCapitalized, Self.heads.contains(toks[i]) else { return nil }
        var a = i - 1
        if toks[a].text == "'" || toks[a].text == "’" { a -= 1 }
        guard a >= 0, Self.articles.contains(toks[a]), doc.sameLine(a, i) else { return nil }
        guard Self.links.contains(toks[i + 1]) || Self.unitAdjectives.contains(toks[i + 1]) else { return nil }
        var k = i + 1
        var previous = i
        // A verb or clause would show as a run of content words: names alternate words and links.
        var contentRun = 0
        while k < doc.count, doc.sameLine(i, k), k - i <= 16, !consumed[k] {
            let t = toks[k]
            if t.isPunct {
                guard t.text == "'" || t.text == "’" || t.text == "-", t.gapBefore == .none else { return nil }
            } else if t.isCapitalized || t.isAllCaps {
                guard Self.toPlace.contains(toks[previous]) else { return nil }
                var last = k
                while last + 1 < doc.count, doc.sameLine(k, last + 1), toks[last + 1].isCapitalized,
                    toks[last + 1].gapBefore == .space
                {
                    last += 1
                }
                return last
            } else if !t.isWord {
                return nil
            } else if Self.links.contains(t) {
                contentRun = 0
            } else {
                contentRun += 1
                guard contentRun <= 2 else { return nil }
            }
            if !t.isPunct { previous = k }
            k += 1
        }
        return nil
    }
}
