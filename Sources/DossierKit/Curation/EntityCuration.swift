/// Archivists' decisions on people, organisations, operations and document metadata.
public struct EntityCuration {
    let archive: Archive
    let log: AuditLog

    public init(archive: Archive, operatorName: String) {
        self.archive = archive
        self.log = AuditLog(archive: archive, operatorName: operatorName)
    }

    private func personID(_ slug: String) throws -> Int64 {
        guard let id = try archive.people.id(slug: slug) else {
            throw UsageError("no person with slug '\(slug)'; see `dossier person list`")
        }
        return id
    }

    private func organisationID(_ slug: String) throws -> Int64 {
        guard let id = try archive.organisations.id(slug: slug) else {
            throw UsageError("no organisation with slug '\(slug)'; see `dossier org list`")
        }
        return id
    }

    private func operation(_ slug: String) throws -> Operation {
        guard let operation = try archive.operations.find(slug: slug) else {
            throw UsageError("no operation with slug '\(slug)'; see `dossier operation list`")
        }
        return operation
    }

    private func document(_ id: Int64) throws -> Document {
        guard let document = try archive.documents.find(id: id) else { throw UsageError("no document with id \(id)") }
        return document
    }

    /// Merges person `source` into `target`: every fact and alias moves, the source's name stays as an alias.
    public func mergePeople(_ source: String, into target: String, reason: String?) throws {
        guard source != target else { throw UsageError("cannot merge '\(source)' into itself") }
        try archive.connection.writeTransaction {
            let sourceID = try personID(source)
            let targetID = try personID(target)
            let old = try archive.people.find(id: sourceID)
            try archive.people.merge(sourceID, into: targetID)
            let merged = MergeRecord(from: source, into: target)
            try log.record("merge", "person", sourceID, old: old, new: merged, reason: reason)
            try log.record("merge", "person", targetID, old: old, new: merged, reason: reason)
        }
    }

    public func renamePerson(_ slug: String, to name: String, reason: String?) throws {
        try archive.connection.writeTransaction {
            let id = try personID(slug)
            let old = try archive.people.find(id: id)
            try archive.people.rename(id, to: name)
            try log.record("rename", "person", id, old: old, new: try archive.people.find(id: id), reason: reason)
        }
    }

    public func mergeOrganisations(_ source: String, into target: String, reason: String?) throws {
        guard source != target else { throw UsageError("cannot merge '\(source)' into itself") }
        try archive.connection.writeTransaction {
            let sourceID = try organisationID(source)
            let targetID = try organisationID(target)
            let old = try archive.organisations.find(id: sourceID)
            try archive.organisations.merge(sourceID, into: targetID)
            let merged = MergeRecord(from: source, into: target)
            try log.record("merge", "organisation", sourceID, old: old, new: merged, reason: reason)
            try log.record("merge", "organisation", targetID, old: old, new: merged, reason: reason)
        }
    }

    public func renameOrganisation(_ slug: String, to name: String, reason: String?) throws {
        try archive.connection.writeTransaction {
            let id = try organisationID(slug)
            let old = try archive.organisations.find(id: id)
            try archive.organisations.rename(id, to: name)
            try log.record("rename", "organisation", id, old: old, new: try archive.organisations.find(id: id), reason: reason)
        }
    }

    public func addOrganisationAlias(_ slug: String, alias: OrganisationAlias) throws {
        try archive.connection.writeTransaction {
            let id = try organisationID(slug)
            if try archive.organisations.addAlias(alias, to: id) {
                try log.record("alias_add", "organisation", id, old: OrganisationAlias?.none, new: alias)
            }
        }
    }

    public func removeOrganisationAlias(_ slug: String, alias: String) throws {
        try archive.connection.writeTransaction {
            let id = try organisationID(slug)
            guard try archive.organisations.removeAlias(alias, from: id) else {
                throw UsageError("organisation '\(slug)' has no alias \"\(alias)\"")
            }
            try log.record("alias_remove", "organisation", id, old: OrganisationAlias(alias: alias), new: OrganisationAlias?.none)
        }
    }

    public func linkOperation(_ slug: String, documentID: Int64) throws {
        try archive.connection.writeTransaction {
            _ = try document(documentID)
            let operation = try operation(slug)
            try archive.operations.linkDocument(documentID, to: operation.id ?? 0)
            try log.record("link", "operation", operation.id ?? 0, old: Int64?.none, new: ["document_id": documentID])
        }
    }

    public func unlinkOperation(_ slug: String, documentID: Int64) throws {
        try archive.connection.writeTransaction {
            let operation = try operation(slug)
            guard try archive.operations.unlinkDocument(documentID, from: operation.id ?? 0) else {
                throw UsageError("document \(documentID) is not linked to operation '\(slug)'")
            }
            try log.record("unlink", "operation", operation.id ?? 0, old: ["document_id": documentID], new: Int64?.none)
        }
    }

    public struct OperationChanges: Sendable {
        public var name: String?
        public var leadAgency: String?
        public var actionDay: String?
        public var status: Operation.Status?

        public init() {}
    }

    public func setOperation(_ slug: String, _ changes: OperationChanges, reason: String?) throws {
        try archive.connection.writeTransaction {
            let old = try operation(slug)
            var new = old
            if let name = changes.name { new.name = name }
            if let leadAgency = changes.leadAgency { new.leadAgencySlug = leadAgency }
            if let actionDay = changes.actionDay { new.actionDay = actionDay }
            if let status = changes.status { new.status = status }
            try archive.operations.update(new)
            try log.record("edit", "operation", old.id ?? 0, old: old, new: new, reason: reason)
        }
    }

    /// Corrects a document's metadata (`DocumentMetadata` fields that are set). Body and hashes never change.
    public func setDocument(_ id: Int64, _ changes: DocumentMetadata, reason: String?) throws {
        try archive.connection.writeTransaction {
            let old = try document(id)
            var new = old
            if let title = changes.title { new.title = title }
            if let publisher = changes.publisher { new.publisher = publisher }
            if let author = changes.author { new.author = author }
            if let url = changes.url { new.url = url }
            if let published = changes.published { new.publishedOn = published }
            if let retrieved = changes.retrieved { new.retrievedOn = retrieved }
            if let language = changes.language { new.language = language }
            if let kind = changes.kind { new.kind = kind }
            if let tags = changes.tags { new.tags = tags }
            try archive.documents.updateMetadata(new)
            try log.record(
                "edit", "document", id, old: DocumentMetadataSnapshot(old), new: DocumentMetadataSnapshot(new), reason: reason)
        }
    }
}

/// What a merge did, for the audit log.
struct MergeRecord: Encodable {
    let from: String
    let into: String
}

/// A document's metadata without its body, so audit events stay small.
struct DocumentMetadataSnapshot: Encodable {
    let title, publisher, author, url, publishedOn, retrievedOn, language: String?
    let kind: String
    let tags: [String]

    init(_ document: Document) {
        title = document.title
        publisher = document.publisher
        author = document.author
        url = document.url
        publishedOn = document.publishedOn
        retrievedOn = document.retrievedOn
        language = document.language
        kind = document.kind.rawValue
        tags = document.tags
    }
}
