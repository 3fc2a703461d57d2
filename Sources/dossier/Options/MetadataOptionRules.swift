import ArgumentParser
import DossierKit

/// The rules that metadata options share with front matter: no control characters (tab and line
/// feed are allowed in a title), and a language that is an ISO 639-1 code. Breaking one is a usage error.
enum MetadataOptionRules {
    /// Refuses the first option, in the order given, whose value holds a control character.
    static func refuseControlCharacters(_ options: [(name: String, value: String?)]) throws {
        for (name, value) in options {
            guard let value else { continue }
            let multiline = DocumentMetadata.multilineFields.contains(String(name.drop { $0 == "-" }))
            if let (scalar, position) = ControlCharacter.first(in: value, multiline: multiline) {
                throw ValidationError(
                    "\(name) holds the control character \(ControlCharacter.name(scalar)) at character \(position); remove it")
            }
        }
    }

    /// Refuses a language that is not an ISO 639-1 code; upper case is accepted, and stored in lower case.
    static func refuseLanguage(_ name: String, _ value: String?) throws {
        if let value, LanguageCode.normalized(value) == nil {
            throw ValidationError(LanguageCode.refusal(value, subject: name))
        }
    }
}
