/// Where a document came from and how its bytes were read.
public struct Source: Sendable, Equatable {
    /// The path as the user gave it (or as found under a directory the user gave).
    public var path: String
    /// The detected format (by content, not by extension).
    public var format: Format
    /// The detected character encoding, e.g. "utf-8", "utf-8-bom", "utf-16le", "windows-1258".
    public var encoding: String?
    /// Size of the input in bytes.
    public var bytes: Int
    /// SHA-256 of the input bytes, lowercase hex.
    public var sha256: String

    public init(path: String, format: Format = .text, encoding: String? = nil, bytes: Int = 0, sha256: String = "") {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// Input formats vndoc recognises by content.
public enum Format: String, Sendable, Equatable, CaseIterable {
    case text
    case html
    case docx
    /// Word 97–2003 (an OLE2 compound file).
    case doc
    case rtf
}
