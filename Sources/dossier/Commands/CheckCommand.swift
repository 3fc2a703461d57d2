import ArgumentParser
import DossierKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the archive: SQLite integrity, schema, fixity, spans, full-text index, consistency.",
        discussion: """
            Reads the archive without changing it, then records the run as a 'check' event. Besides SQLite's own checks and every body's hash it recomputes the digests of every document's metadata and facts, walks the audit log's hash chain and prints its head: keep that line outside the archive. Exit code 0 when clean, 1 when anything is found (a damaged page SQLite refuses to read is a finding), 2 when the check could not run (no such file, not an SQLite database, schema from a newer dossier).
            Missing original files (--against-sources) are reported as notices and do not change the exit code.
            --repair rebuilds the full-text index when its checks fail, and says so; nothing else is ever repaired.
            Example: dossier check --quick
            Example, for cron: dossier check --db /srv/cases.sqlite --since 2025-01-01 --json
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Flag(help: "Use PRAGMA quick_check instead of the slower, fuller integrity_check.")
    var quick = false

    @Flag(help: "Also re-read each document's original file, where it still exists, and compare its hash.")
    var againstSources = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Verify the bodies of only this many documents, chosen at random.", valueName: "n"))
    var sample: Int?

    @Option(help: ArgumentHelp("Verify the bodies of only documents imported on or after this date.", valueName: "date"))
    var since: String?

    @Flag(help: "Rebuild the full-text index if its checks fail, and record the repair.")
    var repair = false

    func validate() throws {
        if let sample, sample <= 0 { throw ValidationError("--sample must be a positive number of documents") }
        if let since, ISODate.validated(since) == nil {
            throw ValidationError("--since '\(since)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
    }

    func run() throws {
        let options = CheckOptions(
            quick: quick, againstSources: againstSources, sample: sample, since: since, repair: repair,
            operatorName: operatorOptions.resolved)
        var progressLine: ProgressLine?
        let report = try IntegrityChecker(path: archive.path, options: options).run { progress in
            guard progress.phase == .fixity, !output.quiet, !output.json, let total = progress.total else { return }
            let line = progressLine ?? ProgressLine(total: total, noun: "documents", enabled: true)
            progressLine = line
            line.advance()
        }
        progressLine?.clear()
        for warning in report.warnings {
            Console.note("dossier: warning: \(warning)")
        }
        if output.json {
            Console.json(report)
        } else {
            Console.output(CheckReportText.render(report, quiet: output.quiet))
        }
        if report.outcome == .findings { throw ExitCode(1) }
    }
}
