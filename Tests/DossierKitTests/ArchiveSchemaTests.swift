import Foundation
import Testing

@testable import DossierKit

@Suite("Archive schema: status, version, migrate")
struct ArchiveSchemaTests {
    let directory: TemporaryDirectory
    let builtIn: [Migration]

    init() throws {
        directory = try TemporaryDirectory()
        builtIn = try Migrator.builtIn().migrations
    }

    @Test("a new file has every built-in migration pending and version 0; migrate applies them all once")
    func newFile() throws {
        let schema = try ArchiveSchema(archive: Archive.open(path: directory.path("new.sqlite"), access: .migrate))
        let pending = try schema.status()
        #expect(pending.map(\.version) == builtIn.map(\.version))
        #expect(pending.map(\.name) == builtIn.map(\.name))
        #expect(pending.allSatisfy { $0.state == .pending && $0.appliedAt == nil })
        #expect(try schema.version() == 0)

        #expect(try schema.migrate() == builtIn)
        let applied = try schema.status()
        #expect(applied.allSatisfy { $0.state == .applied && $0.appliedAt != nil })
        #expect(try schema.version() == builtIn.last?.version)
        #expect(try schema.migrate() == [])
    }

    @Test("an archive opened for writing is at the newest built-in version")
    func writtenArchive() throws {
        let schema = try ArchiveSchema(archive: Archive.open(path: directory.path("written.sqlite"), access: .write))
        #expect(try schema.version() == builtIn.last?.version)
        #expect(try schema.status().map(\.state) == Array(repeating: .applied, count: builtIn.count))
    }

    @Test("an archive part-way through reports the newest migration it has, and migrate applies the rest")
    func partWay() throws {
        let path = directory.path("partial.sqlite")
        let older = Migrator(migrations: Array(builtIn.prefix(3)))
        try older.migrate(try Connection(path: path))
        let schema = try ArchiveSchema(archive: Archive.open(path: path, access: .migrate))
        #expect(try schema.version() == builtIn[2].version)
        #expect(try schema.status().filter { $0.state == .pending }.map(\.version) == builtIn.dropFirst(3).map(\.version))
        #expect(try schema.migrate() == Array(builtIn.dropFirst(3)))
        #expect(try schema.version() == builtIn.last?.version)
    }
}
