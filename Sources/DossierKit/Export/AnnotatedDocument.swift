/// The document an annotation points into: its id, URL and body by code point, loaded once for
/// all its facts.
struct AnnotatedDocument {
    let id: Int64
    let url: String?
    let text: CodePointText
}
