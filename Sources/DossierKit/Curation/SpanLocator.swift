/// How an archivist points at text in a document when adding a fact by hand: a code point span,
/// or the exact words (with which occurrence, when they appear more than once), or a span a reader
/// selected on a page together with the words they saw there.
public enum SpanLocator: Sendable, Equatable {
    case span(start: Int, end: Int)
    case text(String, occurrence: Int?)
    /// Refused when the body holds other words at that span: the page was out of date, or the
    /// browser counted differently, and a fact must never point at text nobody saw.
    case selection(start: Int, end: Int, text: String)

    /// The span in `body`, checked against the text that is really there.
    public func resolve(in body: String, documentID: Int64) throws -> SourceSpan {
        let scalars = Array(body.unicodeScalars)
        switch self {
        case .span(let start, let end):
            guard start >= 0, start < end, end <= scalars.count else {
                throw UsageError("span \(start):\(end) is outside document \(documentID), which has \(scalars.count) characters")
            }
            return SourceSpan(start: start, end: end, exactText: String(String.UnicodeScalarView(scalars[start..<end])))
        case .selection(let start, let end, let text):
            let span = try SpanLocator.span(start: start, end: end).resolve(in: body, documentID: documentID)
            guard span.exactText == text else {
                throw UsageError(
                    "the selection \"\(text)\" is not the text at \(start)–\(end) of document \(documentID) "
                        + "(\"\(span.exactText)\"); reload the page and select again")
            }
            return span
        case .text(let text, let occurrence):
            let needle = Array(text.unicodeScalars)
            guard !needle.isEmpty else { throw UsageError("--text is empty") }
            var starts: [Int] = []
            if needle.count <= scalars.count {
                for start in 0...(scalars.count - needle.count) where scalars[start] == needle[0] {
                    if Array(scalars[start..<(start + needle.count)]) == needle { starts.append(start) }
                }
            }
            guard !starts.isEmpty else { throw UsageError("the text \"\(text)\" is not in document \(documentID)") }
            let chosen: Int
            if let occurrence {
                guard (1...starts.count).contains(occurrence) else {
                    throw UsageError(
                        "the text occurs \(starts.count) time(s) in document \(documentID); --occurrence must be 1–\(starts.count)"
                    )
                }
                chosen = starts[occurrence - 1]
            } else {
                guard starts.count == 1 else {
                    throw UsageError(
                        "the text occurs \(starts.count) times in document \(documentID) (at \(starts.prefix(5).map(String.init).joined(separator: ", "))); "
                            + "choose one with --occurrence N or give --span START:END")
                }
                chosen = starts[0]
            }
            return SourceSpan(start: chosen, end: chosen + needle.count, exactText: text)
        }
    }
}
