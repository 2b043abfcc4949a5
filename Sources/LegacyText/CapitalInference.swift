/// Capitals that TCVN3 could not write: a heading typed under an all-capital font (`.VnTimeH`)
/// keeps its ASCII capitals but its toned letters arrive as lowercase codes (`QUYÕT` decodes
/// to `QUYếT`). A word whose ASCII letters are all capitals (at least two, counting the untoned
/// capitals TCVN3 does have: Ă Â Ê Ô Ơ Ư Đ, so `ĐốC` -> `ĐỐC`) and that has
/// lowercase non-ASCII letters is upper-cased whole: `QUYẾT`, `ĐỊNH`. Words with one ASCII
/// capital (`Sè` -> `Số`) are left as they are: title case and capitals cannot be told apart.
enum CapitalInference {
    /// Rewrites the words of `utf8` that qualify; returns whether anything changed.
    @discardableResult
    static func apply(_ utf8: inout [UInt8]) -> Bool {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return false }
        var scalars: [UInt32] = []
        scalars.reserveCapacity(utf8.count)
        utf8.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (value, length) = UTF8Writer.scalar(at: i, in: p)
                scalars.append(value)
                i += length
            }
        }
        var changed = false
        var start = 0
        let n = scalars.count
        while start < n {
            guard isLetter(scalars[start]) else { start += 1; continue }
            var end = start
            var asciiUpper = 0, asciiLower = 0, otherLower = 0
            while end < n, isLetter(scalars[end]) {
                let v = scalars[end]
                if v < 0x80 {
                    if v <= 0x5A { asciiUpper += 1 } else { asciiLower += 1 }
                } else if UTF8Writer.upper(v) != v {
                    otherLower += 1
                } else if Self.untonedCapitals.contains(v) {
                    // Ă Â Ê Ô Ơ Ư Đ have TCVN3 codes of their own: they count as typed capitals.
                    asciiUpper += 1
                }
                end += 1
            }
            if asciiUpper >= 2 && asciiLower == 0 && otherLower > 0 {
                for k in start..<end { scalars[k] = UTF8Writer.upper(scalars[k]) }
                changed = true
            }
            start = end
        }
        guard changed else { return false }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for value in scalars { UTF8Writer.append(value, to: &out) }
        utf8 = out
        return true
    }

    /// The same rewrite in place, on `count` bytes of well-formed UTF-8 at `p`; returns whether
    /// anything changed. Only when `flags.capitalsKeepLength` (as the case tables are built:
    /// `UTF8Writer.upper` maps within ranges whose letters all have one UTF-8 length), so
    /// nothing moves.
    @discardableResult
    static func applyInPlace(_ p: UnsafeMutablePointer<UInt8>, count n: Int, flags: LetterFlags) -> Bool {
        let input = UnsafeBufferPointer(start: p, count: n)
        var changed = false
        var i = 0
        while i < n {
            // A word: a run of letters.
            let start = i
            var asciiUpper = 0, asciiLower = 0, otherLower = 0
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    guard (b | 0x20) &- 0x61 < 26 else { break }
                    if b <= 0x5A { asciiUpper &+= 1 } else { asciiLower &+= 1 }
                    i &+= 1
                    continue
                }
                let (value, length) = UTF8Writer.scalar(at: i, in: input)
                let f = flags.of(value)
                guard f & LetterFlags.letter != 0 else { break }
                if f & LetterFlags.small != 0 {
                    otherLower &+= 1
                } else if f & LetterFlags.untonedCapital != 0 {
                    asciiUpper &+= 1
                }
                i &+= length
            }
            if i == start {
                // Not a letter: skip the scalar.
                i &+= p[i] < 0x80 ? 1 : UTF8Writer.scalar(at: i, in: input).length
                continue
            }
            guard asciiUpper >= 2 && asciiLower == 0 && otherLower > 0 else { continue }
            var k = start
            while k < i {
                let (value, length) = UTF8Writer.scalar(at: k, in: input)
                write(UTF8Writer.upper(value), at: p + k)
                k &+= length
            }
            changed = true
        }
        return changed
    }

    @inline(__always)
    static func utf8Length(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    @inline(__always)
    private static func write(_ value: UInt32, at p: UnsafeMutablePointer<UInt8>) {
        switch value {
        case 0..<0x80:
            p[0] = UInt8(truncatingIfNeeded: value)
        case 0x80..<0x800:
            p[0] = 0xC0 | UInt8(truncatingIfNeeded: value >> 6)
            p[1] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
        case 0x800..<0x10000:
            p[0] = 0xE0 | UInt8(truncatingIfNeeded: value >> 12)
            p[1] = 0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F)
            p[2] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
        default:
            p[0] = 0xF0 | UInt8(truncatingIfNeeded: value >> 18)
            p[1] = 0x80 | UInt8(truncatingIfNeeded: (value >> 12) & 0x3F)
            p[2] = 0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F)
            p[3] = 0x80 | UInt8(truncatingIfNeeded: value & 0x3F)
        }
    }

    /// The capitals TCVN3 has codes of its own for (0xA1–0xA7: Ă Â Ê Ô Ơ Ư Đ), read from its
    /// table file: every non-ASCII capital a single byte of the file decodes to. (From the file,
    /// not `CodeTables.tcvn3`, whose case flags are built from this set.)
    static let untonedCapitals: Set<UInt32> = Set(TableFile.load("tcvn3").entries.compactMap { entry in
        guard entry.bytes.count == 1, entry.bytes[0] >= 0x80, entry.scalars.count == 1 else { return nil }
        let v = entry.scalars[0]
        return UTF8Writer.upper(v) == v && UTF8Writer.lower(v) != v ? v : nil
    })

    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return (v >= 0xC0 && v <= 0x1B0 && v != 0xD7 && v != 0xF7) || (v >= 0x1EA0 && v <= 0x1EF9)
    }
}
