/// Builds a document's `text` and `blocks` together, for readers of formats that carry their
/// own structure (HTML, DOCX): each block's text is added in document order and blocks are
/// joined by one line feed, so the blocks tile the text and the normaliser can work block by
/// block without losing their boundaries.
public struct BlockText: Sendable {
    public private(set) var text: String = ""
    public private(set) var blocks: [Block] = []
    private var scalars = 0

    public init() {}

    /// Adds a block; text that is empty or only whitespace adds nothing (returns false).
    /// Line feeds inside the text (a `<br>`, a Word `w:br`) stay inside the block.
    @discardableResult
    public mutating func add(_ type: BlockType, _ blockText: String, level: Int? = nil, label: String? = nil,
                             list: ListKind? = nil, cell: TableCell? = nil, part: String? = nil) -> Bool {
        guard blockText.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { return false }
        if !blocks.isEmpty {
            text.append("\n")
            scalars += 1
        }
        let count = blockText.unicodeScalars.count
        text.append(blockText)
        blocks.append(Block(type: type, start: scalars, end: scalars + count, level: level, label: label, list: list, cell: cell, part: part))
        scalars += count
        return true
    }

    /// Adds a block with the type and attributes of `block` and the given text.
    @discardableResult
    public mutating func add(_ blockText: String, like block: Block) -> Bool {
        add(block.type, blockText, level: block.level, label: block.label, list: block.list, cell: block.cell, part: block.part)
    }
}
