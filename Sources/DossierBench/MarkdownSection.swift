import Foundation

/// One benchmark's part of BENCHMARKS.md, between `<!-- begin: name -->` and `<!-- end: name -->`,
/// so each benchmark rewrites its own results and never the sections written by hand.
struct MarkdownSection {
    let name: String

    /// Replaces the section in `path` (added at the end if the file lacks it, made if the file is missing).
    func write(_ markdown: String, to path: String) throws {
        let begin = "<!-- begin: \(name) -->"
        let end = "<!-- end: \(name) -->"
        let block = begin + "\n" + markdown.trimmingCharacters(in: .newlines) + "\n" + end
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let updated: String
        if let start = existing.range(of: begin),
            let finish = existing.range(of: end, range: start.upperBound..<existing.endIndex)
        {
            updated = existing.replacingCharacters(in: start.lowerBound..<finish.upperBound, with: block)
        } else {
            updated = existing.isEmpty ? block + "\n" : existing.trimmingCharacters(in: .newlines) + "\n\n" + block + "\n"
        }
        try updated.write(toFile: path, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("wrote the \(name) section of \(path)\n".utf8))
    }
}
