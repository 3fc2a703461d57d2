/// Reads the rows a record digest covers straight into the digest: each query prepared once per
/// connection and found again by identity, each column name turned into bytes once per query, and
/// every value hashed from SQLite's own buffer. Sealing an import reads a hundred fact rows per
/// document, and a full check every row of the archive.
final class RecordDigestReader {
    private let connection: Connection
    private var queries: [String: Query] = [:]

    /// One query and what is known of its result columns once it has returned a row.
    private final class Query {
        let sql: CachedSQL
        let excluded: Set<String>
        /// The columns digested, with their names as bytes.
        var columns: [(index: Int32, name: [UInt8])]?
        var names: [[UInt8]] = []

        init(_ sql: CachedSQL, excluded: Set<String> = []) {
            self.sql = sql
            self.excluded = excluded
        }
    }

    /// Every query's SQL, made once for the process: a connection finds its prepared statements by
    /// the identity of these objects, and an identity must never be reused by another query, as it
    /// would be if they were made and freed with each reader.
    private static let statements: [String: CachedSQL] = {
        var statements: [String: CachedSQL] = [:]
        for table in FixityRepository.sealedTables {
            statements[table.name] = CachedSQL("SELECT * FROM \(table.name) WHERE id = ?")
            for dependent in table.dependents {
                let condition = dependent.condition.map { " AND \($0)" } ?? ""
                statements["\(table.name)/\(dependent.table)"] = CachedSQL(
                    "SELECT * FROM \(dependent.table) WHERE \(dependent.column) = ?\(condition) ORDER BY 1, 2")
            }
        }
        for table in FixityRepository.wholeTables {
            statements["whole/\(table)"] = CachedSQL("SELECT * FROM \(table) ORDER BY 1")
        }
        return statements
    }()

    init(connection: Connection) {
        self.connection = connection
    }

    func digest(of table: FixityRepository.SealedTable, id: Int64) throws -> String? {
        var digest = RecordDigest(kind: table.name)
        digest.table(table.name)
        guard try digestRows(of: try query(table.name, excluding: table.excluded), binding: id, into: &digest) > 0 else {
            return nil
        }
        for dependent in table.dependents {
            digest.table(dependent.table)
            try digestRows(of: try query("\(table.name)/\(dependent.table)"), binding: id, into: &digest)
        }
        return digest.finalize()
    }

    func wholeTableDigest(_ table: String) throws -> (rows: Int64, digest: String) {
        var digest = RecordDigest(kind: "table/\(table)")
        digest.table(table)
        let rows = try digestRows(of: try query("whole/\(table)"), into: &digest)
        return (Int64(rows), digest.finalize())
    }

    private func query(_ key: String, excluding excluded: Set<String> = []) throws -> Query {
        if let query = queries[key] { return query }
        guard let sql = Self.statements[key] else {
            // Every key is made from the same static lists as `statements`: a miss is a bug here.
            throw DatabaseError(resultCode: 1, message: "no record digest query for \(key)")
        }
        let query = Query(sql, excluded: excluded)
        queries[key] = query
        return query
    }

    /// Feeds every row of `query` to `digest`; returns how many there were.
    @discardableResult
    private func digestRows(of query: Query, binding id: Int64? = nil, into digest: inout RecordDigest) throws -> Int {
        let statement = try connection.prepare(query.sql)
        defer { statement.reset() }
        if let id { try statement.bind(id) }
        var rows = 0
        while try statement.step() {
            let columns: [(index: Int32, name: [UInt8])]
            if let known = query.columns {
                columns = known
            } else {
                columns = columnsToDigest(of: statement, excluding: query.excluded)
                query.columns = columns
                query.names = columns.map(\.name)
            }
            if rows == 0 { digest.columns(query.names) }
            digest.row()
            for (index, _) in columns {
                switch statement.storageClass(index) {
                case .null: digest.null()
                case .integer: digest.integer(statement.int64(index))
                case .real: digest.real(statement.double(index))
                case .text: statement.withUTF8(index) { digest.text($0) }
                case .blob: statement.withBlobBytes(index) { digest.blob($0) }
                }
            }
            rows += 1
        }
        return rows
    }

    private func columnsToDigest(of statement: Statement, excluding excluded: Set<String>) -> [(index: Int32, name: [UInt8])] {
        (0..<statement.columnCount).compactMap { index in
            let name = statement.columnName(index)
            return excluded.contains(name) ? nil : (index, Array(name.utf8))
        }
    }
}
