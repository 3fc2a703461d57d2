import Foundation

/// The SHA-256 of rows in a canonical form, so that the same content always gives the same digest
/// and any change to a value, a row's presence or its column gives another.
///
/// Every item is a tag byte, its length as eight little-endian bytes, then its bytes, so no two
/// different sequences of rows encode alike: `("ab", "c")` and `("a", "bc")` differ, and so do the
/// integer 1 and the text "1". Integers and reals are their eight little-endian bytes. Column names
/// are included, so a value moved to another column is a change too. Values are fed to the hash as
/// they are read, without copies: an import seals a hundred facts per document.
struct RecordDigest: ~Copyable {
    private var hasher = StreamingSHA256()
    /// Bytes waiting to be hashed: items are a few bytes each, and each call into the hasher costs
    /// far more than copying them (a tenth of an import's time went to those calls).
    private var pending: [UInt8]
    private static let flushAt = 16 * 1024

    /// `kind` names what the digest covers (a document, a person…), so that equal rows of different
    /// kinds never share a digest.
    init(kind: String) {
        pending = []
        pending.reserveCapacity(Self.flushAt + 64)
        text(tag: .kind, "dossier-record-v1/\(kind)")
    }

    /// Starts the rows of one table.
    mutating func table(_ name: String) {
        text(tag: .table, name)
    }

    /// Names the columns of the rows that follow, once per table: the names, as bytes prepared
    /// once per query, then each row as its values in that order.
    mutating func columns(_ names: [[UInt8]]) {
        header(.columns, length: UInt64(names.count))
        for name in names {
            name.withUnsafeBytes { bytes(tag: .column, $0) }
        }
    }

    /// Starts a row; its values follow, one per column named by `columns`.
    mutating func row() {
        header(.row, length: 0)
    }

    mutating func null() { header(.null, length: 0) }

    mutating func integer(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes(tag: .integer, $0) }
    }

    mutating func real(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes(tag: .real, $0) }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes(tag: .text, UnsafeRawBufferPointer(utf8))
    }

    mutating func blob(_ value: UnsafeRawBufferPointer) {
        bytes(tag: .blob, value)
    }

    /// A whole row of values held in Swift (an event being recorded), encoded exactly as the same
    /// row read from SQLite column by column.
    mutating func row(_ columns: [(name: String, value: DatabaseValue)]) {
        self.columns(columns.map { Array($0.name.utf8) })
        row()
        for (_, value) in columns {
            switch value {
            case .null: null()
            case .integer(let value): integer(value)
            case .real(let value): real(value)
            case .text(var text): text.withUTF8 { self.text($0) }
            case .blob(let data): data.withUnsafeBytes { blob($0) }
            }
        }
    }

    /// The digest; the value is spent after it.
    consuming func finalize() -> String {
        flush()
        return hasher.finalize()
    }

    private enum Tag: UInt8 {
        case kind = 0x4B
        case table = 0x54
        case row = 0x52
        case columns = 0x4C
        case column = 0x43
        case null = 0x4E
        case integer = 0x49
        case real = 0x46
        case text = 0x53
        case blob = 0x42
    }

    private mutating func text(tag: Tag, _ value: String) {
        var value = value
        value.withUTF8 { bytes(tag: tag, UnsafeRawBufferPointer($0)) }
    }

    private mutating func bytes(tag: Tag, _ value: UnsafeRawBufferPointer) {
        header(tag, length: UInt64(value.count))
        if value.count >= Self.flushAt {
            flush()
            hasher.update(value)
        } else {
            pending.append(contentsOf: value)
            if pending.count >= Self.flushAt { flush() }
        }
    }

    private mutating func header(_ tag: Tag, length: UInt64) {
        pending.append(tag.rawValue)
        withUnsafeBytes(of: length.littleEndian) { pending.append(contentsOf: $0) }
    }

    private mutating func flush() {
        pending.withUnsafeBytes { hasher.update($0) }
        pending.removeAll(keepingCapacity: true)
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
