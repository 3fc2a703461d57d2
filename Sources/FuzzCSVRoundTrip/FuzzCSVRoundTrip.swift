import DossierKit
import FuzzSupport

/// Fuzzes `CSVWriter`: any records written must read back, through the strict RFC 4180 parser the
/// export tests use (linked here from Tests/DossierCLITests), as exactly the same fields — or, with
/// formula neutralising on, as the same fields with `'` before those a spreadsheet would run.
///
/// Input layout: byte 0 picks the delimiter; then 0x1E separates records and 0x1F fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVRoundTrip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzReplay.bytes(data, size)
    guard let first = bytes.first else { return 0 }
    let delimiter: Character = [",", ";", "\t", "|"][Int(first) % 4]
    let records = bytes.dropFirst().split(separator: 0x1E, omittingEmptySubsequences: false).map { record in
        record.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
    for neutralise in [false, true] {
        let writer = CSVWriter(delimiter: delimiter, neutraliseFormulas: neutralise)
        var output: [UInt8] = []
        for record in records {
            writer.appendRecord(record, numeric: [], to: &output)
        }
        let parsed: [[String]]
        do {
            parsed = try RFC4180Parser.parse(
                String(decoding: output, as: UTF8.self), delimiter: delimiter.asciiValue ?? UInt8(ascii: ","))
        } catch {
            FuzzReplay.require(false, "CSVWriter wrote CSV that does not parse: \(error)")
            return 0
        }
        let expected = neutralise ? records.map { $0.map(neutralised) } : records
        FuzzReplay.require(
            parsed == expected, "round trip changed the records: \(expected.debugDescription) -> \(parsed.debugDescription)")
    }
    return 0
}

/// What a neutralised cell reads back as (OWASP: a leading `'` stops a spreadsheet running it).
func neutralised(_ field: String) -> String {
    guard let first = field.utf8.first,
        [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
    else {
        return field
    }
    return "'" + field
}

/// libFuzzer's driver under `Scripts/fuzz`; otherwise replays the files named on the command line.
@main
enum Main {
    static func main() { FuzzReplay.main(fuzzCSVRoundTrip) }
}
