import ArgumentParser
import DossierKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import press releases and articles, with their provenance and extracted facts.",
        discussion: """
            PATH may be a file, a folder (read recursively, in byte order of names) or - for standard input.
            Files are plain text or Markdown, optionally with YAML front matter (title, publisher, author, url, published, retrieved, language, kind, translation_of, cites, operation, tags); or saved web pages (.html, .htm, .xhtml), e-mails (.eml) and PDFs, whose text is extracted and stored without the file itself (--dry-run shows it). Options win over front matter or what the page, message or PDF says, which win over what is inferred from the text. Metadata may not hold control characters (a title may hold tabs and line feeds), and a language is an ISO 639-1 code such as fr or en.
            Exit code 1 when any file failed.
            A file whose text is archived already is a duplicate and is not stored again; if it declares other metadata, each difference is shown and recorded in the document's history, with the `dossier document set` command that applies it.
            Example: dossier import Seeds/documents --publisher Europol
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Argument(help: ArgumentHelp("Files, folders, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "Publisher of every document in this run.")
    var publisher: String?

    @Option(help: "Author of every document in this run.")
    var author: String?

    @Option(help: "Canonical URL (for a single document).")
    var url: String?

    @Option(help: ArgumentHelp("Publication date, YYYY-MM-DD.", valueName: "date"))
    var published: String?

    @Option(help: ArgumentHelp("ISO 639-1 language code, e.g. fr or en.", valueName: "code"))
    var language: String?

    @Option(help: "What the documents are.")
    var kind: Document.Kind?

    @Option(help: ArgumentHelp("Operation the documents report, e.g. \"Operation Cumberland\".", valueName: "name"))
    var operation: String?

    @Option(help: ArgumentHelp("URL or SHA-256 (prefix) of the document this one translates.", valueName: "url-or-hash"))
    var translationOf: String?

    @Option(help: "Declare a legacy encoding instead of UTF-8.")
    var encoding: SourceDecoder.LegacyEncoding?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Largest file accepted, in bytes (default: 10 MiB).", valueName: "bytes"))
    var maxSize: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Documents per transaction: a crash or a full disk loses at most this many.",
            valueName: "count"))
    var batchSize: Int = ImportOptions.defaultBatchSize

    @Flag(help: "Follow symbolic links to files and folders.")
    var followSymlinks = false

    @Flag(help: "Extract and print what would be stored, writing nothing.")
    var dryRun = false

    @Flag(help: "One line per file even on a terminal (where a progress line replaces them).")
    var verbose = false

    func validate() throws {
        try MetadataOptionRules.refuseControlCharacters([
            ("--publisher", publisher), ("--author", author), ("--url", url), ("--published", published),
            ("--language", language), ("--operation", operation), ("--translation-of", translationOf),
        ])
        try MetadataOptionRules.refuseLanguage("--language", language)
        if let published, ISODate.validated(published) == nil {
            throw ValidationError("--published '\(published)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if let maxSize, maxSize <= 0 { throw ValidationError("--max-size must be a positive number of bytes") }
        if batchSize <= 0 { throw ValidationError("--batch-size must be a positive number of documents") }
        // A mistyped path is a usage error, found before a batch is opened (lstat: a dangling link exists).
        var status = stat()
        if let missing = paths.first(where: { $0 != "-" && lstat($0, &status) != 0 }) {
            throw ValidationError("\(missing): no such file or directory")
        }
    }

    func run() throws {
        let options = ImportOptions(
            metadata: DocumentMetadata(
                publisher: publisher, author: author, url: url, published: published,
                language: language.flatMap(LanguageCode.normalized), kind: kind, translationOf: translationOf,
                operation: operation),
            encoding: encoding, maximumBytes: maxSize ?? ImportOptions.defaultMaximumBytes, followSymlinks: followSymlinks,
            dryRun: dryRun,
            operatorName: operatorOptions.resolved, batchSize: batchSize, collectResults: output.json)
        let target: Archive? =
            dryRun && !FileManager.default.fileExists(atPath: archive.path) ? nil : try archive.open(dryRun ? .read : .write)
        let importer = Importer(archive: target, options: options, extractor: try FactExtractor.builtIn())
        let inputs = InputCollector(followSymlinks: followSymlinks).collect(paths)
        // On a terminal a progress line stands for the per-file lines; pipes and --verbose keep them.
        let lineForEachFile = verbose || isatty(STDOUT_FILENO) != 1
        let progress = ProgressLine(total: inputs.count, noun: "files", enabled: !output.quiet && !output.json)
        var tally = ImportTally()
        let summary = try importer.run(inputs) { result, prepared in
            tally.count(result.outcome)
            progress.advance { tally.text }
            guard !output.json else { return }
            if result.outcome == .failed {
                progress.clear()
                Console.error("\(result.file): \(result.error ?? "failed")")
            } else if dryRun, let prepared {
                progress.clear()
                Console.output(ImportReport.dryRunText(result, prepared))
            } else if !output.quiet, lineForEachFile {
                progress.clear()
                Console.output(ImportReport.line(result))
            }
        }
        progress.clear()
        if output.json {
            Console.json(summary)
        } else if !output.quiet {
            Console.output(ImportReport.summaryText(summary))
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

/// What became of the files of an import so far, for its progress line.
struct ImportTally {
    private var imported = 0
    private var duplicates = 0
    private var failed = 0

    mutating func count(_ outcome: ImportResult.Outcome) {
        switch outcome {
        case .imported: imported += 1
        case .duplicate: duplicates += 1
        case .failed: failed += 1
        }
    }

    var text: String {
        "\(imported.formatted()) imported, \(duplicates.formatted()) \(duplicates == 1 ? "duplicate" : "duplicates"), "
            + "\(failed.formatted()) failed"
    }
}

extension Document.Kind: ExpressibleByArgument {}
extension SourceDecoder.LegacyEncoding: ExpressibleByArgument {}
