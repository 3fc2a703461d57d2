import Foundation
import ZIPFoundation

extension BundleExporter {
    /// The folder `export(to:as:options:force:)` writes, as one zip file holding it under
    /// `folderName`: what `dossier serve` offers for download and `dossier export --all NAME.zip`
    /// writes. The folder is made whole in a scratch place first, so the zip is never partial.
    public func exportZip(
        to output: OutputFile, folderName: String, as format: Format, options: Exporter.Options
    ) throws -> Manifest {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "dossier-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appending(path: folderName)
        let manifest = try export(to: folder.path, as: format, options: options, force: false)
        let zip = scratch.appending(path: "bundle.zip")
        try FileManager.default.zipItem(at: folder, to: zip, shouldKeepParent: true, compressionMethod: .deflate)
        try output.write(contentsOf: zip)
        try output.commit()
        return manifest
    }
}
