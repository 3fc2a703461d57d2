import Foundation
import Testing

@testable import DossierKit

@Suite("Metadata rules")
struct MetadataRulesTests {
    @Test("the ISO 639-1 list holds the 184 two-letter codes")
    func languageList() {
        #expect(LanguageCode.iso639Part1.count == 184)
        let letters = Set("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        #expect(LanguageCode.iso639Part1.allSatisfy { $0.unicodeScalars.count == 2 && letters.isSuperset(of: $0.unicodeScalars) })
        for code in ["fr", "en", "de", "nl", "es", "it", "pt", "pl", "sv", "uk", "zh", "ar", "sh"] {
            #expect(LanguageCode.normalized(code) == code)
        }
        #expect(LanguageCode.normalized("FR") == "fr")
        for code in ["xx", "qq", "bh", "fra", "eng", "klingon", "", "f", "fr ", "ｆｒ"] {
            #expect(LanguageCode.normalized(code) == nil, "\(code)")
        }
    }

    @Test(
        "control characters are C0, DEL and C1; tab and line feed only where lines are allowed",
        arguments: Array(0...0xA0) + [0x2028, 0xFEFF, 0x1F600])
    func controlCharacters(value: Int) throws {
        let scalar = try #require(Unicode.Scalar(UInt32(value)))
        let control = value < 0x20 || (0x7F...0x9F).contains(value)
        #expect(ControlCharacter.isRefused(scalar) == control)
        #expect(ControlCharacter.isRefused(scalar, multiline: true) == (control && value != 0x09 && value != 0x0A))
    }

    @Test("a refused character is named, located and escaped in messages")
    func naming() {
        #expect(ControlCharacter.name("\u{1B}") == "U+001B (ESC)")
        #expect(ControlCharacter.name("\u{0}") == "U+0000 (NUL)")
        #expect(ControlCharacter.name("\u{9B}") == "U+009B (CSI)")
        #expect(ControlCharacter.name("\u{7F}") == "U+007F (DEL)")
        #expect(ControlCharacter.first(in: "Red \u{1B}[31m")?.position == 5)
        #expect(ControlCharacter.first(in: "line\nline", multiline: true) == nil)
        #expect(ControlCharacter.escaped("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(LanguageCode.refusal("\u{1B}x") == "language '\\u{1B}x' is not an ISO 639-1 code (two letters, e.g. fr, en)")
    }
}
