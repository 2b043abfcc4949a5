/// Case mappings of U+00C0...U+01B0 and U+1EA0...U+1EF9, built once from Unicode's properties
/// (which are too slow to ask per letter).
struct CaseTables: Sendable {
    static let shared = CaseTables()
    static let low: ClosedRange<UInt32> = 0xC0...0x1B0
    static let high: ClosedRange<UInt32> = 0x1EA0...0x1EF9

    let upperLow: [UInt32], lowerLow: [UInt32], upperHigh: [UInt32], lowerHigh: [UInt32]

    init() {
        func build(_ range: ClosedRange<UInt32>, upper: Bool) -> [UInt32] {
            range.map { value in
                guard let scalar = Unicode.Scalar(value) else { return value }
                let mapped = upper ? scalar.properties.uppercaseMapping.unicodeScalars : scalar.properties.lowercaseMapping.unicodeScalars
                guard mapped.count == 1, let first = mapped.first,
                      Self.low.contains(first.value) || Self.high.contains(first.value) else { return value }
                return first.value
            }
        }
        upperLow = build(Self.low, upper: true)
        lowerLow = build(Self.low, upper: false)
        upperHigh = build(Self.high, upper: true)
        lowerHigh = build(Self.high, upper: false)
    }

    @inline(__always)
    func map(_ value: UInt32, upper: Bool) -> UInt32 {
        if Self.low.contains(value) {
            let i = Int(value - Self.low.lowerBound)
            return upper ? upperLow[i] : lowerLow[i]
        }
        if Self.high.contains(value) {
            let i = Int(value - Self.high.lowerBound)
            return upper ? upperHigh[i] : lowerHigh[i]
        }
        return value
    }
}

/// What the byte loops ask about a scalar of U+00C0...U+01B0 or U+1EA0...U+1EF9, as one table
/// lookup: whether it is a letter (`CapitalInference.isLetter`) and which case forms it has
/// (from `CaseTables`). Raw memory that lives as long as the process: hot loops copy `shared`
/// into a local and pay neither the lazy global nor reference counting per scalar.
struct LetterFlags: @unchecked Sendable {  // read-only memory, written once before publication
    /// `CapitalInference.isLetter`.
    static let letter: UInt8 = 1
    /// A capital: its lowercase form differs (`UTF8Writer.lower(v) != v`).
    static let capital: UInt8 = 2
    /// A small letter: its capital differs (`UTF8Writer.upper(v) != v`).
    static let small: UInt8 = 4
    /// Ă Â Ê Ô Ơ Ư Đ, the capitals TCVN3 has codes for (`CapitalInference.untonedCapitals`).
    static let untonedCapital: UInt8 = 8

    let low: UnsafePointer<UInt8>
    let high: UnsafePointer<UInt8>
    /// Whether every capital `UTF8Writer.upper` gives has as many UTF-8 bytes as its letter
    /// (true: the case tables map within ranges of one length), so capitals can be written in
    /// place (`CapitalInference.applyInPlace`).
    let capitalsKeepLength: Bool

    static let shared = LetterFlags()

    init() {
        let cases = CaseTables.shared
        func build(_ range: ClosedRange<UInt32>) -> UnsafePointer<UInt8> {
            let table = UnsafeMutablePointer<UInt8>.allocate(capacity: range.count)
            for (k, v) in range.enumerated() {
                var flags: UInt8 = 0
                if CapitalInference.isLetter(v) { flags |= Self.letter }
                if cases.map(v, upper: false) != v { flags |= Self.capital }
                if cases.map(v, upper: true) != v { flags |= Self.small }
                if CapitalInference.untonedCapitals.contains(v) { flags |= Self.untonedCapital }
                table[k] = flags
            }
            return UnsafePointer(table)
        }
        low = build(CaseTables.low)
        high = build(CaseTables.high)
        capitalsKeepLength = (Array(CaseTables.low) + Array(CaseTables.high)).allSatisfy { v in
            CapitalInference.utf8Length(cases.map(v, upper: true)) == CapitalInference.utf8Length(v)
        }
    }

    /// The flags of a scalar at or above U+0080 (0 outside the two ranges).
    @inline(__always)
    func of(_ v: UInt32) -> UInt8 {
        if v &- 0xC0 <= 0x1B0 - 0xC0 { return low[Int(v &- 0xC0)] }
        if v &- 0x1EA0 <= 0x1EF9 - 0x1EA0 { return high[Int(v &- 0x1EA0)] }
        return 0
    }
}
