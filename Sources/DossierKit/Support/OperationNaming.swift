/// How operations are named: "Operation X" canonically, slugged from X alone.
public enum OperationNaming {
    private static let prefixes = ["operation ", "opération ", "operacion ", "operación ", "operazione "]

    /// The name without a leading "Operation"/"Opération" word.
    public static func bareName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in prefixes where trimmed.lowercased().hasPrefix(prefix) {
            return String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        return trimmed
    }

    public static func canonicalName(_ name: String) -> String {
        "Operation \(bareName(name))"
    }

    public static func slug(forName name: String) -> String {
        Slug.make(bareName(name))
    }
}
