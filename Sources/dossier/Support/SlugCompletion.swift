import ArgumentParser
import DossierKit
import Foundation

/// Shell completion of operation, organisation and person slugs from the archive the command line
/// names (`--db PATH` among the words typed so far, else $DOSSIER_DB, else ./dossier.sqlite).
/// Completion never creates, migrates or complains: a missing or unreadable archive completes nothing.
enum SlugCompletion {
    static func of(_ table: SlugRepository.Table) -> CompletionKind {
        .custom { words, _, prefix in slugs(table, words: words, prefix: prefix) }
    }

    static func slugs(_ table: SlugRepository.Table, words: [String], prefix: String) -> [String] {
        let path = archivePath(words)
        guard FileManager.default.fileExists(atPath: path),
            let archive = try? Archive.open(path: path, access: .read)
        else { return [] }
        return (try? SlugRepository(connection: archive.connection).slugs(in: table, startingWith: prefix)) ?? []
    }

    static func archivePath(_ words: [String]) -> String {
        for (index, word) in words.enumerated() {
            if word == "--db", index + 1 < words.count { return words[index + 1] }
            if word.hasPrefix("--db=") { return String(word.dropFirst("--db=".count)) }
        }
        return ArchiveOptions.defaultPath
    }
}
