/// An archive date (YYYY, YYYY-MM or YYYY-MM-DD) as the year, month and day citation formats want
/// as separate numbers: a release dated only "2025-02" must not become 1 February in a bibliography.
public struct PartialDate: Sendable, Equatable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Nil when the text is not a real calendar date in one of the three forms.
    public init?(iso text: String) {
        guard let valid = ISODate.validated(text) else { return nil }
        let parts = valid.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return nil }
        self.year = year
        month = parts.count > 1 ? parts[1] : nil
        day = parts.count > 2 ? parts[2] : nil
    }

    /// One to three numbers, as CSL's `date-parts` holds them.
    public var parts: [Int] {
        [year] + [month, day].compactMap { $0 }
    }

    /// RIS's `YYYY/MM/DD/` with unknown parts left empty (`2025/02//`), as Zotero writes and reads it.
    public var risForm: String {
        func twoDigits(_ value: Int?) -> String {
            guard let value else { return "" }
            return value < 10 ? "0\(value)" : String(value)
        }
        return "\(year)/\(twoDigits(month))/\(twoDigits(day))/"
    }
}
