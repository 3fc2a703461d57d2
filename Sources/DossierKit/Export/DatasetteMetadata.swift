import Foundation
import Yams

/// Datasette's metadata for an archive (https://docs.datasette.io/en/stable/metadata.html): table
/// and column descriptions from the catalogue, label columns so that foreign keys show names, the
/// full-text index, default facets and the saved queries archivists ask most. Datasette names a
/// database after its file, so the metadata is made for one archive file.
public struct DatasetteMetadata {
    public let databaseName: String

    /// `archivePath` is only read for its file name: `dossier.sqlite` is served as `dossier`.
    public init(archivePath: String) {
        databaseName = ((archivePath as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    public func yaml() throws -> String {
        let header = """
            # Datasette metadata for \(databaseName), made by `dossier datasette-metadata`.
            # Serve with: datasette \(databaseName).sqlite --metadata metadata.yml

            """
        return header + (try Yams.serialize(node: document, width: -1, allowUnicode: true))
    }

    var document: Node {
        let tables = (ArchiveCatalogue.tables + ArchiveCatalogue.views).map { ($0.name, Self.table($0)) }
        let queries = SavedQueries.all.map { query in
            (
                query.name,
                Self.mapping([
                    ("title", Self.text(query.title)), ("description", Self.text(query.description)),
                    ("sql", Self.text(query.sql)),
                ])
            )
        }
        let database = Self.mapping([
            ("description", Self.text("A Dossier archive: press releases and articles, verbatim, and the facts in them.")),
            ("tables", Self.mapping(tables)), ("queries", Self.mapping(queries)),
        ])
        return Self.mapping([
            ("title", Self.text("Dossier: \(databaseName)")),
            (
                "description",
                Self.text(
                    "Every fact is tied to the exact span of its document: "
                        + "substr(body, char_start + 1, char_end - char_start) = exact_text.")
            ),
            ("databases", Self.mapping([(databaseName, database)])),
        ])
    }

    static func table(_ entry: ArchiveCatalogue.Entry) -> Node {
        var fields: [(String, Node)] = [("description", text(entry.description))]
        if let label = entry.labelColumn { fields.append(("label_column", text(label))) }
        if !entry.facets.isEmpty { fields.append(("facets", .sequence(Node.Sequence(entry.facets.map(text))))) }
        if entry.name == "documents" {
            fields.append(("fts_table", text("documents_fts")))
            fields.append(("fts_pk", text("id")))
        }
        fields.append(("columns", mapping(entry.columns.map { ($0.name, text($0.meaning)) })))
        return mapping(fields)
    }

    /// Keys stay in the order given: a dictionary would shuffle tables and columns.
    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (text($0.0), $0.1) }))
    }

    /// SQL keeps its lines as a literal block; other text is left to the emitter.
    static func text(_ value: String) -> Node {
        .scalar(Node.Scalar(value, .implicit, value.contains("\n") ? .literal : .any))
    }
}
