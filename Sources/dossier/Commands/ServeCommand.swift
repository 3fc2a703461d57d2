import ArgumentParser
import DossierKit
import DossierWeb
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Read, search and review the archive in a browser.",
        discussion: """
            Serves the archive at http://127.0.0.1:8080 until Ctrl-C (or SIGTERM), which lets the requests under way finish. The archive stays usable from the command line meanwhile. Review decisions taken in the pages are recorded under --operator, like those of `dossier figure` and `dossier quote`.
            Example: dossier serve --db cases.sqlite --port 8081
            """
    )

    @OptionGroup var archive: ArchiveOptions
    @OptionGroup var operatorOptions: OperatorOptions

    @Option(help: "Address to listen on; 0.0.0.0 makes the archive reachable from other machines.")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "Port to listen on; 0 picks a free one.")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        // Opened once first, so a wrong path or an old schema is an error now, not on the first page.
        _ = try archive.open(.read)
        let server = ArchiveServer(
            configuration: .init(archivePath: archive.path, host: host, port: port, operatorName: operatorOptions.resolved))
        try await server.run { address in
            Console.output("Serving \(archive.path) at \(address) (Ctrl-C to stop)")
        }
    }
}
