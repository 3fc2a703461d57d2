/// Matches multi-word lexicon phrases against the token stream, token by token on folded text.
/// Phrases are tokenised with the same tokenizer so "jusqu'à" or "près d’" line up with the body.
struct PhraseMatcher: Sendable {
    private let byFirst: FoldedMap<[[String]]>
    /// Phrases keyed by their last token, for matching backwards from a position.
    private let byLast: FoldedMap<[[String]]>
    /// One-word phrases: `contains` is then one probe, not a look-up of the candidate list plus a scan of it.
    private let singles: FoldedSet

    init(_ phrases: [String]) {
        var byFirst: [String: [[String]]] = [:]
        var byLast: [String: [[String]]] = [:]
        for p in phrases {
            let toks = TokenizedText(p).tokens.map(\.folded)
            guard let first = toks.first, let last = toks.last else { continue }
            byFirst[first, default: []].append(toks)
            byLast[last, default: []].append(toks)
        }
        for k in byFirst.keys { byFirst[k]?.sort { $0.count > $1.count } }
        for k in byLast.keys { byLast[k]?.sort { $0.count > $1.count } }
        self.byFirst = FoldedMap(byFirst)
        self.byLast = FoldedMap(byLast)
        singles = FoldedSet(byFirst.filter { $0.value.contains { $0.count == 1 } }.keys)
    }

    /// Longest phrase starting at token `i`; returns the index one past its last token.
    func match(in doc: TokenizedText, at i: Int) -> Int? {
        guard i >= 0, i < doc.count, let cands = byFirst.value(doc, i) else { return nil }
        outer: for c in cands {
            guard i + c.count <= doc.count else { continue }
            for k in 1..<max(c.count, 1) where k < c.count {
                let t = doc.tokens[i + k]
                if t.folded != c[k] || t.gapBefore == .lineBreak { continue outer }
            }
            return i + c.count
        }
        return nil
    }

    /// Longest phrase ending at token `i` (inclusive); returns the index of its first token.
    func matchBackward(in doc: TokenizedText, endingAt i: Int) -> Int? {
        guard i >= 0, i < doc.count, let cands = byLast.value(doc, i) else { return nil }
        outer: for c in cands {
            let first = i - c.count + 1
            guard first >= 0 else { continue }
            for k in 0..<c.count {
                let t = doc.tokens[first + k]
                if t.folded != c[k] || (k > 0 && t.gapBefore == .lineBreak) { continue outer }
            }
            return first
        }
        return nil
    }

    func contains(_ folded: String) -> Bool { singles.contains(folded) }

    func contains(_ t: Token) -> Bool { singles.contains(t) }
}
