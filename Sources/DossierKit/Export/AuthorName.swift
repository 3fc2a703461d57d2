import Foundation

/// A document's author as a citation needs it: a person split into given and family names, or a
/// name to be printed as written (an organisation, a single word, anything that does not read as a
/// personal name).
///
/// Citation styles invert, abbreviate and sort personal names ("De Bolle, C."), so a wrong split
/// shows in every bibliography; an organisation split as "Agency, National Crime" is worse than no
/// split. When in doubt the name is therefore kept whole, which every style prints correctly.
public enum AuthorName: Sendable, Equatable {
    /// `particle` is a lower-case prefix of the family name ("van", "de") that styles keep with
    /// it but may sort after it; a capitalised one ("De Bolle") is part of `family`.
    case person(given: String, family: String, particle: String? = nil, suffix: String? = nil)
    case literal(String)

    /// The names in an author field: several people are separated by semicolons (a comma may be
    /// the one in "Family, Given").
    public static func parse(_ field: String) -> [AuthorName] {
        field.split(separator: ";").compactMap { part in
            let tokens = part.split(whereSeparator: \.isWhitespace).map(String.init)
            return tokens.isEmpty ? nil : name(tokens)
        }
    }

    /// The name as "Family, Given, Suffix", the form RIS and most reference managers read.
    public var invertedForm: String {
        switch self {
        case .literal(let text):
            return text
        case .person(let given, let family, let particle, let suffix):
            let fullFamily = [particle, family].compactMap { $0 }.joined(separator: " ")
            return ([fullFamily, given] + [suffix].compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }

    private static func name(_ tokens: [String]) -> AuthorName {
        let whole = tokens.joined(separator: " ")
        guard tokens.count > 1, tokens.count <= 5, !looksLikeOrganisation(tokens) else { return .literal(whole) }
        if let comma = whole.firstIndex(of: ",") {
            // "Family, Given": the order the writer chose is kept.
            let family = whole[..<comma].trimmingCharacters(in: .whitespaces)
            let given = whole[comma...].dropFirst().trimmingCharacters(in: .whitespaces)
            guard !given.contains(","), !family.isEmpty, !given.isEmpty, wordsReadAsName(family), wordsReadAsName(given)
            else { return .literal(whole) }
            return .person(given: given, family: family)
        }
        guard let first = tokens.first, !isParticle(first), !articles.contains(first.lowercased()),
            tokens.allSatisfy({ readsAsName($0) || isParticle($0) })
        else { return .literal(whole) }
        var rest = tokens
        var suffix: String?
        if rest.count > 2, let last = rest.last, suffixes.contains(last) {
            suffix = last
            rest.removeLast()
        }
        guard let family = rest.popLast(), readsAsName(family) else { return .literal(whole) }
        var familyPrefix: [String] = []
        while rest.count > 1, let previous = rest.last, isParticle(previous) {
            familyPrefix.insert(previous, at: 0)
            rest.removeLast()
        }
        guard rest.allSatisfy(readsAsName) else { return .literal(whole) }
        let lowerCaseParticles = familyPrefix.prefix { $0.first?.isLowercase == true }
        let capitalisedRest = familyPrefix.dropFirst(lowerCaseParticles.count)
        return .person(
            given: rest.joined(separator: " "),
            family: (capitalisedRest + [family]).joined(separator: " "),
            particle: lowerCaseParticles.isEmpty ? nil : lowerCaseParticles.joined(separator: " "),
            suffix: suffix)
    }

    /// A word a personal name can hold: it starts with an upper-case letter ("Jean", "O'Neill",
    /// "J.", "DUPONT") and holds no digit or symbol that names never have.
    private static func readsAsName(_ token: String) -> Bool {
        guard let first = token.first, first.isUppercase else { return false }
        return !token.contains { $0.isNumber || "&@/+#()[]{}<>|=_*".contains($0) }
    }

    private static func wordsReadAsName(_ words: String) -> Bool {
        words.split(whereSeparator: \.isWhitespace).allSatisfy { readsAsName(String($0)) || isParticle(String($0)) }
    }

    private static func isParticle(_ token: String) -> Bool {
        particles.contains(token.lowercased())
    }

    /// An acronym first ("NCA Press Office", "AFP"), a name in capitals throughout, or a word that
    /// names institutions rather than people.
    private static func looksLikeOrganisation(_ tokens: [String]) -> Bool {
        func isAcronym(_ token: String) -> Bool {
            let letters = token.filter(\.isLetter)
            return letters.count >= 2 && !token.contains(".") && letters.allSatisfy(\.isUppercase)
        }
        if let first = tokens.first, isAcronym(first) { return true }
        if tokens.allSatisfy(isAcronym) { return true }
        return tokens.contains { token in
            organisationWords.contains(token.lowercased().trimmingCharacters(in: .punctuationCharacters))
        }
    }

    /// Articles that open the names of newspapers and institutions ("Le Monde", "The Times").
    private static let articles: Set<String> = ["the", "les", "los", "las", "il", "het", "die", "der", "l'", "l’"]

    private static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

    private static let particles: Set<String> = [
        "de", "del", "della", "der", "den", "des", "di", "da", "dos", "das", "du", "la", "le", "van", "von", "ter", "ten",
        "zu", "af", "bin", "al", "el",
    ]

    /// Words of English, French, German, Dutch and Spanish institution names, as press releases sign them.
    private static let organisationWords: Set<String> = [
        "agency", "agence", "agentschap", "agencia", "police", "polizei", "politie", "policía", "polícia", "polizia",
        "gendarmerie", "guardia", "ministry", "ministère", "ministerium", "ministerie", "ministerio", "office", "bureau",
        "department", "département", "service", "services", "dienst", "commission", "commissie", "council", "conseil",
        "europol", "eurojust", "interpol", "frontex", "association", "foundation", "fondation", "stiftung", "institute",
        "institut", "university", "université", "universität", "press", "presse", "news", "newsroom", "staff", "team",
        "unit", "unité", "desk", "editorial", "rédaction", "redaktion", "editors", "group", "groupe", "centre", "center",
        "zentrum", "court", "cour", "tribunal", "gericht", "prosecutor", "prosecution", "parquet", "procureur",
        "staatsanwaltschaft", "government", "gouvernement", "regierung", "authority", "autorité", "behörde", "network",
        "réseau", "inc", "ltd", "llc", "gmbh", "plc", "corporation", "company", "communications", "communication",
        "directorate", "direction", "national", "nationale", "federal", "fédérale", "bundes", "bundeskriminalamt", "crime",
        "criminal", "justice", "union", "nations", "european", "européenne", "européen", "reuters", "associated", "agencies",
        "ngo", "coalition", "alliance", "programme", "program", "secretariat", "secrétariat",
    ]
}
