/// The organisations, operations and people the open import transaction has already upserted, with
/// their ids.
///
/// Upserting the same value again would change nothing: an organisation's upsert only fills a
/// missing acronym and adds the aliases it lacks, an operation's only fills what is missing, and a
/// person's only inserts the slug if it is new (roles, which name their document, are not part of
/// it). Import upserts about fifteen per document, mostly the same few, each two statements or more:
/// remembering them saved 3 % of the storing thread's instructions for organisations and operations
/// and 0.7 % more for people (BENCHMARKS.md).
///
/// "The same" means the same bytes, as SQLite compares them: Swift's `==` on Strings would take an
/// alias with a decomposed "é" for the stored precomposed one, and the alias would never be stored.
///
/// True only while no one else can write and nothing is undone: the importer forgets everything
/// when it begins a transaction (other processes may have written between two) and when a document
/// is rolled back (its upserts are undone with it).
final class UpsertedEntities {
    private var ids: [ExactKey: Int64] = [:]

    /// The id `upsert` returns for `organisation`, upserting it only the first time.
    func id(of organisation: Organisation, upsert: (Organisation) throws -> Int64) rethrows -> Int64 {
        var key = ExactKey(kind: 1)
        key.append(organisation.slug, organisation.name, organisation.acronym)
        for alias in organisation.aliases { key.append(alias.alias, alias.language) }
        return try id(for: key) { try upsert(organisation) }
    }

    /// The id `upsert` returns for `operation`, upserting it only the first time.
    func id(of operation: Operation, upsert: (Operation) throws -> Int64) rethrows -> Int64 {
        var key = ExactKey(kind: 2)
        key.append(
            operation.slug, operation.name, operation.leadAgencySlug, operation.actionDay, operation.status.rawValue,
            operation.description)
        return try id(for: key) { try upsert(operation) }
    }

    /// The id `upsert` returns for the person with `slug`, upserting it only the first time: a
    /// person is inserted by slug or left as it is, so the slug alone decides.
    func id(ofPersonWithSlug slug: String, upsert: () throws -> Int64) rethrows -> Int64 {
        var key = ExactKey(kind: 3)
        key.append(slug)
        return try id(for: key, upsert: upsert)
    }

    func forget() {
        ids.removeAll(keepingCapacity: true)
    }

    private func id(for key: ExactKey, upsert: () throws -> Int64) rethrows -> Int64 {
        if let id = ids[key] { return id }
        let id = try upsert()
        ids[key] = id
        return id
    }

    /// Fields as their UTF-8 bytes, each ended by 0xFF (never part of UTF-8), nil as 0xFE alone.
    private struct ExactKey: Hashable {
        private var bytes: [UInt8]

        init(kind: UInt8) {
            bytes = [kind]
        }

        mutating func append(_ fields: String?...) {
            for field in fields {
                if let field { bytes.append(contentsOf: field.utf8) } else { bytes.append(0xFE) }
                bytes.append(0xFF)
            }
        }
    }
}
