/// SQL that a repository runs over and over, such as the insert of a figure: each connection keeps
/// its prepared statement and finds it again by this object's identity, instead of hashing the text
/// on every call, which import does a hundred times per document.
public final class CachedSQL: Sendable {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }
}
