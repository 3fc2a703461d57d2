import DossierKit
import Foundation

/// The measurements of `dossier-bench`: import against the sqlite3 floor, export against
/// `sqlite3 -csv`, fixity against `sha256sum`, search latency, and cost per document by size.
/// Every ratio is taken pair by pair within one run.
struct BenchmarkSuite {
    let dossier: String
    let workDirectory: URL
    let runs: Int
    let exportRows: Int
    var rows: [ResultRow] = []

    init(dossier: String, workDirectory: URL, runs: Int, exportRows: Int) {
        self.dossier = dossier
        self.workDirectory = workDirectory
        self.runs = runs
        self.exportRows = exportRows
    }

    private mutating func add(
        _ group: String, _ measure: String, _ values: [Double], _ unit: String, target: String? = nil,
        met: ((Double) -> Bool)? = nil
    ) {
        let sample = Sample(values)
        rows.append(
            ResultRow(
                group: group, measure: measure, sample: sample, unit: unit, target: target, met: met.map { $0(sample.median) }))
        log(
            "  \(measure): median \(Self.format(sample.median)) \(unit) (min \(Self.format(sample.minimum)), max \(Self.format(sample.maximum)))"
        )
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 1 ? String(format: "%.2f", value) : String(format: "%.4f", value)
    }

    func log(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// The dossier binary to measure: the one given, or the one built beside this tool.
    static func dossierBinary(_ given: String?) throws -> String {
        let binary =
            given
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appending(path: "dossier").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchmarkError("no dossier binary at \(binary); build it with `swift build -c release --product dossier`")
        }
        return binary
    }

    /// An archive of the generated corpus of `count` documents, imported once and kept for the
    /// benchmarks that only read it (the import is timed by `importAndFloor`, not here).
    func importedArchive(size count: Int) throws -> String {
        let (corpus, _) = try corpus(count)
        let path = workDirectory.appending(path: "served-\(count).sqlite").path
        let marker = path + ".complete"
        if FileManager.default.fileExists(atPath: marker) { return path }
        _ = fresh("served-\(count).sqlite")
        log("importing \(count) documents into \(path)…")
        try ChildProcess.succeed([dossier, "import", corpus.path, "--db", path, "--quiet", "--operator", "bench"])
        _ = FileManager.default.createFile(atPath: marker, contents: nil)
        return path
    }

    /// The generated corpus for `count` documents, made once and reused (it is deterministic).
    func corpus(_ count: Int) throws -> (directory: URL, bytes: Int) {
        let directory = workDirectory.appending(path: "corpus-\(count)")
        let marker = directory.appending(path: ".complete")
        if let text = try? String(contentsOf: marker, encoding: .utf8), let bytes = Int(text) {
            return (directory, bytes)
        }
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        log("generating \(count) documents…")
        var generator = CorpusGenerator(seed: 20_251_125)
        let bytes = try generator.write(count: count, into: directory)
        try String(bytes).write(to: marker, atomically: true, encoding: .utf8)
        return (directory, bytes)
    }

    private func fresh(_ name: String) -> String {
        let path = workDirectory.appending(path: name).path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }

    /// Imports the corpus `runs` times into fresh archives; returns the last archive's path.
    mutating func importAndFloor(size: Int) throws -> (archive: String, importSecondsPerDocument: Double) {
        let (corpus, bytes) = try corpus(size)
        let megabytes = Double(bytes) / 1_000_000
        log("import of \(size) documents (\(Self.format(megabytes)) MB)")
        var seconds: [Double] = []
        var memory: [Double] = []
        var processorSeconds: [Double] = []
        var floors: [Double] = []
        var ratios: [Double] = []
        var storageFloors: [Double] = []
        var storageRatios: [Double] = []
        var archive = ""
        for _ in 0..<runs {
            archive = fresh("import-\(size).sqlite")
            let run = try ChildProcess.succeed([
                dossier, "import", corpus.path, "--db", archive, "--quiet", "--operator", "bench",
            ])
            let floor = try floorImport(corpus: corpus)
            let storageFloor = try storageFloor(copying: archive, documents: size)
            seconds.append(run.seconds)
            processorSeconds.append(run.processorSeconds)
            memory.append(Double(run.peakResidentBytes) / 1_048_576)
            floors.append(floor)
            ratios.append(run.seconds / floor)
            storageFloors.append(storageFloor)
            storageRatios.append(run.seconds / storageFloor)
        }
        let group = "import \(size)"
        add(group, "dossier import", seconds, "s")
        add(group, "processor time (all threads)", processorSeconds, "s")
        add(group, "throughput", seconds.map { Double(size) / $0 }, "docs/s")
        add(group, "throughput", seconds.map { megabytes / $0 }, "MB/s")
        add(group, "peak memory", memory, "MiB")
        add(group, "sqlite3 floor (load + FTS5)", floors, "s")
        add(group, "import / floor", ratios, "×", target: "≤ 3", met: { $0 <= 3 })
        add(group, "storage floor (same rows, sqlite3)", storageFloors, "s")
        add(group, "storage floor / floor", zip(storageFloors, floors).map { $0 / $1 }, "×")
        add(group, "import / storage floor", storageRatios, "×")
        add(group, "cost per document", seconds.map { $0 / Double(size) * 1000 }, "ms")
        return (archive, Sample(seconds).median / Double(size))
    }

    /// The same bodies loaded by the sqlite3 shell into a plain table plus an FTS5 index, in one transaction.
    private func floorImport(corpus: URL) throws -> Double {
        let database = fresh("floor.sqlite")
        let script = workDirectory.appending(path: "floor.sql")
        try """
        PRAGMA journal_mode = WAL;
        BEGIN;
        CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT, body TEXT);
        INSERT INTO docs (name, body) SELECT name, CAST(data AS TEXT) FROM fsdir('\(corpus.path)') WHERE name LIKE '%.txt';
        CREATE VIRTUAL TABLE docs_fts USING fts5(body, content = 'docs', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO docs_fts (docs_fts) VALUES ('rebuild');
        COMMIT;
        """.write(to: script, atomically: true, encoding: .utf8)
        return try ChildProcess.succeed(["sqlite3", database], stdinPath: script.path).seconds
    }

    /// What SQLite alone takes to store the rows an import stores: the sqlite3 shell copies every
    /// row of the imported `archive` into an empty archive with the same schema, pragmas and
    /// triggers, as many documents per transaction as `dossier import` commits, table by table
    /// (the easiest order for SQLite), and builds the same full-text index. No extraction, no Swift.
    private func storageFloor(copying archive: String, documents: Int) throws -> Double {
        let database = fresh("storage-floor.sqlite")
        try ChildProcess.succeed([dossier, "init", "--db", database])
        let tables = Self.storedOnce + Self.storedPerDocument.map(\.table)
        let uncopied = try tableNames(archive).subtracting(tables)
        guard uncopied.isEmpty else {
            throw BenchmarkError("the storage floor does not copy \(uncopied.sorted().joined(separator: ", ")); add them")
        }
        var script = """
            PRAGMA foreign_keys = ON;
            PRAGMA synchronous = FULL;
            PRAGMA cache_size = -65536;
            ATTACH '\(archive)' AS imported;
            BEGIN IMMEDIATE;

            """
        for table in Self.storedOnce where !Self.filledByInit.contains(table) {
            script += "INSERT INTO \(table) SELECT * FROM imported.\(table);\n"
        }
        script += "COMMIT;\n"
        let batch = ImportOptions.defaultBatchSize
        for first in stride(from: 1, through: documents, by: batch) {
            script += "BEGIN IMMEDIATE;\n"
            for (table, documentColumn) in Self.storedPerDocument {
                script += """
                    INSERT INTO \(table) SELECT * FROM imported.\(table)
                        WHERE \(documentColumn) BETWEEN \(first) AND \(first + batch - 1);

                    """
            }
            script += """
                INSERT INTO documents_fts (rowid, title, body)
                    SELECT id, title, body FROM documents WHERE id BETWEEN \(first) AND \(first + batch - 1);
                COMMIT;

                """
        }
        let path = workDirectory.appending(path: "storage-floor.sql")
        try script.write(to: path, atomically: true, encoding: .utf8)
        let seconds = try ChildProcess.succeed(["sqlite3", database], stdinPath: path.path).seconds
        let counts = "SELECT " + tables.map { "(SELECT count(*) FROM \($0))" }.joined(separator: " || ',' || ")
        let expected = try ChildProcess.output(["sqlite3", archive, counts])
        guard try ChildProcess.output(["sqlite3", database, counts]) == expected else {
            throw BenchmarkError("the storage floor did not copy every row of \(archive)")
        }
        return seconds
    }

    /// The tables an import fills once per run, and those it fills per document with the column
    /// that names the document, parents before children. `schema_migrations`, `archive_seal` (one
    /// row per sealed table) and `fact_counts` (kept by triggers) are filled by `dossier init`, not
    /// copied; they are listed so that the row-count check covers them too.
    private static let storedOnce = [
        "schema_migrations", "archive_seal", "fact_counts", "import_batches", "organisations", "organisation_aliases",
        "operations", "people",
        "person_aliases",
    ]
    private static let filledByInit: Set = ["schema_migrations", "archive_seal", "fact_counts"]
    private static let storedPerDocument: [(table: String, documentColumn: String)] = [
        ("documents", "id"), ("document_links", "document_id"), ("document_operations", "document_id"),
        ("person_roles", "document_id"), ("mentions", "document_id"), ("figures", "document_id"), ("quotes", "document_id"),
        ("events", "entity_id"),
    ]

    /// The archive's own tables, without SQLite's and the full-text index's.
    private func tableNames(_ archive: String) throws -> Set<String> {
        let names = try ChildProcess.output([
            "sqlite3", archive,
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'documents_fts%'",
        ])
        return Set(names.split(separator: "\n").map(String.init))
    }

    /// Full check and the fixity part against `sha256sum` over the same bytes.
    mutating func check(size: Int, archive: String) throws -> Double {
        let (corpus, bytes) = try corpus(size)
        log("check of \(size) documents")
        var totals: [Double] = []
        var fixityRates: [Double] = []
        var shaRates: [Double] = []
        var ratios: [Double] = []
        let report = workDirectory.appending(path: "check.json").path
        let list = workDirectory.appending(path: "files.txt")
        try corpusFiles(corpus).joined(separator: "\0").write(to: list, atomically: true, encoding: .utf8)
        for _ in 0..<runs {
            let run = try ChildProcess.succeed(
                [dossier, "check", "--db", archive, "--json", "--operator", "bench"], stdoutPath: report)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
            let phaseSeconds = json?["phase_seconds"] as? [String: Double] ?? [:]
            let fixityBytes = json?["fixity_bytes"] as? Int ?? 0
            let fixityRate = Double(fixityBytes) / 1_000_000 / max(phaseSeconds["fixity"] ?? 0, 1e-9)
            let sha = try ChildProcess.succeed(["sh", "-c", "xargs -0 sha256sum < '\(list.path)' > /dev/null"])
            let shaRate = Double(bytes) / 1_000_000 / sha.seconds
            totals.append(run.seconds)
            fixityRates.append(fixityRate)
            shaRates.append(shaRate)
            ratios.append(fixityRate / shaRate)
        }
        let group = "check \(size)"
        add(
            group, "dossier check (full)", totals, "s", target: size == 10_000 ? "< 2 s" : nil,
            met: size == 10_000 ? { $0 < 2 } : nil)
        add(group, "fixity", fixityRates, "MB/s")
        add(group, "sha256sum", shaRates, "MB/s")
        add(group, "fixity / sha256sum", ratios, "×", target: "≥ 1", met: { $0 >= 1 })
        add(group, "cost per document", totals.map { $0 / Double(size) * 1000 }, "ms")
        return Sample(totals).median / Double(size)
    }

    private func corpusFiles(_ corpus: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: corpus.path)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".txt") { files.append(corpus.appending(path: name).path) }
        }
        return files.sorted()
    }

    /// In-process latency of 100 ranked queries with snippets, and the whole `dossier search` command.
    mutating func search(size: Int, archive: String) throws {
        log("search on \(size) documents")
        let opened = try Archive.open(path: archive, access: .read)
        let repository = SearchRepository(connection: opened.connection)
        let words = [
            "suspects", "arrested", "Europol", "victimes", "cryptocurrency", "perquisitions", "children", "enquêteurs",
            "platforms", "signalements",
        ]
        var queries: [String] = []
        for (index, word) in words.enumerated() {
            for other in 0..<10 {
                queries.append(other < 5 ? word : "\(word) \(words[(index + other) % words.count])")
            }
        }
        var latencies: [Double] = []
        for query in queries {
            let started = ContinuousClock.now
            _ = try repository.search(query, filter: ExportFilter(), limit: 20)
            latencies.append((ContinuousClock.now - started).seconds * 1000)
        }
        let group = "search \(size)"
        let sample = Sample(latencies)
        let p95Target = size <= 10_000 ? 15.0 : 60.0
        rows.append(
            ResultRow(
                group: group, measure: "query median (in-process)", sample: Sample([sample.median]), unit: "ms", target: nil,
                met: nil))
        rows.append(
            ResultRow(
                group: group, measure: "query p95 (in-process)", sample: Sample([sample.percentile(95)]), unit: "ms",
                target: "≤ \(Int(p95Target)) ms", met: sample.percentile(95) <= p95Target))
        log("  query median \(Self.format(sample.median)) ms, p95 \(Self.format(sample.percentile(95))) ms")
        var commands: [Double] = []
        for query in queries.prefix(max(runs, 10)) {
            commands.append(try ChildProcess.succeed([dossier, "search", query, "--db", archive]).seconds * 1000)
        }
        add(
            group, "dossier search command", commands, "ms", target: size <= 10_000 ? "< 50 ms" : nil,
            met: size <= 10_000 ? { $0 < 50 } : nil)
    }

    /// `dossier export figures` against `sqlite3 -csv` on archives of a tenth of `exportRows` and of
    /// `exportRows` figure rows (100k and 1M by default), to show that memory stays flat.
    mutating func export(from archive: String) throws {
        var memoryBySize: [Int: Double] = [:]
        let smaller = exportRows / 10
        for rowsWanted in [smaller, exportRows] {
            let path = try exportArchive(from: archive, rows: rowsWanted)
            log("export of \(rowsWanted) figure rows")
            var seconds: [Double] = []
            var floors: [Double] = []
            var ratios: [Double] = []
            var memory: [Double] = []
            for _ in 0..<runs {
                let run = try ChildProcess.succeed([dossier, "export", "figures", "--format", "csv", "--db", path])
                let floor = try ChildProcess.succeed(["sqlite3", "-csv", "-header", path, Self.figuresQuery]).seconds
                seconds.append(run.seconds)
                floors.append(floor)
                ratios.append(run.seconds / floor)
                memory.append(Double(run.peakResidentBytes) / 1_048_576)
            }
            let group = "export \(rowsWanted)"
            add(group, "dossier export figures", seconds, "s")
            add(group, "rows per second", seconds.map { Double(rowsWanted) / $0 }, "rows/s")
            add(group, "sqlite3 -csv", floors, "s")
            add(group, "export / sqlite3 -csv", ratios, "×", target: "≤ 1.2", met: { $0 <= 1.2 })
            let flat = rowsWanted == exportRows ? memoryBySize[smaller] : nil
            add(
                group, "peak memory", memory, "MiB",
                target: rowsWanted == exportRows ? "< 64 MiB, within 10 % of \(smaller) rows" : nil,
                met: flat.map { base in { $0 < 64 && $0 <= base * 1.1 } })
            memoryBySize[rowsWanted] = Sample(memory).median
        }
    }

    /// The same columns, joins, filter and order as `dossier export figures`.
    static let figuresQuery = """
        SELECT f.id, f.document_id, d.file_name AS document_file, f.value, f.value_max, f.unit, f.approximate, f.bound, f.counts,
            f.category, f.exact_text, f.char_start, f.char_end, o.slug AS operation, f.status, d.title AS document_title,
            d.publisher, d.published_on
        FROM figures f JOIN documents d ON d.id = f.document_id LEFT JOIN operations o ON o.id = f.operation_id
        WHERE f.status <> 'rejected' ORDER BY f.document_id, f.char_start, f.id
        """

    /// A copy of `archive` holding exactly `rows` figure rows: real ones, repeated with shifted spans when more are needed.
    private func exportArchive(from archive: String, rows: Int) throws -> String {
        let path = workDirectory.appending(path: "export-\(rows).sqlite").path
        if FileManager.default.fileExists(atPath: path) {
            // Kept from an earlier run, perhaps by an older build: bring its schema up to date first.
            try ChildProcess.succeed([dossier, "migrate", "--db", path])
            return path
        }
        let temporary = fresh("export-\(rows).partial.sqlite")
        try ChildProcess.succeed(["sqlite3", archive, "VACUUM INTO '\(temporary)'"])
        let script = workDirectory.appending(path: "export.sql")
        try """
        BEGIN;
        WITH RECURSIVE copies(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copies WHERE k < 200)
        INSERT INTO figures (document_id, operation_id, value, value_max, unit, approximate, bound, counts, category,
            exact_text, char_start, char_end, status, created_at)
        SELECT document_id, operation_id, value, value_max, unit, approximate, bound, counts, category, exact_text,
            char_start + k * 10000000, char_end + k * 10000000, status, created_at
        FROM figures, copies
        LIMIT max(0, \(rows) - (SELECT count(*) FROM figures));
        DELETE FROM figures WHERE id NOT IN (SELECT id FROM figures ORDER BY id LIMIT \(rows));
        COMMIT;
        VACUUM;
        """.write(to: script, atomically: true, encoding: .utf8)
        try ChildProcess.succeed(["sqlite3", temporary], stdinPath: script.path)
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
        return path
    }

    mutating func scaling(importCost: [Int: Double], checkCost: [Int: Double]) {
        let sizes = importCost.keys.sorted()
        guard let smallest = sizes.first, let largest = sizes.last, smallest != largest else { return }
        for (name, costs) in [("import", importCost), ("check", checkCost)] {
            guard let small = costs[smallest], let large = costs[largest] else { continue }
            let ratio = large / small
            rows.append(
                ResultRow(
                    group: "scaling", measure: "\(name) cost per document, \(largest) / \(smallest)", sample: Sample([ratio]),
                    unit: "×", target: "≤ 1.5", met: ratio <= 1.5))
            log("  \(name) cost per document \(largest)/\(smallest): \(Self.format(ratio))×")
        }
    }
}
