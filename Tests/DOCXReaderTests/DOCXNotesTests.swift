import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

/// Footnotes, endnotes and the headers and footers sections reference.
@Suite struct DOCXNotesTests {
    static func footnoteReference(_ id: Int, custom: Bool = false) -> String {
        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference"
            + (custom ? " w:customMarkFollows=\"1\"" : "") + " w:id=\"\(id)\"/></w:r>"
    }

    static func endnoteReference(_ id: Int) -> String {
        "<w:r><w:endnoteReference w:id=\"\(id)\"/></w:r>"
    }

    static func note(_ root: String, _ id: Int, _ text: String, mark: Bool = true) -> String {
        "<w:\(root) w:id=\"\(id)\"><w:p>" + (mark ? "<w:r><w:\(root)Ref/></w:r>" : "") + DOCX.r(text) + "</w:p></w:\(root)>"
    }

    static let separators = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
        <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/><w:t>CONT</w:t></w:r></w:p></w:footnote>
        """

    @Test func notesNumberedInReferenceOrder() throws {
        let body = "<w:p>" + DOCX.r("Điều 5") + Self.footnoteReference(7) + DOCX.r(" quy định") + "</w:p>"
            + "<w:p>" + DOCX.r("ngày 15/3/2024") + Self.footnoteReference(3) + Self.endnoteReference(2) + "</w:p>"
            + "<w:p>" + Self.footnoteReference(9, custom: true) + DOCX.r("*") + DOCX.r(" xem") + Self.footnoteReference(7) + "</w:p>"
        let footnotes = DOCX.part("footnotes", Self.separators + Self.note("footnote", 3, " Ghi chú ba") + Self.note("footnote", 7, "Ghi chú bảy")
            + Self.note("footnote", 11, " Không ai dẫn") + Self.note("footnote", 9, "* Dấu riêng", mark: false))
        let endnotes = DOCX.part("endnotes", Self.note("endnote", 2, " Cuối"))
        let doc = try DOCX.read(body: body, parts: ["word/footnotes.xml": footnotes, "word/endnotes.xml": endnotes])
        let expected: [(String, String?, String?)] = [
            ("Điều 5\u{00B9} quy định", nil, nil),
            // The mark never runs into the year before it: a superscript is not an ASCII digit.
            ("ngày 15/3/2024\u{00B2}\u{2071}", nil, nil),
            ("* xem\u{00B9}", nil, nil),
            // Footnotes in the order the body references them, unreferenced ones after.
            ("1 Ghi chú bảy", "footnote", "1"),
            ("2 Ghi chú ba", "footnote", "2"),
            ("* Dấu riêng", "footnote", nil),
            (" Không ai dẫn", "footnote", nil),
            ("i Cuối", "endnote", "i"),
        ]
        #expect(DOCX.texts(doc) == expected.map(\.0))
        #expect(doc.blocks.map(\.part) == expected.map(\.1))
        #expect(doc.blocks.map(\.label) == expected.map(\.2))
        #expect(!doc.text.contains("CONT") && !doc.text.contains("20242"))
        #expect(!doc.text.unicodeScalars.contains { $0.value < 0x09 })
        #expect(doc.contractViolation() == nil)
    }

    struct FormatCase: CustomStringConvertible, Sendable {
        var description: String
        var settings: String?
        var sectPr: String
        var endnote: Bool
        var body: String
        var label: String
    }

    static let formatCases: [FormatCase] = [
        FormatCase(description: "footnotes default to decimal", settings: nil, sectPr: "", endnote: false, body: "Từ\u{00B9}", label: "1"),
        FormatCase(description: "endnotes default to lower Roman", settings: nil, sectPr: "", endnote: true, body: "Từ\u{2071}", label: "i"),
        FormatCase(description: "settings: start number", settings: "<w:footnotePr><w:numStart w:val=\"5\"/><w:footnote w:id=\"-1\"/></w:footnotePr>",
                   sectPr: "", endnote: false, body: "Từ\u{2075}", label: "5"),
        FormatCase(description: "settings: endnotes in decimal", settings: "<w:endnotePr><w:numFmt w:val=\"decimal\"/></w:endnotePr>",
                   sectPr: "", endnote: true, body: "Từ\u{00B9}", label: "1"),
        FormatCase(description: "section properties override settings",
                   settings: "<w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr>",
                   sectPr: "<w:footnotePr><w:numFmt w:val=\"lowerRoman\"/><w:numStart w:val=\"4\"/></w:footnotePr>",
                   endnote: false, body: "Từ\u{2071}\u{1D5B}", label: "iv"),
        FormatCase(description: "letters have no superscript: no mark in the body",
                   settings: "<w:footnotePr><w:numFmt w:val=\"upperLetter\"/></w:footnotePr>", sectPr: "", endnote: false, body: "Từ", label: "A"),
        FormatCase(description: "chicago symbols stay as they are",
                   settings: "<w:footnotePr><w:numFmt w:val=\"chicago\"/><w:numStart w:val=\"2\"/></w:footnotePr>", sectPr: "", endnote: false,
                   body: "Từ\u{2020}", label: "\u{2020}"),
    ]

    @Test(arguments: formatCases)
    func noteFormats(_ c: FormatCase) throws {
        let root = c.endnote ? "endnote" : "footnote"
        let body = "<w:p>" + DOCX.r("Từ") + (c.endnote ? Self.endnoteReference(1) : Self.footnoteReference(1)) + "</w:p>"
            + "<w:sectPr>\(c.sectPr)<w:pgSz w:w=\"11906\"/></w:sectPr>"
        var parts = ["word/\(root)s.xml": DOCX.part("\(root)s", Self.note(root, 1, " Ghi chú"))]
        if let settings = c.settings { parts["word/settings.xml"] = DOCX.part("settings", settings) }
        let doc = try DOCX.read(body: body, parts: parts)
        #expect(DOCX.texts(doc) == [c.body, c.label + " Ghi chú"])
        #expect(doc.blocks.map(\.label) == [nil, c.label])
        #expect(doc.blocks.map(\.part) == [nil, root])
    }

    @Test func markFollowedByASpaceInTheNote() throws {
        let footnotes = DOCX.part("footnotes", Self.note("footnote", 1, "Liền") + "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r></w:p>"
            + DOCX.p("Đoạn hai") + "</w:footnote>")
        let body = "<w:p>" + DOCX.r("a") + Self.footnoteReference(1) + DOCX.r("b") + Self.footnoteReference(2) + "</w:p>"
        let doc = try DOCX.read(body: body, parts: ["word/footnotes.xml": footnotes])
        #expect(DOCX.texts(doc) == ["a\u{00B9}b\u{00B2}", "1 Liền", "2", "Đoạn hai"])
        #expect(doc.blocks.map(\.label) == [nil, "1", "2", nil])
    }

    // MARK: - Headers and footers

    static let sectionRels = DOCX.rels([
        ("rId1", "header", "header1.xml"), ("rId2", "header", "header2.xml"), ("rId3", "header", "header3.xml"),
        ("rId4", "header", "header4.xml"), ("rId5", "footer", "footer1.xml"), ("rId6", "footer", "footer2.xml"),
        ("rId7", "footer", "footer3.xml"),
    ])

    static func sectPr(_ references: [(String, String, String)]) -> String {
        "<w:sectPr>" + references.map { kind, type, id in "<w:\(kind)Reference w:type=\"\(type)\" r:id=\"\(id)\"/>" }.joined()
            + "<w:pgSz w:w=\"11906\"/><w:titlePg/></w:sectPr>"
    }

    @Test func headersAndFootersTheSectionsReference() throws {
        let parts = [
            "word/_rels/document.xml.rels": Self.sectionRels,
            "word/header1.xml": DOCX.part("hdr", DOCX.p("BỘ Y TẾ")),
            "word/header2.xml": DOCX.part("hdr", DOCX.p("Trang đầu")),
            "word/header3.xml": DOCX.part("hdr", DOCX.p("Không dùng")),
            "word/header4.xml": DOCX.part("hdr", DOCX.p("BỘ Y TẾ")),
            "word/footer1.xml": DOCX.part("ftr", DOCX.p("Chân trang")),
            "word/footer2.xml": DOCX.part("ftr", DOCX.p("Chân trang")),
            "word/footer3.xml": DOCX.part("ftr", "<w:p/>"),
        ]
        let section1 = Self.sectPr([("header", "default", "rId1"), ("header", "first", "rId2"), ("footer", "default", "rId5")])
        let section2 = Self.sectPr([("header", "default", "rId1"), ("header", "first", "rId4"), ("footer", "default", "rId6"),
                                    ("footer", "first", "rId7"), ("header", "even", "rId99")])
        let body = DOCX.p("Một", pPr: section1) + DOCX.p("Hai") + section2
        let doc = try DOCX.read(body: body, parts: parts)
        // header1 referenced twice is read once; header4 and footer2 show what header1 and footer1 showed.
        #expect(DOCX.texts(doc) == ["Một", "Hai", "BỘ Y TẾ", "Trang đầu", "Chân trang"])
        #expect(doc.blocks.map(\.part) == [nil, nil, "header", "header", "footer"])
        #expect(doc.contractViolation() == nil)
    }

    @Test func duplicateHeaderTablesDoNotTakeTableNumbers() throws {
        let table = "<w:tbl><w:tr><w:tc>" + DOCX.p("Số: 30/2020/NĐ-CP") + "</w:tc></w:tr></w:tbl>"
        let parts = [
            "word/_rels/document.xml.rels": Self.sectionRels,
            "word/header1.xml": DOCX.part("hdr", table),
            "word/header2.xml": DOCX.part("hdr", table),
            "word/footer1.xml": DOCX.part("ftr", "<w:tbl><w:tr><w:tc>" + DOCX.p("Chân") + "</w:tc></w:tr></w:tbl>"),
        ]
        let body = "<w:tbl><w:tr><w:tc>" + DOCX.p("Thân") + "</w:tc></w:tr></w:tbl>"
            + Self.sectPr([("header", "default", "rId1"), ("header", "first", "rId2"), ("footer", "default", "rId5")])
        let doc = try DOCX.read(body: body, parts: parts)
        #expect(DOCX.texts(doc) == ["Thân", "Số: 30/2020/NĐ-CP", "Chân"])
        #expect(doc.blocks.map { $0.cell?.table } == [1, 2, 3])
    }

    // MARK: - Real files

    @Test func realFootnotesNumbered() throws {
        let path = "/work/shared/real/decree-30-2020/Phuluc5.docx"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let doc = try DOCXReader.read(InputFile(path: path, bytes: [UInt8](data)))
        let notes = doc.blocks.filter { $0.part == "footnote" && $0.label != nil }
        #expect(notes.map(\.label) == ["1", "2", "3", "4", "5"])
        for (note, number) in zip(notes, 1...) {
            #expect(doc.slice(note.start, note.end).hasPrefix("\(number) "))
        }
        let body = doc.blocks.filter { $0.part == nil }.map { String(doc.slice($0.start, $0.end)) }.joined(separator: "\n")
        for mark in ["\u{00B9}", "\u{00B2}", "\u{00B3}", "\u{2074}", "\u{2075}"] {
            #expect(body.components(separatedBy: mark).count == 2, "mark \(mark)")
        }
        #expect(!doc.text.unicodeScalars.contains { $0.value < 0x09 })
    }
}
