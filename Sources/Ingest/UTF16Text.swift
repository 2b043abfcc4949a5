/// UTF-16 units to a `String` by writing UTF-8 directly: the standard library's
/// `String(decoding:as: UTF16.self)` takes a generic path several times slower. A lone
/// surrogate becomes U+FFFD, as there.
public enum UTF16Text {
    public static func string(_ units: [UInt16]) -> String {
        if units.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var out = 0
            var i = 0
            let n = units.count
            while i < n {
                var scalar = UInt32(units[i])
                i += 1
                if scalar >= 0xD800 && scalar < 0xE000 {
                    if scalar < 0xDC00, i < n, units[i] >= 0xDC00, units[i] < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        i += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                if scalar < 0x80 {
                    buffer[out] = UInt8(scalar)
                    out += 1
                } else if scalar < 0x800 {
                    buffer[out] = UInt8(0xC0 | scalar >> 6)
                    buffer[out + 1] = UInt8(0x80 | scalar & 0x3F)
                    out += 2
                } else if scalar < 0x10000 {
                    buffer[out] = UInt8(0xE0 | scalar >> 12)
                    buffer[out + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    buffer[out + 2] = UInt8(0x80 | scalar & 0x3F)
                    out += 3
                } else {
                    // A surrogate pair: two units in, four bytes out (within the 3-per-unit budget).
                    buffer[out] = UInt8(0xF0 | scalar >> 18)
                    buffer[out + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    buffer[out + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    buffer[out + 3] = UInt8(0x80 | scalar & 0x3F)
                    out += 4
                }
            }
            return out
        }
    }
}
