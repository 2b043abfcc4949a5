import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

@Suite struct DOCXHostileTests {
    /// Reads bytes and returns the error thrown (nil if the read succeeded).
    static func failure(_ bytes: [UInt8], _ options: DOCXReadOptions = DOCXReadOptions()) -> DocumentError? {
        do {
            _ = try DOCXReader.read(InputFile(path: "evil.docx", bytes: bytes), options: options)
            return nil
        } catch {
            return error
        }
    }

    static func expectFailure(_ bytes: [UInt8], _ options: DOCXReadOptions = DOCXReadOptions(), code: DocumentError.Code,
                              mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = failure(bytes, options)
        #expect(error?.code == code, sourceLocation: sourceLocation)
        #expect(error?.reason.contains(mentions) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.stage == "read" && error?.path == "evil.docx", sourceLocation: sourceLocation)
    }

    /// A body of `count` bytes of repetitive paragraphs (compresses very well).
    static func bigBody(_ count: Int) -> String {
        let p = DOCX.p("0000000000000000000000000000000000000000")
        return String(repeating: p, count: count / p.utf8.count + 1)
    }

    @Test func zipBombOverBudget() throws {
        let bytes = try DOCX.make(body: Self.bigBody(5 << 20))
        Self.expectFailure(bytes, DOCXReadOptions(maxUncompressedBytes: 1 << 20), code: .limitExceeded,
                           mentions: "read.docx_max_uncompressed_bytes")
    }

    @Test func hugeCompressionRatio() throws {
        let bytes = try DOCX.make(body: Self.bigBody(8 << 20))
        Self.expectFailure(bytes, code: .limitExceeded, mentions: "read.docx_max_compression_ratio")
    }

    @Test func lyingSizeHeaderStopsAtDeclaredSize() throws {
        // Declare 1000 bytes for a part that inflates to 200 KB: inflating must stop, not trust the header.
        var bytes = try DOCX.make(body: Self.bigBody(200 << 10))
        let real = UInt32(DOCX.document(Self.bigBody(200 << 10)).utf8.count)
        var patched = 0
        for i in 0..<(bytes.count - 30) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            // Local header (size at +22) and central directory header (size at +24).
            let offset: Int
            if bytes[i + 2] == 3 && bytes[i + 3] == 4 { offset = 22 } else if bytes[i + 2] == 1 && bytes[i + 3] == 2 { offset = 24 } else { continue }
            let size = UInt32(bytes[i + offset]) | UInt32(bytes[i + offset + 1]) << 8 | UInt32(bytes[i + offset + 2]) << 16 | UInt32(bytes[i + offset + 3]) << 24
            guard size == real else { continue }
            bytes[i + offset] = 0xE8
            bytes[i + offset + 1] = 0x03
            bytes[i + offset + 2] = 0
            bytes[i + offset + 3] = 0
            patched += 1
        }
        #expect(patched == 2)
        Self.expectFailure(bytes, code: .limitExceeded, mentions: "declared size")
    }

    @Test func tooManyEntries() throws {
        var parts: [(String, [UInt8])] = [("word/document.xml", Array(DOCX.document(DOCX.p("x")).utf8))]
        for i in 0..<20 { parts.append(("word/media/image\(i).png", [UInt8(i)])) }
        Self.expectFailure(try DOCX.zip(parts), DOCXReadOptions(maxEntries: 10), code: .limitExceeded, mentions: "read.docx_max_entries")
        #expect(Self.failure(try DOCX.zip(parts), DOCXReadOptions(maxEntries: 21)) == nil)
    }

    static let billionLaughs = """
        <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>
        """
    static let xxe = """
        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>
        """

    @Test(arguments: ["word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/settings.xml", "word/theme/theme1.xml",
                      "word/numbering.xml", "docProps/core.xml"])
    func dtdRefusedInAnyPart(part: String) throws {
        for xml in [Self.billionLaughs, Self.xxe] {
            var parts = [("word/document.xml", Array(DOCX.document(DOCX.p("ok")).utf8))]
            if part == "word/document.xml" { parts = [] }
            parts.append((part, Array(xml.utf8)))
            let bytes = try DOCX.zip(parts)
            Self.expectFailure(bytes, code: .limitExceeded, mentions: "<!DOCTYPE")
        }
    }

    @Test func utf16DoctypeRefused() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Self.xxe.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        Self.expectFailure(try DOCX.zip([("word/document.xml", utf16)]), code: .limitExceeded, mentions: "<!DOCTYPE")
    }

    @Test func noPasswdContentAnywhere() throws {
        // Even if a DOCTYPE got through, nothing is expanded: check the refusal carries no file content.
        let error = Self.failure(try DOCX.zip([("word/document.xml", Array(Self.xxe.utf8))]))
        #expect(error?.reason.contains("root:") == false)
    }

    @Test(arguments: [(300, DOCXReadOptions()), (60, DOCXReadOptions(maxXMLDepth: 50))])
    func tooDeep(depth: Int, options: DOCXReadOptions) throws {
        let nested = String(repeating: "<w:sdt><w:sdtContent>", count: depth / 2) + DOCX.p("deep")
            + String(repeating: "</w:sdtContent></w:sdt>", count: depth / 2)
        Self.expectFailure(try DOCX.make(body: nested), options, code: .limitExceeded, mentions: "read.xml_max_depth")
    }

    @Test func deepButAllowed() throws {
        let nested = String(repeating: "<w:sdt><w:sdtContent>", count: 20) + DOCX.p("deep") + String(repeating: "</w:sdtContent></w:sdt>", count: 20)
        let doc = try DOCX.read(body: nested)
        #expect(doc.text == "deep")
    }

    @Test func truncatedZip() throws {
        let bytes = try DOCX.make(body: DOCX.p("Hello"), parts: ["word/styles.xml": DOCX.part("styles", "")])
        Self.expectFailure(Array(bytes.prefix(bytes.count / 2)), code: .malformed, mentions: "truncated or corrupt ZIP")
    }

    @Test(arguments: [[UInt8](), Array("not a zip at all".utf8), [0x50, 0x4B, 0x03, 0x04]])
    func notAZip(bytes: [UInt8]) {
        Self.expectFailure(bytes, code: .malformed, mentions: "truncated or corrupt ZIP")
    }

    @Test func missingDocumentPart() throws {
        Self.expectFailure(try DOCX.make(body: nil, parts: ["word/styles.xml": DOCX.part("styles", "")]),
                           code: .malformed, mentions: "missing word/document.xml")
    }

    @Test func mainPartThatDoesNotParse() throws {
        let bytes = try DOCX.zip([("word/document.xml", Array("<w:document><w:body><w:p>".utf8))])
        Self.expectFailure(bytes, code: .malformed, mentions: "does not parse")
    }
}
