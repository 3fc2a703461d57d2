extension EntityName {
    /// Reads `id, slug, name` from a row.
    init(row: Statement) {
        self.init(id: row.int64(0), slug: row.string(1), name: row.string(2))
    }
}
