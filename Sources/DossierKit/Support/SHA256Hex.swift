import Foundation
import OpenSSLCrypto

/// Lower-case hexadecimal SHA-256, the form every hash in the archive is stored in.
///
/// OpenSSL's libcrypto computes it (Debian's libssl-dev, like SQLite through a system library):
/// it uses the CPU's SHA extensions where present and costs a first build nothing to compile.
public enum SHA256Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func of<D: DataProtocol>(_ data: D) -> String {
        var hasher = StreamingSHA256()
        for region in data.regions {
            region.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize()
    }

    public static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// Hex-encodes through a lookup table: `String(format:)` per byte is slow enough to halve a
    /// read-and-hash loop.
    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var characters: [UInt8] = []
        characters.reserveCapacity(64)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}

/// SHA-256 over data that arrives in pieces (an export being written, a file being read).
///
/// Not copyable: it owns an OpenSSL digest context, which two copies would otherwise share.
public struct StreamingSHA256: ~Copyable {
    /// Fetched once: `EVP_sha256()` would make OpenSSL 3 look the algorithm up on every hash.
    nonisolated(unsafe) private static let sha256: OpaquePointer = {
        guard let algorithm = EVP_MD_fetch(nil, "SHA256", nil) else {
            fatalError("OpenSSL's libcrypto offers no SHA-256; Dossier cannot hash without it")
        }
        return algorithm
    }()

    private let context: OpaquePointer

    public init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, Self.sha256, nil) == 1 else {
            fatalError("OpenSSL could not start a SHA-256 digest (out of memory)")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        guard EVP_DigestUpdate(context, base, bytes.count) == 1 else {
            fatalError("OpenSSL failed to hash \(bytes.count) bytes")
        }
    }

    /// The digest in lower-case hexadecimal; the hasher is spent after it.
    public consuming func finalize() -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &digest, &length) == 1 else {
            fatalError("OpenSSL failed to finish a SHA-256 digest")
        }
        return SHA256Hex.hex(digest.prefix(Int(length)))
    }
}
