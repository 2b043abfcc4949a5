/// Builds a document's `text` and `blocks` together, for readers of formats that carry their
/// own structure (HTML, DOCX): each block's text is added in document order and blocks are
/// joined by one line feed, so the blocks tile the text and the normaliser can work block by
/// block without losing their boundaries. The text is kept as UTF-8 bytes while it grows and
/// becomes a `String` once, when `text` is read.
public struct BlockText: Sendable {
    /// The text so far, UTF-8.
    public private(set) var utf8: [UInt8] = []
    public private(set) var blocks: [Block] = []
    private var scalars = 0

    public init() {}

    /// The text so far (built from `utf8` on each call: read it once, at the end).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Adds a block; text that is empty or only whitespace adds nothing (returns false).
    /// Line feeds inside the text (a `<br>`, a Word `w:br`) stay inside the block.
    @discardableResult
    public mutating func add(_ type: BlockType, _ blockText: String, level: Int? = nil, label: String? = nil,
                             list: ListKind? = nil, cell: TableCell? = nil, part: String? = nil) -> Bool {
        var blockText = blockText
        return blockText.withUTF8 { add(type, utf8: $0, level: level, label: label, list: list, cell: cell, part: part) }
    }

    /// Adds a block from well-formed UTF-8 bytes (a reader's own buffer, no `String` made).
    @discardableResult
    public mutating func add(_ type: BlockType, utf8 bytes: UnsafeBufferPointer<UInt8>, level: Int? = nil, label: String? = nil,
                             list: ListKind? = nil, cell: TableCell? = nil, part: String? = nil) -> Bool {
        guard Self.hasVisibleCharacter(bytes) else { return false }
        if !blocks.isEmpty {
            utf8.append(0x0A)
            scalars += 1
        }
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        utf8.append(contentsOf: bytes)
        blocks.append(Block(type: type, start: scalars, end: scalars + count, level: level, label: label, list: list, cell: cell, part: part))
        scalars += count
        return true
    }

    /// Adds a block with the type and attributes of `block` and the given text.
    @discardableResult
    public mutating func add(_ blockText: String, like block: Block) -> Bool {
        add(block.type, blockText, level: block.level, label: block.label, list: block.list, cell: block.cell, part: block.part)
    }

    /// Whether the bytes hold a character that is not whitespace: any ASCII byte that is not
    /// ASCII whitespace settles it; otherwise the characters are checked one by one.
    static func hasVisibleCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x80 {
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return true }
        }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { !$0.properties.isWhitespace }
    }
}
