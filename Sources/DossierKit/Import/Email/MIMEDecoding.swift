/// Base64 as MIME uses it: line breaks and anything outside the alphabet are skipped (RFC 2045, 6.8).
enum Base64 {
    private static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = Int8(index)
        }
        return table
    }()

    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            if byte == 0x3D { break }
            let value = values[Int(byte)]
            if value < 0 { continue }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return output
    }
}

/// Quoted-printable (RFC 2045, 6.7): `=XX` is a byte, `=` at the end of a line joins it to the next.
enum QuotedPrintable {
    static func decode(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x3D {
                // A soft line break: `=` then optional whitespace then the line end.
                var next = index + 1
                while next < bytes.endIndex, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                if next < bytes.endIndex, bytes[next] == 0x0D || bytes[next] == 0x0A {
                    if bytes[next] == 0x0D, next + 1 < bytes.endIndex, bytes[next + 1] == 0x0A { next += 1 }
                    index = next + 1
                    continue
                }
                if next == bytes.endIndex {
                    index = next
                    continue
                }
                if index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                output.append(byte)
                index += 1
            } else if byte == 0x5F && underscoreIsSpace {
                output.append(0x20)
                index += 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}

enum PercentDecoding {
    static func decode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let high = QuotedPrintable.hex(bytes[index + 1]),
                let low = QuotedPrintable.hex(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}

/// The character sets an e-mail's text is read in: UTF-8, US-ASCII, ISO-8859-1 and windows-1252
/// (with their usual aliases) and ISO-8859-15.
enum Charsets {
    /// The text of `bytes` in `charset`, or nil when the charset is unknown or the bytes are not valid in it.
    static func decode(_ bytes: [UInt8], charset: String) -> String? {
        switch charset.trimmed.lowercased() {
        case "utf-8", "utf8":
            return String(validating: bytes, as: UTF8.self)
        case "us-ascii", "ascii", "":
            // Mislabelled 8-bit text is common: read it as UTF-8 if it is, else as windows-1252.
            return String(validating: bytes, as: UTF8.self) ?? SourceDecoder.singleByte(bytes, .windows1252)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1":
            return SourceDecoder.singleByte(bytes, .iso88591)
        case "windows-1252", "cp1252", "x-cp1252":
            return SourceDecoder.singleByte(bytes, .windows1252)
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9":
            return latin9(bytes)
        default:
            return nil
        }
    }

    static func isKnown(_ charset: String) -> Bool {
        decode([], charset: charset) != nil
    }

    /// A header's raw bytes: UTF-8 when they are (RFC 6532), else windows-1252.
    static func headerText(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? SourceDecoder.singleByte(bytes, .windows1252)
    }

    private static func latin9(_ bytes: [UInt8]) -> String {
        let differences: [UInt8: Unicode.Scalar] = [
            0xA4: "\u{20AC}", 0xA6: "\u{0160}", 0xA8: "\u{0161}", 0xB4: "\u{017D}", 0xB8: "\u{017E}", 0xBC: "\u{0152}",
            0xBD: "\u{0153}", 0xBE: "\u{0178}",
        ]
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(differences[byte] ?? Unicode.Scalar(byte)) }
        return String(scalars)
    }
}

/// RFC 2047 encoded words in headers: `=?charset?B?…?=` and `=?charset?Q?…?=`. Whitespace between
/// two encoded words is dropped; a word in an unknown charset is left as written.
enum EncodedWords {
    static func decode(_ text: String) -> String {
        guard text.contains("=?") else { return text }
        var result = ""
        var rest = Substring(text)
        var pendingSpace = ""
        var previousWasEncoded = false
        while let start = rest.range(of: "=?") {
            let before = rest[..<start.lowerBound]
            guard let decoded = word(at: rest[start.lowerBound...]) else {
                result += pendingSpace + before + "=?"
                pendingSpace = ""
                previousWasEncoded = false
                rest = rest[start.upperBound...]
                continue
            }
            if previousWasEncoded && before.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
                // Folding whitespace between two encoded words is not text.
            } else {
                result += pendingSpace + before
            }
            pendingSpace = ""
            result += decoded.text
            rest = decoded.rest
            previousWasEncoded = true
        }
        return result + pendingSpace + rest
    }

    private static func word(at text: Substring) -> (text: String, rest: Substring)? {
        let pieces = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard pieces.count == 4, pieces[3].hasPrefix("=") else { return nil }
        // `charset*language` (RFC 2231) names the charset before the star.
        let charset = String(pieces[0].split(separator: "*").first ?? "")
        let payload = Array(pieces[2].utf8)
        let bytes: [UInt8]
        switch pieces[1].uppercased() {
        case "B": bytes = Base64.decode(payload[...])
        case "Q": bytes = QuotedPrintable.decode(payload[...], underscoreIsSpace: true)
        default: return nil
        }
        guard let decoded = Charsets.decode(bytes, charset: charset) else { return nil }
        return (decoded, pieces[3].dropFirst())
    }
}
