import Foundation

@testable import DossierKit

/// Loads the package's JSON data files (no bundle resources: paths are relative to this file).
enum Fixtures {
    static let root = packageRoot

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func extractor() throws -> FactExtractor {
        let gaz = try JSONDecoder().decode(Gazetteer.self, from: data("Seeds/gazetteer.json"))
        let lex = try JSONDecoder().decode(FigureLexicon.self, from: data("Seeds/figure-lexicon.json"))
        return FactExtractor(gazetteer: gaz, lexicon: lex)
    }

    static func extract(_ text: String, _ lang: String? = nil) throws -> Extraction {
        try extractor().extract(from: text, language: lang)
    }

    static let europolEN = """
        Operation Viper: 25 people arrested in global crackdown on child sexual abuse platform

        The Hague, 28 February 2025

        In an operation codenamed 'Viper', law enforcement authorities from 19 countries arrested 25 people on 26 February 2025. More than 1,200 suspects have been identified so far and nearly a dozen house searches were carried out. Investigators seized 173 electronic devices and £2.4 million in cryptocurrency.

        The investigation was supported by Europol and the Joint Cybercrime Action Taskforce (J-CAT). The Metropolitan Police Service and the Child Rescue Coalition (CRC) also took part. Since 2019, the platform had more than 400,000 registered users, and 98 per cent of the victims were girls aged 13 or under.

        “This operation shows what law enforcement can achieve when we work together across borders,” said Catherine De Bolle, Executive Director of Europol. “We will continue to track down offenders wherever they hide.”

        John Smith, Head of the NCA's CEOP Command, said: “Nobody should think they can abuse children online and get away with it, because we will find them.”

        He added: “We have safeguarded 30 children so far, and more than half of them were under the age of 10 at the time.”

        The operation ran from June to August 2023 and a second action day took place on Tuesday. For more information call 0800 555 111 or read article 34 of the directive (PDF 719KB).
        """
}
