import Foundation
import Testing

@testable import DossierKit

@Suite("Decoding source files")
struct SourceDecoderTests {
    let decoder = SourceDecoder()

    @Test("UTF-8 is stored as is, with line endings kept")
    func utf8() throws {
        let decoded = try decoder.decode(Array("Opération\r\nCumberland\rfin\n".utf8), file: "a.txt")
        #expect(decoded.body == "Opération\r\nCumberland\rfin\n")
        #expect(decoded.encoding == "utf-8")
    }

    @Test("a UTF-8 byte-order mark is not part of the text")
    func utf8BOM() throws {
        let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array("Europol".utf8), file: "a.txt")
        #expect(decoded.body == "Europol")
        #expect(decoded.encoding == "utf-8-bom")
    }

    @Test("UTF-16 with a byte-order mark is transcoded, both byte orders")
    func utf16() throws {
        let text = "Arrêtés : 25 👮"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try decoder.decode(little, file: "le.txt") == SourceDecoder.Decoded(body: text, encoding: "utf-16le"))
        #expect(try decoder.decode(big, file: "be.txt") == SourceDecoder.Decoded(body: text, encoding: "utf-16be"))
    }

    @Test(
        "invalid UTF-8 names the file and the byte offset",
        arguments: [
            ([0x61, 0x62, 0xFF, 0x63], 2), ([0x61, 0xC3], 1), ([0xE9, 0x74, 0xE9], 0), ([0x61, 0xED, 0xA0, 0x80], 1),
            ([0x61, 0xC0, 0xAF], 1),
        ])
    func invalidUTF8(bytes: [UInt8], offset: Int) {
        let error = #expect(throws: ImportFailure.self) { try decoder.decode(bytes, file: "bad.txt") }
        #expect(error?.file == "bad.txt")
        #expect(error?.reason.contains("invalid UTF-8 at byte offset \(offset)") == true)
    }

    @Test("a declared legacy encoding is decoded, never guessed")
    func legacy() throws {
        let bytes: [UInt8] = [0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xE9]
        let windows = try SourceDecoder(declaredEncoding: .windows1252).decode(bytes, file: "w.txt")
        #expect(windows.body == "€ “a” é")
        #expect(windows.encoding == "windows-1252")
        let latin = try SourceDecoder(declaredEncoding: .iso88591).decode([0x63, 0x61, 0x66, 0xE9], file: "l.txt")
        #expect(latin.body == "café")
    }

    @Test("NUL bytes are refused", arguments: [[0x61, 0x00, 0x62], [0xFF, 0xFE, 0x61, 0x00, 0x00, 0x00]])
    func nul(bytes: [UInt8]) {
        let error = #expect(throws: ImportFailure.self) { try decoder.decode(bytes, file: "nul.txt") }
        #expect(error?.reason.contains("NUL") == true)
    }

    @Test(
        "media and archive files are refused by their signature",
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "PNG"), ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG"),
            (Array("GIF89a....".utf8), "GIF"), (Array("RIFF\0\0\0\0WEBPVP8 ".utf8), "WebP"),
            ([0, 0, 0, 0x18] + Array("ftypmp42".utf8), "MP4"), (Array("%PDF-1.7\n".utf8), "PDF"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0], "ZIP"),
        ])
    func media(bytes: [UInt8], kind: String) {
        let error = #expect(throws: ImportFailure.self) { try decoder.decode(bytes, file: "media.bin") }
        #expect(error?.reason.contains(kind) == true)
        #expect(error?.reason.contains("text only") == true)
    }

    @Test("the offset finder refuses exactly the byte sequences the standard library refuses")
    func validatorsAgree() {
        // Pieces that make valid and invalid UTF-8: ASCII, 2-4 byte scalars, stray continuation
        // bytes, overlong forms, surrogates, code points past U+10FFFF, bytes never used in UTF-8.
        let pieces: [[UInt8]] = [
            [0x41], [0xC3, 0xA9], [0xE2, 0x80, 0x99], [0xF0, 0x9F, 0x91, 0xB6], [0x80], [0xBF], [0xC0, 0x80],
            [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0xFF], [0xC3],
            [0xE2, 0x80], [0xF0, 0x9F, 0x91],
        ]
        var random = SplitMix64(seed: 11)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &random)).flatMap { _ in pieces.randomElement(using: &random)! }
            let refused = String(validating: bytes, as: UTF8.self) == nil
            let offset = SourceDecoder.firstInvalidUTF8Offset(bytes)
            #expect(refused == (offset != nil), "\(bytes.map { String($0, radix: 16) })")
            if refused != (offset != nil) { return }
        }
    }

    @Test("empty and blank files are refused", arguments: [[], Array(" \n\t\r\n".utf8)])
    func empty(bytes: [UInt8]) {
        #expect(throws: ImportFailure.self) { try decoder.decode(bytes, file: "empty.txt") }
    }
}

@Suite("Front matter")
struct FrontMatterTests {
    @Test("front matter is split off and the body kept verbatim")
    func split() {
        let split = FrontMatter.split("---\r\ntitle: T\r\n---\r\nBody\r\nline\r\n")
        #expect(split.yaml == "title: T\r\n")
        #expect(split.body == "Body\r\nline\r\n")
        #expect(FrontMatter.split("No front matter\n---\n").yaml == nil)
        #expect(FrontMatter.split("---\nunclosed: yes\n").yaml == nil)
    }

    @Test("known fields are read with their types")
    func fields() throws {
        let metadata = try FrontMatter.metadata(
            from: """
                title: Opération Cumberland
                publisher: Europol
                url: https://www.europol.europa.eu/x
                published: 2025-02-28
                retrieved: 2025-03-01T10:00:00Z
                language: FR
                kind: press release
                cites: [https://a.example, https://b.example]
                tags: csam
                operation: Operation Cumberland
                unknown_field: ignored
                """, file: "f.md")
        #expect(metadata.title == "Opération Cumberland")
        #expect(metadata.published == "2025-02-28")
        #expect(metadata.retrieved == "2025-03-01")
        #expect(metadata.language == "fr")
        #expect(metadata.kind == .pressRelease)
        #expect(metadata.cites == ["https://a.example", "https://b.example"])
        #expect(metadata.tags == ["csam"])
        #expect(metadata.operation == "Operation Cumberland")
    }

    @Test(
        "wrong types, impossible dates and bad YAML are errors naming the file and field",
        arguments: [
            ("title: [a, b]", "'title'"), ("published: 2025-02-30", "'published'"), ("kind: podcast", "'kind'"),
            ("cites: {a: b}", "'cites'"), ("title: \"unclosed", "not valid YAML"), ("- just\n- a list", "mapping"),
        ])
    func invalid(yaml: String, expected: String) {
        let error = #expect(throws: ImportFailure.self) { try FrontMatter.metadata(from: yaml, file: "doc.md") }
        #expect(error?.file == "doc.md")
        #expect(error?.reason.contains(expected) == true, "\(error?.reason ?? "")")
    }

    @Test(
        "control characters in a field are refused, naming the field, the file's line and the character",
        arguments: [
            // Written as YAML escapes: YAML lets these through.
            (#"title: "Red \e[31malert""#, "field 'title' on line 3", "U+001B (ESC)"),
            (#"title: "Cut\0here""#, "field 'title' on line 3", "U+0000 (NUL)"),
            (#"title: "a\u009Bb""#, "field 'title' on line 3", "U+009B (CSI)"),
            (#"title: "back\rover""#, "field 'title' on line 3", "U+000D (CR)"),
            (#"author: "x\x7Fy""#, "field 'author' on line 3", "U+007F (DEL)"),
            (#"publisher: "two\nlines""#, "field 'publisher' on line 3", "U+000A (LF)"),
            (#"url: "https://a.example/\tx""#, "field 'url' on line 3", "U+0009 (HT)"),
            ("tags:\n  - fine\n  - \"b\\u0085d\"", "field 'tags' on line 5", "U+0085 (NEL)"),
            (#"operation: "Op\x01""#, "field 'operation' on line 3", "U+0001 (SOH)"),
            // Written as such: YAML refuses most of them itself, without naming the field or the file's line.
            ("title: Red \u{1B}[31malert", "field 'title' on line 3", "U+001B (ESC)"),
            ("title: a\u{9B}b", "field 'title' on line 3", "U+009B (CSI)"),
            ("cites:\n  - https://a.example\n  - https://b.example/\u{7}", "field 'cites' on line 5", "U+0007 (BEL)"),
            ("\"ti\u{1B}tle\": x", "front matter line 3", "U+001B (ESC)"),
        ])
    func controlCharacters(field: String, place: String, character: String) {
        let yaml = "kind: article\n" + field + "\n"
        let error = #expect(throws: ImportFailure.self) { try FrontMatter.metadata(from: yaml, file: "doc.md", firstLine: 2) }
        #expect(error?.file == "doc.md")
        #expect(error?.reason.contains(place) == true, "\(error?.reason ?? "")")
        #expect(error?.reason.contains("holds the control character \(character); remove it") == true, "\(error?.reason ?? "")")
        // The message itself never carries the character to the terminal.
        #expect(error.map { ControlCharacter.first(in: $0.description) == nil } == true)
    }

    @Test("a title may span lines and hold tabs, no other field may; other text is unchanged")
    func multilineTitle() throws {
        let metadata = try FrontMatter.metadata(
            from: "title: |\n  First line\n  \tsecond line\npublisher: \"Europol \u{2014} EC3\"\n", file: "doc.md")
        #expect(metadata.title == "First line\n\tsecond line\n")
        #expect(metadata.publisher == "Europol \u{2014} EC3")
        let error = #expect(throws: ImportFailure.self) {
            try FrontMatter.metadata(from: "title: T\npublisher: |\n  First line\n  second line\n", file: "doc.md")
        }
        #expect(error?.reason == "front matter field 'publisher' on line 2 holds the control character U+000A (LF); remove it")
    }

    @Test(
        "a language must be an ISO 639-1 code; upper case is read as lower case",
        arguments: [
            ("fr", "fr"), ("FR", "fr"), ("En", "en"), ("sh", "sh"), ("xx", nil), ("klingon", nil), ("fra", nil),
            ("fr-FR", nil), ("bh", nil), ("f", nil),
        ] as [(String, String?)])
    func language(code: String, expected: String?) throws {
        let yaml = "title: T\nlanguage: \(code)\n"
        if let expected {
            #expect(try FrontMatter.metadata(from: yaml, file: "doc.md", firstLine: 2).language == expected)
        } else {
            let error = #expect(throws: ImportFailure.self) { try FrontMatter.metadata(from: yaml, file: "doc.md", firstLine: 2) }
            #expect(
                error?.reason
                    == "front matter field 'language' on line 3: language '\(code)' is not an ISO 639-1 code (two letters, e.g. fr, en)"
            )
        }
    }

    @Test("aliases that would expand exponentially are never expanded")
    func billionLaughs() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...20 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "tags: *a20\n"
        let error = #expect(throws: ImportFailure.self) { try FrontMatter.metadata(from: yaml, file: "bomb.md") }
        #expect(error?.reason.contains("'tags'") == true)
    }

    @Test("metadata precedence: options over front matter over inference")
    func precedence() {
        let inferred = DocumentMetadata(title: "Inferred", published: "2025-01-01", language: "fr")
        let declared = DocumentMetadata(title: "Declared", publisher: "Europol", published: "2025-02-02")
        let options = DocumentMetadata(publisher: "Option publisher")
        let merged = inferred.overlaid(by: declared).overlaid(by: options)
        #expect(merged.title == "Declared")
        #expect(merged.publisher == "Option publisher")
        #expect(merged.published == "2025-02-02")
        #expect(merged.language == "fr")
    }
}
