import Foundation
import Testing

@testable import DossierKit

@Suite("Search index declared for generic tools (migration 10)")
struct SearchIndexMigrationTests {
    @Test("an archive indexed before migration 10 keeps every match, its ranking and its integrity after it")
    func migratesExistingIndex() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let builtIn = try Migrator.builtIn().migrations
        let before = builtIn.filter { $0.version < 10 }
        try Migrator(migrations: before).migrate(try Connection(path: path))
        let old = try Connection(path: path)
        // What an import of that version stored: documents, then their rows in the index.
        let bodies = [
            ("Arrestations", "Les suspects ont été arrêtés à Lyon."), ("Europol", "Europol says 25 were arrested."),
            ("Rapport", "Rien ici."),
        ]
        for (title, body) in bodies {
            try old.execute(
                """
                INSERT INTO documents (sha256, original_sha256, normalized_sha256, body, title, size_bytes, encoding,
                                       kind, imported_at)
                VALUES (?, ?, ?, ?, ?, 1, 'utf-8', 'press_release', '2026-01-01T00:00:00Z')
                """,
                [
                    SHA256Hex.of(body), SHA256Hex.of(body), SHA256Hex.of(body), body, title,
                ])
        }
        try old.execute("INSERT INTO documents_fts (rowid, title, body) SELECT id, title, body FROM documents")

        try Migrator(migrations: builtIn).migrate(old)

        let declaration = try old.queryFirst("SELECT sql FROM sqlite_schema WHERE name = 'documents_fts'") { $0.string(0) } ?? ""
        #expect(declaration.contains(#"content="documents""#), "Datasette and sqlite-utils look for this spelling")
        let matches = try old.query(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'arretes' ORDER BY rank"
        ) { $0.int64(0) }
        #expect(matches == [1], "accent-insensitive, as before")
        // The title weighs more than the body: "europol" in a title ranks above it in a body only.
        try old.execute(
            "UPDATE documents SET body = 'Europol and Europol again, Europol.' WHERE id = 3")
        let ranked = try old.query(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'europol' ORDER BY rank"
        ) { $0.int64(0) }
        #expect(ranked.first == 2, "the bm25 weights survive the migration: \(ranked)")
        #expect(Set(ranked) == [2, 3], "an update reaches the new index through its trigger")
        try old.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
        try old.execute("DELETE FROM documents WHERE id = 1")
        #expect(try old.scalarInt("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'arretes'") == 0)
    }

    @Test("SHA-256 from OpenSSL gives the standard's digests, whole or in pieces")
    func knownDigests() throws {
        #expect(SHA256Hex.of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Hex.of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var pieces = StreamingSHA256()
        pieces.update(Array("ab".utf8))
        pieces.update(Array("c".utf8))
        #expect(pieces.finalize() == SHA256Hex.of("abc"))
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256Hex.of(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
