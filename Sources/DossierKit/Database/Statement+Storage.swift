import SQLite

extension Statement {
    /// SQLite's storage class of a column of the current row.
    public enum StorageClass: Sendable {
        case null, integer, real, text, blob
    }

    public func storageClass(_ index: Int32) -> StorageClass {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    /// Lends a blob column's bytes without copying them. The buffer is valid only inside `body`.
    public func withBlobBytes<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }
}
