import Foundation
import Testing

@testable import DossierKit

@Suite("Migration 0012: fact counts kept by triggers")
struct FactCountsTests {
    /// What `fact_counts` says, and what counting the fact tables row by row says, as "kind status count" lines.
    static func keptAndCounted(_ connection: Connection) throws -> (kept: [String], counted: [String]) {
        let kept = try connection.query("SELECT kind, status, count FROM fact_counts WHERE count > 0 ORDER BY 1, 2") {
            "\($0.string(0)) \($0.string(1)) \($0.int64(2))"
        }
        let counted = try connection.query(
            """
            SELECT 'figure', status, count(*) FROM figures GROUP BY status
            UNION ALL SELECT 'mention', status, count(*) FROM mentions GROUP BY status
            UNION ALL SELECT 'quote', status, count(*) FROM quotes GROUP BY status ORDER BY 1, 2
            """
        ) { "\($0.string(0)) \($0.string(1)) \($0.int64(2))" }
        return (kept, counted)
    }

    @Test("the counts follow imports, decisions, corrections and deletions")
    func countsFollowEveryWrite() throws {
        let test = try TestArchive.withSeedDocuments()
        var state = try Self.keptAndCounted(test.connection)
        #expect(state.kept == state.counted)
        #expect(state.kept.contains { $0.hasPrefix("figure extracted ") })

        let figureIDs = try test.connection.query("SELECT id FROM figures ORDER BY id LIMIT 3") { $0.int64(0) }
        let quoteID = try #require(try test.connection.scalarInt("SELECT min(id) FROM quotes"))
        try FigureCuration(archive: test.archive, operatorName: "ana").confirm([figureIDs[0]])
        try FigureCuration(archive: test.archive, operatorName: "ana").reject(figureIDs[1], reason: "a year")
        try QuoteCuration(archive: test.archive, operatorName: "ana").reject(quoteID, reason: "not a quote")
        try test.connection.execute("DELETE FROM figures WHERE id = ?", [figureIDs[2]])

        state = try Self.keptAndCounted(test.connection)
        #expect(state.kept == state.counted)
        #expect(state.kept.contains("figure confirmed 1"))
        #expect(state.kept.contains("figure rejected 1"))
        #expect(state.kept.contains("quote rejected 1"))
    }

    @Test("the overview's table counts and review progress read the kept counts")
    func statsReadKeptCounts() throws {
        let test = try TestArchive.withSeedDocuments()
        let counts = Dictionary(uniqueKeysWithValues: try test.archive.stats.counts().map { ($0.table, $0.rows) })
        for table in ["figures", "quotes", "mentions", "documents", "events"] {
            #expect(counts[table] == (try test.count(table)), "\(table)")
        }
        let left = try test.archive.stats.reviewProgress().first { $0.kind == "figure" && $0.status == "extracted" }
        #expect(left?.count == (try test.count("figures", where: "status = 'extracted'")))
    }

    @Test("migrating an archive that already holds facts counts them")
    func migrationCountsExistingFacts() throws {
        let test = try TestArchive.withSeedDocuments()
        let connection = test.connection
        try QuoteCuration(archive: test.archive, operatorName: "ana").reject(
            try #require(try connection.scalarInt("SELECT min(id) FROM quotes")), reason: "not a quote")
        // Back to the archive as version 11 left it: no counts, no triggers, facts in place.
        let triggers = try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_count\\_%' ESCAPE '\\'"
        ) { $0.string(0) }
        #expect(triggers.count == 9)
        try connection.writeTransaction {
            for trigger in triggers { try connection.execute("DROP TRIGGER \(trigger)") }
            try connection.execute("DROP TABLE fact_counts")
            try connection.execute("DELETE FROM schema_migrations WHERE version = 12")
        }

        let applied = try Archive.migrate(connection)

        #expect(applied.map(\.version) == [12])
        let state = try Self.keptAndCounted(connection)
        #expect(state.kept == state.counted)
        #expect(state.kept.contains("quote rejected 1"))
    }

    @Test("the full check finds counts edited past the triggers; a clean archive has no such finding")
    func checkFindsDrift() throws {
        let test = try TestArchive.withSeedDocuments()
        func findings() throws -> [Finding] {
            try IntegrityChecker(
                path: test.archive.path, options: CheckOptions(phases: [.consistency], recordEvent: false)
            ).run().findings.filter { $0.kind == .factCount }
        }
        #expect(try findings().isEmpty)
        let extracted = try test.count("figures", where: "status = 'extracted'")
        try test.connection.execute("UPDATE fact_counts SET count = count + 5 WHERE kind = 'figure' AND status = 'extracted'")

        let drift = try findings()
        #expect(drift.count == 1)
        #expect(drift.first?.expected == "\(extracted) figures extracted, as counted")
        #expect(drift.first?.found == "\(extracted + 5) kept")
    }
}
