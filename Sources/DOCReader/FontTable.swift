/// The font table ([MS-DOC] 2.9.286 SttbfFfn): font names by index, which character
/// properties refer to (sprmCRgFtc0…2). Legacy Vietnamese text is recognised by them:
/// `.VnTime`, `.VnTimeH` (TCVN3), `VNI-Times` (VNI).
///
/// ```
/// cData (uint16), cbExtra (uint16, 0), then cData × [cchData (uint8), FFN (cchData bytes)]
/// FFN = ffid (1), wWeight (2), chs (1), ixchSzAlt (1), panose (10), fs (24), xszFfn (UTF-16, NUL-terminated) [, xszAlt]
/// ```
struct FontTable {
    struct Font: Equatable {
        var name: String
        /// The Windows character set the font declares (0 ANSI, 2 symbol, 163 Vietnamese, …).
        var charset: UInt8
    }

    var fonts: [Font] = []

    init() {}

    /// Parses the table; a broken entry ends it (fonts read so far are kept).
    init(_ table: [UInt8], at location: FileInformationBlock.Location) {
        guard location.length >= 4, table.contains(offset: location.offset, length: location.length),
              var count = table.u16(location.offset) else { return }
        let end = location.offset + location.length
        var at = location.offset + 4
        if count == 0xFFFF {
            // An extended STTB would carry a 2-byte count next; SttbfFfn is never extended, but be lenient.
            guard let wide = table.u16(location.offset + 2) else { return }
            count = wide
            at += 2
        }
        for _ in 0..<Int(count) {
            guard let size = table.u8(at) else { break }
            let ffn = at + 1
            let ffnEnd = ffn + Int(size)
            guard ffnEnd <= end, size >= 39 else { break }
            var units: [UInt16] = []
            var k = ffn + 39
            while k + 2 <= ffnEnd, let unit = table.u16(k), unit != 0 {
                units.append(unit)
                k += 2
            }
            fonts.append(Font(name: String(decoding: units, as: UTF16.self), charset: table.u8(ffn + 3) ?? 0))
            at = ffnEnd
        }
    }

    /// The name of font `index`, or nil when the table has no such font or its name is blank.
    func name(_ index: Int?) -> String? {
        guard let index, index >= 0, index < fonts.count else { return nil }
        let name = fonts[index].name
        return name.unicodeScalars.allSatisfy(\.properties.isWhitespace) ? nil : name
    }
}
