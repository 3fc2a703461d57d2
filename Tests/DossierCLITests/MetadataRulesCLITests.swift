import Foundation
import Testing

/// Control characters and language codes, in files and in options.
@Suite("CLI: metadata rules")
struct MetadataRulesCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    static let body = "Europol: 12 suspects were arrested in Spain on 3 March 2024.\n"

    @Test(
        "a control character or a language that is no ISO 639-1 code in front matter fails that file, naming file, field and line",
        arguments: [
            (
                "esc.md", Data("---\nkind: article\ntitle: \"Red \\e[31malert\"\n---\n\(body)".utf8),
                "esc.md: front matter field 'title' on line 3 holds the control character U+001B (ESC); remove it"
            ),
            (
                "nul.md", Data("---\ntitle: \"Cut\\0here\"\n---\n\(body)".utf8),
                "nul.md: front matter field 'title' on line 2 holds the control character U+0000 (NUL); remove it"
            ),
            (
                "c1.md", Data("---\ntitle: \"a\\u009Bb\"\n---\n\(body)".utf8),
                "c1.md: front matter field 'title' on line 2 holds the control character U+009B (CSI); remove it"
            ),
            (
                "raw-esc.md", Data("---\n\nauthor: Red \u{1B}[31malert\n---\n\(body)".utf8),
                "raw-esc.md: front matter field 'author' on line 3 holds the control character U+001B (ESC); remove it"
            ),
            (
                "raw-c1.md", Data("---\ntitle: a".utf8) + Data([0xC2, 0x9B]) + Data("b\n---\n\(body)".utf8),
                "raw-c1.md: front matter field 'title' on line 2 holds the control character U+009B (CSI); remove it"
            ),
            (
                "xx.md", Data("---\ntitle: T\nlanguage: xx\n---\n\(body)".utf8),
                "xx.md: front matter field 'language' on line 3: language 'xx' is not an ISO 639-1 code (two letters, e.g. fr, en)"
            ),
        ])
    func refusedFile(name: String, content: Data, message: String) throws {
        try cli.write(name, content)
        try cli.write("good.md", "---\nlanguage: en\n---\n" + Self.body)
        let result = try cli.run("import", name, "good.md")
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains(message + "\n"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0 })
        #expect(result.stdout.contains("2 seen, 1 imported, 0 duplicates, 1 failed."), "\(result.stdout)")
        #expect(try cli.sql("SELECT file_name FROM documents") == "good.md")
    }

    @Test("on import, a language in front matter or --language is taken in either case, stored in lower case; xx is not")
    func languageOnImport() throws {
        try cli.write("fr.md", "---\nlanguage: fr\n---\nEuropol a interpellé 12 suspects.\n")
        try cli.write("FR.md", "---\nlanguage: FR\n---\nLa gendarmerie a interpellé 9 suspects.\n")
        try cli.write("xx.md", "---\nlanguage: xx\n---\nLa police a interpellé 3 suspects.\n")
        try cli.write("option.txt", "La douane a saisi 40 téléphones.\n")
        let files = try cli.run("import", "fr.md", "FR.md", "xx.md")
        #expect(files.exitCode == 1)
        #expect(files.stdout.contains("3 seen, 2 imported, 0 duplicates, 1 failed."), "\(files.stdout)")
        let option = try cli.run("import", "option.txt", "--language", "FR")
        #expect(option.exitCode == 0, "\(option.stderr)")
        #expect(try cli.run("import", "option.txt", "--language", "xx").exitCode == 2)
        #expect(
            try cli.sql("SELECT group_concat(file_name || ':' || language, ',') FROM documents")
                == "fr.md:fr,FR.md:fr,option.txt:fr")
    }

    @Test(
        "a control character or a bad language in an option is a usage error before anything is read",
        arguments: [
            (
                ["--publisher", "Euro\u{1B}[2Jpol"],
                "--publisher holds the control character U+001B (ESC) at character 5; remove it"
            ),
            (["--author", "a\u{9B}b"], "--author holds the control character U+009B (CSI) at character 2; remove it"),
            (["--operation", "Op\u{7F}"], "--operation holds the control character U+007F (DEL) at character 3; remove it"),
            (["--url", "https://a.example/\nx"], "--url holds the control character U+000A (LF) at character 19; remove it"),
            (["--language", "xx"], "--language 'xx' is not an ISO 639-1 code (two letters, e.g. fr, en)"),
            (["--language", "klingon"], "--language 'klingon' is not an ISO 639-1 code (two letters, e.g. fr, en)"),
            (["--language", "fra"], "--language 'fra' is not an ISO 639-1 code (two letters, e.g. fr, en)"),
        ])
    func refusedImportOption(options: [String], message: String) throws {
        try cli.write("a.txt", Self.body)
        let result = try cli.run(["import", "a.txt"] + options)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("dossier.sqlite")))
    }

    @Test(
        "document set refuses control characters and bad languages with exit 2 and changes nothing",
        arguments: [
            (["--title", "Red \u{1B}[31malert"], "--title holds the control character U+001B (ESC) at character 5; remove it"),
            (["--title", "over\rwritten"], "--title holds the control character U+000D (CR) at character 5; remove it"),
            (["--publisher", "x\u{85}"], "--publisher holds the control character U+0085 (NEL) at character 2; remove it"),
            (["--language", "xx"], "--language 'xx' is not an ISO 639-1 code (two letters, e.g. fr, en)"),
        ])
    func refusedDocumentSet(options: [String], message: String) throws {
        try cli.write("a.md", "---\ntitle: Original\nlanguage: en\n---\n" + Self.body)
        #expect(try cli.run("import", "a.md").exitCode == 0)
        let result = try cli.run(["document", "set", "1"] + options)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try cli.sql("SELECT title || ' ' || language FROM documents") == "Original en")
        #expect(try cli.sql("SELECT count(*) FROM events WHERE action = 'edit'") == "0")
    }

    @Test(
        "document set takes a title over two lines, but no line feed elsewhere; a language in upper case is stored in lower case")
    func documentSetAccepted() throws {
        try cli.write("a.md", "---\ntitle: Original\n---\n" + Self.body)
        #expect(try cli.run("import", "a.md").exitCode == 0)
        let result = try cli.run("document", "set", "1", "--title", "First line\nsecond line", "--language", "FR")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(
            try cli.sql("SELECT replace(title, char(10), '|') || ' ' || language FROM documents") == "First line|second line fr")
        let author = try cli.run("document", "set", "1", "--author", "First line\nsecond line")
        #expect(author.exitCode == 2)
        #expect(author.stderr.contains("--author holds the control character U+000A (LF) at character 11; remove it"))
        #expect(try cli.sql("SELECT author IS NULL FROM documents") == "1")
    }

    @Test("export and search check --language alike, and read FR as fr")
    func filters() throws {
        try cli.write("a.txt", "Opération Lac Bleu\n\nLa gendarmerie a interpellé 9 suspects et saisi 40 téléphones.\n")
        #expect(try cli.run("import", "a.txt", "--language", "fr").exitCode == 0)
        for command in [["export", "documents", "--columns", "language"], ["search", "gendarmerie"]] {
            let refused = try cli.run(command + ["--language", "xx"])
            #expect(refused.exitCode == 2, "\(command)")
            #expect(refused.stderr.contains("--language 'xx' is not an ISO 639-1 code (two letters, e.g. fr, en)"))
            let upper = try cli.run(command + ["--language", "FR"])
            let lower = try cli.run(command + ["--language", "fr"])
            #expect(upper.exitCode == 0, "\(command) \(upper.stderr)")
            #expect(upper.stdout == lower.stdout)
            #expect(upper.stdout.contains(command[0] == "export" ? "fr" : "Lac Bleu"), "\(upper.stdout)")
        }
    }
}
