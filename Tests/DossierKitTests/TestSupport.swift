import Foundation

@testable import DossierKit

/// A fresh directory per test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "dossier-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appending(path: name).path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appending(path: name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }
}

/// A new, migrated archive in its own temporary directory.
struct TestArchive {
    let directory: TemporaryDirectory
    let archive: Archive

    init() throws {
        directory = try TemporaryDirectory()
        archive = try Archive.open(path: directory.path("archive.sqlite"), access: .write)
    }

    var connection: Connection { archive.connection }

    /// A new archive holding the seed documents, imported as a user would.
    static func withSeedDocuments() throws -> TestArchive {
        let test = try TestArchive()
        let importer = Importer(
            archive: test.archive, options: ImportOptions(operatorName: "tester"), extractor: try FactExtractor.builtIn())
        let summary = try importer.run(
            InputCollector(followSymlinks: false).collect([packageRoot.appending(path: "Seeds/documents").path]))
        guard summary.imported == 2 else { throw UsageError("the seed documents did not import: \(summary)") }
        return test
    }

    func count(_ table: String, where condition: String = "1") throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM \(table) WHERE \(condition)") ?? -1)
    }
}

/// The package root, for reading Seeds/ in tests.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
