/// Recognises a country's police described by a nationality adjective, which the gazetteer cannot
/// list exhaustively: "Dutch police", "the Spanish National Police", "German law enforcement",
/// "Polish authorities", "la police espagnole", "les forces de l’ordre néerlandaises".
/// All forms of one country share the canonical name "<Nationality> police" so FR and EN texts link up.
/// Generic "la police" / "the police" without a nationality is deliberately not matched.
struct NationalPoliceMatcher: Sendable {
    /// English adjective, French masculine and feminine singular (plurals add "s" unless already in s/x).
    private static let nationalities: [(en: String, frMasc: String, frFem: String)] = [
        ("Danish", "danois", "danoise"), ("Dutch", "neerlandais", "neerlandaise"), ("German", "allemand", "allemande"),
        ("Spanish", "espagnol", "espagnole"), ("Italian", "italien", "italienne"), ("Belgian", "belge", "belge"),
        ("French", "francais", "francaise"), ("British", "britannique", "britannique"), ("American", "americain", "americaine"),
        ("Polish", "polonais", "polonaise"), ("Portuguese", "portugais", "portugaise"), ("Swedish", "suedois", "suedoise"),
        ("Norwegian", "norvegien", "norvegienne"), ("Finnish", "finlandais", "finlandaise"),
        ("Austrian", "autrichien", "autrichienne"),
        ("Swiss", "suisse", "suisse"), ("Romanian", "roumain", "roumaine"), ("Czech", "tcheque", "tcheque"),
        ("Greek", "grec", "grecque"), ("Irish", "irlandais", "irlandaise"), ("Australian", "australien", "australienne"),
        ("Canadian", "canadien", "canadienne"), ("Hungarian", "hongrois", "hongroise"), ("Bulgarian", "bulgare", "bulgare"),
        ("Croatian", "croate", "croate"), ("Slovak", "slovaque", "slovaque"), ("Slovenian", "slovene", "slovene"),
        ("Lithuanian", "lituanien", "lituanienne"), ("Latvian", "letton", "lettone"), ("Estonian", "estonien", "estonienne"),
        ("Maltese", "maltais", "maltaise"), ("Cypriot", "chypriote", "chypriote"), ("Ukrainian", "ukrainien", "ukrainienne"),
        ("Brazilian", "bresilien", "bresilienne"), ("Colombian", "colombien", "colombienne"),
        ("Thai", "thailandais", "thailandaise"),
        ("Filipino", "philippin", "philippine"), ("Moldovan", "moldave", "moldave"), ("Serbian", "serbe", "serbe"),
        ("Luxembourgish", "luxembourgeois", "luxembourgeoise"), ("Icelandic", "islandais", "islandaise"),
    ]
    private static let english: FoldedMap<String> = FoldedMap(nationalities.map { (TextFolding.fold($0.en), $0.en) })
    private static let french: FoldedMap<String> = {
        var pairs: [(String, String)] = []
        for n in nationalities {
            for form in [n.frMasc, n.frFem] {
                pairs.append((form, n.en))
                pairs.append((form.hasSuffix("s") || form.hasSuffix("x") ? form : form + "s", n.en))
            }
        }
        return FoldedMap(pairs)
    }()
    /// The French heads matched below; ASCII words, so String equality implies equal bytes and hash, and a probe
    /// by hash alone (no SipHash of the UInt64, as a `Set` would do) is an exact pre-filter.
    private static let frenchHeads: FoldedSet = ["police", "gendarmerie", "autorites", "forces"]
    /// Words allowed between the adjective and the head: "Spanish National Police", "Belgian Federal Police".
    private static let englishModifiers: FoldedSet = ["national", "federal", "state"]
    private static let frenchModifiers: FoldedSet = ["nationale", "federale", "judiciaire"]

    /// "Danish", "Dutch"…: a nationality adjective in English.
    static func isEnglishNationality(_ t: Token) -> Bool { english[token: t] != nil }

    /// Every word a match can start with (folded): a token outside them never starts one.
    static var firstWords: [String] { english.keys + frenchHeads.words }

    struct Match {
        let first: Int
        let last: Int
        /// Canonical organisation name, e.g. "Spanish police".
        let name: String
    }

    /// A national police description starting at token `i`.
    func match(_ doc: TokenizedText, at i: Int) -> Match? {
        // Called on every token: reject by hash before copying the token (its Strings) out of the array.
        guard doc.tokens[i].isWord,
            Self.english.value(doc, i) != nil || Self.frenchHeads.mayContain(hash: doc.tokens[i].foldedHash)
        else { return nil }
        let toks = doc.tokens
        let t = toks[i]
        guard t.isWord, !t.inLink else { return nil }
        if t.isCapitalized, let en = Self.english[token: t] {
            // English: Adjective [National|Federal|State] (police | law enforcement | authorities).
            var k = i + 1
            if k < doc.count, doc.sameLine(i, k), Self.englishModifiers.contains(toks[k]), toks[k].isCapitalized { k += 1 }
            guard k < doc.count, doc.sameLine(i, k), toks[k].isWord else { return nil }
            switch toks[k].folded {
            case "police", "authorities": return Match(first: i, last: k, name: en + " police")
            case "law" where doc.f(k + 1) == "enforcement" && doc.sameLine(k, k + 1):
                return Match(first: i, last: k + 1, name: en + " police")
            default: return nil
            }
        }
        // French: (police | gendarmerie | autorités | forces de l’ordre) [nationale|fédérale] adjective.
        var k: Int
        switch t.folded {
        case "police", "gendarmerie", "autorites": k = i + 1
        case "forces":
            guard doc.f(i + 1) == "de", doc.f(i + 2) == "l", doc.f(i + 3) == "'", doc.f(i + 4) == "ordre", doc.sameLine(i, i + 4)
            else { return nil }
            k = i + 5
        default: return nil
        }
        if k < doc.count, doc.sameLine(i, k), Self.frenchModifiers.contains(toks[k]), !toks[k].isCapitalized { k += 1 }
        guard k < doc.count, doc.sameLine(i, k), toks[k].isWord, !toks[k].isCapitalized, let en = Self.french[token: toks[k]]
        else { return nil }
        return Match(first: i, last: k, name: en + " police")
    }
}
