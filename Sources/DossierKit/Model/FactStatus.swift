/// Where a fact stands in review (DESIGN.md §1): machines extract, archivists decide.
public enum FactStatus: String, Sendable, Codable, CaseIterable {
    case extracted, confirmed, rejected, superseded
}
