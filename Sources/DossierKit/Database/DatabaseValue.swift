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
}

extension Int64: SQLBindable {
    public var databaseValue: DatabaseValue { .integer(self) }
}

extension Int: SQLBindable {
    public var databaseValue: DatabaseValue { .integer(Int64(self)) }
}

extension Double: SQLBindable {
    public var databaseValue: DatabaseValue { .real(self) }
}

extension Bool: SQLBindable {
    public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) }
}

extension String: SQLBindable {
    public var databaseValue: DatabaseValue { .text(self) }
}

extension Data: SQLBindable {
    public var databaseValue: DatabaseValue { .blob(self) }
}

extension DatabaseValue: SQLBindable {
    public var databaseValue: DatabaseValue { self }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}
