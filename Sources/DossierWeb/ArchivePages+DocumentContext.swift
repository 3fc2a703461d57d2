import DossierKit

extension ArchivePages {
    /// Each figure's and quote's history (what was decided on it, when, by whom, why), keyed by
    /// kind and id: shown under the fact when it is clicked.
    func factHistories(documentID: Int64) throws -> [String: [[String: Any]]] {
        var histories: [String: [[String: Any]]] = [:]
        for event in try archive.events.factEvents(documentID: documentID) {
            guard let type = event.entityType, let id = event.entityID else { continue }
            var entry: [String: Any] = [
                "when": String(event.occurredAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
                "who": event.operatorName, "what": words["action_\(event.action)", default: event.action],
            ]
            if let reason = event.reason, !reason.isEmpty { entry["reason"] = reason }
            histories["\(type)-\(id)", default: []].append(entry)
        }
        return histories
    }

    /// The document's links both ways: what it translates, cites or duplicates, and which documents
    /// translate, cite or duplicate it. An address outside the archive is a link only when it is http(s).
    func documentLinks(documentID: Int64) throws -> [[String: Any]] {
        let outgoing = try archive.links.list(documentID: documentID).map { ($0, $0.targetDocumentID, "out") }
        let incoming = try archive.links.list(pointingAt: documentID).map { ($0, Optional($0.documentID), "in") }
        return try (outgoing + incoming).map { link, other, direction in
            var values: [String: Any] = ["relation": words["link_\(direction)_\(link.relation.rawValue)"]]
            if let other {
                let title = try archive.documents.find(id: other)?.title
                values["document"] = ["id": other, "title": title ?? words("documentNumber", "\(other)")]
            } else if let url = link.targetURL {
                values["url"] = url
                values["linkable"] = url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://")
            }
            return values
        }
    }
}
