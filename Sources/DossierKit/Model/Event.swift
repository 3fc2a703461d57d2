/// One line of the audit log: who did what, when, to which entity, and why.
public struct Event: Sendable, Equatable, Codable {
    public var id: Int64?
    public var occurredAt: String
    public var operatorName: String
    public var action: String
    public var entityType: String?
    public var entityID: Int64?
    public var batchID: Int64?
    public var oldJSON: String?
    public var newJSON: String?
    public var reason: String?

    public init(
        id: Int64? = nil, occurredAt: String = Timestamp.now(), operatorName: String, action: String,
        entityType: String? = nil, entityID: Int64? = nil, batchID: Int64? = nil, oldJSON: String? = nil,
        newJSON: String? = nil, reason: String? = nil
    ) {
        self.id = id
        self.occurredAt = occurredAt
        self.operatorName = operatorName
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.batchID = batchID
        self.oldJSON = oldJSON
        self.newJSON = newJSON
        self.reason = reason
    }
}
