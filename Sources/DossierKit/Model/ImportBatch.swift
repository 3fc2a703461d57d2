/// One run of `dossier import`: who, when, which version, what happened.
public struct ImportBatch: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case running, completed, failed }

    public var id: Int64?
    public var operatorName: String
    public var toolVersion: String
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    public var filesSeen: Int
    public var imported: Int
    public var duplicates: Int
    public var failed: Int

    public init(
        id: Int64? = nil, operatorName: String, toolVersion: String, startedAt: String, finishedAt: String? = nil,
        status: Status = .running, filesSeen: Int = 0, imported: Int = 0, duplicates: Int = 0, failed: Int = 0
    ) {
        self.id = id
        self.operatorName = operatorName
        self.toolVersion = toolVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.filesSeen = filesSeen
        self.imported = imported
        self.duplicates = duplicates
        self.failed = failed
    }
}
