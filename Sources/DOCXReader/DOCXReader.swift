public import DocumentModel
public import Ingest
import Foundation

/// Options and limits of the DOCX reader (pipeline options of the `read` stage).
///
/// Equality compares the limits and switches, and of `runText` only whether it is set
/// (functions cannot be compared).
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
    /// Called with run text and the font it is set in, for the text of consecutive runs of one
    /// font in a paragraph taken together (tabs and line breaks inside included); a non-nil
    /// result replaces that text. The font is the first named by the run's `w:rFonts`, its
    /// character style (and the styles that is based on), the paragraph style (and its bases),
    /// the document defaults; at each step `w:asciiTheme`, `w:ascii`, `w:hAnsiTheme`, `w:hAnsi`,
    /// theme fonts resolved through word/theme/theme1.xml. The name is as declared. Not called for runs
    /// with no font anywhere in the chain, nor for symbols (`w:sym`), list labels or note marks.
    /// This is where a decoder of legacy Vietnamese fonts (.VnTime is TCVN3, VNI-Times is VNI)
    /// plugs in. Block offsets follow the replaced text.
    public var runText: (@Sendable (_ text: String, _ font: String) -> String?)?

    public init(maxUncompressedBytes: Int = 256 << 20, maxCompressionRatio: Int = 200, maxEntries: Int = 10_000,
                maxXMLDepth: Int = 256, includeComments: Bool = false,
                runText: (@Sendable (_ text: String, _ font: String) -> String?)? = nil) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxEntries = maxEntries
        self.maxXMLDepth = maxXMLDepth
        self.includeComments = includeComments
        self.runText = runText
    }

    public static func == (lhs: DOCXReadOptions, rhs: DOCXReadOptions) -> Bool {
        lhs.maxUncompressedBytes == rhs.maxUncompressedBytes && lhs.maxCompressionRatio == rhs.maxCompressionRatio
            && lhs.maxEntries == rhs.maxEntries && lhs.maxXMLDepth == rhs.maxXMLDepth
            && lhs.includeComments == rhs.includeComments && (lhs.runText == nil) == (rhs.runText == nil)
    }
}

/// A read document with what the reader learnt about it beyond the text.
public struct DOCXReadResult: Sendable, Equatable {
    public var document: Document
    /// The fonts the text is set in (as resolved for each run), most used first (ties by
    /// name). A legacy font name alone does not prove legacy text: Unicode text is often set
    /// in a font such as .VnTimeH that was declared long ago.
    public var fonts: [DOCXFontUse]

    public init(document: Document, fonts: [DOCXFontUse]) {
        self.document = document
        self.fonts = fonts
    }
}

/// Reads a Word 2007+ (.docx) file into text and blocks.
///
/// The body comes first, in document order; then headers, footers, footnotes, endnotes and
/// (when asked) comments, each block marked with its part. Headers and footers are those the
/// body's section properties reference (`w:headerReference`, `w:footerReference`), in the
/// order referenced, each part once and a part showing exactly what an earlier one showed
/// not again (a first-page header that repeats the default one). Footnotes and endnotes are
/// numbered and marked as `NoteSettings` describes. Nothing is normalised here.
public enum DOCXReader {
    public static func read(_ input: InputFile, options: DOCXReadOptions = DOCXReadOptions()) throws(DocumentError) -> Document {
        try readDetailed(input, options: options).document
    }

    /// Reads the document and reports the fonts its text is set in.
    public static func readDetailed(_ input: InputFile, options: DOCXReadOptions = DOCXReadOptions()) throws(DocumentError) -> DOCXReadResult {
        var package = try ZipPackage(bytes: input.bytes, path: input.path, options: options)
        var context = Context(path: input.path, options: options)

        // The package's own relationships name the main part and the core properties.
        let root = try context.relationships(&package, source: "")
        let mainPart = root.first { $0.type.hasSuffix("/officeDocument") && package.contains($0.target) }?.target
            ?? "word/document.xml"
        guard let mainBytes = try package.read(mainPart) else {
            throw DocumentError(.malformed, path: input.path, stage: "read",
                                reason: "missing word/document.xml: the ZIP is not a Word document (no main document part)")
        }
        let rels = try context.relationships(&package, source: mainPart)
        func targets(_ suffix: String) -> [String] {
            var seen: Set<String> = []
            return rels.filter { $0.type.hasSuffix(suffix) && seen.insert($0.target.lowercased()).inserted }.map { $0.target }
        }
        func firstTarget(_ suffix: String, _ fallback: String) -> String { targets(suffix).first ?? fallback }

        let theme = try context.auxiliary(&package, firstTarget("/theme", "word/theme/theme1.xml")) { stream throws(DocumentError) in
            try ThemeFonts(stream: stream)
        } ?? ThemeFonts()
        let styles = try context.auxiliary(&package, firstTarget("/styles", "word/styles.xml")) { stream throws(DocumentError) in
            try StyleSheet(stream: stream, theme: theme)
        } ?? StyleSheet(theme: theme)
        var numbering = try context.auxiliary(&package, firstTarget("/numbering", "word/numbering.xml")) { stream throws(DocumentError) in
            try Numbering(stream: stream)
        } ?? Numbering()
        numbering.link(styles: styles)
        let notes = try context.auxiliary(&package, firstTarget("/settings", "word/settings.xml")) { stream throws(DocumentError) in
            try NoteSettings(stream: stream)
        } ?? NoteSettings()

        var body = BodyReader(styles: styles, numbering: numbering, notes: notes, runText: options.runText)
        try body.read(context.stream(mainBytes, part: mainPart), part: nil)
        body.finishBody()

        // Headers and footers the sections reference, headers first, each part once.
        var byId: [String: String] = [:]
        for rel in rels where byId[rel.id] == nil { byId[rel.id] = rel.target }
        var seenParts: Set<String> = []
        var sectionStories: [BodyReader.SectionPart: [String]] = [:]
        for reference in body.sectionParts {
            guard let target = byId[reference.id], seenParts.insert(target.lowercased()).inserted else { continue }
            sectionStories[reference.kind, default: []].append(target)
        }
        for (kind, name) in [(BodyReader.SectionPart.header, "header"), (.footer, "footer")] {
            var shown: Set<[String]> = []
            for story in sectionStories[kind] ?? [] {
                let mark = body.mark()
                _ = try context.auxiliary(&package, story) { stream throws(DocumentError) in
                    try body.read(stream, part: name)
                }
                let content = body.content(since: mark)
                if !content.isEmpty, !shown.insert(content).inserted { body.rollback(to: mark) }
            }
        }

        var stories: [(name: String, part: String)] = []
        stories.append((firstTarget("/footnotes", "word/footnotes.xml"), "footnote"))
        stories.append((firstTarget("/endnotes", "word/endnotes.xml"), "endnote"))
        if options.includeComments {
            stories.append((firstTarget("/comments", "word/comments.xml"), "comment"))
        }
        for story in stories {
            _ = try context.auxiliary(&package, story.name) { stream throws(DocumentError) in
                try body.read(stream, part: story.part)
            }
        }

        let coreName = root.first { $0.type.hasSuffix("/core-properties") }?.target ?? "docProps/core.xml"
        let metadata = try context.auxiliary(&package, coreName) { stream throws(DocumentError) in
            try CoreProperties.read(stream)
        } ?? []

        var built = BlockText()
        for block in body.blocks {
            built.add(block.type, block.text, level: block.level, label: block.label, list: block.list,
                      cell: block.cell, part: block.part)
        }
        let source = Source(path: input.path, format: .docx, encoding: nil, bytes: input.bytes.count,
                            sha256: SHA256.hex(input.bytes))
        let document = Document(source: source, text: built.text, blocks: built.blocks, warnings: context.warnings,
                                metadata: metadata)
        let fonts = body.fontUse.map { DOCXFontUse(name: $0.key, characters: $0.value) }
            .sorted { ($0.characters, $1.name) > ($1.characters, $0.name) }
        return DOCXReadResult(document: document, fonts: fonts)
    }
}

/// What one read carries between parts: the limits and the warnings found.
struct Context {
    let path: String
    let options: DOCXReadOptions
    var warnings: [Warning] = []
    /// One parser for the document's parts, one after another.
    private let parser = PartParser()

    init(path: String, options: DOCXReadOptions) {
        self.path = path
        self.options = options
    }

    func stream(_ bytes: [UInt8], part: String) throws(DocumentError) -> XMLStream {
        try XMLStream(bytes: bytes, part: part, path: path, maxDepth: options.maxXMLDepth, reusing: parser)
    }

    /// Reads a part other than the main one. A missing part gives nil; one that does not parse
    /// gives a warning (what was read before the error is kept), while a part refused by a
    /// safety limit still fails the whole document.
    mutating func auxiliary<T>(_ package: inout ZipPackage, _ name: String,
                               _ body: (XMLStream) throws(DocumentError) -> T) throws(DocumentError) -> T? {
        guard let bytes = try package.read(name) else { return nil }
        do {
            return try body(stream(bytes, part: name))
        } catch where error.code == .malformed {
            warnings.append(Warning(stage: "read", code: "docx-part-unreadable",
                                    message: "\(error.reason); the rest of the document was read without it"))
            return nil
        }
    }

    struct Relationship {
        var id: String
        var type: String
        /// The target resolved to a part name (no leading slash).
        var target: String
    }

    /// The relationships of a part (`word/_rels/document.xml.rels` for `word/document.xml`,
    /// `_rels/.rels` for the package), internal targets only.
    mutating func relationships(_ package: inout ZipPackage, source: String) throws(DocumentError) -> [Relationship] {
        let directory = (source as NSString).deletingLastPathComponent
        let file = (source as NSString).lastPathComponent
        let relsName = directory.isEmpty ? "_rels/\(file).rels" : "\(directory)/_rels/\(file).rels"
        let found = try auxiliary(&package, relsName) { stream throws(DocumentError) -> [Relationship] in
            var result: [Relationship] = []
            while let event = try stream.next() {
                guard event == .start, stream.tag == .relationship,
                      stream.attribute("TargetMode", namespace: .unqualified) != "External",
                      let type = stream.attribute("Type", namespace: .unqualified),
                      let target = stream.attribute("Target", namespace: .unqualified) else { continue }
                let id = stream.attribute("Id", namespace: .unqualified) ?? ""
                result.append(Relationship(id: id, type: type, target: Self.resolve(target, from: directory)))
            }
            return result
        }
        return found ?? []
    }

    /// A relationship target relative to the source part's folder, as a part name.
    static func resolve(_ target: String, from directory: String) -> String {
        // Nearly always a plain name in a plain folder ("styles.xml" from "word"): joined as is.
        if !target.isEmpty, isPlain(target), directory.isEmpty || isPlain(directory) {
            return directory.isEmpty ? target : directory + "/" + target
        }
        var parts: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }

    /// Whether a path is one or more names joined by single slashes, none of them "." or "..".
    private static func isPlain(_ path: String) -> Bool {
        var length = 0
        var dots = 0
        for byte in path.utf8 {
            if byte == 0x2F {
                if length == 0 || dots == length { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == 0x2E { dots += 1 }
            }
        }
        return length > 0 && dots != length
    }
}

/// docProps/core.xml: title, creator, created and modified, in that order, those present.
enum CoreProperties {
    static func read(_ stream: XMLStream) throws(DocumentError) -> [JSONValue.Member] {
        var values: [Tag: String] = [:]
        var open: Tag?
        var text: [UInt8] = []
        while let event = try stream.next() {
            switch event {
            case .start:
                switch stream.tag {
                case .title, .creator, .created, .modified:
                    open = stream.tag
                    text = []
                default:
                    break
                }
            case .text:
                if open != nil { stream.appendText(to: &text) }
            case .end:
                if let tag = open, stream.tag == tag {
                    let value = String(decoding: text, as: UTF8.self).trimmingSpace(.whitespacesAndNewlines)
                    if !value.isEmpty, values[tag] == nil { values[tag] = value }
                    open = nil
                }
            }
        }
        let order: [(Tag, String)] = [(.title, "title"), (.creator, "creator"), (.created, "created"), (.modified, "modified")]
        return order.compactMap { tag, key in values[tag].map { JSONValue.Member(key, .string($0)) } }
    }
}
