import Foundation
import Testing

extension CLIRunner {
    /// Imports `data` as `name` into a new archive and expects what every refused file gets: exit
    /// code 1, one error naming the file with `message`, no document stored, the batch counting it failed.
    func expectImportRefused(_ name: String, _ data: Data, message: String) throws {
        #expect(try run("init").exitCode == 0)
        try write(name, data)
        let result = try run("import", path(name))
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("\(name): \(message)"), "\(result.stderr)")
        #expect(try sql("SELECT count(*) FROM documents") == "0")
        #expect(try sql("SELECT failed FROM import_batches") == "1")
    }
}
