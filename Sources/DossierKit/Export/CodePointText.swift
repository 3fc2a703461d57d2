/// A document body indexed by Unicode code point, the unit of every stored span
/// (`substr(body, char_start + 1, char_end - char_start)` in SQLite, `body[start:end]` in Python),
/// so that a span is cut in constant time however far into the text it lies.
struct CodePointText {
    private let scalars: [Unicode.Scalar]

    init(_ body: String) {
        scalars = Array(body.unicodeScalars)
    }

    var count: Int { scalars.count }

    /// The text of `start..<end` with up to `context` code points either side; nil when the span
    /// does not lie inside the text.
    func quote(start: Int, end: Int, context: Int) -> (prefix: String, exact: String, suffix: String)? {
        guard start >= 0, start <= end, end <= scalars.count else { return nil }
        return (
            text(max(0, start - context)..<start), text(start..<end), text(end..<min(scalars.count, end + context))
        )
    }

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
