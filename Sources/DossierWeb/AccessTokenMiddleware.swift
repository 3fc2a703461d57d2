import DossierKit
import Foundation
import Hummingbird

/// For a server reachable beyond this machine: every request needs the access token, given once on
/// the sign-in page and then kept in an HttpOnly, SameSite=Strict cookie that scripts cannot read
/// and other sites cannot send.
struct AccessTokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let token: String
    let frame: PageLayout
    static let cookieName = "dossier_access"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if request.uri.path == "/login" {
            if request.method == .post {
                let form = FormFields(String(buffer: try await request.body.collect(upTo: 4 * 1024)))
                guard Self.same(form.text("token"), token) else { return signIn(refused: true, request: request) }
                var response = Response.redirect(to: "/", type: .normal)
                response.headers[.setCookie] =
                    "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
                return response
            }
            return signIn(refused: false, request: request)
        }
        guard Self.same(cookie(request), token) else {
            if request.uri.path.hasPrefix("/static/") { return try await next(request, context) }
            return Response.redirect(to: "/login", type: .normal)
        }
        return try await next(request, context)
    }

    func cookie(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == Self.cookieName { return String(parts[1]) }
            }
        }
        return nil
    }

    /// The sign-in page, in the browser's language (no --lang reaches a visitor not yet signed in).
    func signIn(refused: Bool, request: Request) -> Response {
        let words = PageWording(FactWording.Language(acceptLanguage: request.headers[.acceptLanguage]))
        return HTMLResponse(
            html: frame.page(
                words["signIn"], current: "",
                content: PageTemplates.render("login", ["refused": refused, "t": words.table]), words: words),
            status: refused ? .forbidden : .unauthorized
        ).response()
    }

    /// Compares in time that does not depend on where the strings differ.
    static func same(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
