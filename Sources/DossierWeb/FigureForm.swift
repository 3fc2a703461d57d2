import DossierKit

/// A figure's fields as the correction and addition forms send them, read as `dossier figure set`
/// reads its options: an empty field leaves the value as it is.
enum FigureForm {
    static func changes(_ form: FormFields) throws -> FigureCuration.Changes {
        var changes = FigureCuration.Changes()
        changes.value = try number(form, "value")
        changes.valueMax = try number(form, "value_max")
        changes.unit = form.text("unit")
        changes.category = form.text("category")
        changes.counts = form.text("counts")
        // Checkboxes send nothing when unticked: the form says it showed the box.
        if form.text("has_approximate") != nil { changes.approximate = form.text("approximate") != nil }
        if let bound = form.text("bound") {
            guard ["at_least", "at_most", "none"].contains(bound) else {
                throw UsageError("the bound must be at least, at most or none (got '\(bound)')")
            }
            changes.bound = .some(bound == "none" ? nil : bound)
        }
        return changes
    }

    private static func number(_ form: FormFields, _ name: String) throws -> Double? {
        guard let text = form.text(name) else { return nil }
        guard let value = number(in: text) else { throw UsageError("'\(text)' is not a number") }
        return value
    }

    /// A number as people type it in French or English: `1,500`, `1 500`, `0,5`, `0.5`; nil when
    /// the text is not one number.
    static func number(in text: String) -> Double? {
        var digits = String(text.filter { !separators.contains($0) })
        if digits.contains(",") {
            // A lone comma followed by one or two digits is a decimal comma; otherwise it groups thousands.
            let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
            let decimal = parts.count == 2 && !digits.contains(".") && (1...2).contains(parts[1].count)
            digits = decimal ? parts.joined(separator: ".") : parts.joined()
        }
        guard let value = Double(digits), value.isFinite else { return nil }
        return value
    }

    /// The first number written in digits in `text` ("273" in "273 suspects identifiés"): the value
    /// a figure added from a selection takes when none is typed.
    static func firstNumber(in text: String) -> Double? {
        guard let start = text.firstIndex(where: \.isASCIIDigit) else { return nil }
        var run = text[start...].prefix { $0.isASCIIDigit || separators.contains($0) || $0 == "," || $0 == "." }
        while let last = run.last, !last.isASCIIDigit { run.removeLast() }
        return number(in: String(run))
    }

    /// What people write between groups of digits.
    static let separators: Set<Character> = [" ", "\u{A0}", "\u{202F}", "_", "'"]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
