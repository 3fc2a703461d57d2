import Foundation
import Testing

@testable import DossierKit

@Suite("Slug, language, metadata, scorer")
struct MiscTests {
    @Test func slugs() {
        #expect(Slug.make("Catherine De Bolle") == "catherine-de-bolle")
        #expect(Slug.make("J-CAT") == "j-cat")
        #expect(Slug.make("  Opération  Été ’24 ") == "operation-ete-24")
    }

    @Test func language() {
        #expect(LanguageDetector.detect("Les suspects ont été arrêtés dans le cadre de l’enquête.") == "fr")
        #expect(LanguageDetector.detect("The suspects were arrested as part of the investigation.") == "en")
    }

    /// Beyond Latin (whose letters the word test lists itself), its fast ranges must agree with the Unicode
    /// properties on every scalar.
    @Test func wordScalarFastPathsMatchProperties() {
        for v in UInt32(0x250)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(TextFolding.isWordScalar(s) == TextFolding.isWordScalarByProperties(s), "U+\(String(v, radix: 16))")
        }
    }

    /// Stop words in every case and normalisation form, glued to digits, punctuation and non-ASCII letters.
    @Test func languageEdgeCases() {
        #expect(LanguageDetector.detect("ÉTÉ été e\u{301}te\u{301} the") == "fr")
        #expect(LanguageDetector.detect("ÉTÉ the") == "en")
        #expect(LanguageDetector.detect("THE Le lé the2 3le WHICH.été") == "en")
        #expect(LanguageDetector.detect("ététhe the été") == "en")
        #expect(LanguageDetector.detect("whichwhich sont") == "fr")
        #expect(LanguageDetector.detect("") == "en")
    }

    /// `index(_:afterCharacters:)` and title shapes read scalars as Characters: every pair of such scalars but
    /// CR LF must be two Characters.
    @Test func ownCharacterScalarsAreCharacters() {
        let scalars = (UInt32(0)..<0x2100).filter(DocumentMetadataInference.isOwnCharacter).compactMap(Unicode.Scalar.init)
        #expect(scalars.allSatisfy { $0.value < 0x300 || $0.value >= 0x2010 } && scalars.count == 0x300 + 0x18)
        for first in scalars {
            for second in scalars {
                var pair = String.UnicodeScalarView()
                pair.append(first)
                pair.append(second)
                #expect(String(pair).count == (first == "\r" && second == "\n" ? 1 : 2), "\(first.value) \(second.value)")
            }
        }
    }

    @Test func titles() {
        #expect(
            DocumentMetadataInference.title(of: "Monde\n\nUn rapport d’Europol révèle des vidéos\n\nTexte.")
                == "Un rapport d’Europol révèle des vidéos")
        #expect(DocumentMetadataInference.title(of: "\nOperation Viper: 25 arrested\nBody.") == "Operation Viper: 25 arrested")
    }

    /// `title(of:)` trims lines with its own scalar test instead of Foundation: both must agree on every scalar.
    @Test func titleTrimmingMatchesFoundation() {
        for v in UInt32(0)..<0x10000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let foundation = ("a" + String(s)).trimmingCharacters(in: .whitespacesAndNewlines) == "a"
            #expect(DocumentMetadataInference.isTrimmed(s) == foundation, "U+\(String(v, radix: 16))")
        }
        #expect(DocumentMetadataInference.title(of: "\u{A0}Monde \r\n\r\n\tViper: 25 held\u{200B}\r\nBody.") == "Viper: 25 held")
    }

    @Test func publicationDates() {
        #expect(DocumentMetadataInference.publicationDate(of: "Title\nPublished: 12 March 2024\nBody") == "2024-03-12")
        #expect(DocumentMetadataInference.publicationDate(of: "Titre\nPublié le 3 mars 2025\nCorps") == "2025-03-03")
        #expect(DocumentMetadataInference.publicationDate(of: "Title\n\nThe Hague, 28 February 2025\n\nBody") == "2025-02-28")
        #expect(DocumentMetadataInference.publicationDate(of: "Suspects were arrested on 26 February 2025 in a raid.") == nil)
    }

    @Test func englishDocumentEndToEnd() throws {
        let x = try Fixtures.extract(Fixtures.europolEN)
        #expect(x.language == "en")
        #expect(x.operations.map(\.slug) == ["viper"])
        let values = x.figures.map(\.value)
        for v in [19.0, 25, 1200, 12, 173, 2_400_000, 400_000, 98, 30] { #expect(values.contains(v), "missing \(v)") }
        #expect(!values.contains(2019) && !values.contains(719) && !values.contains(34) && !values.contains(800))
        #expect(x.dates.map(\.iso).contains("2025-02-26"))
        #expect(x.dates.map(\.iso).contains("2023-06/2023-08"))
        #expect(x.dates.map(\.iso).contains("2019"))
        let orgs = Set(x.organisations.map(\.slug))
        #expect(orgs.isSuperset(of: ["europol", "j-cat", "nca", "ceop"]))
        #expect(x.organisations.contains { $0.name == "Metropolitan Police Service" })
        #expect(x.organisations.contains { $0.acronym == "CRC" })
        #expect(DocumentMetadataInference.publicationDate(of: Fixtures.europolEN) == "2025-02-28")
    }

    @Test func seedScoresMeetTargets() throws {
        let ex = try Fixtures.extractor()
        for stem in ["000_22aa1b1caa392d1c", "004_991572ae52f3ab2f"] {
            let body = try String(
                contentsOf: Fixtures.root.appendingPathComponent("Seeds/documents/\(stem).txt"), encoding: .utf8)
            let scores = try GoldScorer.score(
                gold: Fixtures.data("Tests/Fixtures/gold/\(stem).json"), extraction: ex.extract(from: body), body: body)
            for cat in ["figures", "people", "organisations", "operations"] {
                #expect((scores[cat]?.f1 ?? 0) >= 0.95, "\(stem) \(cat)")
            }
            #expect((scores["quotes"]?.f1 ?? 0) >= 0.9)
        }
    }
}
