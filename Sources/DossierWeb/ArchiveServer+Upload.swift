import DossierKit
import Hummingbird

extension ArchiveServer {
    /// Files sent from the Import page, imported as one batch through the writer. The whole request
    /// is refused before anything is written when it is too large, has too many files or none, or
    /// lacks the form token; a file refused by the import is named on the results page.
    func importUpload(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: UploadLimits.maximumBytes)
        } catch {
            return refusedUpload(
                "The files sent are larger than \(UploadLimits.maximumBytes >> 20) MiB in all: send them in smaller groups, "
                    + "or import them with `dossier import`.", status: .contentTooLarge)
        }
        let form: MultipartFormData
        do {
            form = try MultipartFormData(body: Array(buffer: body), contentType: request.headers[.contentType] ?? "")
        } catch {
            return refusedUpload("Nothing was imported: \(error).", status: .badRequest)
        }
        guard form.text("token") == formToken else { return forgedForm() }
        let files = form.files("files")
        guard !files.isEmpty else { return refusedUpload("Choose one or more files to import.", status: .badRequest) }
        guard files.count <= UploadLimits.maximumFiles else {
            return refusedUpload(
                "\(files.count) files were sent; one import takes at most \(UploadLimits.maximumFiles). "
                    + "Nothing was imported.", status: .badRequest)
        }
        let summary: ImportSummary
        do {
            summary = try await writer.importFiles(files.map { .upload(name: $0.fileName ?? "", bytes: $0.bytes) })
        } catch {
            return failurePage(error, refusal: .badRequest).response()
        }
        return page(request) { $0.importPage(summary) }.response()
    }

    private func refusedUpload(_ text: String, status: HTTPResponse.Status) -> Response {
        HTMLResponse(html: frame.message("Not imported", text), status: status).response()
    }
}
