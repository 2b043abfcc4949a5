/// NFC for decomposed Vietnamese, straight over UTF-8: a Latin letter followed by the marks
/// Vietnamese writes with (grave, acute, circumflex, tilde, breve, hook above, horn, dot below)
/// is replaced by its precomposed letter.
///
/// The composition table comes from ICU (`composePair`), and a sequence is composed here only
/// when its marks are in canonical order and each one composes with what precedes it — exactly
/// the cases where NFC's result is that chain of pair compositions. Anything else makes
/// `compose` return false and the caller hands the piece to ICU. The tests check the result
/// against ICU on every letter and mark sequence.
enum Composer {
    /// The eight marks, as code points; index = position in this list.
    static let marks: [UInt32] = [0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323]

    /// Starter ranges the table covers: ASCII letters, Latin-1 to U+01B0, Vietnamese U+1EA0...U+1EF9.
    static let ranges: [(lower: UInt32, upper: UInt32, offset: Int)] = [
        (0x41, 0x7A, 0), (0xC0, 0x1B0, 0x3A), (0x1EA0, 0x1EF9, 0x3A + 0xF1),
    ]
    static let starterCount = 0x3A + 0xF1 + 0x5A

    struct Table: @unchecked Sendable {  // read-only memory, written once before publication
        /// [starter index * 8 + mark index] -> composed code point, 0 when the pair does not compose.
        var pairs: UnsafePointer<UInt32>
        /// Canonical combining class of each mark.
        var classes: UnsafePointer<UInt8>
    }

    static let table: Table = {
        var pairs = [UInt32](repeating: 0, count: starterCount * marks.count)
        for range in ranges {
            for v in range.lower...range.upper {
                guard let s = Unicode.Scalar(v) else { continue }
                for (k, m) in marks.enumerated() {
                    if let mark = Unicode.Scalar(m), let c = ICU.composePair(s, mark) {
                        pairs[(range.offset + Int(v - range.lower)) * marks.count + k] = c.value
                    }
                }
            }
        }
        let classes = marks.map { Unicode.Scalar($0).map { ICU.combiningClass($0) } ?? 0 }
        return Table(pairs: permanent(pairs), classes: permanent(classes))
    }()

    @inline(__always)
    static func starterIndex(_ v: UInt32) -> Int? {
        if v >= 0x41 && v <= 0x7A { return Int(v - 0x41) }
        if v >= 0xC0 && v <= 0x1B0 { return 0x3A + Int(v - 0xC0) }
        if v >= 0x1EA0 && v <= 0x1EF9 { return 0x3A + 0xF1 + Int(v - 0x1EA0) }
        return nil
    }

    @inline(__always)
    static func markIndex(_ v: UInt32) -> Int? {
        switch v {
        case 0x0300: 0
        case 0x0301: 1
        case 0x0302: 2
        case 0x0303: 3
        case 0x0306: 4
        case 0x0309: 5
        case 0x031B: 6
        case 0x0323: 7
        default: nil
        }
    }

    /// Appends the NFC of `p` to `out` and returns true, or returns false (with `out` possibly
    /// extended; the caller truncates) when `p` holds something this composer does not handle.
    static func compose(_ p: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let t = table
        let n = p.count
        var i = 0
        var runStart = 0
        while i < n {
            let b = p[i]
            if b < 0xCC { i += 1; continue }
            if b == 0xE1, i + 2 < n, p[i + 1] >= 0xB8, p[i + 1] <= 0xBB { i += 3; continue }
            if b == 0xE2, i + 2 < n, (p[i + 1] == 0x80 && p[i + 2] >= 0x90) || p[i + 1] == 0x81 || p[i + 1] == 0x82 { i += 3; continue }
            guard b == 0xCC || b == 0xCD, i + 1 < n else { return false }

            // A run of marks: find the starter that ends at i.
            var s = i - 1
            guard s >= runStart else { return false }
            while s > runStart && p[s] & 0xC0 == 0x80 && i - s < 3 { s -= 1 }
            let starter: UInt32
            switch i - s {
            case 1 where p[s] < 0x80: starter = UInt32(p[s])
            case 2 where p[s] & 0xE0 == 0xC0: starter = UInt32(p[s] & 0x1F) << 6 | UInt32(p[s + 1] & 0x3F)
            case 3 where p[s] & 0xF0 == 0xE0: starter = UInt32(p[s] & 0x0F) << 12 | UInt32(p[s + 1] & 0x3F) << 6 | UInt32(p[s + 2] & 0x3F)
            default: return false
            }
            guard var index = starterIndex(starter) else { return false }
            var composed = starter
            var lastClass: UInt8 = 0
            var j = i
            while j + 1 < n && (p[j] == 0xCC || p[j] == 0xCD) {
                let mark = UInt32(p[j] & 0x1F) << 6 | UInt32(p[j + 1] & 0x3F)
                guard let m = markIndex(mark) else { return false }
                let cls = t.classes[m]
                guard cls >= lastClass else { return false }  // not in canonical order
                let c = t.pairs[index * 8 + m]
                guard c != 0, let next = starterIndex(c) else { return false }
                composed = c
                index = next
                lastClass = cls
                j += 2
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<s]))
            appendScalar(composed, to: &out)
            runStart = j
            i = j
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<n]))
        return true
    }
}
