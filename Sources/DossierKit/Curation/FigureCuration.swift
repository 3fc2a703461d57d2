/// Archivists' decisions on figures: confirm, reject, correct, add. Each is one transaction and one event.
public struct FigureCuration {
    public struct Changes: Sendable, Equatable {
        public var value: Double?
        public var valueMax: Double?
        public var unit: String?
        public var category: String?
        public var counts: String?
        public var operationSlug: String?
        public var approximate: Bool?
        /// `.some(nil)` clears the bound.
        public var bound: String??

        public init() {}
    }

    let archive: Archive
    let log: AuditLog

    public init(archive: Archive, operatorName: String) {
        self.archive = archive
        self.log = AuditLog(archive: archive, operatorName: operatorName)
    }

    func figure(_ id: Int64) throws -> Figure {
        guard let figure = try archive.figures.find(id: id) else {
            throw UsageError("no figure with id \(id); see `dossier export figures` or `dossier review DOCUMENT`")
        }
        return figure
    }

    /// Confirms every figure given, or none of them when one id is unknown.
    /// `expecting`, when given, is the status the decision was taken on: a fact found at another
    /// status is a `DecisionConflict`, and nothing is changed.
    public func confirm(_ ids: [Int64], expecting: FactStatus? = nil) throws {
        try archive.connection.writeTransaction {
            for id in ids {
                let old = try figure(id)
                try DecisionConflict.check("figure", id, expected: expecting, found: old.status)
                var new = old
                new.status = .confirmed
                try archive.figures.update(new, reason: nil)
                try log.record("confirm", "figure", id, old: old, new: new)
            }
        }
    }

    public func reject(_ id: Int64, reason: String, expecting: FactStatus? = nil) throws {
        try archive.connection.writeTransaction {
            let old = try figure(id)
            try DecisionConflict.check("figure", id, expected: expecting, found: old.status)
            var new = old
            new.status = .rejected
            try archive.figures.update(new, reason: reason)
            try log.record("reject", "figure", id, old: old, new: new, reason: reason)
        }
    }

    /// Corrects a figure. A corrected figure counts as confirmed: a person now vouches for it.
    @discardableResult
    public func set(_ id: Int64, _ changes: Changes, reason: String?) throws -> Figure {
        try archive.connection.writeTransaction {
            let old = try figure(id)
            var new = old
            try apply(changes, to: &new)
            new.status = .confirmed
            try archive.figures.update(new, reason: reason)
            try log.record("correct", "figure", id, old: old, new: new, reason: reason)
            return new
        }
    }

    /// Adds a figure by hand; it must point at text that exists in the document.
    @discardableResult
    public func add(documentID: Int64, at locator: SpanLocator, _ changes: Changes, reason: String?) throws -> Figure {
        try archive.connection.writeTransaction {
            guard let document = try archive.documents.find(id: documentID) else {
                throw UsageError("no document with id \(documentID)")
            }
            guard let value = changes.value else { throw UsageError("a new figure needs --value") }
            let span = try locator.resolve(in: document.body, documentID: documentID)
            var figure = Figure(documentID: documentID, value: value, span: span, status: .confirmed)
            try apply(changes, to: &figure)
            let id: Int64
            do {
                id = try archive.figures.insert(figure)
            } catch let error as DatabaseError where error.isConstraintViolation {
                throw UsageError(
                    "document \(documentID) already has a figure at \(span.start):\(span.end); correct it with `dossier figure set`"
                )
            }
            figure.id = id
            try log.record("add", "figure", id, old: Figure?.none, new: figure, reason: reason)
            return figure
        }
    }

    private func apply(_ changes: Changes, to figure: inout Figure) throws {
        if let value = changes.value { figure.value = value }
        if let valueMax = changes.valueMax {
            guard valueMax >= figure.value else { throw UsageError("--value-max \(valueMax) is below the value \(figure.value)") }
            figure.valueMax = valueMax
        }
        if let unit = changes.unit { figure.unit = unit }
        if let category = changes.category { figure.category = category }
        if let counts = changes.counts { figure.counts = counts }
        if let approximate = changes.approximate { figure.approximate = approximate }
        if let bound = changes.bound {
            if let bound, bound != "at_least", bound != "at_most" {
                throw UsageError("--bound must be at_least, at_most or none (got '\(bound)')")
            }
            figure.bound = bound
        }
        if let slug = changes.operationSlug {
            guard let operationID = try archive.operations.id(slug: slug) else {
                throw UsageError("no operation with slug '\(slug)'; see `dossier operation list`")
            }
            figure.operationID = operationID
        }
    }
}
