import DocumentModel
import Ingest

/// Turns the characters of a story into blocks ([MS-DOC] 2.8.x special characters):
///
/// | character | becomes |
/// |---|---|
/// | 0x0D paragraph mark | end of a paragraph (inside a table cell: a line feed in the cell) |
/// | 0x07 cell mark | end of a cell, or of a row when the paragraph is a row end (sprmPFTtp) |
/// | 0x13 … 0x14 … 0x15 field | the result after 0x14 is kept, the instruction dropped |
/// | 0x0B line break | a line feed inside the block |
/// | 0x0C page/section break, 0x0E column break | end of a paragraph |
/// | 0x1E non-breaking hyphen | "-" |
/// | 0x01 picture, 0x08 drawing, 0x02 note reference, 0x05 comment reference, 0x1F optional hyphen, other controls | dropped |
///
/// Each character's font comes from its run's properties (sprmCRgFtc0), else its character
/// style, else its paragraph style, else the document default.
struct TextAssembler {
    private let document: [UInt8]
    private let pieces: [PieceTable.Piece]
    private let fonts: FontTable
    private let styles: StyleFonts
    private var characters: SpanCursor<FormattedPages.Character>
    private var paragraphs: SpanCursor<FormattedPages.Paragraph>
    /// Whether paragraph properties were found, so that table cells and rows can be told apart.
    private let knowsTables: Bool

    private(set) var blocks: [RunBlock] = []
    private(set) var warnings: [Warning] = []
    private(set) var eightBitCharacters = 0
    private(set) var wideCharacters = 0
    /// Fonts of the runs read, in order of first use.
    private(set) var fontsUsed: [String] = []
    private var fontsSeen = Set<String>()

    // Per-story state.
    private var part: String?
    private var runs: [TextRun] = []
    private var units: [UInt16] = []
    private var runFont: Int?
    private var runEightBit = false
    private var fieldStack: [Bool] = []
    private var openInstructions = 0
    private var table = 0
    private var tableOpen = false
    private var row = 1
    private var column = 1
    private var inCell = false
    private var warnedField = false

    // Memo of the last font resolution.
    private var lastCharacter: FormattedPages.Character?
    private var lastParagraphStyle = -1
    private var lastFont: Int?

    init(document: [UInt8], pieces: PieceTable, fonts: FontTable, styles: StyleFonts, pages: FormattedPages) {
        self.document = document
        self.pieces = pieces.pieces
        self.fonts = fonts
        self.styles = styles
        characters = SpanCursor(pages.characters)
        paragraphs = SpanCursor(pages.paragraphs)
        knowsTables = pages.hasParagraphs
    }

    /// Reads the characters at CPs `range` as one story whose blocks get `part`.
    mutating func read(_ range: Range<Int>, part: String?) {
        guard !range.isEmpty else { return }
        self.part = part
        // The first piece that ends after the range starts.
        var low = 0, high = pieces.count
        while low < high {
            let mid = (low + high) / 2
            if pieces[mid].cpEnd <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var index = low
        while index < pieces.count, pieces[index].cpStart < range.upperBound {
            let piece = pieces[index]
            let from = max(piece.cpStart, range.lowerBound), to = min(piece.cpEnd, range.upperBound)
            if piece.compressed {
                var offset = piece.offset + (from - piece.cpStart)
                for _ in from..<to {
                    take(Windows1252.unit(document[offset]), at: offset, eightBit: true)
                    offset += 1
                }
            } else {
                var offset = piece.offset + (from - piece.cpStart) * 2
                for _ in from..<to {
                    take(UInt16(document[offset]) | UInt16(document[offset + 1]) << 8, at: offset, eightBit: false)
                    offset += 2
                }
            }
            index += 1
        }
        endStory()
    }

    // MARK: Characters

    private mutating func take(_ unit: UInt16, at offset: Int, eightBit: Bool) {
        if unit >= 0x20 {
            if openInstructions == 0 { append(unit, at: offset, eightBit: eightBit) }
            return
        }
        switch unit {
        case 0x13:
            fieldStack.append(true)
            openInstructions += 1
            return
        case 0x14:
            if let last = fieldStack.indices.last, fieldStack[last] {
                fieldStack[last] = false
                openInstructions -= 1
            }
            return
        case 0x15:
            if let wasInstruction = fieldStack.popLast(), wasInstruction { openInstructions -= 1 }
            return
        default:
            break
        }
        if openInstructions > 0 {
            guard unit == 0x0D || unit == 0x07 else { return }
            // A paragraph or cell ends inside a field instruction: the field is broken. Close it
            // rather than lose the rest of the story.
            abandonFields()
        }
        switch unit {
        case 0x0D: paragraphMark(at: offset)
        case 0x07: cellMark(at: offset)
        case 0x0B: lineFeed()
        case 0x09: append(0x09, at: offset, eightBit: eightBit)
        case 0x0C, 0x0E:
            if inCell || (knowsTables && paragraphs.value(at: offset)?.inTable == true) { lineFeed() } else { flush(.paragraph) }
        case 0x1E: append(0x2D, at: offset, eightBit: eightBit)
        default: break  // pictures, drawings, note and comment references, optional hyphens, separators
        }
    }

    private mutating func append(_ unit: UInt16, at offset: Int, eightBit: Bool) {
        let font = font(at: offset)
        if units.isEmpty {
            runFont = font
            runEightBit = eightBit
        } else if font != runFont || eightBit != runEightBit {
            endRun()
            runFont = font
            runEightBit = eightBit
        }
        units.append(unit)
        if eightBit { eightBitCharacters += 1 } else { wideCharacters += 1 }
    }

    /// A line feed inside the block, in the current run (a break is not text: it neither looks
    /// up a font nor splits the run).
    private mutating func lineFeed() {
        units.append(0x0A)
    }

    private mutating func font(at offset: Int) -> Int? {
        let character = characters.value(at: offset) ?? FormattedPages.Character()
        if let direct = character.font0 ?? character.font2 { return direct }
        let paragraphStyle = paragraphs.value(at: offset)?.style ?? 0
        if character == lastCharacter && paragraphStyle == lastParagraphStyle { return lastFont }
        let resolved = styles.font(ofStyle: character.style) ?? styles.font(ofStyle: paragraphStyle) ?? styles.defaultFont
        lastCharacter = character
        lastParagraphStyle = paragraphStyle
        lastFont = resolved
        return resolved
    }

    private mutating func endRun() {
        guard !units.isEmpty else { return }
        let name = fonts.name(runFont)
        if let name, fontsSeen.insert(name).inserted { fontsUsed.append(name) }
        runs.append(TextRun(text: UTF16Text.string(units), font: name, eightBit: runEightBit))
        units.removeAll(keepingCapacity: true)
    }

    // MARK: Structure

    private mutating func paragraphMark(at offset: Int) {
        let paragraph = paragraphs.value(at: offset)
        if knowsTables, let paragraph, paragraph.inTable || paragraph.depth > 0 {
            // A paragraph inside a cell (or an inner cell or row of a nested table): the cell goes on.
            inCell = true
            lineFeed()
            return
        }
        flush(.paragraph)
    }

    private mutating func cellMark(at offset: Int) {
        guard knowsTables else {
            // Without paragraph properties a row end cannot be told from a cell end: plain paragraphs.
            flush(.paragraph)
            return
        }
        let paragraph = paragraphs.value(at: offset) ?? FormattedPages.Paragraph()
        if !tableOpen {
            tableOpen = true
            table += 1
            row = 1
            column = 1
        }
        if paragraph.rowEnd {
            flush(.tableCell)  // normally empty: the row-end mark stands in a paragraph of its own
            row += 1
            column = 1
        } else {
            flush(.tableCell)
            column += 1
        }
        inCell = false
    }

    /// Ends the current block. A table cell takes its position; a paragraph closes an open table.
    private mutating func flush(_ type: BlockType) {
        endRun()
        // Line feeds at the ends of a block (empty paragraphs at the start or end of a cell) are not content.
        while let last = runs.indices.last {
            var text = runs[last].text
            while text.hasSuffix("\n") { text.removeLast() }
            if text.isEmpty { runs.removeLast() } else { runs[last].text = text; break }
        }
        while !runs.isEmpty {
            var text = Substring(runs[0].text)
            while text.hasPrefix("\n") { text.removeFirst() }
            if text.isEmpty { runs.removeFirst() } else { runs[0].text = String(text); break }
        }
        var cell: TableCell?
        if type == .tableCell {
            cell = TableCell(table: table, row: row, column: column)
        } else if tableOpen {
            tableOpen = false
        }
        if !runs.isEmpty {
            blocks.append(RunBlock(type: type, runs: runs, cell: cell, part: part))
        }
        runs.removeAll(keepingCapacity: true)
    }

    private mutating func abandonFields() {
        fieldStack.removeAll()
        openInstructions = 0
        if !warnedField {
            warnedField = true
            warnings.append(Warning(stage: "read", code: "doc-field-unterminated",
                                    message: "a field instruction runs past the end of its paragraph; it was closed there and the text after it kept"))
        }
    }

    private mutating func endStory() {
        if openInstructions > 0 { abandonFields() }
        fieldStack.removeAll()
        flush(inCell ? .tableCell : .paragraph)
        tableOpen = false
        inCell = false
    }
}
