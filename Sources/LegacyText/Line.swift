/// The lines (paragraphs) of UTF-8 text and what their characters say about legacy bytes.
struct Line {
    /// Byte range of the line's content, without its line break.
    var range: Range<Int>
    /// Scalars typical of legacy bytes read as Windows-1252 (`AsRead.isSuspicious`).
    var suspicious = 0
    /// Vietnamese letters that only Unicode can write (`AsRead.isUnicodeVietnamese`).
    var unicodeVietnamese = 0
    /// Non-ASCII scalars that a Windows-1252 byte yields (candidates for decoding).
    var decodable = 0
    /// Suspicious scalars next to a letter (`ngµy`, `N§`): legacy letters inside words, where
    /// an isolated `·` or `½` may be real punctuation.
    var glued = 0

    /// Whether the line may hold legacy text at all: it has suspicious characters and, when it
    /// also has letters only Unicode writes, legacy letters inside words.
    var mayBeLegacy: Bool { suspicious > 0 && (unicodeVietnamese == 0 || glued >= 2) }

    /// Splits at LF; each line's range excludes the LF (a CR before it stays in the line).
    static func split(_ p: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var line = Line(range: 0..<0)
        var start = 0
        var i = 0
        let n = p.count
        var previousIsLetter = false
        // A suspicious scalar waiting to learn whether a letter follows it.
        var pendingSuspicious = false
        while i < n {
            let b = p[i]
            if b == 0x0A {
                line.range = start..<i
                lines.append(line)
                line = Line(range: 0..<0)
                i += 1
                start = i
                previousIsLetter = false
                pendingSuspicious = false
                continue
            }
            let (value, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Writer.scalar(at: i, in: p)
            i += length
            let suspicious = AsRead.isSuspicious(value)
            let letter = !suspicious && CapitalInference.isLetter(value)
            if pendingSuspicious && letter { line.glued += 1 }
            pendingSuspicious = false
            if suspicious {
                line.suspicious += 1
                if previousIsLetter { line.glued += 1 } else { pendingSuspicious = true }
            }
            previousIsLetter = letter || (suspicious && previousIsLetter)
            guard b >= 0x80 else { continue }
            if AsRead.isUnicodeVietnamese(value) { line.unicodeVietnamese += 1 }
            if AsRead.byte(value) >= 0 { line.decodable += 1 }
        }
        line.range = start..<n
        lines.append(line)
        return lines
    }

    /// Whether any scalar of the text is suspicious: the cheap test that lets ordinary Unicode
    /// text (English, Vietnamese) through without decoding or scoring anything.
    static func anySuspicious(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            // Two-byte scalars U+0080...U+00FF start with C2/C3; the Windows-1252 letters beyond
            // them with C5, C6, CB and E2.
            if b == 0xC2 || b == 0xC3 || b == 0xC5 || b == 0xC6 || b == 0xCB || b == 0xE2 {
                let (value, _) = UTF8Writer.scalar(at: i, in: p)
                if AsRead.isSuspicious(value) { return true }
            }
            i += b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
        }
        return false
    }
}
