/// Where a running check is, for a progress display.
public struct CheckProgress: Sendable {
    public let phase: CheckOptions.Phase
    /// Items done in this phase (documents, for fixity).
    public let done: Int
    /// Items in this phase, when known.
    public let total: Int?
}
