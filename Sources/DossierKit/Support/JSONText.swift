import Foundation

/// JSON text for columns that hold a small structured value (tags, old and new values in events).
public enum JSONText {
    /// Throws rather than writing a placeholder: an audit-log entry that silently says `null`
    /// would record that something happened without what it was.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) -> T? {
        try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
