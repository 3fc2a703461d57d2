import Foundation
import Testing

@Suite("CLI: curation")
struct CurationCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        #expect(try cli.run("import", seedDocuments).exitCode == 0)
    }

    func figureID(_ exactText: String) throws -> String {
        try cli.sql("SELECT id FROM figures WHERE exact_text = '\(exactText)'")
    }

    @Test("review shows the text with numbered facts in place")
    func review() throws {
        let result = try cli.run("review", "1", "--only", "figures")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("⟦F1 273 suspects identifiés⟧"))
        #expect(result.stdout.contains("273 · suspects identified"), "categories in words, as the pages and reports say them")
        #expect(!result.stdout.contains("suspects_identified"))
        let json = try cli.run("review", "1", "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["facts"] as? [[String: Any]])?.isEmpty == false)
        #expect(try cli.run("review", "99").exitCode == 2)
    }

    @Test("a rejected figure disappears from exports and reports, stays in the archive, and survives re-extraction")
    func rejectAndReextract() throws {
        let id = try figureID("25 suspects arrêtés")
        let result = try cli.run("figure", "reject", id, "--reason", "checking", "--operator", "ana")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(!(try cli.run("export", "figures").stdout.contains("25 suspects arrêtés")))
        #expect(!(try cli.run("report", "operation", "cumberland").stdout.contains("25 suspects arr")))
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(id)") == "rejected")
        let reextract = try cli.run("reextract", "--all")
        #expect(reextract.exitCode == 0, "\(reextract.stderr)")
        #expect(try cli.sql("SELECT count(*) FROM figures WHERE exact_text = '25 suspects arrêtés'") == "1")
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(id)") == "rejected")
        let history = try cli.run("history", "figure", id)
        #expect(history.stdout.contains("reject"))
        #expect(history.stdout.contains("ana"))
        #expect(history.stdout.contains("checking"))
    }

    @Test("a correction is confirmed and survives re-extraction")
    func correction() throws {
        let id = try figureID("273 suspects identifiés")
        #expect(try cli.run("figure", "set", id, "--value", "274", "--reason", "erratum").exitCode == 0)
        #expect(try cli.run("reextract", "1").exitCode == 0)
        #expect(try cli.sql("SELECT value || ' ' || status FROM figures WHERE id = \(id)") == "274.0 confirmed")
    }

    @Test(
        "bad curation input exits 2 and changes nothing",
        arguments: [
            ["figure", "confirm", "999999"], ["figure", "reject", "1"], ["figure", "set", "1", "--bound", "sideways"],
            ["figure", "add", "--document", "1", "--text", "not in this text at all", "--value", "1"],
            ["figure", "add", "--document", "1", "--span", "5:999999", "--value", "1"],
            ["figure", "add", "--document", "1", "--text", "suspects", "--value", "1"],
            ["figure", "add", "--document", "1", "--text", "273", "--value", "abc"],
            ["person", "merge", "troels-oerting", "troels-oerting"], ["person", "merge", "nobody", "troels-oerting"],
            ["quote", "set", "1", "--speaker", "nobody"], ["operation", "unlink", "cumberland", "2"],
            ["document", "set", "1", "--published", "2025-02-30"], ["reextract"],
        ])
    func badInput(arguments: [String]) throws {
        let before = try cli.sql(
            "SELECT (SELECT count(*) FROM events) || '/' || (SELECT group_concat(status) FROM figures) || '/' || (SELECT count(*) FROM people)"
        )
        let result = try cli.run(arguments)
        #expect(result.exitCode == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        let after = try cli.sql(
            "SELECT (SELECT count(*) FROM events) || '/' || (SELECT group_concat(status) FROM figures) || '/' || (SELECT count(*) FROM people)"
        )
        #expect(before == after)
    }

    @Test("people merge through the CLI and the merge is in the history")
    func merge() throws {
        #expect(try cli.run("person", "add", "Troels Örting").exitCode == 0)
        #expect(try cli.run("person", "merge", "troels-orting", "troels-oerting", "--reason", "same person").exitCode == 0)
        #expect(try cli.sql("SELECT count(*) FROM people WHERE slug = 'troels-orting'") == "0")
        #expect(
            try cli.sql(
                "SELECT count(*) FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE p.slug = 'troels-oerting' AND a.alias = 'Troels Örting'"
            ) == "1")
        #expect(try cli.run("history", "person", "troels-oerting").stdout.contains("merge"))
    }
}
