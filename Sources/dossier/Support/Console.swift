import DossierKit
import Foundation

/// Results to stdout, diagnostics to stderr (DESIGN.md §3); colour only on a terminal without NO_COLOR.
///
/// When stdout cannot be written (a full disk, a closed descriptor) the command cannot deliver its
/// result: it says so in one line on stderr and exits 2, instead of crashing.
enum Console {
    static func output(_ text: String) {
        do {
            try FileDescriptorOutput.writeAll(Array((text + "\n").utf8), to: STDOUT_FILENO)
        } catch let failure as FileDescriptorOutput.WriteError {
            error("cannot write to standard output: \(failure.reason)")
            Foundation.exit(2)
        } catch {
            Foundation.exit(2)
        }
    }

    static func error(_ message: String) {
        errorLines("dossier: error: \(message)")
    }

    static func errorLines(_ text: String) {
        // Nowhere left to report a failure to write stderr itself.
        try? FileDescriptorOutput.writeAll(Array((text.hasSuffix("\n") ? text : text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Text for stderr as it is, without a line break (progress lines rewrite themselves).
    static func errorText(_ text: String) {
        try? FileDescriptorOutput.writeAll(Array(text.utf8), to: STDERR_FILENO)
    }

    static func note(_ message: String) {
        errorLines(message)
    }

    /// Prints any encodable value as pretty JSON on stdout.
    static func json<T: Encodable>(_ value: T) {
        let encoder = JSONOutput.encoder()
        do {
            output(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            Console.error("cannot encode the result as JSON: \(error)")
            Foundation.exit(2)
        }
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
