import DossierKit
import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or query string, where a space may be
/// written `+`; a repeated name keeps its first value.
struct FormFields: Sendable {
    private var values: [String: String] = [:]

    init(_ encoded: String) {
        var components = URLComponents()
        components.percentEncodedQuery = encoded.replacingOccurrences(of: "+", with: "%20")
        for item in components.queryItems ?? [] where values[item.name] == nil {
            values[item.name] = item.value ?? ""
        }
    }

    /// The field's value with its ends trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        values[name].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The field's value exactly as sent (a selection's words keep their spaces), nil when absent or empty.
    func rawText(_ name: String) -> String? {
        values[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The page of a list asked for (`?page=N`, from 1); the first when absent or not a number.
    var page: Int { text("page").flatMap(Int.init).map { max($0, 1) } ?? 1 }

    func status(_ name: String) -> FactStatus? {
        text(name).flatMap(FactStatus.init(rawValue:))
    }
}
