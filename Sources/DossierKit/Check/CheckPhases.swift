import Foundation

/// The checks themselves, one method per phase, each turning what a repository query finds into findings.
struct CheckPhases {
    let options: CheckOptions
    let reader: Connection
    /// The writing connection, opened on first use; nil when the archive cannot be written.
    let writer: () -> Connection?

    private var integrity: IntegrityRepository { IntegrityRepository(connection: reader) }

    func run(
        _ phase: CheckOptions.Phase, statuses: [MigrationStatus], into report: inout CheckReport,
        progress: (CheckProgress) -> Void
    ) throws {
        switch phase {
        case .sqlite: try sqlite(&report)
        case .schema: try schema(statuses, &report)
        case .fixity: try fixity(&report, progress: progress)
        case .records:
            // Runs in the background (BackgroundCheck.records), in one snapshot of its own.
            break
        case .spans: try spans(&report)
        case .fullText: try fullText(&report)
        case .consistency: try consistency(&report)
        }
    }

    // MARK: SQLite

    /// The foreign-key half of the SQLite phase; `integrity_check` runs beside the other phases
    /// (see `BackgroundCheck`), being the slowest single step of a check.
    private func sqlite(_ report: inout CheckReport) throws {
        for violation in try reader.foreignKeyViolations() {
            report.findings.append(
                Finding(
                    kind: .foreignKey, entityType: violation.table, entityID: violation.rowID,
                    expected: "a referenced row in \(violation.parent)", found: "none"))
        }
    }

    /// `PRAGMA integrity_check` (or `quick_check`) as findings, one per problem line.
    static func integrityFindings(_ integrity: IntegrityRepository, quick: Bool) throws -> [Finding] {
        var lines: [Finding] = []
        do {
            try integrity.integrityCheck(quick: quick) { text in
                // One row may hold several problems, one per line, under a "*** in database main ***" heading.
                for line in text.split(separator: "\n") where !line.hasPrefix("***") {
                    lines.append(Self.integrityFinding(String(line), quick: quick))
                }
            }
        } catch let error as DatabaseError where error.isCorrupt && !lines.isEmpty {
            // SQLite stops after reporting the damage it found; those lines are the finding.
        }
        return lines
    }

    /// One line of integrity_check: a broken constraint names its table, damage names its page.
    static func integrityFinding(_ line: String, quick: Bool) -> Finding {
        for prefix in ["CHECK constraint failed in ", "NULL value in "] where line.hasPrefix(prefix) {
            let table = line.dropFirst(prefix.count).prefix { $0 != "." && $0 != " " }
            return Finding(
                kind: .checkConstraint, entityType: String(table), entityID: nil,
                expected: "every row to satisfy the table's constraints", found: line)
        }
        return Finding(
            kind: .sqliteIntegrity, entityType: "page", entityID: pageNumber(in: line),
            expected: quick ? "quick_check ok" : "integrity_check ok", found: line)
    }

    /// The page SQLite names in an integrity_check line such as "Page 37: btreeInitPage() returns error code 11".
    static func pageNumber(in line: String) -> Int64? {
        guard let range = line.range(of: "Page ") ?? line.range(of: "page ") else { return nil }
        return Int64(line[range.upperBound...].prefix(while: \.isNumber))
    }

    // MARK: Schema

    private func schema(_ statuses: [MigrationStatus], _ report: inout CheckReport) throws {
        try schemaObjects(&report)
        let mismatched = statuses.filter { $0.state == .checksumMismatch }
        guard !mismatched.isEmpty else { return }
        let builtIn = Dictionary(uniqueKeysWithValues: try Migrator.builtIn().migrations.map { ($0.version, $0.checksum) })
        let recorded = try integrity.recordedMigrationChecksums()
        for status in mismatched {
            report.findings.append(
                Finding(
                    kind: .migrationChecksum, entityType: "migration", entityID: Int64(status.version),
                    expected: "sha256 \(builtIn[status.version] ?? "?") (built-in \(status.name))",
                    found: "sha256 \(recorded[status.version] ?? "?")"))
        }
    }

    /// Every table, index, trigger and view against what the built-in migrations create: a dropped
    /// trigger or index, or one added or redefined outside Dossier, changes what the archive enforces.
    private func schemaObjects(_ report: inout CheckReport) throws {
        let expected = Dictionary(uniqueKeysWithValues: try Migrator.builtIn().expectedSchema().map { ($0.name, $0) })
        let actual = Dictionary(uniqueKeysWithValues: try reader.schemaObjects().map { ($0.name, $0) })
        for name in Set(expected.keys).union(actual.keys).sorted() {
            let want = expected[name]
            let have = actual[name]
            guard want != have else { continue }
            let found: String
            switch (want, have) {
            case (_, nil): found = "missing"
            case (nil, let have?): found = "a \(have.type) no migration creates"
            default: found = "a different definition: \(Self.quoted(have?.sql ?? ""))"
            }
            report.findings.append(
                Finding(
                    kind: .schemaObject, entityType: want?.type ?? have?.type ?? "object", entityID: nil,
                    expected: "\(name) as the migrations create it", found: found))
        }
    }

    // MARK: Fixity

    private func fixity(_ report: inout CheckReport, progress: (CheckProgress) -> Void) throws {
        let selection = IntegrityRepository.DocumentSelection(since: options.since, sample: options.sample)
        report.documents = try integrity.documentCount()
        let total = try integrity.count(selection)
        var findings: [Finding] = []
        var checked = 0
        var sources = 0
        var bytes = 0
        defer {
            report.findings += findings
            report.fixityBytes = bytes
            report.fixityChecked = checked
            report.sourcesChecked = sources
        }
        try integrity.forEachDocument(selection) { document in
            let actual = SHA256Hex.of(document.body)
            bytes += document.body.count
            if actual != document.sha256 {
                findings.append(
                    Finding(
                        kind: .bodyHash, entityType: "document", entityID: document.id, expected: "sha256 \(document.sha256)",
                        found: "sha256 \(actual)"))
            }
            if options.againstSources, document.sourcePath != nil {
                sources += 1
                if let finding = Self.sourceFinding(document) {
                    findings.append(finding)
                }
            }
            checked += 1
            progress(CheckProgress(phase: .fixity, done: checked, total: total))
        }
    }

    /// Compares an original file, where it still is, with the bytes imported and with the body
    /// stored: a body rewritten in the archive, even with its hash recomputed, differs from what
    /// its original decodes to.
    static func sourceFinding(_ document: IntegrityRepository.StoredDocument) -> Finding? {
        guard let path = document.sourcePath else { return nil }
        guard FileManager.default.fileExists(atPath: path) else {
            return Finding(
                kind: .sourceMissing, entityType: "document", entityID: document.id, expected: "original file at \(path)",
                found: "no file")
        }
        guard let bytes = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else {
            return Finding(
                kind: .sourceUnreadable, entityType: "document", entityID: document.id,
                expected: "readable original file at \(path)",
                found: "cannot read it")
        }
        let actual = SHA256Hex.of(bytes)
        guard actual == document.originalSHA256 else {
            return Finding(
                kind: .sourceHash, entityType: "document", entityID: document.id,
                expected: "\(path) with sha256 \(document.originalSHA256)", found: "sha256 \(actual)")
        }
        let decoded = try? DocumentPreparer.body(of: Array(bytes), recordedEncoding: document.encoding, file: path)
        guard let decoded, Array(decoded.utf8) == Array(document.body) else {
            return Finding(
                kind: .sourceBody, entityType: "document", entityID: document.id,
                expected: "the stored body to be the text of \(path) (sha256 \(decoded.map { SHA256Hex.of($0) } ?? "?"))",
                found: "a different body (sha256 \(SHA256Hex.of(document.body)))")
        }
        return nil
    }

    // MARK: Spans

    private func spans(_ report: inout CheckReport) throws {
        report.spansChecked = try integrity.spanCount()
        var findings: [Finding] = []
        defer { report.findings += findings }
        try integrity.spanViolations { violation in
            let entity = IntegrityRepository.spanTables[violation.table] ?? violation.table
            let span = "[\(violation.start), \(violation.end))"
            if let text = violation.textAtSpan {
                findings.append(
                    Finding(
                        kind: .spanText, entityType: entity, entityID: violation.id,
                        expected: "\(Self.quoted(violation.exactText)) at \(span) of document #\(violation.documentID)",
                        found: Self.quoted(text)))
            } else {
                findings.append(
                    Finding(
                        kind: .spanOutOfRange, entityType: entity, entityID: violation.id,
                        expected: "0 <= start <= end <= \(violation.bodyLength) (length of document #\(violation.documentID))",
                        found: span))
            }
        }
    }

    /// Quoted, and shortened so one finding stays one readable line.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 80 ? text.prefix(80) + "…" : Substring(text)
        return "\"\(shown.replacingOccurrences(of: "\n", with: "\\n"))\""
    }

    // MARK: Full-text index

    private func fullText(_ report: inout CheckReport) throws {
        if let writer = writer() {
            if let problem = try IntegrityRepository(connection: writer).fullTextIndexProblem() {
                report.findings.append(
                    Finding(
                        kind: .ftsIntegrity, entityType: "index", entityID: nil,
                        expected: "documents_fts to pass FTS5 integrity-check", found: problem))
            }
        } else {
            report.warnings.append(
                "FTS5 integrity-check skipped: the archive cannot be opened for writing, which SQLite requires for it")
        }
        var findings: [Finding] = []
        defer { report.findings += findings }
        try integrity.documentsMissingFromIndex { id in
            findings.append(
                Finding(
                    kind: .ftsMissing, entityType: "document", entityID: id, expected: "a row in documents_fts", found: "none"))
        }
        try integrity.indexRowsWithoutDocument { id in
            findings.append(
                Finding(
                    kind: .ftsOrphan, entityType: "document", entityID: id, expected: "no row in documents_fts",
                    found: "an index row"))
        }
    }

    // MARK: Consistency

    private func consistency(_ report: inout CheckReport) throws {
        var findings: [Finding] = []
        defer { report.findings += findings }
        // PRAGMA foreign_key_check (the SQLite phase, which runs first) already covers every declared
        // reference: name the facts again only when it found something, or did not run.
        let foreignKeysChecked = options.phases.contains(.sqlite) && report.phases.contains(.sqlite)
        let foreignKeysBroken = report.findings.contains { $0.kind == .foreignKey }
        if !foreignKeysChecked || foreignKeysBroken {
            try integrity.missingReferences { reference in
                findings.append(
                    Finding(
                        kind: .factMissingEntity, entityType: Self.entityType(reference.table), entityID: reference.id,
                        expected: "\(reference.column) \(reference.target) to exist", found: "no such row"))
            }
        }
        try integrity.rejectedReferences { reference in
            findings.append(
                Finding(
                    kind: .factRejectedEntity, entityType: Self.entityType(reference.table), entityID: reference.id,
                    expected: "a non-rejected mention of \(reference.column) \(reference.target) in its document",
                    found: "every mention rejected"))
        }
        try integrity.operationsWithoutDocuments { id, slug in
            findings.append(
                Finding(
                    kind: .operationWithoutDocuments, entityType: "operation", entityID: id,
                    expected: "at least one document reporting \(slug)", found: "none"))
        }
        try integrity.peopleWithoutFacts { id, slug in
            findings.append(
                Finding(
                    kind: .personWithoutFacts, entityType: "person", entityID: id,
                    expected: "a role, quote or mention for \(slug)", found: "none"))
        }
        if !options.quick {
            try integrity.factCountDrift { kind, status, kept, counted in
                findings.append(
                    Finding(
                        kind: .factCount, entityType: "fact_counts", entityID: nil,
                        expected: "\(counted) \(kind)s \(status), as counted", found: "\(kept) kept"))
            }
        }
        try integrity.duplicateNames { table, id, name, firstID in
            findings.append(
                Finding(
                    kind: .duplicateName, entityType: IntegrityRepository.namedTables[table] ?? table, entityID: id,
                    expected: "a name unique regardless of case", found: "\(Self.quoted(name)), as #\(firstID)"))
        }
    }

    /// `figures` → `figure`: the entity a table's row is.
    static func entityType(_ table: String) -> String {
        IntegrityRepository.spanTables[table] ?? (table == "person_roles" ? "person_role" : table)
    }
}
