/// Decides who said a quotation: speech-verb cues before or after it ("X a déclaré :", "said X",
/// "selon X", "Le rapport indique que"), pronoun continuation, or the previous quote's speaker.
struct QuoteAttributor: Sendable {
    let lex: CompiledLexicon

    struct Speaker {
        var name: String?
        var kind: SpeakerKind
    }

    private static let pronouns: FoldedSet = ["il", "elle", "ils", "elles", "he", "she", "they", "t"]
    /// Verbs whose object is the one spoken to: the name after them is never the speaker.
    private static let addresseeVerbs: Set<String> = ["told", "tells", "tell", "telling", "wrote", "writes"]

    func attribute(_ doc: TokenizedText, block: QuoteExtractor.Block, mentions: [EntityMention], previous: Speaker?) -> Speaker? {
        let toks = doc.tokens
        let openTok = doc.tokenIndex(atOrAfter: block.start)
        // Left context: the sentence before the opening mark, or the previous line ending with ':'.
        var leftEnd = openTok - 1
        var leftStart = openTok
        if leftEnd >= 0, toks[leftEnd].line == block.openLine || toks[leftEnd].text == ":" {
            let line = toks[leftEnd].line
            leftStart = leftEnd
            // The punctuation flag first: the String comparisons are only needed on punctuation tokens.
            while leftStart - 1 >= 0, toks[leftStart - 1].line == line,
                !(toks[leftStart - 1].isPunct && [".", "!", "?", "»", "”"].contains(toks[leftStart - 1].text))
            { leftStart -= 1 }
            if toks[leftEnd].line != block.openLine && toks[leftEnd].text != ":" {
                leftStart = openTok
                leftEnd = openTok - 1
            }
        }
        if leftStart <= leftEnd,
            let s = speaker(
                in: doc, leftStart, leftEnd, mentions: mentions, previous: previous, quoteAfter: true, openTok: openTok)
        {
            return s
        }
        if let s = interiorAttribution(doc, block: block, mentions: mentions, previous: previous) { return s }
        // Right context: "…,” said John Smith." / "», a déclaré X." / "he added".
        let closeTok = doc.tokenIndex(atOrAfter: block.end)
        if block.closed, closeTok < doc.count, toks[closeTok].line == block.closeLine {
            var e = closeTok
            // Up to the sentence's end: "…,” Geoffrey Berman, the U.S. attorney for the Southern District of New
            // York, said in a news release." holds a long apposition before its verb.
            while e + 1 < doc.count, toks[e + 1].line == block.closeLine, e - closeTok < 30,
                !(toks[e + 1].isPunct && [".", "!", "?", "«", "“"].contains(toks[e + 1].text)) || isAbbreviationDot(doc, e + 1)
            { e += 1 }
            if let s = speaker(
                in: doc, closeTok, e, mentions: mentions, previous: previous, quoteAfter: false, openTok: openTok)
            {
                return s
            }
        }
        return nil
    }

    private func speaker(
        in doc: TokenizedText, _ a: Int, _ b: Int, mentions: [EntityMention], previous: Speaker?, quoteAfter: Bool,
        openTok: Int
    ) -> Speaker? {
        let toks = doc.tokens
        var verbAt: Int?
        var verbEnd = a
        var k = a
        while k <= b {
            if let e = lex.speechVerbs.match(in: doc, at: k) {
                verbAt = k
                verbEnd = e
                break
            }
            k += 1
        }
        // Mentions are sorted by position: binary-search the window instead of scanning them all.
        var lo = mentions.partitionIndex { $0.firstToken < a }
        var inRange: [EntityMention] = []
        while lo < mentions.count, mentions[lo].firstToken <= b {
            if mentions[lo].lastToken <= b { inRange.append(mentions[lo]) }
            lo += 1
        }
        guard let v = verbAt else {
            // "X :" directly before the quote, or a name alone after it.
            if quoteAfter, toks[b].text == ":", let m = inRange.last(where: { $0.kind == .person }) {
                return Speaker(name: m.name, kind: .person)
            }
            return nil
        }
        let before = inRange.filter { $0.lastToken < v }
        let after = inRange.filter { $0.firstToken >= verbEnd }
        let verb = doc.f(v)
        let docNoun = (a..<v).first { lex.documentNouns.contains(toks[$0]) }
        let isSelon = verb == "selon" || verb == "according" || verb == "d"
        var chosen: EntityMention?
        if isSelon {
            chosen = after.first
        } else if let m = before.last(where: { $0.kind == .person }) {
            chosen = m
        } else if let p = after.first(where: { $0.kind == .person }), p.firstToken - verbEnd <= 14,
            onlyTitlesBetween(doc, verbEnd, p.firstToken, skipping: after)
        {
            // "affirme le commandant de la Police cantonale vaudoise, Jacques Antenen", "a déclaré à l’AFP Catherine
            // De Bolle": an institution named inside the speaker's title (or as the addressee) is not the speaker.
            chosen = p
        } else if let p = after.first(where: { $0.kind == .person }), roleInAppositionBefore(doc, verbEnd, p.firstToken) {
            // "said the head of the national cybercrime unit, Ana Costa".
            chosen = p
        } else if let m = after.first, !Self.addresseeVerbs.contains(verb),
            m.firstToken - verbEnd <= 3 || onlyTitlesBetween(doc, verbEnd, m.firstToken)
        {
            // "He told the BBC: “…”": whoever is told is not who speaks.
            chosen = m
        } else if docNoun == nil, let m = before.last {
            chosen = m
        }
        if let m = chosen {
            return Speaker(name: m.name, kind: m.kind == .person ? .person : .organisation)
        }
        if let d = docNoun {
            let owner = documentOwner(doc, nounAt: d, mentions: mentions) ?? mentions.first { $0.kind == .organisation }?.name
            return Speaker(name: owner, kind: .document)
        }
        // "police said", « indique le parquet »: a generic institution speaks for the one the document names.
        if let institution = institutionSpeaking(
            doc, verbAt: v, verbEnd: verbEnd, within: a...b, mentions: mentions, openTok: openTok)
        {
            return Speaker(name: institution, kind: .organisation)
        }
        // Pronoun continuation: "il a ajouté", "she said", "a-t-il déclaré".
        let window = max(a, v - 3)...min(b, verbEnd + 2)
        // "it added": the organisation named last before the quotation, in its paragraph or the one before.
        if window.contains(where: { toks[$0].folded == "it" }), openTok > 0 {
            let line = toks[openTok - 1].line
            if let m = mentions.last(where: {
                $0.kind == .organisation && $0.lastToken < openTok && toks[$0.firstToken].line >= line - 2
            }) {
                return Speaker(name: m.name, kind: .organisation)
            }
        }
        if window.contains(where: { Self.pronouns.contains(toks[$0]) }) {
            // "Selon sa cheffe, la commissaire X, … « … », souligne-t-elle.": a person named in the paragraph that
            // introduces the quotation is who the pronoun points to, even when someone else was quoted before.
            if let m = personIntroducing(doc, openTok: openTok, mentions: mentions) {
                return Speaker(name: m.name, kind: .person)
            }
            // "Sasse said the charges are overdue. / “Heads needed to roll,” he said.": the person the
            // paragraph (or the one before a quotation that opens its own) is about.
            if let m = paragraphSubject(doc, openTok: openTok, mentions: mentions) {
                return Speaker(name: m.name, kind: .person)
            }
            if let p = previous { return p }
        }
        return nil
    }

    /// The person a paragraph opens on ("Omar asked…", "Sonya A. Zoghlin, Carlineo’s attorney, told…",
    /// "His attorney, Sonya Zoghlin, said…"): the quotation's own paragraph when narrative comes before it,
    /// else the paragraph before, when that one opens with narrative rather than another quotation.
    private func paragraphSubject(_ doc: TokenizedText, openTok: Int, mentions: [EntityMention]) -> EntityMention? {
        guard openTok > 0, openTok <= doc.count else { return nil }
        let toks = doc.tokens
        let openLine = openTok < doc.count ? toks[openTok].line : toks[openTok - 1].line
        var line = toks[openTok - 1].line == openLine ? openLine : toks[openTok - 1].line
        // "He told the BBC: “…”": a paragraph that opens on a pronoun continues the one before it.
        if let first = doc.lineTokens[line].first, Self.pronouns.contains(toks[first]),
            let before = (0..<line).last(where: { !doc.lineTokens[$0].isEmpty })
        {
            line = before
        }
        let lineTokens = doc.lineTokens[line]
        guard let first = lineTokens.first, !QuoteExtractor.opensQuotation(toks[first]) else { return nil }
        let subjectWindow = first..<min(first + 5, lineTokens.upperBound)
        guard
            let subject = mentions.first(where: {
                $0.kind == .person && subjectWindow.contains($0.firstToken) && $0.lastToken < openTok
                    && (first..<$0.firstToken).allSatisfy { !toks[$0].isWord || !toks[$0].isCapitalized || $0 == first }
            })
        else { return nil }
        // Only someone who speaks in that paragraph ("said", "told", "asked"): "Brian Schmidt, 68, was jailed"
        // names a defendant, whom the pronoun does not mean.
        let clause = (subject.lastToken + 1)..<min(subject.lastToken + 16, lineTokens.upperBound)
        return clause.contains { lex.speechVerbs.match(in: doc, at: $0) != nil || Self.speakingVerbs.contains(toks[$0]) }
            ? subject : nil
    }

    /// Verbs of speaking that do not introduce a quotation themselves, but make their subject a speaker.
    private static let speakingVerbs: FoldedSet = ["asked", "spoke", "testified", "argued", "insisted", "wrote"]

    /// The last person mentioned just before a quotation, on its opening line or on the line before it (so a name
    /// from an earlier paragraph never captures the pronoun), and only one introduced with a title or role
    /// ("la commissaire X", "X, porte-parole de …"): a defendant named in passing is not who "il a ajouté" means.
    private func personIntroducing(_ doc: TokenizedText, openTok: Int, mentions: [EntityMention]) -> EntityMention? {
        guard openTok > 0, openTok <= doc.count else { return nil }
        let prevLine = doc.tokens[openTok - 1].line
        guard
            let m = mentions.last(where: {
                $0.kind == .person && $0.lastToken < openTok && doc.tokens[$0.firstToken].line >= prevLine
            })
        else { return nil }
        let toks = doc.tokens
        let titled = { (k: Int) in
            k >= 0 && k < doc.count && (lex.titleWords.contains(toks[k]) || lex.roleWords.contains(toks[k]))
        }
        if titled(m.firstToken - 1) { return m }
        if doc.f(m.lastToken + 1) == ",", titled(m.lastToken + 2) || titled(m.lastToken + 3) { return m }
        return nil
    }

    /// « Nous avons frappé fort, déclare Marie Dupont, directrice de l'office, et nous continuerons. »: an
    /// attribution clause set between commas inside the quotation names its speaker.
    private func interiorAttribution(
        _ doc: TokenizedText, block: QuoteExtractor.Block, mentions: [EntityMention], previous: Speaker?
    ) -> Speaker? {
        let toks = doc.tokens
        let first = doc.tokenIndex(atOrAfter: block.start) + 1
        let last = min(doc.tokenIndex(atOrAfter: block.end), doc.count) - 1
        guard first + 1 < last else { return nil }
        // The clause ends the sentence or is closed by a comma; « selon l’IWF » inside a quotation is what is said.
        let closesClause = { (k: Int) in k <= last && [",", ".", ";"].contains(toks[k].text) }
        // Mentions are sorted by position: only those starting inside the quotation are candidates.
        var lo = mentions.partitionIndex { $0.firstToken < first }
        var inside: [Int: EntityMention] = [:]
        while lo < mentions.count, mentions[lo].firstToken < last {
            if inside[mentions[lo].firstToken] == nil { inside[mentions[lo].firstToken] = mentions[lo] }
            lo += 1
        }
        for k in (first + 1)..<last where toks[k - 1].isPunct && toks[k - 1].text == "," {
            if let verbEnd = lex.speechVerbs.match(in: doc, at: k), verbEnd < last,
                !["selon", "according", "d"].contains(toks[k].folded)
            {
                if let m = (verbEnd...(verbEnd + 3)).lazy.compactMap({ inside[$0] }).first(where: {
                    $0.lastToken < last && closesClause($0.lastToken + 1)
                }) {
                    return Speaker(name: m.name, kind: m.kind == .person ? .person : .organisation)
                }
                // « …, ajoute-t-il, … », "…, he said, …".
                if (k...min(last - 1, verbEnd + 3)).contains(where: { Self.pronouns.contains(toks[$0]) }), let p = previous {
                    return p
                }
            } else if let m = inside[k], m.lastToken + 1 < last,
                let verbEnd = lex.speechVerbs.match(in: doc, at: m.lastToken + 1), closesClause(verbEnd)
            {
                // "…, Ana Costa said, …".
                return Speaker(name: m.name, kind: m.kind == .person ? .person : .organisation)
            }
        }
        return nil
    }

    /// "said the head of the national cybercrime unit, Ana Costa": a role opens the words after the verb and a
    /// comma sets the person's name off at their end.
    private func roleInAppositionBefore(_ doc: TokenizedText, _ verbEnd: Int, _ person: Int) -> Bool {
        let toks = doc.tokens
        guard person - verbEnd >= 2, person - verbEnd <= 18, toks[person - 1].text == "," else { return false }
        let opening = verbEnd..<min(person - 1, verbEnd + 3)
        guard opening.contains(where: { lex.titleWords.contains(toks[$0]) || lex.roleWords.contains(toks[$0]) }) else {
            return false
        }
        return !(verbEnd..<(person - 1)).contains {
            toks[$0].isPunct && toks[$0].text != "'" && toks[$0].text != "’" && toks[$0].text != "-"
        }
    }

    /// The organisation a generic speaker stands for: "police said" → the document's police force, « indique le
    /// parquet » → its prosecutor's office. The nearest such organisation named before the quotation wins, else
    /// the first after it; a speaker word inside an organisation's own name is that organisation's mention.
    private func institutionSpeaking(
        _ doc: TokenizedText, verbAt v: Int, verbEnd: Int, within range: ClosedRange<Int>, mentions: [EntityMention],
        openTok: Int
    ) -> String? {
        let toks = doc.tokens
        let window = Array(max(range.lowerBound, v - 3)..<v) + Array(verbEnd..<min(range.upperBound + 1, verbEnd + 3))
        for k in window where toks[k].isWord {
            guard let stems = lex.institutionSpeakers[token: toks[k]],
                !mentions.contains(where: { $0.firstToken <= k && k <= $0.lastToken })
            else { continue }
            let organisations = mentions.filter { m in
                guard m.kind == .organisation else { return false }
                if stems.isEmpty { return true }
                let name = TextFolding.fold(m.name)
                return stems.contains { name.contains($0) }
            }
            return (organisations.last { $0.lastToken < openTok } ?? organisations.first)?.name
        }
        return nil
    }

    /// The dot of an initial or abbreviation ("U.S.", "Jessica D. Aber") does not end the attribution sentence.
    private func isAbbreviationDot(_ doc: TokenizedText, _ k: Int) -> Bool {
        guard doc.tokens[k].text == ".", k > 0, doc.tokens[k].gapBefore == .none else { return false }
        let p = doc.tokens[k - 1]
        return p.isWord && p.isAllCaps && p.text.unicodeScalars.count == 1
    }

    /// "said U.S. Attorney Jessica D. Aber", "a déclaré la substitute du procureur Hélène Darras": the words
    /// between the verb and the name are a title (title/role words, articles, initials, hyphens), so the name
    /// right after them is still the speaker.
    private func onlyTitlesBetween(_ doc: TokenizedText, _ a: Int, _ b: Int, skipping: [EntityMention] = []) -> Bool {
        guard b > a, b - a <= (skipping.isEmpty ? 10 : 14) else { return false }
        for k in a..<b {
            if skipping.contains(where: { $0.kind == .organisation && $0.firstToken <= k && k <= $0.lastToken }) { continue }
            let t = doc.tokens[k]
            if t.isPunct {
                if [".", "-", "'", "’", ","].contains(t.text) { continue }
                return false
            }
            if lex.titleWords.contains(t) || lex.roleWords.contains(t) || Self.titleGlue.contains(t) { continue }
            if t.isCapitalized && k + 1 < b { continue }
            return false
        }
        return true
    }

    private static let titleGlue: FoldedSet = [
        "the", "le", "la", "l", "du", "de", "des", "of", "in", "for", "u", "s", "charge",
        "sa", "son", "ses", "leur", "his", "her", "its", "their", "general", "generale", "a", "to",
    ]

    /// Whose report: the nearest earlier "<noun> … de/of/by/par ORG" or "ORG's <noun>".
    private func documentOwner(_ doc: TokenizedText, nounAt: Int, mentions: [EntityMention]) -> String? {
        let toks = doc.tokens
        let orgs = mentions.filter { $0.kind == .organisation && $0.firstToken <= nounAt + 12 }
        var k = nounAt
        let floor = max(0, nounAt - 5000)  // bounded look-back keeps very long bodies linear
        while k >= floor {
            if lex.documentNouns.contains(toks[k]) {
                if let m = orgs.first(where: {
                    $0.firstToken > k && $0.firstToken - k <= 12 && toks[$0.firstToken].line == toks[k].line
                }) {
                    let c = doc.f(m.firstToken - 1) == "'" ? doc.f(m.firstToken - 2) : doc.f(m.firstToken - 1)
                    if ["de", "d", "of", "by", "par", "du", "from"].contains(c) { return m.name }
                }
                if let m = orgs.last(where: { $0.lastToken < k && k - $0.lastToken <= 3 && doc.f($0.lastToken + 1) == "'" }) {
                    return m.name
                }
            }
            k -= 1
        }
        return nil
    }
}
