import VietnameseText

/// The counts of pieces of lines seen (`OnePassScore`), keyed by their bytes: a text repeats
/// its pieces, and a lookup costs less than scoring. A direct-mapped table of pieces of up to
/// 16 bytes; the owner deallocates it. With no slots it only computes.
struct PieceCache {
    /// Four words a slot, in one half of a cache line: the piece's bytes, zero-padded, as two
    /// words, then 0 when the slot is empty, else `valid` | length << 48 | kind << 53 | the
    /// counts, a byte each (words, syllables, marked, breaks, suspicious from the lowest), or
    /// `hasMark`.
    private let slots: UnsafeMutablePointer<UInt64>?
    private let mask: Int

    private static var valid: UInt64 { 1 << 63 }
    private static var hasMark: UInt64 { 1 << 62 }

    /// A cache of `1 << bits` slots (none when `bits` is 0).
    init(bits: Int) {
        guard bits > 0 else {
            slots = nil
            mask = 0
            return
        }
        let count = 1 << bits
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 32 * count, alignment: 64)
        let slots = raw.bindMemory(to: UInt64.self, capacity: 4 * count)
        slots.initialize(repeating: 0, count: 4 * count)
        self.slots = slots
        mask = count - 1
    }

    func deallocate() {
        slots?.deallocate()
    }

    /// What the cache holds for text (UTF-8) rather than bytes of a legacy encoding.
    static var utf8Kind: Int { 7 }

    /// The counts of the `count` bytes at `start` (nil for a combining mark); `limit` is where
    /// readable memory ends.
    @inline(__always)
    func counts(_ start: UnsafePointer<UInt8>, count: Int, limit: UnsafePointer<UInt8>, classes: ScalarClasses,
                words: VietnameseScore.Tables) -> OnePassScore.Counts? {
        guard slots != nil, count <= 16 else {
            return OnePassScore.counts(UnsafeBufferPointer(start: start, count: count), classes: classes, words: words)
        }
        let (lo, hi) = Self.key(start, count: count, limit: limit)
        let slot = self.slot(kind: Self.utf8Kind, lo: lo, hi: hi, count: count)
        if let cached = slot.value { return cached }
        let counts = OnePassScore.counts(UnsafeBufferPointer(start: start, count: count), classes: classes, words: words)
        slot.store(counts)
        return counts
    }

    /// The `count` (at most 16) bytes at `start` as two words, zero-padded; `limit` is where
    /// readable memory ends.
    @inline(__always)
    static func key(_ start: UnsafePointer<UInt8>, count: Int, limit: UnsafePointer<UInt8>) -> (UInt64, UInt64) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        if limit - start >= 16 {
            let raw = UnsafeRawPointer(start)
            lo = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            hi = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if count < 8 {
                lo &= (1 << (8 * UInt64(count))) &- 1
                hi = 0
            } else if count < 16 {
                hi &= (1 << (8 * UInt64(count &- 8))) &- 1
            }
        } else {
            for k in 0..<count {
                if k < 8 { lo |= UInt64(start[k]) << (8 * UInt64(k)) } else { hi |= UInt64(start[k]) << (8 * UInt64(k &- 8)) }
            }
        }
        return (lo, hi)
    }

    /// One slot of the cache, found for a key.
    struct Slot {
        let pointer: UnsafeMutablePointer<UInt64>?
        let lo: UInt64, hi: UInt64, tag: UInt64

        /// The counts stored for the key, when they are: nil when not (or with no cache), and
        /// `.some(nil)` for a piece with a combining mark.
        @inline(__always)
        var value: OnePassScore.Counts?? {
            guard let pointer else { return nil }
            let value = pointer[2]
            guard value & PieceCache.tagMask == tag, pointer[0] == lo, pointer[1] == hi else { return nil }
            return .some(PieceCache.unpack(value))
        }

        @inline(__always)
        func store(_ counts: OnePassScore.Counts?) {
            guard let pointer else { return }
            pointer[0] = lo
            pointer[1] = hi
            pointer[2] = tag | PieceCache.pack(counts)
        }
    }

    /// The slot for a key of `kind` (a slot of the repair's encodings, or `utf8Kind`).
    @inline(__always)
    func slot(kind: Int, lo: UInt64, hi: UInt64, count: Int) -> Slot {
        let tag = Self.valid | UInt64(count) << 48 | UInt64(kind) << 53
        guard let slots else { return Slot(pointer: nil, lo: lo, hi: hi, tag: tag) }
        let hash = ((lo ^ (hi &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(kind) &* 0xD6E8_FEB8_6659_FD93)) &* 0xBF58_476D_1CE4_E5B9) >> 40
        return Slot(pointer: slots + 4 &* (Int(truncatingIfNeeded: hash) & mask), lo: lo, hi: hi, tag: tag)
    }

    /// The bits of a value that name its key: `valid`, the length and the kind.
    static var tagMask: UInt64 { valid | 0x1F << 48 | 0x7 << 53 }

    @inline(__always)
    static func pack(_ counts: OnePassScore.Counts?) -> UInt64 {
        // A piece of at most 16 bytes has at most 16 of anything: each count fits in a byte.
        guard let c = counts else { return hasMark }
        return UInt64(c.words) | UInt64(c.syllables) << 8 | UInt64(c.marked) << 16 | UInt64(c.breaks) << 24
            | UInt64(c.suspicious) << 32
    }

    @inline(__always)
    static func unpack(_ value: UInt64) -> OnePassScore.Counts? {
        guard value & hasMark == 0 else { return nil }
        return OnePassScore.Counts(words: Int(value & 0xFF), syllables: Int((value >> 8) & 0xFF), marked: Int((value >> 16) & 0xFF),
                                   breaks: Int((value >> 24) & 0xFF), suspicious: Int((value >> 32) & 0xFF))
    }
}

/// The counts of pieces of bytes as read (`Repairer.scorePieces`), for every way of reading
/// them at once: a slot (one cache line) holds a piece of up to 16 bytes and, for each kind
/// (an encoding's slot in the repair, or the line as it stands), its counts once computed. A
/// line is scored as it stands and decoded once or more, all over the same pieces: one lookup
/// serves them all. Direct-mapped; the owner deallocates it. With no slots it holds nothing.
struct BytePieceCache {
    /// Eight words a slot: the piece's bytes, zero-padded, as two words, then one word for each
    /// of `kinds` kinds: 0, or `valid` | length << 48 | `PieceCache`'s packing of the counts.
    private let slots: UnsafeMutablePointer<UInt64>?
    private let mask: Int

    /// Kinds a slot holds.
    static var kinds: Int { 6 }
    private static var valid: UInt64 { 1 << 63 }

    /// A cache of `1 << bits` slots (none when `bits` is 0).
    init(bits: Int) {
        guard bits > 0 else {
            slots = nil
            mask = 0
            return
        }
        let count = 1 << bits
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 64 * count, alignment: 64)
        let slots = raw.bindMemory(to: UInt64.self, capacity: 8 * count)
        slots.initialize(repeating: 0, count: 8 * count)
        self.slots = slots
        mask = count - 1
    }

    func deallocate() {
        slots?.deallocate()
    }

    /// The slot for a piece (its key as `PieceCache.key` makes it, `count` at most 16 bytes),
    /// emptied for it when it held another; nil with no cache.
    @inline(__always)
    func slot(lo: UInt64, hi: UInt64, count: Int) -> UnsafeMutablePointer<UInt64>? {
        guard let slots else { return nil }
        let hash = ((lo ^ (hi &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(count)) &* 0xBF58_476D_1CE4_E5B9) >> 40
        let slot = slots + 8 &* (Int(truncatingIfNeeded: hash) & mask)
        if slot[0] != lo || slot[1] != hi {
            slot[0] = lo
            slot[1] = hi
            for k in 2..<8 { slot[k] = 0 }
        }
        return slot
    }

    /// Whether `slot` still holds the piece's bytes (another piece of the line may have taken
    /// it); its length is checked with each count.
    @inline(__always)
    static func holds(_ slot: UnsafeMutablePointer<UInt64>, lo: UInt64, hi: UInt64) -> Bool {
        slot[0] == lo && slot[1] == hi
    }

    /// The counts of `kind` for a piece of `count` bytes in `slot`, when computed.
    @inline(__always)
    static func counts(_ slot: UnsafeMutablePointer<UInt64>, kind: Int, count: Int) -> OnePassScore.Counts? {
        let value = slot[2 &+ kind]
        guard value & (valid | 0x1F << 48) == valid | UInt64(count) << 48 else { return nil }
        return PieceCache.unpack(value & 0xFF_FFFF_FFFF)
    }

    @inline(__always)
    static func store(_ counts: OnePassScore.Counts, in slot: UnsafeMutablePointer<UInt64>, kind: Int, count: Int) {
        slot[2 &+ kind] = valid | UInt64(count) << 48 | PieceCache.pack(counts)
    }
}
