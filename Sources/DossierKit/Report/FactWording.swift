import Foundation

/// Figures as a reader says them, in English or French: categories in words ("suspects
/// identifiés"), values with their units ("US$ 31 million", "2 days", "98 %"), digits grouped.
/// The archive stores codes (`suspects_identified`, `currency:USD`) so that exports stay exact;
/// pages and reports are read by people and never show them bare.
public struct FactWording: Sendable {
    public enum Language: String, Sendable, CaseIterable, Codable {
        case en, fr

        /// The first language of an `Accept-Language` header that Dossier speaks, by its quality
        /// values ("fr-CH, fr;q=0.9, en;q=0.8" → French); English otherwise.
        public init(acceptLanguage header: String?) {
            var ranked: [(language: Language, quality: Double, order: Int)] = []
            for (order, item) in (header ?? "").split(separator: ",").enumerated() {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
                let primary = String(tag.split(separator: "-").first ?? "")
                guard let language = Language(rawValue: primary) else { continue }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                if quality > 0 { ranked.append((language, quality, order)) }
            }
            self = ranked.min { ($0.quality, -$0.order) > ($1.quality, -$1.order) }?.language ?? .en
        }
    }

    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    // MARK: Categories

    /// The kinds of quantity categories count: figures of one family share a chart and its scale.
    public enum Family: String, Sendable, CaseIterable {
        case people, seizures, online, reports, cooperation, share
    }

    /// Every category the extraction lexicon assigns, in its order, with its English and French
    /// words and its family.
    static let categoryWords: [(slug: String, en: String, fr: String, family: Family)] = [
        ("suspects_arrested", "suspects arrested", "suspects interpellés", .people),
        ("suspects_identified", "suspects identified", "suspects identifiés", .people),
        ("offenders_identified", "offenders identified", "auteurs identifiés", .people),
        ("offenders_convicted", "offenders convicted", "auteurs condamnés", .people),
        ("arrests", "arrests", "interpellations", .people),
        ("suspects", "suspects", "suspects", .people),
        ("house_searches", "house searches", "perquisitions", .seizures),
        ("devices_seized", "devices seized", "appareils saisis", .seizures),
        ("devices", "devices", "appareils", .seizures),
        ("victims_identified", "victims identified", "victimes identifiées", .people),
        ("children_safeguarded", "children safeguarded", "enfants mis en sécurité", .people),
        ("victims", "victims", "victimes", .people),
        ("children", "children", "enfants", .people),
        ("tips_received", "tips received", "renseignements reçus", .reports),
        ("urls", "web addresses", "adresses web", .online),
        ("websites", "websites", "sites web", .online),
        ("accounts", "accounts", "comptes", .online),
        ("images_videos", "images and videos", "images et vidéos", .online),
        ("data_seized", "data seized", "données saisies", .seizures),
        ("countries", "countries", "pays", .cooperation),
        ("agencies", "agencies", "services", .cooperation),
        ("cases", "cases", "affaires", .reports),
        ("reports", "reports", "signalements", .reports),
        ("abuse_share", "share of abuse", "part des abus", .share),
    ]

    /// The category slugs, in the lexicon's order: the choices a correction form offers.
    public static var categories: [String] { categoryWords.map(\.slug) }

    /// A category in words; an unknown slug reads with spaces, never with underscores.
    public func category(_ slug: String?) -> String {
        guard let slug else { return language == .fr ? "sans catégorie" : "uncategorised" }
        if let words = Self.categoryWords.first(where: { $0.slug == slug }) { return language == .fr ? words.fr : words.en }
        return slug.replacingOccurrences(of: "_", with: " ")
    }

    /// The family a category belongs to; nil for a category the lexicon does not know.
    public static func family(of category: String) -> Family? {
        categoryWords.first { $0.slug == category }?.family
    }

    /// A family's name, as a chart's title.
    public func title(of family: Family) -> String {
        switch family {
        case .people: language == .fr ? "Personnes" : "People"
        case .seizures: language == .fr ? "Perquisitions et saisies" : "Searches and seizures"
        case .online: language == .fr ? "Contenus en ligne" : "Online material"
        case .reports: language == .fr ? "Signalements et affaires" : "Reports and cases"
        case .cooperation: language == .fr ? "Coopération" : "Cooperation"
        case .share: language == .fr ? "Proportions" : "Shares"
        }
    }

    /// A fact's review status as a reader says it.
    public func status(_ status: String) -> String {
        let words: [String: (en: String, fr: String)] = [
            "extracted": ("to review", "à vérifier"), "confirmed": ("confirmed", "confirmé"), "rejected": ("rejected", "rejeté"),
            "superseded": ("superseded", "remplacé"),
        ]
        return words[status].map { language == .fr ? $0.fr : $0.en } ?? status
    }

    // MARK: Numbers and units

    /// Digits grouped as the reader writes them: 28,000.5 in English, 28 000,5 in French (narrow
    /// no-break spaces, so a number never breaks across lines).
    public func number(_ value: Double) -> String {
        let negative = value < 0
        let magnitude = abs(value)
        var whole = magnitude.rounded(.towardZero)
        var fraction = ((magnitude - whole) * 100).rounded()
        if fraction >= 100 {
            whole += 1
            fraction = 0
        }
        let digits = whole < 1e18 ? String(UInt64(whole)) : String(format: "%.0f", whole)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += language == .fr ? "\u{202F}" : "," }
            grouped.append(digit)
        }
        if fraction > 0 {
            var decimals = String(format: "%02d", Int(fraction))
            while decimals.hasSuffix("0") { decimals.removeLast() }
            grouped += (language == .fr ? "," : ".") + decimals
        }
        return (negative ? "−" : "") + grouped
    }

    /// A large amount with its scale in words ("31 million", "1,2 milliard"), exact below a million.
    func amount(_ value: Double) -> (number: String, scale: String?) {
        let scales: [(Double, String, String, String)] = [
            (1e9, "billion", "milliard", "milliards"), (1e6, "million", "million", "millions"),
        ]
        for (size, english, frenchOne, frenchMany) in scales where abs(value) >= size {
            let scaled = value / size
            let rounded = (scaled * 100).rounded() / 100
            guard abs(rounded * size - value) < 0.5 else { break }
            return (number(rounded), language == .fr ? (rounded < 2 ? frenchOne : frenchMany) : english)
        }
        return (number(value), nil)
    }

    /// A figure as the reader says it: its value with its unit, its category, what it counts
    /// ("at least about 25 · suspects arrested · des personnes").
    public func summary(of figure: Figure) -> String {
        let value = value(
            figure.value, valueMax: figure.valueMax, unit: figure.unit, approximate: figure.approximate, bound: figure.bound)
        return [value, figure.category.map(category), figure.counts].compactMap { $0 }.joined(separator: " · ")
    }

    /// A figure's value in words: qualifier, number or range, unit.
    public func value(_ value: Double, valueMax: Double? = nil, unit: String, approximate: Bool = false, bound: String? = nil)
        -> String
    {
        var text = quantity(value, valueMax: valueMax, unit: unit)
        if approximate { text = (language == .fr ? "environ " : "about ") + text }
        switch bound {
        case "at_least": text = (language == .fr ? "au moins " : "at least ") + text
        case "at_most": text = (language == .fr ? "au plus " : "at most ") + text
        default: break
        }
        return text
    }

    private func quantity(_ value: Double, valueMax: Double?, unit: String) -> String {
        let range = { (format: (Double) -> String) in valueMax.map { format(value) + "–" + format($0) } ?? format(value) }
        let (kind, detail) = Self.split(unit)
        switch kind {
        case "count":
            return range(number)
        case "percent":
            return range(number) + (language == .fr ? "\u{202F}%" : "%")
        case "fraction" where valueMax == nil:
            return fraction(value) ?? number(value)
        case "currency":
            return money(value, valueMax: valueMax, code: detail)
        case "duration", "age", "mass", "data":
            let largest = valueMax ?? value
            return range(number) + "\u{A0}" + measure(kind, detail, plural: largest != 1)
        default:
            return range(number) + " " + unit
        }
    }

    private static func split(_ unit: String) -> (kind: String, detail: String) {
        guard let colon = unit.firstIndex(of: ":") else { return (unit, "") }
        return (String(unit[..<colon]), String(unit[unit.index(after: colon)...]))
    }

    private func fraction(_ value: Double) -> String? {
        let words: [(Double, String, String)] = [
            (0.5, "a half", "la moitié"), (0.25, "a quarter", "un quart"), (0.75, "three quarters", "trois quarts"),
            (0.3333, "a third", "un tiers"), (0.6667, "two thirds", "deux tiers"),
        ]
        return words.first { abs($0.0 - value) < 0.001 }.map { language == .fr ? $0.2 : $0.1 }
    }

    private func money(_ value: Double, valueMax: Double?, code: String) -> String {
        let symbols = ["EUR": "€", "USD": "US$", "GBP": "£"]
        let frenchNames = ["EUR": "d’euros", "USD": "de dollars US", "GBP": "de livres sterling"]
        let low = amount(value)
        let high = valueMax.map(amount)
        let scale = high?.scale ?? low.scale
        let sameScale = high == nil || high?.scale == low.scale
        var figure = low.number
        if let high { figure += "–" + high.number }
        if !sameScale { figure = number(value) + "–" + number(valueMax ?? value) }
        let symbol = symbols[code] ?? code
        if language == .fr {
            if let scale, sameScale { return "\(figure) \(scale) \(frenchNames[code] ?? code)" }
            return "\(figure)\u{A0}\(symbol)"
        }
        return "\(symbol)\u{A0}\(figure)\(sameScale ? scale.map { " " + $0 } ?? "" : "")"
    }

    private func measure(_ kind: String, _ detail: String, plural: Bool) -> String {
        switch (kind, detail) {
        case ("age", _): return language == .fr ? (plural ? "ans" : "an") : (plural ? "years old" : "year old")
        case ("mass", "tonne"): return "t"
        case ("mass", _): return detail
        case ("data", _): return language == .fr ? detail.replacingOccurrences(of: "B", with: "o") : detail
        default:
            let words: [String: (en: String, fr: String, frPlural: String)] = [
                "minute": ("minute", "minute", "minutes"), "hour": ("hour", "heure", "heures"), "day": ("day", "jour", "jours"),
                "week": ("week", "semaine", "semaines"), "month": ("month", "mois", "mois"), "year": ("year", "an", "ans"),
                "decade": ("decade", "décennie", "décennies"),
            ]
            guard let word = words[detail] else { return detail }
            if language == .fr { return plural ? word.frPlural : word.fr }
            return word.en + (plural ? "s" : "")
        }
    }
}
