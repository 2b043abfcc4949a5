public import DocumentModel
public import DOCReader
public import DOCXReader
import Foundation
public import HTMLReader
public import Ingest
public import RTFReader

/// `read`: loads the file, detects its format by content (text, HTML, DOCX, Word 97 .doc, RTF)
/// and its encoding, and decodes it: to text for plain text, to text and blocks for the others.
/// Pre-Unicode Vietnamese is decoded wherever it hides (see `LegacyRead`).
public struct ReadStage: Stage {
    public static let name = "read"
    public static let summary = "load a file, detect its format (text, HTML, DOCX, DOC, RTF) and encoding, decode it (legacy Vietnamese included)"
    public static let options = [
        OptionSpec("encoding", "auto (default), utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii, vps or viqr (text and HTML)"),
        OptionSpec("legacy", "auto (default): decode text in legacy fonts (.VnTime, VNI-Times) and repair legacy text read as Windows-1252; off: leave it as read"),
        OptionSpec("max_bytes", "refuse files larger than this (default 268435456, 256 MiB)"),
        OptionSpec("keep_chrome", "keep a web page's navigation, header, footer, sidebar and forms as blocks with part \"chrome\" (default false)"),
        OptionSpec("comments", "read a Word file's comments as blocks with part \"comment\" (default false)"),
        OptionSpec("docx_max_uncompressed_bytes", "refuse a DOCX whose parts add up to more than this uncompressed (default 268435456)"),
        OptionSpec("docx_max_compression_ratio", "refuse a DOCX part that inflates more than this many times (default 200)"),
        OptionSpec("docx_max_entries", "refuse a DOCX with more ZIP entries than this (default 10000)"),
        OptionSpec("xml_max_depth", "refuse DOCX XML nested deeper than this (default 256)"),
        OptionSpec("doc_max_stream_bytes", "refuse a Word 97 .doc whose streams are larger than this (default 268435456)"),
        OptionSpec("doc_max_sectors", "refuse a .doc whose sector chains are longer than this (default 4194304)"),
        OptionSpec("doc_max_directory_entries", "refuse a .doc with more directory entries than this (default 100000)"),
        OptionSpec("doc_max_characters", "refuse a .doc with more characters than this (default 67108864)"),
        OptionSpec("rtf_max_depth", "refuse RTF whose groups nest deeper than this (default 1000)"),
    ]
    public static let requires: Set<Capability> = []
    public static let provides: Set<Capability> = [.text]

    public let encoding: TextEncoding
    public let maxBytes: Int
    public let html: HTMLReadOptions
    public let docx: DOCXReadOptions
    public let doc: DOCReadOptions
    public let rtf: RTFReadOptions
    /// Whether legacy Vietnamese is decoded and repaired (`legacy: auto`).
    public let legacy: Bool

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
        let docDefaults = DOCReadOptions()
        doc = DOCReadOptions(
            maxStreamBytes: try options.int("doc_max_stream_bytes", default: docDefaults.maxStreamBytes, in: 512...(16 << 30)),
            maxSectors: try options.int("doc_max_sectors", default: docDefaults.maxSectors, in: 1...(1 << 30)),
            maxDirectoryEntries: try options.int("doc_max_directory_entries", default: docDefaults.maxDirectoryEntries, in: 1...10_000_000),
            maxCharacters: try options.int("doc_max_characters", default: docDefaults.maxCharacters, in: 1...(1 << 31)),
            includeComments: try options.bool("comments", default: false)
        )
        rtf = RTFReadOptions(
            maxDepth: try options.int("rtf_max_depth", default: RTFReadOptions().maxDepth, in: 8...100_000),
            includeComments: try options.bool("comments", default: false)
        )
        // YAML reads a bare `off` as false (and `on` as true): both spellings are taken.
        if case .bool(let on)? = options.values["legacy"] {
            legacy = on
        } else {
            legacy = try options.choice("legacy", default: LegacyMode.auto) == .auto
        }
    }

    /// The values of the `legacy` option.
    enum LegacyMode: String, CaseIterable {
        case auto, off
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
        var fonts = LegacyRead.FontDecodings()
        var read = try read(input, as: sniffed, fonts: fonts)
        if legacy {
            // Fonts proven legacy that left short runs undecided: once more, decoding those.
            let lenient = fonts.fontsForSecondPass
            if !lenient.isEmpty {
                fonts = LegacyRead.FontDecodings(lenient: lenient)
                read = try self.read(input, as: sniffed, fonts: fonts)
            }
            LegacyRead.noteFontDecodings(fonts, in: &read, stage: Self.name)
            LegacyRead.repair(&read, stage: Self.name)
        }
        document = read
        if let warning = Self.extensionMismatch(path: context.path, format: read.source.format) {
            document.warnings.append(warning)
        }
    }

    /// The reader for the format, with the legacy-font hook when `legacy` is on.
    private func read(_ input: InputFile, as sniffed: Sniffed, fonts: LegacyRead.FontDecodings) throws(DocumentError) -> Document {
        switch sniffed {
        case .html:
            return try HTMLReader.read(input, options: html)
        case .docx:
            var options = docx
            if legacy { options.runText = { text, font in fonts.decode(text, font: font) } }
            return try DOCXReader.read(input, options: options)
        case .doc:
            var options = doc
            if legacy { options.runText = { text, font, _ in fonts.decode(text, font: font) } }
            return try DOCReader.read(input, options: options)
        case .rtf:
            var options = rtf
            if legacy { options.runText = { text, font, _ in fonts.decode(text, font: font) } }
            return try RTFReader.read(input, options: options)
        case .text, .unsupported:
            return try TextReader.read(input, encoding: encoding)
        }
    }

    /// Files are read by their content; an extension that says otherwise is worth a warning.
    static func extensionMismatch(path: String, format: Format) -> Warning? {
        let ext = (path as NSString).pathExtension.lowercased()
        let expected: [String: Format] = ["txt": .text, "text": .text, "html": .html, "htm": .html, "xhtml": .html, "docx": .docx,
                                          "doc": .doc, "rtf": .rtf]
        guard let claimed = expected[ext], claimed != format else { return nil }
        return Warning(stage: name, code: "extension-mismatch",
                       message: "the name ends in .\(ext) but the content is \(format.rawValue); read as \(format.rawValue)")
    }
}
