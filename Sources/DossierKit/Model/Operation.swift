/// A named law-enforcement case, such as Operation Cumberland.
public struct Operation: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable { case ongoing, concluded, unknown }

    public var id: Int64?
    public var slug: String
    public var name: String
    public var leadAgencySlug: String?
    public var actionDay: String?
    public var status: Status
    public var description: String?

    public init(
        id: Int64? = nil, slug: String, name: String, leadAgencySlug: String? = nil, actionDay: String? = nil,
        status: Status = .unknown, description: String? = nil
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.leadAgencySlug = leadAgencySlug
        self.actionDay = actionDay
        self.status = status
        self.description = description
    }
}
