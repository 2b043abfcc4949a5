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
