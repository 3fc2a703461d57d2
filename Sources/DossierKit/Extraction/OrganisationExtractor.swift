/// Finds organisations: gazetteer names and aliases (acronyms case-sensitive, apostrophe and
/// no-break-space variants folded), acronyms defined in the text ("National Crime Agency (NCA)"),
/// and capitalised institution names built on a head word ("Metropolitan Police Service").
struct OrganisationExtractor: Sendable {
    private static let connectors: FoldedSet = ["de", "des", "du", "d", "la", "l", "'", "’", "pour", "contre", "et", "aux", "a"]
    private static let determiners: FoldedSet = [
        "le", "la", "les", "the", "a", "an", "un", "une", "l", "au", "aux", "du", "des", "par", "by", "with", "avec", "et", "and",
        "pour", "for", "from", "of",
    ]
    /// A bracketed acronym followed by one of these names a tool, not an institution: "the International Child
    /// Sexual Exploitation (ICSE) database", "le Système d’information Schengen (SIS) logiciel".
    private static let nonInstitutionNouns: FoldedSet = [
        "database", "databases", "system", "software", "tool", "app", "application", "programme", "program", "website",
        "logiciel", "fichier", "outil", "systeme", "base", "protocol", "protocole",
    ]
    struct AliasEntry: Sendable {
        let folded: [String]
        let original: [String]
        let caseSensitive: Bool
        let org: Int
    }

    private static let orgStart: FoldedSet = [
        "the", "le", "la", "les", "l", "a", "an", "un", "une", "this", "these", "those", "in", "on",
        "at", "for", "by", "with", "from", "to", "and", "et", "ou", "or", "des", "du", "de", "il", "elle",
        "we", "our", "their", "its", "his", "her", "since", "after", "during", "while", "when", "but",
    ]
    let gazetteer: Gazetteer
    let lex: CompiledLexicon
    private let byFirst: FoldedMap<[AliasEntry]>
    private var acronymOwner: [String: Int] = [:]
    /// Slug of a gazetteer name or alias → organisation, so "Danish police" found by the nationality
    /// rule joins the gazetteer's "Danish law enforcement".
    private var ownerBySlug: [String: Int] = [:]
    private let nationalPolice = NationalPoliceMatcher()
    private let localPolice: LocalPoliceMatcher
    private let courts = CourtMatcher()
    private let frenchUnits = FrenchUnitNameMatcher()
    /// The first words of gazetteer aliases, national police and courts: one probe of a token's hash rules out
    /// all three matchers for the many tokens that start none (each would otherwise be called and probe its own).
    private let matcherFirstWords: FoldedSet

    init(gazetteer: Gazetteer, lex: CompiledLexicon) {
        self.gazetteer = gazetteer
        self.lex = lex
        self.localPolice = LocalPoliceMatcher(lex: lex)
        var byFirst: [String: [AliasEntry]] = [:]
        for (idx, org) in gazetteer.organisations.enumerated() {
            var texts = org.aliases.map(\.text) + [org.name]
            if let a = org.acronym {
                texts.append(a)
                if acronymOwner[a] == nil { acronymOwner[a] = idx }
            }
            for text in texts where ownerBySlug[Slug.make(text)] == nil { ownerBySlug[Slug.make(text)] = idx }
            for text in texts {
                let toks = TokenizedText(text).tokens
                guard let first = toks.first else { continue }
                let caseSensitive =
                    !toks.contains { $0.isWord && !$0.isAllCaps }
                    || toks.count == 1 && toks[0].text != toks[0].text.lowercased()
                        && toks[0].text.unicodeScalars.dropFirst().contains { $0.properties.isUppercase }
                let e = AliasEntry(
                    folded: toks.map(\.folded), original: toks.map { Self.unifyApostrophe($0.text) },
                    caseSensitive: caseSensitive, org: idx)
                byFirst[first.folded, default: []].append(e)
                if toks.count == 1 && caseSensitive && acronymOwner[first.text] == nil { acronymOwner[first.text] = idx }
            }
        }
        for k in byFirst.keys { byFirst[k]?.sort { $0.folded.count > $1.folded.count } }
        self.byFirst = FoldedMap(byFirst)
        matcherFirstWords = FoldedSet(byFirst.keys + NationalPoliceMatcher.firstWords + CourtMatcher.firstWords)
    }

    private static func unifyApostrophe(_ s: String) -> String {
        s == "’" || s == "‘" ? "'" : s
    }

    struct Result {
        var organisations: [ExtractedOrganisation]
        var mentions: [EntityMention]
        var consumed: [Bool]
    }

    func extract(_ doc: TokenizedText, language: String) -> Result {
        var consumed = [Bool](repeating: false, count: doc.count)
        var order: [String] = []
        var orgs: [String: ExtractedOrganisation] = [:]
        var mentions: [EntityMention] = []
        var localAcronyms: [String: String] = [:]  // acronym text -> slug
        var localLongNames: [String: [(words: [String], slug: String)]] = [:]  // first folded word -> long names
        func remember(_ first: Int, _ last: Int, slug: String) {
            let words = toks[first...last].map(\.folded)
            guard words.count >= 2, let head = words.first else { return }
            localLongNames[head, default: []].append((words, slug))
        }
        let toks = doc.tokens

        func add(slug: String, name: String, acronym: String?, first: Int, last: Int) {
            if orgs[slug] == nil {
                order.append(slug)
                orgs[slug] = ExtractedOrganisation(name: name, slug: slug, acronym: acronym, mentions: [])
            }
            orgs[slug]?.mentions.append(doc.span(tokens: first, last))
            mentions.append(
                EntityMention(firstToken: first, lastToken: last, name: orgs[slug]?.name ?? name, kind: .organisation))
            for k in first...last { consumed[k] = true }
        }

        let matcherFirstWords = self.matcherFirstWords
        let isFrench = language == "fr"
        var i = 0
        while i < doc.count {
            if toks[i].inLink || toks[i].isNumber {
                // "Cybertip.ca": a gazetteer name written like a domain is the whole link, not a part of a URL.
                if toks[i].inLink, i == 0 || !toks[i - 1].inLink || toks[i].gapBefore != .none,
                    let (entry, end) = matchAlias(doc, i, language: language),
                    end == doc.count || !toks[end].inLink || toks[end].gapBefore != .none
                {
                    let org = gazetteer.organisations[entry.org]
                    add(slug: org.slug, name: org.name, acronym: org.acronym, first: i, last: end - 1)
                    i = end
                    continue
                }
                i += 1
                continue
            }
            let mayStartMatch = matcherFirstWords.mayContain(hash: toks[i].foldedHash)
            if mayStartMatch, let (entry, end) = matchAlias(doc, i, language: language) {
                let org = gazetteer.organisations[entry.org]
                if let last = jurisdictionEnd(doc, aliasEnd: end) {
                    // "U.S. Attorney’s Office for the Eastern District of Virginia": one specific office.
                    let name = doc.text(toks[i].start, toks[last].end)
                    add(slug: Slug.make(name), name: name, acronym: nil, first: i, last: last)
                    i = last + 1
                    continue
                }
                add(slug: org.slug, name: org.name, acronym: org.acronym, first: i, last: end - 1)
                i = end
                continue
            }
            if mayStartMatch, !consumed[i], let m = nationalPolice.match(doc, at: i) {
                if let owner = ownerBySlug[Slug.make(m.name)] {
                    let org = gazetteer.organisations[owner]
                    add(slug: org.slug, name: org.name, acronym: org.acronym, first: m.first, last: m.last)
                } else {
                    add(slug: Slug.make(m.name), name: m.name, acronym: nil, first: m.first, last: m.last)
                }
                i = m.last + 1
                continue
            }
            if !isFrench, toks[i].isCapitalized, !consumed[i], let m = localPolice.match(doc, at: i),
                !(m.first...m.last).contains(where: { consumed[$0] })
            {
                add(slug: Slug.make(m.name), name: m.name, acronym: nil, first: m.first, last: m.last)
                i = m.last + 1
                continue
            }
            if mayStartMatch, !consumed[i], let m = courts.match(doc, at: i) {
                add(slug: Slug.make(m.name), name: m.name, acronym: nil, first: m.first, last: m.last)
                i = m.last + 1
                continue
            }
            // A long name defined earlier with its acronym, mentioned again in full ("de la Sûreté du Québec").
            if let (slug, end) = matchLocalLongName(doc, i, localLongNames) {
                add(slug: slug, name: orgs[slug]?.name ?? "", acronym: orgs[slug]?.acronym, first: i, last: end - 1)
                i = end
                continue
            }
            // All-caps test first: it is a field load, the dictionary look-up hashes the text.
            if toks[i].isAllCaps, let slug = localAcronyms[toks[i].text], let acr = acronymAt(doc, i),
                acr.text == toks[i].text || localAcronyms[acr.text] != nil
            {
                let key = localAcronyms[acr.text] ?? slug
                add(slug: key, name: orgs[key]?.name ?? acr.text, acronym: acr.text, first: i, last: acr.last)
                i = acr.last + 1
                continue
            }
            // Acronym definition: "long name (ACR)".
            if toks[i].isPunct, toks[i].text == "(", let acr = acronymAt(doc, i + 1), acr.last + 1 < doc.count,
                toks[acr.last + 1].text == ")",
                !Self.nonInstitutionNouns.contains(doc.f(acr.last + 2)) || acronymOwner[acr.text] != nil
            {
                if let owner = acronymOwner[acr.text] {
                    // "Australian Federal Police (AFP)": the acronym belongs to the name it follows.
                    let named = mentions.last.flatMap { m in
                        m.lastToken == i - 1
                            ? gazetteer.organisations.firstIndex { $0.name == m.name && $0.acronym == acr.text } : nil
                    }
                    let org = gazetteer.organisations[named ?? owner]
                    add(slug: org.slug, name: org.name, acronym: org.acronym ?? acr.text, first: i + 1, last: acr.last)
                } else if let (nameFirst, nameLast) = longName(doc, before: i, acronym: acr.text, consumed: consumed) {
                    let name = doc.text(toks[nameFirst].start, toks[nameLast].end)
                    let slug = Slug.make(acr.text)
                    localAcronyms[acr.text] = slug
                    add(slug: slug, name: name, acronym: acr.text, first: nameFirst, last: nameLast)
                    add(slug: slug, name: name, acronym: acr.text, first: i + 1, last: acr.last)
                    remember(nameFirst, nameLast, slug: slug)
                }
                i = acr.last + 2
                continue
            }
            if isFrench, toks[i].isWord, !toks[i].isCapitalized, !consumed[i],
                let last = frenchUnits.match(doc, at: i, consumed: consumed),
                !(i...last).contains(where: { toks[$0].isCapitalized && isKnownStart(doc, $0, localLongNames) })
            {
                let name = Self.capitalisingFirst(doc.text(toks[i].start, toks[last].end))
                add(slug: Slug.make(name), name: name, acronym: nil, first: i, last: last)
                i = last + 1
                continue
            }
            // "Ameripol", "Aseanapol", "Afripol": a one-word name built like Europol and Interpol.
            if toks[i].isCapitalized, !toks[i].isAllCaps, toks[i].scalarCount >= 6, !consumed[i], Self.endsInPol(toks[i]) {
                add(slug: Slug.make(toks[i].text), name: toks[i].text, acronym: nil, first: i, last: i)
                i += 1
                continue
            }
            if toks[i].isCapitalized || Self.lowerCaseHeadNamesOne(doc, i), !consumed[i],
                let (first, last) = headWordName(doc, i, consumed: consumed, localLongNames: localLongNames)
            {
                // "Yesterday National Crime Agency officers…": a known name starting later in the run is where the
                // organisation starts; the words before it are the sentence's.
                if last > first,
                    (first + 1...last).contains(where: {
                        toks[$0].isCapitalized
                            && (matcherFirstWords.mayContain(hash: toks[$0].foldedHash) || localLongNames[toks[$0].folded] != nil)
                            && isKnownStart(doc, $0, localLongNames)
                    })
                {
                    i += 1
                    continue
                }
                var first = first
                // "FBI Washington Field Office": a unit named after its parent's acronym is one name with it.
                if first >= 1, let parent = mentions.last, parent.lastToken == first - 1, parent.firstToken == first - 1,
                    toks[first - 1].isAllCaps, toks[first].gapBefore == .space, !Self.isAcronymDefinition(doc, first - 1)
                {
                    mentions.removeLast()
                    if let parentSlug = order.first(where: { orgs[$0]?.name == parent.name }) {
                        orgs[parentSlug]?.mentions.removeLast()
                        if orgs[parentSlug]?.mentions.isEmpty == true {
                            orgs[parentSlug] = nil
                            order.removeAll { $0 == parentSlug }
                        }
                    }
                    first -= 1
                }
                // "l’AX (Agence X)": an acronym defined by the name in brackets after it.
                if first >= 2, toks[first - 1].text == "(", last + 1 < doc.count, toks[last + 1].text == ")",
                    let acr = acronymAt(doc, first - 2), acr.last == first - 2, !consumed[first - 2],
                    acronymOwner[acr.text] == nil
                {
                    let name = doc.text(toks[first].start, toks[last].end)
                    let slug = Slug.make(acr.text)
                    localAcronyms[acr.text] = slug
                    add(slug: slug, name: name, acronym: acr.text, first: first - 2, last: first - 2)
                    add(slug: slug, name: name, acronym: acr.text, first: first, last: last)
                    remember(first, last, slug: slug)
                    i = last + 2
                    continue
                }
                let name = doc.text(toks[first].start, toks[last].end)
                // "Child Rescue Coalition (CRC)": the acronym defined right after belongs to this name.
                if last + 3 < doc.count, toks[last + 1].text == "(", let acr = acronymAt(doc, last + 2), acr.last + 1 < doc.count,
                    toks[acr.last + 1].text == ")", acronymOwner[acr.text] == nil
                {
                    let slug = Slug.make(acr.text)
                    localAcronyms[acr.text] = slug
                    add(slug: slug, name: name, acronym: acr.text, first: first, last: last)
                    add(slug: slug, name: name, acronym: acr.text, first: last + 2, last: acr.last)
                    remember(first, last, slug: slug)
                    i = acr.last + 2
                    continue
                }
                add(slug: Slug.make(name), name: name, acronym: nil, first: first, last: last)
                i = last + 1
                continue
            }
            i += 1
        }
        Self.mergeShortForms(&orgs, order: &order, mentions: &mentions)
        return Result(organisations: order.compactMap { orgs[$0] }, mentions: mentions, consumed: consumed)
    }

    /// "Ameripol": the folded word ends in "pol" (compared on its UTF-8 bytes).
    private static func endsInPol(_ t: Token) -> Bool {
        t.folded.utf8.suffix(3).elementsEqual("pol".utf8)
    }

    /// "(FBI)" is an acronym's definition, not a parent's name.
    private static func isAcronymDefinition(_ doc: TokenizedText, _ k: Int) -> Bool {
        k >= 1 && doc.tokens[k - 1].text == "("
    }

    /// « unité de lutte … » → « Unité de lutte … »: an organisation's name starts with a capital.
    private static func capitalisingFirst(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    /// "l’Office central" after "l’Office central pour la répression des violences aux personnes": a name of two
    /// words or more that starts exactly one longer name of the document is that organisation's short form.
    private static func mergeShortForms(
        _ orgs: inout [String: ExtractedOrganisation], order: inout [String], mentions: inout [EntityMention]
    ) {
        guard order.count > 1 else { return }
        let words = { (name: String) in TokenizedText(name).tokens.filter(\.isWord).map(\.folded) }
        let named = order.compactMap { slug in orgs[slug].map { (slug: slug, words: words($0.name)) } }
        for short in named where short.words.count >= 2 {
            let longer = named.filter {
                $0.words.count > short.words.count && Array($0.words.prefix(short.words.count)) == short.words
            }
            guard longer.count == 1, let long = longer.first, let shortName = orgs[short.slug]?.name,
                let longName = orgs[long.slug]?.name
            else { continue }
            let shortMentions = orgs[short.slug]?.mentions ?? []
            orgs[long.slug]?.mentions += shortMentions
            orgs[long.slug]?.mentions.sort { $0.start < $1.start }
            orgs[short.slug] = nil
            order.removeAll { $0 == short.slug }
            mentions.rename(.organisation, from: shortName, to: longName)
        }
    }

    private func matchAlias(_ doc: TokenizedText, _ i: Int, language: String? = nil) -> (AliasEntry, Int)? {
        let toks = doc.tokens
        guard let cands = byFirst.value(doc, i) else { return nil }
        // Whole words only: not glued to a preceding letter run.
        if i > 0, toks[i].gapBefore == .none, toks[i - 1].isWord || toks[i - 1].isNumber { return nil }
        outer: for e in cands {
            let end = i + e.folded.count
            guard end <= doc.count else { continue }
            for k in 0..<e.folded.count {
                let t = toks[i + k]
                if t.folded != e.folded[k] || (k > 0 && t.gapBefore == .lineBreak) { continue outer }
                if e.caseSensitive && Self.unifyApostrophe(t.text) != e.original[k] { continue outer }
            }
            if end < doc.count, toks[end].gapBefore == .none, toks[end].isWord || toks[end].isNumber { continue }
            if end < doc.count, toks[end].gapBefore == .none, toks[end].text == "-", end + 1 < doc.count, toks[end + 1].isWord,
                toks[end + 1].gapBefore == .none
            {
                continue
            }
            // A lower-case single word alias must be capitalised in the text ("Europol", not "europol" as a common word).
            if !e.caseSensitive && e.folded.count == 1 && !toks[i].isCapitalized { continue }
            // "AFP" is Agence France-Presse in French copy and the Australian Federal Police in English: of the
            // organisations sharing the alias, the one with a name in the document's language.
            if let language,
                let preferred = cands.first(where: { other in
                    other.folded == e.folded && other.original == e.original
                        && gazetteer.organisations[other.org].aliases.contains { $0.language == language }
                })
            {
                return (preferred, end)
            }
            return (e, end)
        }
        return nil
    }

    /// An all-caps acronym token group at `i`: "NCA", "J-CAT", "EC3".
    private func acronymAt(_ doc: TokenizedText, _ i: Int) -> (text: String, last: Int)? {
        let toks = doc.tokens
        guard i < doc.count, toks[i].isWord,
            toks[i].isAllCaps || toks[i].text.unicodeScalars.filter({ $0.properties.isUppercase }).count >= 2
        else { return nil }
        var last = i
        var text = toks[i].text
        while last + 1 < doc.count, toks[last + 1].gapBefore == .none {
            let n = toks[last + 1]
            if n.isNumber || n.isWord && n.isAllCaps {
                text += n.text
                last += 1
                continue
            }
            if n.text == "-" || n.text == "&", last + 2 < doc.count, toks[last + 2].gapBefore == .none,
                toks[last + 2].isAllCaps || toks[last + 2].isNumber
            {
                text += n.text
                last += 1
                continue
            }
            break
        }
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        guard letters >= 2, text.unicodeScalars.count <= 10 else { return nil }
        return (text, last)
    }

    /// Walks back from "(" over the defined name; accepts it only if it holds an institution head word.
    private func longName(_ doc: TokenizedText, before paren: Int, acronym: String, consumed: [Bool]) -> (Int, Int)? {
        let toks = doc.tokens
        let last = paren - 1
        guard last >= 0, doc.sameLine(last, paren), toks[last].isWord else { return nil }
        var first = last
        var k = last
        var steps = 0
        while k >= 0, doc.sameLine(k, last), steps < 12 {
            let t = toks[k]
            if t.isPunct && t.text != "'" && t.text != "’" && t.text != "-" && t.text != "&" { break }
            if consumed[k] { break }
            if t.isWord && Self.determiners.contains(t) {
                // "de l'action", "of the": inside the name when preceded by de/of.
                let p = doc.f(k - 1)
                let inside =
                    (t.folded == "l" || t.folded == "la" || t.folded == "the" || t.folded == "des" || t.folded == "du"
                        || t.folded == "and" || t.folded == "et" || t.folded == "of" || t.folded == "for" || t.folded == "pour")
                    && (p == "de" || p == "of" || p == "d"
                        || toks.indices.contains(k - 1) && toks[k - 1].isCapitalized && t.folded != "du" && t.folded != "des")
                if !inside || t.folded == "a" || t.folded == "an" || t.folded == "un" || t.folded == "une" { break }
            }
            if t.isWord && lex.isStopWord(t, language: "fr")
                && !["de", "des", "du", "d", "la", "l", "en", "et", "pour"].contains(t.folded)
                && lex.isStopWord(t, language: "en") && !["of", "the", "for", "and"].contains(t.folded)
            {
                break
            }
            first = k
            k -= 1
            steps += 1
        }
        // Trim leading connectors.
        while first < last,
            ["de", "des", "du", "d", "'", "’", "of", "the", "and", "et", "l", "la", "en"].contains(toks[first].folded)
        { first += 1 }
        guard first < last else { return capitalisedHead(doc, before: paren, acronym: acronym, consumed: consumed) }
        let words = toks[first...last].filter(\.isWord).map(\.folded)
        let hasHead = words.contains { lex.orgHeadsFR.contains($0) || lex.orgHeadsEN.contains($0) || $0 == "taskforce" }
        guard hasHead else { return capitalisedHead(doc, before: paren, acronym: acronym, consumed: consumed) }
        return (first, last)
    }

    /// Fallback for names without a head word: "la Juridiction nationale de lutte contre la criminalité organisée
    /// (JUNALCO)", "La Sûreté du Québec (SQ)". The bracketed acronym defines the span back to the nearest
    /// capitalised word carrying its initial, across lower-case words and articles but not punctuation.
    private func capitalisedHead(_ doc: TokenizedText, before paren: Int, acronym: String, consumed: [Bool]) -> (Int, Int)? {
        let toks = doc.tokens
        let last = paren - 1
        guard last >= 0, doc.sameLine(last, paren) else { return nil }
        let initial = Self.initial(acronym)
        var k = last
        while k >= 0, doc.sameLine(k, last), last - k <= 12, !consumed[k] {
            let t = toks[k]
            if t.isPunct && t.text != "'" && t.text != "’" && t.text != "-" && t.text != "&" { return nil }
            if t.isNumber { return nil }
            let sentenceStart = k == 0 || !doc.sameLine(k - 1, k) || [".", "!", "?", ":", "–", "-"].contains(toks[k - 1].text)
            if t.isWord, t.isCapitalized, Self.initial(t.folded) == initial, !Self.determiners.contains(t),
                !(sentenceStart && last - k < 1)
            {
                return k < last ? (k, last) : nil
            }
            k -= 1
        }
        return nil
    }

    /// "Metropolitan Police Service", "National Center for Missing Children", "Brigade de protection des mineurs".
    private func headWordName(
        _ doc: TokenizedText, _ i: Int, consumed: [Bool],
        localLongNames: [String: [(words: [String], slug: String)]]
    ) -> (Int, Int)? {
        let toks = doc.tokens
        // English: capitalised run ending in a head word.
        var k = i
        var lastCap = i
        var words = 0
        while k < doc.count, doc.sameLine(i, k), words < 7 {
            let t = toks[k]
            if consumed[k] || t.inLink { break }
            if t.isWord && t.isCapitalized && !Self.orgStart.contains(t) && lex.months[token: t] == nil
                && !lex.weekdays.contains(t)
            {
                lastCap = k
                words += 1
                k += 1
                continue
            }
            if t.isWord && ["of", "for", "and", "on"].contains(t.folded) && k > i {
                k += 1
                continue
            }
            // "Office for the Eastern District of Virginia": "the" inside the name after "of"/"for".
            if t.folded == "the", k >= i + 2, ["of", "for"].contains(doc.f(k - 1)), lex.orgHeadsEN.contains(toks[k - 2]),
                k + 1 < doc.count, toks[k + 1].isCapitalized
            {
                k += 1
                continue
            }
            if t.text == "&" && k > i {
                k += 1
                continue
            }
            // "Bartholomew County Sheriff’s Department", "Westminster Magistrates' Court": a possessive inside.
            if t.isPunct, k > i, t.gapBefore == .none, t.text == "'" || t.text == "’" {
                let glued = k + 1 < doc.count && toks[k + 1].gapBefore == .none && toks[k + 1].folded == "s"
                let next = glued ? k + 2 : k + 1
                if next < doc.count, doc.sameLine(k, next), toks[next].isCapitalized, glued || toks[k - 1].folded.hasSuffix("s") {
                    k = next
                    continue
                }
            }
            break
        }
        // "Inspector Fionnuala Brennan of West Yorkshire Police": a titled name before "of" is a person,
        // and the institution is what follows the "of".
        if lastCap > i, lex.orgHeadsEN.contains(toks[lastCap]), toks[lastCap].isCapitalized,
            let of = (i..<lastCap).last(where: { doc.f($0) == "of" }), of + 1 < lastCap, titledName(doc, from: i, before: of)
        {
            return (of + 1, lastCap)
        }
        // "District Court for the Eastern District of Virginia": a head followed by its jurisdiction.
        if lastCap > i, !lex.orgHeadsEN.contains(toks[lastCap]),
            let h = (i..<lastCap).first(where: {
                lex.orgHeadsEN.contains(toks[$0]) && toks[$0].isCapitalized && ["for", "of"].contains(doc.f($0 + 1))
            }),
            h > i, jurisdictionEnd(doc, aliasEnd: h + 1) == lastCap
        {
            return (i, lastCap)
        }
        // "Executive Director of Police Services", "Head of Unit": a job title, not an institution.
        // "Director of Police Services" read from "Police": the complement of a title is not an institution either.
        let startsWithTitle =
            i + 1 < doc.count && lex.roleWords.contains(toks[i])
            && (lex.roleWords.contains(toks[i + 1]) || doc.f(i + 1) == "of")
            || i >= 2 && doc.f(i - 1) == "of" && lex.roleWords.contains(toks[i - 2]) && toks[i - 2].isCapitalized
        if lastCap > i, !startsWithTitle, lex.orgHeadsEN.contains(toks[lastCap]), toks[lastCap].isCapitalized {
            let sentenceStart = i == 0 || !doc.sameLine(i - 1, i) || [".", "!", "?", ":"].contains(toks[i - 1].text)
            if words >= 2
                && !(sentenceStart && words < 3 && !lex.givenNames.contains(toks[i]) && lex.isStopWord(toks[i], language: "en"))
            {
                // "Australian Centre to Counter Child Exploitation (ACCCE)": the bracketed acronym fixes the end.
                return (i, acronymDefinedEnd(doc, head: i, from: lastCap, consumed: consumed) ?? lastCap)
            }
        }
        // "NSW Police Force Detective Superintendent Mark Brennan said": the name ends at the head a title follows.
        if lastCap > i, !startsWithTitle, !lex.orgHeadsEN.contains(toks[lastCap]),
            let h = (i..<lastCap).last(where: {
                lex.orgHeadsEN.contains(toks[$0]) && toks[$0].isCapitalized && lex.titleWords.contains(toks[$0 + 1])
                    && toks[$0 + 1].isCapitalized
            }),
            h > i
        {
            return (i, h)
        }
        // "Ontario Court of Justice", "Ministry of Justice": a capitalised head with an "of" complement.
        if lastCap > i, !startsWithTitle, toks[lastCap].isCapitalized,
            let h = (i..<lastCap).last(where: {
                lex.orgHeadsEN.contains(toks[$0]) && toks[$0].isCapitalized && doc.f($0 + 1) == "of"
            }),
            h > i, !(h + 2...lastCap).contains(where: { lex.orgHeadsEN.contains(toks[$0]) || doc.f($0) == "of" && $0 > h + 1 }),
            lastCap - h <= 3
        {
            return (i, lastCap)
        }
        // French: capitalised head word then its complement.
        guard !startsWithTitle, lex.orgHeadsFR.contains(doc, i), toks[i].isCapitalized || Self.lowerCaseHeadNamesOne(doc, i),
            i > 0, doc.sameLine(i - 1, i), ![".", "!", "?", ":", "«", "“", "\""].contains(toks[i - 1].text)
        else { return nil }
        var last = i
        k = i + 1
        var count = 0
        while k < doc.count, doc.sameLine(i, k), count < 7 {
            let t = toks[k]
            if consumed[k] { break }
            // "des Outre-mer": a hyphenated word stays whole.
            if t.text == "-", t.gapBefore == .none, last == k - 1, k + 1 < doc.count, toks[k + 1].isWord,
                toks[k + 1].gapBefore == .none
            {
                last = k + 1
                k += 2
                count += 1
                continue
            }
            // An unaccented "a" is the verb ("Ministère public central a ouvert"), never the preposition "à".
            if t.text == "a" || t.text == "A" { break }
            if t.isWord && Self.connectors.contains(t) || t.text == "'" || t.text == "’" {
                k += 1
                count += 1
                continue
            }
            // "Direction des enquêtes criminelles de la Sûreté du Québec": a nested institution ends this one.
            if t.isCapitalized, isKnownStart(doc, k, localLongNames) { break }
            // "NSW Police Force Detective Superintendent Mark Brennan": a capitalised title starts a person.
            if t.isCapitalized && k > i + 1 && (lex.titleWords.contains(t) || lex.roleWords.contains(t)) { break }
            if t.isWord && !lex.isStopWord(t, language: "fr") && !lex.speechVerbs.contains(t) {
                last = k
                k += 1
                count += 1
                continue
            }
            break
        }
        // "Police Service and Europol": a trailing connector belongs to the sentence, not the name.
        while last > i, ["and", "et", "of", "for"].contains(toks[last].folded) { last -= 1 }
        // "des Outre-mer" reached at the end of the word budget: a hyphenated word stays whole.
        if last > i, last + 2 < doc.count, toks[last + 1].text == "-", toks[last + 1].gapBefore == .none,
            toks[last + 2].isWord, toks[last + 2].gapBefore == .none, !consumed[last + 2]
        {
            last += 2
        }
        guard last > i else { return nil }
        return (i, acronymDefinedEnd(doc, head: i, from: last, consumed: consumed) ?? last)
    }

    /// A capitalised title followed by two or more capitalised words that are neither titles nor
    /// institution heads, all before `end`: "Detective Inspector Fionnuala Brennan".
    private func titledName(_ doc: TokenizedText, from start: Int, before end: Int) -> Bool {
        let toks = doc.tokens
        guard let title = (start..<end).last(where: { lex.titleWords.contains(toks[$0]) && toks[$0].isCapitalized }) else {
            return false
        }
        let name = (title + 1)..<end
        return name.count >= 2
            && name.allSatisfy {
                toks[$0].isWord && toks[$0].isCapitalized && !lex.titleWords.contains(toks[$0])
                    && !lex.orgHeadsEN.contains(toks[$0])
            }
    }

    private static let ministereHash = FoldedHash.of("ministere")

    /// French writes ministries with a lower-case head and a capitalised portfolio: "ministère de l’Intérieur",
    /// "ministère de la Justice". Only this head qualifies, and only before de/du + a capitalised word.
    /// Called on every lower-case token: the hash test (an ASCII word is equal only when its bytes are) is
    /// inlined into the caller, the rest runs out of line for the rare token with that hash.
    @inline(__always)
    private static func lowerCaseHeadNamesOne(_ doc: TokenizedText, _ i: Int) -> Bool {
        i >= 0 && i < doc.count && doc.tokens[i].foldedHash == ministereHash && ministryNamedAt(doc, i)
    }

    private static func ministryNamedAt(_ doc: TokenizedText, _ i: Int) -> Bool {
        guard doc.f(i) == "ministere" else { return false }
        var k = i + 1
        while k < doc.count, k <= i + 3, ["de", "du", "des", "d", "la", "l", "'", "’"].contains(doc.f(k)) { k += 1 }
        return k > i + 1 && k < doc.count && doc.sameLine(i, k) && doc.tokens[k].isCapitalized
    }

    /// A gazetteer name ending in an institution head and followed by its jurisdiction, "for the Eastern District
    /// of Virginia", "for the District of Columbia": the last token of the jurisdiction, or nil.
    private func jurisdictionEnd(_ doc: TokenizedText, aliasEnd end: Int) -> Int? {
        let toks = doc.tokens
        guard end < doc.count, end >= 1, lex.orgHeadsEN.contains(toks[end - 1]), ["for", "of"].contains(doc.f(end)),
            doc.sameLine(end - 1, end)
        else { return nil }
        var k = end + 1
        if doc.f(k) == "the" { k += 1 }
        var last: Int?
        while k < doc.count, doc.sameLine(end, k), k - end <= 8 {
            if toks[k].isWord, toks[k].isCapitalized {
                last = k
                k += 1
                continue
            }
            if doc.f(k) == "of", k + 1 < doc.count, toks[k + 1].isCapitalized {
                k += 1
                continue
            }
            break
        }
        guard let l = last,
            toks[(end + 1)...l].contains(where: { ["district", "state", "county", "circuit"].contains($0.folded) })
        else { return nil }
        return l
    }

    /// "Centre de lutte contre les criminalités numériques (C3N)": the name runs on to an acronym in brackets
    /// that starts with the head's initial, across articles the complement rule stops at. Returns the last
    /// name token before "(", or nil when no such acronym follows within a short stretch of words.
    private func acronymDefinedEnd(_ doc: TokenizedText, head: Int, from last: Int, consumed: [Bool]) -> Int? {
        let toks = doc.tokens
        var k = last + 1
        while k < doc.count, doc.sameLine(head, k), k - last <= 10, !consumed[k] {
            let t = toks[k]
            if t.text == "(" {
                guard let acr = acronymAt(doc, k + 1), acr.last + 1 < doc.count, toks[acr.last + 1].text == ")",
                    Self.initial(acr.text) == Self.initial(toks[head].folded)
                else { return nil }
                return k - 1
            }
            if t.isWord || t.text == "'" || t.text == "’" || t.text == "-" {
                k += 1
                continue
            }
            return nil
        }
        return nil
    }

    private static func initial(_ s: String) -> String {
        String(TextFolding.fold(String(s.prefix(1))))
    }

    /// A gazetteer organisation, a long name defined earlier in the document, or a national police starts at `k`.
    /// A method rather than a closure: a closure built per token would copy the whole extractor each time.
    private func isKnownStart(_ doc: TokenizedText, _ k: Int, _ localLongNames: [String: [(words: [String], slug: String)]])
        -> Bool
    {
        matchAlias(doc, k) != nil || matchLocalLongName(doc, k, localLongNames) != nil || nationalPolice.match(doc, at: k) != nil
    }

    private func matchLocalLongName(_ doc: TokenizedText, _ i: Int, _ names: [String: [(words: [String], slug: String)]]) -> (
        String, Int
    )? {
        guard !names.isEmpty, doc.tokens[i].isWord, let cands = names[doc.tokens[i].folded] else { return nil }
        outer: for c in cands {
            let end = i + c.words.count
            guard end <= doc.count, doc.sameLine(i, end - 1) else { continue }
            for k in 1..<c.words.count where doc.tokens[i + k].folded != c.words[k] { continue outer }
            return (c.slug, end)
        }
        return nil
    }
}
