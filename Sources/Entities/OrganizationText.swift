import VietnameseText

// Word-level reading of normalised UTF-8 for the organisation and person recognisers: a word is a
// run of letters (or a run of digits), read once into a hash of its lowercased scalars plus the
// few facts the rules ask about (capitalised? all capitals? Vietnamese-only letters?). Phrases
// from the data files ("Bệnh viện", "Phó Giám đốc") are sequences of such hashes, so matching
// them costs a dictionary look-up per capitalised word and never builds a String.

/// One word of the text: a run of letters, or a run of digits.
struct NameWord: Sendable {
    var start: Int
    var end: Int
    /// FNV-1a over the lowercased scalars (digits as themselves): the same for "Bộ", "bộ", "BỘ".
    var hash: UInt64
    var letters: Int
    var uppers: Int
    var isNumber: Bool
    var firstUpper: Bool
    /// Has a letter only Vietnamese uses (ă â đ ê ô ơ ư ĩ ũ or a letter of U+1EA0...U+1EF9).
    var marked: Bool

    /// Starts with a capital letter ("Bộ", "WHO", "A").
    var isCapitalized: Bool { firstUpper }
    /// Two or more letters, all capitals ("WHO", "UBND").
    var isAllCaps: Bool { letters >= 2 && uppers == letters }
    /// A lowercase word (not a number).
    var isLower: Bool { !isNumber && !firstUpper }
    /// A capital then lowercase letters only ("Lan"), or one capital ("A").
    var isTitleCase: Bool { firstUpper && uppers == 1 }
}

/// What separates a word from the next one.
struct NameGap: Sendable {
    enum Kind: Sendable { case space, dash, comma, amp, slash, period, ellipsis, newline, open, colon, end, other }
    var kind: Kind
    /// No space on either side of the separator ("Phong-Da", "GS.TS", "09Bộ").
    var tight: Bool
    /// Where scanning goes on: the next word's start for joining separators.
    var next: Int
}

enum NameText {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func mix(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* prime }

    /// Lowercase of the letters Vietnamese and its neighbours use (Latin-1, Latin Extended-A,
    /// ơ ư, Latin Extended Additional); other scalars are returned unchanged.
    @inline(__always)
    static func lower(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }
        if v < 0x100 { return (v >= 0xC0 && v <= 0xDE && v != 0xD7) ? v + 0x20 : v }
        if v < 0x180 {
            if (v <= 0x137) || (v >= 0x14A && v <= 0x177) { return v & 1 == 0 ? v + 1 : v }
            if (v >= 0x139 && v <= 0x148) || (v >= 0x179 && v <= 0x17E) { return v & 1 == 1 ? v + 1 : v }
            return v
        }
        if v == 0x1A0 || v == 0x1AF { return v + 1 }
        if (v >= 0x1E00 && v <= 0x1E95) || (v >= 0x1EA0 && v <= 0x1EFF) { return v & 1 == 0 ? v + 1 : v }
        return v
    }

    @inline(__always) static func isUpper(_ v: UInt32) -> Bool { lower(v) != v }

    /// Letters only Vietnamese writes (ă â đ ê ô ơ ư ĩ ũ and the tone letters of U+1EA0...U+1EF9).
    @inline(__always)
    static func isVietnameseMark(_ v: UInt32) -> Bool {
        if v >= 0x1EA0 && v <= 0x1EF9 { return true }
        switch v {
        case 0xC2, 0xE2, 0xCA, 0xEA, 0xD4, 0xF4, 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0:
            return true
        default:
            return false
        }
    }

    /// The word starting at `i` (letters, or digits), or nil when neither starts there.
    @inline(__always)
    static func word(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> NameWord? {
        guard let (v0, _) = UTF8Text.scalar(p, at: i) else { return nil }
        var w = NameWord(start: i, end: i, hash: basis, letters: 0, uppers: 0, isNumber: false, firstUpper: false, marked: false)
        if v0 >= 0x30 && v0 <= 0x39 {
            var j = i
            while j < p.count && UTF8Text.isDigit(p[j]) { w.hash = mix(w.hash, UInt32(p[j])); j += 1 }
            w.end = j
            w.isNumber = true
            return w
        }
        guard UTF8Text.isLetter(v0) else { return nil }
        w.firstUpper = isUpper(v0)
        var j = i
        while let (v, n) = UTF8Text.scalar(p, at: j), UTF8Text.isLetter(v) {
            let l = lower(v)
            if l != v { w.uppers += 1 }
            if v >= 0xC0 && !w.marked && isVietnameseMark(v) { w.marked = true }
            w.hash = mix(w.hash, l)
            w.letters += 1
            j += n
        }
        w.end = j
        return w
    }

    /// The separator after offset `e` (the end of a word) and where the next word would start.
    static func gap(_ p: UnsafeBufferPointer<UInt8>, after e: Int) -> NameGap {
        let n = p.count
        var j = e
        while j < n && (p[j] == 0x20 || p[j] == 0x09) { j += 1 }
        let spacedBefore = j > e
        guard j < n else { return NameGap(kind: .end, tight: false, next: j) }
        let b = p[j]
        if b == 0x0A || b == 0x0D { return NameGap(kind: .newline, tight: false, next: j) }
        guard let (v, len) = UTF8Text.scalar(p, at: j) else { return NameGap(kind: .other, tight: false, next: j) }
        if UTF8Text.isLetterOrDigit(v) { return NameGap(kind: .space, tight: !spacedBefore, next: j) }
        var kind: NameGap.Kind
        var k = j + len
        switch v {
        case 0x2D, 0x2013, 0x2014: kind = .dash
        case 0x2C: kind = .comma
        case 0x26: kind = .amp
        case 0x2F: kind = .slash
        case 0x3A: kind = .colon
        case 0x28: kind = .open
        case 0x2026: kind = .ellipsis
        case 0x2E:
            if k < n && p[k] == 0x2E {
                kind = .ellipsis
                while k < n && p[k] == 0x2E { k += 1 }
            } else {
                kind = .period
            }
        default: kind = .other
        }
        let afterPunct = k
        while k < n && (p[k] == 0x20 || p[k] == 0x09) { k += 1 }
        return NameGap(kind: kind, tight: !spacedBefore && k == afterPunct, next: k)
    }

    /// The word that ends at `i` (spaces and tabs skipped, nothing else), with no letter before `floor`.
    static func previousWord(_ p: UnsafeBufferPointer<UInt8>, before i: Int, floor: Int) -> NameWord? {
        var j = i
        while j > floor && (p[j - 1] == 0x20 || p[j - 1] == 0x09) { j -= 1 }
        guard j > floor, j < i || j == i else { return nil }
        let end = j
        var start = end
        var digits = false
        while let s = UTF8Text.previousStart(p, before: start), s >= floor, let (v, _) = UTF8Text.scalar(p, at: s) {
            if UTF8Text.isLetter(v) && !digits {
                start = s
            } else if v >= 0x30 && v <= 0x39 && (start == end || digits) {
                digits = true
                start = s
            } else {
                break
            }
        }
        guard start < end, let w = word(p, at: start), w.end == end else { return nil }
        return w
    }

    /// Hash of a phrase's words as written in a data file ("Bệnh viện" -> two hashes).
    static func wordHashes(_ phrase: String) -> [UInt64] {
        var out: [UInt64] = []
        var h = basis
        var inWord = false
        for s in phrase.precomposedStringWithCanonicalMapping.unicodeScalars {
            let v = s.value
            if UTF8Text.isLetterOrDigit(v) {
                h = mix(h, lower(v))
                inWord = true
            } else if inWord {
                out.append(h)
                h = basis
                inWord = false
            }
        }
        if inWord { out.append(h) }
        return out
    }

    /// Hash of the letters of a string, lowercased, everything else dropped ("KH-TC" -> "khtc").
    static func lettersHash(_ s: String) -> UInt64 {
        var h = basis
        for sc in s.precomposedStringWithCanonicalMapping.unicodeScalars where UTF8Text.isLetterOrDigit(sc.value) {
            h = mix(h, lower(sc.value))
        }
        return h
    }

    /// Continues a folded-key hash (no diacritics, đ -> d, lowercase) with the letters of a word.
    @inline(__always)
    static func foldMix(_ h: UInt64, _ p: UnsafeBufferPointer<UInt8>, _ w: NameWord) -> UInt64 {
        var h = h
        var j = w.start
        while j < w.end, let (v, n) = UTF8Text.scalar(p, at: j) {
            if v < 0x80 {
                h = mix(h, lower(v))
            } else if let s = Unicode.Scalar(v), let f = Folding.fold(s) {
                h = mix(h, f.value)
            }
            j += n
        }
        return h
    }

    /// The folded-key hash of a whole name ("Vụ Kế hoạch - Tài chính" == "VU KE HOACH TAI CHINH").
    static func foldedHash(_ s: String) -> UInt64 {
        var h = basis
        for sc in s.precomposedStringWithCanonicalMapping.unicodeScalars where UTF8Text.isLetterOrDigit(sc.value) {
            if sc.value < 0x80 { h = mix(h, lower(sc.value)) } else if let f = Folding.fold(sc) { h = mix(h, f.value) }
        }
        return h
    }

    /// The folded-key hash after each word of a name, as the look-ahead over the text builds it.
    static func foldedPrefixHashes(_ s: String) -> [UInt64] {
        var out: [UInt64] = []
        var h = basis
        var inWord = false
        for sc in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            if UTF8Text.isLetterOrDigit(sc.value) {
                if sc.value < 0x80 { h = mix(h, lower(sc.value)) } else if let f = Folding.fold(sc) { h = mix(h, f.value) }
                inWord = true
            } else if inWord {
                out.append(h)
                inWord = false
            }
        }
        if inWord { out.append(h) }
        return out
    }

    /// The text of a byte range.
    @inline(__always)
    static func text(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)
    }
}

/// Phrases of words (by hash) with a payload each; the longest phrase at a word wins. Stored flat
/// (one index from first word to a run of entries, one pool of following words) so that a look-up
/// touches no nested arrays.
struct PhraseTable<Payload: Sendable>: Sendable {
    private struct Entry: Sendable {
        var first: UInt64
        var rest: [UInt64]
        var payload: Payload
    }
    private var building: [Entry] = []
    private var index = WordMap<Int>()      // first word -> start << 16 | count in `payloads`
    private var restStart: [Int32] = []
    private var restCount: [Int32] = []
    private var payloads: [Payload] = []
    private var pool: [UInt64] = []

    var isEmpty: Bool { payloads.isEmpty }

    mutating func add(_ words: [UInt64], _ payload: Payload) {
        guard let first = words.first else { return }
        building.append(Entry(first: first, rest: Array(words.dropFirst()), payload: payload))
        // Rebuilt on every addition: tables are small and built once.
        let sorted = building.enumerated().sorted { a, b in
            a.element.first != b.element.first ? a.element.first < b.element.first
                : a.element.rest.count != b.element.rest.count ? a.element.rest.count > b.element.rest.count : a.offset < b.offset
        }.map(\.element)
        index = WordMap<Int>()
        restStart = []
        restCount = []
        payloads = []
        pool = []
        var k = 0
        while k < sorted.count {
            var j = k
            while j < sorted.count && sorted[j].first == sorted[k].first { j += 1 }
            index[sorted[k].first] = k << 16 | (j - k)
            for e in sorted[k..<j] {
                restStart.append(Int32(pool.count))
                restCount.append(Int32(e.rest.count))
                pool.append(contentsOf: e.rest)
                payloads.append(e.payload)
            }
            k = j
        }
    }

    mutating func add(_ phrase: String, _ payload: Payload) { add(NameText.wordHashes(phrase), payload) }

    @inline(__always) func startsWith(_ hash: UInt64) -> Bool { index[hash] != nil }

    /// The longest phrase at `w` whose words are separated by spaces only; its payload and last word.
    func match(_ p: UnsafeBufferPointer<UInt8>, at w: NameWord) -> (payload: Payload, last: NameWord)? {
        var found: (payload: Payload, last: NameWord)? = nil
        forEachMatch(p, at: w) { payload, last in
            found = (payload, last)
            return true
        }
        return found
    }

    /// Calls `body` with every phrase at `w`, longest first, until it returns true.
    func forEachMatch(_ p: UnsafeBufferPointer<UInt8>, at w: NameWord, _ body: (Payload, NameWord) -> Bool) {
        guard let packed = index[w.hash] else { return }
        let start = packed >> 16
        for e in start..<(start + packed & 0xFFFF) {
            var last = w
            var ok = true
            let from = Int(restStart[e])
            for k in from..<(from + Int(restCount[e])) {
                let g = NameText.gap(p, after: last.end)
                guard g.kind == .space, !g.tight, let nw = NameText.word(p, at: g.next), !nw.isNumber, nw.hash == pool[k] else { ok = false; break }
                last = nw
            }
            if ok && body(payloads[e], last) { return }
        }
    }
}

/// Whether the text just before `i` (one space between) is one of a few lowercase words, read as
/// bytes: a cheap test before the real look-back.
struct WordTails: Sendable {
    private var tails: [[UInt8]] = []

    mutating func add(_ word: String) {
        let bytes = Array(word.precomposedStringWithCanonicalMapping.lowercased().utf8)
        if !bytes.isEmpty && !tails.contains(bytes) { tails.append(bytes) }
    }

    @inline(__always)
    func precede(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 2, p[i - 1] == 0x20 else { return false }
        let end = i - 1
        for t in tails where t.count <= end {
            let s = end - t.count
            var same = true
            for k in 0..<t.count where p[s + k] != t[k] { same = false; break }
            if same && UTF8Text.boundaryBefore(p, s) { return true }
        }
        return false
    }
}

/// A map from word hashes to values: open addressing with linear probing, no re-hashing (the
/// keys are hashes already), so a look-up costs a few loads where `Dictionary` runs SipHash.
struct WordMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 16)
        values = [Value?](repeating: nil, count: 16)
        mask = 15
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }
    @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key ^ (key >> 31)) &* 0x9E37_79B9_7F4A_7C15 >> 17) & mask }

    var isEmpty: Bool { count == 0 }

    subscript(key: UInt64) -> Value? {
        get {
            let k = Self.stored(key)
            var i = slot(k)
            while true {
                let x = keys[i]
                if x == k { return values[i] }
                if x == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            guard let newValue else { return }  // removal is not needed
            if (count + 1) * 2 > keys.count { grow() }
            let k = Self.stored(key)
            var i = slot(k)
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { count += 1 }
            keys[i] = k
            values[i] = newValue
        }
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { self[key] != nil }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 {
            if let v { self[k] = v }
        }
    }
}

/// A set of word hashes (see `WordMap`).
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var map = WordMap<Bool>()
    init() {}
    init(arrayLiteral elements: UInt64...) { for e in elements { insert(e) } }
    init<S: Sequence>(_ elements: S) where S.Element == UInt64 { for e in elements { insert(e) } }
    mutating func insert(_ key: UInt64) { map[key] = true }
    @inline(__always) func contains(_ key: UInt64) -> Bool { map[key] != nil }
    var isEmpty: Bool { map.isEmpty }
    var count: Int { map.count }
}
