public import DocumentModel
public import Ingest

/// `read`: loads the file, detects its format and encoding, and decodes it to text.
public struct ReadStage: Stage {
    public static let name = "read"
    public static let summary = "load a file, detect its format and encoding, decode it to text"
    public static let options = [
        OptionSpec("encoding", "auto (default), utf-8, utf-16le, utf-16be or windows-1258"),
        OptionSpec("max_bytes", "refuse files larger than this (default 268435456, 256 MiB)"),
    ]
    public static let requires: Set<Capability> = []
    public static let provides: Set<Capability> = [.text]

    public let encoding: TextEncoding
    public let maxBytes: Int

    public init(options: StageOptions) throws(PipelineError) {
        encoding = try options.choice("encoding", default: TextEncoding.auto)
        maxBytes = try options.int("max_bytes", default: 256 << 20, in: 1...(4 << 30))
    }

    public func process(_ document: inout Document, context: StageContext) throws(DocumentError) {
        let input: InputFile
        if let bytes = context.bytes {
            guard bytes.count <= maxBytes else {
                throw DocumentError(.tooLarge, path: context.path, stage: Self.name, reason: "\(bytes.count) bytes is more than the limit of \(maxBytes) (raise read.max_bytes in the pipeline)")
            }
            input = InputFile(path: context.path, bytes: bytes)
        } else {
            input = try InputFile.load(path: context.path, maxBytes: maxBytes)
        }
        let read = try TextReader.read(input, encoding: encoding)
        document.source = read.source
        document.text = read.text
        document.warnings.append(contentsOf: read.warnings)
    }
}
