/// The records phase of `dossier check`: recomputes every record digest, adds the digests up
/// against each table's seal, and walks the audit log's hash chain.
///
/// What it proves: a value changed outside Dossier (a figure's unit, a quote's speaker, a title), a
/// row deleted or added outside it (a figure, a document, a person), and an event deleted, edited or
/// slipped in. What it cannot prove from inside the file: that someone who rewrote the rows did not
/// also recompute every digest, seal and hash; the chain head it reports, kept elsewhere, covers that.
struct RecordVerifier {
    let fixity: FixityRepository

    func verify(into report: inout CheckReport) throws {
        guard try fixity.isSealable() else { return }
        for table in FixityRepository.sealedTables {
            try verify(table, into: &report)
        }
        try verifyEventChain(into: &report)
        for table in FixityRepository.wholeTables {
            try verifyWhole(table, into: &report)
        }
    }

    private func verifyWhole(_ table: String, into report: inout CheckReport) throws {
        let (rows, digest) = try fixity.wholeTableDigest(table)
        if let finding = try sealFinding(
            table, rows: rows, digest: digest, what: "rows, digest", meaning: "the table was changed outside dossier")
        {
            report.findings.append(finding)
        }
    }

    /// A finding when what was counted and summed differs from the table's seal.
    private func sealFinding(_ table: String, rows: Int64, digest: String, what: String, meaning: String) throws -> Finding? {
        let seal = try fixity.seal(of: table)
        guard seal?.rowCount != rows || seal?.digest != digest else { return nil }
        return Finding(
            kind: .sealMismatch, entityType: "table", entityID: nil,
            expected: "\(table): \(seal?.rowCount ?? 0) \(what) \(seal?.digest.prefix(16) ?? "none")…",
            found: "\(rows) \(what) \(digest.prefix(16))…: \(meaning)")
    }

    private func verify(_ table: FixityRepository.SealedTable, into report: inout CheckReport) throws {
        let entity = Self.entityType[table.name] ?? table.name
        var sum = DigestSum.zero
        var rows: Int64 = 0
        var findings: [Finding] = []
        try fixity.forEachStoredDigest(of: table) { id, stored in
            rows += 1
            guard let stored else {
                findings.append(
                    Finding(
                        kind: .recordUnsealed, entityType: entity, entityID: id, expected: "a record digest",
                        found: "none (added outside dossier)"))
                return
            }
            sum.add(stored)
            let actual = try fixity.computeDigest(of: table, id: id) ?? ""
            if actual != stored {
                findings.append(
                    Finding(
                        kind: .recordDigest, entityType: entity, entityID: id,
                        expected: "record digest \(stored.prefix(16))…",
                        found: "\(actual.prefix(16))…: its metadata or facts were changed outside dossier"))
            }
        }
        report.recordsChecked += Int(rows)
        if let finding = try sealFinding(
            table.name, rows: rows, digest: sum.hex, what: "rows, digest sum",
            meaning: "rows were deleted or added outside dossier")
        {
            findings.append(finding)
        }
        report.findings += findings
    }

    private func verifyEventChain(into report: inout CheckReport) throws {
        var previous = EventChain.origin
        var count: Int64 = 0
        var findings: [Finding] = []
        try fixity.forEachEvent { id, columns, storedPrevious, stored in
            count += 1
            if storedPrevious != previous {
                findings.append(
                    Finding(
                        kind: .auditChain, entityType: "event", entityID: id,
                        expected: "previous hash \(previous.prefix(16))… (the event before it)",
                        found: "\(storedPrevious?.prefix(16) ?? "none")…: an event before it was deleted, changed or inserted"))
            }
            let actual = EventChain.hash(previous: storedPrevious ?? previous, columns: columns)
            if actual != stored {
                findings.append(
                    Finding(
                        kind: .auditChain, entityType: "event", entityID: id, expected: "hash \(stored?.prefix(16) ?? "none")…",
                        found: "\(actual.prefix(16))…: the event was changed after it was recorded"))
            }
            // Go on from what is stored, so each break is reported once, where it is.
            previous = stored ?? actual
        }
        report.eventsChecked = Int(count)
        report.auditChainHead = previous
        if let finding = try sealFinding(
            FixityRepository.eventsTable, rows: count, digest: previous, what: "events ending with",
            meaning: "events were deleted or added at the end of the log")
        {
            findings.append(finding)
        }
        report.findings += findings
    }

    static let entityType = [
        "documents": "document", "people": "person", "organisations": "organisation", "operations": "operation",
        "import_batches": "batch",
    ]
}
