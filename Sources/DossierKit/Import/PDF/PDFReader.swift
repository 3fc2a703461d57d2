import Foundation

/// Reads a PDF's text layer with poppler's `pdftotext`, and its info dictionary with `pdfinfo`,
/// each as a bounded child process: a time limit, a memory limit and a page limit, so a hostile PDF
/// costs at most that. The PDF itself is never stored; its hash is.
///
/// `pdftotext` runs without `-layout`: in layout mode it keeps a two-column page's columns side by
/// side on each line, interleaving their sentences; its default mode follows the text's reading
/// order block by block, which the paragraph repair below needs. Then hyphenation at line ends is
/// undone, wrapped lines are joined into paragraphs, and lines that repeat at the top or bottom of
/// every page (running headers, footers, page numbers) are removed.
public struct PDFReader: Sendable {
    public static let version = "dossier-pdf-1 (poppler pdftotext)"

    public var maximumPages = 1_000
    public var timeoutSeconds = 60.0
    /// Address space of each poppler process, in KiB.
    public var memoryLimitKiB = 2 << 20

    public init() {}

    public func read(_ bytes: [UInt8], file: String) throws -> ExtractedSource {
        let directory = FileManager.default.temporaryDirectory.appending(path: "dossier-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pdf = directory.appending(path: "input.pdf")
        try Data(bytes).write(to: pdf)

        let info = try run("pdfinfo", ["-isodates", "-enc", "UTF-8", pdf.path], file: file, directory: directory)
        guard info.status == 0 else {
            throw ImportFailure(file: file, "is not a readable PDF (\(Self.firstLine(info.errors) ?? "pdfinfo failed"))")
        }
        let fields = Self.infoFields(info.output)
        let pages = fields["Pages"].flatMap { Int($0) } ?? 0
        guard pages <= maximumPages else {
            throw ImportFailure(file: file, "has \(pages) pages, more than the \(maximumPages) Dossier reads from one PDF")
        }
        let text = try run(
            "pdftotext", ["-enc", "UTF-8", "-l", String(maximumPages), pdf.path, "-"], file: file, directory: directory)
        guard text.status == 0 else {
            throw ImportFailure(file: file, "is not a readable PDF (\(Self.firstLine(text.errors) ?? "pdftotext failed"))")
        }
        let body = PDFText.paragraphs(fromPages: text.output.components(separatedBy: "\u{0C}"))
        guard body.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 20 else {
            throw ImportFailure(file: file, "has no text layer (a scanned PDF?); Dossier does no OCR")
        }
        var metadata = DocumentMetadata()
        metadata.title = fields["Title"].flatMap(WebPageMetadata.clean).flatMap(Self.meaningfulTitle)
        metadata.author = fields["Author"].flatMap(WebPageMetadata.clean)
        metadata.published = fields["CreationDate"].flatMap(WebPageMetadata.isoDate)
        return ExtractedSource(body: body, encoding: "utf-8", metadata: metadata, format: .pdf, extractorVersion: Self.version)
    }

    /// Titles that word processors write in place of one ("Microsoft Word - draft.docx", "untitled").
    static func meaningfulTitle(_ title: String) -> String? {
        let lowered = title.lowercased()
        if lowered.hasPrefix("microsoft word - ") || lowered == "untitled" || lowered.hasSuffix(".docx")
            || lowered.hasSuffix(".doc") || lowered.hasSuffix(".odt")
        {
            return nil
        }
        return title
    }

    static func infoFields(_ output: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmed
        }
        return fields
    }

    static func firstLine(_ text: String) -> String? {
        text.split(separator: "\n").first.map { String($0.prefix(200)) }
    }

    struct Output {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs a poppler tool under `ulimit -v` and a deadline; its output goes to files, never pipes.
    private func run(_ tool: String, _ arguments: [String], file: String, directory: URL) throws -> Output {
        guard let path = Self.executable(tool) else {
            throw ImportFailure(file: file, "needs \(tool) to read PDFs: install it with `sudo apt-get install poppler-utils`")
        }
        let stdout = directory.appending(path: "\(tool).out")
        let stderr = directory.appending(path: "\(tool).err")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimitKiB) && exec \"$0\" \"$@\"", path] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            throw ImportFailure(
                file: file,
                "\(tool) did not finish within \(Int(timeoutSeconds)) s; Dossier refuses this PDF (hostile or broken?)")
        }
        let output = (try? Data(contentsOf: stdout)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let errors = (try? Data(contentsOf: stderr)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        // Killed for memory: a signal, or poppler's own "out of memory".
        if process.terminationReason == .uncaughtSignal || errors.contains("Out of memory") || errors.contains("bad_alloc") {
            throw ImportFailure(file: file, "\(tool) ran out of its memory limit; Dossier refuses this PDF (hostile or broken?)")
        }
        return Output(status: process.terminationStatus, output: output, errors: errors)
    }

    static func executable(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Turns the lines `pdftotext` gives, page by page, into paragraphs.
enum PDFText {
    static func paragraphs(fromPages rawPages: [String]) -> String {
        var pages = rawPages.map {
            $0.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0).trimmed
            }
        }
        while let last = pages.last, last.allSatisfy(\.isEmpty) { pages.removeLast() }
        removeRunningLines(&pages)
        let lines = pages.flatMap { $0 }
        // pdftotext's reading-order mode marks few paragraph ends with a blank line; a line that
        // stops well short of the usual (median) line width ends one too, as does a sentence's end short of it.
        let widths = lines.filter { !$0.isEmpty }.map(\.count).sorted()
        let fullWidth = widths.isEmpty ? 0 : Double(widths[widths.count / 2])
        var paragraphs: [[String]] = [[]]
        for (index, line) in lines.enumerated() {
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                continue
            }
            paragraphs[paragraphs.count - 1].append(line)
            let next = lines[(index + 1)...].first { !$0.isEmpty }
            let width = Double(line.count)
            let endsSentence = line.last.map { ".!?:\"”»)".contains($0) } ?? false
            let nextStartsSentence = next?.first.map { $0.isUppercase || $0.isNumber || "“\"«•–-".contains($0) } ?? true
            if width < fullWidth * 0.75 && !line.hasSuffix("-") && nextStartsSentence
                || (endsSentence && nextStartsSentence && width < fullWidth * 0.9)
            {
                paragraphs.append([])
            }
        }
        return paragraphs.filter { !$0.isEmpty }.map(joinLines).joined(separator: "\n\n")
    }

    /// Wrapped lines become one; a word hyphenated at a line end ("investi-" + "gation") becomes one
    /// word again when the next line goes on in lower case.
    static func joinLines(_ lines: [String]) -> String {
        var text = ""
        for line in lines {
            guard !text.isEmpty else {
                text = line
                continue
            }
            if text.hasSuffix("\u{AD}") {
                text.removeLast()
                text += line
            } else if text.hasSuffix("-"), text.dropLast().last?.isLetter == true, line.first?.isLowercase == true {
                text.removeLast()
                text += line
            } else {
                text += " " + line
            }
        }
        return text
    }

    /// Removes lines at the top or bottom of the pages that repeat, digits aside ("Page 2 of 5"), on
    /// every page, and bare page numbers there. Needs two pages at least to tell what repeats.
    static func removeRunningLines(_ pages: inout [[String]]) {
        let edge = 3
        func key(_ line: String) -> String {
            String(line.map { $0.isNumber ? "#" : $0 })
        }
        func edgeIndices(_ page: [String]) -> [Int] {
            let filled = page.indices.filter { !page[$0].isEmpty }
            return Array(filled.prefix(edge)) + Array(filled.suffix(edge))
        }
        var repeated: Set<String> = []
        if pages.count >= 2 {
            var counts: [String: Int] = [:]
            for page in pages {
                for line in Set(edgeIndices(page).map { key(page[$0]) }) { counts[line, default: 0] += 1 }
            }
            let needed = pages.count >= 4 ? pages.count - 1 : pages.count
            repeated = Set(counts.filter { $0.value >= needed }.map(\.key))
        }
        for index in pages.indices {
            for line in Set(edgeIndices(pages[index])) {
                let text = pages[index][line]
                let isPageNumber = text.allSatisfy { $0.isNumber || $0 == "-" || $0 == " " || $0 == "/" } && text.count <= 9
                if repeated.contains(key(text)) || (isPageNumber && pages.count >= 2) {
                    pages[index][line] = ""
                }
            }
        }
    }
}
