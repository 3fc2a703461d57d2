import Foundation
import Testing

@Suite("CLI: shell completion")
struct CompletionCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
        #expect(try cli.run("import", seedDocuments, "--quiet").exitCode == 0)
        #expect(try cli.run("seed", "--quiet").exitCode == 0)
    }

    /// What bash offers for the last of `words` (the cursor at its end), through the completion
    /// script `dossier --generate-completion-script bash` prints, sourced into a real bash and called
    /// the way `complete -F` calls it.
    func bashCompletes(_ words: [String]) throws -> [String] {
        let script = try cli.run("--generate-completion-script", "bash")
        #expect(script.exitCode == 0)
        try cli.write("dossier.bash", script.stdout)
        let all = [CLIRunner.binary.path] + words
        let quoted = all.map { "'\($0)'" }.joined(separator: " ")
        let line = all.joined(separator: " ")
        let program = """
            source dossier.bash
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(all.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _dossier "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try cli.runProgram("/bin/bash", ["-c", program])
        #expect(result.exitCode == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test("bash completes operation, organisation and person slugs from the archive, with --db")
    func slugs() throws {
        #expect(try bashCompletes(["report", "operation", "cu"]) == ["cumberland"])
        let organisations = try bashCompletes(["export", "figures", "--organisation", "euro"])
        #expect(organisations.contains("europol") && organisations.allSatisfy { $0.hasPrefix("euro") }, "\(organisations)")
        #expect(try bashCompletes(["operation", "show", ""]) == ["cumberland"])
        // Another archive named with --db: its own slugs, and none from a file that is not there.
        #expect(try cli.run("operation", "add", "Operation Blue Lake", "--db", "other.sqlite").exitCode == 0)
        #expect(try bashCompletes(["search", "x", "--db", "other.sqlite", "--operation", ""]) == ["blue-lake"])
        #expect(try bashCompletes(["search", "x", "--db", "missing.sqlite", "--operation", ""]).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.path("missing.sqlite")), "completion creates nothing")
    }
}
