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

    func perform(_ body: @Sendable (FactDecisions) throws -> Void) throws {
        let archive = try Archive.open(path: path, access: .write)
        try body(FactDecisions(archive: archive, operatorName: operatorName))
    }
}

/// The decisions the pages offer, by the route's kind of fact ("figures", "quotes").
struct FactDecisions {
    let archive: Archive
    let operatorName: String

    func confirm(_ kind: String, _ id: Int64, expecting: FactStatus?) throws {
        if kind == "figures" {
            try FigureCuration(archive: archive, operatorName: operatorName).confirm([id], expecting: expecting)
        } else {
            try QuoteCuration(archive: archive, operatorName: operatorName).confirm([id], expecting: expecting)
        }
    }

    func reject(_ kind: String, _ id: Int64, reason: String, expecting: FactStatus?) throws {
        if kind == "figures" {
            try FigureCuration(archive: archive, operatorName: operatorName).reject(id, reason: reason, expecting: expecting)
        } else {
            try QuoteCuration(archive: archive, operatorName: operatorName).reject(id, reason: reason, expecting: expecting)
        }
    }
}
