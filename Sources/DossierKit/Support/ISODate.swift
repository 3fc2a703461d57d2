import Foundation

/// Validation of the ISO 8601 dates the archive stores: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
public enum ISODate {
    /// Returns the date unchanged when it is a real calendar date in one of the three forms.
    public static func validated(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), year >= 1000
        else { return nil }
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            if parts.count == 3 {
                guard parts[2].count == 2, let day = Int(parts[2]), day >= 1, day <= daysIn(month: month, year: year)
                else { return nil }
            }
        }
        return text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Accepts a date or a full ISO timestamp and keeps its date part (front matter often carries times).
    public static func dateValue(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = validated(trimmed) { return date }
        if trimmed.count > 10, let date = validated(String(trimmed.prefix(10))),
            ["T", " "].contains(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 10)])
        {
            return date
        }
        return nil
    }
}
