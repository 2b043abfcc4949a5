/// The Vietnamese letters as vndoc sees them: a base letter (one of the twelve vowels, đ, or a
/// plain ASCII consonant), one of the six tones, and a case.
///
/// The tables are derived from Unicode's canonical compositions through ICU (NFC of vowel +
/// quality mark + tone mark), not typed in; a test checks all 144 toned and toneless vowels.
public enum Tone: UInt8, Sendable, CaseIterable {
    case level = 0      // ngang: no mark
    case grave = 1      // huyền, U+0300
    case acute = 2      // sắc, U+0301
    case hook = 3       // hỏi, U+0309
    case tilde = 4      // ngã, U+0303
    case dot = 5        // nặng, U+0323

    /// The combining mark that writes this tone, nil for the level tone.
    public var combiningMark: Unicode.Scalar? {
        switch self {
        case .level: nil
        case .grave: "\u{0300}"
        case .acute: "\u{0301}"
        case .hook: "\u{0309}"
        case .tilde: "\u{0303}"
        case .dot: "\u{0323}"
        }
    }
}

/// A letter decoded from one scalar: `key` identifies the toneless lowercase letter.
struct Letter: Equatable {
    /// ASCII lowercase for plain letters; `Letters.ă` … `Letters.đ` for the others.
    var key: UInt8
    var tone: Tone
    var upper: Bool

    /// a e i o u y and ă â ê ô ơ ư, as a bit test (no table: this runs for every letter).
    @inline(__always) var isVowel: Bool {
        let low: UInt64 = 0x7E  // keys 1...6
        let high: UInt64 = 1 << 33 | 1 << 37 | 1 << 41 | 1 << 47 | 1 << 53 | 1 << 57  // a e i o u y
        return key < 64 ? (low >> UInt64(key)) & 1 == 1 : (high >> UInt64(key & 63)) & 1 == 1
    }
    /// ă â ê ô ơ ư: vowels whose quality mark attracts the tone.
    var hasQualityMark: Bool { key >= Letters.ă && key <= Letters.ư }
}

/// A copy of `array` in memory that is never freed: for tables built once per process.
func permanent<T>(_ array: [T]) -> UnsafePointer<T> {
    let p = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
    p.initialize(from: array, count: array.count)
    return UnsafePointer(p)
}

enum Letters {
    // Keys for the letters that are not ASCII. Vowels with a quality mark are 1...6.
    static let ă: UInt8 = 1, â: UInt8 = 2, ê: UInt8 = 3, ô: UInt8 = 4, ơ: UInt8 = 5, ư: UInt8 = 6, đ: UInt8 = 7

    /// The twelve vowel letters as (key, ASCII base, quality mark).
    static let vowels: [(key: UInt8, base: Unicode.Scalar, mark: Unicode.Scalar?)] = [
        (UInt8(ascii: "a"), "a", nil), (ă, "a", "\u{0306}"), (â, "a", "\u{0302}"),
        (UInt8(ascii: "e"), "e", nil), (ê, "e", "\u{0302}"),
        (UInt8(ascii: "i"), "i", nil),
        (UInt8(ascii: "o"), "o", nil), (ô, "o", "\u{0302}"), (ơ, "o", "\u{031B}"),
        (UInt8(ascii: "u"), "u", nil), (ư, "u", "\u{031B}"),
        (UInt8(ascii: "y"), "y", nil),
    ]

    static let isVowelKey: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for v in vowels { table[Int(v.key)] = true }
        return table
    }()

    /// The ASCII letter a key folds to (ă -> a, đ -> d).
    static let asciiBase: [UInt8] = {
        var table = (0..<128).map { UInt8($0) }
        for v in vowels { table[Int(v.key)] = UInt8(v.base.value) }
        table[Int(đ)] = UInt8(ascii: "d")
        return table
    }()

    /// Scalars U+00C0...U+01B0 and U+1EA0...U+1EF9 -> packed letter (0 = not a Vietnamese letter).
    /// Packing: key (bits 0-6), tone (bits 8-10), upper (bit 12), valid (bit 15).
    private static let lowRange: ClosedRange<UInt32> = 0x00C0...0x01B0
    private static let highRange: ClosedRange<UInt32> = 0x1EA0...0x1EF9

    /// Lookup tables as raw pointers to memory that lives as long as the process: hot loops
    /// copy this value into a local and pay no reference counting per letter.
    struct Tables: @unchecked Sendable {  // read-only memory, written once before publication
        var low: UnsafePointer<UInt16>
        var high: UnsafePointer<UInt16>
        /// [key][tone][upper] -> scalar value
        var compose: UnsafePointer<UInt32>

        /// The letter a non-ASCII scalar writes (hot loops copy `Letters.tables` into a local first,
        /// so they do not pay for the lazy global on every letter).
        @inline(__always)
        func letter(_ scalar: UInt32) -> Letter? {
            let packed: UInt16
            if scalar >= 0x00C0 && scalar <= 0x01B0 {
                packed = low[Int(scalar &- 0x00C0)]
            } else if scalar >= 0x1EA0 && scalar <= 0x1EF9 {
                packed = high[Int(scalar &- 0x1EA0)]
            } else {
                return nil
            }
            guard packed & 0x8000 != 0 else { return nil }
            return Letter(key: UInt8(packed & 0x7F), tone: Tone(rawValue: UInt8((packed >> 8) & 7)) ?? .level, upper: packed & 0x1000 != 0)
        }
    }

    static let tables: Tables = {
        var low = [UInt16](repeating: 0, count: Int(lowRange.count))
        var high = [UInt16](repeating: 0, count: Int(highRange.count))
        var compose = [UInt32](repeating: 0, count: 128 * 6 * 2)
        func pack(_ key: UInt8, _ tone: Tone, _ upper: Bool) -> UInt16 {
            UInt16(key) | UInt16(tone.rawValue) << 8 | (upper ? 1 << 12 : 0) | 1 << 15
        }
        func record(_ scalar: Unicode.Scalar, _ key: UInt8, _ tone: Tone, _ upper: Bool) {
            let v = scalar.value
            if lowRange.contains(v) { low[Int(v - lowRange.lowerBound)] = pack(key, tone, upper) }
            if highRange.contains(v) { high[Int(v - highRange.lowerBound)] = pack(key, tone, upper) }
            compose[(Int(key) * 6 + Int(tone.rawValue)) * 2 + (upper ? 1 : 0)] = v
        }
        for v in vowels {
            for upper in [false, true] {
                let ascii = upper ? Unicode.Scalar(v.base.value - 0x20)! : v.base
                for tone in Tone.allCases {
                    // Full NFC, not pairwise composition: ậ is a + dot below + circumflex.
                    var written = String.UnicodeScalarView([ascii])
                    if let mark = v.mark { written.append(mark) }
                    if let mark = tone.combiningMark { written.append(mark) }
                    let composed = ICU.nfc(String(written)).unicodeScalars
                    guard composed.count == 1, let scalar = composed.first else { continue }
                    record(scalar, v.key, tone, upper)
                }
            }
        }
        // đ has no canonical decomposition; it is its own letter.
        record("\u{0111}", đ, .level, false)
        record("\u{0110}", đ, .level, true)
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") where !isVowelKey[Int(c)] {
            compose[(Int(c) * 6) * 2] = UInt32(c)
            compose[(Int(c) * 6) * 2 + 1] = UInt32(c - 0x20)
        }
        return Tables(low: permanent(low), high: permanent(high), compose: permanent(compose))
    }()

    /// The letter a non-ASCII scalar writes, if it is one of the Vietnamese letters.
    static func letter(_ scalar: UInt32) -> Letter? { tables.letter(scalar) }

    /// The scalar that writes a letter.
    @inline(__always)
    static func scalar(_ l: Letter) -> UInt32 {
        tables.compose[(Int(l.key) * 6 + Int(l.tone.rawValue)) * 2 + (l.upper ? 1 : 0)]
    }
}
