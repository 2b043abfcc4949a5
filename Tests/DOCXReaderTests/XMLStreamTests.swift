@testable import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

/// The streaming parser under the reader (libxml2's SAX2 push parser, events recorded per
/// chunk) and the fast paths beside it, each checked against what it replaced.
@Suite struct XMLStreamTests {
    static func events(_ xml: String, maxDepth: Int = 256) throws -> [String] {
        let stream = try XMLStream(bytes: Array(xml.utf8), part: "p.xml", path: "t.docx", maxDepth: maxDepth)
        var out: [String] = []
        var text: [UInt8] = []
        while let event = try stream.next() {
            switch event {
            case .start:
                let val = stream.tag.keepsAttributes ? stream.attribute("val").map { "=" + $0 } ?? "" : ""
                out.append("<\(stream.tag)\(val)@\(stream.depth)")
            case .end: out.append("</\(stream.tag)@\(stream.depth)")
            case .text:
                text = []
                stream.appendText(to: &text)
                out.append(String(decoding: text, as: UTF8.self))
            }
        }
        return out
    }

    static let w = "xmlns:w=\"\(Namespace.w)\""

    @Test func onlyKnownElementsWithTheirDepths() throws {
        let xml = "<w:document \(Self.w)><w:body><w:p><w:pPr><w:jc w:val=\"center\"/><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p></w:body></w:document>"
        #expect(try Self.events(xml) == ["<body@2", "<p@3", "<pPr@4", "<pStyle=Title@5", "</pStyle@5", "</pPr@4", "<r@4",
                                         "<t@5", "a", "</t@5", "</r@4", "</p@3", "</body@2"])
    }

    @Test func attributeValuesWithReferences() throws {
        // libxml2 hands SAX2 "&#38;" for each & a reference produced (for a tree builder to resolve).
        let xml = "<w:p \(Self.w)><w:pPr><w:pStyle w:val=\"a&amp;b&#38;c&lt;&#x1EA1;&amp;#38;\tz\"/></w:pPr></w:p>"
        #expect(try Self.events(xml)[2] == "<pStyle=a&b&c<ạ&#38; z@3")
    }

    @Test func unqualifiedAndUnboundAttributes() throws {
        let plain = "<w:p \(Self.w)><w:pPr><w:pStyle val=\"Plain\"/></w:pPr></w:p>"
        #expect(try Self.events(plain)[2] == "<pStyle=Plain@3")
        // w:val wins over val; a prefix nothing binds is neither.
        let both = "<w:p \(Self.w)><w:pPr><w:pStyle val=\"No\" w:val=\"Yes\"/></w:pPr></w:p>"
        #expect(try Self.events(both)[2] == "<pStyle=Yes@3")
    }

    @Test func textAcrossChunksAndCDATA() throws {
        let long = String(repeating: "Tiếng Việt ", count: XMLStream.chunkSize / 8)
        let xml = "<w:t \(Self.w)>\(long)<![CDATA[<x> & y]]>&amp;end</w:t>"
        let events = try Self.events(xml)
        #expect(events.first == "<t@1" && events.last == "</t@1")
        #expect(events.dropFirst().dropLast().joined() == long + "<x> & y&end")
    }

    @Test func utf16Parts() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:t \(Self.w)>Hà Nội</w:t>"
        for bigEndian in [false, true] {
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in xml.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            let stream = try XMLStream(bytes: bytes, part: "p.xml", path: "t.docx", maxDepth: 10)
            var text: [UInt8] = []
            while let event = try stream.next() { if event == .text { stream.appendText(to: &text) } }
            #expect(String(decoding: text, as: UTF8.self) == "Hà Nội")
        }
    }

    @Test func depthLimitAfterTheEventsBeforeIt() throws {
        let xml = "<w:body \(Self.w)><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>"
        let stream = try XMLStream(bytes: Array(xml.utf8), part: "p.xml", path: "t.docx", maxDepth: 3)
        var seen: [String] = []
        let error = #expect(throws: DocumentError.self) {
            while let event = try stream.next() { if event == .start { seen.append("\(stream.tag)") } }
        }
        #expect(seen == ["body", "p", "r"])
        #expect(error?.reason.contains("read.xml_max_depth") == true)
    }

    @Test func malformedAfterTheEventsBeforeIt() throws {
        let xml = "<w:p \(Self.w)><w:r><w:t>kept</w:t></w:r><w:r></w:p>"
        let stream = try XMLStream(bytes: Array(xml.utf8), part: "p.xml", path: "t.docx", maxDepth: 10)
        var text: [UInt8] = []
        let error = #expect(throws: DocumentError.self) {
            while let event = try stream.next() { if event == .text { stream.appendText(to: &text) } }
        }
        #expect(String(decoding: text, as: UTF8.self) == "kept")
        #expect(error?.reason.contains("does not parse at line 1: Opening and ending tag mismatch") == true)
    }

    @Test func dtdRefusedEvenWhereTheByteScanCannotSeeIt() throws {
        // UTF-32 is beyond the scan (and libxml2 does not read it): a DTD the scan misses is
        // still refused if the parser reaches it; here it is refused or fails, never expanded.
        #expect(XMLStream.containsDTD(Array("<?xml version=\"1.0\"?><!DOCTYPE x []><x/>".utf8)))
        #expect(!XMLStream.containsDTD(Array("<x>Chào! <!-- ! --></x>".utf8)))
        var little: [UInt8] = []
        for unit in "<!DOCTYPE".utf16 { little += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(XMLStream.containsDTD([0xFF, 0xFE] + little))
        #expect(XMLStream.containsDTD([0xFE, 0xFF] + [0] + little.dropLast()))
    }

    @Test func oneParserForManyParts() throws {
        // Parts read one after another reuse the parser (and its name dictionary); an error in
        // one leaves nothing behind for the next.
        let shared = PartParser()
        for round in 0..<3 {
            let bad = try XMLStream(bytes: Array("<w:p \(Self.w)><w:r>".utf8), part: "bad.xml", path: "t.docx", maxDepth: 10, reusing: shared)
            #expect(throws: DocumentError.self) { while try bad.next() != nil {} }
            let good = try XMLStream(bytes: Array("<w:p \(Self.w)><w:r><w:t>\(round)</w:t></w:r></w:p>".utf8), part: "good.xml",
                                     path: "t.docx", maxDepth: 10, reusing: shared)
            var tags: [String] = []
            while let event = try good.next() { if event == .start { tags.append("\(good.tag)") } }
            #expect(tags == ["p", "r", "t"])
        }
        // A second stream while the first is still open gets a parser of its own.
        let first = try XMLStream(bytes: Array("<w:p \(Self.w)/>".utf8), part: "a.xml", path: "t.docx", maxDepth: 10, reusing: shared)
        let second = try XMLStream(bytes: Array("<w:r \(Self.w)/>".utf8), part: "b.xml", path: "t.docx", maxDepth: 10, reusing: shared)
        #expect(try second.next() == .start && "\(second.tag)" == "r")
        #expect(try first.next() == .start && "\(first.tag)" == "p")
    }

    @Test func everyTagIsFoundByItsBytes() throws {
        // The element tag type, by a value of it (Testing has a `Tag` of its own).
        let stream = try XMLStream(bytes: Array("<x/>".utf8), part: "p.xml", path: "t.docx", maxDepth: 10)
        let tags = type(of: stream.tag)
        for (key, tag) in tags.table {
            guard let space = key.lastIndex(of: " "), let index = tags.namespaces.firstIndex(of: String(key[..<space])) else {
                Issue.record("no namespace for \(key)")
                continue
            }
            let local = Array(key[key.index(after: space)...].utf8)
            let found = local.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { tags.find($0, count: local.count, in: index) } }
            #expect(found == tag, "\(key)")
        }
        let unknown = Array("notATag".utf8)
        #expect(unknown.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { tags.find($0, count: unknown.count, in: 0) } } == .other)
    }

    @Test(arguments: ["", "Normal", " heading 1", "Tiêu đề 2 ", "\u{00A0}x\u{3000}", "\t\n", "a\u{0301} ", " \u{0301}a", "\u{2028}b\u{85}"])
    func trimmingAsFoundationDoes(text: String) {
        #expect(text.trimmingSpace(.whitespaces) == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingSpace(.whitespacesAndNewlines) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `Context.resolve` as it was before its fast path.
    static func resolveSlowly(_ target: String, from directory: String) -> String {
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

    @Test(arguments: ["styles.xml", "media/image1.png", "../customXml/item1.xml", "./theme/theme1.xml", "/word/document.xml",
                      "a//b.xml", "a/", "...", ".x/y", "", "x/../../y"])
    func relationshipTargets(target: String) {
        for directory in ["word", "", "word/sub", "/word", "word/"] {
            #expect(Context.resolve(target, from: directory) == Self.resolveSlowly(target, from: directory), "\(target) from \(directory)")
        }
    }

    @Test func headingNamesByTheirBytes() {
        let cases: [(String, Int?)] = [("heading 1", 1), ("Heading 9", 9), ("heading 10", nil), ("heading 01", 1), ("Title", 1),
                                       ("Tiêu đề 3", 3), ("Normal", nil), ("heading", nil), ("heading 123", nil), ("Kop 2", 2),
                                       (" heading  4 ", 4), ("heading 0", nil)]
        for (name, level) in cases { #expect(StyleSheet.headingLevel(name: name) == level, "\(name)") }
    }
}
