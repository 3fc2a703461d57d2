import ArgumentParser
import DossierKit

/// Narrowing to documents, shared by `export` and `search`.
struct DocumentFilterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Only documents about this operation (slug).", valueName: "slug"),
        completion: SlugCompletion.of(.operations))
    var operation: String?

    @Option(
        help: ArgumentHelp("Only documents that mention this organisation (slug).", valueName: "slug"),
        completion: SlugCompletion.of(.organisations))
    var organisation: String?

    @Option(help: "Only documents from this publisher.")
    var publisher: String?

    @Option(help: ArgumentHelp("Only documents in this language (ISO 639-1: fr, en…).", valueName: "code"))
    var language: String?

    @Option(help: ArgumentHelp("Published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Published on or before this date.", valueName: "date"))
    var until: String?

    func validate() throws {
        try MetadataOptionRules.refuseLanguage("--language", language)
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, ISODate.validated(value) == nil {
                throw ValidationError("\(name) '\(value)' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
        }
    }

    /// The filter with these options set, everything else left as given.
    func applied(to filter: ExportFilter = ExportFilter()) -> ExportFilter {
        var filter = filter
        filter.operation = operation
        filter.organisation = organisation
        filter.publisher = publisher
        filter.language = language.flatMap(LanguageCode.normalized)
        filter.since = since
        filter.until = until
        return filter
    }
}
