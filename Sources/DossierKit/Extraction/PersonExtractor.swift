/// Finds named people: gazetteer names plus new "Firstname Lastname" sequences that either start
/// with a known given name or stand in a name position (role apposition, speech verb, honorific).
/// Attaches the role written beside the name and the organisation named in that role.
struct PersonExtractor: Sendable {
    private static let possessive: FoldedSet = ["d", "de", "du", "of", "for", ","]
    private static let always: FoldedSet = ["chez", "at", "with", "aupres"]
    let gazetteer: Gazetteer
    let lex: CompiledLexicon
    private let gazByFolded: FoldedMap<[GazetteerName]>
    /// Slug of a gazetteer name or alias → first person holding it, precomputed so canonicalising a
    /// found name is one lookup instead of re-slugging the whole gazetteer.
    private var gazIndexBySlug: [String: Int] = [:]
    /// Slug of a gazetteer person's canonical name → first such person (for the role fallback).
    private var gazIndexByNameSlug: [String: Int] = [:]
    /// Folded tokens of a gazetteer name or alias and the person's index.
    private typealias GazetteerName = (words: [String], person: Int)
    private static let particles: FoldedSet = [
        "de", "du", "des", "van", "von", "der", "den", "le", "la", "da", "di", "del", "della", "ter", "ten", "af", "zu", "bin",
        "al", "el", "mc",
    ]

    init(gazetteer: Gazetteer, lex: CompiledLexicon) {
        self.gazetteer = gazetteer
        self.lex = lex
        var gazByFolded: [String: [GazetteerName]] = [:]
        for (idx, p) in gazetteer.people.enumerated() {
            for a in [p.name] + p.aliases {
                let f = TokenizedText(a).tokens.map(\.folded)
                guard let first = f.first else { continue }
                gazByFolded[first, default: []].append((f, idx))
            }
        }
        for k in gazByFolded.keys { gazByFolded[k]?.sort { $0.0.count > $1.0.count } }
        self.gazByFolded = FoldedMap(gazByFolded)
        for (idx, p) in gazetteer.people.enumerated() {
            let nameSlug = Slug.make(p.name)
            if gazIndexByNameSlug[nameSlug] == nil { gazIndexByNameSlug[nameSlug] = idx }
            for sl in [nameSlug] + p.aliases.map(Slug.make) where gazIndexBySlug[sl] == nil { gazIndexBySlug[sl] = idx }
        }
    }

    struct Result {
        var people: [ExtractedPerson]
        var mentions: [EntityMention]
        /// Lines that hold only a person's name followed by a title line (signature under a pull-quote).
        var signatureLines: [(line: Int, name: String)]
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    func extract(_ doc: TokenizedText, language: String, blocked: [Bool], orgMentions: [EntityMention]) -> Result {
        let toks = doc.tokens
        var order: [String] = []
        var people: [String: ExtractedPerson] = [:]
        var mentions: [EntityMention] = []
        var signatures: [(Int, String)] = []
        var used = blocked
        var i = 0
        while i < doc.count {
            guard toks[i].isWord, toks[i].isCapitalized || toks[i].isAllCaps, !used[i], !toks[i].inLink else {
                i += 1
                continue
            }
            var found: (first: Int, last: Int, name: String, gaz: Int?)?
            if let (end, idx) = matchGazetteer(doc, i) {
                found = (i, end - 1, gazetteer.people[idx].name, idx)
            } else if let (last, name) = newName(doc, i, used: used) {
                found = (i, last, name, nil)
            }
            guard var f = found else {
                i += 1
                continue
            }
            // Canonicalise against the gazetteer by slug.
            let slug = Slug.make(f.name)
            if f.gaz == nil, let idx = gazIndexBySlug[slug] {
                f.gaz = idx
                f.name = gazetteer.people[idx].name
            }
            var end = f.last
            while end + 1 < doc.count, doc.sameLine(end, end + 1), lex.honorifics.contains(toks[end + 1]),
                toks[end + 1].isAllCaps || toks[end + 1].isCapitalized
            {
                end += 1
            }
            // "James P. Kennedy Jr.": a generational suffix is part of the name; a decoration (OBE, QPM) is not.
            if end == f.last + 1, Self.generationalSuffixes.contains(toks[end]), f.gaz == nil {
                f.name += (toks[end].gapBefore == .none ? "" : " ") + toks[end].text
                if end + 1 < doc.count, toks[end + 1].text == ".", toks[end + 1].gapBefore == .none {
                    f.name += "."
                    end += 1
                }
                f.last = end
            }
            let key = Slug.make(f.name)
            if people[key] == nil {
                order.append(key)
                var orgName: String?
                if let g = f.gaz, let os = gazetteer.people[g].organisation {
                    orgName = gazetteer.organisations.first { $0.slug == os }?.name
                }
                people[key] = ExtractedPerson(name: f.name, slug: key, role: nil, organisationName: orgName, mentions: [])
            }
            people[key]?.mentions.append(doc.span(tokens: f.first, f.last))
            mentions.append(EntityMention(firstToken: f.first, lastToken: end, name: f.name, kind: .person))
            for k in f.first...end { used[k] = true }
            if people[key]?.role == nil {
                if let (role, org) = roleAfter(doc, end, orgMentions: orgMentions) ?? signatureRole(
                    doc, first: f.first, last: end, orgMentions: orgMentions)
                    ?? roleBefore(doc, f.first, orgMentions: orgMentions)
                    ?? roleWithComplement(doc, endingBefore: f.first).map({
                        (doc.text(toks[$0].start, toks[f.first - 1].end), nil)
                    })
                    ?? roleInAppositionBefore(doc, f.first, orgMentions: orgMentions)
                {
                    people[key]?.role = role
                    if let org { people[key]?.organisationName = org }
                }
            }
            if isAloneOnLine(doc, f.first, end), let next = nextLine(doc, after: toks[end].line), lineLooksLikeTitle(doc, next) {
                signatures.append((toks[f.first].line, f.name))
            }
            i = end + 1
        }
        Self.mergeShorterForms(&people, order: &order, mentions: &mentions)
        // Surname-only later mentions ("Oerting said").
        var bySurname: [String: String] = [:]
        var ambiguous: Set<String> = []
        for key in order {
            guard let p = people[key], let last = p.name.split(separator: " ").last else { continue }
            let s = TextFolding.fold(String(last))
            if bySurname[s] != nil { ambiguous.insert(s) } else { bySurname[s] = key }
        }
        for k in 0..<doc.count where !used[k] && toks[k].isWord && toks[k].isCapitalized {
            let s = toks[k].folded
            // The usual miss costs one look-up: `ambiguous` only holds keys of `bySurname`.
            guard let key = bySurname[s], !ambiguous.contains(s), let p = people[key] else { continue }
            if k + 1 < doc.count, toks[k + 1].isWord, toks[k + 1].isCapitalized, doc.sameLine(k, k + 1) { continue }
            people[key]?.mentions.append(doc.span(tokens: k, k))
            mentions.append(EntityMention(firstToken: k, lastToken: k, name: p.name, kind: .person))
        }
        mentions.sort { $0.firstToken < $1.firstToken }
        for key in order where people[key]?.role == nil {
            if let p = people[key], let g = gazIndexByNameSlug[p.slug].map({ gazetteer.people[$0] }) {
                people[key]?.role = g.role
            }
        }
        return Result(people: order.compactMap { people[$0] }, mentions: mentions, signatureLines: signatures)
    }

    private func matchGazetteer(_ doc: TokenizedText, _ i: Int) -> (Int, Int)? {
        guard let cands = gazByFolded[token: doc.tokens[i]] else { return nil }
        outer: for (f, idx) in cands {
            let end = i + f.count
            guard end <= doc.count else { continue }
            for k in 0..<f.count where doc.tokens[i + k].folded != f[k] || (k > 0 && doc.tokens[i + k].gapBefore == .lineBreak) {
                continue outer
            }
            return (end, idx)
        }
        return nil
    }

    private func isNameToken(_ t: Token) -> Bool {
        t.isWord && (t.isCapitalized || t.isAllCaps) && !lex.nonNameWords.contains(t) && lex.months[token: t] == nil
            && !lex.weekdays.contains(t) && !lex.honorifics.contains(t)
    }

    /// Titles that are part of how a royal is named: "Prince Andrew", "Queen Elizabeth".
    private static let royalTitles: FoldedSet = [
        "prince", "princess", "king", "queen", "duke", "duchess", "princesse", "roi", "reine",
    ]

    private static func titleCase(_ s: String) -> String {
        var out = ""
        var startOfWord = true
        for c in s {
            if startOfWord { out += c.uppercased() } else { out += c.lowercased() }
            startOfWord = c == "-" || c == " " || c == "'" || c == "’"
        }
        return out
    }

    /// A new name starting at `i`: given name + 1–3 surname tokens, or any capitalised pair in a name position.
    private func newName(_ doc: TokenizedText, _ i: Int, used: [Bool]) -> (Int, String)? {
        let toks = doc.tokens
        var start = i
        // Skip capitalised titles ("Executive Director Catherine …") to reach the name.
        while start < doc.count, doc.sameLine(i, start), lex.titleWords.contains(toks[start]),
            toks[start].isCapitalized || toks[start].isAllCaps
        { start += 1 }
        guard start == i else { return nil }  // the loop will reach `start` itself
        // "PARK Ji-hoon": a surname in capitals may come first, before a given name in ordinary case.
        let capitalsFirst =
            toks[i].isAllCaps && i + 1 < doc.count && doc.sameLine(i, i + 1) && toks[i + 1].isCapitalized
            && !toks[i + 1].isAllCaps
        guard isNameToken(toks[i]) || monthAsGivenName(doc, i),
            !(toks[i].isAllCaps && toks[i].text.unicodeScalars.count > 1 && !(i + 1 < doc.count && toks[i + 1].isAllCaps))
                || lex.givenNames.contains(toks[i]) || capitalsFirst
        else { return nil }
        // "Later James Kennedy said": a sentence's first word before a known given name is the sentence's, not
        // the name's.
        if i == 0 || toks[i].gapBefore == .lineBreak || toks[i - 1].isPunct && Self.sentenceEnds.contains(toks[i - 1]),
            i + 1 < doc.count, toks[i + 1].isCapitalized, doc.sameLine(i, i + 1), lex.givenNames.contains(toks[i + 1]),
            !lex.givenNames.contains(toks[i]), !Self.royalTitles.contains(toks[i])
        {
            return nil
        }
        var parts: [Int] = [i]
        var k = i + 1
        // Hyphenated given name: "Jean-Marc", "Jun-ho".
        if hyphenatedNamePart(doc, k) {
            parts.append(k)
            parts.append(k + 1)
            k += 2
        }
        // Middle initial: "Jessica D. Aber".
        if k + 2 < doc.count, doc.sameLine(i, k + 2), toks[k].isWord, toks[k].isAllCaps, toks[k].text.unicodeScalars.count == 1,
            toks[k].gapBefore == .space, toks[k + 1].text == ".", toks[k + 1].gapBefore == .none, isNameToken(toks[k + 2]),
            !used[k + 2]
        {
            parts.append(k)
            parts.append(k + 1)
            k += 2
        }
        var surnames = 0
        while k < doc.count, doc.sameLine(i, k), surnames < 3 {
            let t = toks[k]
            if used[k] || t.inLink { break }
            // "al-Masri", "el-Hadj": a particle hyphenated to the surname.
            if t.isWord, Self.particles.contains(t), t.gapBefore != .none, k + 2 < doc.count, toks[k + 1].text == "-",
                toks[k + 1].gapBefore == .none, toks[k + 2].gapBefore == .none, isNameToken(toks[k + 2])
            {
                parts += [k, k + 1, k + 2]
                surnames += 1
                k += 3
                continue
            }
            // "van der Berg": particles may follow each other before the surname.
            if t.isWord, !t.isCapitalized, Self.particles.contains(t), k + 1 < doc.count, doc.sameLine(k, k + 1),
                isNameToken(toks[k + 1])
                    || k + 2 < doc.count && !toks[k + 1].isCapitalized && Self.particles.contains(toks[k + 1])
                        && isNameToken(toks[k + 2]) && doc.sameLine(k, k + 2)
            {
                parts.append(k)
                k += 1
                continue
            }
            if t.isWord && t.isCapitalized && Self.particles.contains(t) && k + 1 < doc.count && isNameToken(toks[k + 1])
                && doc.sameLine(k, k + 1)
            {
                parts.append(k)
                k += 1
                continue
            }
            if isNameToken(t) && t.gapBefore != .none && !lex.orgHeadsEN.contains(t) && !lex.orgHeadsFR.contains(t) {
                parts.append(k)
                surnames += 1
                k += 1
                // "O'Neill", "D’Amico": an elided prefix glued to a capitalised surname.
                if k + 1 < doc.count, toks[k].text == "'" || toks[k].text == "’", toks[k].gapBefore == .none,
                    toks[k + 1].gapBefore == .none, toks[k + 1].isCapitalized, toks[k - 1].text.unicodeScalars.count <= 2
                {
                    parts.append(k)
                    parts.append(k + 1)
                    k += 2
                }
                if hyphenatedNamePart(doc, k) {
                    parts.append(k)
                    parts.append(k + 1)
                    k += 2
                }
                continue
            }
            break
        }
        // "Mr Johnson said", « M. Dupont a déclaré »: after an honorific, one capitalised word is a surname.
        let afterHonorific =
            i > 0 && doc.sameLine(i - 1, i)
            && (lex.honorifics.contains(toks[i - 1])
                || toks[i - 1].text == "." && i >= 2 && lex.honorifics.contains(toks[i - 2]) && doc.sameLine(i - 2, i))
        if surnames == 0, afterHonorific, parts == [i], !lex.titleWords.contains(toks[i]), !lex.roleWords.contains(toks[i]) {
            return (i, toks[i].isAllCaps && toks[i].text.unicodeScalars.count > 1 ? Self.titleCase(toks[i].text) : toks[i].text)
        }
        guard surnames >= 1, let last = parts.last else { return nil }
        // "Chief Technology Officer", "Senior Crown Prosecutor": a title ending in a title word is not a name.
        if !lex.givenNames.contains(toks[i]), lex.titleWords.contains(toks[last]) || lex.roleWords.contains(toks[last]) {
            return nil
        }
        // A following org head word ("Victoria Police") means this is an institution.
        if k < doc.count, doc.sameLine(last, k), toks[k].isCapitalized, lex.orgHeadsEN.contains(toks[k]) { return nil }
        // "the real Prince Andrew": a royal title before a given name names a person wherever it stands.
        let royal = Self.royalTitles.contains(toks[i]) && parts.count == 2 && lex.givenNames.contains(toks[parts[1]])
        let known = lex.givenNames.contains(toks[i]) && !capitalsFirst || royal
        if !known && !inNamePosition(doc, first: i, last: last) { return nil }
        var name = ""
        for p in parts {
            let t = toks[p]
            if p != i && t.gapBefore != .none { name += " " }
            name += t.isAllCaps && t.text.unicodeScalars.count > 1 ? Self.titleCase(t.text) : t.text
        }
        return (last, name)
    }

    /// "Jun-ho Park", "Jan van der Berg": a month's abbreviation starts a name when a name part follows it.
    private func monthAsGivenName(_ doc: TokenizedText, _ i: Int) -> Bool {
        let toks = doc.tokens
        guard lex.ambiguousMonths.contains(toks[i]), !toks[i].isAllCaps, i + 1 < doc.count, doc.sameLine(i, i + 1) else {
            return false
        }
        let next = toks[i + 1]
        return hyphenatedNamePart(doc, i + 1) || Self.particles.contains(next) && !next.isCapitalized
            || next.isCapitalized && isNameToken(next) && next.gapBefore == .space
    }

    /// "-Marc" in "Jean-Marc", "-ho" in "Jun-ho": a hyphen glued to a name part, a capitalised one or a short
    /// lower-case syllable (not a suffix such as "-led" or "-based").
    private func hyphenatedNamePart(_ doc: TokenizedText, _ k: Int) -> Bool {
        guard k + 1 < doc.count, doc.tokens[k].text == "-", doc.tokens[k].gapBefore == .none else { return false }
        let part = doc.tokens[k + 1]
        guard part.gapBefore == .none, part.isWord else { return false }
        if part.isCapitalized { return true }
        return part.scalarCount <= 4 && !Self.hyphenSuffixes.contains(part)
    }

    /// "Patrick Carlineo" beside "Patrick W. Carlineo Jr.": a name that is another's without its initials and
    /// generational suffix is the same person, under the fuller name; so is a surname alone that ends
    /// exactly one fuller name.
    private static func mergeShorterForms(
        _ people: inout [String: ExtractedPerson], order: inout [String], mentions: inout [EntityMention]
    ) {
        let core = { (name: String) -> [String] in
            name.split(separator: " ").map { TextFolding.fold(String($0)) }
                .filter {
                    !($0.count <= 2 && $0.hasSuffix("."))
                        && !generationalSuffixes.contains($0.replacingOccurrences(of: ".", with: ""))
                }
        }
        guard order.count > 1 else { return }
        let cores = Dictionary(uniqueKeysWithValues: order.compactMap { key in people[key].map { (key, core($0.name)) } })
        for key in order {
            guard let short = people[key], let shortCore = cores[key], !shortCore.isEmpty else { continue }
            // "Brennan" (after "Det Supt") beside "Mark Brennan": a surname alone is the one person it ends.
            let fuller = order.filter { other in
                guard other != key, let otherCore = cores[other], people[other].map({ $0.name.count > short.name.count }) ?? false
                else { return false }
                return shortCore.count >= 2 ? otherCore == shortCore : otherCore.count >= 2 && otherCore.last == shortCore[0]
            }
            guard fuller.count == 1, let target = fuller.first, let fullName = people[target]?.name else { continue }
            people[target]?.mentions += short.mentions
            people[target]?.mentions.sort { $0.start < $1.start }
            if people[target]?.role == nil { people[target]?.role = short.role }
            people[key] = nil
            mentions.rename(.person, from: short.name, to: fullName)
        }
        order.removeAll { people[$0] == nil }
    }

    private static let generationalSuffixes: FoldedSet = ["jr", "sr", "ii", "iii", "iv"]
    /// Auxiliaries before an adverb that the lexicon's auxiliary phrases do not list on their own.
    private static let shortAuxiliaries: FoldedSet = ["a", "has", "have", "had", "is", "est"]
    private static let sentenceEnds: FoldedSet = [".", "!", "?", ":"]

    private static let adverbs: FoldedSet = [
        "also", "later", "subsequently", "then", "eventually", "previously", "since", "already", "aussi", "egalement",
        "ensuite", "finalement", "deja", "depuis", "alors",
    ]

    private static let hyphenSuffixes: FoldedSet = [
        "led", "run", "born", "wide", "like", "type", "old", "era", "made", "held", "free", "bis", "ter", "sur", "les",
    ]

    /// Structural cues that make an unknown capitalised pair a person.
    private func inNamePosition(_ doc: TokenizedText, first: Int, last: Int) -> Bool {
        let toks = doc.tokens
        if first > 0 {
            let p = toks[first - 1].folded
            if lex.honorifics.contains(p) || (p == "." && first >= 2 && lex.honorifics.contains(toks[first - 2])) { return true }
            if lex.speechVerbs.matchBackward(in: doc, endingAt: first - 1) != nil
                && ["said", "says", "added", "selon", "according", "to", "explique", "declare", "ajoute"].contains(p)
            {
                return true
            }
        }
        if titleBefore(doc, first) { return true }
        var n = last + 1
        while n < doc.count, lex.honorifics.contains(toks[n]) { n += 1 }
        guard n < doc.count, doc.sameLine(last, n) else { return false }
        if toks[n].text == ",", n + 1 < doc.count {
            let w = toks[n + 1].folded
            if lex.roleWords.contains(w) || lex.titleWords.contains(w) { return true }
            if w == "the" || w == "le" || w == "la" || w == "l" || w == "a" || w == "an",
                (n + 2..<min(doc.count, n + 8)).contains(where: {
                    doc.sameLine(n, $0) && lex.roleWords.contains(toks[$0])
                })
            {
                return true
            }
        }
        if lex.speechVerbs.match(in: doc, at: n) != nil { return true }
        return hasPersonEvidence(doc, after: n)
    }

    /// What only follows a person: "was sentenced", « a été interpellé », an age ("Basheer Hamdan, 34,",
    /// "(34)"), a home town (", of Leeds", ", from Leeds"), or another name joined by and/et that is followed by
    /// such evidence ("PARK Ji-hoon and Jan van der Berg were arrested").
    private func hasPersonEvidence(_ doc: TokenizedText, after n: Int) -> Bool {
        let toks = doc.tokens
        if lex.personEvidenceAfter.match(in: doc, at: n) != nil { return true }
        // "was also charged", « a également été condamné »: one adverb after the auxiliary.
        if n + 2 < doc.count, Self.adverbs.contains(toks[n + 1]),
            lex.personEvidenceAfterAuxiliary.match(in: doc, at: n + 2) != nil,
            lex.auxiliaries.match(in: doc, at: n) != nil || Self.shortAuxiliaries.contains(toks[n])
        {
            return true
        }
        let opener = toks[n].text
        if opener == "," || opener == "(", n + 1 < doc.count, doc.sameLine(n, n + 1) {
            let next = toks[n + 1]
            if next.isNumber, next.scalarCount <= 2, n + 2 < doc.count,
                [",", ")", "ans", "years", "year"].contains(doc.f(n + 2))
            {
                return true
            }
            if opener == ",", ["of", "from"].contains(next.folded), n + 2 < doc.count, toks[n + 2].isCapitalized {
                return true
            }
            if opener == ",", ["age", "agee", "aged"].contains(next.folded) { return true }
            // "Montell Figgins, who represents Thomas, said": "who" is said of people only.
            if opener == ",", next.folded == "who" || next.folded == "whose" { return true }
        }
        if ["and", "et"].contains(toks[n].folded) {
            var k = n + 1
            while k < doc.count, doc.sameLine(n, k), k - n <= 6,
                toks[k].isCapitalized || toks[k].isAllCaps || Self.particles.contains(toks[k]) || toks[k].text == "-"
            { k += 1 }
            if k > n + 1, k < doc.count, lex.personEvidenceAfter.match(in: doc, at: k) != nil { return true }
        }
        return false
    }

    /// A title or role written right before the name is as strong a cue as an honorific: "U.S. District Judge
    /// Leonie M. Brinkema", "Special Agent in Charge Wenona Bartholomew", "l’inspecteur-chef Daniel Rivard",
    /// and a role in apposition before it: "sa directrice générale, Heidi De Pauw".
    private func titleBefore(_ doc: TokenizedText, _ first: Int) -> Bool {
        let toks = doc.tokens
        guard first > 0, doc.sameLine(first - 1, first) else { return false }
        var k = first - 1
        if toks[k].text == "," {
            k -= 1
            guard k >= 0, doc.sameLine(k, first) else { return false }
            // Walk back over the role's adjectives and complement ("directrice générale", "the head of the
            // national cybercrime unit").
            var steps = 0
            while k >= 0, doc.sameLine(k, first), steps < 8, toks[k].isWord, !toks[k].isCapitalized {
                if lex.roleWords.contains(toks[k]) { return true }
                k -= 1
                steps += 1
            }
            return false
        }
        let p = toks[k]
        guard p.isWord else { return false }
        if p.isCapitalized || p.isAllCaps {
            if lex.titleWords.contains(p) && !lex.orgHeadsEN.contains(p) { return true }
            // "Special Agent in Charge": a capitalised word joined to a title by a lower-case "in"/"of".
            if k >= 2, ["in", "of"].contains(toks[k - 1].folded), lex.titleWords.contains(toks[k - 2]), toks[k - 2].isCapitalized
            {
                return true
            }
            return false
        }
        // French titles are lower case: "le général Marc Boget", "l’inspecteur-chef Daniel Rivard".
        return lex.roleWords.contains(p) || (k >= 2 && toks[k - 1].text == "-" && lex.roleWords.contains(toks[k - 2]))
            || roleWithComplement(doc, endingBefore: first) != nil
    }

    /// A lower-case role with its complement right before the name: "le ministre turc de l'Intérieur Ahmet Kaya",
    /// "le commissaire de police John Smith". Returns the role's first token.
    private func roleWithComplement(_ doc: TokenizedText, endingBefore first: Int) -> Int? {
        let toks = doc.tokens
        var k = first - 1
        var steps = 0
        while k >= 0, doc.sameLine(k, first), steps < 7 {
            let t = toks[k]
            if t.isPunct {
                guard t.text == "'" || t.text == "’" || t.text == "-" else { return nil }
            } else if lex.roleWords.contains(t) && !t.isCapitalized {
                return steps > 0 ? k : nil
            } else if t.isCapitalized && !lex.nonNameWords.contains(t) {
                return nil
            }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// Apposition right after the name: ", chef du Centre européen de la cybercriminalité, a déclaré".
    private func roleAfter(_ doc: TokenizedText, _ end: Int, orgMentions: [EntityMention]) -> (String, String?)? {
        let toks = doc.tokens
        guard end + 2 < doc.count, toks[end + 1].text == ",", doc.sameLine(end, end + 2) else { return nil }
        let start = end + 2
        var k = start
        var hasRoleWord = false
        while k < doc.count, doc.sameLine(start, k), k - start < 25 {
            let t = toks[k]
            if t.isPunct && [",", ":", ";", ".", "(", ")", "«", "“", "\""].contains(t.text) && !(t.text == "." && t.inLink) {
                break
            }
            if lex.speechVerbs.match(in: doc, at: k) != nil && k > start { break }
            if lex.roleWords.contains(t) || lex.titleWords.contains(t) && t.folded.count > 2 { hasRoleWord = true }
            k += 1
        }
        guard hasRoleWord, k > start else { return nil }
        return splitRole(doc, start, k - 1, orgMentions: orgMentions, stripPossessive: false)
    }

    /// A role set off by a comma before the name: "the head of the national cybercrime unit, Ana Costa". The role
    /// starts at its first role or title word, within eight lower-case words before the comma.
    private func roleInAppositionBefore(_ doc: TokenizedText, _ first: Int, orgMentions: [EntityMention]) -> (String, String?)? {
        let toks = doc.tokens
        guard first >= 2, toks[first - 1].text == ",", doc.sameLine(first - 2, first) else { return nil }
        var start = first - 2
        while start - 1 >= 0, doc.sameLine(start - 1, first), first - start < 10, toks[start - 1].isWord,
            !toks[start - 1].isCapitalized
                || orgMentions.contains(where: { $0.firstToken <= start - 1 && start - 1 <= $0.lastToken })
        { start -= 1 }
        guard
            let roleStart = (start..<(first - 1)).first(where: {
                lex.roleWords.contains(toks[$0]) || lex.titleWords.contains(toks[$0])
            }),
            !toks[roleStart].isCapitalized || roleStart == start
        else { return nil }
        return splitRole(doc, roleStart, first - 2, orgMentions: orgMentions, stripPossessive: false)
    }

    /// Title words just before the name: "Europol Executive Director Catherine De Bolle".
    private func roleBefore(_ doc: TokenizedText, _ first: Int, orgMentions: [EntityMention]) -> (String, String?)? {
        let toks = doc.tokens
        var k = first - 1
        while k >= 0, doc.sameLine(k, first), toks[k].isCapitalized || toks[k].isAllCaps, lex.titleWords.contains(toks[k]),
            !lex.honorifics.contains(toks[k])
        { k -= 1 }
        guard k + 1 < first else { return nil }
        var s = k + 1
        while s < first, orgMentions.contains(where: { $0.firstToken <= s && s <= $0.lastToken }) { s += 1 }
        guard s < first, toks[s..<first].contains(where: { lex.roleWords.contains($0.folded) }) else { return nil }
        let org = orgMentions.first { $0.firstToken <= k + 1 && $0.lastToken >= k + 1 }?.name
        return (doc.text(toks[s].start, toks[first - 1].end), org)
    }

    /// Signature block: the name alone on its line, the title on the next line.
    private func signatureRole(_ doc: TokenizedText, first: Int, last: Int, orgMentions: [EntityMention]) -> (String, String?)? {
        guard isAloneOnLine(doc, first, last), let next = nextLine(doc, after: doc.tokens[last].line),
            lineLooksLikeTitle(doc, next)
        else { return nil }
        let r = doc.lineTokens[next]
        var e = r.lowerBound
        while e < r.upperBound, !(doc.tokens[e].text == "." && !doc.tokens[e].inLink) { e += 1 }
        guard e > r.lowerBound else { return nil }
        return splitRole(doc, r.lowerBound, e - 1, orgMentions: orgMentions, stripPossessive: true)
    }

    private func isAloneOnLine(_ doc: TokenizedText, _ first: Int, _ last: Int) -> Bool {
        let r = doc.lineTokens[doc.tokens[first].line]
        return r.lowerBound == first && r.upperBound == last + 1
    }

    private func nextLine(_ doc: TokenizedText, after line: Int) -> Int? {
        line + 1 < doc.lineTokens.count ? line + 1 : nil
    }

    func lineLooksLikeTitle(_ doc: TokenizedText, _ line: Int) -> Bool {
        let r = doc.lineTokens[line]
        guard r.count <= 24 else { return false }
        return doc.tokens[r].prefix(3).contains { lex.roleWords.contains($0.folded) }
    }

    /// Splits "Directeur exécutif d’Europol" into role and organisation; "chez/at ORG" is always split off.
    private func splitRole(_ doc: TokenizedText, _ s: Int, _ e: Int, orgMentions: [EntityMention], stripPossessive: Bool) -> (
        String, String?
    ) {
        let toks = doc.tokens
        let inside = orgMentions.filter { $0.firstToken >= s && $0.lastToken <= e }
        var roleEnd = e
        if let m = inside.first {
            var c = m.firstToken - 1
            if c >= s, toks[c].text == "'" || toks[c].text == "’" { c -= 1 }
            let conn = c >= s ? toks[c].folded : ""
            if m.lastToken == e, Self.always.contains(conn) || stripPossessive && Self.possessive.contains(conn) || conn == "," {
                roleEnd = c - 1
                if roleEnd >= s, ["l", "la", "le", "the"].contains(toks[roleEnd].folded) { roleEnd -= 1 }
            }
        }
        if roleEnd < s { roleEnd = e }
        return (doc.text(toks[s].start, toks[roleEnd].end), inside.first?.name)
    }
}
