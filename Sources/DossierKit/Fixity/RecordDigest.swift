import Crypto
import Foundation

/// The SHA-256 of rows in a canonical form, so that the same content always gives the same digest
/// and any change to a value, a row's presence or its column gives another.
///
/// Every value is written with its storage class and its length, so no two different sequences of
/// rows encode to the same bytes: `("ab", "c")` and `("a", "bc")` differ, and so do the integer 1
/// and the text "1". Column names are included, so a value moved to another column is a change too.
struct RecordDigest {
    private var hasher = SHA256()

    /// `kind` names what the digest covers (a document, a person…), so that equal rows of different
    /// kinds never share a digest.
    init(kind: String) {
        append(tag: "K", "dossier-record-v1/\(kind)")
    }

    /// Starts the rows of one table.
    mutating func table(_ name: String) {
        append(tag: "T", name)
    }

    /// Adds one row, its columns in the order given.
    mutating func row(_ columns: [(name: String, value: DatabaseValue)]) {
        append(tag: "R", String(columns.count))
        for (name, value) in columns {
            append(tag: "C", name)
            switch value {
            case .null: append(tag: "N", "")
            case .integer(let integer): append(tag: "I", String(integer))
            // Swift prints the shortest text that reads back as the same Double.
            case .real(let real): append(tag: "F", String(real))
            case .text(let text): append(tag: "S", text)
            case .blob(let data): appendBytes(tag: "B", Array(data))
            }
        }
    }

    func finalize() -> String {
        SHA256Hex.hex(hasher.finalize())
    }

    private mutating func append(tag: Character, _ text: String) {
        appendBytes(tag: tag, Array(text.utf8))
    }

    private mutating func appendBytes(tag: Character, _ bytes: [UInt8]) {
        hasher.update(data: Array("\(tag)\(bytes.count):".utf8))
        hasher.update(data: bytes)
    }
}

/// The sum of many digests modulo 2^256: the same whatever the order they are added in, and
/// changed by adding, removing or altering any one of them. `archive_seal` keeps one per sealed
/// table, updated as rows change, so that a deleted row is found even though its own digest went
/// with it.
struct DigestSum: Equatable {
    /// Four 64-bit limbs, least significant first.
    private(set) var limbs: [UInt64] = [0, 0, 0, 0]

    static let zero = DigestSum()

    init() {}

    /// Nil when `hex` is not 64 hexadecimal digits.
    init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 64 else { return nil }
        for limb in 0..<4 {
            let start = (3 - limb) * 16
            guard let value = UInt64(String(decoding: bytes[start..<start + 16], as: UTF8.self), radix: 16) else {
                return nil
            }
            limbs[limb] = value
        }
    }

    var hex: String {
        limbs.reversed().map { String($0, radix: 16).leftPadded(to: 16) }.joined()
    }

    mutating func add(_ digest: String) {
        guard let other = DigestSum(hex: digest) else { return }
        var carry: UInt64 = 0
        for limb in 0..<4 {
            let (partial, overflow1) = limbs[limb].addingReportingOverflow(other.limbs[limb])
            let (sum, overflow2) = partial.addingReportingOverflow(carry)
            limbs[limb] = sum
            carry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
        }
    }

    mutating func subtract(_ digest: String) {
        guard let other = DigestSum(hex: digest) else { return }
        var borrow: UInt64 = 0
        for limb in 0..<4 {
            let (partial, underflow1) = limbs[limb].subtractingReportingOverflow(other.limbs[limb])
            let (difference, underflow2) = partial.subtractingReportingOverflow(borrow)
            limbs[limb] = difference
            borrow = (underflow1 ? 1 : 0) + (underflow2 ? 1 : 0)
        }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
