import DocumentModel
import Foundation

/// A block found in a part, kept until the whole document is read: a vertically merged cell's
/// row span is known only when the merge ends, after the cell's block was found.
struct PendingBlock {
    var type: BlockType
    var text: String
    var level: Int? = nil
    var label: String? = nil
    var list: ListKind? = nil
    var cell: TableCell? = nil
    var part: String? = nil
}

/// Reads the story parts of a document (body, headers, footers, notes, comments) into blocks,
/// one streaming pass per part. State shared across parts (table numbers, list counters, note
/// numbers, font use, the blocks themselves) lives here; state of one pass lives in `Pass`.
///
/// Each run's font is resolved as `FontChoice` describes. When the `runText` hook is set, the
/// text of consecutive runs of one resolved font within a paragraph (tabs and line breaks
/// inside them included) goes to the hook as one piece, and what it returns replaces that
/// piece; a symbol (`w:sym`), a note mark or a run without a font ends the piece.
struct BodyReader {
    typealias RunTextHook = @Sendable (_ text: String, _ font: String) -> String?

    let styles: StyleSheet
    let numbering: Numbering
    let runText: RunTextHook?
    /// Note numbering: the document's settings, then the body's section properties.
    private(set) var notes: NoteSettings
    private(set) var blocks: [PendingBlock] = []
    /// Header and footer references of the body's section properties, in document order
    /// (relationship ids).
    private(set) var sectionParts: [(kind: SectionPart, id: String)] = []
    /// Unicode scalars of run text per resolved font.
    private(set) var fontUse: [String: Int] = [:]
    private var counters = ListCounters()
    private var tableCount = 0
    /// Notes the body references, by kind and `w:id`: the order of first reference and the
    /// number Word shows (nil for a custom mark).
    private var noteReferences: [NoteKind: [Int: (order: Int, number: Int?)]] = [:]
    private var noteNumbers: [NoteKind: Int] = [:]

    enum SectionPart { case header, footer }

    init(styles: StyleSheet, numbering: Numbering, notes: NoteSettings = NoteSettings(), runText: RunTextHook? = nil) {
        self.styles = styles
        self.numbering = numbering
        self.notes = notes
        self.runText = runText
    }

    /// What a part added can be taken back to (a header identical to one read before).
    struct Mark {
        fileprivate var blocks: Int
        fileprivate var tables: Int
        fileprivate var counters: ListCounters
        fileprivate var fontUse: [String: Int]
    }

    func mark() -> Mark {
        Mark(blocks: blocks.count, tables: tableCount, counters: counters, fontUse: fontUse)
    }

    /// The blocks added since `mark`, as a key to compare parts by what they show.
    func content(since mark: Mark) -> [String] {
        blocks[mark.blocks...].map { "\($0.type.rawValue)\u{0}\($0.text)" }
    }

    mutating func rollback(to mark: Mark) {
        blocks.removeSubrange(mark.blocks...)
        tableCount = mark.tables
        counters = mark.counters
        fontUse = mark.fontUse
    }

    /// After the body: writes each note reference's mark, now that the body's section
    /// properties (which come after the text they apply to) are known.
    mutating func finishBody() {
        guard !noteNumbers.isEmpty else { return }
        for i in blocks.indices where blocks[i].text.utf8.contains(0x01) {
            blocks[i].text = notes.replacingPlaceholders(in: blocks[i].text)
        }
    }

    // MARK: - Per-pass state

    private struct Paragraph {
        var depth: Int
        var bytes: [UInt8] = []
        var style: String?
        var numId: Int?
        var ilvl: Int?
        var outline: Int?
        /// Depth of the paragraph's own `w:pPr` while inside it.
        var pPrDepth: Int?
        var inNumPr = false
        /// The font of the run text at the end of `bytes` not yet given to the `runText` hook,
        /// and where that text starts.
        var segmentFont: String?
        var segmentStart = 0
        /// A note's own mark: its label and the byte after it.
        var noteLabel: String?
        var noteLabelEnd: Int?
    }

    private struct Run {
        var depth: Int
        /// The font of the run's own `w:rFonts`, and its `w:rStyle`.
        var font: String?
        var style: String?
        /// The resolved font, once asked for (nil inside: no font anywhere in the chain).
        var resolved: String??
    }

    private struct OpenNote {
        var depth: Int
        var kind: NoteKind
        var reference: (order: Int, number: Int?)?
        var firstBlock: Int
    }

    private struct Cell {
        var table: Int
        var parentTable: Int?
        var row: Int
        var column: Int
        var columnSpan = 1
        var header: Bool
        /// "restart", "continue" or nil (no vertical merge).
        var vMerge: String?
        var bytes: [UInt8] = []
        /// Index in `blocks` of the cell's first block, for a merge to extend.
        var firstBlock: Int?
    }

    private struct Table {
        var number: Int
        var parent: Int?
        var row = 0
        var nextColumn = 1
        var headerRow = false
        /// Grid column → index of the block of the cell whose vertical merge is open there
        /// (-1 when that cell had no text).
        var openMerges: [Int: Int] = [:]
    }

    private enum Container { case cell, textBox }

    private struct Pass {
        var part: String?
        var skipDepth: Int?
        var paragraphs: [Paragraph] = []
        var cells: [Cell] = []
        var tables: [Table] = []
        var containers: [Container] = []
        var runs: [Run] = []
        /// Depth of the innermost run's `w:rPr` while inside it.
        var runPropertiesDepth: Int?
        var inText = false
        /// Depth of the body's `w:sectPr` while inside it, and the note properties open in it.
        var sectPrDepth: Int?
        var noteProperties: NoteKind?
        var note: OpenNote?
        /// Notes read in this part: their order of reference (Int.max for notes the body does
        /// not reference), their place in the part and their blocks.
        var noteSpans: [(order: Int, index: Int, blocks: Range<Int>)] = []
        /// One entry per open complex field: true while in its instruction (before `separate`).
        var fields: [Bool] = []
        /// Unicode scalars of run text in one font not yet added to `fontUse` (at the end of the
        /// part at the latest).
        var fontCount: (font: String, count: Int)?
        var instructionFields = 0
        /// Open `mc:Choice`/`mc:AlternateContent` do nothing; `mc:Fallback` is skipped.
    }

    // MARK: - Reading a part

    /// Reads one story part; its blocks get `part` (nil for the body).
    mutating func read(_ stream: XMLStream, part: String?) throws(DocumentError) {
        var pass = Pass(part: part)
        let firstBlock = blocks.count
        // Also when the part stops on an error: the text read before it counts.
        defer { flushFontCount(&pass) }
        while let event = try stream.next() {
            if let skip = pass.skipDepth {
                if event == .end && stream.depth == skip { pass.skipDepth = nil }
                continue
            }
            switch event {
            case .start: start(stream, &pass)
            case .end: end(stream, &pass)
            case .text:
                if pass.inText {
                    appendRun(&pass, counted: true) { stream.appendText(to: &$0) }
                }
            }
        }
        orderNotes(pass.noteSpans, from: firstBlock)
    }

    private mutating func start(_ stream: XMLStream, _ pass: inout Pass) {
        let depth = stream.depth
        switch stream.tag {
        case .del, .moveFrom, .delText, .instrText, .fallback, .pPrChange, .rPrChange, .tblPrChange, .tcPrChange,
             .trPrChange, .sectPrChange:
            // Deleted and moved-away text, field instructions, the VML copy of a drawing and
            // records of old formatting: not what the reader of the document sees.
            pass.skipDepth = depth
        case .sectPr:
            if pass.part == nil, pass.sectPrDepth == nil { pass.sectPrDepth = depth } else { pass.skipDepth = depth }
        case .headerReference, .footerReference:
            if pass.sectPrDepth != nil, let id = stream.attribute("id", namespace: .r) {
                sectionParts.append((stream.tag == .headerReference ? .header : .footer, id))
            }
        case .footnotePr, .endnotePr:
            if pass.sectPrDepth != nil { pass.noteProperties = stream.tag == .footnotePr ? .footnote : .endnote }
        case .numFmt, .numStart:
            if let kind = pass.noteProperties { notes.apply(stream, to: kind) }
        case .footnote, .endnote:
            if let type = stream.attribute("type"), type != "normal" {
                pass.skipDepth = depth
            } else if pass.note == nil {
                let kind: NoteKind = stream.tag == .footnote ? .footnote : .endnote
                let reference = stream.intValue("id").flatMap { noteReferences[kind]?[$0] }
                pass.note = OpenNote(depth: depth, kind: kind, reference: reference, firstBlock: blocks.count)
            }
        case .footnoteReference, .endnoteReference:
            noteReference(stream, &pass)
        case .footnoteRef, .endnoteRef:
            noteMark(&pass)
        case .p:
            pass.paragraphs.append(Paragraph(depth: depth))
        case .oMath:
            // Math outside any paragraph is a paragraph of its own.
            if pass.paragraphs.isEmpty { pass.paragraphs.append(Paragraph(depth: depth)) }
        case .pPr:
            if let last = pass.paragraphs.indices.last, pass.paragraphs[last].depth + 1 == depth {
                pass.paragraphs[last].pPrDepth = depth
            }
        case .pStyle, .numPr, .ilvl, .numId, .outlineLvl:
            paragraphProperty(stream, &pass)
        case .r, .mathRun:
            pass.runs.append(Run(depth: depth))
        case .rPr:
            if let run = pass.runs.last, run.depth + 1 == depth { pass.runPropertiesDepth = depth }
        case .rFonts, .rStyle:
            if let properties = pass.runPropertiesDepth, properties + 1 == depth, let last = pass.runs.indices.last {
                if stream.tag == .rFonts {
                    pass.runs[last].font = FontChoice.font(stream, theme: styles.theme)
                } else {
                    pass.runs[last].style = stream.attribute("val")
                }
            }
        case .t, .mathText:
            pass.inText = true
        case .tab, .ptab:
            // A tab inside a run; `w:tabs/w:tab` in paragraph properties are tab stops.
            appendInRun("\t", &pass)
        case .br, .cr:
            appendInRun("\n", &pass)
        case .noBreakHyphen:
            appendInRun("-", &pass)
        case .sym:
            // Already Unicode (a symbol font's glyphs are dropped): never given to the hook.
            if let scalar = Self.symbol(stream.attribute("char")) { appendLiteral(Array(String(Character(scalar)).utf8), &pass) }
        case .fldChar:
            field(stream.attribute("fldCharType"), &pass)
        case .tbl:
            startTable(&pass)
        case .tr:
            if let last = pass.tables.indices.last {
                pass.tables[last].row += 1
                pass.tables[last].nextColumn = 1
                pass.tables[last].headerRow = false
            }
        case .tblHeader:
            if let last = pass.tables.indices.last, stream.isOn() { pass.tables[last].headerRow = true }
        case .gridBefore:
            if let last = pass.tables.indices.last, let n = stream.intValue(), n > 0, n < 1000 {
                pass.tables[last].nextColumn += n
            }
        case .tc:
            startCell(&pass)
        case .gridSpan:
            if let last = pass.cells.indices.last, let n = stream.intValue(), n > 1, n < 1000 {
                pass.cells[last].columnSpan = n
            }
        case .vMerge:
            if let last = pass.cells.indices.last {
                pass.cells[last].vMerge = stream.attribute("val") == "restart" ? "restart" : "continue"
            }
        case .txbxContent:
            pass.containers.append(.textBox)
        default:
            break
        }
    }

    private mutating func end(_ stream: XMLStream, _ pass: inout Pass) {
        switch stream.tag {
        case .p, .oMath:
            if pass.paragraphs.last?.depth == stream.depth, var paragraph = pass.paragraphs.popLast() {
                closeSegment(&paragraph)
                finishParagraph(paragraph, &pass)
            }
        case .sectPr:
            if pass.sectPrDepth == stream.depth { pass.sectPrDepth = nil }
        case .footnotePr, .endnotePr:
            pass.noteProperties = nil
        case .footnote, .endnote:
            if let note = pass.note, note.depth == stream.depth {
                pass.noteSpans.append((note.reference?.order ?? Int.max, pass.noteSpans.count, note.firstBlock..<blocks.count))
                pass.note = nil
            }
        case .pPr:
            if let last = pass.paragraphs.indices.last, pass.paragraphs[last].pPrDepth == stream.depth {
                pass.paragraphs[last].pPrDepth = nil
            }
        case .numPr:
            if let last = pass.paragraphs.indices.last { pass.paragraphs[last].inNumPr = false }
        case .r, .mathRun:
            _ = pass.runs.popLast()
            pass.runPropertiesDepth = nil
        case .rPr:
            if pass.runPropertiesDepth == stream.depth { pass.runPropertiesDepth = nil }
        case .t, .mathText:
            pass.inText = false
        case .tc:
            finishCell(&pass)
        case .tbl:
            _ = pass.tables.popLast()
        case .txbxContent:
            if pass.containers.last == .textBox { pass.containers.removeLast() }
        default:
            break
        }
    }

    // MARK: - Runs and fonts

    /// Appends text of the current run to the innermost paragraph: `write` adds the bytes.
    /// `counted` text adds to the font's use (tabs and breaks do not).
    private mutating func appendRun(_ pass: inout Pass, counted: Bool, _ write: (inout [UInt8]) -> Void) {
        guard !pass.runs.isEmpty, pass.instructionFields == 0, let p = pass.paragraphs.indices.last else { return }
        let font = runFont(&pass)
        if runText != nil { enterSegment(font, &pass.paragraphs[p]) }
        let before = pass.paragraphs[p].bytes.count
        write(&pass.paragraphs[p].bytes)
        if counted, let font, pass.paragraphs[p].bytes.count > before {
            let count = Self.scalarCount(pass.paragraphs[p].bytes[before...])
            // Consecutive text of one font is added up before it goes into `fontUse`.
            if let pending = pass.fontCount, pending.font == font {
                pass.fontCount = (font, pending.count + count)
            } else {
                flushFontCount(&pass)
                pass.fontCount = (font, count)
            }
        }
    }

    /// Adds the pending count of `Pass.fontCount` to `fontUse`.
    private mutating func flushFontCount(_ pass: inout Pass) {
        guard let pending = pass.fontCount else { return }
        fontUse[pending.font, default: 0] += pending.count
        pass.fontCount = nil
    }

    private mutating func appendInRun(_ text: String, _ pass: inout Pass) {
        appendRun(&pass, counted: false) { $0.append(contentsOf: text.utf8) }
    }

    /// Appends text that is not the run's own (a symbol, a note mark): it ends the hook's piece.
    private func appendLiteral(_ bytes: [UInt8], _ pass: inout Pass) {
        guard !pass.runs.isEmpty, pass.instructionFields == 0, let p = pass.paragraphs.indices.last else { return }
        closeSegment(&pass.paragraphs[p])
        pass.paragraphs[p].bytes.append(contentsOf: bytes)
    }

    /// The font of the innermost run, resolved once per run.
    private func runFont(_ pass: inout Pass) -> String? {
        guard let r = pass.runs.indices.last else { return nil }
        if let resolved = pass.runs[r].resolved { return resolved }
        let run = pass.runs[r]
        let paragraphStyle = pass.paragraphs.last?.style ?? styles.defaultParagraphStyle
        let font = run.font ?? styles.font(run.style) ?? styles.font(paragraphStyle) ?? styles.defaultFont
        pass.runs[r].resolved = .some(font)
        return font
    }

    /// Continues the hook's piece if `font` is its font, else gives it to the hook and starts
    /// another (none for a run without a font).
    private func enterSegment(_ font: String?, _ paragraph: inout Paragraph) {
        if font != nil, font == paragraph.segmentFont { return }
        closeSegment(&paragraph)
        if let font {
            paragraph.segmentFont = font
            paragraph.segmentStart = paragraph.bytes.count
        }
    }

    /// Gives the open piece to the hook and puts what it returns in its place.
    private func closeSegment(_ paragraph: inout Paragraph) {
        guard let font = paragraph.segmentFont else { return }
        paragraph.segmentFont = nil
        let start = paragraph.segmentStart
        guard let runText, start < paragraph.bytes.count else { return }
        let text = String(decoding: paragraph.bytes[start...], as: UTF8.self)
        guard let replacement = runText(text, font) else { return }
        paragraph.bytes.removeSubrange(start...)
        // U+0001 would read as a note mark placeholder.
        paragraph.bytes.append(contentsOf: replacement.utf8.lazy.filter { $0 != 0x01 })
    }

    /// Unicode scalars in UTF-8 bytes: the bytes that are not continuation bytes.
    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
        return count
    }

    // MARK: - Notes

    /// A note reference in the body: numbered in the order of first reference.
    private mutating func noteReference(_ stream: XMLStream, _ pass: inout Pass) {
        guard pass.part == nil, let id = stream.intValue("id") else { return }
        let kind: NoteKind = stream.tag == .footnoteReference ? .footnote : .endnote
        var references = noteReferences[kind] ?? [:]
        let reference: (order: Int, number: Int?)
        if let known = references[id] {
            reference = known
        } else {
            let custom = stream.attribute("customMarkFollows").map { ["1", "true", "on"].contains($0) } ?? false
            var number: Int?
            if !custom {
                number = (noteNumbers[kind] ?? 0) + 1
                noteNumbers[kind] = number
            }
            reference = (references.count, number)
            references[id] = reference
            noteReferences[kind] = references
        }
        if let number = reference.number { appendLiteral(NoteSettings.placeholder(kind, number), &pass) }
    }

    /// A note's own mark inside the note: its number, which labels the paragraph.
    private func noteMark(_ pass: inout Pass) {
        guard let note = pass.note, let number = note.reference?.number, !pass.runs.isEmpty,
              let p = pass.paragraphs.indices.last else { return }
        let label = notes.label(note.kind, number)
        appendLiteral(Array(label.utf8), &pass)
        if pass.paragraphs[p].noteLabel == nil {
            pass.paragraphs[p].noteLabel = label
            pass.paragraphs[p].noteLabelEnd = pass.paragraphs[p].bytes.count
        }
    }

    /// Puts the notes of a part in the order the body references them (Word's numbering);
    /// notes it does not reference keep their place after those.
    private mutating func orderNotes(_ spans: [(order: Int, index: Int, blocks: Range<Int>)], from first: Int) {
        guard spans.count > 1 else { return }
        let sorted = spans.sorted { ($0.order, $0.index) < ($1.order, $1.index) }
        guard sorted.map({ $0.index }) != spans.map({ $0.index }) else { return }
        // Only when the notes hold all of the part's blocks, one after another.
        var next = first
        for span in spans {
            guard span.blocks.lowerBound == next else { return }
            next = span.blocks.upperBound
        }
        guard next == blocks.count else { return }
        var reordered: [PendingBlock] = []
        reordered.reserveCapacity(blocks.count - first)
        for span in sorted { reordered += blocks[span.blocks] }
        blocks.replaceSubrange(first..., with: reordered)
    }

    // MARK: - Fields

    /// Complex fields: `begin`, instruction runs, `separate`, result runs, `end`. The result is
    /// what Word shows; the instruction (e.g. `PAGE`, `HYPERLINK "…"`) is not.
    private func field(_ type: String?, _ pass: inout Pass) {
        switch type {
        case "begin":
            pass.fields.append(true)
            pass.instructionFields += 1
        case "separate":
            if let last = pass.fields.indices.last, pass.fields[last] {
                pass.fields[last] = false
                pass.instructionFields -= 1
            }
        case "end":
            if let open = pass.fields.popLast(), open { pass.instructionFields -= 1 }
        default:
            break
        }
    }

    /// The character of a `w:sym`, unless it is a glyph of a symbol font (private use area).
    static func symbol(_ hex: String?) -> Unicode.Scalar? {
        guard let hex, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        if (0xE000...0xF8FF).contains(value) || value < 0x20 { return nil }
        return scalar
    }

    // MARK: - Paragraphs

    private func paragraphProperty(_ stream: XMLStream, _ pass: inout Pass) {
        guard let last = pass.paragraphs.indices.last, pass.paragraphs[last].pPrDepth != nil else { return }
        switch stream.tag {
        case .pStyle: pass.paragraphs[last].style = stream.attribute("val")
        case .numPr: pass.paragraphs[last].inNumPr = true
        case .ilvl where pass.paragraphs[last].inNumPr: pass.paragraphs[last].ilvl = stream.intValue()
        case .numId where pass.paragraphs[last].inNumPr: pass.paragraphs[last].numId = stream.intValue()
        case .outlineLvl: pass.paragraphs[last].outline = stream.intValue()
        default: break
        }
    }

    /// Decides what a finished paragraph is (heading, list item, paragraph) and puts it in its
    /// cell or emits it as a block.
    private mutating func finishParagraph(_ paragraph: Paragraph, _ pass: inout Pass) {
        let styleId = paragraph.style ?? styles.defaultParagraphStyle
        var headingLevel: Int?
        if let outline = paragraph.outline {
            headingLevel = (0...8).contains(outline) ? outline + 1 : nil
        } else {
            headingLevel = styles.headingLevel(styleId)
        }
        let inherited = styles.numbering(styleId)
        let numId = paragraph.numId ?? inherited.numId
        var ilvl = paragraph.ilvl ?? inherited.ilvl ?? 0
        if paragraph.ilvl == nil, inherited.ilvl == nil, let numId, let styleId,
           let linked = numbering.levelIndex(numId: numId, paragraphStyle: styleId) {
            // A style linked to a level of the list (`w:lvl/w:pStyle`) names no level itself.
            ilvl = linked
        }
        var item: ListCounters.Item?
        if let numId, numId != 0 {
            // The counter advances even for an empty paragraph: Word shows its number.
            item = counters.next(numId: numId, ilvl: ilvl, numbering: numbering)
        }
        guard !paragraph.bytes.isEmpty else { return }
        var bytes = paragraph.bytes
        if let end = paragraph.noteLabelEnd, end < bytes.count, ![0x20, 0x09, 0x0A].contains(bytes[end]) {
            // "1 Chú thích": the note's mark is followed by a space when its text does not start with one.
            bytes.insert(0x20, at: end)
        }
        var body = String(decoding: bytes, as: UTF8.self)
        if let label = item?.label {
            body = label + (item?.separator ?? " ") + body
        }
        if pass.containers.last == .cell, let last = pass.cells.indices.last {
            if !pass.cells[last].bytes.isEmpty { pass.cells[last].bytes.append(0x0A) }
            pass.cells[last].bytes.append(contentsOf: body.utf8)
            return
        }
        var block = PendingBlock(type: .paragraph, text: body, part: pass.part)
        if let headingLevel {
            block.type = .heading
            block.level = headingLevel
            block.label = item?.label
        } else if let item {
            block.type = .listItem
            block.level = min(max(ilvl, 0), 8) + 1
            block.label = item.label
            block.list = item.kind
        }
        if block.label == nil { block.label = paragraph.noteLabel }
        emit(block)
    }

    private mutating func emit(_ block: PendingBlock) {
        // Blocks of only whitespace add nothing (as BlockText would drop them), so that indices kept
        // for row spans stay valid.
        if let first = block.text.utf8.first, first > 0x20, first < 0x7F {
            // Starts with printable ASCII: not blank.
        } else {
            guard block.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
        }
        blocks.append(block)
    }

    // MARK: - Tables

    private mutating func startTable(_ pass: inout Pass) {
        // Text of the enclosing cell so far is its own block, before the nested table's cells.
        flushCell(&pass)
        tableCount += 1
        pass.tables.append(Table(number: tableCount, parent: pass.tables.last?.number))
    }

    private func startCell(_ pass: inout Pass) {
        guard let table = pass.tables.last else { return }
        pass.cells.append(Cell(table: table.number, parentTable: table.parent, row: table.row, column: table.nextColumn,
                               header: table.headerRow))
        pass.containers.append(.cell)
    }

    /// Emits the text a cell has gathered so far as one block (a "paragraph group").
    private mutating func flushCell(_ pass: inout Pass) {
        guard pass.containers.last == .cell, let last = pass.cells.indices.last, !pass.cells[last].bytes.isEmpty else { return }
        let cell = pass.cells[last]
        pass.cells[last].bytes = []
        if cell.vMerge == "continue" { return }
        let position = TableCell(table: cell.table, row: cell.row, column: cell.column, rowSpan: 1,
                                 columnSpan: cell.columnSpan, parentTable: cell.parentTable, header: cell.header)
        let before = blocks.count
        emit(PendingBlock(type: .tableCell, text: String(decoding: cell.bytes, as: UTF8.self), cell: position, part: pass.part))
        if blocks.count > before, pass.cells[last].firstBlock == nil { pass.cells[last].firstBlock = before }
    }

    private mutating func finishCell(_ pass: inout Pass) {
        flushCell(&pass)
        guard pass.containers.last == .cell, let cell = pass.cells.popLast() else { return }
        pass.containers.removeLast()
        guard let t = pass.tables.indices.last else { return }
        let columns = cell.column..<(cell.column + cell.columnSpan)
        switch cell.vMerge {
        case "restart":
            for column in columns { pass.tables[t].openMerges[column] = nil }
            pass.tables[t].openMerges[cell.column] = cell.firstBlock ?? -1
        case "continue":
            if let index = pass.tables[t].openMerges[cell.column], index >= 0, index < blocks.count {
                blocks[index].cell?.rowSpan += 1
            }
        default:
            for column in columns { pass.tables[t].openMerges[column] = nil }
        }
        pass.tables[t].nextColumn = cell.column + cell.columnSpan
    }
}
