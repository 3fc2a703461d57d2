/// One lexical unit of the body: a run of letters, a run of ASCII digits, or a single other scalar.
/// Offsets are Unicode scalar offsets into the body.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }
    /// Whitespace between the previous token and this one.
    enum Gap: UInt8, Sendable { case none, space, spaces, lineBreak }

    let kind: Kind
    let start: Int
    let end: Int
    let text: String
    /// Lower case, diacritics removed, apostrophes and dashes unified: the key for lexicon lookups.
    let folded: String
    /// `FoldedHash` of `folded`, computed once while tokenising.
    let foldedHash: UInt64
    let gapBefore: Gap
    /// Index of the line (paragraph) holding the token.
    let line: Int
    let isCapitalized: Bool
    let isAllCaps: Bool
    /// Inside a URL, e-mail address or domain name: never a figure, date or name.
    var inLink: Bool = false
    /// Stored rather than computed from `kind`: `tokens[i].isWord` is then a plain field load, where a
    /// computed property first copies the whole token out of the array (retaining its two Strings).
    let isWord: Bool
    let isNumber: Bool
    let isPunct: Bool

    /// `text.unicodeScalars.count` without walking the String: the text is exactly the body's scalars
    /// `start..<end`.
    var scalarCount: Int { end - start }

    init(
        kind: Kind, start: Int, end: Int, text: String, folded: String, foldedHash: UInt64, gapBefore: Gap, line: Int,
        isCapitalized: Bool, isAllCaps: Bool
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.folded = folded
        self.foldedHash = foldedHash
        self.gapBefore = gapBefore
        self.line = line
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
        isWord = kind == .word
        isNumber = kind == .number
        isPunct = kind == .punct
    }
}
