/// The small encodings a spreadsheet file needs: cell references, XML text, date serials.
enum SpreadsheetText {
    /// Excel's limit on one cell's text; longer text is cut and the cut is reported.
    static let maximumCellLength = 32_767

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnLetters(_ index: Int) -> String {
        var index = index
        var letters: [Character] = []
        repeat {
            letters.insert(Character(Unicode.Scalar(UInt8(65 + index % 26))), at: 0)
            index = index / 26 - 1
        } while index >= 0
        return String(letters)
    }

    /// Text as the content of an XML element in a sheet. Characters XML 1.0 cannot hold (most
    /// control characters) are written the way Office Open XML escapes them, `_xHHHH_`, and text
    /// that already looks like such an escape has its underscore escaped, so it reads back verbatim.
    /// A carriage return is a character reference: a parser would turn a literal one into a line feed.
    static func appendXML(_ text: Substring, to output: inout [UInt8]) {
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: Array("&amp;".utf8))
            case UInt8(ascii: "<"): output.append(contentsOf: Array("&lt;".utf8))
            case UInt8(ascii: ">"): output.append(contentsOf: Array("&gt;".utf8))
            case 0x0D: output.append(contentsOf: Array("&#13;".utf8))
            case 0x09, 0x0A: output.append(byte)
            case 0x00..<0x20: output.append(contentsOf: Array("_x00\(hex(byte))_".utf8))
            case UInt8(ascii: "_") where looksLikeEscape(utf8, at: index):
                output.append(contentsOf: Array("_x005F_".utf8))
            case 0xEF where isNonCharacter(utf8, at: index):
                // U+FFFE and U+FFFF are not XML characters either.
                output.append(contentsOf: Array("_xFFF\(utf8[index + 2] == 0xBE ? "E" : "F")_".utf8))
                index += 2
            default: output.append(byte)
            }
            index += 1
        }
    }

    /// Whether U+FFFE or U+FFFF (EF BF BE, EF BF BF) starts at `index`.
    private static func isNonCharacter(_ utf8: [UInt8], at index: Int) -> Bool {
        index + 2 < utf8.count && utf8[index + 1] == 0xBF && (utf8[index + 2] == 0xBE || utf8[index + 2] == 0xBF)
    }

    /// Whether `_xHHHH_` starts at `index`.
    private static func looksLikeEscape(_ utf8: [UInt8], at index: Int) -> Bool {
        guard index + 6 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"), utf8[index + 6] == UInt8(ascii: "_") else {
            return false
        }
        return utf8[(index + 2)...(index + 5)].allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// The spreadsheet serial of a full ISO date (days since 1899-12-30), nil for anything else:
    /// a partial date (2025, 2025-02) stays text rather than becoming a made-up first of the month.
    static func dateSerial(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1..<13).contains(month), (1...daysIn(month: month, year: year)).contains(day), year >= 1900
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
