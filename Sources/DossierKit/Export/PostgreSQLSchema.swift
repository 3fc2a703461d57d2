import Foundation

/// The archive's tables as PostgreSQL DDL (`schema.sql` of `export --all --format postgresql`),
/// derived from what SQLite declares rather than written by hand, so a new migration's columns and
/// keys reach PostgreSQL without anyone remembering to.
///
/// Everything lives in one PostgreSQL schema named after the archive, so that several archives can
/// share a database, and every statement can run again (`IF NOT EXISTS`), since `load.sql` runs
/// this file on every load. CHECK and UNIQUE rules stay SQLite's: the data arrives already checked.
struct PostgreSQLSchema {
    struct Table {
        let name: String
        let description: String
        let columns: [SchemaRepository.Column]
        let meanings: [String: String]
        let foreignKeys: [SchemaRepository.ForeignKey]
    }

    /// The PostgreSQL schema the tables go in.
    let name: String
    /// Parents before children, the order they are created and loaded in.
    let tables: [Table]

    /// The generated full-text column of documents, for French and English text alike: Dossier's
    /// archives mix both, and a query picks its language with `to_tsquery('french', …)`. The title
    /// weighs more (A) than the body, like SQLite's BM25 weights.
    static let searchColumn = "search"
    static let searchExpression =
        "setweight(to_tsvector('french', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(title, '')), 'A')"
        + " || to_tsvector('french', body) || to_tsvector('english', body)"

    /// A PostgreSQL schema name for an archive file: its name without extension, lowercased, with
    /// anything but a-z, 0-9 and _ replaced by _, so it can be typed unquoted (`dossier.documents`).
    /// PostgreSQL reserves pg_ and a name cannot start with a digit: such names get `archive_` first.
    static func name(forArchive fileName: String) -> String {
        let stem = ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        var name = String(
            String.UnicodeScalarView(
                stem.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" ? $0 : "_" }))
        if name.isEmpty || name.first?.isNumber == true || name.hasPrefix("pg_") { name = "archive_" + name }
        return String(name.prefix(63))
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// SQLite's declared types as PostgreSQL's; anything else (BLOB, no type) is exported as text.
    static func type(_ declared: String) -> String {
        switch declared {
        case "INTEGER": "bigint"
        case "REAL": "double precision"
        default: "text"
        }
    }

    func qualified(_ table: String) -> String {
        Self.quoted(name) + "." + Self.quoted(table)
    }

    /// The text of `schema.sql`.
    var sql: String {
        var lines = [
            "-- The tables of one Dossier archive, in PostgreSQL schema \(name); safe to run again.",
            "CREATE SCHEMA IF NOT EXISTS \(Self.quoted(name));",
        ]
        for table in tables {
            lines.append("")
            lines.append(contentsOf: create(table))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func create(_ table: Table) -> [String] {
        var parts = table.columns.map { column in
            "    \(Self.quoted(column.name)) \(Self.type(column.type))\(column.nullable ? "" : " NOT NULL")"
        }
        let hasSearch = Self.hasSearch(table)
        if hasSearch {
            parts.append("    \(Self.quoted(Self.searchColumn)) tsvector GENERATED ALWAYS AS (\(Self.searchExpression)) STORED")
        }
        let key = primaryKey(table)
        if !key.isEmpty { parts.append("    PRIMARY KEY (\(key.map(Self.quoted).joined(separator: ", ")))") }
        for foreignKey in table.foreignKeys {
            var reference =
                "    FOREIGN KEY (\(foreignKey.columns.map(Self.quoted).joined(separator: ", "))) REFERENCES \(qualified(foreignKey.parentTable))"
            if !foreignKey.parentColumns.isEmpty {
                reference += " (\(foreignKey.parentColumns.map(Self.quoted).joined(separator: ", ")))"
            }
            if foreignKey.onDelete != "NO ACTION" { reference += " ON DELETE \(foreignKey.onDelete)" }
            parts.append(reference)
        }
        var lines = ["CREATE TABLE IF NOT EXISTS \(qualified(table.name)) (", parts.joined(separator: ",\n"), ");"]
        // PostgreSQL, unlike a primary key, does not index the referencing side of a foreign key:
        // without these, joins from a parent and every delete of a parent read the whole child table.
        for columns in Set(table.foreignKeys.map(\.columns)).sorted(by: { $0.lexicographicallyPrecedes($1) })
        where !key.starts(with: columns) {
            lines.append(
                "CREATE INDEX IF NOT EXISTS \(Self.quoted(indexName(table.name, columns))) ON \(qualified(table.name)) (\(columns.map(Self.quoted).joined(separator: ", ")));"
            )
        }
        if hasSearch {
            lines.append(
                "CREATE INDEX IF NOT EXISTS \(Self.quoted(indexName(table.name, [Self.searchColumn]))) ON \(qualified(table.name)) USING gin (\(Self.quoted(Self.searchColumn)));"
            )
        }
        // Comments carry the catalogue's meanings, for `\d+` in psql and for any database browser.
        lines.append("COMMENT ON TABLE \(qualified(table.name)) IS \(Self.literal(table.description));")
        for column in table.columns {
            if let meaning = table.meanings[column.name] {
                lines.append(
                    "COMMENT ON COLUMN \(qualified(table.name)).\(Self.quoted(column.name)) IS \(Self.literal(meaning));")
            }
        }
        if hasSearch {
            lines.append(
                "COMMENT ON COLUMN \(qualified(table.name)).\(Self.quoted(Self.searchColumn)) IS "
                    + "\(Self.literal("Title (weight A) and body for full-text search, French and English stemming."));")
        }
        return lines
    }

    /// Only documents is searched; the column needs the title and body it is made of.
    static func hasSearch(_ table: Table) -> Bool {
        table.name == "documents" && ["title", "body"].allSatisfy { name in table.columns.contains { $0.name == name } }
    }

    private func primaryKey(_ table: Table) -> [String] {
        table.columns.filter { $0.primaryKeyPosition > 0 }.sorted { $0.primaryKeyPosition < $1.primaryKeyPosition }.map(
            \.name)
    }

    /// Index names are unique within a schema; PostgreSQL keeps 63 bytes of a name.
    private func indexName(_ table: String, _ columns: [String]) -> String {
        String(([table] + columns + ["idx"]).joined(separator: "_").prefix(63))
    }
}
