import Foundation

/// Single-byte code pages for `\'hh` escapes and 8-bit text: Windows-1252 and Windows-1258
/// (Vietnamese) from tables here, 1250, 1251, 1253 and 1254 through Foundation, built once.
/// Bytes a code page leaves undefined keep their Latin-1/C1 code point, so nothing is lost.
enum RTFCodePages {
    /// The code page a font's `\fcharsetN` stands for (nil for "default": use the document's).
    static func codePage(forCharset charset: Int) -> Int? {
        switch charset {
        case 0: 1252
        case 1: nil
        case 2: 1252  // Symbol: the bytes are glyph numbers; the font name says so
        case 77: 10000
        case 128: 932
        case 129: 949
        case 130: 1361
        case 134: 936
        case 136: 950
        case 161: 1253
        case 162: 1254
        case 163: 1258
        case 177: 1255
        case 178: 1256
        case 186: 1257
        case 204: 1251
        case 222: 874
        case 238: 1250
        case 254: 437
        case 255: 850
        default: nil
        }
    }

    /// The 256 UTF-16 units of a code page, or nil when it is not one this reader has.
    static func table(_ codePage: Int) -> [UInt16]? {
        switch codePage {
        case 1252: windows1252
        case 1258: windows1258
        case 1250: windows1250
        case 1251: windows1251
        case 1253: windows1253
        case 1254: windows1254
        default: nil
        }
    }

    /// The standard name of a code page, for `source.encoding`.
    static func name(_ codePage: Int) -> String { "windows-\(codePage)" }

    static let windows1252: [UInt16] = latin1(replacingHigh: [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ])

    /// Windows-1258: Windows-1252's 0x80–0x9F (less Š š Ž ž), and in 0xC0–0xFF the Vietnamese
    /// letters Ă Đ Ơ Ư ă đ ơ ư, the dong sign and five combining tone marks.
    static let windows1258: [UInt16] = {
        var t = latin1(replacingHigh: [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x008A, 0x2039, 0x0152, 0x008D, 0x008E, 0x008F,
            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x009A, 0x203A, 0x0153, 0x009D, 0x009E, 0x0178,
        ])
        let vietnamese: [(Int, UInt16)] = [
            (0xC3, 0x0102), (0xCC, 0x0300), (0xD0, 0x0110), (0xD2, 0x0309), (0xD5, 0x01A0), (0xDD, 0x01AF), (0xDE, 0x0303),
            (0xE3, 0x0103), (0xEC, 0x0301), (0xF0, 0x0111), (0xF2, 0x0323), (0xF5, 0x01A1), (0xFD, 0x01B0), (0xFE, 0x20AB),
        ]
        for (byte, unit) in vietnamese { t[byte] = unit }
        return t
    }()

    static let windows1250 = foundation(.windowsCP1250)
    static let windows1251 = foundation(.windowsCP1251)
    static let windows1253 = foundation(.windowsCP1253)
    static let windows1254 = foundation(.windowsCP1254)

    private static func latin1(replacingHigh high: [UInt16]) -> [UInt16] {
        var t = (0..<256).map { UInt16($0) }
        for (k, unit) in high.enumerated() { t[0x80 + k] = unit }
        return t
    }

    private static func foundation(_ encoding: String.Encoding) -> [UInt16] {
        (0..<256).map { byte -> UInt16 in
            guard byte >= 0x80, let s = String(bytes: [UInt8(byte)], encoding: encoding), s.utf16.count == 1,
                  let unit = s.utf16.first else { return UInt16(byte) }
            return unit
        }
    }
}
