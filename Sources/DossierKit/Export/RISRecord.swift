import Foundation

/// One document as an RIS record: `TAG  - value` lines from `TY` to `ER`, CRLF line ends, as the
/// RIS specification and Zotero's RIS translator write them.
///
/// The tags follow Zotero's reading of them, the most common importer: `AN` is the archive
/// location and `DB` the archive, `Y2` the access date. RIS has no press-release type (the
/// specification's list, which rispy and Zotero follow, has none), so press releases are `GEN`
/// with `M3` (type of work) saying what they are.
struct RISRecord: Equatable {
    struct Line: Equatable {
        var tag: String
        var value: String
    }

    /// The tags and values in writing order.
    private(set) var lines: [Line] = []

    init(_ record: CitationRecord) {
        add("TY", Self.type(of: record.kind))
        add("TI", record.title)
        for author in record.authors { add("AU", author.invertedForm) }
        add("PB", record.publisher)
        if let published = record.publishedOn {
            let date = PartialDate(iso: published)
            add("PY", date.map { String($0.year) } ?? String(published.prefix(4)))
            if let date, date.month != nil { add("DA", date.risForm) }
        }
        add("M3", record.kind == .pressRelease ? "Press release" : nil)
        add("UR", record.url)
        add("LA", record.language)
        add("Y2", record.retrievedOn.map { PartialDate(iso: $0)?.risForm ?? $0 })
        add("DB", record.archiveName)
        add("AN", record.archiveLocation)
    }

    static func type(of kind: Document.Kind) -> String {
        switch kind {
        case .article: "NEWS"
        case .report: "RPRT"
        case .pressRelease, .other: "GEN"
        }
    }

    /// The record's bytes, ending with `ER  - `.
    func append(to output: inout [UInt8]) {
        for line in lines + [Line(tag: "ER", value: "")] {
            output.append(contentsOf: Array("\(line.tag)  - \(line.value)".utf8))
            output += [0x0D, 0x0A]
        }
    }

    private mutating func add(_ tag: String, _ value: String?) {
        guard let value else { return }
        let flat = Self.oneLine(value)
        if !flat.isEmpty { lines.append(Line(tag: tag, value: flat)) }
    }

    /// A value on one line: RIS has no escaping, so a line break inside a title would start a
    /// line that readers take for a new tag or drop. Control characters and Unicode line and
    /// paragraph separators become spaces; the ends are trimmed, as readers trim them anyway.
    static func oneLine(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            let breaks = scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
            scalars.append(breaks ? " " : scalar)
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }
}
