/// A JSON array written one element at a time, so that an export of any size never holds its
/// elements in memory: `[`, one element per line separated by commas, `]` — the layout of
/// `export --format json`, which line tools and JSON parsers both read.
struct JSONArrayStream {
    private(set) var count = 0

    func open(_ output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
    }

    /// Appends one element, already encoded as JSON text.
    mutating func append(_ element: String, to output: inout [UInt8]) {
        output.append(contentsOf: count == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
        output.append(contentsOf: Array(element.utf8))
        count += 1
    }

    func close(_ output: inout [UInt8]) {
        output.append(contentsOf: count == 0 ? [UInt8(ascii: "]"), 0x0A] : [0x0A, UInt8(ascii: "]"), 0x0A])
    }
}
