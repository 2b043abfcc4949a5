import CLibXML2
import LibXML2Setup
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
///
/// The bytes are decoded to UTF-8 first (see `HTMLCharset`), parsed by libxml2 in recovery mode
/// with the network off, and the tree is walked once (see `HTMLWalker`): headings, paragraphs,
/// list items, table cells and preformatted text become blocks; scripts, styles and comments
/// are dropped, and so is page chrome unless `keepChrome` is set.
public enum HTMLReader {
    /// libxml2 stops parsing, silently under `HTML_PARSE_RECOVER`, at this nesting depth.
    static let parserDepthLimit = 256

    public static func read(_ input: InputFile, options: HTMLReadOptions = HTMLReadOptions()) throws(DocumentError) -> Document {
        let path = input.path
        var source = Source(path: path, format: .html, encoding: nil, bytes: input.bytes.count, sha256: SHA256.hex(input.bytes))
        if input.bytes.isEmpty {
            throw DocumentError(.empty, path: path, stage: "read", reason: "empty file (0 bytes)")
        }
        let decoded = try HTMLCharset.decode(input.bytes, forced: options.encoding, path: path)
        source.encoding = decoded.encoding
        var warnings = decoded.warnings

        let parsed = try parse(decoded.utf8, path: path)
        defer { xmlFreeDoc(parsed.doc) }

        var walker = HTMLWalker(keepChrome: options.keepChrome)
        walker.walk(parsed.doc)
        if walker.output.blocks.isEmpty && walker.droppedChrome > 0 {
            // Everything readable sat in what looked like chrome (a wrapper with "sidebar" in
            // its class, say): better the chrome than nothing.
            var kept = HTMLWalker(keepChrome: true)
            kept.walk(parsed.doc)
            if !kept.output.blocks.isEmpty {
                walker = kept
                warnings.append(Warning(
                    stage: "read", code: "html-only-chrome",
                    message: "all the page's text is in page chrome (navigation, header, footer, menus); kept it as part \"chrome\""))
            }
        }
        if parsed.depthLimitHit || walker.maxDepth >= parserDepthLimit {
            warnings.append(Warning(
                stage: "read", code: "html-depth-limit",
                message: "the page nests elements more than \(parserDepthLimit) deep; the HTML parser stopped there, so the text after that point is missing"))
        }
        guard !walker.output.blocks.isEmpty else {
            throw DocumentError(.empty, path: path, stage: "read", reason: "no text in the page")
        }
        var metadata: [JSONValue.Member] = []
        if let title = walker.title, !title.isEmpty {
            metadata.append(.init("title", .string(title)))
        }
        return Document(source: source, text: walker.output.text, blocks: walker.output.blocks,
                        warnings: warnings, metadata: metadata)
    }

    /// libxml2's HTML parser over UTF-8: recovering from errors, silent, no network, and told
    /// the encoding so that a `<meta charset>` in the page cannot switch it.
    static let parserOptions: Int32 = Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_RECOVER.rawValue)
        | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue) | Int32(HTML_PARSE_IGNORE_ENC.rawValue)

    struct Parsed {
        var doc: xmlDocPtr
        /// libxml2 halted at its nesting limit: what follows that point is not in the tree.
        var depthLimitHit: Bool
    }

    /// Parses UTF-8 bytes into a libxml2 document (freed by the caller with `xmlFreeDoc`).
    static func parse(_ utf8: [UInt8], path: String) throws(DocumentError) -> Parsed {
        guard utf8.count < Int(Int32.max) else {
            throw DocumentError(.limitExceeded, path: path, stage: "read", reason: "\(utf8.count) bytes of HTML is more than the parser takes (2 GiB)")
        }
        LibXML2.ready()
        guard let context = htmlNewParserCtxt() else {
            throw DocumentError(.malformed, path: path, stage: "read", reason: "the HTML parser could not start (out of memory)")
        }
        defer { htmlFreeParserCtxt(context) }
        let doc = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), nil, "UTF-8", parserOptions)
            }
        }
        guard let doc else {
            throw DocumentError(.malformed, path: path, stage: "read", reason: "the HTML parser produced no document")
        }
        let error = context.pointee.lastError
        var depthLimitHit = false
        if error.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue), let message = error.message {
            depthLimitHit = String(cString: message).contains("depth")
        }
        return Parsed(doc: doc, depthLimitHit: depthLimitHit)
    }
}
