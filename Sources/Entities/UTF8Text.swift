import VietnameseText

/// Byte-level helpers every scanner shares: decoding one scalar, word boundaries, and reading a
/// word as its folded key (lowercase ASCII, no diacritics, đ -> d) so keywords match whatever
/// the case or tone marks.
public enum UTF8Text {
    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) public static func isASCIILetter(_ b: UInt8) -> Bool {
        let l = b | 0x20
        return l >= 0x61 && l <= 0x7A
    }

    /// The scalar at `i` and its length in bytes (nil past the end or on a continuation byte).
    @inline(__always)
    public static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        guard i < p.count else { return nil }
        let b = p[i]
        if b < 0x80 { return (UInt32(b), 1) }
        if b < 0xC0 { return nil }
        if b < 0xE0, i + 1 < p.count { return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2) }
        if b < 0xF0, i + 2 < p.count { return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3) }
        if i + 3 < p.count {
            return (UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
        }
        return nil
    }

    /// Start of the scalar that ends at `i` (i.e. the one just before offset `i`).
    @inline(__always)
    public static func previousStart(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int? {
        guard i > 0 else { return nil }
        var j = i - 1
        while j > 0 && p[j] & 0xC0 == 0x80 && i - j < 4 { j -= 1 }
        return j
    }

    /// Letters of words: ASCII letters, Latin letters U+00C0...U+024F (not × ÷), U+1E00...U+1EFF.
    @inline(__always)
    public static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILetter(UInt8(v)) }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        return v >= 0x1E00 && v <= 0x1EFF
    }

    @inline(__always)
    public static func isLetterOrDigit(_ v: UInt32) -> Bool { isLetter(v) || (v >= 0x30 && v <= 0x39) }

    /// True when no letter or digit touches offset `i` from the left.
    @inline(__always)
    public static func boundaryBefore(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let j = previousStart(p, before: i), let (v, _) = scalar(p, at: j) else { return true }
        return !isLetterOrDigit(v)
    }

    /// True when no letter or digit touches offset `i` from the right.
    @inline(__always)
    public static func boundaryAfter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard let (v, _) = scalar(p, at: i) else { return true }
        return !isLetterOrDigit(v)
    }

    /// Skips spaces and tabs (not line ends) from `i`.
    @inline(__always)
    public static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        while j < p.count && (p[j] == 0x20 || p[j] == 0x09) { j += 1 }
        return j
    }

    /// The word of letters starting at `i`, as its folded key in ASCII, and where it ends.
    /// Returns nil when no letter starts at `i`. Words longer than 32 letters are cut short.
    public static func foldedWord(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (key: String, end: Int)? {
        var j = i
        var key = [UInt8]()
        while let (v, n) = scalar(p, at: j), isLetter(v) {
            if key.count < 32, let s = Unicode.Scalar(v), let f = Folding.fold(s), f.isASCII { key.append(UInt8(f.value)) }
            j += n
        }
        guard j > i else { return nil }
        return (String(decoding: key, as: UTF8.self), j)
    }

    /// Matches a phrase of folded words ("thang", "nam") at `i`, words separated by spaces;
    /// returns the end offset, or nil. The phrase is given folded, words separated by one space.
    public static func matchFolded(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ phrase: String) -> Int? {
        matchFolded(p, at: i, words: phrase.split(separator: " ").map(String.init))
    }

    /// The same with the phrase already split into folded words (for hot loops).
    public static func matchFolded(_ p: UnsafeBufferPointer<UInt8>, at i: Int, words: [String]) -> Int? {
        var j = i
        for (k, word) in words.enumerated() {
            if k > 0 {
                let s = skipSpaces(p, from: j)
                guard s > j else { return nil }
                j = s
            }
            guard let (key, end) = foldedWord(p, at: j), key == word else { return nil }
            j = end
        }
        return j
    }

    /// Reads digits at `i`: their value (saturating) and where they end; nil when no digit.
    @inline(__always)
    public static func digits(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: Int, end: Int)? {
        var j = i
        var v = 0
        while j < p.count && isDigit(p[j]) {
            if v < Int.max / 10 - 10 { v = v * 10 + Int(p[j] - 0x30) }
            j += 1
        }
        return j > i ? (v, j) : nil
    }
}
