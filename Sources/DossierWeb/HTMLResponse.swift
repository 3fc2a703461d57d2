import Hummingbird

/// A page of HTML as a response, UTF-8 and never cached (the archive changes under it), under a
/// Content-Security-Policy that lets the page load only this server's own stylesheet and script.
struct HTMLResponse: ResponseGenerator {
    let html: String
    var status: HTTPResponse.Status = .ok
    /// For a 503: when to try again.
    var retryAfterSeconds: Int?
    var extraHeaders: HTTPFields = [:]

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    func response() -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .contentSecurityPolicy: Self.contentSecurityPolicy, .xContentTypeOptions: "nosniff",
        ]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        headers.append(contentsOf: extraHeaders)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
