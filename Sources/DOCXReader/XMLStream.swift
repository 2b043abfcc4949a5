import CLibXML2
import DocumentModel
import Foundation

/// Namespaces the reader matches elements in (by URI: the prefixes are the writer's choice).
enum Namespace {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let dcterms = "http://purl.org/dc/terms/"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// Relationship ids in the main part (`r:id` of a header reference).
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Office math (`m:oMath`).
    static let math = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    /// DrawingML, for the theme's fonts.
    static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/main"
}

/// The elements the reader acts on. Anything else is `.other` and only passed through.
enum Tag: UInt8 {
    case other
    // WordprocessingML: structure and text.
    case body, p, pPr, pStyle, numPr, ilvl, numId, outlineLvl, r, t, tab, ptab, br, cr, sym, noBreakHyphen, softHyphen
    case delText, del, moveFrom, instrText, fldChar, pPrChange, rPrChange, tblPrChange, tcPrChange, trPrChange, sectPr
    case sectPrChange, headerReference, footerReference
    // Run properties (fonts).
    case rPr, rFonts, rStyle, docDefaults, rPrDefault
    // Notes.
    case footnoteReference, endnoteReference, footnoteRef, endnoteRef, footnotePr, endnotePr, numStart
    case tbl, tr, trPr, tblHeader, gridBefore, tc, tcPr, gridSpan, vMerge, txbxContent
    case footnote, endnote, comment
    // Styles and numbering.
    case style, name, basedOn, abstractNum, num, abstractNumId, lvl, lvlOverride, startOverride, start, numFmt, lvlText, suff
    case isLgl, lvlRestart, numStyleLink, styleLink
    // Office math: runs and their text.
    case mathRun, mathText, oMath
    // The theme's font scheme.
    case majorFont, minorFont, latin
    // Markup compatibility.
    case alternateContent, choice, fallback
    // Core properties and relationships.
    case title, creator, created, modified, relationship

    /// Qualified names ("namespace URI" + " " + local name) to tags.
    static let table: [String: Tag] = {
        var table: [String: Tag] = [:]
        let w: [(String, Tag)] = [
            ("body", .body), ("p", .p), ("pPr", .pPr), ("pStyle", .pStyle), ("numPr", .numPr), ("ilvl", .ilvl),
            ("numId", .numId), ("outlineLvl", .outlineLvl), ("r", .r), ("t", .t), ("tab", .tab), ("ptab", .ptab),
            ("br", .br), ("cr", .cr), ("sym", .sym), ("noBreakHyphen", .noBreakHyphen), ("softHyphen", .softHyphen),
            ("delText", .delText), ("del", .del), ("moveFrom", .moveFrom), ("instrText", .instrText),
            ("fldChar", .fldChar), ("pPrChange", .pPrChange), ("rPrChange", .rPrChange), ("tblPrChange", .tblPrChange),
            ("tcPrChange", .tcPrChange), ("trPrChange", .trPrChange), ("sectPr", .sectPr),
            ("tbl", .tbl), ("tr", .tr), ("trPr", .trPr), ("tblHeader", .tblHeader), ("gridBefore", .gridBefore),
            ("tc", .tc), ("tcPr", .tcPr), ("gridSpan", .gridSpan), ("vMerge", .vMerge), ("txbxContent", .txbxContent),
            ("footnote", .footnote), ("endnote", .endnote), ("comment", .comment),
            ("style", .style), ("name", .name), ("basedOn", .basedOn), ("abstractNum", .abstractNum), ("num", .num),
            ("abstractNumId", .abstractNumId), ("lvl", .lvl), ("lvlOverride", .lvlOverride),
            ("startOverride", .startOverride), ("start", .start), ("numFmt", .numFmt), ("lvlText", .lvlText),
            ("suff", .suff), ("isLgl", .isLgl), ("lvlRestart", .lvlRestart), ("numStyleLink", .numStyleLink),
            ("styleLink", .styleLink), ("sectPrChange", .sectPrChange), ("headerReference", .headerReference),
            ("footerReference", .footerReference), ("rPr", .rPr), ("rFonts", .rFonts), ("rStyle", .rStyle),
            ("docDefaults", .docDefaults), ("rPrDefault", .rPrDefault), ("footnoteReference", .footnoteReference),
            ("endnoteReference", .endnoteReference), ("footnoteRef", .footnoteRef), ("endnoteRef", .endnoteRef),
            ("footnotePr", .footnotePr), ("endnotePr", .endnotePr), ("numStart", .numStart),
        ]
        for (local, tag) in w { table[Namespace.w + " " + local] = tag }
        table[Namespace.math + " r"] = .mathRun
        table[Namespace.math + " t"] = .mathText
        table[Namespace.math + " oMath"] = .oMath
        table[Namespace.drawing + " majorFont"] = .majorFont
        table[Namespace.drawing + " minorFont"] = .minorFont
        table[Namespace.drawing + " latin"] = .latin
        table[Namespace.mc + " AlternateContent"] = .alternateContent
        table[Namespace.mc + " Choice"] = .choice
        table[Namespace.mc + " Fallback"] = .fallback
        table[Namespace.dc + " title"] = .title
        table[Namespace.dc + " creator"] = .creator
        table[Namespace.dcterms + " created"] = .created
        table[Namespace.dcterms + " modified"] = .modified
        table[Namespace.relationships + " Relationship"] = .relationship
        return table
    }()
}

/// A pull parser over one XML part: libxml2's streaming reader, never loading a DTD or
/// anything from the network, refusing DTDs outright and nesting deeper than the limit.
///
/// Element names are matched through libxml2's name dictionary: each (namespace, local name)
/// pointer pair is looked up as a string once and then cached by pointer, so the per-element
/// cost is a dictionary probe rather than building Swift strings.
final class XMLStream {
    enum Event { case start, end, text }

    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let errors: ErrorBox
    private let part: String
    private let path: String
    private let maxDepth: Int
    private var cache: [NameKey: Tag] = [:]
    private var pendingEnd = false

    /// The tag of the element just started or ended.
    private(set) var tag: Tag = .other
    /// Nesting depth of the current node, 1 for the root element.
    private(set) var depth = 0

    init(bytes: [UInt8], part: String, path: String, maxDepth: Int) throws(DocumentError) {
        self.part = part
        self.path = path
        self.maxDepth = maxDepth
        if Self.containsDTD(bytes) {
            throw Self.dtdError(part: part, path: path)
        }
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { _ = copy.initialize(from: $0) }
        }
        buffer = copy
        // No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR (nothing external is read),
        // NONET (no network even if asked). The encoding is left to the XML declaration and BOM:
        // some writers produce UTF-16 parts.
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
        guard let created = xmlReaderForMemory(buffer.baseAddress, Int32(clamping: bytes.count), part, nil, options) else {
            buffer.deallocate()
            throw DocumentError(.malformed, path: path, stage: "read", reason: "XML part \(part) cannot be opened for parsing")
        }
        reader = created
        errors = ErrorBox()
        // Collect the first parse error instead of letting libxml2 print to stderr.
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            if box.message == nil {
                let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                box.message = text.trimmingCharacters(in: .whitespacesAndNewlines)
                box.line = Int(error.pointee.line)
            }
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// The next event, or nil at the end of the part.
    func next() throws(DocumentError) -> Event? {
        if pendingEnd {
            pendingEnd = false
            return .end
        }
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 { throw parseError() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                depth = Int(xmlTextReaderDepth(reader)) + 1
                if depth > maxDepth {
                    throw depthError()
                }
                tag = currentTag()
                pendingEnd = xmlTextReaderIsEmptyElement(reader) == 1
                return .start
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                depth = Int(xmlTextReaderDepth(reader)) + 1
                tag = currentTag()
                return .end
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                 Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                return .text
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                // The byte scan missed it (an unusual encoding): refuse all the same.
                throw Self.dtdError(part: part, path: path)
            default:
                continue
            }
        }
    }

    /// The current text node's UTF-8 bytes, appended to `out`.
    func appendText(to out: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        let count = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        out.append(contentsOf: UnsafeBufferPointer(start: value, count: count))
    }

    /// The current text node as a string.
    var text: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// An attribute of the current element in the WordprocessingML namespace (or without a
    /// namespace, as a few writers produce).
    func attribute(_ local: String, namespace: String? = Namespace.w) -> String? {
        if let namespace, let value = xmlTextReaderGetAttributeNs(reader, local, namespace) {
            defer { vn_xml_free(value) }
            return String(cString: value)
        }
        if let value = xmlTextReaderGetAttribute(reader, local) {
            defer { vn_xml_free(value) }
            return String(cString: value)
        }
        return nil
    }

    /// An on/off property (`<w:tblHeader/>`, `w:val="true"`): on unless val says off.
    func isOn() -> Bool {
        guard let value = attribute("val") else { return true }
        return !(value == "0" || value == "false" || value == "off")
    }

    /// An integer `w:val`.
    func intValue(_ local: String = "val") -> Int? {
        attribute(local).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } as Int?
    }

    // MARK: - Names

    private struct NameKey: Hashable {
        let namespace: UnsafeRawPointer?
        let local: UnsafeRawPointer
    }

    private func currentTag() -> Tag {
        // The reader parses with `dictNames` (xmlTextReaderSetup sets it), so element names and
        // namespace URIs live in its dictionary for its whole life: equal names, equal pointers.
        guard let local = xmlTextReaderConstLocalName(reader) else { return .other }
        let namespace = xmlTextReaderConstNamespaceUri(reader)
        let key = NameKey(namespace: namespace.map { UnsafeRawPointer($0) }, local: UnsafeRawPointer(local))
        if let known = cache[key] { return known }
        let uri = namespace.map { String(cString: $0) } ?? ""
        let found = Tag.table[uri + " " + String(cString: local)] ?? .other
        cache[key] = found
        return found
    }

    // MARK: - Refusals

    /// Whether the bytes contain a document type declaration, in UTF-8 or UTF-16.
    static func containsDTD(_ bytes: [UInt8]) -> Bool {
        let ascii = Array("<!DOCTYPE".utf8)
        if contains(bytes, ascii) { return true }
        // UTF-16 (either byte order): each ASCII byte interleaved with a zero byte.
        var little: [UInt8] = []
        for byte in ascii { little += [byte, 0] }
        let big: [UInt8] = [0] + little.dropLast()
        return contains(bytes, Array(little.dropLast())) || contains(bytes, big)
    }

    /// Whether `needle` occurs in `haystack` (memchr to each candidate first byte, then compare).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h -> Bool in
            guard let base = h.baseAddress else { return false }
            var i = 0
            let last = h.count - needle.count
            while i <= last {
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                i = at + 1
            }
            return false
        }
    }

    private static func dtdError(part: String, path: String) -> DocumentError {
        DocumentError(.limitExceeded, path: path, stage: "read",
                      reason: "XML part \(part) contains a DTD (<!DOCTYPE), which OOXML never needs; refused (it could expand entities or read local files)")
    }

    private func depthError() -> DocumentError {
        DocumentError(.limitExceeded, path: path, stage: "read",
                      reason: "XML part \(part) nests elements deeper than \(maxDepth) levels (read.xml_max_depth); refused, raise the limit if the file is trusted")
    }

    private func parseError() -> DocumentError {
        let message = errors.message ?? "unknown error"
        // libxml2 has its own depth limit; report it as the limit it is.
        if message.localizedCaseInsensitiveContains("depth") {
            return depthError()
        }
        let line = errors.line.map { " at line \($0)" } ?? ""
        return DocumentError(.malformed, path: path, stage: "read",
                             reason: "XML part \(part) does not parse\(line): \(message)")
    }
}

/// Where the libxml2 error callback leaves the first error (only touched on the parsing thread).
private final class ErrorBox {
    var message: String?
    var line: Int?
}
