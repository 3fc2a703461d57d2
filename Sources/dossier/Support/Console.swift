import DossierKit
import Foundation

/// Results to stdout, diagnostics to stderr (DESIGN.md §3); colour only on a terminal without NO_COLOR.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("dossier: error: \(message)\n".utf8))
    }

    static func errorLines(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Prints any encodable value as pretty JSON on stdout.
    static func json<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        output(String(decoding: data, as: UTF8.self))
    }

    static var useColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func bold(_ text: String) -> String {
        useColour ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    /// Left-aligned columns sized to their content, with a bold header row.
    static func table(header: [String], rows: [[String]]) -> String {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        return ([bold(line(header))] + rows.map(line)).joined(separator: "\n")
    }
}
