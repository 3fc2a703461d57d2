/// A form a browser sent as `multipart/form-data` (RFC 7578): its text fields and its files.
///
/// Read by the same bounded MIME parser as e-mail (`MIMEMessage`), which takes bodies as bytes, so
/// a PDF arrives exactly as it was on the sender's disk, and a hostile form meets the same limits
/// on parts, nesting and size as a hostile message.
public struct MultipartFormData: Sendable {
    public struct Field: Sendable {
        public let name: String
        /// The name of the file sent in this field, without any folder; nil for a text field.
        public let fileName: String?
        public let bytes: [UInt8]
    }

    /// Why a body is not a form this reader takes.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public let fields: [Field]

    /// `contentType` is the request's `Content-Type` header, which carries the boundary.
    public init(body: [UInt8], contentType: String) throws(Refusal) {
        let type = MIMEMessage.parseContentType(contentType)
        guard type.mediaType == "multipart/form-data", let boundary = type.parameters["boundary"], !boundary.isEmpty else {
            throw Refusal(description: "the form was not sent as multipart/form-data with a boundary")
        }
        let message: MIMEMessage
        do {
            message = try MIMEMessage(Array("Content-Type: multipart/form-data; boundary=\"\(boundary)\"\r\n\r\n".utf8) + body)
        } catch {
            throw Refusal(description: "the form \(error.reason.replacingOccurrences(of: "messages", with: "forms"))")
        }
        fields = message.root.parts.compactMap { part in
            guard let disposition = part.header("Content-Disposition").map(MIMEMessage.parseParameters),
                disposition.value.lowercased() == "form-data", let name = disposition.parameters["name"]
            else { return nil }
            return Field(name: name, fileName: part.fileName.map(Self.withoutFolder), bytes: part.content)
        }
    }

    /// The first text field of that name, as UTF-8.
    public func text(_ name: String) -> String? {
        fields.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// The files sent in fields of that name; a file input left empty sends a file without a name,
    /// which is not a file.
    public func files(_ name: String) -> [Field] {
        fields.filter { $0.name == name && !($0.fileName ?? "").isEmpty }
    }

    /// Some browsers send the whole path the file was chosen from (`C:\Users\…\note.txt`).
    static func withoutFolder(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }
}
