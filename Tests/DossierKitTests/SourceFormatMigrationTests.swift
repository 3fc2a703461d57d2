import Foundation
import Testing

@testable import DossierKit

@Suite("Migration 0011: documents record their source format")
struct SourceFormatMigrationTests {
    let directory: TemporaryDirectory
    let connection: Connection

    init() throws {
        directory = try TemporaryDirectory()
        connection = try Connection(path: directory.path("formats.sqlite"))
    }

    /// An archive at version 10 with two sealed documents (and a link between them), as a release
    /// before issue 18 left it.
    func sealedArchiveAtVersion10() throws {
        let builtIn = try Migrator.builtIn()
        try Migrator(migrations: builtIn.migrations.filter { $0.version <= 10 }).migrate(connection)
        try connection.writeTransaction {
            for id in [7, 8] {
                try connection.execute(
                    """
                    INSERT INTO documents (id, sha256, original_sha256, normalized_sha256, body, title, size_bytes, encoding,
                        imported_at)
                    VALUES (?, printf('%064d', ?), printf('%064d', ?), printf('%064d', ?), '25 arrested', 'Release', 11,
                        'utf-8', 'now')
                    """, [id, id, id, id])
            }
            try connection.execute(
                """
                INSERT INTO document_links (document_id, relation, target_document_id, created_at)
                VALUES (8, 'probable_duplicate_of', 7, 'now')
                """)
            try ArchiveSealer(connection: connection).sealAll()
        }
    }

    func recordFindings() throws -> [Finding] {
        try IntegrityChecker(
            path: directory.path("formats.sqlite"), options: CheckOptions(phases: [.schema, .records], recordEvent: false)
        ).run().findings
    }

    @Test("existing documents become text documents, their digests cover the new columns, and the check finds them intact")
    func existingDocumentsResealed() throws {
        try sealedArchiveAtVersion10()
        let before = try connection.query("SELECT record_sha256 FROM documents ORDER BY id") { $0.string(0) }

        try Archive.migrate(connection)

        #expect(try connection.query("SELECT DISTINCT source_format FROM documents") { $0.string(0) } == ["text"])
        #expect(try connection.scalarInt("SELECT count(*) FROM documents WHERE extractor_version IS NOT NULL") == 0)
        #expect(try connection.scalarInt("SELECT count(*) FROM document_links WHERE relation = 'probable_duplicate_of'") == 1)
        let after = try connection.query("SELECT record_sha256 FROM documents ORDER BY id") { $0.string(0) }
        #expect(zip(before, after).allSatisfy { $0 != $1 }, "the digests must now cover source_format")
        let findings = try recordFindings()
        #expect(findings.isEmpty, "\(findings.map(\.summary))")
        try connection.execute(
            "INSERT INTO document_links (document_id, relation, target_document_id, created_at) VALUES (8, 'same_source_as', 7, 'now')"
        )
    }

    @Test("a document changed behind Dossier's back before the migration is still found after it")
    func tamperingSurvivesTheMigration() throws {
        try sealedArchiveAtVersion10()
        try connection.execute("UPDATE documents SET publisher = 'Forged' WHERE id = 8")

        try Archive.migrate(connection)

        let findings = try recordFindings()
        #expect(findings.map(\.entityID) == [8], "\(findings.map(\.summary))")
    }

    @Test("a text document cannot claim an extractor, and an extracted one must name it")
    func extractorVersionRule() throws {
        try sealedArchiveAtVersion10()
        try Archive.migrate(connection)
        #expect(throws: DatabaseError.self) {
            try connection.execute("UPDATE documents SET extractor_version = 'x' WHERE id = 7")
        }
        #expect(throws: DatabaseError.self) {
            try connection.execute("UPDATE documents SET source_format = 'html' WHERE id = 7")
        }
        try connection.execute("UPDATE documents SET source_format = 'html', extractor_version = 'dossier-html-1' WHERE id = 7")
    }
}
