/// Moves tone marks to the place `ToneStyle` prescribes, word by word over NFC UTF-8 bytes.
///
/// A word is a run of letters and digits. Only words with exactly one tone mark that parse as a
/// Vietnamese syllable are touched; foreign words, abbreviations and anything with digits or
/// stray combining marks are left as they are. Case is kept letter by letter (KHOẺ -> KHỎE).
public enum TonePlacement {
    /// Appends `input` with tone marks placed per `style` to `out`.
    ///
    /// Only a toned vowel with another vowel beside it can be in the wrong place, so the pass
    /// jumps from one toned letter to the next and analyses just those words; text that needs
    /// no change is copied in one piece at the end.
    public static func apply(_ input: UnsafeBufferPointer<UInt8>, style: ToneStyle, to out: inout [UInt8]) {
        let n = input.count
        var flushed = 0  // input[flushed..<wordStart] is still to be copied to `out`
        let tables = Syllable.tables
        let letters = Letters.tables
        withUnsafeTemporaryAllocation(of: Letter.self, capacity: 8) { scratch in
        var i = 0
        while i < n {
            let b = input[i]
            if b < 0xC3 { i += 1; continue }  // ASCII, continuation bytes: no tone here
            guard let (scalar, width) = scalar(input, at: i) else { i += 1; continue }
            guard let letter = letters.letter(scalar), letter.tone != .level else { i += width; continue }
            let vowelBefore = vowel(input, before: i, letters)
            let vowelAfter = vowel(input, at: i + width, letters)
            if !vowelBefore && !vowelAfter { i += width; continue }

            // Analyse the whole word around this letter.
            let start = wordStart(input, before: i)
            let end = wordEnd(input, from: i + width)
            let word = UnsafeBufferPointer(rebasing: input[start..<end])
            Words.forEach(in: word, scratch: scratch, table: letters) { scan, buf in
                guard scan.plausible, scan.toned == 1, scan.count >= 2, scan.count <= 7 else { return }
                let letters = UnsafeBufferPointer(rebasing: buf[0..<scan.count])
                var current = 0
                for j in 0..<scan.count where letters[j].tone != .level { current = j }
                guard let syllable = Syllable.parse(letters, tables) else { return }
                let target = syllable.toneIndex(letters, style: style)
                if target == current { return }
                let tone = letters[current].tone
                buf[current].tone = .level
                buf[target].tone = tone
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[flushed..<(start + scan.start)]))
                for j in 0..<scan.count { appendScalar(Letters.scalar(buf[j]), to: &out) }
                flushed = start + scan.end
            }
            i = end
        }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[flushed..<n]))
    }

    /// The scalar that starts at `i` if it is one the word scanner reads as a letter
    /// (U+00C0...U+027F or U+1E00...U+1EFF), with its width in bytes.
    @inline(__always)
    private static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let b = p[i]
        if b >= 0xC3 && b <= 0xC9 && i + 1 < p.count {
            return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b == 0xE1 && i + 2 < p.count && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB {
            return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        return nil
    }

    @inline(__always)
    private static func isASCIIVowel(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
        default: false
        }
    }

    /// Whether the scalar starting at `i` is a vowel letter.
    @inline(__always)
    private static func vowel(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ letters: Letters.Tables) -> Bool {
        guard i < p.count else { return false }
        let b = p[i]
        if b < 0x80 { return isASCIIVowel(b) }
        guard let (s, _) = scalar(p, at: i), let l = letters.letter(s) else { return false }
        return l.isVowel
    }

    /// Whether the scalar ending just before `i` is a vowel letter.
    @inline(__always)
    private static func vowel(_ p: UnsafeBufferPointer<UInt8>, before i: Int, _ letters: Letters.Tables) -> Bool {
        guard i > 0 else { return false }
        var j = i - 1
        if p[j] < 0x80 { return isASCIIVowel(p[j]) }
        while j > 0 && p[j] & 0xC0 == 0x80 && i - j < 3 { j -= 1 }
        return vowel(p, at: j, letters)
    }

    /// Whether the scalar at `i` belongs to a word, as `Words` decides it.
    @inline(__always)
    private static func isWordByte(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 {
            let lower = b | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39)
        }
        if b >= 0xC3 && b <= 0xC9 {
            guard i + 1 < p.count else { return false }
            let s = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
            return s != 0xD7 && s != 0xF7
        }
        if b == 0xE1 { return i + 2 < p.count && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB }
        return b == 0xCC || b == 0xCD
    }

    /// Start of the word that contains the scalar at `i`.
    private static func wordStart(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var start = i
        while start > 0 {
            var j = start - 1
            while j > 0 && p[j] & 0xC0 == 0x80 && start - j < 3 { j -= 1 }
            guard isWordByte(p, at: j) else { break }
            start = j
        }
        return start
    }

    /// End of the word whose letters continue at `i`.
    private static func wordEnd(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var end = i
        while end < p.count && isWordByte(p, at: end) { end += utf8Length(p[end]) }
        return min(end, p.count)
    }

    public static func apply(_ text: String, style: ToneStyle) -> String {
        var utf8 = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        utf8.withUnsafeMutableBufferPointer { apply(UnsafeBufferPointer($0), style: style, to: &out) }
        utf8 = out
        return String(decoding: utf8, as: UTF8.self)
    }
}

@inline(__always)
func utf8Length(_ lead: UInt8) -> Int {
    if lead < 0xC0 { return 1 }
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
}

@inline(__always)
func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
        out.append(UInt8(v))
    } else if v < 0x800 {
        out.append(UInt8(0xC0 | (v >> 6)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
        out.append(UInt8(0xE0 | (v >> 12)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (v >> 18)))
        out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (v & 0x3F)))
    }
}
