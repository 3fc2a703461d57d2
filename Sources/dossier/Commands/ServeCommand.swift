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

    @Option(
        help: ArgumentHelp(
            "Access token people give once to open the pages; needed with any --host but loopback.", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp("Read the access token from this file (its first line).", valueName: "path"))
    var tokenFile: String?

    @Flag(help: "Serve the pages without any way to change the archive.")
    var readOnly = false

    @Option(
        help: ArgumentHelp(
            "Language of values and categories on the pages (en or fr); by default each browser's.", valueName: "language"))
    var lang: FactWording.Language?

    @Option(
        help: ArgumentHelp(
            "Seconds a request waits for another process's lock (an import, a restore) before the page says the archive is busy.",
            valueName: "seconds"))
    var busyTimeout: Double = 5

    func validate() throws {
        guard busyTimeout > 0, busyTimeout <= 600 else {
            throw ValidationError("--busy-timeout must be between 0 and 600 seconds")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if token != nil, tokenFile != nil { throw ValidationError("give --token or --token-file, not both") }
        if !ArchiveServer.isLoopback(host), token == nil, tokenFile == nil {
            throw ValidationError(
                "--host \(host) makes the archive reachable from other machines: give --token or --token-file too")
        }
    }

    /// The access token, from the option or the file; nil on loopback without one.
    func accessToken() throws -> String? {
        guard let tokenFile else { return token }
        guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8),
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init), line.count >= 16
        else {
            throw UsageError("\(tokenFile): cannot read a token of at least 16 characters from its first line")
        }
        return line
    }

    func run() async throws {
        // Opened once first, so a wrong path or an old schema is an error now, not on the first page.
        _ = try archive.open(.read)
        var configuration = ArchiveServer.Configuration(
            archivePath: archive.path, host: host, port: port, operatorName: operatorOptions.resolved,
            accessToken: try accessToken(), readOnly: readOnly, language: lang)
        configuration.busyTimeoutMilliseconds = Int32(busyTimeout * 1000)
        let server = ArchiveServer(configuration: configuration)
        try await server.run { address in
            Console.output("Serving \(archive.path)\(readOnly ? " read-only" : "") at \(address) (Ctrl-C to stop)")
        }
    }
}
