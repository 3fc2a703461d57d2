import Foundation

/// The encoder of every JSON document Dossier prints or writes for people and tools (command
/// output with `--json`, JSON reports, export manifests): one key style, snake_case, like the
/// column names of the archive and of its exports.
public enum JSONOutput {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }
}
