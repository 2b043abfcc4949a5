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
    /// The line's bytes as a reader showed them as Windows-1252 (`AsRead.byte`), as a range of
    /// the buffer `split` writes them to.
    var raw: Range<Int> = 0..<0
    /// The scalars no Windows-1252 byte shows, as a range of triples (position in the bytes,
    /// start and end in the text) in the array `split` fills.
    var passThrough: Range<Int> = 0..<0
    /// Whether the line holds a C1 control (U+0080...U+009F), whose byte Windows-1252 shows as
    /// another character.
    var hasC1 = false

    /// Whether the line may hold legacy text at all: it has suspicious characters and, when it
    /// also has letters only Unicode writes, legacy letters inside words.
    var mayBeLegacy: Bool { suspicious > 0 && (unicodeVietnamese == 0 || glued >= 2) }

    /// Splits at LF; each line's range excludes the LF (a CR before it stays in the line). The
    /// bytes of every line as read (`Line.raw`) go to `raw`, which has room for `p.count` bytes
    /// (never more are written); scalars without a byte are noted in `passThrough`.
    ///
    /// `glued` is counted only where it decides something (`mayBeLegacy`: lines with suspicious
    /// scalars and letters only Unicode writes), in a second pass over those lines.
    static func split(_ p: UnsafeBufferPointer<UInt8>, raw: UnsafeMutablePointer<UInt8>, passThrough: inout [Int]) -> [Line] {
        var lines: [Line] = []
        guard let base = p.baseAddress else { return [Line(range: 0..<0)] }
        let classes = LineClasses.shared
        var start = 0, rawStart = 0, passThroughStart = 0
        var suspicious = 0, unicodeVietnamese = 0, decodable = 0
        var hasC1 = false
        var i = 0
        var o = 0
        let n = p.count
        while i < n {
            let b = base[i]
            if b < 0x80 {
                if b == 0x0A {
                    var line = Line(range: start..<i, suspicious: suspicious, unicodeVietnamese: unicodeVietnamese,
                                    decodable: decodable, raw: rawStart..<o, passThrough: passThroughStart..<passThrough.count)
                    line.hasC1 = hasC1
                    if suspicious > 0 && unicodeVietnamese > 0 { line.glued = glued(UnsafeBufferPointer(rebasing: p[start..<i])) }
                    lines.append(line)
                    i &+= 1
                    start = i
                    rawStart = o
                    passThroughStart = passThrough.count
                    suspicious = 0
                    unicodeVietnamese = 0
                    decodable = 0
                    hasC1 = false
                    continue
                }
                // ASCII is its own byte as read.
                raw[o] = b
                o &+= 1
                i &+= 1
                continue
            }
            let c: UInt8
            let byte: Int
            let length: Int
            if b <= 0xC3 && i &+ 1 < n {
                // U+0080...U+00FF: the byte of the same number.
                let value = UInt32(b & 0x03) << 6 | UInt32(base[i &+ 1] & 0x3F)
                c = classes.low[Int(value)]
                byte = Int(value)
                length = 2
                if value < 0xA0 { hasC1 = true }
            } else {
                let (value, scalarLength) = UTF8Writer.scalar(at: i, in: p)
                c = classes.of(value)
                byte = AsRead.byte(value)
                length = scalarLength
            }
            if byte >= 0 {
                raw[o] = UInt8(truncatingIfNeeded: byte)
                o &+= 1
            } else {
                passThrough.append(o)
                passThrough.append(i)
                passThrough.append(min(n, i &+ length))
            }
            i &+= length
            suspicious &+= Int(c & LineClasses.suspicious)
            unicodeVietnamese &+= Int((c & LineClasses.unicodeVietnamese) >> 2)
            decodable &+= Int((c & LineClasses.decodable) >> 3)
        }
        var line = Line(range: start..<n, suspicious: suspicious, unicodeVietnamese: unicodeVietnamese,
                        decodable: decodable, raw: rawStart..<o, passThrough: passThroughStart..<passThrough.count)
        line.hasC1 = hasC1
        if suspicious > 0 && unicodeVietnamese > 0 { line.glued = glued(UnsafeBufferPointer(rebasing: p[start..<n])) }
        lines.append(line)
        return lines
    }

    /// Suspicious scalars next to a letter in a line (`Line.glued`).
    static func glued(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var glued = 0
        var i = 0
        let n = p.count
        var previousIsLetter = false
        // A suspicious scalar waiting to learn whether a letter follows it.
        var pendingSuspicious = false
        while i < n {
            let b = p[i]
            let (value, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Writer.scalar(at: i, in: p)
            i += length
            let suspicious = AsRead.isSuspicious(value)
            let letter = !suspicious && CapitalInference.isLetter(value)
            if pendingSuspicious && letter { glued += 1 }
            pendingSuspicious = false
            if suspicious {
                if previousIsLetter { glued += 1 } else { pendingSuspicious = true }
            }
            previousIsLetter = letter || (suspicious && previousIsLetter)
        }
        return glued
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

/// What `Line.split` asks of a scalar at or above U+0080, as bits: one table lookup for
/// U+0080...U+07FF, the definitions themselves above. Raw memory that lives as long as the
/// process.
struct LineClasses: @unchecked Sendable {  // read-only memory, written once before publication
    /// `AsRead.isSuspicious`.
    static var suspicious: UInt8 { 1 }
    /// `AsRead.isUnicodeVietnamese`.
    static var unicodeVietnamese: UInt8 { 4 }
    /// A Windows-1252 byte shows it (`AsRead.byte`).
    static var decodable: UInt8 { 8 }

    let low: UnsafePointer<UInt8>

    static let shared = LineClasses()

    init() {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x800)
        for v in 0..<UInt32(0x800) { table[Int(v)] = Self.classify(v) }
        low = UnsafePointer(table)
    }

    static func classify(_ v: UInt32) -> UInt8 {
        var c: UInt8 = 0
        if AsRead.isSuspicious(v) { c |= suspicious }
        if AsRead.isUnicodeVietnamese(v) { c |= unicodeVietnamese }
        if AsRead.byte(v) >= 0 { c |= decodable }
        return c
    }

    @inline(__always)
    func of(_ v: UInt32) -> UInt8 { v < 0x800 ? low[Int(v)] : Self.classify(v) }
}
