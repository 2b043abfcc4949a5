import DOCReader
import DocumentModel
import Testing
import _TestSupport

/// Text, special characters, fields, tables, stories and fonts of generated Word 97 files.
@Suite struct DOCTextTests {
    @Test func paragraphsSplitAtParagraphMarks() throws {
        var b = WordDocumentBuilder()
        b.paragraph("Quyết định số 1")
        b.paragraph("")
        b.paragraph("Điều 1. Phạm vi")
        let document = try DOC.read(b)
        #expect(DOC.blockTexts(document) == ["Quyết định số 1", "Điều 1. Phạm vi"])
        #expect(document.blocks.allSatisfy { $0.type == .paragraph && $0.part == nil })
        #expect(document.text == "Quyết định số 1\nĐiều 1. Phạm vi")
        #expect(document.contractViolation() == nil)
    }

    /// (stored text, expected blocks): every special character Word puts in the text stream.
    static let specials: [(String, [String])] = [
        ("a\u{0B}b\r", ["a\nb"]),                                    // line break stays inside the block
        ("a\u{0C}b\r", ["a", "b"]),                                  // page/section break ends a paragraph
        ("a\u{0E}b\r", ["a", "b"]),                                  // column break
        ("x\u{1E}y\r", ["x-y"]),                                     // non-breaking hyphen
        ("op\u{1F}tional\r", ["optional"]),                          // optional hyphen dropped
        ("pic\u{01}ture\r", ["picture"]),                            // picture anchor dropped
        ("draw\u{08}n\r", ["drawn"]),                                // drawn object dropped
        ("note\u{02} ref\u{05}\r", ["note ref"]),                    // footnote and comment references dropped
        ("a\tb\r", ["a\tb"]),                                        // tab kept
        ("see \u{13} HYPERLINK \"http://x\" \u{14}link\u{15} here\r", ["see link here"]),
        ("\u{13} IF \u{13} PAGE \u{14}1\u{15} = 1 \u{14}yes\u{15}\r", ["yes"]),  // nested field in an instruction
        ("p\u{13} PAGE \u{14}\u{13} NUMPAGES \u{14}7\u{15}\u{15}q\r", ["p7q"]),  // nested field in a result
        ("a\u{13} TC \"x\" \u{15}b\r", ["ab"]),                      // field with no result
        ("end\u{15} stray\u{14}\r", ["end stray"]),                  // stray field marks ignored
        ("\u{13} EMBED Excel.Sheet.8 \u{14}\u{01}\u{15}after\r", ["after"]),
    ]

    @Test(arguments: specials)
    func specialCharacters(_ stored: String, _ expected: [String]) throws {
        var b = WordDocumentBuilder()
        b.text(stored)
        #expect(DOC.blockTexts(try DOC.read(b)) == expected)
    }

    @Test func fieldInstructionRunningPastItsParagraphIsClosedWithAWarning() throws {
        var b = WordDocumentBuilder()
        b.text("a\u{13} never closed\rb\r")
        let document = try DOC.read(b)
        #expect(DOC.blockTexts(document) == ["a", "b"])
        #expect(document.warnings.map(\.code) == ["doc-field-unterminated"])
    }

    /// Small streams live in the mini stream, large ones in regular sectors; version 4 files have 4096-byte sectors.
    @Test(arguments: [(10, false), (10, true), (3000, false), (3000, true)])
    func storageVariants(_ paragraphs: Int, _ version4: Bool) throws {
        var b = WordDocumentBuilder()
        for i in 0..<paragraphs { b.paragraph("Đoạn \(i)") }
        let image = b.make(version4: version4)
        #expect((image.firstSector["WordDocument"] != nil) == (paragraphs > 100))
        let document = try DOC.read(image.bytes)
        #expect(document.blocks.count == paragraphs)
        #expect(DOC.blockTexts(document).last == "Đoạn \(paragraphs - 1)")
    }

    @Test func eightAndSixteenBitPieces() throws {
        var narrow = WordDocumentBuilder()
        narrow.paragraph("Sè: 28 /2003/N§-CP ngµy")
        let a = try DOC.read(narrow)
        #expect(a.source.encoding == "windows-1252")
        #expect(a.text == "Sè: 28 /2003/N§-CP ngµy")

        var wide = WordDocumentBuilder()
        wide.paragraph("Sè: 28", eightBit: false)
        #expect(try DOC.read(wide).source.encoding == "utf-16le")

        var mixed = WordDocumentBuilder()
        mixed.paragraph("Bộ Y tế")  // ộ and ế are not in Windows-1252: those go to 16-bit pieces
        mixed.paragraph("“quoted” – €")  // Windows-1252 bytes 0x93, 0x94, 0x96, 0x80
        let c = try DOC.read(mixed)
        #expect(c.source.encoding == "mixed")
        #expect(DOC.blockTexts(c) == ["Bộ Y tế", "“quoted” – €"])
    }

    @Test func undefinedWindows1252BytesKeepTheirCodePoint() throws {
        var b = WordDocumentBuilder()
        b.bytes([0x41, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x80, 0x0D])
        #expect(try DOC.read(b).text == "A\u{81}\u{8D}\u{8F}\u{90}\u{9D}€")
    }

    @Test func tableCellsKnowTheirRowAndColumn() throws {
        var b = WordDocumentBuilder()
        b.paragraph("before")
        b.table([["a", "b"], ["", "d\re"], ["\r\rz\r", "q"]])
        b.paragraph("between")
        b.table([["x"]])
        let document = try DOC.read(b)
        #expect(DOC.blockTexts(document) == ["before", "a", "b", "d\ne", "z", "q", "between", "x"])
        let cells = document.blocks.compactMap(\.cell)
        #expect(cells == [TableCell(table: 1, row: 1, column: 1), TableCell(table: 1, row: 1, column: 2),
                          TableCell(table: 1, row: 2, column: 2), TableCell(table: 1, row: 3, column: 1),
                          TableCell(table: 1, row: 3, column: 2), TableCell(table: 2, row: 1, column: 1)])
        #expect(document.blocks.map(\.type) == [.paragraph, .tableCell, .tableCell, .tableCell, .tableCell, .tableCell, .paragraph, .tableCell])
    }

    @Test func withoutParagraphPropertiesCellsArePlainParagraphs() throws {
        var b = WordDocumentBuilder()
        b.writeFormatting = false
        b.table([["a", "b"]])
        let document = try DOC.read(b)
        #expect(DOC.blockTexts(document) == ["a", "b"])
        #expect(document.blocks.allSatisfy { $0.type == .paragraph && $0.cell == nil })
    }

    @Test func runsCarryTheirFontToTheHook() throws {
        var b = WordDocumentBuilder()
        b.text("Sè ", font: 1)
        b.text("99", font: 0)
        b.mark(0x0D)
        b.text("Soá", font: 2)
        b.text(" Bộ", font: 2, eightBit: true)  // "ộ" is not in Windows-1252: a 16-bit run of its own
        b.mark(0x0D)
        b.text("plain")  // no font of its own: the style sheet's default (Times New Roman)
        b.mark(0x0D)
        let recorder = RunRecorder()
        var options = DOCReadOptions()
        options.runText = { text, font, eightBit in
            recorder.record(text, font, eightBit)
            return font == ".VnTime" ? "Số " : nil
        }
        let document = try DOC.read(b, options)
        #expect(recorder.calls == [
            .init(text: "Sè ", font: ".VnTime", eightBit: true),
            .init(text: "99", font: "Times New Roman", eightBit: true),
            .init(text: "Soá B", font: "VNI-Times", eightBit: true),
            .init(text: "ộ", font: "VNI-Times", eightBit: false),
            .init(text: "plain", font: "Times New Roman", eightBit: true),
        ])
        #expect(DOC.blockTexts(document) == ["Số 99", "Soá Bộ", "plain"])
        #expect(document.metadata == [JSONValue.Member("fonts", .array([.string(".VnTime"), .string("Times New Roman"), .string("VNI-Times")]))])
    }

    @Test func noStyleSheetMeansNoFontForUnformattedRuns() throws {
        var b = WordDocumentBuilder()
        b.defaultFont = nil
        b.paragraph("x")
        let recorder = RunRecorder()
        let document = try DOC.read(b, DOCReadOptions(runText: { recorder.record($0, $1, $2); return nil }))
        #expect(recorder.calls == [.init(text: "x", font: nil, eightBit: true)])
        #expect(document.metadata.isEmpty)
    }

    @Test func footnotesAndHeadersAreSeparateParts() throws {
        var b = WordDocumentBuilder()
        b.paragraph("body")                    // main: 5 characters
        b.text("\u{02} the note\r")            // footnote story: 11
        // Header story: 6 separator stories (only the first has text), then section 1's
        // even header (empty), odd header, even footer (empty), odd footer.
        b.text("\u{03}\r")                     // 2
        b.text("Page head\r")                  // 10
        b.text("foot\r")                       // 5
        b.mark(0x0D)                           // the extra final paragraph mark
        b.footnoteLength = 11
        b.headerLength = 17
        b.headerCPs = [0, 2, 2, 2, 2, 2, 2, 2, 12, 12, 17, 17]
        let document = try DOC.read(b)
        #expect(DOC.blockTexts(document) == ["body", "Page head", "foot", " the note"])
        #expect(document.blocks.map(\.part) == [nil, "header", "footer", "footnote"])
    }

    @Test func commentsOnlyWhenAsked() throws {
        var b = WordDocumentBuilder()
        b.text("body\u{5}\r")             // main: the comment reference is dropped
        b.text("\u{5}a remark\r")          // comment story: 10 characters
        b.mark(0x0D)
        b.commentLength = 10
        #expect(DOC.blockTexts(try DOC.read(b)) == ["body"])
        let with = try DOC.read(b, DOCReadOptions(includeComments: true))
        #expect(DOC.blockTexts(with) == ["body", "a remark"])
        #expect(with.blocks.map(\.part) == [nil, "comment"])
    }
}
