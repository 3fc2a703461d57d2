/// FNV-1a over the UTF-8 bytes of a folded word. The tokenizer stores it per token, so lexicon
/// look-ups cost one array probe instead of re-hashing the String with SipHash every time.
enum FoldedHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func of(_ s: String) -> UInt64 {
        var h = seed
        for b in s.utf8 { h = step(h, b) }
        return h
    }
}

/// Open-addressing hash map from folded words to values, probed with a precomputed FNV hash.
/// Read-only after construction; keys compare by String equality only when the hashes agree.
struct FoldedMap<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// Immutable storage behind one reference, so copying a table (e.g. out of `ByLanguage`) is one retain.
    private final class Storage: Sendable {
        let slots: [Int32]
        let hashes: [UInt64]
        let keys: [String]
        let values: [Value]
        let mask: Int

        init(slots: [Int32], hashes: [UInt64], keys: [String], values: [Value], mask: Int) {
            self.slots = slots
            self.hashes = hashes
            self.keys = keys
            self.values = values
            self.mask = mask
        }
    }

    private let storage: Storage

    /// First insertion wins, like building a Set; duplicates are ignored.
    init<S: Sequence>(_ pairs: S) where S.Element == (String, Value) {
        let list = Array(pairs)
        var cap = 8
        while cap < list.count * 2 + 2 { cap *= 2 }
        let mask = cap - 1
        var slots = [Int32](repeating: -1, count: cap)
        var hashes: [UInt64] = []
        var keys: [String] = []
        var values: [Value] = []
        insertion: for (key, value) in list {
            let h = FoldedHash.of(key)
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 {
                let s = Int(slots[i])
                if hashes[s] == h && keys[s] == key { continue insertion }
                i = (i + 1) & mask
            }
            slots[i] = Int32(keys.count)
            hashes.append(h)
            keys.append(key)
            values.append(value)
        }
        storage = Storage(slots: slots, hashes: hashes, keys: keys, values: values, mask: mask)
    }

    init(_ dict: [String: Value]) {
        self.init(dict.map { ($0.key, $0.value) })
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    var count: Int { storage.keys.count }

    var keys: [String] { storage.keys }

    @inline(__always)
    func value(_ key: String, hash h: UInt64) -> Value? {
        let st = storage
        var i = Int(truncatingIfNeeded: h) & st.mask
        while true {
            let s = Int(st.slots[i])
            if s < 0 { return nil }
            if st.hashes[s] == h && st.keys[s] == key { return st.values[s] }
            i = (i + 1) & st.mask
        }
    }

    subscript(_ key: String) -> Value? { value(key, hash: FoldedHash.of(key)) }

    /// False when no key has hash `h`, so no look-up with that hash can succeed.
    @inline(__always)
    func mayContain(hash h: UInt64) -> Bool {
        let st = storage
        var i = Int(truncatingIfNeeded: h) & st.mask
        while true {
            let s = Int(st.slots[i])
            if s < 0 { return false }
            if st.hashes[s] == h { return true }
            i = (i + 1) & st.mask
        }
    }

    /// Looks a token up by its folded form and precomputed hash.
    subscript(token t: Token) -> Value? { value(t.folded, hash: t.foldedHash) }

    /// Looks token `i` of `doc` up in place: per-token scans call this instead of copying the Token (and
    /// retaining its Strings) only to find, usually, no slot with its hash. Inlined, as is `mayContain`:
    /// for such mostly-missing probes the call and its retains cost more than the probe.
    @inline(__always)
    func value(_ doc: TokenizedText, _ i: Int) -> Value? {
        let st = storage
        let h = doc.tokens[i].foldedHash
        var k = Int(truncatingIfNeeded: h) & st.mask
        while true {
            let s = Int(st.slots[k])
            if s < 0 { return nil }
            if st.hashes[s] == h && st.keys[s] == doc.tokens[i].folded { return st.values[s] }
            k = (k + 1) & st.mask
        }
    }
}

/// A set of folded words backed by `FoldedMap`.
struct FoldedSet: Sendable, ExpressibleByArrayLiteral {
    private let map: FoldedMap<Bool>

    init<S: Sequence>(_ words: S) where S.Element == String {
        map = FoldedMap(words.map { ($0, true) })
    }

    init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    var isEmpty: Bool { map.count == 0 }

    var words: [String] { map.keys }

    func contains(_ word: String) -> Bool { map[word] != nil }

    func contains(_ t: Token) -> Bool { map[token: t] != nil }

    @inline(__always)
    func contains(_ doc: TokenizedText, _ i: Int) -> Bool { map.value(doc, i) != nil }

    @inline(__always)
    func mayContain(hash: UInt64) -> Bool { map.mayContain(hash: hash) }
}

/// Per-language tables ("fr", "en"): a linear scan over two entries is cheaper than hashing the key.
struct ByLanguage<Value: Sendable>: Sendable {
    private let entries: [(String, Value)]

    init(_ dict: [String: Value]) {
        entries = dict.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    subscript(_ language: String) -> Value? {
        for (k, v) in entries where k == language { return v }
        return nil
    }
}
