/// The audit log as a hash chain: each event's hash covers the previous event's hash and its own
/// content, so an event deleted, edited or slipped in between breaks every hash after it.
enum EventChain {
    /// The `previous_sha256` of the first event.
    static let origin = String(repeating: "0", count: 64)

    static func hash(previous: String, columns: [(name: String, value: DatabaseValue)]) -> String {
        var digest = RecordDigest(kind: "event")
        digest.table("previous")
        digest.row([(name: "previous_sha256", value: .text(previous))])
        digest.table("events")
        digest.row(columns)
        return digest.finalize()
    }
}
