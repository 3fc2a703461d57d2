/// An error that the command line reports as one line, with the exit code of DESIGN.md §3:
/// 1 when the command ran and found problems, 2 for usage or environment errors.
public protocol DossierFailure: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}

/// A problem with what the user asked for or with the environment: exit code 2.
public struct UsageError: DossierFailure {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var exitCode: Int32 { 2 }
    public var description: String { message }
}

extension DatabaseError: DossierFailure {
    public var exitCode: Int32 { 2 }
}
