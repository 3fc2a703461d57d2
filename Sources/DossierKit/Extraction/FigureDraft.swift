/// A figure while `FigureExtractor` builds it around one numeric core: each rule reads the draft and may widen its
/// span or settle its unit, bound, counted noun or category. Indices are token indices in the document read.
struct FigureDraft {
    /// The number read; an "N out of M" share rewrites its value.
    var core: NumberReader.Core
    /// First token of the figure: the number, or a currency sign or qualifier before it.
    var first: Int
    /// Last token of the number, or of a range's upper end or the "M" of "N out of M".
    var last: Int
    /// "count", "fraction", "percent", "currency:EUR", "duration:month", "age:year", "data:…".
    var unit: String
    /// Upper end of a range: 13 in "de 7 à 13 ans".
    var valueMax: Double?
    var approximate: Bool
    var bound: FigureBound?
    /// First token after the number and its unit, where trailing bounds and the counted phrase start.
    var afterUnit: Int
    /// Last token of the figure's span.
    var end: Int
    /// The counted noun phrase as written: "enfants victimes", "images and videos".
    var counts: String?
    /// The counted phrase's content words, folded: the category rule matches its head noun.
    var phraseWords: [String] = []
    var category: String?

    /// A plain count (or fraction) covering just the number; `afterUnit` and `end` are set again as the rules reach them.
    init(core: NumberReader.Core) {
        self.core = core
        first = core.first
        last = core.last
        unit = core.isFraction ? "fraction" : "count"
        approximate = core.approximate
        afterUnit = core.last + 1
        end = core.last
    }
}
