import VietnameseText

/// Decodes legacy Vietnamese bytes to Unicode (NFC) and encodes Unicode back.
///
///     LegacyDecoder.decode([0x53, 0xE8], as: .tcvn3)                  // "Số"
///     LegacyDecoder.decode([0x51, 0x55, 0x59, 0xD5, 0x54], as: .tcvn3, uppercase: true)  // "QUYẾT"
///     LegacyDecoder.encode("Số", as: .vni)                              // [0x53, 0x6F, 0xE1]
///
/// Byte encodings are table lookups (two-byte VNI letters tried before one-byte ones); the
/// output of Windows-1258 and VIQR, which write tone marks separately, is composed to NFC.
public enum LegacyDecoder {
    /// The text `bytes` write in `encoding`, in NFC.
    ///
    /// - Parameter uppercase: draw every letter as a capital, as the all-capital fonts of TCVN3
    ///   (`.VnTimeH`, `.VnArialH`) do with lowercase codes; see `LegacyFonts`.
    public static func decode(_ bytes: [UInt8], as encoding: LegacyEncoding, uppercase: Bool = false) -> String {
        String(decoding: decodeUTF8(bytes, as: encoding, uppercase: uppercase), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public static func decodeUTF8(_ bytes: [UInt8], as encoding: LegacyEncoding, uppercase: Bool = false) -> [UInt8] {
        bytes.withUnsafeBufferPointer { decodeUTF8($0, as: encoding, uppercase: uppercase) }
    }

    /// Raw bytes of a whole file: decoded, and for TCVN3, which writes toned capitals with
    /// lowercase codes, headings restored (a word whose ASCII letters are capitals, `KÕ HO¹CH`,
    /// is put in capitals whole: `KẾ HOẠCH`; see `CapitalInference`).
    public static func decodeFile(_ bytes: [UInt8], as encoding: LegacyEncoding) -> [UInt8] {
        var utf8 = decodeUTF8(bytes, as: encoding)
        if encoding == .tcvn3 { CapitalInference.apply(&utf8) }
        return utf8
    }

    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: LegacyEncoding, uppercase: Bool) -> [UInt8] {
        var out: [UInt8] = []
        guard let table = CodeTables.table(for: encoding) else {
            VIQR.decode(bytes, uppercase: uppercase, into: &out)
            return composed(out)
        }
        table.decode(bytes, uppercase: uppercase, into: &out)
        return table.needsComposition ? composed(out) : out
    }

    /// `text` written in `encoding`, or nil when a character has no code there.
    ///
    /// TCVN3 has no toned capitals: they are written with the lowercase code, as typists did
    /// under an all-capital font, so decode such bytes with `uppercase: true`. Windows-1258
    /// writes a toned letter as its base letter and a combining tone byte.
    public static func encode(_ text: String, as encoding: LegacyEncoding) -> [UInt8]? {
        let nfc = VietnameseNormalizer.normalize(text, options: NormalizationOptions(tones: nil, whitespace: false))
        guard let table = CodeTables.table(for: encoding) else { return VIQR.encode(nfc) }
        var out: [UInt8] = []
        out.reserveCapacity(nfc.utf8.count)
        for scalar in nfc.unicodeScalars {
            let value = scalar.value
            if let bytes = table.encodeMap[value] {
                out.append(contentsOf: bytes)
                continue
            }
            if encoding == .tcvn3, let bytes = table.encodeMap[UTF8Writer.lower(value)] {
                out.append(contentsOf: bytes)
                continue
            }
            if let split = VietnameseLetters.toneSplit[value],
               let base = table.encodeMap[split.base], let tone = table.encodeMap[split.tone] {
                out.append(contentsOf: base)
                out.append(contentsOf: tone)
                continue
            }
            return nil
        }
        return out
    }

    /// The public source the table of `encoding` was derived from (its resource file's first line).
    public static func source(of encoding: LegacyEncoding) -> String {
        CodeTables.table(for: encoding)?.source ?? VIQR.rules.source
    }

    /// NFC of decoded UTF-8 (tone marks written after their letters).
    static func composed(_ utf8: [UInt8]) -> [UInt8] {
        VietnameseNormalizer.normalize(utf8, options: NormalizationOptions(tones: nil, whitespace: false))
    }
}
