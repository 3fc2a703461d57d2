/// A strict RFC 4180 reader for tests: every record ends with CRLF, quotes are doubled inside
/// quoted fields, and anything else (a bare quote, a lone CR or LF outside quotes) is an error.
enum RFC4180Parser {
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "malformed CSV at byte \(offset): \(reason)" }
    }

    static func parse(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws -> [[String]] {
        let bytes = Array(text.utf8)
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = 0
        var quoted = false
        var fieldStarted = false
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22)
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    guard index < bytes.count, bytes[index] == delimiter || bytes[index] == 0x0D else {
                        throw Malformed(offset: index, reason: "text after a closing quote")
                    }
                    continue
                }
                field.append(byte)
                index += 1
                continue
            }
            switch byte {
            case 0x22:
                guard !fieldStarted, field.isEmpty else {
                    throw Malformed(offset: index, reason: "quote inside an unquoted field")
                }
                quoted = true
                fieldStarted = true
                index += 1
            case delimiter:
                record.append(String(decoding: field, as: UTF8.self))
                field = []
                fieldStarted = false
                index += 1
            case 0x0D:
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else {
                    throw Malformed(offset: index, reason: "CR without LF")
                }
                record.append(String(decoding: field, as: UTF8.self))
                records.append(record)
                record = []
                field = []
                fieldStarted = false
                index += 2
            case 0x0A:
                throw Malformed(offset: index, reason: "LF without CR outside quotes")
            default:
                field.append(byte)
                fieldStarted = true
                index += 1
            }
        }
        guard !quoted else { throw Malformed(offset: index, reason: "unterminated quoted field") }
        guard field.isEmpty, record.isEmpty else { throw Malformed(offset: index, reason: "last record does not end with CRLF") }
        return records
    }
}
