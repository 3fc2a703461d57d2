/// The archive's own account of its tables and columns, and whole tables read as stored: what a
/// complete export needs to hold everything and describe it.
public struct SchemaRepository {
    public struct Column: Sendable, Equatable {
        public let name: String
        /// The declared SQL type: INTEGER, REAL or TEXT.
        public let type: String
        public let nullable: Bool
        /// Position in the primary key, from 1; 0 when not part of it.
        public let primaryKeyPosition: Int

        public var isNumeric: Bool { type == "INTEGER" || type == "REAL" }
    }

    /// A foreign key of a table: its columns, and the table and columns they refer to.
    public struct ForeignKey: Sendable, Equatable {
        public let columns: [String]
        public let parentTable: String
        /// Empty when the key refers to the parent's primary key without naming it.
        public let parentColumns: [String]
        /// SQLite's ON DELETE action: NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT.
        public let onDelete: String
    }

    let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Tables and views people and tools read, without SQLite's and the full-text index's own.
    public func relations() throws -> [(name: String, isView: Bool)] {
        try connection.query(
            """
            SELECT name, type = 'view' FROM sqlite_schema
            WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND name NOT LIKE 'documents\\_fts%' ESCAPE '\\'
            ORDER BY name
            """
        ) { (name: $0.string(0), isView: $0.int64(1) == 1) }
    }

    public func columns(of relation: String) throws -> [Column] {
        try connection.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid", [relation]) {
            Column(
                name: $0.string(0), type: $0.string(1).uppercased(), nullable: $0.int64(2) == 0 && $0.int64(3) == 0,
                primaryKeyPosition: Int($0.int64(3)))
        }
    }

    /// The table's foreign keys as SQLite declares them
    /// (https://sqlite.org/pragma.html#pragma_foreign_key_list), a composite key as one entry.
    public func foreignKeys(of table: String) throws -> [ForeignKey] {
        let rows = try connection.query(
            "SELECT id, \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq", [table]
        ) { (id: $0.int64(0), from: $0.string(1), parent: $0.string(2), to: $0.optionalString(3), onDelete: $0.string(4)) }
        var keys: [ForeignKey] = []
        var index = rows.startIndex
        while index < rows.endIndex {
            let key = rows[index...].prefix { $0.id == rows[index].id }
            keys.append(
                ForeignKey(
                    columns: key.map(\.from), parentTable: rows[index].parent, parentColumns: key.compactMap(\.to),
                    onDelete: rows[index].onDelete))
            index += key.count
        }
        return keys
    }

    /// Every row of a base table, all columns in table order, sorted by primary key so that two
    /// exports of the same archive are byte for byte the same.
    public func streamRows(of table: String, _ body: ([DatabaseValue]) throws -> Void) throws {
        let columns = try columns(of: table)
        guard !columns.isEmpty else { throw UsageError("the archive has no table \(table)") }
        let key = columns.filter { $0.primaryKeyPosition > 0 }.sorted { $0.primaryKeyPosition < $1.primaryKeyPosition }
        let order = key.isEmpty ? "rowid" : key.map { Self.quoted($0.name) }.joined(separator: ", ")
        let sql =
            "SELECT \(columns.map { Self.quoted($0.name) }.joined(separator: ", ")) FROM \(Self.quoted(table)) ORDER BY \(order)"
        var row = [DatabaseValue](repeating: .null, count: columns.count)
        try connection.forEachRow(sql) { statement in
            for index in row.indices {
                row[index] = statement.value(Int32(index))
            }
            try body(row)
        }
    }

    /// The newest migration applied: the schema a set of exported files follows.
    public func schemaVersion() throws -> Int {
        Int(try connection.scalarInt("SELECT max(version) FROM schema_migrations") ?? 0)
    }

    /// Names come from the schema itself, never from data; quoting still keeps any name whole.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
