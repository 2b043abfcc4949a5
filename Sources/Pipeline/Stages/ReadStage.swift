public import DocumentModel
public import DOCXReader
import Foundation
public import HTMLReader
public import Ingest

/// `read`: loads the file, detects its format by content (text, HTML, DOCX) and its encoding,
/// and decodes it: to text for plain text, to text and blocks for HTML and DOCX.
public struct ReadStage: Stage {
    public static let name = "read"
    public static let summary = "load a file, detect its format (text, HTML, DOCX) and encoding, decode it"
    public static let options = [
        OptionSpec("encoding", "auto (default), utf-8, utf-16le, utf-16be or windows-1258 (text and HTML)"),
        OptionSpec("max_bytes", "refuse files larger than this (default 268435456, 256 MiB)"),
        OptionSpec("keep_chrome", "keep a web page's navigation, header, footer, sidebar and forms as blocks with part \"chrome\" (default false)"),
        OptionSpec("comments", "read a Word file's comments as blocks with part \"comment\" (default false)"),
        OptionSpec("docx_max_uncompressed_bytes", "refuse a DOCX whose parts add up to more than this uncompressed (default 268435456)"),
        OptionSpec("docx_max_compression_ratio", "refuse a DOCX part that inflates more than this many times (default 200)"),
        OptionSpec("docx_max_entries", "refuse a DOCX with more ZIP entries than this (default 10000)"),
        OptionSpec("xml_max_depth", "refuse DOCX XML nested deeper than this (default 256)"),
    ]
    public static let requires: Set<Capability> = []
    public static let provides: Set<Capability> = [.text]

    public let encoding: TextEncoding
    public let maxBytes: Int
    public let html: HTMLReadOptions
    public let docx: DOCXReadOptions

    public init(options: StageOptions) throws(PipelineError) {
        encoding = try options.choice("encoding", default: TextEncoding.auto)
        maxBytes = try options.int("max_bytes", default: 256 << 20, in: 1...(4 << 30))
        html = HTMLReadOptions(keepChrome: try options.bool("keep_chrome", default: false), encoding: encoding == .auto ? nil : encoding)
        let defaults = DOCXReadOptions()
        docx = DOCXReadOptions(
            maxUncompressedBytes: try options.int("docx_max_uncompressed_bytes", default: defaults.maxUncompressedBytes, in: 1...(16 << 30)),
            maxCompressionRatio: try options.int("docx_max_compression_ratio", default: defaults.maxCompressionRatio, in: 1...100_000),
            maxEntries: try options.int("docx_max_entries", default: defaults.maxEntries, in: 1...1_000_000),
            maxXMLDepth: try options.int("xml_max_depth", default: defaults.maxXMLDepth, in: 8...10_000),
            includeComments: try options.bool("comments", default: false)
        )
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
        let sniffed = Sniffer.sniff(input.bytes)
        let read: Document
        switch sniffed {
        case .html: read = try HTMLReader.read(input, options: html)
        case .docx: read = try DOCXReader.read(input, options: docx)
        case .text, .unsupported: read = try TextReader.read(input, encoding: encoding)
        }
        document = read
        if let warning = Self.extensionMismatch(path: context.path, format: read.source.format) {
            document.warnings.append(warning)
        }
    }

    /// Files are read by their content; an extension that says otherwise is worth a warning.
    static func extensionMismatch(path: String, format: Format) -> Warning? {
        let ext = (path as NSString).pathExtension.lowercased()
        let expected: [String: Format] = ["txt": .text, "text": .text, "html": .html, "htm": .html, "xhtml": .html, "docx": .docx]
        guard let claimed = expected[ext], claimed != format else { return nil }
        return Warning(stage: name, code: "extension-mismatch",
                       message: "the name ends in .\(ext) but the content is \(format.rawValue); read as \(format.rawValue)")
    }
}
