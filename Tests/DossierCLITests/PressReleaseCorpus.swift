import DossierKit
import Foundation

/// A deterministic corpus of press-release-like documents in French and English, for tests that
/// need many realistic files (crash safety, concurrency) without committing them.
///
/// The same seed always gives the same bytes, so a clean reference archive built from one run can
/// be compared with an archive built by another. Every document carries its own number in its
/// title and body, so no two are near-duplicates (which would add `probable_duplicate_of` links
/// that depend on import order).
struct PressReleaseCorpus {
    let count: Int
    let seed: UInt64

    init(count: Int, seed: UInt64 = 0x5EED_D055_1E4) {
        self.count = count
        self.seed = seed
    }

    /// Writes `count` files named `NNNN-fr.txt` / `NNNN-en.md` into `folder` and returns their paths in order.
    @discardableResult
    func write(into folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try (0..<count).map { index in
            let (name, text) = document(index)
            let url = folder.appending(path: name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
    }

    /// The file name and text of document `index`.
    func document(_ index: Int) -> (name: String, text: String) {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        let number = String(format: "%04d", index)
        if index % 2 == 0 {
            return ("\(number)-fr.txt", french(index, &random))
        }
        return ("\(number)-en.md", english(index, &random))
    }

    private static let operations = [
        "Cumberland", "Endgame", "Trojan Shield", "Morpheus", "Magnus", "Emotet", "Pandora", "Sentinel",
    ]
    private static let frenchCountries = [
        "France", "Belgique", "Espagne", "Allemagne", "Italie", "Pays-Bas", "Pologne", "Danemark",
    ]
    private static let englishCountries = [
        "France", "Belgium", "Spain", "Germany", "Italy", "the Netherlands", "Poland", "Denmark",
    ]
    private static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre",
    ]
    private static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "September", "October", "November",
    ]

    private func french(_ index: Int, _ random: inout SplitMix64) -> String {
        let operation = random.pick(Self.operations)
        let country = random.pick(Self.frenchCountries)
        let day = random.int(1...28)
        let month = random.pick(Self.frenchMonths)
        let year = random.int(2019...2025)
        let arrested = random.int(2...480)
        let searches = random.int(3...900)
        let seized = random.int(1...25_000)
        let suspects = random.int(10...3_000)
        var text = """
            Communiqué n° \(index) : l’opération \(operation) frappe en \(country)

            Le \(day) \(month) \(year), les forces de l’ordre de \(country) ont mené l’opération \(operation), coordonnée par Europol et Eurojust. Au total, \(arrested) suspects ont été arrêtés et \(searches) perquisitions ont été effectuées.

            Résultats, jusqu’à présent :
            - \(suspects.frenchGrouped) suspects identifiés
            - \(arrested) suspects arrêtés
            - \(seized.frenchGrouped) dispositifs électroniques saisis

            « Cette opération montre que les criminels ne sont nulle part hors de portée de la coopération policière européenne », a déclaré Catherine De Bolle, directrice exécutive d’Europol.

            """
        for paragraph in 0..<random.int(1...6) {
            text +=
                "\nParagraphe \(paragraph + 1) du communiqué \(index) : environ \(random.int(2...99)) % des victimes ont été identifiées, et près de \(random.int(100...9_999).frenchGrouped) euros ont été saisis dans \(random.int(2...30)) pays.\n"
        }
        return text
    }

    private func english(_ index: Int, _ random: inout SplitMix64) -> String {
        let operation = random.pick(Self.operations)
        let country = random.pick(Self.englishCountries)
        let day = random.int(1...28)
        let month = random.pick(Self.englishMonths)
        let year = random.int(2019...2025)
        let arrested = random.int(2...480)
        let searches = random.int(3...900)
        let seized = random.int(1...25_000)
        var text = """
            ---
            title: "Release \(index): Operation \(operation) in \(country)"
            publisher: Europol
            published: \(year)-\(String(format: "%02d", random.int(1...12)))-\(String(format: "%02d", day))
            language: en
            kind: press_release
            ---
            Release \(index): Operation \(operation) strikes in \(country)

            On \(day) \(month) \(year), law enforcement authorities in \(country) carried out Operation \(operation), supported by Europol and Eurojust. In total, \(arrested) suspects were arrested and \(searches) house searches were carried out.

            Results so far:
            - \(arrested) suspects arrested
            - \(seized.englishGrouped) electronic devices seized
            - at least \(random.int(2...60)) victims safeguarded

            "This operation shows that criminals are nowhere out of reach of European police cooperation," said Catherine De Bolle, Executive Director of Europol.

            """
        for paragraph in 0..<random.int(1...6) {
            text +=
                "\nParagraph \(paragraph + 1) of release \(index): about \(random.int(2...99))% of the victims were identified, and nearly EUR \(random.int(100...9_999).englishGrouped) was seized in \(random.int(2...30)) countries.\n"
        }
        return text
    }
}

extension Int {
    /// "12 345" with a narrow no-break space, as French typography writes it.
    fileprivate var frenchGrouped: String { grouped(separator: "\u{202F}") }
    fileprivate var englishGrouped: String { grouped(separator: ",") }

    private func grouped(separator: String) -> String {
        let digits = String(self)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }
}

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }
}
