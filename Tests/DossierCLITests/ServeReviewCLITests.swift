import Foundation
import Testing

/// Review in `dossier serve` beyond confirm and reject: corrections, facts added from a selection,
/// undo, merges and the reader's language, each checked in the archive the CLI reads.
@Suite("CLI: serve, review")
struct ServeReviewCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        try cli.write(
            "arrests.md",
            "---\r\ntitle: Arrests\r\npublisher: Europol\r\n---\r\nEuropol said 25 suspects were arrested.\r\nMore arrests are expected.\r\n"
        )
        let imported = try cli.run("import", seedDocuments, cli.path("arrests.md"), "--quiet")
        #expect(imported.exitCode == 0, "\(imported.stderr)")
    }

    /// The code point span of `words` in document `id`'s stored body, as a browser counts it.
    func span(of words: String, inDocument id: Int) throws -> (start: Int, end: Int) {
        let body = try cli.sql("SELECT body FROM documents WHERE id = \(id)")
        let range = try #require(body.range(of: words))
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: range.lowerBound)
        return (start, start + words.unicodeScalars.count)
    }

    @Test("a figure corrected and a quote attributed from the page, through the library; bad values refused, nothing changed")
    func corrections() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address))
        let figure = try cli.sql("SELECT min(id) FROM figures WHERE document_id = 1")
        let corrected = try cli.fetch(
            address + "/figures/\(figure)/correct",
            form: [
                "token": token, "has_approximate": "1", "value": "1 500", "bound": "at_least", "category": "arrests",
                "reason": "misread",
            ])
        #expect(corrected.status == 303)
        #expect(
            try cli.sql("SELECT value || '|' || bound || '|' || category || '|' || status FROM figures WHERE id = \(figure)")
                == "1500.0|at_least|arrests|confirmed")
        let history = try cli.run("history", "figure", figure).stdout
        #expect(history.contains("correct") && history.contains("cli-test") && history.contains("misread"), "\(history)")
        let page = try cli.fetch(address + "/documents/1").body
        #expect(
            page.contains(
                #/<details class="history"><summary>History</summary><ol><li><span class="nowrap">\d{4}-\d\d-\d\d \d\d:\d\d</span> · cli-test · corrected — “misread”</li>/#
            ),
            "the fact's history on its document's page")

        let refused = try cli.fetch(address + "/figures/\(figure)/correct", form: ["token": token, "value": "abc"])
        #expect(refused.status == 400 && refused.body.contains("&#39;abc&#39; is not a number"), "\(refused.body)")
        #expect(try cli.sql("SELECT value FROM figures WHERE id = \(figure)") == "1500.0")

        let quote = try cli.sql("SELECT min(id) FROM quotes")
        let attributed = try cli.fetch(address + "/quotes/\(quote)/speaker", form: ["token": token, "speaker": "europol"])
        #expect(attributed.status == 303)
        #expect(
            try cli.sql(
                "SELECT q.speaker_kind || '|' || o.slug FROM quotes q JOIN organisations o ON o.id = q.organisation_id WHERE q.id = \(quote)"
            ) == "organisation|europol")
        let unknown = try cli.fetch(address + "/quotes/\(quote)/speaker", form: ["token": token, "speaker": "nobody"])
        #expect(unknown.status == 400 && unknown.body.contains("no person or organisation with slug"))
    }

    @Test("facts added from a selection land at its span, checked against the stored text; a stale selection is refused")
    func additionsFromSelection() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address))
        let figuresBefore = try cli.sql("SELECT count(*) FROM figures")

        // Document 3 has Windows line endings: the page keeps each CR, so offsets after one still hold.
        let page = try cli.fetch(address + "/documents/3").body
        #expect(page.contains(".&#13;\nMore arrests"), "a carriage return survives the browser's parsing")
        let words = "More arrests"
        let (start, end) = try span(of: words, inDocument: 3)
        let added = try cli.fetch(
            address + "/documents/3/figures",
            form: ["token": token, "start": "\(start)", "end": "\(end)", "text": words, "value": "12", "category": "arrests"])
        #expect(added.status == 303, "\(added.body)")
        #expect(
            try cli.sql(
                "SELECT value || '|' || exact_text || '|' || status FROM figures WHERE document_id = 3 AND char_start = \(start)")
                == "12.0|More arrests|confirmed")

        let sentence = "Europol said 25 suspects were arrested."
        let quoteSpan = try span(of: sentence, inDocument: 3)
        let quoted = try cli.fetch(
            address + "/documents/3/quotes",
            form: [
                "token": token, "start": "\(quoteSpan.start)", "end": "\(quoteSpan.end)", "text": sentence, "speaker": "europol",
            ])
        #expect(quoted.status == 303, "\(quoted.body)")
        #expect(try cli.sql("SELECT count(*) FROM quotes WHERE document_id = 3 AND char_start = \(quoteSpan.start)") == "1")

        let stale = try cli.fetch(
            address + "/documents/3/figures",
            form: ["token": token, "start": "\(start)", "end": "\(end)", "text": "More arrest", "value": "3"])
        #expect(stale.status == 400 && stale.body.contains("reload the page and select again"), "\(stale.body)")
        let noNumber = try cli.fetch(
            address + "/documents/3/figures", form: ["token": token, "start": "0", "end": "7", "text": "Europol"])
        #expect(noNumber.status == 400 && noNumber.body.contains("no number"))
        #expect(try cli.sql("SELECT count(*) FROM figures") == String(Int(figuresBefore)! + 1))
    }

    @Test("undo takes back the operator's decisions one at a time, never one someone recorded after them")
    func undo() throws {
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address))
        let ids = try cli.sql("SELECT group_concat(id) FROM figures WHERE document_id = 1").split(separator: ",").map(String.init)
        let (first, second, third) = (ids[0], ids[1], ids[2])
        let value = try cli.sql("SELECT value FROM figures WHERE id = \(second)")
        #expect(try cli.fetch(address + "/figures/\(first)/confirm", form: ["token": token]).status == 303)
        #expect(
            try cli.fetch(address + "/figures/\(second)/correct", form: ["token": token, "value": "999"]).status == 303)
        #expect(try cli.run("undo", "--dry-run").stderr.contains("Would undo the correct of figure \(second)"))

        let undone = try cli.fetch(address + "/undo", form: ["token": token])
        #expect(undone.status == 303)
        #expect(try cli.sql("SELECT value || '|' || status FROM figures WHERE id = \(second)") == "\(value)|extracted")
        #expect(try cli.fetch(address + "/undo", form: ["token": token]).status == 303)
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(first)") == "extracted")
        #expect(try cli.run("history", "figure", first).stdout.contains("undo"))

        // A decision someone else recorded later on the same fact is not overwritten by an undo.
        #expect(try cli.fetch(address + "/figures/\(third)/confirm", form: ["token": token]).status == 303)
        #expect(try cli.run("figure", "reject", third, "--reason", "a date", "--operator", "other").exitCode == 0)
        let nothing = try cli.fetch(address + "/undo", form: ["token": token])
        #expect(nothing.status == 400 && nothing.body.contains("nothing to undo"), "\(nothing.body)")
        #expect(try cli.sql("SELECT status FROM figures WHERE id = \(third)") == "rejected")
        #expect(try cli.run("undo").exitCode == 2)
    }

    @Test("a person merged into another from their page; the archive keeps the name as an alias")
    func merge() throws {
        #expect(try cli.run("person", "add", "C. De Bolle").exitCode == 0)
        let (server, address) = try cli.startServer()
        defer { kill(server.pid, SIGKILL) }
        let token = try #require(try cli.formToken(address))
        let page = try cli.fetch(address + "/people/c-de-bolle").body
        #expect(page.contains("action=\"/people/c-de-bolle/merge\"") && page.contains("<option value=\"catherine-de-bolle\">"))
        let merged = try cli.fetch(address + "/people/c-de-bolle/merge", form: ["token": token, "into": "catherine-de-bolle"])
        #expect(merged.status == 303)
        #expect(try cli.sql("SELECT count(*) FROM people WHERE slug = 'c-de-bolle'") == "0")
        #expect(
            try cli.sql(
                "SELECT count(*) FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE p.slug = 'catherine-de-bolle' AND a.alias = 'C. De Bolle'"
            ) == "1")
        let unknown = try cli.fetch(address + "/organisations/europol/merge", form: ["token": token, "into": "nobody"])
        #expect(unknown.status == 400)
    }

    @Test("every route that changes the archive refuses a form without the server's token, and --read-only has none")
    func refusals() throws {
        let routes =
            ["/figures/1/correct", "/quotes/1/speaker", "/documents/1/figures", "/documents/1/quotes", "/undo"]
            + ["/people/catherine-de-bolle/merge"]
        let events = try cli.sql("SELECT count(*) FROM events")
        do {
            let (server, address) = try cli.startServer()
            defer { kill(server.pid, SIGKILL) }
            for route in routes {
                #expect(try cli.fetch(address + route, form: ["token": "forged", "value": "1"]).status == 403, "\(route)")
            }
            #expect(try cli.fetch(address + "/figures/x/correct", form: ["token": "forged"]).status == 404)
        }
        let (server, address) = try cli.startServer(["--read-only"])
        defer { kill(server.pid, SIGKILL) }
        for route in routes { #expect(try cli.fetch(address + route, form: ["token": "x"]).status == 404, "\(route)") }
        #expect(!(try cli.fetch(address + "/documents/1").body.contains("class=\"undo\"")))
        #expect(try cli.sql("SELECT count(*) FROM events") == events)
    }

    @Test("values and categories in the reader's language: the browser's, unless --lang says otherwise")
    func readerLanguage() throws {
        let english = try cli.startServer()
        defer { kill(english.0.pid, SIGKILL) }
        #expect(try cli.fetch(english.1 + "/documents/3").body.contains("<div>25 · suspects arrested"))
        let french = try cli.fetch(english.1 + "/documents/3", extra: ["-H", "Accept-Language: fr-CH, fr;q=0.9, en;q=0.8"])
        #expect(french.body.contains("<div>25 · suspects interpellés"))
        for words in [
            "<html lang=\"fr\">", ">Vue d’ensemble</a>", ">Téléchargements</a>", "<h2>Provenance</h2>", "<dt>Éditeur</dt>",
            ">à vérifier</span>", "Annuler ma dernière décision", "Enregistrer la correction", " (personne)</option>",
        ] {
            #expect(french.body.contains(words), "the page's own words in French: \(words)")
        }
        for words in [">Overview</a>", "<dt>Publisher</dt>", ">extracted</span>", "Save correction", " (person)</option>"] {
            #expect(!french.body.contains(words), "no English left: \(words)")
        }
        let overview = try cli.fetch(english.1 + "/", extra: ["-H", "Accept-Language: fr"]).body
        #expect(overview.contains("Avancement de la vérification") && overview.contains("Derniers imports"))
        #expect(try cli.fetch(english.1 + "/documents/3").body.contains(">to review</span>"), "statuses in words in English too")
        let forced = try cli.startServer(["--lang", "en"])
        defer { kill(forced.0.pid, SIGKILL) }
        #expect(
            try cli.fetch(forced.1 + "/documents/3", extra: ["-H", "Accept-Language: fr"]).body.contains(
                "<div>25 · suspects arrested"))
        #expect(try cli.run("serve", "--lang", "de").exitCode == 2)
    }
}
