/// Writes minimal Word 97 documents for tests: a FIB, a piece table (one piece per stretch of
/// 8-bit or 16-bit text), a font table, a style sheet with a default font, and FKP pages giving
/// each run its font and each paragraph its table marks.
struct WordDocumentBuilder {
    struct Character {
        var unit: UInt16
        var eightBit: Bool
        var font: Int?
        /// Stored as this byte as it is (legacy bytes), not through Windows-1252.
        var rawByte = false
    }

    struct ParagraphMark {
        var cp: Int
        var inTable: Bool
        var rowEnd: Bool
    }

    var fonts: [String] = ["Times New Roman", ".VnTime", "VNI-Times", ".VnTimeH"]
    /// The style sheet's default font (index into `fonts`), or nil for no style sheet.
    var defaultFont: Int? = 0
    var encrypted = false
    var nFib: UInt16 = 0xC1
    /// Extra character counts for the other stories (they follow the main text in `characters`).
    var footnoteLength = 0
    var headerLength = 0
    var commentLength = 0
    /// PlcfHdd CPs (relative to the header story), when headers are present.
    var headerCPs: [UInt32] = []
    /// Overrides of the FIB's main-text length (for hostile tests).
    var ccpTextOverride: UInt32?
    var writeFormatting = true

    private(set) var characters: [Character] = []
    private(set) var marks: [ParagraphMark] = []

    // MARK: Content

    /// Appends text; `\r`, `\u{7}` and other controls are appended as they are (use `paragraph`/`table` for marks
    /// with properties). Characters above 0xFF force 16-bit storage.
    mutating func text(_ s: String, font: Int? = nil, eightBit: Bool = true) {
        for unit in s.utf16 {
            let narrow = eightBit && Self.windows1252Byte(unit) != nil
            characters.append(Character(unit: unit, eightBit: narrow, font: font))
        }
    }

    /// Appends text stored as raw 8-bit bytes (each byte one character, as legacy fonts stored it).
    mutating func bytes(_ b: [UInt8], font: Int? = nil) {
        for byte in b { characters.append(Character(unit: UInt16(byte), eightBit: true, font: font, rawByte: true)) }
    }

    mutating func mark(_ unit: UInt16, inTable: Bool = false, rowEnd: Bool = false, eightBit: Bool = true) {
        marks.append(ParagraphMark(cp: characters.count, inTable: inTable, rowEnd: rowEnd))
        characters.append(Character(unit: unit, eightBit: eightBit, font: nil))
    }

    mutating func paragraph(_ s: String, font: Int? = nil, eightBit: Bool = true) {
        text(s, font: font, eightBit: eightBit)
        mark(0x0D)
    }

    /// A table: each cell ends with 0x07, each row with a row-end paragraph holding only 0x07.
    /// A cell text may hold `\r` for a paragraph inside the cell.
    mutating func table(_ rows: [[String]], font: Int? = nil) {
        for row in rows {
            for cell in row {
                let paragraphs = cell.split(separator: "\r", omittingEmptySubsequences: false)
                for (k, p) in paragraphs.enumerated() {
                    text(String(p), font: font)
                    mark(k == paragraphs.count - 1 ? 0x07 : 0x0D, inTable: true)
                }
            }
            mark(0x07, inTable: true, rowEnd: true)
        }
    }

    var mainLength: Int {
        let others = footnoteLength + headerLength + commentLength
        return characters.count - others - (others > 0 ? 1 : 0)
    }

    // MARK: Writing

    /// The WordDocument and table streams.
    func streams() -> (wordDocument: [UInt8], table: [UInt8]) {
        var doc = [UInt8](repeating: 0, count: 1024)  // the FIB, padded
        // Pieces: maximal stretches of one width; text placed after the FIB, 16-bit text at even offsets.
        var pieceStarts: [Int] = []
        var pieceOffsets: [Int] = []
        var pieceCompressed: [Bool] = []
        var fcOf: [Int] = []
        for (cp, c) in characters.enumerated() {
            if cp == 0 || c.eightBit != characters[cp - 1].eightBit {
                if !c.eightBit && doc.count % 2 == 1 { doc.append(0) }
                pieceStarts.append(cp)
                pieceOffsets.append(doc.count)
                pieceCompressed.append(c.eightBit)
            }
            fcOf.append(doc.count)
            if c.eightBit {
                doc.append(c.rawByte ? UInt8(c.unit) : Self.windows1252Byte(c.unit) ?? 0x3F)
            } else {
                doc.append(UInt8(c.unit & 0xFF))
                doc.append(UInt8(c.unit >> 8))
            }
        }
        let textEnd = doc.count
        func width(_ cp: Int) -> Int { characters[cp].eightBit ? 1 : 2 }

        var table: [UInt8] = []
        // Clx
        let clxOffset = table.count
        var plc: [UInt8] = []
        for s in pieceStarts { plc += le32(UInt32(s)) }
        plc += le32(UInt32(characters.count))
        for (k, offset) in pieceOffsets.enumerated() {
            plc += [0, 0]
            plc += le32(pieceCompressed[k] ? UInt32(offset * 2) | 0x4000_0000 : UInt32(offset))
            plc += [0, 0]
        }
        table += [0x02] + le32(UInt32(plc.count)) + plc
        let clxLength = table.count - clxOffset

        // SttbfFfn
        let fontsOffset = table.count
        table += le16(UInt16(fonts.count)) + le16(0)
        for name in fonts {
            var ffn: [UInt8] = [0x26, 0x90, 0x01, 0, 0] + [UInt8](repeating: 0, count: 34)
            for u in name.utf16 { ffn += le16(u) }
            ffn += [0, 0]
            table += [UInt8(ffn.count)] + ffn
        }
        let fontsLength = table.count - fontsOffset

        // Style sheet: one paragraph style, Normal, with no font of its own.
        var stshOffset = 0, stshLength = 0
        if let defaultFont {
            stshOffset = table.count
            var stshi = le16(1) + le16(10) + le16(1) + le16(0) + le16(0) + le16(0)
            stshi += le16(UInt16(defaultFont)) + le16(0) + le16(0)
            var std = le16(0) + le16(0xFFF0 | 1) + le16(0 | 2) + le16(0) + le16(0)
            let name = Array("Normal".utf16)
            std += le16(UInt16(name.count))
            for u in name { std += le16(u) }
            std += [0, 0]
            if std.count % 2 == 1 { std.append(0) }
            std += le16(2) + le16(0)  // UpxPapx: istd 0
            std += le16(0)            // UpxChpx: empty
            table += le16(UInt16(stshi.count)) + stshi + le16(UInt16(std.count)) + std
            stshLength = table.count - stshOffset
        }

        // FKP pages, at 512-byte boundaries after the text.
        var chpxBins: (fcs: [UInt32], pages: [UInt32]) = ([], [])
        var papxBins: (fcs: [UInt32], pages: [UInt32]) = ([], [])
        if writeFormatting && !characters.isEmpty {
            // Character runs: one per stretch of one font within one piece.
            var runs: [(start: Int, end: Int, font: Int?)] = []
            let startSet = Set(pieceStarts)
            for cp in characters.indices {
                let newPiece = startSet.contains(cp)
                if cp == 0 || newPiece || characters[cp].font != characters[cp - 1].font {
                    runs.append((fcOf[cp], fcOf[cp] + width(cp), characters[cp].font))
                } else {
                    runs[runs.count - 1].end = fcOf[cp] + width(cp)
                }
            }
            for chunk in stride(from: 0, to: runs.count, by: 20) {
                let part = Array(runs[chunk..<min(runs.count, chunk + 20)])
                var page = [UInt8](repeating: 0, count: 512)
                put(&page, part.map { UInt32($0.start) } + [UInt32(part[part.count - 1].end)])
                var free = 510
                for (i, run) in part.enumerated() {
                    guard let font = run.font else { continue }
                    free -= 6
                    page[free] = 4
                    page.replaceSubrange((free + 1)..<(free + 5), with: le16(0x4A4F) + le16(UInt16(font)))
                    page[(part.count + 1) * 4 + i] = UInt8(free / 2)
                }
                page[511] = UInt8(part.count)
                while doc.count % 512 != 0 { doc.append(0) }
                chpxBins.fcs.append(UInt32(part[0].start))
                chpxBins.pages.append(UInt32(doc.count / 512))
                doc += page
            }
            if let last = runs.last { chpxBins.fcs.append(UInt32(last.end)) }

            // Paragraphs: from after the previous mark to after this one.
            var paragraphs: [(start: Int, end: Int, mark: ParagraphMark)] = []
            var from = characters.isEmpty ? 0 : fcOf[0]
            for m in marks {
                let end = fcOf[m.cp] + width(m.cp)
                paragraphs.append((from, end, m))
                from = m.cp + 1 < characters.count ? fcOf[m.cp + 1] : end
            }
            for chunk in stride(from: 0, to: paragraphs.count, by: 10) {
                let part = Array(paragraphs[chunk..<min(paragraphs.count, chunk + 10)])
                var page = [UInt8](repeating: 0, count: 512)
                put(&page, part.map { UInt32($0.start) } + [UInt32(part[part.count - 1].end)])
                var free = 510
                for (i, p) in part.enumerated() {
                    free -= 10
                    var papx: [UInt8] = [5] + le16(0)
                    papx += le16(0x2416) + [p.mark.inTable ? 1 : 0]
                    papx += le16(0x2417) + [p.mark.rowEnd ? 1 : 0]
                    papx.append(0)
                    page.replaceSubrange(free..<(free + papx.count), with: papx)
                    page[(part.count + 1) * 4 + i * 13] = UInt8(free / 2)
                }
                page[511] = UInt8(part.count)
                while doc.count % 512 != 0 { doc.append(0) }
                papxBins.fcs.append(UInt32(part[0].start))
                papxBins.pages.append(UInt32(doc.count / 512))
                doc += page
            }
            if let last = paragraphs.last { papxBins.fcs.append(UInt32(last.end)) }
        }
        _ = textEnd
        func bins(_ b: (fcs: [UInt32], pages: [UInt32])) -> (Int, Int) {
            guard !b.pages.isEmpty else { return (0, 0) }
            let offset = table.count
            for fc in b.fcs { table += le32(fc) }
            for pn in b.pages { table += le32(pn) }
            return (offset, table.count - offset)
        }
        let chpx = bins(chpxBins)
        let papx = bins(papxBins)
        var hdd = (0, 0)
        if !headerCPs.isEmpty {
            hdd = (table.count, headerCPs.count * 4)
            for cp in headerCPs { table += le32(cp) }
        }

        // The FIB.
        var fib = [UInt8](repeating: 0, count: 1024)
        func put16(_ v: UInt16, _ o: Int) { fib[o] = UInt8(v & 0xFF); fib[o + 1] = UInt8(v >> 8) }
        func put32(_ v: UInt32, _ o: Int) { for k in 0..<4 { fib[o + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) } }
        put16(0xA5EC, 0); put16(nFib, 2); put16(0x0200 | (encrypted ? 0x0100 : 0), 0x0A)
        put16(14, 0x20)
        put16(22, 0x3E)
        let longs = 0x40
        put32(ccpTextOverride ?? UInt32(mainLength), longs + 3 * 4)
        put32(UInt32(footnoteLength), longs + 4 * 4)
        put32(UInt32(headerLength), longs + 5 * 4)
        put32(UInt32(commentLength), longs + 7 * 4)
        put16(93, 0x98)
        let pairs = 0x9A
        func pair(_ index: Int, _ location: (Int, Int)) {
            put32(UInt32(location.0), pairs + index * 8)
            put32(UInt32(location.1), pairs + index * 8 + 4)
        }
        pair(1, (stshOffset, stshLength))
        pair(11, hdd)
        pair(12, chpx)
        pair(13, papx)
        pair(15, (fontsOffset, fontsLength))
        pair(33, (clxOffset, clxLength))
        doc.replaceSubrange(0..<1024, with: fib)
        return (doc, table)
    }

    /// The whole .doc file.
    func make(extraStreams: [(name: String, bytes: [UInt8])] = [], version4: Bool = false) -> CompoundFileImage {
        let (doc, table) = streams()
        return CompoundFileBuilder.make([("WordDocument", doc), ("1Table", table)] + extraStreams, version4: version4)
    }

    // MARK: Helpers

    static func windows1252Byte(_ unit: UInt16) -> UInt8? {
        if unit < 0x80 || (unit >= 0xA0 && unit <= 0xFF) { return UInt8(unit) }
        let high: [UInt16] = [0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                              0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178]
        return high.firstIndex(of: unit).map { UInt8(0x80 + $0) }
    }

    private func put(_ page: inout [UInt8], _ values: [UInt32]) {
        for (i, v) in values.enumerated() { page.replaceSubrange((i * 4)..<(i * 4 + 4), with: le32(v)) }
    }
}

func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * UInt32($0))) } }
