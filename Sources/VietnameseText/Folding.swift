/// The folded search key: lowercase, no diacritics, đ -> d ("Thừa Thiên - Huế" -> "thua thien - hue").
///
/// A table over code points (derived from ICU's canonical decompositions) rather than a
/// transliterator: the fast path for gazetteer keys. Combining marks are dropped, so NFD input
/// folds like NFC input.
public enum Folding {
    private static let tableRange: [ClosedRange<UInt32>] = [0x0000...0x024F, 0x1E00...0x1EFF]

    /// Folded scalar for U+0000...U+024F (index v) and U+1E00...U+1EFF (index 0x250 + v - 0x1E00).
    private static let table: [UInt32] = {
        var t = [UInt32]()
        t.reserveCapacity(0x250 + 0x100)
        for range in tableRange {
            for v in range {
                guard let s = Unicode.Scalar(v) else { t.append(v); continue }
                var base = ICU.decomposition(s)?.first ?? s
                if base == "\u{0110}" || base == "\u{0111}" { base = "d" }  // Đ đ: no decomposition
                let lower = base.properties.lowercaseMapping.unicodeScalars
                t.append(lower.count == 1 ? lower.first?.value ?? base.value : base.value)
            }
        }
        return t
    }()

    /// Folds one scalar; nil for a combining mark (dropped).
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(UInt8(v + 0x20)) : s
        }
        if v >= 0x0300 && v <= 0x036F { return nil }
        if v <= 0x024F { return Unicode.Scalar(table[Int(v)]) }
        if v >= 0x1E00 && v <= 0x1EFF { return Unicode.Scalar(table[0x250 + Int(v - 0x1E00)]) }
        if s.properties.canonicalCombiningClass.rawValue != 0 { return nil }
        let lower = s.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first : s
    }

    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if let f = fold(s) { out.append(f) }
        }
        return String(out)
    }
}
