/// Direction of an explicit bound ("more than", "up to") attached to a figure.
public enum FigureBound: String, Sendable, Codable {
    case atLeast = "at_least"
    case atMost = "at_most"
}

/// A number that counts something in the real world, with its qualifier and counted noun,
/// kept as a span so that the archive can show the figure in context.
public struct ExtractedFigure: Sendable, Hashable, Codable {
    public var span: TextSpan
    public var value: Double
    public var valueMax: Double?
    public var unit: String
    public var approximate: Bool
    public var bound: FigureBound?
    public var counts: String?
    public var category: String?
    /// Slug of the operation named in the figure's paragraph, when the document names several: figures are not
    /// credited to every operation their source mentions.
    public var operation: String?

    public init(
        span: TextSpan, value: Double, valueMax: Double? = nil, unit: String, approximate: Bool,
        bound: FigureBound?, counts: String?, category: String?, operation: String? = nil
    ) {
        self.span = span
        self.value = value
        self.valueMax = valueMax
        self.unit = unit
        self.approximate = approximate
        self.bound = bound
        self.counts = counts
        self.category = category
        self.operation = operation
    }
}
