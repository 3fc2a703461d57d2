import Foundation
import SQLite

/// A prepared statement. Owned by one `Connection`, which caches and reuses it.
///
/// Values are bound with explicit lengths so that text containing NUL survives, and text is read
/// back with `sqlite3_column_bytes` for the same reason.
///
/// A statement runs only with as many values bound as it has parameters: SQLite would take a
/// parameter left unbound as NULL (https://sqlite.org/c3ref/bind_blob.html), and a value missing
/// from a row would then be stored as NULL, or a row's values shifted, without any error.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    /// How many parameters the SQL has: the largest parameter index
    /// (https://sqlite.org/c3ref/bind_parameter_count.html).
    public let parameterCount: Int32
    /// Values bound since the last reset; `step` refuses to run unless it equals `parameterCount`.
    private var boundCount: Int32 = 0
    private unowned let connection: Connection
    private lazy var columnIndexes: [String: Int32] = {
        var indexes: [String: Int32] = [:]
        for index in 0..<sqlite3_column_count(handle) {
            if let name = sqlite3_column_name(handle, index) {
                indexes[String(cString: name)] = index
            }
        }
        return indexes
    }()

    init(connection: Connection, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw DatabaseError(connection: connection.handle, code: code, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.parameterCount = sqlite3_bind_parameter_count(statement)
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears previous bindings and state so the statement can run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        boundCount = 0
    }

    /// Binds a value to every parameter `?1…?n`, in order; throws, binding nothing, unless there
    /// are exactly as many values as parameters.
    public func bind(_ values: [any SQLBindable]) throws {
        try expectAllParameters(values.count)
        for (offset, value) in values.enumerated() {
            try value.bind(to: self, at: Int32(offset + 1))
        }
    }

    /// Binds a value to every parameter `?1…?n`, in order, without boxing them; throws, binding
    /// nothing, unless there are exactly as many values as parameters.
    public func bind<each Value: SQLBindable>(_ values: repeat each Value) throws {
        var count = 0
        for _ in repeat each values { count += 1 }
        try expectAllParameters(count)
        try bind(repeat each values, from: 1)
    }

    /// Binds values to the parameters from `first` on, in order, without boxing them: a part of
    /// the statement's parameters, the rest being bound by other calls before it runs.
    public func bind<each Value: SQLBindable>(_ values: repeat each Value, from first: Int32) throws {
        var index = first
        for value in repeat each values {
            try value.bind(to: self, at: index)
            index += 1
        }
    }

    /// Binds values to named parameters (`:name`, `@name` or `$name`, given with their prefix);
    /// throws, binding nothing, unless every parameter is named once.
    public func bind(named values: [String: any SQLBindable]) throws {
        try expectAllParameters(values.count)
        for (name, value) in values {
            let index = sqlite3_bind_parameter_index(handle, name)
            guard index > 0 else {
                throw DatabaseError(resultCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
            }
            try bind(value.databaseValue, at: index)
        }
    }

    /// A bind of every parameter at once starts again from none bound, so that values left bound by
    /// a caller that did not reset the statement are not counted twice.
    private func expectAllParameters(_ values: Int) throws {
        guard values == parameterCount else { throw parameterCountMismatch(bound: values) }
        boundCount = 0
    }

    @inline(never)
    private func parameterCountMismatch(bound: Int) -> DatabaseError {
        DatabaseError(
            resultCode: SQLITE_RANGE,
            message: "\(bound) value\(bound == 1 ? "" : "s") bound to a statement with \(parameterCount) "
                + "parameter\(parameterCount == 1 ? "" : "s")",
            sql: sql)
    }

    public func bind(_ value: DatabaseValue, at index: Int32) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let integer): try bind(integer: integer, at: index)
        case .real(let real): try bind(real: real, at: index)
        case .text(let text): try bind(text: text, at: index)
        case .blob(let data):
            try check(
                data.withUnsafeBytes { buffer in
                    buffer.baseAddress.map {
                        sqlite3_bind_blob64(handle, index, $0, UInt64(buffer.count), dossier_sqlite_transient())
                    } ?? sqlite3_bind_zeroblob(handle, index, 0)
                }, index: index)
        }
    }

    public func bindNull(at index: Int32) throws { try check(sqlite3_bind_null(handle, index), index: index) }

    public func bind(integer: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, integer), index: index)
    }

    public func bind(real: Double, at index: Int32) throws { try check(sqlite3_bind_double(handle, index, real), index: index) }

    public func bind(text: String, at index: Int32) throws {
        var text = text
        try check(
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    // An empty string still needs a non-NULL pointer, or SQLite stores NULL.
                    guard let base = chars.baseAddress else {
                        return sqlite3_bind_text64(handle, index, "", 0, dossier_sqlite_transient(), UInt8(SQLITE_UTF8))
                    }
                    return sqlite3_bind_text64(
                        handle, index, base, UInt64(chars.count), dossier_sqlite_transient(), UInt8(SQLITE_UTF8))
                }
            }, index: index)
    }

    /// Counts a value bound. Inlined into every bind, with the error kept out of line: import binds
    /// about two thousand values per document, and an outlined check cost 20 instructions each.
    @inline(__always)
    private func check(_ code: Int32, index: Int32) throws {
        guard code == SQLITE_OK else { throw bindFailure(code, index: index) }
        boundCount &+= 1
    }

    /// SQLite's own error for an index past the last parameter names neither the index nor the count.
    @inline(never)
    private func bindFailure(_ code: Int32, index: Int32) -> DatabaseError {
        guard code == SQLITE_RANGE else { return DatabaseError(connection: connection.handle, code: code, sql: sql) }
        return DatabaseError(
            resultCode: SQLITE_RANGE,
            message: "value bound to parameter \(index) of a statement with \(parameterCount) "
                + "parameter\(parameterCount == 1 ? "" : "s")",
            sql: sql)
    }

    /// Advances to the next row; returns false when the statement is done.
    @discardableResult
    public func step() throws -> Bool {
        guard boundCount == parameterCount else { throw parameterCountMismatch(bound: Int(boundCount)) }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = DatabaseError(connection: connection.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            connection.noteFailure(error)
            throw error
        }
    }

    // MARK: Column reads for the current row

    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(_ index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    public func columnIndex(_ name: String) -> Int32? { columnIndexes[name] }

    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    public func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    public func bool(_ index: Int32) -> Bool { sqlite3_column_int64(handle, index) != 0 }

    public func string(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }

    /// Lends the column's UTF-8 bytes without copying them into a String, for hot comparisons.
    /// The buffer is valid only inside `body`.
    public func withUTF8<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_text(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func optionalInt64(_ index: Int32) -> Int64? { isNull(index) ? nil : int64(index) }

    public func optionalDouble(_ index: Int32) -> Double? { isNull(index) ? nil : double(index) }

    public func data(_ index: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard let pointer = sqlite3_column_blob(handle, index), count > 0 else { return Data() }
        return Data(bytes: pointer, count: count)
    }

    /// The current row's column as SQLite stored it.
    public func value(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(index))
        case SQLITE_FLOAT: return .real(double(index))
        case SQLITE_TEXT: return .text(string(index))
        case SQLITE_BLOB: return .blob(data(index))
        default: return .null
        }
    }
}
