import DossierKit
import Foundation
import Hummingbird
import Logging

/// `dossier serve`: the archive's pages over HTTP, and review decisions taken through the same
/// DossierKit calls as the command line, so `dossier history` shows them with the operator's name.
///
/// Reads go through a small pool of read-only connections (SQLite in WAL mode lets imports, checks
/// and backups go on meanwhile); decisions and uploads go one at a time through `ArchiveWriter`. Forms carry a token
/// made when the server starts, so a page from another site cannot post a decision; a server
/// reachable beyond this machine also asks for the access token once and keeps it in a cookie.
public struct ArchiveServer: Sendable {
    public struct Configuration: Sendable {
        public var archivePath: String
        public var host: String
        public var port: Int
        public var operatorName: String
        /// Needed by anyone who opens the pages; nil on loopback, where it is not asked for.
        public var accessToken: String?
        public var readOnly: Bool
        /// The language of values and categories on every page; nil follows each browser's.
        public var language: FactWording.Language?
        /// How long a request waits for another process's lock (an import's batch, a restore) before
        /// the page says the archive is busy (503) rather than keep the reader waiting.
        public var busyTimeoutMilliseconds: Int32 = 5_000

        public init(
            archivePath: String, host: String, port: Int, operatorName: String, accessToken: String? = nil,
            readOnly: Bool = false, language: FactWording.Language? = nil
        ) {
            self.language = language
            self.archivePath = archivePath
            self.host = host
            self.port = port
            self.operatorName = operatorName
            self.accessToken = accessToken
            self.readOnly = readOnly
        }
    }

    /// Hosts that only this machine reaches; any other needs an access token.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }

    let configuration: Configuration
    let formToken: String
    let readers: ReadConnectionPool
    let writer: ArchiveWriter

    public init(configuration: Configuration) {
        self.configuration = configuration
        formToken = Self.randomToken()
        readers = ReadConnectionPool(
            path: configuration.archivePath, busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
        writer = ArchiveWriter(
            path: configuration.archivePath, operatorName: configuration.operatorName,
            busyTimeoutMilliseconds: configuration.busyTimeoutMilliseconds)
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests under way and returns.
    /// `onReady` receives the address once the server listens.
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        let host = configuration.host
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "Dossier"),
            onServerRunning: { channel in
                onReady("http://\(host.contains(":") ? "[\(host)]" : host):\(channel.localAddress?.port ?? 0)")
            },
            logger: Self.quietLogger())
        try await app.runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        if let accessToken = configuration.accessToken {
            router.add(middleware: AccessTokenMiddleware(token: accessToken, frame: frame))
        }
        router.get("/static/:file") { _, context in
            guard let name = context.parameters.get("file"), let file = StaticAssets.files[name] else {
                return notFound("No such file.").response()
            }
            return Response(
                status: .ok, headers: [.contentType: file.contentType, .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: file.text)))
        }
        router.get("/") { request, _ in
            let number = FormFields(request.uri.query ?? "").page
            return page(request) { try $0.overview(page: number) }
        }
        router.get("/documents") { request, _ in
            // A form sent by GET writes spaces as +: read the query as a form, not as bare parameters.
            let query = FormFields(request.uri.query ?? "")
            let number = query.page
            let documentQuery = ArchivePages.DocumentQuery(
                text: query.text("q"), publisher: query.text("publisher"), language: query.text("language"),
                operation: query.text("operation"), since: query.text("since"), until: query.text("until"),
                review: query.text("review"))
            return page(request) { try $0.documents(documentQuery, page: number) }
        }
        router.get("/documents/:id") { request, context in
            guard let id = context.parameters.get("id", as: Int64.self) else { return notFound("No such document.") }
            return page(request) { try $0.document(id: id) }
        }
        router.get("/review") { request, _ in page(request) { try $0.reviewQueue() } }
        router.get("/operations") { request, _ in
            page(request) { pages in
                try pages.entities("Operations", path: "operations", pages.archive.operations.list().map { ($0.slug, $0.name) })
            }
        }
        router.get("/organisations") { request, _ in
            page(request) { pages in
                try pages.entities(
                    "Organisations", path: "organisations", pages.archive.organisations.names().map { ($0.slug, $0.name) })
            }
        }
        router.get("/people") { request, _ in
            page(request) { pages in
                try pages.entities("People", path: "people", pages.archive.people.names().map { ($0.slug, $0.name) })
            }
        }
        router.get("/operations/:slug") { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return page(request) {
                try $0.report($0.reports.operation(slug: slug), current: "Operations")
            }
        }
        router.get("/organisations/:slug") { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return page(request) {
                try $0.report(
                    $0.reports.organisation(slug: slug), current: "Organisations",
                    mergeable: ("organisations", slug))
            }
        }
        router.get("/people/:slug") { request, context in
            let slug = context.parameters.get("slug") ?? ""
            return page(request) {
                try $0.report(
                    $0.reports.person(slug: slug), current: "People", mergeable: ("people", slug))
            }
        }
        router.get("/conflicts") { request, _ in
            page(request) { try $0.report($0.reports.conflicts(), current: "Conflicts") }
        }
        router.get("/downloads") { request, _ in page(request) { $0.downloads() } }
        router.get("/downloads/:file") { request, context in download(context.parameters.get("file") ?? "", for: request) }
        if !configuration.readOnly { addDecisions(to: router) }
        return router
    }

    /// The routes that change the archive, and the Import page: none of them exists with --read-only.
    func addDecisions(to router: Router<BasicRequestContext>) {
        for kind in ["figures", "quotes"] {
            router.post("/\(kind)/:id/confirm") { request, context in
                try await decide(request, context, id: kind) { decisions, id, form in
                    try decisions.confirm(kind, id, expecting: form.status("expected"))
                }
            }
            router.post("/\(kind)/:id/reject") { request, context in
                try await decide(request, context, id: kind) { decisions, id, form in
                    guard let reason = form.text("reason") else { throw UsageError("a rejection needs a reason") }
                    try decisions.reject(kind, id, reason: reason, expecting: form.status("expected"))
                }
            }
            router.post("/documents/:id/\(kind)") { request, context in
                try await decide(request, context, id: "document") { decisions, id, form in
                    try decisions.add(kind, documentID: id, form)
                }
            }
        }
        router.post("/figures/:id/correct") { request, context in
            try await decide(request, context, id: "figures") { decisions, id, form in try decisions.correctFigure(id, form) }
        }
        router.post("/quotes/:id/speaker") { request, context in
            try await decide(request, context, id: "quotes") { decisions, id, form in try decisions.attributeQuote(id, form) }
        }
        router.get("/import") { request, _ in page(request) { $0.importPage(nil) } }
        router.post("/import") { request, _ in try await importUpload(request) }
        router.post("/undo") { request, _ in
            try await decide(request) { decisions, _ in "/documents/\(try decisions.undo().documentID)" }
        }
        for path in ["people", "organisations"] {
            router.post("/\(path)/:slug/merge") { request, context in
                let source = context.parameters.get("slug") ?? ""
                return try await decide(request) { decisions, form in
                    "/\(path)/\(try decisions.merge(path, source, form))"
                }
            }
        }
    }

    /// Renders a page from the archive opened for reading: an unknown id is a 404, a locked archive
    /// a 503 with a hint to retry, and nothing a request does crashes the server.
    func page(_ request: Request, _ build: (ArchivePages) throws -> String) -> HTMLResponse {
        do {
            return HTMLResponse(html: try readers.withArchive { try build(pages($0, wording: wording(for: request))) })
        } catch {
            return failurePage(error)
        }
    }

    /// `refusal` is what a usage error means here: an unknown id on a page (404), a request that
    /// cannot be done as asked for a decision (400).
    func failurePage(_ error: any Error, refusal: HTTPResponse.Status = .notFound) -> HTMLResponse {
        switch error {
        case let failure as UsageError:
            return HTMLResponse(
                html: frame.message(refusal == .notFound ? "Not found" : "Not done", failure.message), status: refusal)
        case let conflict as DecisionConflict:
            return HTMLResponse(html: frame.message("Decided meanwhile", conflict.description), status: .conflict)
        case let error as DatabaseError where error.resultCode == 5 || error.resultCode == 6:
            var busy = HTMLResponse(
                html: frame.message(
                    "Busy", "The archive is locked by another process (an import, a backup); try again in a few seconds."),
                status: .serviceUnavailable)
            busy.retryAfterSeconds = 5
            return busy
        default:
            return HTMLResponse(html: frame.message("Something went wrong", "\(error)"), status: .internalServerError)
        }
    }

    var frame: PageLayout {
        PageLayout(archiveName: (configuration.archivePath as NSString).lastPathComponent, canImport: !configuration.readOnly)
    }

    func pages(_ archive: Archive, wording: FactWording) -> ArchivePages {
        ArchivePages(
            archive: archive, frame: frame, operatorName: configuration.operatorName, token: formToken,
            writable: !configuration.readOnly, wording: wording)
    }

    /// Values and categories in the language --lang chose, else the browser's (`Accept-Language`).
    func wording(for request: Request) -> FactWording {
        FactWording(configuration.language ?? FactWording.Language(acceptLanguage: request.headers[.acceptLanguage]))
    }

    func notFound(_ text: String) -> HTMLResponse {
        HTMLResponse(html: frame.message("Not found", text), status: .notFound)
    }

    /// A decision on the fact or document whose id is in the route (`id` names it for a 404).
    func decide(
        _ request: Request, _ context: BasicRequestContext, id name: String,
        _ apply: @escaping @Sendable (ReviewDecisions, Int64, FormFields) throws -> Void
    ) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            return notFound("No such \(name.hasSuffix("s") ? String(name.dropLast()) : name).").response()
        }
        return try await decide(request) { decisions, form in
            try apply(decisions, id, form)
            return nil
        }
    }

    /// A decision posted from a page: checks the form's token, applies it through the writer, and
    /// goes where the decision says (a merged person's page, the undone fact's document) or back to
    /// the page it came from.
    func decide(
        _ request: Request, _ apply: @escaping @Sendable (ReviewDecisions, FormFields) throws -> String?
    ) async throws -> Response {
        let form = FormFields(String(buffer: try await request.body.collect(upTo: 64 * 1024)))
        guard form.text("token") == formToken else { return forgedForm() }
        let destination: String?
        do {
            destination = try await writer.perform { try apply($0, form) }
        } catch {
            return failurePage(error, refusal: .badRequest).response()
        }
        let back = form.text("back").flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        return Response.redirect(to: destination ?? back, type: .normal)
    }

    /// The answer to a form without this server's token: a page of another site posting here.
    func forgedForm() -> Response {
        HTMLResponse(
            html: frame.message("Refused", "This form did not come from this server's pages; reload the page."),
            status: .forbidden
        ).response()
    }

    static func randomToken() -> String {
        (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined()
    }

    static func quietLogger() -> Logger {
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .warning
        return logger
    }
}
