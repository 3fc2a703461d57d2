/// A decision taken on a fact that someone else decided on in the meantime: the page it was taken
/// from showed the fact as `expected`, the archive now holds `found`. Nothing is changed; whoever
/// decided second reloads and sees the first decision.
public struct DecisionConflict: DossierFailure, Equatable {
    public let kind: String
    public let id: Int64
    public let expected: FactStatus
    public let found: FactStatus

    public var exitCode: Int32 { 1 }

    public var description: String {
        "\(kind) \(id) is \(found.rawValue) now, no longer \(expected.rawValue): someone decided on it meanwhile; "
            + "reload to see that decision (`dossier history \(kind) \(id)`)"
    }

    /// Throws when a decision expected the fact at `expected` and it is at `found`.
    static func check(_ kind: String, _ id: Int64, expected: FactStatus?, found: FactStatus) throws {
        if let expected, expected != found {
            throw DecisionConflict(kind: kind, id: id, expected: expected, found: found)
        }
    }
}
