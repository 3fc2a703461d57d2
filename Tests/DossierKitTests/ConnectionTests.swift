import Foundation
import SQLite
import Testing

@testable import DossierKit

@Suite("SQLite wrapper")
struct ConnectionTests {
    let directory: TemporaryDirectory
    let connection: Connection

    init() throws {
        directory = try TemporaryDirectory()
        connection = try Connection(path: directory.path("wrapper.sqlite"))
        try connection.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v ANY)")
    }

    func roundTrip(_ value: DatabaseValue) throws -> DatabaseValue {
        try connection.execute("DELETE FROM t")
        try connection.execute("INSERT INTO t (v) VALUES (?)", [value])
        return try #require(try connection.queryFirst("SELECT v FROM t") { $0.value(0) })
    }

    @Test(
        "every storage class round-trips",
        arguments: [
            DatabaseValue.null, .integer(0), .integer(Int64.max), .integer(Int64.min), .real(3.25), .real(-0.5),
            .text(""), .text("Opération « Cumberland » — 273 suspects"), .text("emoji 👩‍👩‍👧 and e\u{0301} combining"),
            .text("NUL\u{0}inside"), .text(String(repeating: "long text ", count: 200_000)),
            .blob(Data()), .blob(Data([0, 1, 0, 255, 0])),
        ])
    func roundTrips(value: DatabaseValue) throws {
        let stored = try roundTrip(value)
        // SQLite stores an empty blob as a zero-length blob; both read back as empty Data.
        #expect(stored == value)
    }

    @Test("many texts in one statement keep their values; empty text is not NULL")
    func manyTextsInOneStatement() throws {
        let values: [String] = (0..<64).map { index in
            switch index % 4 {
            case 0: ""
            case 1: "Opération n°\(index) — «\u{0}»"
            case 2: String(repeating: "x\(index)", count: index * 50)
            default: "\(index)"
            }
        }
        // An untyped column: `ANY` would turn "3" into 3.
        try connection.executeScript("CREATE TABLE texts (id INTEGER PRIMARY KEY, v)")
        let rows = Array(repeating: "(?, ?)", count: values.count).joined(separator: ", ")
        let statement = try connection.prepare("INSERT INTO texts (id, v) VALUES \(rows)")
        defer { statement.reset() }
        for (offset, value) in values.enumerated() {
            try statement.bind(Int64(offset), value, from: Int32(offset * 2 + 1))
        }
        while try statement.step() {}
        let stored = try connection.query("SELECT v FROM texts ORDER BY id") { $0.value(0) }
        let mismatches = zip(stored, values).enumerated().filter { $0.element.0 != .text($0.element.1) }
            .map { "\($0.offset): \(String(describing: $0.element.0).prefix(40))" }
        #expect(stored.count == values.count)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("a statement reset and bound again stores the new texts, and a bad index fails at once")
    func rebindAfterReset() throws {
        let statement = try connection.prepare("INSERT INTO t (v) VALUES (?)")
        for text in ["first, a longer text than the next", "second"] {
            try statement.bind(text)
            while try statement.step() {}
            statement.reset()
        }
        #expect(
            try connection.query("SELECT v FROM t ORDER BY id") { $0.string(0) } == [
                "first, a longer text than the next", "second",
            ])
        #expect(throws: DatabaseError.self) { try statement.bind(text: "x", at: 2) }
        statement.reset()
    }

    @Test("parameters bound one by one store what the generic bind stores")
    func concreteParameters() throws {
        let values: [DatabaseValue] = [
            .integer(-7), .integer(42), .integer(1), .real(2.5), .text("Opération"), .integer(9), .null, .real(-1), .null,
            .text(""), .null,
        ]
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try connection.executeScript("CREATE TABLE typed (\((0..<values.count).map { "c\($0)" }.joined(separator: ", ")))")
        let statement = try connection.prepare("INSERT INTO typed VALUES (\(placeholders))")
        defer { statement.reset() }
        var row = statement.parameters()
        try row.add(Int64(-7))
        try row.add(42)
        try row.add(true)
        try row.add(2.5)
        try row.add("Opération")
        try row.add(Int64?.some(9))
        try row.add(Int64?.none)
        try row.add(Double?.some(-1))
        try row.add(Double?.none)
        try row.add(String?.some(""))
        try row.add(String?.none)
        while try statement.step() {}
        let stored = try connection.queryFirst("SELECT * FROM typed") { row in
            (0..<Int32(values.count)).map { row.value($0) }
        }
        #expect(stored == values)
        statement.reset()
        let extra = #expect(throws: DatabaseError.self) {
            var extra = statement.parameters(from: Int32(values.count + 1))
            try extra.add(1)
        }
        #expect(extra?.message == "value bound to parameter 12 of a statement with 11 parameters")
    }

    @Test("named parameters bind by name")
    func namedParameters() throws {
        try connection.execute("INSERT INTO t (id, v) VALUES (:id, :value)", named: [":id": 7, ":value": "seven"])
        #expect(try connection.queryFirst("SELECT v FROM t WHERE id = 7") { $0.string(0) } == "seven")
    }

    @Test("an unknown named parameter is an error")
    func unknownNamedParameter() throws {
        #expect(throws: DatabaseError.self) {
            try connection.execute("INSERT INTO t (v) VALUES (:value)", named: [":nope": 1])
        }
    }

    /// The mismatch error: it names the SQL and both counts, and nothing was written.
    private func expectCountMismatch(
        _ message: String, sql: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) throws {
        let error = #expect(throws: DatabaseError.self, sourceLocation: sourceLocation) { try body() }
        #expect(error?.resultCode == SQLITE_RANGE, sourceLocation: sourceLocation)
        #expect(error?.message == message, sourceLocation: sourceLocation)
        #expect(error?.sql == sql, sourceLocation: sourceLocation)
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0, sourceLocation: sourceLocation)
    }

    static let twoParameters = "INSERT INTO t (id, v) VALUES (?, ?)"

    @Test("an array of fewer or more values than parameters is refused, naming the SQL and both counts")
    func arrayCountMismatch() throws {
        try expectCountMismatch("1 value bound to a statement with 2 parameters", sql: Self.twoParameters) {
            try connection.execute(Self.twoParameters, [1])
        }
        try expectCountMismatch("3 values bound to a statement with 2 parameters", sql: Self.twoParameters) {
            try connection.execute(Self.twoParameters, [1, "a", 3])
        }
        try expectCountMismatch("0 values bound to a statement with 2 parameters", sql: Self.twoParameters) {
            _ = try connection.query(Self.twoParameters) { $0.int(0) }
        }
        try expectCountMismatch("1 value bound to a statement with 0 parameters", sql: "DELETE FROM t") {
            try connection.execute("DELETE FROM t", [1])
        }
    }

    @Test("a parameter pack of fewer or more values than parameters is refused, naming the SQL and both counts")
    func packCountMismatch() throws {
        try expectCountMismatch("1 value bound to a statement with 2 parameters", sql: Self.twoParameters) {
            try connection.execute(Self.twoParameters, binding: 1)
        }
        try expectCountMismatch("3 values bound to a statement with 2 parameters", sql: Self.twoParameters) {
            try connection.execute(Self.twoParameters, binding: 1, "a", 3)
        }
        let cached = CachedSQL(Self.twoParameters)
        try expectCountMismatch("1 value bound to a statement with 2 parameters", sql: Self.twoParameters) {
            try connection.execute(cached, binding: Int64?.none)
        }
    }

    @Test("named values missing a parameter are refused, naming the SQL and both counts")
    func namedCountMismatch() throws {
        let sql = "INSERT INTO t (id, v) VALUES (:id, :value)"
        try expectCountMismatch("1 value bound to a statement with 2 parameters", sql: sql) {
            try connection.execute(sql, named: [":id": 7])
        }
    }

    @Test("a statement bound value by value runs only once every parameter is bound")
    func partialParametersRefused() throws {
        let statement = try connection.prepare(Self.twoParameters)
        defer { statement.reset() }
        var row = statement.parameters()
        try row.add(1)
        try expectCountMismatch("1 value bound to a statement with 2 parameters", sql: Self.twoParameters) {
            try statement.step()
        }
        try row.add("one")
        #expect(try statement.step() == false)
        #expect(try connection.query("SELECT id, v FROM t") { [$0.value(0), $0.value(1)] } == [[.integer(1), .text("one")]])
    }

    @Test(
        "a multi-row insert whose rows bind fewer or more values than its columns is refused",
        arguments: [(1, 1), (2, 1), (2, 3), (33, 1), (33, 3), (40, 1)])
    func multiRowInsertCountMismatch(rows: Int, boundPerRow: Int) throws {
        try connection.executeScript("CREATE TABLE m (s, a, b)")
        let insert = MultiRowInsert("INSERT INTO m (s, a, b)", columns: 2, shared: 1)
        let error = #expect(throws: DatabaseError.self) {
            try connection.insert(Array(0..<rows), with: insert, shared: { try $0.add("shared") }) { statement, row, first in
                var parameters = statement.parameters(from: first)
                for _ in 0..<boundPerRow { try parameters.add(row) }
            }
        }
        #expect(error?.resultCode == SQLITE_RANGE)
        #expect(error?.message.contains("a statement with ") == true)
        #expect(error?.sql?.hasPrefix("INSERT INTO m (s, a, b)\nVALUES (?1, ?, ?)") == true)
        #expect(try connection.scalarInt("SELECT count(*) FROM m") == 0)
    }

    @Test("a multi-row insert binding every column of every row stores them all")
    func multiRowInsertComplete() throws {
        let insert = MultiRowInsert("INSERT INTO t (v, id)", columns: 1, shared: 1)
        try connection.insert(Array(Int64(1)...40), with: insert, shared: { try $0.add("shared") }) { statement, row, first in
            try statement.bind(row, from: first)
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM t WHERE v = 'shared'") == 40)
    }

    @Test("errors carry the result code, extended code, message and SQL")
    func errorsCarryCodes() throws {
        try connection.executeScript("CREATE TABLE u (k TEXT UNIQUE)")
        try connection.execute("INSERT INTO u VALUES (?)", ["a"])
        do {
            try connection.execute("INSERT INTO u VALUES (?)", ["a"])
            Issue.record("expected a constraint violation")
        } catch let error as DatabaseError {
            #expect(error.resultCode == SQLITE_CONSTRAINT)
            #expect(error.extendedCode == SQLITE_CONSTRAINT | (8 << 8))  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.message.contains("UNIQUE"))
            #expect(error.sql == "INSERT INTO u VALUES (?)")
        }
        let syntax = #expect(throws: DatabaseError.self) { try connection.prepare("SELEKT 1") }
        #expect(syntax?.resultCode == SQLITE_ERROR)
        #expect(syntax?.sql == "SELEKT 1")
    }

    @Test("a thrown error rolls the transaction back")
    func rollbackOnThrow() throws {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try connection.writeTransaction {
                try connection.execute("INSERT INTO t (v) VALUES (1)")
                throw Boom()
            }
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
        #expect(!connection.isInTransaction)
    }

    @Test("a failed savepoint keeps the outer transaction's work")
    func savepointRollback() throws {
        struct Boom: Error {}
        try connection.writeTransaction {
            try connection.execute("INSERT INTO t (v) VALUES ('outer')")
            #expect(throws: Boom.self) {
                try connection.savepoint {
                    try connection.execute("INSERT INTO t (v) VALUES ('inner')")
                    throw Boom()
                }
            }
        }
        #expect(try connection.query("SELECT v FROM t") { $0.string(0) } == ["outer"])
    }

    /// A table whose trigger answers the value 'refused' with RAISE(ROLLBACK): SQLite reports a
    /// constraint and rolls the whole transaction back by itself.
    private func createRefusingTable() throws {
        try connection.executeScript(
            """
            CREATE TABLE guarded (v);
            CREATE TRIGGER refuse BEFORE INSERT ON guarded WHEN NEW.v = 'refused'
            BEGIN SELECT RAISE(ROLLBACK, 'refused by trigger'); END;
            """)
    }

    private func refuse() {
        #expect(throws: DatabaseError.self) { try connection.execute("INSERT INTO guarded VALUES ('refused')") }
    }

    private func expectRolledBack(_ error: DatabaseError?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            error?.message.hasPrefix("the transaction was rolled back by SQLite: refused by trigger (code 1811)") == true,
            "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.resultCode == SQLITE_ABORT, sourceLocation: sourceLocation)
        #expect(error?.isStatementLevel == false, sourceLocation: sourceLocation)
        #expect(error?.sql == "INSERT INTO guarded VALUES ('refused')", sourceLocation: sourceLocation)
    }

    @Test("a transaction SQLite rolled back under a body that went on is not committed: the call says so")
    func rolledBackTransactionIsNotCommitted() throws {
        try createRefusingTable()
        let error = #expect(throws: DatabaseError.self) {
            try connection.writeTransaction {
                try connection.execute("INSERT INTO t (v) VALUES ('before')")
                refuse()
            }
        }
        expectRolledBack(error)
        #expect(!connection.isInTransaction)
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test("after SQLite rolled the transaction back, the body's next statement does not run on its own")
    func noStatementRunsAfterTheRollback() throws {
        try createRefusingTable()
        let error = #expect(throws: DatabaseError.self) {
            try connection.writeTransaction {
                try connection.execute("INSERT INTO t (v) VALUES ('before')")
                refuse()
                try connection.execute("INSERT INTO t (v) VALUES ('after')")
            }
        }
        expectRolledBack(error)
        #expect(try connection.query("SELECT v FROM t") { $0.string(0) } == [])
    }

    @Test("a savepoint whose body went on after SQLite rolled back the enclosing transaction throws, and so does the transaction")
    func savepointAfterRollback() throws {
        try createRefusingTable()
        var inner: DatabaseError?
        let outer = #expect(throws: DatabaseError.self) {
            try connection.writeTransaction {
                try connection.execute("INSERT INTO t (v) VALUES ('outer')")
                do {
                    try connection.savepoint { refuse() }
                } catch let error as DatabaseError {
                    inner = error
                }
                try connection.execute("INSERT INTO t (v) VALUES ('later')")
            }
        }
        expectRolledBack(inner)
        expectRolledBack(outer)
        #expect(try connection.query("SELECT v FROM t") { $0.string(0) } == [])
    }

    @Test("a savepoint failing with a statement's error after which SQLite rolled back the enclosing transaction says so")
    func savepointStatementErrorAfterRollback() throws {
        try createRefusingTable()
        // As import does: its own transaction, one savepoint per document, a failed document skipped
        // only when its error belongs to one statement.
        try connection.executeScript("BEGIN IMMEDIATE")
        try connection.execute("INSERT INTO t (v) VALUES ('earlier document')")
        let error = #expect(throws: DatabaseError.self) {
            try connection.savepoint { try connection.execute("INSERT INTO guarded VALUES ('refused')") }
        }
        expectRolledBack(error)
        #expect(!connection.isInTransaction)
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test("a statement's error inside a savepoint still undoes only the savepoint")
    func savepointStatementError() throws {
        try connection.executeScript("CREATE TABLE u (k UNIQUE)")
        try connection.writeTransaction {
            try connection.execute("INSERT INTO u VALUES (1)")
            let error = #expect(throws: DatabaseError.self) {
                try connection.savepoint {
                    try connection.execute("INSERT INTO t (v) VALUES ('inner')")
                    try connection.execute("INSERT INTO u VALUES (1)")
                }
            }
            #expect(error?.isConstraintViolation == true)
            try connection.execute("INSERT INTO t (v) VALUES ('after')")
        }
        #expect(try connection.query("SELECT v FROM t") { $0.string(0) } == ["after"])
    }

    @Test("statements are prepared once and reused")
    func statementReuse() throws {
        let first = try connection.prepare("SELECT 1")
        let second = try connection.prepare("SELECT 1")
        #expect(first === second)
    }

    @Test("connections use WAL, synchronous FULL and foreign keys")
    func pragmas() throws {
        #expect(try connection.queryFirst("PRAGMA journal_mode") { $0.string(0) } == "wal")
        #expect(try connection.scalarInt("PRAGMA synchronous") == 2)
        #expect(try connection.scalarInt("PRAGMA foreign_keys") == 1)
    }

    @Test("a read-only connection cannot write")
    func readOnly() throws {
        let reader = try Connection(path: directory.path("wrapper.sqlite"), mode: .readOnly)
        let error = #expect(throws: DatabaseError.self) { try reader.execute("INSERT INTO t (v) VALUES (1)") }
        #expect(error?.resultCode == SQLITE_READONLY)
    }
}
