import Foundation

/// The seed data built into the binary from `Seeds/*.json`.
public enum SeedData {
    public static func gazetteer() throws -> Gazetteer {
        try decode(Gazetteer.self, file: "gazetteer.json")
    }

    static func text(of file: String) throws -> String {
        guard let embedded = EmbeddedResources.files.first(where: { $0.folder == "Seeds" && $0.name == file }) else {
            throw UsageError("seed file Seeds/\(file) is not built into this dossier")
        }
        return embedded.text
    }

    static func decode<T: Decodable>(_ type: T.Type, file: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(try text(of: file).utf8))
        } catch let error as DecodingError {
            throw UsageError("Seeds/\(file) is not valid: \(error)")
        }
    }
}

extension SeedData {
    public static func figureLexicon() throws -> FigureLexicon {
        try decode(FigureLexicon.self, file: "figure-lexicon.json")
    }
}

extension FactExtractor {
    /// The extractor configured with the gazetteer and lexicon built from `Seeds/`.
    public static func builtIn() throws -> FactExtractor {
        FactExtractor(gazetteer: try SeedData.gazetteer(), lexicon: try SeedData.figureLexicon())
    }
}
