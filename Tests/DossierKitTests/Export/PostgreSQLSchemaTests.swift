import Testing

@testable import DossierKit

@Suite("PostgreSQL schema")
struct PostgreSQLSchemaTests {
    @Test(
        "an archive's schema name can be typed unquoted",
        arguments: [
            ("dossier.sqlite", "dossier"), ("/srv/Team-B Archive.sqlite", "team_b_archive"), ("2025.sqlite", "archive_2025"),
            ("pg_main.db", "archive_pg_main"), ("été.sqlite", "_t_"), (".sqlite", "_sqlite"),
        ])
    func schemaName(_ file: String, _ expected: String) {
        #expect(PostgreSQLSchema.name(forArchive: file) == expected)
    }

    @Test("every foreign key refers to a table created before it, in the order of the export")
    func parentsFirst() throws {
        let test = try TestArchive()
        let schema = SchemaRepository(connection: test.connection)
        var created: Set<String> = []
        var keys = 0
        for table in try BundleExporter.tables(schema) {
            for key in try schema.foreignKeys(of: table.name) {
                #expect(created.contains(key.parentTable), "\(table.name) → \(key.parentTable)")
                keys += 1
            }
            created.insert(table.name)
        }
        #expect(keys > 0)
    }

    @Test("foreign keys come from SQLite as declared, with their ON DELETE action")
    func foreignKeys() throws {
        let test = try TestArchive()
        let keys = try SchemaRepository(connection: test.connection).foreignKeys(of: "document_links")
        #expect(
            keys.contains(.init(columns: ["document_id"], parentTable: "documents", parentColumns: ["id"], onDelete: "CASCADE")))
        #expect(
            keys.contains(
                .init(columns: ["target_document_id"], parentTable: "documents", parentColumns: ["id"], onDelete: "SET NULL")))
    }
}
