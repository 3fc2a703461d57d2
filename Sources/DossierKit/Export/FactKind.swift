/// The three kinds of fact an annotation export carries, each with the export table it streams
/// from and the columns its annotation needs.
enum FactKind: String, CaseIterable {
    case figure, quote, mention

    var table: ExportTable {
        switch self {
        case .figure: .figures
        case .quote: .quotes
        case .mention: .mentions
        }
    }

    var columns: [String] {
        let common = ["id", "document_id", "char_start", "char_end", "status"]
        switch self {
        case .figure: return common + ["value", "value_max", "unit", "approximate", "bound", "counts", "category", "operation"]
        case .quote: return common + ["text", "speaker", "speaker_kind"]
        case .mention: return common + ["entity_type", "entity_slug", "entity_name"]
        }
    }

    /// The W3C motivation: a figure or a quote says something about its text ("describing"); a
    /// mention tags its text with the entity it names ("tagging").
    var motivation: String {
        self == .mention ? "tagging" : "describing"
    }

    /// The body's type in Dossier's vocabulary, e.g. `dossier:Figure`.
    var bodyType: String {
        "dossier:" + rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }
}
