import DossierKit
import Foundation
import Hummingbird
import Logging

/// `dossier serve`: the archive's pages over HTTP, and review decisions taken through the same
/// DossierKit calls as the command line, so `dossier history` shows them with the operator's name.
///
/// Each request opens the archive for itself (SQLite in WAL mode lets imports, checks and backups go
/// on meanwhile). Forms carry a token made when the server starts: a page from another site cannot
/// post a decision to the archive, since it cannot read the token.
public struct ArchiveServer: Sendable {
    public struct Configuration: Sendable {
        public var archivePath: String
        public var host: String
        public var port: Int
        public var operatorName: String

        public init(archivePath: String, host: String, port: Int, operatorName: String) {
            self.archivePath = archivePath
            self.host = host
            self.port = port
            self.operatorName = operatorName
        }
    }

    let configuration: Configuration
    let token: String

    public init(configuration: Configuration) {
        self.configuration = configuration
        token = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns.
    /// `onReady` receives the address once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        let host = configuration.host
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "Dossier"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onReady("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            },
            logger: Self.quietLogger())
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in try page { try $0.overview() } }
        router.get("/documents") { request, _ in
            // A form sent by GET writes spaces as +: read the query as a form, not as bare parameters.
            let query = Self.formValues(request.uri.query ?? "")
            let text: (String) -> String? = { name in
                query[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            }
            let number = text("page").flatMap(Int.init).map { max($0, 1) } ?? 1
            return try page {
                try $0.documents(query: text("q"), publisher: text("publisher"), language: text("language"), page: number)
            }
        }
        router.get("/documents/:id") { _, context in
            guard let id = context.parameters.get("id", as: Int64.self) else { return notFound("No such document.") }
            return try page { try $0.document(id: id) }
        }
        router.get("/review") { _, _ in try page { try $0.reviewQueue() } }
        for kind in ["figures", "quotes"] {
            router.post("/\(kind)/:id/confirm") { request, context in
                try await decide(request, context, kind: kind) { archive, id, _ in
                    if kind == "figures" {
                        try FigureCuration(archive: archive, operatorName: configuration.operatorName).confirm([id])
                    } else {
                        try QuoteCuration(archive: archive, operatorName: configuration.operatorName).confirm([id])
                    }
                }
            }
            router.post("/\(kind)/:id/reject") { request, context in
                try await decide(request, context, kind: kind) { archive, id, form in
                    let reason = form["reason"]?.trimmingCharacters(in: .whitespaces) ?? ""
                    guard !reason.isEmpty else { throw UsageError("a rejection needs a reason") }
                    if kind == "figures" {
                        try FigureCuration(archive: archive, operatorName: configuration.operatorName).reject(id, reason: reason)
                    } else {
                        try QuoteCuration(archive: archive, operatorName: configuration.operatorName).reject(id, reason: reason)
                    }
                }
            }
        }
        return router
    }

    /// Renders a page from the archive opened for reading; a usage error (an unknown id) is a 404.
    func page(_ build: (ArchivePages) throws -> String) throws -> HTMLResponse {
        do {
            let archive = try Archive.open(path: configuration.archivePath, access: .read)
            return HTMLResponse(html: try build(pages(archive)))
        } catch let failure as UsageError {
            return notFound(failure.message)
        }
    }

    var frame: PageLayout { PageLayout(archiveName: (configuration.archivePath as NSString).lastPathComponent) }

    func pages(_ archive: Archive) -> ArchivePages {
        ArchivePages(archive: archive, frame: frame, operatorName: configuration.operatorName, token: token)
    }

    func notFound(_ text: String) -> HTMLResponse {
        HTMLResponse(html: frame.message("Not found", text), status: .notFound)
    }

    /// A decision posted from a page: checks the form's token, applies it, and goes back to the page.
    func decide(
        _ request: Request, _ context: BasicRequestContext, kind: String,
        _ apply: @escaping (Archive, Int64, [String: String]) throws -> Void
    ) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        let form = Self.formValues(String(buffer: buffer))
        guard form["token"] == token else {
            return try HTMLResponse(
                html: frame.message("Refused", "This form did not come from this server's pages; reload the page."),
                status: .forbidden
            ).response(from: request, context: context)
        }
        guard let id = context.parameters.get("id", as: Int64.self) else {
            return try notFound("No such \(kind.dropLast()).").response(from: request, context: context)
        }
        do {
            let archive = try Archive.open(path: configuration.archivePath, access: .write)
            try apply(archive, id, form)
        } catch let failure as UsageError {
            return try HTMLResponse(html: frame.message("Not done", failure.message), status: .badRequest)
                .response(from: request, context: context)
        }
        let back = form["back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        return Response.redirect(to: back, type: .normal)
    }

    /// `application/x-www-form-urlencoded` fields; a repeated name keeps its first value.
    static func formValues(_ body: String) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = body.replacingOccurrences(of: "+", with: "%20")
        var values: [String: String] = [:]
        for item in components.queryItems ?? [] where values[item.name] == nil {
            values[item.name] = item.value ?? ""
        }
        return values
    }

    static func quietLogger() -> Logger {
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .warning
        return logger
    }
}
