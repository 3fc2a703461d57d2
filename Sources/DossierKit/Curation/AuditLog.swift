/// Records one change made by a person as an event: who, what entity, old and new values, why.
struct AuditLog {
    let archive: Archive
    let operatorName: String

    func record<Old: Encodable, New: Encodable>(
        _ action: String, _ entityType: String, _ entityID: Int64, old: Old?, new: New?, reason: String? = nil
    ) throws {
        try archive.events.record(
            Event(
                operatorName: operatorName, action: action, entityType: entityType, entityID: entityID,
                oldJSON: try old.map { try JSONText.encode($0) }, newJSON: try new.map { try JSONText.encode($0) }, reason: reason
            ))
    }
}
