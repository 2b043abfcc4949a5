/// Moves tone marks to the place `ToneStyle` prescribes, word by word over NFC UTF-8 bytes.
///
/// A word is a run of letters and digits. Only words with exactly one tone mark that parse as a
/// Vietnamese syllable are touched; foreign words, abbreviations and anything with digits or
/// stray combining marks are left as they are. Case is kept letter by letter (KHOẺ -> KHỎE).
public enum TonePlacement {
    /// Appends `input` with tone marks placed per `style` to `out`.
    public static func apply(_ input: UnsafeBufferPointer<UInt8>, style: ToneStyle, to out: inout [UInt8]) {
        var flushed = 0  // input[flushed..<word.start] is still to be copied to `out`
        Words.forEach(in: input) { word, buf in
            guard word.plausible, word.toned == 1, word.count >= 2, word.count <= 7 else { return }
            let letters = UnsafeBufferPointer(rebasing: buf[0..<word.count])
            var current = 0
            for j in 0..<word.count where letters[j].tone != .level { current = j }
            // Fast exit: a tone on a vowel with no vowel beside it is already where it belongs.
            let left = current > 0 && letters[current - 1].isVowel
            let right = current + 1 < word.count && letters[current + 1].isVowel
            if !left && !right { return }
            guard let syllable = Syllable.parse(letters) else { return }
            let target = syllable.toneIndex(letters, style: style)
            if target == current { return }
            let tone = letters[current].tone
            buf[current].tone = .level
            buf[target].tone = tone
            out.append(contentsOf: UnsafeBufferPointer(rebasing: input[flushed..<word.start]))
            for j in 0..<word.count { appendScalar(Letters.scalar(buf[j]), to: &out) }
            flushed = word.end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: input[flushed..<input.count]))
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
