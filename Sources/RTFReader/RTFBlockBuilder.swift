import DocumentModel
import Ingest

/// Gathers the text of one story (the body, the headers and footers, the notes) into blocks:
/// `\par` ends a paragraph (inside a table, a line in the cell), `\cell` a cell, `\row` a row,
/// and a paragraph outside the table closes it.
struct RTFBlockBuilder {
    private(set) var blocks: [RunBlock] = []
    private var runs: [TextRun] = []
    private var units: [UInt16] = []
    private var runFont: String?
    private var runEightBit = true
    private var table = 0
    private var tableOpen = false
    private var row = 1
    private var column = 1

    var isEmpty: Bool { units.isEmpty && runs.isEmpty }

    mutating func append(_ unit: UInt16, font: String?, eightBit: Bool) {
        if units.isEmpty {
            runFont = font
            runEightBit = eightBit
        } else if font != runFont || eightBit != runEightBit {
            endRun()
            runFont = font
            runEightBit = eightBit
        }
        units.append(unit)
    }

    /// Code-page bytes decoded through `table`, as one stretch of 8-bit text in `font`.
    mutating func append(_ bytes: ArraySlice<UInt8>, table: [UInt16], font: String?) {
        if units.isEmpty {
            runFont = font
            runEightBit = true
        } else if font != runFont || !runEightBit {
            endRun()
            runFont = font
            runEightBit = true
        }
        for b in bytes { units.append(table[Int(b)]) }
    }

    /// A line feed inside the block, in the current run (so a run is not split by it).
    mutating func lineFeed() {
        units.append(0x0A)
    }

    mutating func paragraphEnd(inTable: Bool, part: String?, tables: inout Int) {
        if inTable {
            lineFeed()
        } else {
            flush(.paragraph, part: part, tables: &tables)
        }
    }

    mutating func cellEnd(part: String?, tables: inout Int) {
        flush(.tableCell, part: part, tables: &tables)
        column += 1
    }

    mutating func rowEnd(part: String?, tables: inout Int) {
        // Text between the last \cell and \row is not in a cell: keep it as a cell of its own.
        if !isEmpty { flush(.tableCell, part: part, tables: &tables) }
        if !tableOpen { openTable(&tables) }
        row += 1
        column = 1
    }

    /// Ends the story (a header group closes, the document ends).
    mutating func finish(part: String?, tables: inout Int) {
        flush(.paragraph, part: part, tables: &tables)
    }

    private mutating func openTable(_ tables: inout Int) {
        tables += 1
        table = tables
        tableOpen = true
        row = 1
        column = 1
    }

    private mutating func endRun() {
        guard !units.isEmpty else { return }
        runs.append(TextRun(text: UTF16Text.string(units), font: runFont, eightBit: runEightBit))
        units.removeAll(keepingCapacity: true)
    }

    private mutating func flush(_ type: BlockType, part: String?, tables: inout Int) {
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
            if !tableOpen { openTable(&tables) }
            cell = TableCell(table: table, row: row, column: column)
        } else if tableOpen {
            tableOpen = false
        }
        if !runs.isEmpty {
            blocks.append(RunBlock(type: type, runs: runs, cell: cell, part: part))
        }
        runs.removeAll(keepingCapacity: true)
    }
}
