import Testing
@testable import Ingest

@Suite("Format sniffing by content")
struct SnifferTests {
    static func zip(_ names: [String]) -> [UInt8] {
        // Local file headers are enough for the sniffer: signature, then the name after 30 bytes.
        var bytes: [UInt8] = []
        for name in names {
            bytes += [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 22)
            let n = UInt16(name.utf8.count)
            bytes += [UInt8(n & 0xFF), UInt8(n >> 8), 0, 0] + Array(name.utf8)
        }
        return bytes
    }

    @Test("HTML is recognised by its opening markup, whatever the case, after a BOM and spaces", arguments: [
        "<!DOCTYPE html><html><body>x</body></html>", "<!doctype HTML>\n<p>x", "  \n<html lang=\"vi\">", "\u{FEFF}<HTML><BODY>x",
        "<head><meta charset=\"utf-8\"></head>", "<!-- saved page -->\n<html>", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<div class=\"news\">Tin</div>", "<table><tr><td>1</td></tr></table>",
    ])
    func html(text: String) {
        #expect(Sniffer.sniff(Array(text.utf8)) == .html)
    }

    @Test("Text, even with a bracket or a tag-like word inside, is text", arguments: [
        "Kế hoạch số 123/KH-SYT", "a < b and <c> later", "<Nhóm kỹ thuật> là tên nhóm", "<?xml version=\"1.0\"?><note>x</note>", "",
    ])
    func text(text: String) {
        #expect(Sniffer.sniff(Array(text.utf8)) == .text)
    }

    @Test("A ZIP is a DOCX only with its content types and main part")
    func zips() {
        #expect(Sniffer.sniff(Self.zip(["[Content_Types].xml", "_rels/.rels", "word/document.xml"])) == .docx)
        #expect(Sniffer.sniff(Self.zip(["[Content_Types].xml", "word/styles.xml"])) == .unsupported("DOCX without its main part (word/document.xml or [Content_Types].xml missing)"))
        #expect(Sniffer.sniff(Self.zip(["[Content_Types].xml", "xl/workbook.xml"])) == .unsupported("XLSX spreadsheet"))
        #expect(Sniffer.sniff(Self.zip(["mimetype", "application/vnd.oasis.opendocument.text"])) == .unsupported("OpenDocument (ODT/ODS)"))
        #expect(Sniffer.sniff(Self.zip(["a.txt"])) == .unsupported("ZIP archive"))
    }

    @Test("A DOCX whose main part is named only in the central directory at the end is still a DOCX")
    func centralDirectory() {
        var bytes = Self.zip(["[Content_Types].xml"])
        bytes += [UInt8](repeating: 0x41, count: 200_000)
        bytes += Array("PK\u{01}\u{02}word/document.xml".utf8)
        #expect(Sniffer.sniff(bytes) == .docx)
    }
}
