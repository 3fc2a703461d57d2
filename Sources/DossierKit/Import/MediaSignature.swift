/// Recognises media and archive files by their first bytes, so they are refused before decoding.
enum MediaSignature {
    private static let prefixes: [(bytes: [UInt8], name: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF87a".utf8), "a GIF image"),
        (Array("GIF89a".utf8), "a GIF image"),
        (Array("%PDF-".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x50, 0x4B, 0x05, 0x06], "an empty ZIP archive"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        (Array("Rar!".utf8) + [0x1A, 0x07], "a RAR archive"),
        ([0x42, 0x5A, 0x68], "a bzip2 archive"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz archive"),
        ([0x49, 0x49, 0x2A, 0x00], "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF image"),
        ([0x1A, 0x45, 0xDF, 0xA3], "a Matroska/WebM video"),
        (Array("OggS".utf8), "an Ogg media file"),
        (Array("ID3".utf8), "an MP3 audio file"),
        (Array("fLaC".utf8), "a FLAC audio file"),
        ([0x00, 0x00, 0x01, 0xBA], "an MPEG video"),
        ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an old Office document"),
        (Array("SQLite format 3".utf8), "an SQLite database"),
    ]

    /// A human description of the media type, or nil when the bytes do not start like a known one.
    static func match(_ bytes: [UInt8]) -> String? {
        for signature in prefixes where bytes.starts(with: signature.bytes) {
            return signature.name
        }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)) {
            switch String(decoding: bytes[8..<12], as: UTF8.self) {
            case "WEBP": return "a WebP image"
            case "WAVE": return "a WAV audio file"
            case "AVI ": return "an AVI video"
            default: return "a RIFF media file"
            }
        }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) {
            return "an MP4/QuickTime video or HEIF image"
        }
        return nil
    }
}
