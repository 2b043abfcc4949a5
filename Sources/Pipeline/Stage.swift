public import DocumentModel

/// What a stage needs from the document and what it adds to it. The pipeline refuses, when it
/// is loaded, a stage that needs something no earlier stage provides.
public enum Capability: String, Sendable, Hashable, CaseIterable {
    /// `source` and raw `text` from a reader.
    case text
    /// `text` normalised (NFC, tone placement, whitespace).
    case normalizedText = "normalized-text"
    /// `blocks`.
    case blocks
    /// `entities`.
    case entities
    /// `kind`, the administrative header in `metadata`, and `records`.
    case structure
}

/// What a stage may consult besides the document.
public struct StageContext: Sendable {
    /// The input as the user named it.
    public var path: String
    /// Bytes already in memory (standard input, tests); when nil, the reader loads `path`.
    public var bytes: [UInt8]?

    public init(path: String, bytes: [UInt8]? = nil) {
        self.path = path
        self.bytes = bytes
    }
}

/// One step of a pipeline: a name, typed options decoded from the pipeline file, and a run
/// over the document. A thrown `DocumentError` fails this document only; non-fatal findings go
/// into `document.warnings`.
public protocol Stage: Sendable {
    /// The name used in pipeline files.
    static var name: String { get }
    /// One line for `vndoc` help and docs.
    static var summary: String { get }
    /// Options this stage understands, with a short description each.
    static var options: [OptionSpec] { get }
    static var requires: Set<Capability> { get }
    static var provides: Set<Capability> { get }

    init(options: StageOptions) throws(PipelineError)
    func process(_ document: inout Document, context: StageContext) throws(DocumentError)
}

/// An option a stage declares: the loader rejects keys no stage declared.
public struct OptionSpec: Sendable {
    public var key: String
    public var help: String
    public init(_ key: String, _ help: String) {
        self.key = key
        self.help = help
    }
}
