import DossierKit
import Foundation
import Hummingbird

extension ArchiveServer {
    /// A table as CSV, the whole archive as `export --all` writes it (zipped), or a report as HTML,
    /// as the command line writes them. Names come from fixed lists, never from the file system.
    func download(_ file: String, for request: Request) -> Response {
        do {
            return try readers.withArchive { archive in
                if file.hasSuffix(".csv"), let table = ExportTable(rawValue: String(file.dropLast(4))) {
                    return try Self.streamed(file, contentType: "text/csv; charset=utf-8") { output in
                        try Exporter(archive: archive).export(table, options: Exporter.Options()) { try output.write($0) }
                        try output.commit()
                    }
                }
                if file == Self.bundleFile {
                    let folder = "\(frame.archiveStem)-\(Timestamp.now().prefix(10))"
                    return try Self.streamed("\(folder).zip", contentType: "application/zip") { output in
                        _ = try BundleExporter(archive: archive).exportZip(
                            to: output, folderName: folder, as: .csv, options: Exporter.Options())
                    }
                }
                let builder = ReportBuilder(archive: archive, language: wording(for: request).language)
                guard let report = try Self.report(named: file, from: builder) else {
                    return notFound("No such download.").response()
                }
                return Response(
                    status: .ok, headers: Self.downloadHeaders(file, contentType: "text/html; charset=utf-8"),
                    body: .init(byteBuffer: ByteBuffer(string: HTMLReportRenderer().render(report))))
            }
        } catch {
            return failurePage(error).response()
        }
    }

    /// The route of the whole archive as one zip.
    static let bundleFile = "archive.zip"

    static func report(named file: String, from builder: ReportBuilder) throws -> Report? {
        switch file {
        case "report-overview.html": return try builder.overview()
        case "report-sources.html": return try builder.sources()
        case "report-conflicts.html": return try builder.conflicts()
        default: return nil
        }
    }

    static func downloadHeaders(_ name: String, contentType: String) -> HTTPFields {
        [.contentType: contentType, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"]
    }

    /// A download written whole to a temporary file, then sent from it in small pieces: the server's
    /// memory stays flat however large the export, and an export that fails is an error page, never
    /// a download cut short. The file's name is removed at once; the open handle keeps its bytes
    /// until the response is sent.
    static func streamed(_ name: String, contentType: String, write: (OutputFile) throws -> Void) throws -> Response {
        let path = FileManager.default.temporaryDirectory.appending(path: "dossier-download-\(UUID().uuidString)").path
        try write(try OutputFile(path: path))
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        unlink(path)
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        return Response(
            status: .ok, headers: downloadHeaders(name, contentType: contentType),
            body: ResponseBody(contentLength: size) { writer in
                defer { try? handle.close() }
                while let data = try handle.read(upToCount: 1 << 16), !data.isEmpty {
                    try await writer.write(ByteBuffer(bytes: data))
                }
                try await writer.finish(nil)
            })
    }
}
