import Foundation

/// A value as SQLite stores it: one of its five storage classes.
public enum DatabaseValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

/// A Swift value that can be bound to a statement parameter.
public protocol SQLBindable: Sendable {
    var databaseValue: DatabaseValue { get }
    /// Binds the value directly, without going through `DatabaseValue`: import binds about two
    /// thousand values per document.
    func bind(to statement: Statement, at index: Int32) throws
}

extension SQLBindable {
    public func bind(to statement: Statement, at index: Int32) throws {
        try statement.bind(databaseValue, at: index)
    }
}

extension Int64: SQLBindable {
    public var databaseValue: DatabaseValue { .integer(self) }
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(integer: self, at: index) }
}

extension Int: SQLBindable {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
    public func bind(to statement: Statement, at index: Int32) throws {
        try statement.bind(integer: Int64(self), at: index)
    }
}

extension Double: SQLBindable {
    public var databaseValue: DatabaseValue { .real(self) }
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(real: self, at: index) }
}

extension Bool: SQLBindable {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
    public func bind(to statement: Statement, at index: Int32) throws {
        try statement.bind(integer: self ? 1 : 0, at: index)
    }
}

extension String: SQLBindable {
    public var databaseValue: DatabaseValue { .text(self) }
    public func bind(to statement: Statement, at index: Int32) throws { try statement.bind(text: self, at: index) }
}

extension Data: SQLBindable {
    public var databaseValue: DatabaseValue { .blob(self) }
}

extension DatabaseValue: SQLBindable {
    public var databaseValue: DatabaseValue { self }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
    public func bind(to statement: Statement, at index: Int32) throws {
        if let self { try self.bind(to: statement, at: index) } else { try statement.bindNull(at: index) }
    }
}
