/// Recognises French courts and prosecutors' offices, which the press writes in lower case and which
/// the capitalised-head rule therefore misses: "le parquet de Paris", "le tribunal judiciaire de Paris",
/// "le tribunal correctionnel de Lyon", "la cour d’appel de Versailles", "le parquet fédéral".
/// A bare "le parquet" or "le tribunal" names no specific institution and is not matched.
struct CourtMatcher: Sendable {
    private static let heads: FoldedSet = ["parquet", "tribunal", "cour"]
    /// Qualifiers between the head and the seat; "appel"/"assises"/"cassation" arrive after "d’"/"de".
    private static let qualifiers: FoldedSet = [
        "judiciaire", "correctionnel", "administratif", "federal", "national", "general",
        "europeen", "penal", "criminel", "criminelle", "antiterroriste", "financier",
    ]
    private static let chambers: FoldedSet = ["appel", "assises", "cassation"]
    /// Qualifiers that designate a single office on their own ("le parquet fédéral", "le parquet national financier").
    private static let selfContained: FoldedSet = ["federal", "national", "europeen", "antiterroriste", "financier"]

    /// Every word a match can start with (folded): a token outside them never starts one.
    static var firstWords: [String] { heads.words }

    struct Match {
        let first: Int
        let last: Int
        /// The matched words with a capital initial, e.g. "Parquet de Paris".
        let name: String
    }

    func match(_ doc: TokenizedText, at i: Int) -> Match? {
        let toks = doc.tokens
        guard toks[i].isWord, !toks[i].inLink, Self.heads.contains(doc, i) else { return nil }
        var k = i + 1
        var last = i
        var qualified = false
        var chamber = false
        while k < doc.count, doc.sameLine(i, k), k - i <= 4 {
            if Self.qualifiers.contains(toks[k]), !toks[k].isCapitalized {
                qualified = qualified || Self.selfContained.contains(toks[k])
                last = k
                k += 1
                continue
            }
            // "d’appel", "de cassation", "d’assises".
            var c = k
            if doc.f(c) == "d", c + 1 < doc.count, toks[c + 1].text == "'" || toks[c + 1].text == "’" {
                c += 2
            } else if doc.f(c) == "de" {
                c += 1
            }
            if c > k, c < doc.count, doc.sameLine(k, c), Self.chambers.contains(toks[c]) {
                chamber = true
                last = c
                k = c + 1
                continue
            }
            break
        }
        // Seat: "de Paris", "d’Évry", "de Boulogne-sur-Mer".
        var c = k
        if doc.f(c) == "d", c + 1 < doc.count, toks[c + 1].text == "'" || toks[c + 1].text == "’" {
            c += 2
        } else if doc.f(c) == "de" {
            c += 1
        }
        var seat = false
        if c > k, c < doc.count, doc.sameLine(i, c), toks[c].isWord, toks[c].isCapitalized, !toks[c].inLink {
            last = c
            seat = true
            while last + 2 < doc.count, toks[last + 1].text == "-", toks[last + 1].gapBefore == .none,
                toks[last + 2].gapBefore == .none, toks[last + 2].isWord
            {
                last += 2
            }
        }
        guard seat || qualified || (chamber && toks[i].folded == "cour") else { return nil }
        var name = doc.text(toks[i].start, toks[last].end)
        if let f = name.first { name = f.uppercased() + name.dropFirst() }
        return Match(first: i, last: last, name: name)
    }
}
