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

    func count(_ table: String, where condition: String = "1") throws -> Int {
        Int(try connection.scalarInt("SELECT count(*) FROM \(table) WHERE \(condition)") ?? -1)
    }
}

/// The package root, for reading Seeds/ in tests.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
