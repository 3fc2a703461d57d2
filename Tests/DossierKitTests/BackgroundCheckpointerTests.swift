import Foundation
import Testing

@testable import DossierKit

@Suite("Background checkpoints during import")
struct BackgroundCheckpointerTests {
    let directory: TemporaryDirectory
    let path: String
    let connection: Connection

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("checkpoints.sqlite")
        connection = try Connection(path: path)
        try connection.executeScript("CREATE TABLE pages (data BLOB)")
    }

    func fileSize() throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test("committed pages reach the archive file from the other thread, and automatic checkpoints come back as they were")
    func copiesAndRestores() throws {
        try connection.executeScript("PRAGMA wal_autocheckpoint = 500")
        let checkpointer = try #require(BackgroundCheckpointer(importing: connection))
        #expect(try connection.scalarInt("PRAGMA wal_autocheckpoint") == 0)
        let before = try fileSize()
        for _ in 0..<4 {
            try connection.writeTransaction {
                try connection.execute("INSERT INTO pages (data) VALUES (zeroblob(1000000))")
            }
            checkpointer.didCommit()
        }
        checkpointer.stop()
        #expect(try fileSize() >= before + 4_000_000, "the four committed megabytes were copied into the file")
        #expect(try connection.scalarInt("PRAGMA wal_autocheckpoint") == 500, "the connection's own setting is given back")
    }

    @Test("it does not keep the importing connection open: that one must close last, to remove the WAL")
    func doesNotRetainTheImportingConnection() throws {
        weak var released: Connection?
        var checkpointer: BackgroundCheckpointer?
        do {
            let importing = try Connection(path: directory.path("other.sqlite"))
            released = importing
            checkpointer = BackgroundCheckpointer(importing: importing)
            try #require(checkpointer != nil)
            checkpointer?.stop()
        }
        // The checkpointer (as its thread may, for a moment after `stop()`) outlives the import.
        #expect(checkpointer != nil)
        #expect(released == nil)
    }

    @Test("without it, the same commits stay in the WAL until a checkpoint")
    func controlWithoutCheckpoints() throws {
        try connection.executeScript("PRAGMA wal_autocheckpoint = 0")
        let before = try fileSize()
        try connection.writeTransaction {
            try connection.execute("INSERT INTO pages (data) VALUES (zeroblob(1000000))")
        }
        #expect(try fileSize() < before + 1_000_000)
    }
}
