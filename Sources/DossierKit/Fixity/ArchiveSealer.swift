/// Keeps an archive's record digests, seals and event chain up to date as Dossier changes it.
///
/// Every writing connection tracks the rows its transaction changes (`FixityRepository`); just
/// before the transaction commits, `sealChanges` recomputes the digest of each changed document,
/// person, organisation, operation and batch, and updates each table's seal by what it added and
/// took away. `sealAll` computes everything afresh, once, when migration 0008 gives an existing
/// archive its digests.
public struct ArchiveSealer {
    let fixity: FixityRepository

    public init(connection: Connection) {
        fixity = FixityRepository(connection: connection)
    }

    /// Brings the digests of what the current transaction changed up to date. A connection that
    /// does not track changes (one that only reads) has nothing to seal.
    public func sealChanges() throws {
        let changed = try fixity.changedRows()
        guard !changed.isEmpty else { return }
        for table in FixityRepository.sealedTables {
            if let rows = changed[table.name] { try seal(rows, of: table) }
        }
        if let events = changed[FixityRepository.eventsTable] { try sealEvents(events) }
        try fixity.forgetChangedRows()
    }

    private func seal(_ rows: [FixityRepository.ChangedRow], of table: FixityRepository.SealedTable) throws {
        var seal = try fixity.seal(of: table.name) ?? FixityRepository.Seal(rowCount: 0, digest: DigestSum.zero.hex)
        var sum = DigestSum(hex: seal.digest) ?? .zero
        for row in rows {
            // A row that exists holds the digest it was sealed with, or none if it is new; a
            // deleted row's digest was kept by the trigger that saw it go.
            let stored = try fixity.storedDigest(of: table, id: row.id)
            let old: String?
            switch stored {
            case .some(let digest): old = digest
            case .none: old = row.oldDigest
            }
            if let old {
                sum.subtract(old)
                seal.rowCount -= 1
            }
            guard case .some = stored, let new = try fixity.computeDigest(of: table, id: row.id) else { continue }
            if new != old { try fixity.setDigest(new, of: table, id: row.id) }
            sum.add(new)
            seal.rowCount += 1
        }
        seal.digest = sum.hex
        try fixity.setSeal(seal, of: table.name)
    }

    private func sealEvents(_ rows: [FixityRepository.ChangedRow]) throws {
        var seal =
            try fixity.seal(of: FixityRepository.eventsTable) ?? FixityRepository.Seal(rowCount: 0, digest: EventChain.origin)
        for row in rows {
            let exists = try fixity.eventExists(id: row.id)
            if row.inserted, exists { seal.rowCount += 1 }
            if !row.inserted, !exists { seal.rowCount -= 1 }
        }
        seal.digest = try EventRepository(connection: fixity.connection).lastHash() ?? EventChain.origin
        try fixity.setSeal(seal, of: FixityRepository.eventsTable)
    }

    /// Seals the tables that only migrations change, after they ran.
    public func sealMigrationRecords() throws {
        for table in FixityRepository.wholeTables {
            let (rows, digest) = try fixity.wholeTableDigest(table)
            try fixity.setSeal(FixityRepository.Seal(rowCount: rows, digest: digest), of: table)
        }
    }

    /// Brings the digests of a sealed table to the columns a migration just added to it. A row whose
    /// stored digest still proves its other columns gets the digest of the row as it now is; a row
    /// whose digest no longer matches keeps it, so that `dossier check` still finds what was changed
    /// before the migration, which a fresh seal would hide. The table's seal moves by the same amounts.
    public func resealAfterAdding(columns: Set<String>, to tableName: String) throws {
        guard let table = FixityRepository.sealedTables.first(where: { $0.name == tableName }) else { return }
        let before = FixityRepository.SealedTable(
            name: table.name, excluded: table.excluded.union(columns), dependents: table.dependents)
        // Its own digest reader: a reader keeps the columns it digests per table once it has read a row.
        let beforeFixity = FixityRepository(connection: fixity.connection)
        var rows: [(id: Int64, digest: String)] = []
        try fixity.forEachStoredDigest(of: table) { id, digest in
            if let digest { rows.append((id, digest)) }
        }
        var seal = try fixity.seal(of: table.name) ?? FixityRepository.Seal(rowCount: 0, digest: DigestSum.zero.hex)
        var sum = DigestSum(hex: seal.digest) ?? .zero
        for row in rows {
            guard try beforeFixity.computeDigest(of: before, id: row.id) == row.digest,
                let now = try fixity.computeDigest(of: table, id: row.id), now != row.digest
            else { continue }
            try fixity.setDigest(now, of: table, id: row.id)
            sum.subtract(row.digest)
            sum.add(now)
        }
        seal.digest = sum.hex
        try fixity.setSeal(seal, of: table.name)
    }

    /// Computes every digest, the event chain and every seal from the archive as it is.
    public func sealAll() throws {
        try sealMigrationRecords()
        for table in FixityRepository.sealedTables {
            var ids: [Int64] = []
            try fixity.forEachStoredDigest(of: table) { id, _ in ids.append(id) }
            var sum = DigestSum.zero
            for id in ids {
                guard let digest = try fixity.computeDigest(of: table, id: id) else { continue }
                try fixity.setDigest(digest, of: table, id: id)
                sum.add(digest)
            }
            try fixity.setSeal(FixityRepository.Seal(rowCount: Int64(ids.count), digest: sum.hex), of: table.name)
        }
        var previous = EventChain.origin
        var chained: [(id: Int64, previous: String, hash: String)] = []
        try fixity.forEachEvent { id, columns, _, _ in
            let hash = EventChain.hash(previous: previous, columns: columns)
            chained.append((id, previous, hash))
            previous = hash
        }
        for event in chained {
            try fixity.setEventHashes(id: event.id, previous: event.previous, hash: event.hash)
        }
        try fixity.setSeal(
            FixityRepository.Seal(rowCount: Int64(chained.count), digest: previous), of: FixityRepository.eventsTable)
        try fixity.forgetChangedRowsIfTracked()
    }
}
