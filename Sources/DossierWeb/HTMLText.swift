/// Text made safe to place in HTML: documents are untrusted input, and a release that contains
/// `<script>` must show those characters, never run them.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { result += escape(scalar) }
        return result
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        // A browser turns a raw carriage return into a line feed while it reads the page; written as
        // a reference it stays itself, so the page's text counts the same code points as the body
        // (a selection's offsets on the document page depend on it).
        case "\r": "&#13;"
        default: String(scalar)
        }
    }

    /// A search snippet, escaped, with the matched words (between SearchRepository's highlight
    /// marks) in `<mark>`.
    static func highlighted(_ snippet: String, open: String, close: String) -> String {
        escape(snippet).replacingOccurrences(of: open, with: "<mark>").replacingOccurrences(of: close, with: "</mark>")
    }
}
