/// `dossier --db x.sqlite stats`: the top-level help says every command takes --db, and people put it first.
/// swift-argument-parser only knows --db on each subcommand, so a leading --db (or --db=PATH) is moved to the
/// end of the arguments (before a "--" terminator, if any), where the subcommand reads it.
enum LeadingDatabaseOption {
    static func reordered(_ arguments: [String]) -> [String] {
        var rest = arguments
        var moved: [String] = []
        if let first = rest.first, first.hasPrefix("--db=") {
            moved = [rest.removeFirst()]
        } else if rest.count >= 2, rest[0] == "--db" {
            moved = Array(rest.prefix(2))
            rest.removeFirst(2)
        }
        guard !moved.isEmpty, !rest.isEmpty else { return arguments }
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: moved, at: end)
        return rest
    }
}
