/// Why one input could not be imported: names the file and, where it helps, the place in it.
public struct ImportFailure: DossierFailure, Equatable {
    public let file: String
    public let reason: String

    public init(file: String, _ reason: String) {
        self.file = file
        self.reason = reason
    }

    public var exitCode: Int32 { 1 }
    public var description: String { "\(file): \(reason)" }
}
