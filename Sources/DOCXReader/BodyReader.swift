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
/// one streaming pass per part. State shared across parts (table numbers, list counters, the
/// blocks themselves) lives here; state of one pass lives in `Pass`.
struct BodyReader {
    let styles: StyleSheet
    let numbering: Numbering
    private(set) var blocks: [PendingBlock] = []
    private var counters = ListCounters()
    private var tableCount = 0

    init(styles: StyleSheet, numbering: Numbering) {
        self.styles = styles
        self.numbering = numbering
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
        var runs = 0
        var inText = false
        /// One entry per open complex field: true while in its instruction (before `separate`).
        var fields: [Bool] = []
        var instructionFields = 0
        /// Open `mc:Choice`/`mc:AlternateContent` do nothing; `mc:Fallback` is skipped.
    }

    // MARK: - Reading a part

    /// Reads one story part; its blocks get `part` (nil for the body).
    mutating func read(_ stream: XMLStream, part: String?) throws(DocumentError) {
        var pass = Pass(part: part)
        while let event = try stream.next() {
            if let skip = pass.skipDepth {
                if event == .end && stream.depth == skip { pass.skipDepth = nil }
                continue
            }
            switch event {
            case .start: start(stream, &pass)
            case .end: end(stream, &pass)
            case .text:
                if pass.inText && pass.runs > 0 && pass.instructionFields == 0 && !pass.paragraphs.isEmpty {
                    stream.appendText(to: &pass.paragraphs[pass.paragraphs.count - 1].bytes)
                }
            }
        }
    }

    private mutating func start(_ stream: XMLStream, _ pass: inout Pass) {
        let depth = stream.depth
        switch stream.tag {
        case .del, .moveFrom, .delText, .instrText, .fallback, .pPrChange, .rPrChange, .tblPrChange, .tcPrChange,
             .trPrChange, .sectPr:
            // Deleted and moved-away text, field instructions, the VML copy of a drawing and
            // records of old formatting: not what the reader of the document sees.
            pass.skipDepth = depth
        case .footnote, .endnote:
            if let type = stream.attribute("type"), type != "normal" { pass.skipDepth = depth }
        case .p:
            pass.paragraphs.append(Paragraph(depth: depth))
        case .pPr:
            if let last = pass.paragraphs.indices.last, pass.paragraphs[last].depth + 1 == depth {
                pass.paragraphs[last].pPrDepth = depth
            }
        case .pStyle, .numPr, .ilvl, .numId, .outlineLvl:
            paragraphProperty(stream, &pass)
        case .r:
            pass.runs += 1
        case .t:
            pass.inText = true
        case .tab, .ptab:
            // A tab inside a run; `w:tabs/w:tab` in paragraph properties are tab stops.
            appendInRun("\t", &pass)
        case .br, .cr:
            appendInRun("\n", &pass)
        case .noBreakHyphen:
            appendInRun("-", &pass)
        case .sym:
            if let scalar = Self.symbol(stream.attribute("char")) { appendInRun(String(Character(scalar)), &pass) }
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
        case .p:
            if pass.paragraphs.last?.depth == stream.depth, let paragraph = pass.paragraphs.popLast() {
                finishParagraph(paragraph, &pass)
            }
        case .pPr:
            if let last = pass.paragraphs.indices.last, pass.paragraphs[last].pPrDepth == stream.depth {
                pass.paragraphs[last].pPrDepth = nil
            }
        case .numPr:
            if let last = pass.paragraphs.indices.last { pass.paragraphs[last].inNumPr = false }
        case .r:
            pass.runs = max(pass.runs - 1, 0)
        case .t:
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

    // MARK: - Runs and fields

    private func appendInRun(_ text: String, _ pass: inout Pass) {
        guard pass.runs > 0, pass.instructionFields == 0, let last = pass.paragraphs.indices.last else { return }
        pass.paragraphs[last].bytes.append(contentsOf: text.utf8)
    }

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
        let ilvl = paragraph.ilvl ?? inherited.ilvl ?? 0
        var item: ListCounters.Item?
        if let numId, numId != 0 {
            // The counter advances even for an empty paragraph: Word shows its number.
            item = counters.next(numId: numId, ilvl: ilvl, numbering: numbering)
        }
        guard !paragraph.bytes.isEmpty else { return }
        var body = String(decoding: paragraph.bytes, as: UTF8.self)
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
        emit(block)
    }

    private mutating func emit(_ block: PendingBlock) {
        // Blocks of only whitespace add nothing (as BlockText would drop them), so that indices kept
        // for row spans stay valid.
        guard block.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return }
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
