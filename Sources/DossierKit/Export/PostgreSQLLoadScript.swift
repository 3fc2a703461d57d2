/// `load.sql` of `export --all --format postgresql`: a psql script that creates the archive's tables
/// when missing and replaces the archive's rows with the exported ones, in one transaction, so a
/// failed or repeated load never leaves half an archive or the same rows twice.
///
/// The old rows are deleted, children before parents, rather than truncated: TRUNCATE would lock
/// out every reader of the archive until the load commits, while after DELETE they keep reading the
/// old rows meanwhile. No sequence is created (ids are copied as they are), so none needs resetting.
struct PostgreSQLLoadScript {
    let schema: PostgreSQLSchema
    /// The file holding `schema.sql`, beside this script.
    let schemaFile: String
    /// Each table's CSV file, beside this script.
    let files: [String: String]
    let archive: String

    var sql: String {
        let tables = schema.tables.filter { files[$0.name] != nil }
        var lines = [
            "-- Loads the Dossier archive \(archive) into PostgreSQL schema \(schema.name), replacing its rows.",
            "-- Run from this folder: psql -v ON_ERROR_STOP=1 -f load.sql (with -d URL, or PGHOST, PGDATABASE…).",
            "\\set ON_ERROR_STOP on",
            "BEGIN;",
            // Quiet the notices of the IF NOT EXISTS that skip, on every load but the first.
            "SET LOCAL client_min_messages = warning;",
            // \ir reads the file beside this script wherever psql was started; \copy reads from the working folder.
            "\\ir \(schemaFile)",
        ]
        lines += tables.reversed().map { "DELETE FROM \(schema.qualified($0.name));" }
        for table in tables {
            guard let file = files[table.name] else { continue }
            let columns = table.columns.map { PostgreSQLSchema.quoted($0.name) }.joined(separator: ", ")
            // A \copy meta-command is one line, read by psql itself.
            lines.append(
                "\\copy \(schema.qualified(table.name)) (\(columns)) FROM \(PostgreSQLSchema.literal(file)) WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')"
            )
        }
        lines.append("COMMIT;")
        // Fresh statistics for the planner; after the commit so that a large ANALYZE does not hold the load's locks.
        lines.append("ANALYZE \(tables.map { schema.qualified($0.name) }.joined(separator: ", "));")
        return lines.joined(separator: "\n") + "\n"
    }
}
