/// The character encoding of a saved page, decided before parsing.
///
/// libxml2 reads a page without a BOM or a `<meta charset>` as ISO-8859-1, which turns every
/// accented letter of a UTF-8 page into two wrong ones. So: a BOM wins, then the page's own
/// declaration in its first 4 KiB (as browsers look for it), then UTF-8 when the bytes are valid
/// UTF-8, and windows-1252 otherwise (what browsers assume for legacy pages).
enum HTMLCharset {
    static func encoding(of bytes: [UInt8], ignoringDeclaration: Bool = false) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if !ignoringDeclaration, let declared = declared(in: bytes.prefix(4096)) { return declared }
        return String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : "windows-1252"
    }

    /// The value of the first `charset=` in the head, if it names an encoding libxml2 knows by that name.
    static func declared(in head: ArraySlice<UInt8>) -> String? {
        let lowered = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = lowered.startIndex
        while index + needle.count < lowered.endIndex {
            defer { index += 1 }
            guard lowered[index..<index + needle.count].elementsEqual(needle) else { continue }
            var cursor = index + needle.count
            while cursor < lowered.endIndex, lowered[cursor] == 0x20 { cursor += 1 }
            guard cursor < lowered.endIndex, lowered[cursor] == 0x3D else { continue }
            cursor += 1
            while cursor < lowered.endIndex, lowered[cursor] == 0x20 || lowered[cursor] == 0x22 || lowered[cursor] == 0x27 {
                cursor += 1
            }
            var name: [UInt8] = []
            while cursor < lowered.endIndex, name.count < 40 {
                let byte = lowered[cursor]
                let isNameByte =
                    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                guard isNameByte else { break }
                name.append(byte)
                cursor += 1
            }
            guard !name.isEmpty else { continue }
            return canonical(String(decoding: name, as: UTF8.self))
        }
        return nil
    }

    /// Browsers read ISO-8859-1 and ASCII labels as windows-1252; the name libxml2 is given.
    static func canonical(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8": "UTF-8"
        case "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252": "windows-1252"
        default: label.uppercased()
        }
    }
}
