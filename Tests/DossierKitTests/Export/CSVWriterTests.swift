import Testing

@testable import DossierKit

@Suite("CSV writer")
struct CSVWriterTests {
    func written(_ fields: [String?], numeric: [Bool] = [], postgreSQLCopy: Bool) -> String {
        let writer = CSVWriter(neutraliseFormulas: false, postgreSQLCopy: postgreSQLCopy)
        var output: [UInt8] = []
        writer.appendRecord(fields, numeric: numeric, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test("by default NULL and empty text are both an empty cell, as spreadsheets expect")
    func emptyByDefault() {
        #expect(written([nil, "", "a"], postgreSQLCopy: false) == ",,a\r\n")
    }

    @Test("postgreSQLCopy writes NULL unquoted and empty text as \"\", as PostgreSQL's COPY reads them")
    func nullDistinguished() {
        #expect(written([nil, "", "a", nil], postgreSQLCopy: true) == ",\"\",a,\r\n")
        #expect(written(["1", nil], numeric: [true, true], postgreSQLCopy: true) == "1,\r\n")
    }

    @Test("postgreSQLCopy never writes a line that is only \\., which COPY or psql take for the end of the data")
    func endOfDataMarker() {
        #expect(written(["\\.", "a\\.", "\\.b"], postgreSQLCopy: true) == "\"\\.\",a\\.,\\.b\r\n")
        #expect(written(["\\."], postgreSQLCopy: false) == "\\.\r\n")
        #expect(written(["a\n\\.\nb"], postgreSQLCopy: true) == "\"a\n\"\\\".\nb\"\r\n")
        #expect(written(["a\r\n\\.\r\nb"], postgreSQLCopy: true) == "\"a\r\n\"\\\".\r\nb\"\r\n")
        #expect(written(["a\n\\.x\n\\.", "a\n\\."], postgreSQLCopy: true) == "\"a\n\\.x\n\\.\",\"a\n\\.\"\r\n")
        #expect(written(["a\n\\.\nb"], postgreSQLCopy: false) == "\"a\n\\.\nb\"\r\n")
    }
}
