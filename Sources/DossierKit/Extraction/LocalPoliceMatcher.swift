/// A town's or county's police named by its place and a lower-case "police", as news copy writes it:
/// "Forest Hill police officers", "Thames Valley police said". The gazetteer cannot list every force;
/// the place makes it one specific institution, which "the police" or "local police" is not.
/// Its name is "<Place> police", the form "Danish police" has for a country's police (which
/// `NationalPoliceMatcher` finds: a nationality is never a place here).
struct LocalPoliceMatcher: Sendable {
    let lex: CompiledLexicon

    /// Capitalised words that describe a kind of police rather than name a place.
    private static let kinds: FoldedSet = [
        "local", "federal", "state", "city", "county", "municipal", "regional", "national", "military", "border",
        "traffic", "transport", "secret", "riot", "religious", "morality", "tourist", "armed", "plainclothes", "uniformed",
        "other", "some", "many", "most", "all", "no", "foreign", "international", "european", "police",
        "yesterday", "today", "tomorrow", "tonight", "meanwhile", "then", "now", "later", "earlier", "also",
    ]
    static let maximumPlaceWords = 3

    /// The place's first and last tokens and the "police" token, when the place starts at `i`.
    func match(_ doc: TokenizedText, at i: Int) -> (first: Int, last: Int, name: String)? {
        let toks = doc.tokens
        guard toks[i].isCapitalized, !toks[i].isAllCaps || toks[i].scalarCount > 1 else { return nil }
        // The place starts its capitalised run: "Mr Forest Hill police" is not a place.
        if i > 0, doc.sameLine(i - 1, i), toks[i - 1].isWord, toks[i - 1].isCapitalized { return nil }
        var k = i
        while k < doc.count, k - i < Self.maximumPlaceWords, doc.sameLine(i, k), isPlaceWord(toks[k]) { k += 1 }
        guard k > i, k < doc.count, doc.sameLine(i, k), toks[k].text == "police" else { return nil }
        let sentenceStart = i == 0 || !doc.sameLine(i - 1, i) || [".", "!", "?", ":", "\"", "“", "«"].contains(toks[i - 1].text)
        // "Police said" and "Local police said" open sentences; one capitalised word there is no evidence of a place.
        if sentenceStart && k - i < 2 { return nil }
        let place = doc.text(toks[i].start, toks[k - 1].end)
        return (i, k, "\(place) police")
    }

    private func isPlaceWord(_ t: Token) -> Bool {
        t.isWord && t.isCapitalized && !t.inLink && !Self.kinds.contains(t) && !lex.isStopWord(t, language: "en")
            && !NationalPoliceMatcher.isEnglishNationality(t)
            && !lex.titleWords.contains(t) && !lex.honorifics.contains(t) && !lex.givenNames.contains(t)
            && lex.months[token: t] == nil && !lex.weekdays.contains(t)
    }
}
