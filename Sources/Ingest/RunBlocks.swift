public import DocumentModel

/// What a reader of formats that store text in runs (Word 97, RTF) hands to its run hook: a
/// stretch of text in one font and one storage width (8-bit code-page bytes, or 16-bit units).
/// A hook may replace the text, which is where a legacy decoder (.VnTime, VNI-Times) plugs in.
public typealias RunTextHook = @Sendable (_ text: String, _ font: String?, _ eightBit: Bool) -> String?

public struct TextRun: Sendable, Equatable {
    public var text: String
    public var font: String?
    public var eightBit: Bool

    public init(text: String, font: String?, eightBit: Bool) {
        self.text = text
        self.font = font
        self.eightBit = eightBit
    }
}

/// A block whose runs have not been through the hook yet.
public struct RunBlock: Sendable, Equatable {
    public var type: BlockType
    public var runs: [TextRun]
    public var cell: TableCell?
    public var part: String?

    public init(type: BlockType, runs: [TextRun], cell: TableCell? = nil, part: String? = nil) {
        self.type = type
        self.runs = runs
        self.cell = cell
        self.part = part
    }
}

extension BlockText {
    /// Adds a block of runs, each run's text replaced by what `hook` returns for it (nil keeps it).
    @discardableResult
    public mutating func add(_ block: RunBlock, hook: RunTextHook?) -> Bool {
        var text = ""
        for run in block.runs { text += hook?(run.text, run.font, run.eightBit) ?? run.text }
        return add(block.type, text, cell: block.cell, part: block.part)
    }
}
