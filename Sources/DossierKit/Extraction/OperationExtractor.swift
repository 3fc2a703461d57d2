/// Finds named operations ("opération Cumberland", "Operation Pacifier", "operation codenamed 'Viper'")
/// and canonicalises them to "Operation X" so French and English texts share one slug.
struct OperationExtractor: Sendable {
    private static let introducers: FoldedSet = [
        "codenamed", "code-named", "dubbed", "called", "named", "baptisee", "baptise",
        "nommee", "denommee", "intitulee", "appelee", "dite", "code",
    ]
    private static let notNames: FoldedSet = ["the", "le", "la", "les", "this", "in", "a", "an", "de", "of", "et", "and", "on"]
    /// The nouns that start a mention; ASCII, so a token equal to one has its hash.
    private static let nouns: FoldedSet = ["operation", "operations", "op"]
    private static let quoteMarks: FoldedSet = ["«", "»", "“", "”", "\"", "'", "‘", "’"]

    func extract(_ doc: TokenizedText, orgTokens: [Bool]) -> (operations: [ExtractedOperation], consumed: [Bool]) {
        var consumed = [Bool](repeating: false, count: doc.count)
        var order: [String] = []
        var bySlug: [String: ExtractedOperation] = [:]
        let toks = doc.tokens
        var i = 0
        while i < doc.count {
            // Hash first: three String comparisons on every token cost more than the rest of this scan.
            guard Self.nouns.mayContain(hash: toks[i].foldedHash) else {
                i += 1
                continue
            }
            let f = toks[i].folded
            guard f == "operation" || f == "operations" || f == "op" && doc.f(i + 1) == "." else {
                i += 1
                continue
            }
            var j = i + 1
            if f == "op" { j += 1 }
            // Optional lower-case adjectives then an introducer: "opération internationale baptisée X".
            var k = j
            var skipped = 0
            var introduced = false
            // "L’opération, baptisée « Maillon »": a comma may separate the noun from its introducer.
            if doc.f(k) == ",", doc.sameLine(i, k), Self.introducers.contains(doc.f(k + 1)) { k += 1 }
            while k < doc.count, doc.sameLine(i, k), skipped < 3, toks[k].isWord, !toks[k].isCapitalized {
                if Self.introducers.contains(toks[k]) {
                    introduced = true
                    j = k + 1
                    if doc.f(j) == "-" { j += 2 }
                    if doc.f(j) == "name" { j += 1 }
                    break
                }
                skipped += 1
                k += 1
            }
            // A colon introduces a name only after an introducer: "involved in the operation: Australia, …" is a list.
            while j < doc.count, doc.sameLine(i, j), Self.quoteMarks.contains(toks[j].text) || toks[j].text == ":" && introduced {
                j += 1
            }
            var nameTokens: [Int] = []
            var m = j
            while m < doc.count, doc.sameLine(i, m), nameTokens.count < 4 {
                let t = toks[m]
                if t.isWord && (t.isCapitalized || t.isAllCaps) && !Self.notNames.contains(t) && !orgTokens[m] {
                    if !nameTokens.isEmpty && t.gapBefore != .space && t.gapBefore != .none { break }
                    nameTokens.append(m)
                    m += 1
                    continue
                }
                if t.text == "-", t.gapBefore == .none, !nameTokens.isEmpty, m + 1 < doc.count, toks[m + 1].gapBefore == .none,
                    toks[m + 1].isWord || toks[m + 1].isNumber
                {
                    nameTokens.append(m)
                    nameTokens.append(m + 1)
                    m += 2
                    continue
                }
                if t.isNumber, !nameTokens.isEmpty, t.gapBefore != .lineBreak, t.text.unicodeScalars.count <= 2 {
                    nameTokens.append(m)
                    m += 1
                    continue
                }
                break
            }
            // "The operation, codenamed ‘Operation Global Chain’": the name repeats the noun.
            if let n = nameTokens.first, ["operation", "op"].contains(toks[n].folded), nameTokens.count > 1 {
                nameTokens.removeFirst()
            }
            guard let firstName = nameTokens.first, let lastName = nameTokens.last else {
                i += 1
                continue
            }
            // A single capitalised word at the start of a sentence after "operation." is not a name.
            if toks[firstName].gapBefore == .none && !Self.quoteMarks.contains(doc.f(firstName - 1))
                && doc.f(firstName - 1) != "-"
            {
                i += 1
                continue
            }
            let name = doc.text(toks[firstName].start, toks[lastName].end)
            let slug = Slug.make(name)
            guard !slug.isEmpty else {
                i += 1
                continue
            }
            var endTok = lastName
            if endTok + 1 < doc.count, Self.quoteMarks.contains(toks[endTok + 1].text), toks[endTok + 1].gapBefore != .lineBreak,
                ["»", "”", "\"", "’", "'"].contains(toks[endTok + 1].text)
            {
                endTok += 1
            }
            let span = doc.span(tokens: i, endTok)
            for k in i...endTok { consumed[k] = true }
            if bySlug[slug] == nil {
                order.append(slug)
                bySlug[slug] = ExtractedOperation(name: "Operation " + name, slug: slug, mentions: [])
            }
            bySlug[slug]?.mentions.append(span)
            i = endTok + 1
        }
        return (order.compactMap { bySlug[$0] }, consumed)
    }
}
