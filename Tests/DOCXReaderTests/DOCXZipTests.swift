import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

/// The ZIP reader: the layouts writers produce (stored parts, data descriptors, ZIP64, names in
/// code page 437) and the damage it must refuse or get past as ZIPFoundation did.
@Suite struct DOCXZipTests {
    /// One entry of a hand-made ZIP, stored (method 0) unless its bytes are given deflated.
    struct RawEntry {
        var name: [UInt8]
        var data: [UInt8]
        var method: UInt16 = 0
        /// Uncompressed size, when `data` is deflated.
        var size: Int?
        var flags: UInt16 = 0
        var madeBy: UInt16 = 20
        var external: UInt32 = 0
        /// Sizes as 0xFFFFFFFF in the central directory, with a ZIP64 extra field holding them.
        var zip64 = false

        init(_ name: String, _ text: String) {
            self.name = Array(name.utf8)
            data = Array(text.utf8)
        }
    }

    /// A ZIP of the entries as a writer lays it out: local headers and data (and a data
    /// descriptor when flag bit 3 is set), the central directory, ZIP64 records when an entry
    /// needs them, the end record with `comment`.
    static func zip(_ entries: [RawEntry], comment: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: UInt16, _ b: inout [UInt8]) { b += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32, _ b: inout [UInt8]) { for i in 0..<4 { b.append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
        func u64(_ v: UInt64, _ b: inout [UInt8]) { for i in 0..<8 { b.append(UInt8((v >> (8 * UInt64(i))) & 0xFF)) } }
        var needs64 = false
        for entry in entries {
            let offset = UInt32(out.count)
            let compressed = UInt32(entry.data.count)
            let size = UInt32(entry.size ?? entry.data.count)
            let descriptor = entry.flags & 8 != 0
            var extra: [UInt8] = []
            if entry.zip64 {
                needs64 = true
                u16(1, &extra)
                u16(16, &extra)
                u64(UInt64(size), &extra)
                u64(UInt64(compressed), &extra)
            }
            u32(0x0403_4B50, &out)
            u16(entry.zip64 ? 45 : 20, &out)
            u16(entry.flags, &out)
            u16(entry.method, &out)
            u32(0, &out)
            u32(0, &out)
            u32(descriptor ? 0 : compressed, &out)
            u32(descriptor ? 0 : size, &out)
            u16(UInt16(entry.name.count), &out)
            u16(0, &out)
            out += entry.name + entry.data
            if descriptor {
                u32(0x0807_4B50, &out)
                u32(0, &out)
                u32(compressed, &out)
                u32(size, &out)
            }
            u32(0x0201_4B50, &central)
            u16(entry.madeBy, &central)
            u16(entry.zip64 ? 45 : 20, &central)
            u16(entry.flags, &central)
            u16(entry.method, &central)
            u32(0, &central)
            u32(0, &central)
            u32(entry.zip64 ? .max : compressed, &central)
            u32(entry.zip64 ? .max : size, &central)
            u16(UInt16(entry.name.count), &central)
            u16(UInt16(extra.count), &central)
            u16(0, &central)
            u16(0, &central)
            u16(0, &central)
            u32(entry.external, &central)
            u32(offset, &central)
            central += entry.name + extra
        }
        let start = out.count
        out += central
        if needs64 {
            let record = out.count
            u32(0x0606_4B50, &out)
            u64(44, &out)
            u16(45, &out)
            u16(45, &out)
            u32(0, &out)
            u32(0, &out)
            u64(UInt64(entries.count), &out)
            u64(UInt64(entries.count), &out)
            u64(UInt64(central.count), &out)
            u64(UInt64(start), &out)
            u32(0x0706_4B50, &out)
            u32(0, &out)
            u64(UInt64(record), &out)
            u32(1, &out)
        }
        u32(0x0605_4B50, &out)
        u16(0, &out)
        u16(0, &out)
        u16(needs64 ? .max : UInt16(entries.count), &out)
        u16(needs64 ? .max : UInt16(entries.count), &out)
        u32(UInt32(central.count), &out)
        u32(needs64 ? .max : UInt32(start), &out)
        u16(UInt16(comment.count), &out)
        return out + comment
    }

    static func body(_ text: String) -> RawEntry {
        RawEntry("word/document.xml", DOCX.document(DOCX.p(text)))
    }

    static func read(_ bytes: [UInt8]) throws -> Document {
        try DOCXReader.read(InputFile(path: "z.docx", bytes: bytes))
    }

    @Test func storedParts() throws {
        #expect(try Self.read(Self.zip([Self.body("Lưu trữ")])).text == "Lưu trữ")
    }

    @Test func dataDescriptorsAsJavaWritesThem() throws {
        var entry = Self.body("Mô tả dữ liệu")
        entry.flags = 8
        #expect(try Self.read(Self.zip([entry])).text == "Mô tả dữ liệu")
    }

    @Test func zip64SizesAndOffsets() throws {
        var entry = Self.body("ZIP64")
        entry.zip64 = true
        var styles = RawEntry("word/styles.xml", DOCX.part("styles", ""))
        styles.zip64 = true
        #expect(try Self.read(Self.zip([styles, entry])).text == "ZIP64")
    }

    @Test func archiveCommentAndTrailingRecordSearch() throws {
        #expect(try Self.read(Self.zip([Self.body("chú thích")], comment: Array("a comment".utf8))).text == "chú thích")
    }

    @Test func codePage437AndUTF8Names() throws {
        // Without the UTF-8 flag a name is code page 437 (0x84 is ä); with it, UTF-8.
        var header = RawEntry("", DOCX.part("hdr", DOCX.p("Đầu trang")))
        header.name = Array("word/h".utf8) + [0x84] + Array(".xml".utf8)
        var footer = RawEntry("word/chân.xml", DOCX.part("ftr", DOCX.p("Chân trang")))
        footer.flags = 1 << 11
        let rels = RawEntry("word/_rels/document.xml.rels", DOCX.rels([
            ("rH", "header", "hä.xml"), ("rF", "footer", "chân.xml"),
        ]))
        let body = RawEntry("word/document.xml", DOCX.document(DOCX.p("Thân")
            + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rH\"/><w:footerReference w:type=\"default\" r:id=\"rF\"/></w:sectPr>"))
        let doc = try Self.read(Self.zip([body, rels, header, footer]))
        #expect(DOCX.texts(doc) == ["Thân", "Đầu trang", "Chân trang"])
    }

    @Test func directoriesAndSymlinksAreNoParts() throws {
        var link = Self.body("link")
        link.madeBy = 3 << 8 | 20
        link.external = 0o120777 << 16
        #expect(throws: DocumentError.self) { try Self.read(Self.zip([link])) }
        var directory = Self.body("dir")
        directory.madeBy = 0
        directory.external = 0x10
        #expect(throws: DocumentError.self) { try Self.read(Self.zip([directory])) }
        var file = Self.body("file")
        file.madeBy = 3 << 8 | 20
        file.external = 0o100644 << 16
        #expect(try Self.read(Self.zip([file])).text == "file")
    }

    @Test func unknownCompressionMethod() throws {
        var entry = Self.body("bzip2")
        entry.method = 12
        DOCXHostileTests.expectFailure(Self.zip([entry]), code: .malformed, mentions: "invalidCompressionMethod")
    }

    /// The deflated bytes of `text` as a ZIP writer stores them (raw deflate).
    static func deflated(_ text: String) throws -> [UInt8] {
        let bytes = try DOCX.zip([("x", Array(text.utf8))])
        // The only entry: its local header at 0 gives the compressed size and where the data starts.
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        let size = u16(18) | u16(20) << 16
        let start = 30 + u16(26) + u16(28)
        return Array(bytes[start..<(start + size)])
    }

    @Test func corruptDeflateStream() throws {
        let xml = DOCX.document(DOCX.p(String(repeating: "hỏng ", count: 200)))
        var data = try Self.deflated(xml)
        for i in 5..<25 where i < data.count { data[i] ^= 0xFF }
        var entry = RawEntry("word/document.xml", "")
        entry.data = data
        entry.method = 8
        entry.size = xml.utf8.count
        DOCXHostileTests.expectFailure(Self.zip([entry]), code: .malformed, mentions: "truncated or corrupt ZIP")
    }

    @Test func deflateStreamCutShort() throws {
        let xml = DOCX.document(DOCX.p(String(repeating: "cắt ", count: 200)))
        var entry = RawEntry("word/document.xml", "")
        entry.data = Array(try Self.deflated(xml).dropLast(10))
        entry.method = 8
        entry.size = xml.utf8.count
        // The stream runs on into the central directory: refused as corrupt, or as inflating
        // past its declared size, depending on what those bytes decode to.
        let error = DOCXHostileTests.failure(Self.zip([entry]))
        #expect(error?.code == .malformed || error?.code == .limitExceeded)
        #expect(error?.reason.contains("word/document.xml") == true)
    }

    @Test func compressedSizeUnderstatedStillReads() throws {
        // The stream runs on past the compressed size its headers give: ZIPFoundation read it
        // (it reads whole chunks), so this reader does too; the uncompressed size still binds.
        let xml = DOCX.document(DOCX.p("vẫn đọc được"))
        let full = try Self.deflated(xml)
        var entry = RawEntry("word/document.xml", "")
        entry.data = full
        entry.method = 8
        entry.size = xml.utf8.count
        var bytes = Self.zip([entry])
        // Understate the compressed size by 3 in both headers.
        for (signature, field) in [(UInt8(3), 18), (UInt8(1), 20)] {
            guard let at = (0..<(bytes.count - 3)).first(where: { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == signature && bytes[$0 + 3] == signature + 1 })
            else { continue }
            let understated = full.count - 3
            bytes[at + field] = UInt8(understated & 0xFF)
            bytes[at + field + 1] = UInt8((understated >> 8) & 0xFF)
        }
        #expect(try Self.read(bytes).text == "vẫn đọc được")
    }

    @Test func declaredSizeLargerThanTheData() throws {
        let xml = DOCX.document(DOCX.p("ngắn"))
        var entry = RawEntry("word/document.xml", "")
        entry.data = try Self.deflated(xml)
        entry.method = 8
        entry.size = xml.utf8.count + 7
        DOCXHostileTests.expectFailure(Self.zip([entry]), code: .malformed, mentions: "its header says")
    }

    @Test func endRecordWithCutComment() {
        var bytes = Self.zip([Self.body("x")])
        // Claim a 5-byte comment the file does not have.
        bytes[bytes.count - 2] = 5
        DOCXHostileTests.expectFailure(bytes, code: .malformed, mentions: "truncated or corrupt ZIP")
    }

    @Test func moreEntriesDeclaredThanPresent() throws {
        var bytes = Self.zip([Self.body("đủ")])
        // The end record's counts say 50: the listing stops at the first entry it cannot read.
        bytes[bytes.count - 22 + 8] = 50
        bytes[bytes.count - 22 + 10] = 50
        #expect(try Self.read(bytes).text == "đủ")
    }
}
