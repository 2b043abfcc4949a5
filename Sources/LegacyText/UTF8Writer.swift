/// Small UTF-8 helpers for the byte loops (no `String` or `Character` on hot paths).
enum UTF8Writer {
    /// Appends the UTF-8 form of a scalar value (invalid values become U+FFFD).
    @inline(__always)
    static func append(_ value: UInt32, to out: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            out.append(UInt8(truncatingIfNeeded: value))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(truncatingIfNeeded: value >> 6))
            out.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        case 0xD800..<0xE000:
            append(0xFFFD, to: &out)
        case 0x800..<0x10000:
            out.append(0xE0 | UInt8(truncatingIfNeeded: value >> 12))
            out.append(0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        case 0x10000...0x10FFFF:
            out.append(0xF0 | UInt8(truncatingIfNeeded: value >> 18))
            out.append(0x80 | UInt8(truncatingIfNeeded: (value >> 12) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: (value >> 6) & 0x3F))
            out.append(0x80 | UInt8(truncatingIfNeeded: value & 0x3F))
        default:
            append(0xFFFD, to: &out)
        }
    }

    /// The scalar starting at `i` in well-formed UTF-8 and its length in bytes.
    @inline(__always)
    static func scalar(at i: Int, in p: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let b = p[i]
        let n = p.count
        if b < 0x80 { return (UInt32(b), 1) }
        if b < 0xE0, i + 1 < n {
            return (UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b < 0xF0, i + 2 < n {
            return (UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        }
        if i + 3 < n {
            return (UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The capital of a scalar, for ASCII letters and the precomposed Latin letters Vietnamese
    /// uses (U+00C0...U+01B0, U+1EA0...U+1EF9); everything else unchanged.
    @inline(__always)
    static func upper(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A ? value - 0x20 : value }
        return CaseTables.shared.map(value, upper: true)
    }

    /// The lowercase form, with the same limits as `upper`.
    @inline(__always)
    static func lower(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value + 0x20 : value }
        return CaseTables.shared.map(value, upper: false)
    }
}
