import CLibXML2
import LibXML2Setup
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

    /// The namespaces of `table`, WordprocessingML first (most names are in it).
    static let namespaces: [String] = {
        var order: [String] = [Namespace.w]
        for key in table.keys.sorted() {
            guard let space = key.lastIndex(of: " ") else { continue }
            let uri = String(key[..<space])
            if !order.contains(uri) { order.append(uri) }
        }
        return order
    }()

    /// Per namespace of `namespaces`, its local names as UTF-8 sorted bytewise, with their tags.
    static let localNames: [[(name: [UInt8], tag: Tag)]] = namespaces.map { uri in
        table.compactMap { key, tag -> (name: [UInt8], tag: Tag)? in
            guard key.hasPrefix(uri + " ") else { return nil }
            return (Array(key.utf8.dropFirst(uri.utf8.count + 1)), tag)
        }.sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    /// The tag of a local name in the namespace `namespaces[space]`: a binary search by bytes.
    static func find(_ local: UnsafePointer<UInt8>, count: Int, in space: Int) -> Tag {
        let names = localNames[space]
        var low = 0
        var high = names.count
        while low < high {
            let middle = (low + high) / 2
            let order = names[middle].name.withUnsafeBufferPointer { name -> Int in
                let common = min(name.count, count)
                let compared = common == 0 ? 0 : name.baseAddress.map { Int(memcmp($0, local, common)) } ?? 0
                return compared != 0 ? compared : name.count - count
            }
            if order == 0 { return names[middle].tag }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return .other
    }

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

extension Tag {
    /// Whether the reader ever asks for this element's attributes: only those are kept, so the
    /// attributes of the many other elements (rsids on every paragraph and run) are never copied.
    var keepsAttributes: Bool {
        switch self {
        case .headerReference, .footerReference, .footnote, .endnote, .footnoteReference, .endnoteReference, .rFonts,
             .rStyle, .pStyle, .sym, .fldChar, .tblHeader, .gridBefore, .gridSpan, .vMerge, .numFmt, .numStart, .ilvl,
             .numId, .outlineLvl, .style, .name, .basedOn, .abstractNum, .num, .abstractNumId, .lvlOverride,
             .startOverride, .lvl, .start, .lvlText, .suff, .isLgl, .lvlRestart, .styleLink, .numStyleLink, .latin,
             .relationship:
            return true
        default:
            return false
        }
    }
}

/// The namespace an attribute is asked for in.
enum AttributeNamespace: UInt8 {
    /// No namespace (`Target="…"`, `typeface="…"`).
    case unqualified
    /// WordprocessingML (`w:val`); a few writers leave the prefix off, so an unqualified
    /// attribute of the same name is taken when there is no `w:` one.
    case w
    /// Office relationships (`r:id`), with the same fallback.
    case r
    /// Any other namespace, and a prefix no declaration binds: never asked for.
    case other
}

/// A pull parser over one XML part: libxml2's SAX2 push parser, never loading a DTD or
/// anything from the network, refusing DTDs outright and nesting deeper than the limit.
///
/// The part is fed to the parser 64 KB at a time; its callbacks record the events of the
/// elements the reader acts on (a `Tag` other than `.other`), all text, and the attributes of
/// the elements whose attributes the reader asks for (`Tag.keepsAttributes`), in a small
/// buffer that `next()` then hands out one event at a time. No tree is built and no name
/// becomes a Swift string: element names are matched through libxml2's name dictionary, each
/// (namespace, local name) pointer pair looked up by its bytes once per document (the parts of
/// a document share one parser, see `PartParser`) and then found by pointer. Elements that are
/// `.other` are not recorded: the reader only passes them through, so text on either side of
/// one reads as a single text event. Events before a parse error or a refusal are handed out
/// before it is thrown.
final class XMLStream {
    enum Event: UInt8 { case start, end, text }

    /// Bytes given to the parser at a time (after the first four, which set the encoding).
    static let chunkSize = 64 << 10

    private let context: PartParser
    private let parser: xmlParserCtxtPtr
    private let sink: UnsafeMutablePointer<Sink>
    private let input: [UInt8]
    private var fed = 0
    private var finished = false
    private var failure: DocumentError?
    private let part: String
    private let path: String
    private let maxDepth: Int
    /// The event `next()` returned last, as an index in the sink's events.
    private var current = -1
    private var cursor = 0

    /// The tag of the element just started or ended.
    private(set) var tag: Tag = .other
    /// Nesting depth of the current node, 1 for the root element.
    private(set) var depth = 0

    /// A stream over one part. `reusing` is the parser of an earlier part of the same document,
    /// reset for this one (its name dictionary and name cache carry over); a new one is made
    /// when there is none or another stream still uses it.
    init(bytes: [UInt8], part: String, path: String, maxDepth: Int, reusing shared: PartParser? = nil) throws(DocumentError) {
        self.part = part
        self.path = path
        self.maxDepth = maxDepth
        if Self.containsDTD(bytes) {
            throw Self.dtdError(part: part, path: path)
        }
        input = bytes
        guard let context = (shared.flatMap { $0.busy ? nil : $0 } ?? PartParser()) else {
            throw DocumentError(.malformed, path: path, stage: "read", reason: "XML part \(part) cannot be opened for parsing")
        }
        // The first four bytes let libxml2 detect the encoding (BOM, UTF-16 without one); the
        // XML declaration then names it: some writers produce UTF-16 parts.
        let head = bytes.count >= 4 ? 4 : 0
        let status = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtResetPush(context.parser, head == 4 ? chars.baseAddress : nil, Int32(head), part, nil)
            }
        }
        guard status == 0 else {
            throw DocumentError(.malformed, path: path, stage: "read", reason: "XML part \(part) cannot be opened for parsing")
        }
        // As a new push parser without a first chunk has it: the encoding is found later.
        if head == 0 { context.parser.pointee.charset = XML_CHAR_ENCODING_NONE.rawValue }
        self.context = context
        parser = context.parser
        sink = context.sink
        fed = head
        // No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR (nothing external is read),
        // NONET (no network even if asked); CDATA sections arrive as text.
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue))
        sink.pointee.reset(maxDepth: maxDepth)
        context.busy = true
    }

    deinit {
        context.busy = false
    }

    /// The next event, or nil at the end of the part.
    func next() throws(DocumentError) -> Event? {
        while true {
            if cursor < sink.pointee.events.count {
                current = cursor
                cursor += 1
                let entry = sink.pointee.events[current]
                if entry.event != .text {
                    tag = entry.tag
                    depth = Int(entry.depth)
                }
                return entry.event
            }
            if let failure { throw failure }
            if finished { return nil }
            feed()
        }
    }

    /// Gives the parser its next chunk, after the events of the last one were all taken.
    private func feed() {
        sink.pointee.clear()
        current = -1
        cursor = 0
        let count = min(Self.chunkSize, input.count - fed)
        let terminate = fed + count == input.count
        let status = input.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlParseChunk(parser, chars.baseAddress.map { $0 + fed }, Int32(count), terminate ? 1 : 0)
            }
        }
        fed += count
        finished = terminate
        // Events recorded before a refusal or an error are still handed out, then it is thrown.
        switch sink.pointee.stop {
        case .depth: failure = depthError()
        case .dtd: failure = Self.dtdError(part: part, path: path)
        case nil:
            if status != 0 || parser.pointee.wellFormed == 0 { failure = parseError() }
        }
    }

    /// The current text event's UTF-8 bytes, appended to `out`.
    func appendText(to out: inout [UInt8]) {
        guard current >= 0 else { return }
        let entry = sink.pointee.events[current]
        guard entry.event == .text else { return }
        out.append(contentsOf: sink.pointee.bytes.slice(entry.lower..<entry.upper))
    }

    /// The value of an attribute of the current element, as UTF-8 bytes in the sink.
    private func attributeRange(_ local: StaticString, namespace: AttributeNamespace) -> Range<Int>? {
        guard current >= 0 else { return nil }
        let entry = sink.pointee.events[current]
        guard entry.event == .start else { return nil }
        assert(entry.tag.keepsAttributes, "attributes of \(entry.tag) are not kept (Tag.keepsAttributes)")
        let name = local.utf8Start
        let count = local.utf8CodeUnitCount
        var fallback: Range<Int>?
        let base = sink.pointee.bytes.base
        for index in entry.lower..<entry.upper {
            let attribute = sink.pointee.attributes[index]
            guard attribute.name.count == count, memcmp(base + attribute.name.lowerBound, name, count) == 0 else { continue }
            if attribute.namespace == namespace { return attribute.value }
            if attribute.namespace == .unqualified, fallback == nil { fallback = attribute.value }
        }
        return fallback
    }

    /// An attribute of the current element in the WordprocessingML namespace (or without a
    /// namespace, as a few writers produce); `.unqualified` asks only for one without.
    func attribute(_ local: StaticString, namespace: AttributeNamespace = .w) -> String? {
        guard let range = attributeRange(local, namespace: namespace) else { return nil }
        return String(decoding: sink.pointee.bytes.slice(range), as: UTF8.self)
    }

    /// An on/off property (`<w:tblHeader/>`, `w:val="true"`): on unless val says off.
    func isOn() -> Bool {
        guard let range = attributeRange("val", namespace: .w) else { return true }
        let value = sink.pointee.bytes.slice(range)
        return !(value.elementsEqual("0".utf8) || value.elementsEqual("false".utf8) || value.elementsEqual("off".utf8))
    }

    /// An integer `w:val` (or other attribute), surrounding spaces allowed.
    func intValue(_ local: StaticString = "val") -> Int? {
        guard let range = attributeRange(local, namespace: .w) else { return nil }
        let value = sink.pointee.bytes.slice(range)
        // Plain digits (nearly always): no string needed.
        if !value.isEmpty, value.count <= 18, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var number = 0
            for byte in value { number = number &* 10 &+ Int(byte &- 0x30) }
            return number
        }
        return Int(String(decoding: value, as: UTF8.self).trimmingSpace(.whitespaces))
    }

    // MARK: - Refusals

    /// Whether the bytes contain a document type declaration, in UTF-8 or UTF-16.
    ///
    /// Every form of `<!DOCTYPE` holds a `!` byte (0x21) at a fixed place: UTF-8 at 1, UTF-16
    /// little-endian at 2, big-endian at 3. `!` is rare in OOXML, so `memchr` goes from one to
    /// the next and each is checked against the three forms.
    static func containsDTD(_ bytes: [UInt8]) -> Bool {
        let utf8 = Array("<!DOCTYPE".utf8)
        var little: [UInt8] = []
        for byte in utf8 { little += [byte, 0] }
        let big: [UInt8] = [0] + little.dropLast()
        little.removeLast()
        let forms: [(needle: [UInt8], bang: Int)] = [(utf8, 1), (little, 2), (big, 3)]
        return bytes.withUnsafeBufferPointer { h -> Bool in
            guard let base = h.baseAddress else { return false }
            var i = 0
            while i < h.count {
                guard let hit = memchr(base + i, 0x21, h.count - i) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                for form in forms {
                    let start = at - form.bang
                    if start >= 0, start + form.needle.count <= h.count, memcmp(base + start, form.needle, form.needle.count) == 0 {
                        return true
                    }
                }
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
        let message = sink.pointee.message ?? "unknown error"
        // libxml2 has its own depth limit; report it as the limit it is.
        if message.localizedCaseInsensitiveContains("depth") {
            return depthError()
        }
        let line = sink.pointee.line.map { " at line \($0)" } ?? ""
        return DocumentError(.malformed, path: path, stage: "read",
                             reason: "XML part \(part) does not parse\(line): \(message)")
    }

    // MARK: - Callbacks

    /// The SAX2 callbacks: each finds the sink through the parser context it is given.
    fileprivate static func handler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localname, _, uri, _, _, attributeCount, _, attributes in
            guard let sink = Sink.of(context), let localname else { return }
            sink.pointee.start(localname, uri, Int(attributeCount), attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            Sink.of(context)?.pointee.end()
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let text, length > 0 else { return }
            Sink.of(context)?.pointee.text(text, Int(length))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        // A DTD the byte scan missed (an unusual encoding): refuse all the same, before its
        // declarations are read.
        handler.internalSubset = { context, _, _, _ in
            Sink.of(context)?.pointee.refuse(.dtd)
        }
        handler.externalSubset = { context, _, _, _ in
            Sink.of(context)?.pointee.refuse(.dtd)
        }
        // Collect the first error (or warning) instead of letting libxml2 print to stderr.
        handler.serror = { context, error in
            guard let error, let sink = Sink.of(context), sink.pointee.message == nil else { return }
            let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            sink.pointee.message = text.trimmingSpace(.whitespacesAndNewlines)
            sink.pointee.line = Int(error.pointee.line)
        }
        return handler
    }
}

/// A libxml2 SAX2 push parser and the sink its callbacks write to, kept for the parts of one
/// document: `xmlCtxtResetPush` readies it for each part, which spares making and freeing a
/// parser (and its name dictionary) per part.
final class PartParser {
    fileprivate let parser: xmlParserCtxtPtr
    fileprivate let sink: UnsafeMutablePointer<Sink>
    /// Whether a stream is reading with it.
    fileprivate var busy = false

    init?() {
        LibXML2.ready()
        var handler = XMLStream.handler()
        guard let created = xmlCreatePushParserCtxt(&handler, nil, nil, 0, nil) else { return nil }
        parser = created
        sink = UnsafeMutablePointer<Sink>.allocate(capacity: 1)
        sink.initialize(to: Sink(parser: created))
        // The callbacks get the parser context; the sink hangs from its application pointer.
        parser.pointee._private = UnsafeMutableRawPointer(sink)
    }

    deinit {
        xmlFreeParserCtxt(parser)
        sink.pointee.bytes.free()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }
}

/// A growable byte buffer for the callbacks, where Array's uniqueness and capacity checks on
/// every append cost more than the copying. Its owner frees it, once.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func free() { base.deallocate() }

    mutating func removeAll() { count = 0 }

    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(count + length)
        (base + count).initialize(from: source, count: length)
        count += length
    }

    mutating func append(_ byte: UInt8) {
        reserve(count + 1)
        (base + count).initialize(to: byte)
        count += 1
    }

    private mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = grown
    }

    /// Bytes already appended (`range` within `0..<count`).
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        return UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}

/// What the parser's callbacks record for `XMLStream`: the events of one chunk, their text and
/// attributes, the open elements, and why parsing stopped.
private struct Sink {
    struct Entry {
        var event: XMLStream.Event
        var tag: Tag
        var depth: Int32
        /// Text: a range of `bytes`. Start: a range of `attributes`.
        var lower: Int
        var upper: Int
    }

    struct Attribute {
        var namespace: AttributeNamespace
        /// Where in `bytes` the local name and the value (entity references resolved) are.
        var nameStart: Int
        var valueStart: Int
        var valueEnd: Int

        var name: Range<Int> { nameStart..<valueStart }
        var value: Range<Int> { valueStart..<valueEnd }
    }

    enum Stop { case depth, dtd }

    let parser: xmlParserCtxtPtr
    var maxDepth = 0
    var events: [Entry] = []
    /// Text and attribute names and values of the chunk's events (freed with the parser).
    var bytes = ByteBuffer(capacity: XMLStream.chunkSize)
    var attributes: [Attribute] = []
    /// Tags of the open elements, outermost first.
    var open: [Tag] = []
    var stop: Stop?
    var message: String?
    var line: Int?
    private var names = NameCache(dict: nil)
    /// The dictionary `names` and the namespaces below point into (the parser keeps it from part
    /// to part; should it ever change, they are dropped).
    private var dict: xmlDictPtr?
    /// The attribute namespaces as the parser's dictionary holds them (compared by pointer).
    private var wordNamespace: UnsafePointer<xmlChar>?
    private var relationshipsNamespace: UnsafePointer<xmlChar>?

    init(parser: xmlParserCtxtPtr) {
        self.parser = parser
        events.reserveCapacity(1024)
    }

    /// Ready for a new part.
    mutating func reset(maxDepth: Int) {
        self.maxDepth = maxDepth
        clear()
        open.removeAll(keepingCapacity: true)
        stop = nil
        message = nil
        line = nil
        let current = parser.pointee.dict
        if current != dict {
            dict = current
            names = NameCache(dict: current)
            wordNamespace = Namespace.w.withCString {
                xmlDictLookup(current, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), -1)
            }
            relationshipsNamespace = Namespace.officeRelationships.withCString {
                xmlDictLookup(current, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), -1)
            }
        }
    }

    static func length(_ string: UnsafePointer<xmlChar>) -> Int {
        strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self))
    }

    static func equal(_ string: UnsafePointer<xmlChar>, _ other: String) -> Bool {
        strcmp(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self), other) == 0
    }

    static func of(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Sink>? {
        guard let context else { return nil }
        return context.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: Sink.self)
    }

    mutating func clear() {
        events.removeAll(keepingCapacity: true)
        bytes.removeAll()
        attributes.removeAll(keepingCapacity: true)
    }

    mutating func refuse(_ reason: Stop) {
        if stop == nil { stop = reason }
        xmlStopParser(parser)
    }

    mutating func start(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?, _ attributeCount: Int,
                        _ values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard stop == nil else { return }
        if open.count >= maxDepth {
            refuse(.depth)
            return
        }
        let tag = names.tag(local, uri)
        open.append(tag)
        guard tag != .other else { return }
        var entry = Entry(event: .start, tag: tag, depth: Int32(truncatingIfNeeded: open.count), lower: attributes.count,
                          upper: attributes.count)
        if tag.keepsAttributes, let values {
            for i in 0..<attributeCount {
                let base = values + 5 * i
                guard let name = base[0], let value = base[3], let valueEnd = base[4] else { continue }
                let namespace: AttributeNamespace
                if let href = base[2] {
                    namespace = href == wordNamespace || Self.equal(href, Namespace.w) ? .w
                        : href == relationshipsNamespace || Self.equal(href, Namespace.officeRelationships) ? .r : .other
                } else {
                    // No namespace, or a prefix nothing declares (which a tree would name "p:name").
                    namespace = base[1] == nil ? .unqualified : .other
                }
                let nameStart = bytes.count
                bytes.append(name, count: Self.length(name))
                let valueStart = bytes.count
                appendValue(value, valueEnd - value)
                attributes.append(Attribute(namespace: namespace, nameStart: nameStart, valueStart: valueStart, valueEnd: bytes.count))
            }
            entry.upper = attributes.count
        }
        events.append(entry)
    }

    /// An attribute value as the SAX2 parser gives it: without NOENT, each `&` that an entity
    /// or character reference produced arrives as the text "&#38;" (for a tree builder to
    /// resolve); every other reference is already resolved.
    private mutating func appendValue(_ value: UnsafePointer<xmlChar>, _ count: Int) {
        let span = UnsafeBufferPointer(start: value, count: count)
        guard memchr(value, 0x26, count) != nil else {
            bytes.append(value, count: count)
            return
        }
        var i = 0
        while i < count {
            if span[i] == 0x26, i + 4 < count, span[i + 1] == 0x23, span[i + 2] == 0x33, span[i + 3] == 0x38, span[i + 4] == 0x3B {
                bytes.append(0x26)
                i += 5
            } else {
                bytes.append(span[i])
                i += 1
            }
        }
    }

    mutating func end() {
        guard stop == nil, let tag = open.popLast() else { return }
        guard tag != .other else { return }
        events.append(Entry(event: .end, tag: tag, depth: Int32(truncatingIfNeeded: open.count + 1), lower: 0, upper: 0))
    }

    mutating func text(_ text: UnsafePointer<xmlChar>, _ count: Int) {
        guard stop == nil else { return }
        bytes.append(text, count: count)
        if let last = events.indices.last, events[last].event == .text {
            events[last].upper = bytes.count
        } else {
            events.append(Entry(event: .text, tag: .other, depth: 0, lower: bytes.count - count, upper: bytes.count))
        }
    }
}

/// Element names to tags, by the pointers of libxml2's name dictionary: a direct-mapped table
/// keyed by the (local name, namespace) pointer pair, a colliding pair replacing the one there.
/// A pair is cached only when the dictionary owns both pointers (so they stay valid and unique
/// for as long as the dictionary lives); the known namespaces are looked up in the dictionary
/// once, so that a name seen first is matched by pointer too.
private struct NameCache {
    private struct Slot {
        var local: UnsafeRawPointer?
        var namespace: UnsafeRawPointer?
        var tag: Tag
    }

    private static let bits = 10
    private var slots = [Slot](repeating: Slot(local: nil, namespace: nil, tag: .other), count: 1 << bits)
    private let dict: xmlDictPtr?
    /// `Tag.namespaces` as the dictionary holds them.
    private let namespaces: [UnsafePointer<xmlChar>?]

    init(dict: xmlDictPtr?) {
        self.dict = dict
        namespaces = Tag.namespaces.map { uri in
            uri.withCString { xmlDictLookup(dict, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), -1) }
        }
    }

    mutating func tag(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>?) -> Tag {
        // No namespace, or a prefix nothing declares: nothing the reader acts on.
        guard let uri else { return .other }
        let key = UnsafeRawPointer(local)
        let namespace = UnsafeRawPointer(uri)
        let mixed = (UInt(bitPattern: key) ^ (UInt(bitPattern: namespace) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        let index = Int(truncatingIfNeeded: mixed >> UInt(UInt.bitWidth - Self.bits))
        let found = slots[index]
        if found.local == key, found.namespace == namespace { return found.tag }
        guard let dict else { return Self.lookup(local, uri, interned: nil) }
        let owned = xmlDictOwns(dict, local) == 1 && xmlDictOwns(dict, uri) == 1
        let tag = Self.lookup(local, uri, interned: owned ? namespaces : nil)
        if owned { slots[index] = Slot(local: key, namespace: namespace, tag: tag) }
        return tag
    }

    /// The tag of a name: its namespace by pointer among the `interned` ones (a dictionary's
    /// strings are unique), else by comparing strings; then its local name.
    private static func lookup(_ local: UnsafePointer<xmlChar>, _ uri: UnsafePointer<xmlChar>,
                               interned: [UnsafePointer<xmlChar>?]?) -> Tag {
        let space: Int?
        if let interned {
            space = interned.firstIndex { $0 == uri }
        } else {
            space = Tag.namespaces.firstIndex { Sink.equal(uri, $0) }
        }
        guard let space else { return .other }
        return Tag.find(local, count: Sink.length(local), in: space)
    }
}
