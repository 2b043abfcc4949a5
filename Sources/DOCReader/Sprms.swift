/// Property modifiers ([MS-DOC] 2.2.5.1 Sprm, 2.6): a 16-bit opcode whose top three bits (spra)
/// say how long the operand is, followed by the operand. A grpprl is a list of them.
enum Sprms {
    /// Character properties: fonts (ASCII, East Asian, other) and character style.
    static let cRgFtc0: UInt16 = 0x4A4F
    static let cRgFtc1: UInt16 = 0x4A50
    static let cRgFtc2: UInt16 = 0x4A51
    static let cIstd: UInt16 = 0x4A30
    /// Paragraph properties: in a table, table terminating paragraph (row end), nesting depth.
    static let pFInTable: UInt16 = 0x2416
    static let pFTtp: UInt16 = 0x2417
    static let pItap: UInt16 = 0x6649

    private static let tDefTable: UInt16 = 0xD608
    private static let tDefTable10: UInt16 = 0xD606
    private static let pChgTabs: UInt16 = 0xC615

    /// Calls `body(opcode, operandOffset)` for each sprm in `bytes[range]`, stopping at the first
    /// one whose operand would run past the end. Offsets are into `bytes`.
    static func forEach(in bytes: [UInt8], from start: Int, to end: Int, _ body: (UInt16, Int) -> Void) {
        let end = min(end, bytes.count)
        var at = max(0, start)
        while at + 2 <= end {
            guard let opcode = bytes.u16(at) else { return }
            let operand = at + 2
            let length: Int
            switch opcode >> 13 {
            case 0, 1: length = 1
            case 2, 4, 5: length = 2
            case 3: length = 4
            case 7: length = 3
            default:
                guard let size = bytes.u8(operand) else { return }
                if opcode == tDefTable || opcode == tDefTable10 {
                    // A 2-byte size that counts itself minus one.
                    guard let wide = bytes.u16(operand) else { return }
                    length = Int(wide) + 1
                } else if opcode == pChgTabs && size == 255 {
                    // cTabsDel, 4 bytes each, then cTabsAdd, 3 bytes each.
                    guard let deleted = bytes.u8(operand + 1), let added = bytes.u8(operand + 2 + Int(deleted) * 4) else { return }
                    length = 3 + Int(deleted) * 4 + Int(added) * 3
                } else {
                    length = 1 + Int(size)
                }
            }
            guard operand + length <= end else { return }
            body(opcode, operand)
            at = operand + length
        }
    }
}
