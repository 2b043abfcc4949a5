/// A structural unit of the text: every reader produces the same vocabulary, so stages after it
/// never ask which format a document came in.
public struct Block: Sendable, Equatable {
    public var type: BlockType
    /// Half-open span in Unicode scalars of `Document.text`, covering the whole line(s) of the
    /// block including its numbering label.
    public var start: Int
    public var end: Int
    /// Nesting level, 1 for the outermost, where the numbering, the heading or the list shows one.
    public var level: Int?
    /// The numbering label as written (or as Word would show it), without a trailing comma or
    /// colon: "II.", "2a", "a)", "-".
    public var label: String?
    /// For list items a reader knows the kind of: bullet or numbered.
    public var list: ListKind?
    /// For table cells: where the cell sits.
    public var cell: TableCell?
    /// The part of the document the block comes from when it is not the body: "header",
    /// "footer", "footnote", "endnote", "comment", "chrome" (kept page chrome of a web page).
    public var part: String?

    public init(type: BlockType, start: Int, end: Int, level: Int? = nil, label: String? = nil,
                list: ListKind? = nil, cell: TableCell? = nil, part: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.level = level
        self.label = label
        self.list = list
        self.cell = cell
        self.part = part
    }
}

public enum BlockType: String, Sendable, Equatable, CaseIterable {
    case heading
    case paragraph
    case listItem = "list-item"
    case tableRow = "table-row"
    /// One cell of a real table (HTML `<td>`/`<th>`, Word `w:tc`); `Block.cell` says where.
    case tableCell = "table-cell"
    /// Text kept verbatim (HTML `<pre>`).
    case preformatted
}

public enum ListKind: String, Sendable, Equatable, CaseIterable {
    case bullet, numbered
}

/// Where a table cell sits: tables are numbered 1, 2, … in document order (a nested table gets
/// its own number and names its parent); rows and columns count from 1 and a column is a grid
/// column, so a cell after a `colspan="2"` cell starts two columns on.
public struct TableCell: Sendable, Equatable {
    public var table: Int
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    /// The table this one is nested in, if any.
    public var parentTable: Int?
    /// A header cell (HTML `<th>`, Word's repeated header row).
    public var header: Bool

    public init(table: Int, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, parentTable: Int? = nil, header: Bool = false) {
        self.table = table
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.parentTable = parentTable
        self.header = header
    }
}
