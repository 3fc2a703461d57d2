import Foundation
import Testing

@testable import DossierKit

@Suite("Archive catalogue")
struct ArchiveCatalogueTests {
    @Test("the catalogue describes every table, view and column of the schema, in column order, and nothing else")
    func matchesSchema() throws {
        let test = try TestArchive()
        let schema = SchemaRepository(connection: test.connection)
        let relations = try schema.relations()
        #expect(Set(relations.filter { !$0.isView }.map(\.name)) == Set(ArchiveCatalogue.tables.map(\.name)))
        #expect(Set(relations.filter(\.isView).map(\.name)) == Set(ArchiveCatalogue.views.map(\.name)))
        for entry in ArchiveCatalogue.tables + ArchiveCatalogue.views {
            let columns = try schema.columns(of: entry.name).map(\.name)
            #expect(entry.columns.map(\.name) == columns, "\(entry.name)")
            #expect(entry.columns.allSatisfy { !$0.meaning.isEmpty } && !entry.description.isEmpty, "\(entry.name)")
            for name in entry.facets + (entry.labelColumn.map { [$0] } ?? []) {
                #expect(columns.contains(name), "\(entry.name) facets or labels by \(name), which it lacks")
            }
        }
    }

    @Test("tables come parents first, so loading the files in order never meets a missing parent")
    func parentsFirst() throws {
        let test = try TestArchive()
        let order = ArchiveCatalogue.tables.map(\.name)
        for (position, table) in order.enumerated() {
            let parents = try test.connection.query("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)", [table]) {
                $0.string(0)
            }
            for parent in parents where parent != table {
                #expect(order.firstIndex(of: parent).map { $0 < position } == true, "\(table) before its parent \(parent)")
            }
        }
    }
}
