/// Fills `%1`, `%2`… in a phrase with values, in one pass, so a value that itself holds "%1" (a
/// title, an operator's name) is left as written. Shared by the pages' and the reports' wording.
public enum Placeholders {
    public static func fill(_ phrase: String, with values: [String]) -> String {
        var result = ""
        var rest = phrase[...]
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let digits = rest[rest.index(after: percent)...].prefix { $0.isASCII && $0.isNumber }
            if let number = Int(digits), (1...values.count).contains(number) {
                result += values[number - 1]
                rest = rest[digits.endIndex...]
            } else {
                result += "%"
                rest = rest[rest.index(after: percent)...]
            }
        }
        return result + rest
    }
}
