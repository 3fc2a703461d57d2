import DossierKit

/// Takes the server's decisions one at a time, each in its own transaction on a connection of its
/// own: two reviewers confirming the same fact are served in turn, and the second learns that the
/// first decided (`DecisionConflict`) instead of deciding again.
actor ArchiveWriter {
    let path: String
    let operatorName: String

    init(path: String, operatorName: String) {
        self.path = path
        self.operatorName = operatorName
    }

    func perform<Result: Sendable>(_ body: @Sendable (ReviewDecisions) throws -> Result) throws -> Result {
        let archive = try Archive.open(path: path, access: .write)
        return try body(ReviewDecisions(archive: archive, operatorName: operatorName))
    }
}
