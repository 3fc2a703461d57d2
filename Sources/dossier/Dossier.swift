import ArgumentParser
import DossierKit
import Foundation

/// The root command: holds only configuration, and maps every error to Dossier's exit codes.
@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "A case-and-source archive of press releases about law-enforcement operations.",
        discussion: """
            Every command but eval takes --db PATH, before or after its name (else $DOSSIER_DB, else ./dossier.sqlite).
            Exit codes: 0 success; 1 the command ran and found problems; 2 usage or environment error.
            """,
        version: DossierVersion.current,
        subcommands: [
            InitCommand.self, MigrateCommand.self, SeedCommand.self, ImportCommand.self, StatsCommand.self,
            ExportCommand.self, ReportCommand.self, SearchCommand.self, EvalCommand.self,
            CheckCommand.self, BackupCommand.self, RestoreCommand.self, ReviewCommand.self, FigureCommand.self, QuoteCommand.self,
            UndoCommand.self, DocumentCommand.self, HistoryCommand.self, ReextractCommand.self,
            OperationCommand.self, OrganisationCommand.self, PersonCommand.self, DatasetteMetadataCommand.self,
            ServeCommand.self,
        ]
    )

    /// Parses and runs, turning errors into one line on stderr and exit code 1 or 2
    /// (swift-argument-parser's own usage errors would otherwise exit 64).
    static func main() async {
        do {
            var command = try parseAsRoot(LeadingDatabaseOption.reordered(Array(CommandLine.arguments.dropFirst())))
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch let error as DatabaseError {
            // SQLite's own message and statement mean nothing to a user: say what happened and what to do.
            Console.error(DatabaseFailure(error).description)
            Foundation.exit(2)
        } catch let failure as DossierFailure {
            Console.error(failure.description)
            Foundation.exit(failure.exitCode)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Console.output(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code.rawValue == 64 {
                Console.errorLines(fullMessage(for: error))
            } else {
                // Not a usage error: an I/O or system failure the command could not work around.
                Console.error(error.localizedDescription)
            }
            Foundation.exit(2)
        }
    }
}
