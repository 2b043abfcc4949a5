public import DocumentModel
public import Ingest

/// Options and limits of the DOCX reader (pipeline options of the `read` stage).
public struct DOCXReadOptions: Sendable, Equatable {
    /// Refuse a file whose parts add up to more than this many bytes uncompressed.
    public var maxUncompressedBytes: Int
    /// Refuse a part whose uncompressed size exceeds its compressed size this many times.
    public var maxCompressionRatio: Int
    /// Refuse a ZIP with more entries than this.
    public var maxEntries: Int
    /// Refuse XML nested deeper than this.
    public var maxXMLDepth: Int
    /// Read comments (word/comments.xml) as blocks with part "comment".
    public var includeComments: Bool

    public init(maxUncompressedBytes: Int = 256 << 20, maxCompressionRatio: Int = 200, maxEntries: Int = 10_000,
                maxXMLDepth: Int = 256, includeComments: Bool = false) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxEntries = maxEntries
        self.maxXMLDepth = maxXMLDepth
        self.includeComments = includeComments
    }
}

/// Reads a Word 2007+ (.docx) file into text and blocks.
public enum DOCXReader {
    public static func read(_ input: InputFile, options: DOCXReadOptions = DOCXReadOptions()) throws(DocumentError) -> Document {
        throw DocumentError(.unsupportedFormat, path: input.path, stage: "read", reason: "unsupported format: DOCX (reader not built yet)")
    }
}
