import DossierKit
import PropertyBased
import Testing

/// Property-based round trips of `CSVWriter` (issue 8): any records, any delimiter, read back by
/// the strict RFC 4180 parser, are the records written (formula neutralising off) or the records
/// with `'` before cells a spreadsheet would run (on). The fuzz target FuzzCSVRoundTrip checks the
/// same property on arbitrary bytes.
@Suite("CSV: round-trip properties")
struct CSVPropertyTests {
    /// Characters CSV must survive: delimiters, quotes, both line ends, formula starts, accents,
    /// combining marks, emoji and right-to-left text, plus plain letters.
    static let awkward: [Character] = [
        ",", ";", "\t", "|", "\"", "\r", "\n", "\r\n", "=", "+", "-", "@", "'", " ", "é", "e\u{301}", "👮‍♀️", "ש", "a", "Z", "0",
    ]

    static let field = Gen.int(in: 0...(awkward.count - 1)).map { awkward[$0] }.array(of: 0...12).map { String($0) }
    static let records = field.array(of: 1...6).array(of: 1...8)

    func roundTrip(_ records: [[String]], delimiter: Character, neutralise: Bool) throws -> [[String]] {
        let writer = CSVWriter(delimiter: delimiter, neutraliseFormulas: neutralise)
        var output: [UInt8] = []
        for record in records {
            writer.appendRecord(record, numeric: [], to: &output)
        }
        return try RFC4180Parser.parse(String(decoding: output, as: UTF8.self), delimiter: delimiter.asciiValue ?? 0)
    }

    @Test("raw cells read back exactly")
    func raw() async throws {
        await propertyCheck(
            count: 500, input: Self.records, Gen.int(in: 0...3).map { ([",", ";", "\t", "|"] as [Character])[$0] }
        ) { records, delimiter in
            #expect((try? roundTrip(records, delimiter: delimiter, neutralise: false)) == records)
        }
    }

    @Test("neutralised cells read back with a leading quote exactly where a formula could start")
    func neutralised() async throws {
        await propertyCheck(count: 500, input: Self.records) { records in
            let expected = records.map { record in
                record.map { field in
                    ["=", "+", "-", "@", "\t", "\r"].contains(where: { field.unicodeScalars.first == $0.unicodeScalars.first })
                        ? "'" + field : field
                }
            }
            #expect((try? roundTrip(records, delimiter: ",", neutralise: true)) == expected)
        }
    }
}
