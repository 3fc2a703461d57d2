/// The control characters metadata may not hold: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
///
/// Metadata is stored and later printed to terminals as it is: ESC and CSI (U+009B) start escape
/// sequences that can rewrite or hide what a terminal shows, CR moves back over a line, NUL cuts C
/// strings short. Tab and line feed are harmless and are let through where a value may span lines.
public enum ControlCharacter {
    /// Whether `scalar` is refused; tab and line feed are let through when `multiline`.
    public static func isRefused(_ scalar: Unicode.Scalar, multiline: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: !multiline
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The first refused character of `text` and its 1-based position in Unicode scalars, or nil.
    public static func first(in text: String, multiline: Bool = false) -> (scalar: Unicode.Scalar, position: Int)? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where isRefused(scalar, multiline: multiline) {
            return (scalar, offset + 1)
        }
        return nil
    }

    /// The character's code point and its name, e.g. `U+001B (ESC)`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let value = Int(scalar.value)
        let abbreviation: String? =
            switch value {
            case 0x00...0x1F: c0[value]
            case 0x7F: "DEL"
            case 0x80...0x9F: c1[value - 0x80]
            default: nil
            }
        return abbreviation.map { "\(code) (\($0))" } ?? code
    }

    /// `text` with every control character written as `\u{1B}`, so that an error message quoting a
    /// refused value cannot itself send an escape sequence to the terminal.
    public static func escaped(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isRefused(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let c0 = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI", "DLE",
        "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
    ]

    private static let c1 = [
        "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS", "PLD", "PLU", "RI", "SS2", "SS3",
        "DCS", "PU1", "PU2", "STS", "CCH", "MW", "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC",
    ]
}

extension DocumentMetadata {
    /// The fields whose value may span lines (tab and line feed allowed): a long title may be
    /// written over several lines of YAML. Every other field is a single line.
    public static let multilineFields: Set<String> = ["title"]
}
