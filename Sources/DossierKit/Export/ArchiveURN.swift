import Foundation

/// Names for things in one archive that stay meaningful outside it: `urn:dossier:<archive file
/// name>:<kind>:<id>`, e.g. `urn:dossier:dossier.sqlite:figure:12`.
///
/// Annotations and citations leave the archive and get mixed with others, so an id alone ("figure
/// 12") is ambiguous; the file name tells which archive to open. It is percent-encoded, so that a
/// name with spaces, colons or accents still makes one valid URN (RFC 8141) and IRI.
public struct ArchiveURN: Sendable, Equatable {
    /// The archive's file name, without its folder, as given.
    public let archiveName: String
    private let encodedName: String

    public init(archivePath: String) {
        archiveName = URL(fileURLWithPath: archivePath).lastPathComponent
        encodedName = Self.percentEncoded(archiveName)
    }

    /// `urn:dossier:<archive>:<kind>:<id>`, e.g. kind `document`, `figure`, `quote`, `mention`.
    public func name(_ kind: String, _ id: Int64) -> String {
        "urn:dossier:\(encodedName):\(kind):\(id)"
    }

    /// RFC 3986's unreserved characters, the only ones kept as they are.
    private static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// Every byte of the UTF-8 but the unreserved characters becomes %XX.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
