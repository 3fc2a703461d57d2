/// Stable identifiers for entities: lower case, diacritics folded, runs of other characters
/// collapsed to one hyphen, so "Catherine De Bolle" and "catherine de bolle" link to one record.
public enum Slug {
    public static func make(_ s: String) -> String {
        let folded = TextFolding.fold(s)
        var out: [UInt8] = []  // UTF-8: appending to a String's scalar view is far slower
        var pendingHyphen = false
        for c in folded.unicodeScalars {
            let v = c.value
            let isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x80 && c.properties.isAlphabetic)
            if isAlnum {
                if pendingHyphen && !out.isEmpty { out.append(0x2D) }
                pendingHyphen = false
                TextFolding.appendUTF8(c, to: &out)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
