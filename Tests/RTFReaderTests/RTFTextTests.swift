import DocumentModel
import RTFReader
import Testing
import _TestSupport

/// Text, escapes, destinations, tables, stories, fonts and the run hook of generated RTF.
@Suite struct RTFTextTests {
    /// (body after the preamble, expected blocks).
    static let bodies: [(String, [String])] = [
        ("one\\par two\\par", ["one", "two"]),
        ("a\\line b\\tab c\\par", ["a\nb\tc"]),
        ("\\{braces\\} and \\\\ back\\par", ["{braces} and \\ back"]),
        ("non\\~breaking, hy\\-phen, non\\_breaking\\par", ["non\u{A0}breaking, hyphen, non-breaking"]),
        ("\\ldblquote x\\rdblquote  \\endash  \\emdash  \\bullet  \\lquote y\\rquote\\par", ["“x” – — • ‘y’"]),
        ("line\r\nends\ninside text\\par", ["lineendsinside text"]),
        ("page\\page section\\sect column\\column end", ["page", "section", "column", "end"]),
        ("{\\b bold} {\\i italic}\\par", ["bold italic"]),
        ("shown{\\v hidden} shown\\par", ["shown shown"]),
        ("{\\*\\generator Riched20;}{\\*\\unknownthing text}kept\\par", ["kept"]),
        ("{\\pict\\wmetafile8\\picw100 0123456789abcdef}after\\par", ["after"]),
        ("{\\pict\\bin4 \\}{x}after\\par", ["after"]),
        ("{\\field{\\*\\fldinst HYPERLINK \"http://x\"}{\\fldrslt link}} here\\par", ["link here"]),
        ("{\\field{\\fldinst PAGE}{\\fldrslt 7}}\\par", ["7"]),
        ("{\\object\\objemb{\\*\\objclass Excel}{\\objdata 0102}{\\result shown}}\\par", ["shown"]),
        ("{\\upr{ansi text}{\\*\\ud{unicode text}}}\\par", ["unicode text"]),
        ("{\\listtext 1.\\tab}Item\\par", ["1.\tItem"]),
        ("before{\\ftnsep \\chftnsep}after\\par", ["beforeafter"]),
        ("\\'b5\\'e0\\par", ["µà"]),
        ("{\\f3 \\'d0\\'e3\\'f5\\'fd\\'fe}\\par", ["Đăơư₫"]),
        ("{\\f3 a\\'ec}\\par", ["a\u{301}"]),
        ("\\u7897?\\u273?\\par", ["ộđ"]),
        ("\\uc2\\u7897\\'e1\\'bb x\\par", ["ộ x"]),
        ("\\uc0\\u8220 q\\u8221\\par", ["“q”"]),
        ("{\\uc3\\u7897 abcd}\\par", ["ộd"]),
        ("{\\uc3\\u7897 ab}c\\par", ["ộc"]),  // a group end cancels the skip
        ("\\u-10179?\\u-8704?\\par", ["😀"]),
    ]

    @Test(arguments: bodies)
    func body(_ body: String, _ expected: [String]) throws {
        let document = try RTF.read(RTF.document(body))
        #expect(RTF.blockTexts(document) == expected)
        #expect(document.contractViolation() == nil)
    }

    @Test func defaultCodePageAndCharsets() throws {
        // \ansicpg1258 with a font in the default charset (1) decodes as Windows-1258.
        let rtf = "{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\fcharset1 Arial;}{\\f1\\fcharset0 Times;}}\\f0 \\'d0\\'f5{\\f1 \\'d0\\'f5}\\par}"
        let document = try RTF.read(rtf)
        #expect(document.text == "ĐơÐõ")
        #expect(document.source.encoding == "mixed")
        #expect(try RTF.read("{\\rtf1\\ansi\\ansicpg1258{\\fonttbl{\\f0\\fcharset163 Arial;}}\\f0 \\'d0\\par}").source.encoding == "windows-1258")
        #expect(try RTF.read("{\\rtf1\\ansi plain\\par}").source.encoding == "windows-1252")
        #expect(try RTF.read("{\\rtf1\\ansi \\u7897?\\par}").source.encoding == "utf-16")
    }

    @Test func otherSingleByteCodePages() throws {
        let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0\\fcharset204 Arial;}{\\f1\\fcharset238 Arial CE;}}\\f0 \\'c0\\'e1{\\f1 \\'8a}\\par}"
        #expect(try RTF.read(rtf).text == "Аб" + "Š")
    }

    @Test func unsupportedCodePageIsReadAsWindows1252WithAWarning() throws {
        let rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0\\fcharset128 MS Mincho;}}\\f0 \\'82\\'a0\\par}"
        let document = try RTF.read(rtf)
        #expect(document.text == "‚\u{A0}")
        #expect(document.warnings.map(\.code) == ["rtf-code-page-unsupported"])
    }

    @Test func oldStyleFontTableWithoutGroups() throws {
        let rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl\\f0\\fswiss Helvetica;\\f1\\fmodern .VnTime;}\\f1 S\\'e8\\par}"
        let recorder = RunRecorder()
        _ = try RTF.read(rtf, RTFReadOptions(runText: { recorder.record($0, $1, $2); return nil }))
        #expect(recorder.calls == [.init(text: "Sè", font: ".VnTime", eightBit: true)])
    }

    @Test func runsCarryTheirFontToTheHook() throws {
        let body = "{\\f1 S\\'e8 }{\\f0 99}\\par {\\f2 So\\'e1 B\\u7897?}\\par \\plain plain\\par"
        let recorder = RunRecorder()
        let options = RTFReadOptions(runText: { text, font, eightBit in
            recorder.record(text, font, eightBit)
            return font == ".VnTime" ? "Số " : nil
        })
        let document = try RTF.read(RTF.document(body), options)
        #expect(recorder.calls == [
            .init(text: "Sè ", font: ".VnTime", eightBit: true),
            .init(text: "99", font: "Times New Roman", eightBit: true),
            .init(text: "Soá B", font: "VNI-Times", eightBit: true),
            .init(text: "ộ", font: "VNI-Times", eightBit: false),
            .init(text: "plain", font: "Times New Roman", eightBit: true),
        ])
        #expect(RTF.blockTexts(document) == ["Số 99", "Soá Bộ", "plain"])
        #expect(document.metadata == [JSONValue.Member("fonts", .array([.string(".VnTime"), .string("Times New Roman"), .string("VNI-Times")]))])
    }

    @Test func infoGivesMetadata() throws {
        let info = "{\\info{\\title Quy\\'e1t \\u273?\\'ecnh}{\\author Nguy\\u7877?n}{\\operator op}{\\creatim\\yr2003\\mo3\\dy31\\hr8\\min5}{\\revtim\\yr2003\\mo4\\dy1}{\\printim\\yr2004}}"
        let document = try RTF.read(RTF.document("body\\par", extra: info))
        #expect(document.metadata.prefix(4) == [
            JSONValue.Member("title", .string("Quyát đình")),
            JSONValue.Member("creator", .string("Nguyễn")),
            JSONValue.Member("created", .string("2003-03-31T08:05:00")),
            JSONValue.Member("modified", .string("2003-04-01T00:00:00")),
        ])
        #expect(document.text == "body")
    }

    @Test func tableCellsKnowTheirRowAndColumn() throws {
        let body = """
            before\\par
            \\trowd\\cellx1000\\cellx2000\\pard\\intbl a\\cell b\\cell\\row
            \\trowd\\cellx1000\\cellx2000\\pard\\intbl \\cell d\\par e\\cell\\row
            \\trowd\\cellx1000\\pard\\intbl \\par\\par z\\par\\cell\\row
            \\pard between\\par
            \\trowd\\pard\\intbl x\\cell\\row
            \\pard after\\par
            """
        let document = try RTF.read(RTF.document(body))
        #expect(RTF.blockTexts(document) == ["before", "a", "b", "d\ne", "z", "between", "x", "after"])
        #expect(document.blocks.compactMap(\.cell) == [
            TableCell(table: 1, row: 1, column: 1), TableCell(table: 1, row: 1, column: 2),
            TableCell(table: 1, row: 2, column: 2), TableCell(table: 1, row: 3, column: 1), TableCell(table: 2, row: 1, column: 1),
        ])
    }

    @Test func nestedTableCellsStayInTheirOuterCell() throws {
        let body = "\\pard\\intbl\\itap1 outer {\\pard\\intbl\\itap2 in1\\nestcell in2\\nestcell{\\*\\nesttableprops\\trowd\\nestrow}}\\cell\\row\\pard after\\par"
        let document = try RTF.read(RTF.document(body))
        #expect(RTF.blockTexts(document) == ["outer in1\nin2", "after"])
    }

    @Test func headersFootersAndNotesAreSeparateParts() throws {
        let body = """
            {\\header \\pard Page head\\par}{\\footerf \\pard foot\\par}\
            body{\\footnote \\pard\\plain {\\chftn} the note\\par}\\par \
            more{\\footnote\\ftnalt end note}\\par
            """
        let document = try RTF.read(RTF.document(body))
        #expect(RTF.blockTexts(document) == ["body", "more", "Page head", "foot", " the note", "end note"])
        #expect(document.blocks.map(\.part) == [nil, nil, "header", "footer", "footnote", "endnote"])
    }

    @Test func commentsOnlyWhenAsked() throws {
        let body = "text{\\*\\atnid JD}{\\*\\annotation {\\*\\atnref 1} a comment}\\par"
        #expect(RTF.blockTexts(try RTF.read(RTF.document(body))) == ["text"])
        let with = try RTF.read(RTF.document(body), RTFReadOptions(includeComments: true))
        #expect(RTF.blockTexts(with) == ["text", " a comment"])
        #expect(with.blocks.map(\.part) == [nil, "comment"])
    }

    @Test func notRTF() {
        RTF.expectFailure(Array("plain text".utf8), code: .malformed, mentions: "not an RTF file")
        RTF.expectFailure([], code: .malformed, mentions: "not an RTF file")
    }

    @Test func leadingWhitespaceAndBOMAreAccepted() throws {
        #expect(try RTF.read([0xEF, 0xBB, 0xBF, 0x0A] + Array("{\\rtf1 x}".utf8)).text == "x")
    }
}
