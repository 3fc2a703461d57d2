import DossierKit
import Testing

@Suite("Multipart form data")
struct MultipartFormDataTests {
    static let boundary = "----dossier7MA4YWxk"

    static func body(_ parts: [(headers: String, content: [UInt8])]) -> [UInt8] {
        var bytes: [UInt8] = []
        for part in parts {
            bytes += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8) + part.content + Array("\r\n".utf8)
        }
        return bytes + Array("--\(boundary)--\r\n".utf8)
    }

    @Test("files keep their bytes exactly, line breaks and all; names lose their folders; text fields read as UTF-8")
    func fields() throws {
        let binary: [UInt8] = Array("%PDF-1.4\r\n".utf8) + [0, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D] + Array("\r\n\r\n".utf8)
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"token\"", Array("abc é".utf8)),
            (
                "Content-Disposition: form-data; name=\"files\"; filename=\"C:\\\\Users\\\\ana\\\\scan.pdf\"\r\nContent-Type: application/pdf",
                binary
            ),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"communiqué.txt\"", Array("Texte\n".utf8)),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"\"", []),
        ])
        let form = try MultipartFormData(body: body, contentType: "multipart/form-data; boundary=\(Self.boundary)")
        #expect(form.text("token") == "abc é")
        let files = form.files("files")
        #expect(files.map(\.fileName) == ["scan.pdf", "communiqué.txt"])
        #expect(files.first?.bytes == binary)
        #expect(form.text("missing") == nil)
    }

    @Test("a body that is not multipart/form-data, or has no boundary, is refused")
    func refusals() {
        #expect(throws: MultipartFormData.Refusal.self) {
            try MultipartFormData(body: Array("token=1".utf8), contentType: "application/x-www-form-urlencoded")
        }
        #expect(throws: MultipartFormData.Refusal.self) {
            try MultipartFormData(body: [], contentType: "multipart/form-data")
        }
    }

    @Test("more parts than the MIME reader's limit are refused as a whole")
    func tooManyParts() {
        let parts = (0..<250).map { ("Content-Disposition: form-data; name=\"f\($0)\"", Array("x".utf8)) }
        #expect(throws: MultipartFormData.Refusal.self) {
            try MultipartFormData(body: Self.body(parts), contentType: "multipart/form-data; boundary=\(Self.boundary)")
        }
    }
}
