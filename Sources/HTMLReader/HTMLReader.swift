public import DocumentModel
public import Ingest

/// Options of the HTML reader (pipeline options of the `read` stage).
public struct HTMLReadOptions: Sendable, Equatable {
    /// Keep page chrome (nav, header, footer, aside, form, menus) as blocks with part "chrome".
    public var keepChrome: Bool
    /// The encoding to read the bytes as; nil detects it (BOM, meta charset, UTF-8, else Windows-1258).
    public var encoding: TextEncoding?

    public init(keepChrome: Bool = false, encoding: TextEncoding? = nil) {
        self.keepChrome = keepChrome
        self.encoding = encoding
    }
}

/// Reads an HTML page into text and blocks (libxml2's HTML parser, never fetching anything).
public enum HTMLReader {
    public static func read(_ input: InputFile, options: HTMLReadOptions = HTMLReadOptions()) throws(DocumentError) -> Document {
        throw DocumentError(.unsupportedFormat, path: input.path, stage: "read", reason: "unsupported format: HTML (reader not built yet)")
    }
}
