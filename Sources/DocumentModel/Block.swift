/// A structural unit of the text: every reader produces the same vocabulary, so stages after it
/// never ask which format a document came in.
public struct Block: Sendable, Equatable {
    public var type: BlockType
    /// Half-open span in Unicode scalars of `Document.text`, covering the whole line(s) of the
    /// block including its numbering label.
    public var start: Int
    public var end: Int
    /// Nesting level, 1 for the outermost, where the numbering or the heading shows one.
    public var level: Int?
    /// The numbering label as written, without a trailing comma or colon: "II.", "2a", "a)", "-".
    public var label: String?

    public init(type: BlockType, start: Int, end: Int, level: Int? = nil, label: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.level = level
        self.label = label
    }
}

public enum BlockType: String, Sendable, Equatable, CaseIterable {
    case heading
    case paragraph
    case listItem = "list-item"
    case tableRow = "table-row"
}
