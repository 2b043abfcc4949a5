/// Text "as read": what a Unicode reader shows for legacy bytes, each byte read as Windows-1252
/// (or, by readers that use Latin-1, as the C1 control of the same number).
///
/// Mapping each scalar back to its byte and decoding those bytes with a legacy table repairs
/// the text. Scalars no Windows-1252 byte produces (real Unicode letters such as ơ or ệ, U+FFFD
/// left by a reader for an undefined byte) pass through unchanged.
enum AsRead {
    /// The Windows-1252 byte a reader showed as `value`, or -1.
    @inline(__always)
    static func byte(_ value: UInt32) -> Int {
        if value < 0x100 { return Int(value) }
        switch value {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return -1
        }
    }

    /// Latin-1 letters Vietnamese Unicode text uses (À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý and their
    /// lowercase forms): seeing them proves nothing.
    static let vietnameseLatin1: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for v in [0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD2, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD] {
            table[v] = true
            table[v + 0x20] = true
        }
        return table
    }()

    /// `vietnameseLatin1` for U+00C0...U+00FF as bits (bit k: U+00C0 + k), for the hot loops: a
    /// constant needs no lazy global. A test checks it against the table.
    static var vietnameseLatin1Mask: UInt64 { 0x263C_370F_263C_370F }

    /// Whether a scalar is typical of legacy bytes read as Windows-1252 and rare in real text:
    /// C1 controls, Latin-1 symbols and letters Vietnamese does not use (µ ¸ § ® Ñ ö ø ...),
    /// and the letters Windows-1252 adds (Œ œ Š š Ÿ ƒ ...).
    @inline(__always)
    static func isSuspicious(_ value: UInt32) -> Bool {
        if value < 0x80 { return false }
        if value < 0xA0 { return true }
        if value < 0xC0 { return value != 0xA0 }
        if value < 0x100 { return (vietnameseLatin1Mask >> UInt64(value - 0xC0)) & 1 == 0 }
        switch value {
        case 0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017D, 0x017E, 0x0192, 0x02C6, 0x02DC,
             0x2020, 0x2021, 0x2030, 0x2039, 0x203A, 0x2122:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is a Vietnamese letter that no legacy byte read as Windows-1252 yields
    /// (ă â-with-tone đ ĩ ũ ơ ư, U+1EA0...U+1EF9): proof of real Unicode Vietnamese.
    @inline(__always)
    static func isUnicodeVietnamese(_ value: UInt32) -> Bool {
        switch value {
        case 0x0102, 0x0103, 0x0110, 0x0111, 0x0128, 0x0129, 0x0168, 0x0169, 0x01A0, 0x01A1, 0x01AF, 0x01B0: true
        case 0x1EA0...0x1EF9: true
        default: false
        }
    }
}
