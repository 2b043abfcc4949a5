/// Character and paragraph properties by stream offset ([MS-DOC] 2.8.26 PlcBteChpx, 2.8.27
/// PlcBtePapx, 2.9.33 ChpxFkp, 2.9.175 PapxFkp).
///
/// ```
/// table stream:  PlcBte = FC[n + 1], PnFkp[n]        (PnFkp: low 22 bits = page number)
/// WordDocument:  page pn at pn × 512:  rgfc FC[crun + 1] | per run: offset/2 of its Chpx or Papx | … | crun (last byte)
/// ```
/// FCs here are byte offsets in the WordDocument stream (for 8-bit text too), so a character is
/// looked up by where its bytes are, not by its CP.
struct FormattedPages {
    /// Character properties a run may set directly.
    struct Character: Equatable {
        var font0: Int?
        var font2: Int?
        var style: Int?
    }

    /// Paragraph properties that matter here: the style and the table marks.
    struct Paragraph: Equatable {
        var style = 0
        var inTable = false
        /// A table terminating paragraph: its mark ends a row.
        var rowEnd = false
        /// Table nesting depth (sprmPItap); inner cells and rows of a nested table stay lines of the outer cell.
        var depth = 0
    }

    struct Span<Value> {
        var start: Int
        var end: Int
        var value: Value
    }

    private(set) var characters: [Span<Character>] = []
    private(set) var paragraphs: [Span<Paragraph>] = []
    /// Set when a limit stopped the reading: properties are known only for part of the text.
    private(set) var truncated = false
    var hasParagraphs: Bool { !paragraphs.isEmpty }

    init() {}

    init(document: [UInt8], table: [UInt8], fib: FileInformationBlock, maxRuns: Int) {
        for page in Self.pages(table, at: fib.characterBins) {
            guard characters.count < maxRuns else { truncated = true; break }
            readCharacterPage(document, page)
        }
        for page in Self.pages(table, at: fib.paragraphBins) {
            guard paragraphs.count < maxRuns else { truncated = true; break }
            readParagraphPage(document, page)
        }
        characters.sort { $0.start < $1.start }
        paragraphs.sort { $0.start < $1.start }
    }

    /// Distinct page numbers of a PlcBte, in order (a hostile table may repeat one page many times).
    private static func pages(_ table: [UInt8], at location: FileInformationBlock.Location) -> [Int] {
        guard location.length >= 12, table.contains(offset: location.offset, length: location.length) else { return [] }
        let n = (location.length - 4) / 8
        var seen = Set<Int>()
        var result: [Int] = []
        for i in 0..<n {
            guard let pn = table.u32(location.offset + (n + 1) * 4 + i * 4) else { break }
            let page = Int(pn & 0x3F_FFFF)
            if seen.insert(page).inserted { result.append(page) }
        }
        return result
    }

    private mutating func readCharacterPage(_ document: [UInt8], _ pn: Int) {
        let base = pn * 512
        guard document.contains(offset: base, length: 512) else { return }
        let crun = Int(document[base + 511])
        guard crun > 0, (crun + 1) * 4 + crun <= 511 else { return }
        for i in 0..<crun {
            guard let start = document.u32(base + i * 4), let end = document.u32(base + (i + 1) * 4), end > start else { continue }
            var props = Character()
            let offset = Int(document[base + (crun + 1) * 4 + i]) * 2
            if offset > 0, offset < 511 {
                let cb = Int(document[base + offset])
                let from = base + offset + 1
                Sprms.forEach(in: document, from: from, to: min(from + cb, base + 511)) { opcode, operand in
                    switch opcode {
                    case Sprms.cRgFtc0: props.font0 = document.u16(operand).map(Int.init)
                    case Sprms.cRgFtc2: props.font2 = document.u16(operand).map(Int.init)
                    case Sprms.cIstd: props.style = document.u16(operand).map(Int.init)
                    default: break
                    }
                }
            }
            characters.append(Span(start: Int(start), end: Int(end), value: props))
        }
    }

    private mutating func readParagraphPage(_ document: [UInt8], _ pn: Int) {
        let base = pn * 512
        guard document.contains(offset: base, length: 512) else { return }
        let cpara = Int(document[base + 511])
        guard cpara > 0, (cpara + 1) * 4 + cpara * 13 <= 511 else { return }
        for i in 0..<cpara {
            guard let start = document.u32(base + i * 4), let end = document.u32(base + (i + 1) * 4), end > start else { continue }
            var props = Paragraph()
            let offset = Int(document[base + (cpara + 1) * 4 + i * 13]) * 2
            if offset > 0, offset < 510 {
                // cb counts 2-byte words; 0 means the count is in the next byte.
                var from = base + offset + 1
                var length = Int(document[base + offset]) * 2 - 1
                if length < 0 {
                    length = Int(document[base + offset + 1]) * 2
                    from += 1
                }
                let to = min(from + length, base + 511)
                if let style = document.u16(from), from + 2 <= to { props.style = Int(style) }
                Sprms.forEach(in: document, from: from + 2, to: to) { opcode, operand in
                    let flag = (document.u8(operand) ?? 0) != 0
                    switch opcode {
                    case Sprms.pFInTable: props.inTable = flag
                    case Sprms.pFTtp: props.rowEnd = flag
                    case Sprms.pItap: props.depth = Int(Int32(bitPattern: document.u32(operand) ?? 0))
                    default: break
                    }
                }
            }
            paragraphs.append(Span(start: Int(start), end: Int(end), value: props))
        }
    }
}

/// Finds the span holding a stream offset, remembering where the last one was (text is read
/// mostly in order, so most look-ups take one comparison).
struct SpanCursor<Value> {
    private let spans: [FormattedPages.Span<Value>]
    private var index = 0

    init(_ spans: [FormattedPages.Span<Value>]) {
        self.spans = spans
    }

    mutating func value(at offset: Int) -> Value? {
        guard !spans.isEmpty else { return nil }
        if index < spans.count, spans[index].start <= offset, offset < spans[index].end { return spans[index].value }
        if index + 1 < spans.count, spans[index + 1].start <= offset, offset < spans[index + 1].end {
            index += 1
            return spans[index].value
        }
        // Binary search for the last span starting at or before the offset.
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return nil }
        index = low - 1
        return offset < spans[index].end ? spans[index].value : nil
    }
}
