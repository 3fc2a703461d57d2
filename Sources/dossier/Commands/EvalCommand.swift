import ArgumentParser
import DossierKit
import Foundation

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extraction against hand-made answer keys (precision, recall, F1).",
        discussion: """
            Imports the documents into a temporary archive (your archive is not touched) and compares what was extracted with DIR/<file stem>.json for each document, in the answer-key format of eval/gold.
            Example: dossier eval Seeds/documents --gold ../shared/eval/gold
            """
    )

    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Folder of answer keys, one <stem>.json per document.", valueName: "dir"))
    var gold: String

    @Argument(help: ArgumentHelp("Documents or folders to score.", valueName: "path"))
    var paths: [String]

    @Flag(help: "List every false positive and false negative.")
    var verbose = false

    @Option(help: ArgumentHelp("Exit with code 1 when any category's F1 is below this.", valueName: "f1"))
    var failUnder: Double?

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gold, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--gold \(gold) is not a folder")
        }
    }

    func run() throws {
        let report = try Evaluator(goldDirectory: gold, extractor: try FactExtractor.builtIn()).evaluate(paths)
        if output.json {
            Console.json(report)
        } else {
            Console.output(render(report))
        }
        for line in report.skipped { Console.note("skipped \(line)") }
        if let failUnder, report.totals.values.contains(where: { $0.f1 < failUnder }) {
            throw ExitCode(1)
        }
    }

    private static let categories = ["figures", "quotes", "people", "organisations", "operations", "dates"]

    private func render(_ report: Evaluator.Report) -> String {
        func rows(_ scores: [String: PRF]) -> [[String]] {
            Self.categories.compactMap { category in
                scores[category].map {
                    [
                        category, String(format: "%.2f", $0.precision), String(format: "%.2f", $0.recall),
                        String(format: "%.2f", $0.f1),
                        "\($0.tp)", "\($0.fp)", "\($0.fn)",
                    ]
                }
            }
        }
        let header = ["CATEGORY", "PRECISION", "RECALL", "F1", "TP", "FP", "FN"]
        var sections: [String] = []
        for document in report.documents {
            var section = [Console.bold(document.file), Console.table(header: header, rows: rows(document.scores))]
            if verbose {
                for category in Self.categories {
                    section += (document.falsePositives[category] ?? []).map { "  false positive \(category): \($0)" }
                    section += (document.falseNegatives[category] ?? []).map { "  missed \(category): \($0)" }
                }
            }
            sections.append(section.joined(separator: "\n"))
        }
        sections.append(
            [Console.bold("All documents (micro-average)"), Console.table(header: header, rows: rows(report.totals))].joined(
                separator: "\n"))
        return sections.joined(separator: "\n\n")
    }
}
