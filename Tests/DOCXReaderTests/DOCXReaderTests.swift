import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

@Suite struct DOCXTextTests {
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var body: String
        var blocks: [String]
    }

    static let cases: [Case] = [
        Case(description: "runs joined without spaces",
             body: "<w:p><w:r><w:t>Vi</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ệt</w:t></w:r></w:p>", blocks: ["Việt"]),
        Case(description: "tab, break, carriage return",
             body: "<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>",
             blocks: ["a\tb\nc\nd"]),
        Case(description: "tab stops in paragraph properties are not tabs",
             body: "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>",
             blocks: ["x"]),
        Case(description: "deleted text dropped, inserted kept",
             body: "<w:p><w:r><w:t xml:space=\"preserve\">keep </w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>gone</w:delText><w:tab/></w:r></w:del><w:ins w:id=\"2\"><w:r><w:t>new</w:t></w:r></w:ins></w:p>",
             blocks: ["keep new"]),
        Case(description: "field instruction dropped, result kept",
             body: "<w:p><w:r><w:t xml:space=\"preserve\">Page </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>ignored</w:t></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
             blocks: ["Page 3"]),
        Case(description: "simple field and hyperlink keep their runs",
             body: "<w:p><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>5</w:t></w:r></w:fldSimple><w:hyperlink r:id=\"rId9\"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>",
             blocks: ["5link"]),
        Case(description: "content controls and smart tags kept",
             body: "<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:smartTag w:element=\"place\"><w:r><w:t>Hà Nội</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt>",
             blocks: ["Hà Nội"]),
        Case(description: "text box read once (Choice, not the VML Fallback)",
             body: "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Anchor</w:t></w:r></w:p>",
             blocks: ["Box", "Anchor"]),
        Case(description: "symbols, hyphens",
             body: "<w:p><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B7\"/><w:t>caf</w:t><w:sym w:font=\"Arial\" w:char=\"00E9\"/><w:noBreakHyphen/><w:t>x</w:t><w:softHyphen/><w:t>y</w:t></w:r></w:p>",
             blocks: ["café-xy"]),
        Case(description: "empty paragraphs make no block",
             body: "<w:p/><w:p><w:r><w:t>A</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p><w:p><w:r><w:t>B</w:t></w:r></w:p><w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>",
             blocks: ["A", "B"]),
        Case(description: "moved-away text dropped",
             body: "<w:p><w:moveFrom w:id=\"1\"><w:r><w:t>old</w:t></w:r></w:moveFrom><w:moveTo w:id=\"2\"><w:r><w:t>new</w:t></w:r></w:moveTo></w:p>",
             blocks: ["new"]),
        Case(description: "inline math keeps its text in order",
             body: "<w:p><w:r><w:t xml:space=\"preserve\">Công thức </w:t></w:r><m:oMath><m:r><w:rPr><w:rFonts w:ascii=\"Cambria Math\"/></w:rPr><m:t>E=m</m:t></m:r><m:sSup><m:sSupPr><m:ctrlPr><w:rPr><w:i/></w:rPr></m:ctrlPr></m:sSupPr><m:e><m:r><m:t>c</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath><w:r><w:t xml:space=\"preserve\"> đúng.</w:t></w:r></w:p>",
             blocks: ["Công thức E=mc2 đúng."]),
        Case(description: "display math: fraction, radical, n-ary",
             body: "<w:p><m:oMathPara><m:oMathParaPr><m:jc m:val=\"center\"/></m:oMathParaPr><m:oMath><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f><m:r><m:t>+</m:t></m:r><m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e><m:r><m:t>x</m:t></m:r></m:e></m:rad><m:nary><m:naryPr><m:chr m:val=\"∑\"/></m:naryPr><m:sub><m:r><m:t>i</m:t></m:r></m:sub><m:sup/><m:e><m:r><m:t>y</m:t></m:r></m:e></m:nary></m:oMath></m:oMathPara></w:p>",
             blocks: ["ab+xiy"]),
        Case(description: "math outside a paragraph is a paragraph",
             body: "<m:oMathPara><m:oMath><m:r><m:t>x+y</m:t></m:r></m:oMath></m:oMathPara>" + DOCX.p("sau"),
             blocks: ["x+y", "sau"]),
        Case(description: "math with deleted and inserted runs",
             body: "<w:p><m:oMath><m:r><m:t>1</m:t></m:r><w:del w:id=\"1\"><m:r><w:delText>9</w:delText></m:r></w:del><w:ins w:id=\"2\"><m:r><m:t>2</m:t></m:r></w:ins></m:oMath></w:p>",
             blocks: ["12"]),
    ]

    @Test(arguments: cases)
    func text(_ c: Case) throws {
        let doc = try DOCX.read(body: c.body)
        #expect(DOCX.texts(doc) == c.blocks)
        #expect(doc.text == c.blocks.joined(separator: "\n"))
        #expect(doc.blocks.allSatisfy { $0.type == .paragraph && $0.part == nil })
        #expect(doc.contractViolation() == nil)
    }

    @Test func source() throws {
        let bytes = try DOCX.make(body: DOCX.p("x"))
        let doc = try DOCXReader.read(InputFile(path: "a/b.docx", bytes: bytes))
        #expect(doc.source == Source(path: "a/b.docx", format: .docx, encoding: nil, bytes: bytes.count, sha256: SHA256.hex(bytes)))
        #expect(doc.metadata.isEmpty)
        #expect(doc.warnings.isEmpty)
    }

    @Test func unicodeNotNormalised() throws {
        // "ệ" as e + U+0323 + U+0302: the reader leaves it for the normaliser.
        let decomposed = "Vie\u{0323}\u{0302}t"
        let doc = try DOCX.read(body: DOCX.p(decomposed))
        #expect(Array(doc.text.unicodeScalars) == Array(decomposed.unicodeScalars))
    }
}

@Suite struct DOCXHeadingTests {
    static let styles = DOCX.part("styles", """
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My Chapter"/><w:basedOn w:val="Heading2"/></w:style>
        <w:style w:type="paragraph" w:styleId="VN3"><w:name w:val="Tiêu đề 3"/></w:style>
        <w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Dieu"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
        <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
        <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
        <w:style w:type="paragraph" w:styleId="BodyOutline"><w:name w:val="heading 5"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
        """)

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var pPr: String
        var level: Int?
    }

    static let cases: [Case] = [
        Case(description: "style name heading 1", pPr: "<w:pStyle w:val=\"Heading1\"/>", level: 1),
        Case(description: "style name Heading 2", pPr: "<w:pStyle w:val=\"Heading2\"/>", level: 2),
        Case(description: "basedOn a heading", pPr: "<w:pStyle w:val=\"Custom\"/>", level: 2),
        Case(description: "localized name", pPr: "<w:pStyle w:val=\"VN3\"/>", level: 3),
        Case(description: "style outline level", pPr: "<w:pStyle w:val=\"Outline\"/>", level: 4),
        Case(description: "Title", pPr: "<w:pStyle w:val=\"Title\"/>", level: 1),
        Case(description: "paragraph outline level", pPr: "<w:outlineLvl w:val=\"1\"/>", level: 2),
        Case(description: "paragraph outline level 9 is body text", pPr: "<w:pStyle w:val=\"Heading1\"/><w:outlineLvl w:val=\"9\"/>", level: nil),
        Case(description: "basedOn cycle is not a heading", pPr: "<w:pStyle w:val=\"LoopA\"/>", level: nil),
        Case(description: "unknown style", pPr: "<w:pStyle w:val=\"Nope\"/>", level: nil),
        Case(description: "no style", pPr: "", level: nil),
        Case(description: "heading name wins over body outline", pPr: "<w:pStyle w:val=\"BodyOutline\"/>", level: 5),
    ]

    @Test(arguments: cases)
    func heading(_ c: Case) throws {
        let doc = try DOCX.read(body: DOCX.p("Chương I", pPr: c.pPr), parts: ["word/styles.xml": Self.styles])
        let block = try #require(doc.blocks.first)
        #expect(doc.text == "Chương I")
        #expect(block.type == (c.level == nil ? .paragraph : .heading))
        #expect(block.level == c.level)
    }

    @Test func localizedNames() {
        #expect(StyleNameProbe.level("Tiêu đề 2") == 2)
        #expect(StyleNameProbe.level("Tie\u{0302}u đe\u{0302}\u{0300} 4") == 4)
        #expect(StyleNameProbe.level("heading") == nil)
        #expect(StyleNameProbe.level("Normal 2") == nil)
    }
}

/// Exercises the style-name rule through a document (the rule itself is internal).
enum StyleNameProbe {
    static func level(_ name: String) -> Int? {
        let styles = DOCX.part("styles", "<w:style w:type=\"paragraph\" w:styleId=\"S\"><w:name w:val=\"\(name)\"/></w:style>")
        guard let doc = try? DOCX.read(body: DOCX.p("x", pPr: "<w:pStyle w:val=\"S\"/>"), parts: ["word/styles.xml": styles]),
              let block = doc.blocks.first, block.type == .heading else { return nil }
        return block.level
    }
}

@Suite struct DOCXListTests {
    static let numbering = DOCX.part("numbering", """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="1"/>
            <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03"/></mc:Choice>
            <mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>
            <w:lvlText w:val="Điều %1:"/><w:suff w:val="space"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>
        """)
    static let styles = DOCX.part("styles", """
        <w:style w:type="paragraph" w:styleId="ListStyle"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
        """)

    static func item(_ text: String, numId: Int, ilvl: Int = 0) -> String {
        DOCX.p(text, pPr: "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>")
    }

    @Test func numberedAndBullets() throws {
        let body = [
            Self.item("One", numId: 1), Self.item("Two", numId: 1), Self.item("Sub a", numId: 1, ilvl: 1),
            Self.item("Sub b", numId: 1, ilvl: 1), Self.item("Deep", numId: 1, ilvl: 2), Self.item("Three", numId: 1),
            Self.item("Sub again", numId: 1, ilvl: 1), Self.item("Roman", numId: 2), Self.item("Dot", numId: 3),
            DOCX.p("Plain", pPr: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"0\"/></w:numPr>"),
            DOCX.p("Article", pPr: "<w:pStyle w:val=\"ListStyle\"/>"),
        ].joined()
        let doc = try DOCX.read(body: body, parts: ["word/numbering.xml": Self.numbering, "word/styles.xml": Self.styles])
        let expected: [(String, BlockType, String?, ListKind?, Int?)] = [
            ("1. One", .listItem, "1.", .numbered, 1),
            ("2. Two", .listItem, "2.", .numbered, 1),
            ("a) Sub a", .listItem, "a)", .numbered, 2),
            ("b) Sub b", .listItem, "b)", .numbered, 2),
            ("2.b.1. Deep", .listItem, "2.b.1.", .numbered, 3),
            ("3. Three", .listItem, "3.", .numbered, 1),
            ("a) Sub again", .listItem, "a)", .numbered, 2),
            ("II. Roman", .listItem, "II.", .numbered, 1),
            ("Dot", .listItem, nil, .bullet, 1),
            ("Plain", .paragraph, nil, nil, nil),
            ("Điều 01 Article", .listItem, "Điều 01", .numbered, 1),
        ]
        #expect(doc.blocks.count == expected.count)
        for (block, want) in zip(doc.blocks, expected) {
            #expect(String(doc.slice(block.start, block.end)) == want.0)
            #expect(block.type == want.1)
            #expect(block.label == want.2)
            #expect(block.list == want.3)
            #expect(block.level == want.4)
        }
        #expect(doc.contractViolation() == nil)
    }

    @Test(arguments: [
        (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"),
        (4, "lowerRoman", "iv"), (1999, "upperRoman", "MCMXCIX"), (7, "decimal", "7"), (7, "decimalZero", "07"),
    ])
    func formats(_ value: Int, _ format: String, _ expected: String) throws {
        let numbering = DOCX.part("numbering", """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="\(value)"/><w:numFmt w:val="\(format)"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let doc = try DOCX.read(body: Self.item("x", numId: 1), parts: ["word/numbering.xml": numbering])
        #expect(doc.blocks.first?.label == expected + ".")
    }

    @Test func missingNumberingIsPlainText() throws {
        let doc = try DOCX.read(body: Self.item("x", numId: 7))
        #expect(doc.blocks.first?.type == .paragraph)
        #expect(doc.text == "x")
    }
}

@Suite struct DOCXTableTests {
    static func tc(_ content: String, _ tcPr: String = "") -> String {
        "<w:tc>" + (tcPr.isEmpty ? "" : "<w:tcPr>\(tcPr)</w:tcPr>") + content + "</w:tc>"
    }

    @Test func spansMergesAndNesting() throws {
        let body = DOCX.p("Before") + "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + Self.tc(DOCX.p("A")) + Self.tc(DOCX.p("B"), "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
            + "<w:tr>" + Self.tc(DOCX.p("C"), "<w:vMerge w:val=\"restart\"/>") + Self.tc(DOCX.p("D1") + "<w:p/>" + DOCX.p("D2"))
            + Self.tc("<w:tbl><w:tr>" + Self.tc(DOCX.p("N1")) + Self.tc(DOCX.p("N2")) + "</w:tr></w:tbl><w:p/>") + "</w:tr>"
            + "<w:tr>" + Self.tc("<w:p/>", "<w:vMerge/>") + Self.tc(DOCX.p("E")) + Self.tc(DOCX.p("F")) + "</w:tr>"
            + "<w:tr>" + Self.tc("<w:p/>", "<w:vMerge w:val=\"continue\"/>") + Self.tc(DOCX.p("G"), "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
            + "</w:tbl>" + "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + Self.tc(DOCX.p("H")) + "</w:tr></w:tbl>" + DOCX.p("After")
        let doc = try DOCX.read(body: body)
        let expected: [(String, TableCell?)] = [
            ("Before", nil),
            ("A", TableCell(table: 1, row: 1, column: 1, header: true)),
            ("B", TableCell(table: 1, row: 1, column: 2, columnSpan: 2, header: true)),
            ("C", TableCell(table: 1, row: 2, column: 1, rowSpan: 3)),
            ("D1\nD2", TableCell(table: 1, row: 2, column: 2)),
            ("N1", TableCell(table: 2, row: 1, column: 1, parentTable: 1)),
            ("N2", TableCell(table: 2, row: 1, column: 2, parentTable: 1)),
            ("E", TableCell(table: 1, row: 3, column: 2)),
            ("F", TableCell(table: 1, row: 3, column: 3)),
            ("G", TableCell(table: 1, row: 4, column: 2, columnSpan: 2)),
            ("H", TableCell(table: 3, row: 1, column: 2)),
            ("After", nil),
        ]
        #expect(DOCX.texts(doc) == expected.map(\.0))
        #expect(doc.blocks.map(\.cell) == expected.map(\.1))
        #expect(doc.blocks.map(\.type) == expected.map { $0.1 == nil ? BlockType.paragraph : .tableCell })
        #expect(doc.contractViolation() == nil)
    }
}

@Suite struct DOCXPartTests {
    static let rels = """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="/word/header1.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>\
        <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/>\
        </Relationships>
        """
    static let parts: [String: String] = [
        "word/_rels/document.xml.rels": rels,
        "word/header1.xml": DOCX.part("hdr", DOCX.p("Header one")),
        "word/header2.xml": DOCX.part("hdr", DOCX.p("Header two")),
        "word/footer1.xml": DOCX.part("ftr", DOCX.p("Trang ") + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"),
        "word/footnotes.xml": DOCX.part("footnotes", """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/><w:t>SEP</w:t></w:r></w:p></w:footnote>
            <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>CONT</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Chú thích.</w:t></w:r></w:p></w:footnote>
            """),
        "word/endnotes.xml": DOCX.part("endnotes", "<w:endnote w:id=\"1\">" + DOCX.p("End note") + "</w:endnote>"),
        "word/comments.xml": DOCX.part("comments", "<w:comment w:id=\"0\" w:author=\"A\">" + DOCX.p("A comment") + "</w:comment>"),
    ]

    static let sections = "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:headerReference w:type=\"first\" r:id=\"rId3\"/>"
        + "<w:footerReference w:type=\"default\" r:id=\"rId1\"/><w:pgSz w:w=\"11906\"/></w:sectPr>"

    @Test(arguments: [false, true])
    func partsAfterBody(includeComments: Bool) throws {
        let body = "<w:p><w:r><w:t>Body</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" + Self.sections
        let doc = try DOCX.read(body: body, parts: Self.parts, options: DOCXReadOptions(includeComments: includeComments))
        var expected: [(String, String?, String?)] = [
            ("Body\u{00B9}", nil, nil), ("Header two", "header", nil), ("Header one", "header", nil), ("Trang ", "footer", nil),
            ("1", "footer", nil), ("1 Chú thích.", "footnote", "1"), ("End note", "endnote", nil),
        ]
        if includeComments { expected.append(("A comment", "comment", nil)) }
        #expect(DOCX.texts(doc) == expected.map(\.0))
        #expect(doc.blocks.map(\.part) == expected.map(\.1))
        #expect(doc.blocks.map(\.label) == expected.map(\.2))
        #expect(!doc.text.contains("SEP") && !doc.text.contains("CONT") && !doc.text.contains("PAGE"))
        #expect(doc.contractViolation() == nil)
    }

    /// Word shows only the headers and footers the sections reference: a part the package holds
    /// but no section names (or whose relationship is missing) is not read.
    @Test func unreferencedHeadersAreNotRead() throws {
        var parts = Self.parts
        parts["word/header10.xml"] = DOCX.part("hdr", DOCX.p("Header ten"))
        let referenced = try DOCX.read(body: DOCX.p("Body") + Self.sections, parts: parts)
        #expect(!referenced.text.contains("Header ten"))
        #expect(referenced.blocks.filter { $0.part == "header" }.count == 2)
        let unreferenced = try DOCX.read(body: DOCX.p("Body"), parts: parts)
        #expect(!unreferenced.blocks.contains { $0.part == "header" || $0.part == "footer" })
        parts["word/_rels/document.xml.rels"] = nil
        let noRelationships = try DOCX.read(body: DOCX.p("Body") + Self.sections, parts: parts)
        #expect(DOCX.texts(noRelationships).prefix(1) == ["Body"])
        #expect(!noRelationships.blocks.contains { $0.part == "header" || $0.part == "footer" })
    }

    @Test func coreMetadata() throws {
        let core = """
            <?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dcterms:modified xsi:type="dcterms:W3CDTF">2020-03-06T02:00:00Z</dcterms:modified>\
            <dc:creator>Bộ Y tế</dc:creator><dc:title>Nghị định 30</dc:title>\
            <dcterms:created xsi:type="dcterms:W3CDTF">2020-03-05T01:00:00Z</dcterms:created><dc:subject>x</dc:subject>\
            </cp:coreProperties>
            """
        let doc = try DOCX.read(body: DOCX.p("x"), parts: ["docProps/core.xml": core])
        #expect(doc.metadata == [
            JSONValue.Member("title", .string("Nghị định 30")), JSONValue.Member("creator", .string("Bộ Y tế")),
            JSONValue.Member("created", .string("2020-03-05T01:00:00Z")), JSONValue.Member("modified", .string("2020-03-06T02:00:00Z")),
        ])
    }

    @Test func backslashPartNames() throws {
        let bytes = try DOCX.zip([("word\\document.xml", Array(DOCX.document(DOCX.p("Xin chào")).utf8))])
        let doc = try DOCXReader.read(InputFile(path: "w.docx", bytes: bytes))
        #expect(doc.text == "Xin chào")
    }

    @Test func brokenAuxiliaryPartWarns() throws {
        let doc = try DOCX.read(body: DOCX.p("Body"), parts: ["word/styles.xml": "<w:styles><unclosed>"])
        #expect(doc.text == "Body")
        #expect(doc.warnings.map(\.code) == ["docx-part-unreadable"])
    }
}
