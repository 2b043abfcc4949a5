import LegacyText

/// A run hook for the readers' real-file tests: a run in a `.Vn…` font stored as 8-bit text is
/// decoded as TCVN3 with LegacyText's table, without the all-capital fonts' upper-casing (the
/// legacy corpus's transcripts keep `.VnTimeH` lines in the lowercase their codes spell), so
/// that the readers' text can be compared with those transcripts.
public enum TCVN3Hook {
    public static func hook(_ text: String, _ font: String?, _ eightBit: Bool) -> String? {
        guard eightBit, let font, font.hasPrefix(".Vn") else { return nil }
        var out = ""
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else {
                out += LegacyDecoder.decode(bytes, as: .tcvn3)
                bytes.removeAll(keepingCapacity: true)
                out.unicodeScalars.append(scalar)
            }
        }
        return out + LegacyDecoder.decode(bytes, as: .tcvn3)
    }
}
