/// Case and diacritic folding on single scalars, hand-written so the hot path avoids
/// Foundation's locale-aware folding (which is slow and allocates).
enum TextFolding {
    /// Folds one scalar to lower-case ASCII-like form, written as UTF-8 bytes; apostrophes unify to "'",
    /// dashes to "-".
    /// The ASCII case is inlined (most scalars even of non-ASCII words), the rest kept out of line.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar, into out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 32) : UInt8(v))
        } else {
            foldBeyondASCII(s, into: &out)
        }
    }

    private static func foldBeyondASCII(_ s: Unicode.Scalar, into out: inout [UInt8]) {
        let v = s.value
        if let (first, second) = latinMap(v) {
            out.append(first)
            if second != 0 { out.append(second) }
            return
        }
        switch v {
        case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x2032: out.append(0x27)
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014: out.append(0x2D)
        default:
            if s.properties.isUppercase || s.properties.changesWhenLowercased {
                out.append(contentsOf: s.properties.lowercaseMapping.utf8)
            } else if s.properties.generalCategory == .nonspacingMark {
                return
            } else {
                appendUTF8(s, to: &out)
            }
        }
    }

    /// The scalar starting at byte `i` of valid UTF-8 (a String's) and its length in bytes.
    @inline(__always)
    static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b = UInt32(utf8[i])
        if b < 0x80 { return (Unicode.Scalar(UInt8(b)), 1) }
        let v: UInt32
        let length: Int
        if b < 0xE0 {
            v = (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            length = 2
        } else if b < 0xF0 {
            v = (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            length = 3
        } else {
            v = (b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)  // never nil: a String's UTF-8 is valid
    }

    @inline(__always)
    static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Folded copy of a whole string, built as UTF-8 bytes (appending to a String's scalar view is far slower).
    static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { fold(s, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ASCII letter a Latin letter folds to, and a second one (else 0) for æ, œ and ß: bytes, not a String
    /// per accented letter.
    // swiftlint:disable:next cyclomatic_complexity
    private static func latinMap(_ v: UInt32) -> (UInt8, UInt8)? {
        switch v {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return (UInt8(ascii: "a"), 0)
        case 0xC6, 0xE6: return (UInt8(ascii: "a"), UInt8(ascii: "e"))
        case 0xC7, 0xE7, 0x106...0x10D: return (UInt8(ascii: "c"), 0)
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return (UInt8(ascii: "e"), 0)
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return (UInt8(ascii: "i"), 0)
        case 0xD0, 0xF0, 0x10E...0x111: return (UInt8(ascii: "d"), 0)
        case 0xD1, 0xF1, 0x143...0x148: return (UInt8(ascii: "n"), 0)
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return (UInt8(ascii: "o"), 0)
        case 0x152, 0x153: return (UInt8(ascii: "o"), UInt8(ascii: "e"))
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return (UInt8(ascii: "u"), 0)
        case 0xDD, 0xFD, 0xFF, 0x178: return (UInt8(ascii: "y"), 0)
        case 0xDF: return (UInt8(ascii: "s"), UInt8(ascii: "s"))
        case 0x11C...0x123: return (UInt8(ascii: "g"), 0)
        case 0x124...0x127: return (UInt8(ascii: "h"), 0)
        case 0x134, 0x135: return (UInt8(ascii: "j"), 0)
        case 0x136, 0x137: return (UInt8(ascii: "k"), 0)
        case 0x139...0x142: return (UInt8(ascii: "l"), 0)
        case 0x154...0x159: return (UInt8(ascii: "r"), 0)
        case 0x15A...0x161: return (UInt8(ascii: "s"), 0)
        case 0x162...0x167: return (UInt8(ascii: "t"), 0)
        case 0x174, 0x175: return (UInt8(ascii: "w"), 0)
        case 0x176, 0x177: return (UInt8(ascii: "y"), 0)
        case 0x179...0x17E: return (UInt8(ascii: "z"), 0)
        default: return nil
        }
    }

    /// 1 for upper case, -1 for lower case, 0 otherwise; table-driven for Latin so the
    /// tokenizer avoids Unicode property lookups on the hot path.
    @inline(__always)
    static func letterCase(_ s: Unicode.Scalar) -> Int8 {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return 1 }
            if v >= 0x61 && v <= 0x7A { return -1 }
            return 0
        }
        if v >= 0xC0 && v <= 0xDE { return v == 0xD7 ? 0 : 1 }
        if v >= 0xDF && v <= 0xFF { return v == 0xF7 ? 0 : -1 }
        if v < 0xC0 { return 0 }
        let p = s.properties
        return p.isUppercase ? 1 : (p.isLowercase ? -1 : 0)
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27, 0x2019, 0x2018, 0x02BC: return true
        default: return false
        }
    }

    static func isHorizontalSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0xA0, 0x202F, 0x2009, 0x2007, 0x200A, 0x2002, 0x2003, 0x3000, 0xFEFF, 0x200B: return true
        default: return false
        }
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Inlined up to Latin (every scalar of most bodies), the Unicode property look-up kept out of line.
    /// From U+0250 on, the same as `isWordScalarByProperties` (a test checks every scalar).
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v == 0xAA || v == 0xBA { return true }
        if v < 0xC0 { return false }
        if v == 0xD7 || v == 0xF7 { return false }
        if v < 0x250 { return true }
        // General Punctuation and Currency Symbols (typographic quotes and apostrophes, dashes, "…", "€") hold
        // no letter and no mark: answered without the property look-up they would otherwise cost at each use.
        if v >= 0x2000 && v < 0x2070 || v >= 0x20A0 && v < 0x20D0 { return false }
        return isWordScalarByProperties(s)
    }

    /// A letter (Unicode Alphabetic) or a nonspacing mark, which belongs to the letter before it.
    static func isWordScalarByProperties(_ s: Unicode.Scalar) -> Bool {
        let p = s.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark
    }
}
