/// How one run of `dossier import` behaves.
public struct ImportOptions: Sendable {
    /// Metadata given on the command line; it wins over front matter and inference.
    public var metadata: DocumentMetadata
    public var encoding: SourceDecoder.LegacyEncoding?
    public var maximumBytes: Int
    public var followSymlinks: Bool
    public var dryRun: Bool
    public var operatorName: String
    /// Documents per transaction: a crash loses at most this many, and never part of one.
    /// The default of 1,000 wrote about half as many pages as 100 (each commit rewrites the index
    /// pages it shares with the last one) and imported 10,000 documents 7–12 % faster (BENCHMARKS.md);
    /// a commit then holds the write lock for about a second.
    public var batchSize: Int
    /// Keep every file's result in the summary (for JSON output); off for large runs that only need counts.
    public var collectResults: Bool

    public static let defaultMaximumBytes = 10 * 1024 * 1024
    public static let defaultBatchSize = 1_000

    public init(
        metadata: DocumentMetadata = DocumentMetadata(), encoding: SourceDecoder.LegacyEncoding? = nil,
        maximumBytes: Int = defaultMaximumBytes, followSymlinks: Bool = false, dryRun: Bool = false,
        operatorName: String, batchSize: Int = defaultBatchSize, collectResults: Bool = true
    ) {
        self.collectResults = collectResults
        self.metadata = metadata
        self.encoding = encoding
        self.maximumBytes = maximumBytes
        self.followSymlinks = followSymlinks
        self.dryRun = dryRun
        self.operatorName = operatorName
        self.batchSize = batchSize
    }
}
