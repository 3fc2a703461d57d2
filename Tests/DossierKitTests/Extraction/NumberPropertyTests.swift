import PropertyBased
import Testing

@testable import DossierKit

/// Property-based tests of number reading (issue 8): random values written the ways French and
/// English press releases write them must read back as the same figure, and no digit string, however
/// long, may give a figure that is not a finite number.
@Suite("Number reading: properties")
struct NumberPropertyTests {
    static let extractor = Result { try Fixtures.extractor() }

    func figures(_ text: String, _ language: String) throws -> [ExtractedFigure] {
        try Self.extractor.get().extract(from: text, language: language).figures
    }

    /// Thousands groups as each language writes them (French: space, no-break or narrow no-break space).
    static func grouped(_ value: Int, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    // Years (1900–2100) are dates, not counts, by design; the values start above them.
    @Test("English grouped integers read back exactly")
    func englishIntegers() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 2_101...999_999_999_999)) { value in
            let text = "Europol said \(Self.grouped(value, separator: ",")) suspects were arrested."
            let found = try figures(text, "en")
            #expect(found.first?.value == Double(value), "\(text)")
            #expect(found.first?.span.text.hasPrefix(Self.grouped(value, separator: ",")) == true, "\(text)")
        }
    }

    @Test("French grouped integers read back exactly, with every kind of group space")
    func frenchIntegers() async throws {
        await propertyCheck(
            count: 300, input: Gen.int(in: 2_101...999_999_999_999), Gen.int(in: 0...2).map { [" ", "\u{A0}", "\u{202F}"][$0] }
        ) { value, space in
            let text = "Europol a indiqué que \(Self.grouped(value, separator: space)) suspects ont été arrêtés."
            let found = try figures(text, "fr")
            #expect(found.first?.value == Double(value), "\(text.debugDescription)")
        }
    }

    @Test("decimal percentages read back in both languages")
    func percentages() async throws {
        await propertyCheck(count: 300, input: Gen.int(in: 1...99), Gen.int(in: 1...9)) { whole, tenth in
            let french = try figures("Environ \(whole),\(tenth) % des victimes ont été identifiées.", "fr")
            #expect(french.first?.value == Double("\(whole).\(tenth)") && french.first?.unit == "percent")
            let english = try figures("About \(whole).\(tenth)% of the victims were identified.", "en")
            #expect(english.first?.value == Double("\(whole).\(tenth)") && english.first?.unit == "percent")
        }
    }

    @Test("no digit string, however long, gives a figure that is not finite")
    func alwaysFinite() async throws {
        await propertyCheck(count: 200, input: Gen.number.string(of: 1...700), Gen.int(in: 0...1).map { ["fr", "en"][$0] }) {
            digits, language in
            let text = "Europol said \(digits) suspects were arrested and 1\u{202F}\(digits) more."
            for figure in try figures(text, language) {
                #expect(figure.value.isFinite && (figure.valueMax?.isFinite ?? true), "\(figure.span.text)")
            }
        }
    }
}
