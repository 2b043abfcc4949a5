public import DocumentModel
public import Ingest

/// Options and limits of the Word 97–2003 reader (pipeline options of the `read` stage).
public struct DOCReadOptions: Sendable {
    /// Refuse a stream (the text, the table stream, the mini stream) larger than this.
    public var maxStreamBytes: Int
    /// Refuse a compound file with more sectors than this.
    public var maxSectors: Int
    /// Refuse a compound file whose directory has more entries than this.
    public var maxDirectoryEntries: Int
    /// Refuse a document whose stories add up to more characters than this.
    public var maxCharacters: Int
    /// Read comments (annotations) as blocks with part "comment".
    public var includeComments: Bool
    /// Called for each run of text (one font, one storage width, inside one block) before it
    /// joins the document: the run's text as Word stores it (8-bit pieces read as
    /// Windows-1252, so TCVN3 or VNI bytes come out as Latin-1 letters), its font name
    /// (`.VnTime`, `VNI-Times`, …; nil when unknown) and whether it was stored in 8 bits.
    /// A non-nil result replaces the text; nil keeps it. Legacy-font repair plugs in here.
    public var runText: RunTextHook?

    public init(maxStreamBytes: Int = 256 << 20, maxSectors: Int = 1 << 22, maxDirectoryEntries: Int = 100_000,
                maxCharacters: Int = 64 << 20, includeComments: Bool = false,
                runText: RunTextHook? = nil) {
        self.maxStreamBytes = maxStreamBytes
        self.maxSectors = maxSectors
        self.maxDirectoryEntries = maxDirectoryEntries
        self.maxCharacters = maxCharacters
        self.includeComments = includeComments
        self.runText = runText
    }
}

/// Reads a Word 97–2003 (.doc) file into text and blocks.
///
/// ```
/// OLE2 compound file ─▶ WordDocument stream ─▶ FIB ─▶ table stream (0Table/1Table)
///                                                      ├ Clx: piece table (CP → bytes, 8 or 16 bit)
///                                                      ├ SttbfFfn: font names
///                                                      ├ STSH: style fonts
///                                                      └ PlcfBteChpx/Papx: run fonts, table marks
/// stories in CP order: main text, footnotes, headers/footers, comments, endnotes, text boxes
/// ```
/// The main text comes first (text boxes join it, as in DOCX), then headers and footers,
/// footnotes, endnotes and (when asked) comments, each block marked with its part. Nothing is
/// normalised or repaired here: `source.encoding` says how the text was stored
/// ("windows-1252", "utf-16le" or "mixed"), `metadata.fonts` lists the fonts of the runs read,
/// and `DOCReadOptions.runText` is where a legacy decoder replaces run text.
public enum DOCReader {
    public static func read(_ input: InputFile, options: DOCReadOptions = DOCReadOptions()) throws(DocumentError) -> Document {
        do {
            return try readChecked(input, options: options)
        } catch {
            throw DocumentError(error.code, path: input.path, stage: "read", reason: error.reason)
        }
    }

    private static func readChecked(_ input: InputFile, options: DOCReadOptions) throws(DOCProblem) -> Document {
        let file = try CompoundFile(bytes: input.bytes, limits: CompoundFile.Limits(
            maxStreamBytes: options.maxStreamBytes, maxSectors: options.maxSectors, maxDirectoryEntries: options.maxDirectoryEntries))
        guard let wordDocument = try file.stream(named: "WordDocument") else {
            throw notWord(file.topLevelNames)
        }
        let fib = try FileInformationBlock(wordDocument)
        guard !fib.encrypted else {
            throw .unsupported("the document is password-protected (\(fib.obfuscated ? "XOR-obfuscated" : "encrypted")); open it in Word, remove the password and save it again")
        }
        guard let table = try file.stream(named: fib.tableStreamName) else {
            throw .malformed("the document has no \(fib.tableStreamName) stream, which its File Information Block names as the table stream")
        }
        guard !fib.clx.isEmpty, table.contains(offset: fib.clx.offset, length: fib.clx.length) else {
            throw .malformed("the piece table (Clx: \(fib.clx.length) bytes at \(fib.clx.offset)) lies outside the \(fib.tableStreamName) stream (\(table.count) bytes)")
        }
        let pieces = try PieceTable(clx: Array(table[fib.clx.offset..<(fib.clx.offset + fib.clx.length)]),
                                    wordDocumentLength: wordDocument.count)

        var warnings: [Warning] = []
        let stories = try storyRanges(fib, table: table, pieces: pieces, options: options, warnings: &warnings)
        let fonts = FontTable(table, at: fib.fonts)
        let styles = StyleFonts(table, at: fib.styleSheet)
        let pages = FormattedPages(document: wordDocument, table: table, fib: fib, maxRuns: 4_000_000)
        if pages.truncated {
            warnings.append(Warning(stage: "read", code: "doc-formatting-truncated",
                                    message: "the document has more formatting runs than the reader keeps; fonts and table marks are known for its first part only"))
        }

        var assembler = TextAssembler(document: wordDocument, pieces: pieces, fonts: fonts, styles: styles, pages: pages)
        for story in stories.main { assembler.read(story.range, part: story.part) }
        for story in stories.other { assembler.read(story.range, part: story.part) }
        warnings += assembler.warnings

        var built = BlockText()
        for block in assembler.blocks { built.add(block, hook: options.runText) }
        let encoding: String? = switch (assembler.eightBitCharacters > 0, assembler.wideCharacters > 0) {
        case (true, true): "mixed"
        case (true, false): "windows-1252"
        case (false, true): "utf-16le"
        case (false, false): nil
        }
        // Summary information is optional: a broken or missing property set leaves no metadata.
        var metadata = ((try? file.stream(named: "\u{5}SummaryInformation")) ?? nil).map(SummaryInformation.metadata) ?? []
        if !assembler.fontsUsed.isEmpty {
            metadata.append(JSONValue.Member("fonts", .array(assembler.fontsUsed.map { .string($0) })))
        }
        let source = Source(path: input.path, format: .doc, encoding: encoding,
                            bytes: input.bytes.count, sha256: SHA256.hex(input.bytes))
        return Document(source: source, text: built.text, blocks: built.blocks, warnings: warnings, metadata: metadata)
    }

    /// An OLE2 file that is not a Word document: say what it is when the streams tell.
    private static func notWord(_ names: [String]) -> DOCProblem {
        let upper = Set(names.map { $0.uppercased() })
        if upper.contains("WORKBOOK") || upper.contains("BOOK") {
            return .unsupported("an Excel 97–2003 workbook (.xls), not a Word document")
        }
        if upper.contains("POWERPOINT DOCUMENT") {
            return .unsupported("a PowerPoint 97–2003 presentation (.ppt), not a Word document")
        }
        if upper.contains("ENCRYPTEDPACKAGE") {
            return .unsupported("an encrypted Office 2007+ file (EncryptedPackage); remove the password and save it again")
        }
        return .malformed("an OLE2 compound file without a WordDocument stream (it holds \(names.prefix(8).joined(separator: ", "))): not a Word document")
    }

    struct Story {
        var range: Range<Int>
        var part: String?
    }

    /// The CP ranges of the stories, in reading order: the main text and text boxes first, then
    /// headers and footers, footnotes, endnotes and comments.
    private static func storyRanges(_ fib: FileInformationBlock, table: [UInt8], pieces: PieceTable, options: DOCReadOptions,
                                    warnings: inout [Warning]) throws(DOCProblem) -> (main: [Story], other: [Story]) {
        let lengths = fib.storyLengths
        var total = 0
        for length in lengths {
            total += length
            guard total <= options.maxCharacters else {
                throw .limit("the document declares more than \(options.maxCharacters) characters (read.doc_max_characters)")
            }
        }
        if total > pieces.cpLimit {
            warnings.append(Warning(stage: "read", code: "doc-text-truncated",
                                    message: "the File Information Block declares \(total) characters but the piece table holds \(pieces.cpLimit); the text was read as far as it goes"))
        }
        var starts: [Int] = []
        var at = 0
        for length in lengths {
            starts.append(at)
            at += length
        }
        func range(_ i: Int) -> Range<Int> { starts[i]..<(starts[i] + lengths[i]) }
        // 0 main, 1 footnotes, 2 headers, 3 macros, 4 comments, 5 endnotes, 6 text boxes, 7 header text boxes
        var main = [Story(range: range(0), part: nil), Story(range: range(6), part: nil)]
        var other: [Story] = headerStories(table, at: fib.headerStories, range: range(2))
        other.append(Story(range: range(7), part: "header"))
        other.append(Story(range: range(1), part: "footnote"))
        other.append(Story(range: range(5), part: "endnote"))
        if options.includeComments { other.append(Story(range: range(4), part: "comment")) }
        main.removeAll { $0.range.isEmpty }
        other.removeAll { $0.range.isEmpty }
        return (main, other)
    }

    /// The header story split by PlcfHdd ([MS-DOC] 2.8.17): six separator stories (dropped),
    /// then per section even and odd header, even and odd footer, first-page header and footer.
    /// Without a usable PlcfHdd the whole story is read as "header".
    private static func headerStories(_ table: [UInt8], at location: FileInformationBlock.Location,
                                      range: Range<Int>) -> [Story] {
        guard !range.isEmpty else { return [] }
        let count = location.length / 4
        guard count >= 2, table.contains(offset: location.offset, length: count * 4) else {
            return [Story(range: range, part: "header")]
        }
        var stories: [Story] = []
        var previous = 0
        for i in 0..<(count - 1) {
            guard let a = table.u32(location.offset + i * 4), let b = table.u32(location.offset + (i + 1) * 4) else { break }
            let start = Int(a), end = min(Int(b), range.count)
            guard start >= previous, start <= end else { break }
            previous = end
            guard i >= 6, start < end else { continue }
            let part = [0, 1, 4].contains((i - 6) % 6) ? "header" : "footer"
            stories.append(Story(range: (range.lowerBound + start)..<(range.lowerBound + end), part: part))
        }
        return stories
    }
}
