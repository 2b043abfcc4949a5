public import DocumentModel
public import Ingest

/// Options and limits of the RTF reader (pipeline options of the `read` stage).
public struct RTFReadOptions: Sendable {
    /// Refuse a file whose groups nest deeper than this.
    public var maxDepth: Int
    /// Read comments (`\annotation`) as blocks with part "comment".
    public var includeComments: Bool
    /// Called for each run of text (one font, one source, inside one block) before it joins
    /// the document: the run's text (code-page bytes decoded with the font's `\fcharset`, so
    /// TCVN3 or VNI bytes in a charset-0 font come out as Windows-1252 letters), its font
    /// name from the font table (`.VnTime`, `VNI-Times`, …; nil when unknown) and whether it
    /// came from code-page bytes (true) or `\uN` escapes (false). A non-nil result replaces
    /// the text; nil keeps it. Legacy-font repair plugs in here.
    public var runText: RunTextHook?

    public init(maxDepth: Int = 1000, includeComments: Bool = false,
                runText: RunTextHook? = nil) {
        self.maxDepth = maxDepth
        self.includeComments = includeComments
        self.runText = runText
    }
}

/// Reads an RTF file into text and blocks.
///
/// ```
/// bytes ─▶ RTFTokenizer (control words, symbols, \'hh, text, \bin data)
///       ─▶ RTFInterpreter (group stack: destination, story, font, \uc, \intbl)
///       ─▶ RTFBlockBuilder per story (paragraphs, table cells by \cell and \row)
///       ─▶ run hook ─▶ BlockText
/// ```
/// The body comes first, then headers and footers, footnotes and endnotes, and (when asked)
/// comments, each block marked with its part. Font, colour and style tables, pictures,
/// objects (except their `\result`), field instructions and every `\*` destination are
/// skipped. `source.encoding` names the code page of the 8-bit text ("windows-1252",
/// "windows-1258", …, "mixed" when several, "utf-16" when all non-ASCII text came as `\uN`);
/// `metadata` has title, creator, created, modified (from `\info`) and the fonts of the runs read.
public enum RTFReader {
    public static func read(_ input: InputFile, options: RTFReadOptions = RTFReadOptions()) throws(DocumentError) -> Document {
        do {
            return try readChecked(input, options: options)
        } catch {
            throw DocumentError(error.code, path: input.path, stage: "read", reason: error.reason)
        }
    }

    private static func readChecked(_ input: InputFile, options: RTFReadOptions) throws(RTFProblem) -> Document {
        let bytes = input.bytes
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        guard bytes.count - start >= 5, bytes[start..<(start + 5)].elementsEqual("{\\rtf".utf8) else {
            throw RTFProblem(code: .malformed, reason: "not an RTF file: it does not start with {\\rtf")
        }
        var interpreter = RTFInterpreter(start == 0 ? bytes : Array(bytes[start...]), options: options)
        try interpreter.run()

        var built = BlockText()
        for builder in interpreter.builders {
            for block in builder.blocks { built.add(block, hook: options.runText) }
        }
        let pages = interpreter.codePagesUsed
        let encoding: String
        if pages.count + (interpreter.usedUnicode ? 1 : 0) > 1 {
            encoding = "mixed"
        } else if let only = pages.first {
            encoding = RTFCodePages.name(only)
        } else {
            encoding = interpreter.usedUnicode ? "utf-16" : interpreter.defaultCodePageName
        }
        let order = ["title", "creator", "created", "modified"]
        var metadata = interpreter.metadata.sorted { (order.firstIndex(of: $0.key) ?? 9) < (order.firstIndex(of: $1.key) ?? 9) }
            .map { JSONValue.Member($0.key, .string($0.value)) }
        if !interpreter.fontsUsed.isEmpty {
            metadata.append(JSONValue.Member("fonts", .array(interpreter.fontsUsed.map { .string($0) })))
        }
        let source = Source(path: input.path, format: .rtf, encoding: encoding,
                            bytes: bytes.count, sha256: SHA256.hex(bytes))
        return Document(source: source, text: built.text, blocks: built.blocks, warnings: interpreter.warnings, metadata: metadata)
    }
}
