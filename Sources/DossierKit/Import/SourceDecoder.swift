import Foundation

/// Turns the bytes of a file into the text that is stored, refusing anything that is not text.
///
/// No guessing: UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised; a legacy
/// single-byte encoding is used only when the archivist declares it.
public struct SourceDecoder: Sendable {
    public enum LegacyEncoding: String, Sendable, CaseIterable {
        case windows1252 = "windows-1252"
        case iso88591 = "iso-8859-1"
    }

    public struct Decoded: Sendable, Equatable {
        public let body: String
        public let encoding: String
    }

    public let declaredEncoding: LegacyEncoding?

    public init(declaredEncoding: LegacyEncoding? = nil) {
        self.declaredEncoding = declaredEncoding
    }

    public func decode(_ bytes: [UInt8], file: String) throws -> Decoded {
        guard !bytes.isEmpty else { throw ImportFailure(file: file, "file is empty") }
        if let media = MediaSignature.match(bytes) {
            throw ImportFailure(file: file, "looks like \(media), not text; Dossier archives text only")
        }
        let decoded: Decoded
        if bytes.starts(with: [0xFF, 0xFE]) {
            decoded = Decoded(body: try utf16(Array(bytes.dropFirst(2)), bigEndian: false, file: file), encoding: "utf-16le")
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            decoded = Decoded(body: try utf16(Array(bytes.dropFirst(2)), bigEndian: true, file: file), encoding: "utf-16be")
        } else if let declaredEncoding {
            try refuseNUL(bytes, file: file)
            decoded = Decoded(body: Self.singleByte(bytes, declaredEncoding), encoding: declaredEncoding.rawValue)
        } else {
            let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let content = hasBOM ? Array(bytes.dropFirst(3)) : bytes
            try refuseNUL(content, file: file, offsetBase: hasBOM ? 3 : 0)
            // The standard library validates while it copies; the offending byte is looked for only
            // when it refuses the text.
            if let body = String(validating: content, as: UTF8.self) {
                decoded = Decoded(body: body, encoding: hasBOM ? "utf-8-bom" : "utf-8")
            } else {
                let offset = Self.firstInvalidUTF8Offset(content) ?? 0
                throw ImportFailure(
                    file: file,
                    "invalid UTF-8 at byte offset \(offset + (hasBOM ? 3 : 0)); if the file uses a legacy encoding, "
                        + "declare it with --encoding windows-1252 or --encoding iso-8859-1")
            }
        }
        if decoded.body.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw ImportFailure(file: file, "file holds only whitespace")
        }
        return decoded
    }

    private func refuseNUL(_ bytes: [UInt8], file: String, offsetBase: Int = 0) throws {
        if let offset = bytes.firstIndex(of: 0) {
            throw ImportFailure(file: file, "NUL byte at byte offset \(offset + offsetBase): this is not a text file")
        }
    }

    private func utf16(_ bytes: [UInt8], bigEndian: Bool, file: String) throws -> String {
        guard bytes.count % 2 == 0 else {
            throw ImportFailure(file: file, "UTF-16 text has an odd number of bytes (\(bytes.count + 2))")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for index in stride(from: 0, to: bytes.count, by: 2) {
            let pair = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? pair.0 << 8 | pair.1 : pair.1 << 8 | pair.0)
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var parser = UTF16.ForwardParser()
        var unitOffset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = UTF16.decode(encoded)
                if scalar.value == 0 {
                    throw ImportFailure(file: file, "NUL character at byte offset \(2 + unitOffset * 2): this is not a text file")
                }
                scalars.append(scalar)
                unitOffset += encoded.count
            case .error:
                throw ImportFailure(file: file, "invalid UTF-16 (unpaired surrogate) at byte offset \(2 + unitOffset * 2)")
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            if bytes[index + 1] < lower || bytes[index + 1] > upper { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    /// Windows-1252 differs from ISO-8859-1 only in 0x80–0x9F.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
        0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178,
    ]

    static func singleByte(_ bytes: [UInt8], _ encoding: LegacyEncoding) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value =
                encoding == .windows1252 && (0x80...0x9F).contains(byte)
                ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
