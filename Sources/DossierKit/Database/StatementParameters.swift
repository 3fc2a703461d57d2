import SQLite

/// Binds a row's values one after another, for the inserts import runs a hundred times per
/// document. Each `add` is specialised for its value's type; the parameter-pack `bind(_:from:)` is
/// not, and reached each value through protocol witnesses and copied optionals through their
/// metadata: for a figure row that was twice the cost.
public struct StatementParameters {
    private let statement: Statement
    private var index: Int32

    init(_ statement: Statement, from first: Int32) {
        self.statement = statement
        self.index = first
    }

    public mutating func add<Value: SQLBindable>(_ value: Value) throws {
        try value.bind(to: statement, at: next())
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
