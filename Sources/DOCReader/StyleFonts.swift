/// The fonts the style sheet gives ([MS-DOC] 2.9.271 STSH): the document's default font, and
/// for each style the font its character properties set, following `istdBase` when it sets none.
/// A run with no font of its own takes its character style's font, else its paragraph style's.
///
/// ```
/// cbStshi (uint16), Stshi (cbStshi bytes: Stshif = cstd, cbSTDBaseInFile, …, rgftcStandardChpStsh[3] at 12)
/// cstd × [cbStd (uint16), STD (cbStd bytes)]
/// STD = Stdf (cbSTDBaseInFile bytes: stk, istdBase, cupx, …), xstzName, UPXs (cbUpx (uint16), bytes, pad to even)
/// ```
struct StyleFonts {
    private struct Style {
        var base: Int
        var font: Int?
    }

    /// Font index of the document's default ASCII font.
    private(set) var defaultFont: Int?
    private var styles: [Style?] = []

    init() {}

    /// Parses what it can; a broken style sheet leaves the styles read so far (or none).
    init(_ table: [UInt8], at location: FileInformationBlock.Location) {
        guard location.length >= 2, table.contains(offset: location.offset, length: location.length),
              let cbStshi = table.u16(location.offset) else { return }
        let end = location.offset + location.length
        let stshi = location.offset + 2
        guard let cstd = table.u16(stshi), let cbBase = table.u16(stshi + 2) else { return }
        if cbStshi >= 14, let ftc = table.u16(stshi + 12) { defaultFont = Int(ftc) }
        var at = stshi + Int(cbStshi)
        styles.reserveCapacity(Int(cstd))
        for _ in 0..<Int(cstd) {
            guard let cbStd = table.u16(at), at + 2 + Int(cbStd) <= end else { break }
            let std = at + 2
            let stdEnd = std + Int(cbStd)
            at = stdEnd
            guard cbStd > 0 else { styles.append(nil); continue }
            styles.append(Self.style(table, std: std, end: stdEnd, baseSize: Int(cbBase)))
        }
    }

    private static func style(_ b: [UInt8], std: Int, end: Int, baseSize: Int) -> Style? {
        guard baseSize >= 10, let kindAndBase = b.u16(std + 2), let cupxField = b.u16(std + 4) else { return nil }
        let kind = Int(kindAndBase & 0x000F)
        let base = Int(kindAndBase >> 4)
        let cupx = Int(cupxField & 0x000F)
        var at = std + baseSize
        guard let cch = b.u16(at) else { return nil }
        at += 2 + Int(cch) * 2 + 2
        // UPXs: paragraph styles have PAPX then CHPX; character styles CHPX; table styles TAPX, PAPX, CHPX.
        let chpxIndex: Int
        switch kind {
        case 1: chpxIndex = 1
        case 2: chpxIndex = 0
        case 3: chpxIndex = 2
        default: return Style(base: base, font: nil)
        }
        var font: Int?
        for index in 0..<cupx {
            if (at - std) % 2 == 1 { at += 1 }
            guard let cbUpx = b.u16(at), at + 2 + Int(cbUpx) <= end else { break }
            let upx = at + 2
            if index == chpxIndex {
                Sprms.forEach(in: b, from: upx, to: upx + Int(cbUpx)) { opcode, operand in
                    if opcode == Sprms.cRgFtc0 || (opcode == Sprms.cRgFtc2 && font == nil) {
                        font = b.u16(operand).map(Int.init)
                    }
                }
            }
            at = upx + Int(cbUpx)
        }
        return Style(base: base, font: font)
    }

    /// The font a style gives, through its base styles (at most as many steps as there are
    /// styles, so a cycle ends), or nil when none of them sets one.
    func font(ofStyle istd: Int?) -> Int? {
        guard var current = istd else { return nil }
        for _ in 0..<styles.count {
            guard current >= 0, current < styles.count, let style = styles[current] else { return nil }
            if let font = style.font { return font }
            guard style.base != 0x0FFF, style.base != current else { return nil }
            current = style.base
        }
        return nil
    }
}
