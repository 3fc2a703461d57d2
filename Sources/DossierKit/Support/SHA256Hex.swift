import Crypto
import Foundation

/// Lower-case hexadecimal SHA-256, the form every hash in the archive is stored in.
public enum SHA256Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func of<D: DataProtocol>(_ data: D) -> String {
        hex(SHA256.hash(data: data))
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
public struct StreamingSHA256 {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: [UInt8]) {
        hasher.update(data: bytes)
    }

    public mutating func finalize() -> String {
        SHA256Hex.hex(hasher.finalize())
    }
}
