import DocumentModel

/// One open `<table>` while the tree is walked: its number, the row being filled and the grid
/// columns that cells with a rowspan from rows above still occupy.
struct TableGrid {
    /// Occupancy is tracked for this many grid columns at most, so that hostile spans cannot
    /// make the grid grow without bound (cells further right are still numbered).
    static let maxTrackedColumns = 1 << 14
    /// HTML's own limits on spans.
    static let maxColumnSpan = 1000
    static let maxRowSpan = 65534

    let number: Int
    let parent: Int?
    private(set) var row = 0
    private var nextColumn = 0
    /// For each grid column (0-based), how many rows from the current one on a cell placed in
    /// an earlier row still covers.
    private var rowsLeft: [Int] = []

    init(number: Int, parent: Int?) {
        self.number = number
        self.parent = parent
    }

    /// A `<tr>` starts: cells of the rows above cover one row less.
    mutating func startRow() {
        if row > 0 {
            for c in rowsLeft.indices where rowsLeft[c] > 0 { rowsLeft[c] -= 1 }
        }
        row += 1
        nextColumn = 0
    }

    /// Places a `<td>`/`<th>` in the next free grid column of the current row (starting a row
    /// when a cell comes without one) and returns where it sits.
    mutating func place(rowSpan rawRowSpan: Int, columnSpan rawColumnSpan: Int, header: Bool) -> TableCell {
        if row == 0 { startRow() }
        let rowSpan = min(max(rawRowSpan, 1), Self.maxRowSpan)
        let columnSpan = min(max(rawColumnSpan, 1), Self.maxColumnSpan)
        var column = nextColumn
        while column < rowsLeft.count && rowsLeft[column] > 0 { column += 1 }
        if rowSpan > 1 {
            let end = min(column + columnSpan, Self.maxTrackedColumns)
            if end > rowsLeft.count { rowsLeft.append(contentsOf: repeatElement(0, count: end - rowsLeft.count)) }
            if column < end {
                for c in column..<end { rowsLeft[c] = rowSpan }
            }
        }
        nextColumn = column + columnSpan
        return TableCell(table: number, row: row, column: column + 1, rowSpan: rowSpan, columnSpan: columnSpan,
                         parentTable: parent, header: header)
    }
}

/// One open list: its kind and, for `<ol>`, the counter and numbering style of its items.
struct ListState {
    let ordered: Bool
    /// The number the next item gets.
    var next: Int
    /// 1, or -1 for `<ol reversed>`.
    let step: Int
    /// The `type` attribute of an `<ol>`: "1", "a", "A", "i" or "I".
    let style: UInt8

    /// The label a browser shows for an item numbered `n`: "3.", "c.", "iv.".
    static func label(_ n: Int, style: UInt8) -> String {
        switch style {
        case UInt8(ascii: "a"): return alphabetic(n, uppercase: false).map { $0 + "." } ?? "\(n)."
        case UInt8(ascii: "A"): return alphabetic(n, uppercase: true).map { $0 + "." } ?? "\(n)."
        case UInt8(ascii: "i"): return roman(n).map { $0.lowercased() + "." } ?? "\(n)."
        case UInt8(ascii: "I"): return roman(n).map { $0 + "." } ?? "\(n)."
        default: return "\(n)."
        }
    }

    /// a, b, …, z, aa, ab, … (bijective base 26); nil below 1, where browsers fall back to decimal.
    static func alphabetic(_ n: Int, uppercase: Bool) -> String? {
        guard n >= 1 else { return nil }
        let base = uppercase ? UInt8(ascii: "A") : UInt8(ascii: "a")
        var letters: [UInt8] = []
        var rest = n
        while rest > 0 {
            rest -= 1
            letters.append(base + UInt8(rest % 26))
            rest /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Upper-case Roman numerals for 1…3999; nil outside, where browsers fall back to decimal.
    static func roman(_ n: Int) -> String? {
        guard n >= 1 && n <= 3999 else { return nil }
        let values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
        let symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"]
        var rest = n
        var out = ""
        for (value, symbol) in zip(values, symbols) {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }
}
