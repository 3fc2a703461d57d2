import SQLite

/// Binds a row's values one after another with concrete types, for the inserts import runs a
/// hundred times per document. The generic `bind(_:from:)` reaches each value through protocol
/// witnesses and copies optionals through their metadata: for a figure row that was twice the
/// cost of binding it directly.
public struct StatementParameters {
    private let statement: Statement
    private var index: Int32

    init(_ statement: Statement, from first: Int32) {
        self.statement = statement
        self.index = first
    }

    public mutating func add(_ value: Int64) throws {
        try statement.bind(integer: value, at: next())
    }

    public mutating func add(_ value: Int) throws {
        try statement.bind(integer: Int64(value), at: next())
    }

    public mutating func add(_ value: Bool) throws {
        try statement.bind(integer: value ? 1 : 0, at: next())
    }

    public mutating func add(_ value: Double) throws {
        try statement.bind(real: value, at: next())
    }

    public mutating func add(_ value: String) throws {
        try statement.bind(text: value, at: next())
    }

    public mutating func add(_ value: Int64?) throws {
        if let value { try add(value) } else { try statement.bindNull(at: next()) }
    }

    public mutating func add(_ value: Double?) throws {
        if let value { try add(value) } else { try statement.bindNull(at: next()) }
    }

    public mutating func add(_ value: String?) throws {
        if let value { try add(value) } else { try statement.bindNull(at: next()) }
    }

    private mutating func next() -> Int32 {
        defer { index += 1 }
        return index
    }
}

extension Statement {
    /// Parameters to bind in order, starting at `first`.
    public func parameters(from first: Int32 = 1) -> StatementParameters {
        StatementParameters(self, from: first)
    }
}
