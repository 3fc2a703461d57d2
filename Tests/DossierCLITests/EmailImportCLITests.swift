import Foundation
import Testing

@Suite("CLI: import of e-mails")
struct EmailImportCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    func fixture(_ name: String) -> String { importFixtures.appending(path: name).path }

    @Test(
        "a forwarded release: the text part without the forward block, the release's own headers, the attachment listed and not stored"
    )
    func forwardedRelease() throws {
        let result = try cli.run("import", fixture("forwarded-release.eml"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("attachment not stored: communiqué-lantern.pdf (application/pdf, 1020 bytes)"),
            "\(result.stdout)")
        #expect(
            try cli.sql("SELECT source_format || '|' || extractor_version || '|' || encoding || '|' || message_id FROM documents")
                == "eml|dossier-eml-1|utf-8|CAF3xZ1+Lantern.20250312@mail.example.org")
        // Subject (RFC 2047, folded over two lines, "TR:" dropped), Date and From of the forwarded release.
        #expect(
            try cli.sql(
                "SELECT title || '|' || published_on || '|' || publisher || '|' || author || '|' || language FROM documents")
                == "Opération Lantern : 36 suspects identifiés|2025-03-12|Europol Press Office|"
                + "Europol Press Office <press@europol.europa.eu>|fr")
        let body = try cli.sql("SELECT body FROM documents")
        #expect(
            body.contains("Pour information, le communiqué ci-dessous.\n\nClaire\n\nLa Haye, 12 mars 2025\n\nLes services"),
            "\(body)")
        #expect(body.contains("« Chaque auteur identifié est une personne de moins"))
        for header in ["Forwarded message", "From:", "Subject:", "To:", "Date:", "press@europol", "=C3", "\r"] {
            #expect(!body.contains(header), "the body holds \(header)")
        }
        // Neither the attachment's bytes nor the HTML alternative are anywhere in the archive.
        #expect(try cli.sql("SELECT count(*) FROM documents WHERE body LIKE '%invented attachment%' OR body LIKE '%<p>%'") == "0")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture("forwarded-release.eml")))
        #expect(try cli.sql("SELECT original_sha256 FROM documents") == sha256(bytes))
        #expect(try cli.sql("SELECT count(*) FROM figures WHERE value = 36") == "1")
        #expect(try cli.sql("SELECT count(*) FROM quotes") == "1")
        #expect(try cli.run("check", "--against-sources").exitCode == 0)

        let json = try cli.run("import", fixture("forwarded-release.eml"), "--json", "--db", cli.path("other.sqlite"))
        #expect(json.stdout.contains("\"file_name\" : \"communiqué-lantern.pdf\""), "\(json.stdout)")
    }

    @Test("an HTML-only release in ISO-8859-1 and base64 goes through the web-page extractor; Organization is the publisher")
    func htmlOnly() throws {
        let result = try cli.run("import", fixture("europol-taskforce.eml"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try cli.sql(
                "SELECT title || '|' || published_on || '|' || publisher || '|' || language || '|' || encoding FROM documents")
                == "Victim identification taskforce: 19 children identified|2025-02-14|Europol|en|iso-8859-1")
        let body = try cli.sql("SELECT body FROM documents")
        #expect(body.hasPrefix("Specialists from 22 countries met at Europol's headquarters"), "\(body)")
        #expect(!body.contains("Unsubscribe") && !body.contains("<p"))
        let review = try cli.run("review", "1")
        #expect(review.stdout.contains("Text extracted from an e-mail (eml, europol-taskforce.eml) by dossier-eml-1."))
    }

    @Test("--dry-run shows the message's text, headers and attachments, and writes nothing")
    func dryRun() throws {
        let result = try cli.run("import", fixture("forwarded-release.eml"), "--dry-run")
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("message-id: CAF3xZ1+Lantern.20250312@mail.example.org"))
        #expect(result.stdout.contains("  │ Au cours de l'opération Lantern, les enquêteurs ont mené 41 perquisitions"))
        #expect(result.stdout.contains("attachment not stored: communiqué-lantern.pdf"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    static let headers =
        "From: press@europol.europa.eu\r\nSubject: Test\r\nDate: Wed, 12 Mar 2025 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"

    static func manyParts(_ count: Int) -> String {
        var text = headers + "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        for index in 0..<count { text += "--b\r\nContent-Type: text/plain\r\n\r\nPart \(index).\r\n" }
        return text + "--b--\r\n"
    }

    static func nested(_ depth: Int) -> String {
        var text = headers + "Content-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for level in 1...depth { text += "--b\(level - 1)\r\nContent-Type: multipart/mixed; boundary=b\(level)\r\n\r\n" }
        return text + "--b\(depth)\r\nContent-Type: text/plain\r\n\r\nDeep.\r\n"
    }

    @Test(
        "a MIME bomb or a broken message is refused with one clear error naming it, exit code 1, and nothing stored",
        // A bomb must be refused, not worked through: a hang fails the test instead of stalling CI.
        .timeLimit(.minutes(1)),
        arguments: [
            ("parts.eml", manyParts(5_000), "has more than 200 MIME parts"),
            ("nested.eml", nested(60), "nests MIME multiparts deeper than 12"),
            ("notmail.eml", "Just some words without any header at all.\n", "has no From, Subject or Date header"),
            (
                "image-only.eml",
                headers + "Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRg==\r\n",
                "has no text/plain or text/html part"
            ),
            (
                "bad-utf8.eml",
                headers
                    + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9\r\n",
                "its text part is not valid utf-8"
            ),
            (
                "unknown-charset.eml", headers + "Content-Type: text/plain; charset=koi8-r\r\n\r\nText\r\n",
                "its text part is in koi8-r, which Dossier does not read"
            ),
        ])
    func hostile(name: String, content: String, message: String) throws {
        try cli.expectImportRefused(name, Data(content.utf8), message: message)
    }
}
