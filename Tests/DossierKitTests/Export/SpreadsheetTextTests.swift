import Testing

@testable import DossierKit

@Suite("Spreadsheet text")
struct SpreadsheetTextTests {
    @Test("column letters run A…Z, AA…AZ, BA… like a spreadsheet's")
    func columnLetters() {
        #expect(
            [0, 1, 25, 26, 27, 51, 52, 701, 702].map(SpreadsheetText.columnLetters) == [
                "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
            ])
    }

    @Test("only complete, real dates become date serials; partial and impossible ones stay text")
    func dateSerials() {
        #expect(SpreadsheetText.dateSerial("1900-03-01") == 61)
        #expect(SpreadsheetText.dateSerial("2025-02-28") == 45_716)
        #expect(SpreadsheetText.dateSerial("2024-02-29") == 45_351)
        for text in ["2025", "2025-02", "2025-02-29", "2025-13-01", "2025-2-1", "25-02-28", "2025-02-28T10:00:00Z"] {
            #expect(SpreadsheetText.dateSerial(text) == nil, "\(text)")
        }
    }

    @Test("XML text escapes markup, control characters and look-alike escapes, and keeps carriage returns")
    func escaping() {
        func xml(_ text: String) -> String {
            var bytes: [UInt8] = []
            SpreadsheetText.appendXML(Substring(text), to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(xml("a < b & c > d") == "a &lt; b &amp; c &gt; d")
        #expect(xml("bell\u{7}") == "bell_x0007_")
        #expect(xml("_x0041_ and _x12_") == "_x005F_x0041_ and _x12_")
        #expect(xml("line\r\nnext\ttab") == "line&#13;\nnext\ttab")
        #expect(xml("é — 👩‍👩‍👧") == "é — 👩‍👩‍👧")
        #expect(xml("\u{FFFE}") == "_xFFFE_")
    }
}
