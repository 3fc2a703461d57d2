import ArgumentParser
import DossierKit

// `dossier export NAME --format F`: the names and formats as words on the command line, listed in
// help and shell completions.

extension ExportSubject: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public var defaultValueDescription: String { name }

    public static var allValueStrings: [String] { all.map(\.name) }
}

extension ExportFormat: ExpressibleByArgument {}
