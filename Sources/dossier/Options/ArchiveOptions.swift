import ArgumentParser
import DossierKit
import Foundation

/// `--db`, shared by every command that opens an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Archive file (default: $DOSSIER_DB, else ./dossier.sqlite).", valueName: "path"),
        completion: .file(extensions: ["sqlite"]))
    var db: String?

    var path: String { db ?? Self.defaultPath }

    /// The archive when no --db is given.
    static var defaultPath: String {
        if let env = ProcessInfo.processInfo.environment["DOSSIER_DB"], !env.isEmpty { return env }
        return "dossier.sqlite"
    }

    func open(_ access: Archive.Access) throws -> Archive {
        try Archive.open(path: path, access: access)
    }
}

/// `--json` and `--quiet`, shared by commands that print results.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print machine-readable JSON on stdout.")
    var json = false

    @Flag(name: [.short, .long], help: "Print nothing but results and errors.")
    var quiet = false

    /// The help of every `-o` option: what happens to what is already at the path.
    static let fileHelp = ArgumentHelp(
        "File to write; - is standard output. A regular file is replaced only once the output is complete; "
            + "a device or named pipe is written to directly; a symbolic link is followed and the file it points to is written.",
        valueName: "file")
}

/// `--operator`, for commands that write to the audit log.
struct OperatorOptions: ParsableArguments {
    @Option(
        name: .customLong("operator"), help: ArgumentHelp("Who is acting, for the audit log (default: $USER).", valueName: "name")
    )
    var operatorName: String?

    var resolved: String { Operator.resolve(operatorName) }
}
