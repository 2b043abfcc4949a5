import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing
import ZIPFoundation

/// Run fonts (resolved through the run, its character style, the paragraph style and the
/// document defaults) and the `runText` hook a legacy-font decoder plugs into.
@Suite struct DOCXFontTests {
    static let theme = """
        <?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">\
        <a:themeElements><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/></a:majorFont>\
        <a:minorFont><a:latin typeface="Calibri"/><a:cs typeface="Arial"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>
        """

    static let styles = DOCX.part("styles", """
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Default Font" w:hAnsi="Default Font" w:cs="Arial"/><w:sz w:val="24"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:rPr><w:rFonts w:ascii="Not This"/></w:rPr></w:pPr></w:pPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/><w:basedOn w:val="Base"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="OwnFont"><w:name w:val="Own"/><w:basedOn w:val="Base"/><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="Themed"><w:name w:val="Themed"/><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:ascii="Ignored"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="MarkOnly"><w:name w:val="Mark only"/><w:pPr><w:rPr><w:rFonts w:ascii="Paragraph Mark"/></w:rPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="ChangedOnly"><w:name w:val="Changed"/><w:rPr><w:rPrChange w:id="1"><w:rPr><w:rFonts w:ascii="Old"/></w:rPr></w:rPrChange></w:rPr></w:style>
        <w:style w:type="character" w:styleId="CharBase"><w:name w:val="Char base"/><w:rPr><w:rFonts w:hAnsi=".VnTimeH"/></w:rPr></w:style>
        <w:style w:type="character" w:styleId="CharDerived"><w:name w:val="Char derived"/><w:basedOn w:val="CharBase"/></w:style>
        <w:style w:type="character" w:styleId="CharNoFont"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
        """)

    static let parts = ["word/styles.xml": styles, "word/theme/theme1.xml": theme]

    /// Marks each piece of run text with the font the hook was given.
    static let tagging = DOCXReadOptions(runText: { text, font in "[\(font)]\(text)" })

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var pPr: String
        var rPr: String
        var font: String
    }

    static let cases: [Case] = [
        Case(description: "run w:ascii", pPr: "<w:pStyle w:val=\"Derived\"/>", rPr: "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Tahoma\"/>", font: "Arial"),
        Case(description: "run w:hAnsi when no w:ascii", pPr: "<w:pStyle w:val=\"Derived\"/>", rPr: "<w:rFonts w:hAnsi=\"Tahoma\" w:cs=\"Arial\"/>", font: "Tahoma"),
        Case(description: "run theme font", pPr: "", rPr: "<w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\"/>", font: "Calibri"),
        Case(description: "run w:cs only: paragraph style", pPr: "<w:pStyle w:val=\"Derived\"/>", rPr: "<w:rFonts w:cs=\"Arial\"/>", font: ".VnTime"),
        Case(description: "character style through basedOn", pPr: "<w:pStyle w:val=\"Derived\"/>", rPr: "<w:rStyle w:val=\"CharDerived\"/>", font: ".VnTimeH"),
        Case(description: "character style without a font: paragraph style", pPr: "<w:pStyle w:val=\"Derived\"/>",
             rPr: "<w:rStyle w:val=\"CharNoFont\"/><w:b/>", font: ".VnTime"),
        Case(description: "run font over character style", pPr: "", rPr: "<w:rStyle w:val=\"CharBase\"/><w:rFonts w:ascii=\"Arial\"/>", font: "Arial"),
        Case(description: "paragraph style basedOn", pPr: "<w:pStyle w:val=\"Derived\"/>", rPr: "", font: ".VnTime"),
        Case(description: "paragraph style's own font over its base", pPr: "<w:pStyle w:val=\"OwnFont\"/>", rPr: "", font: "VNI-Times"),
        Case(description: "theme attribute over its plain twin", pPr: "<w:pStyle w:val=\"Themed\"/>", rPr: "", font: "Cambria"),
        Case(description: "default paragraph style, then document defaults", pPr: "", rPr: "<w:b/>", font: "Default Font"),
        Case(description: "paragraph mark properties are not the text's", pPr: "<w:pStyle w:val=\"MarkOnly\"/><w:rPr><w:rFonts w:ascii=\"Mark\"/></w:rPr>",
             rPr: "", font: "Default Font"),
        Case(description: "a tracked change's old font is not the font", pPr: "<w:pStyle w:val=\"ChangedOnly\"/>",
             rPr: "<w:rPrChange w:id=\"2\"><w:rPr><w:rFonts w:ascii=\"Old\"/></w:rPr></w:rPrChange>", font: "Default Font"),
        Case(description: "unknown styles: document defaults", pPr: "<w:pStyle w:val=\"Nope\"/>", rPr: "<w:rStyle w:val=\"Nada\"/>", font: "Default Font"),
    ]

    @Test(arguments: cases)
    func resolvedFont(_ c: Case) throws {
        let body = DOCX.p("Luật", pPr: c.pPr).replacingOccurrences(of: "<w:r>", with: "<w:r>" + (c.rPr.isEmpty ? "" : "<w:rPr>\(c.rPr)</w:rPr>"))
        let result = try DOCX.readDetailed(body: body, parts: Self.parts, options: Self.tagging)
        #expect(result.document.text == "[\(c.font)]Luật")
        #expect(result.fonts == [DOCXFontUse(name: c.font, characters: 4)])
        let plain = try DOCX.readDetailed(body: body, parts: Self.parts)
        #expect(plain.document.text == "Luật")
        #expect(plain.fonts == result.fonts)
    }

    @Test func documentDefaultsThroughTheTheme() throws {
        let styles = DOCX.part("styles", """
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsia="MS Mincho"/></w:rPr></w:rPrDefault></w:docDefaults>
            """)
        let themed = try DOCX.readDetailed(body: DOCX.p("chữ"), parts: ["word/styles.xml": styles, "word/theme/theme1.xml": Self.theme],
                                           options: Self.tagging)
        #expect(themed.document.text == "[Calibri]chữ")
        // Without the theme part nothing names a font: the hook is not called.
        let unthemed = try DOCX.readDetailed(body: DOCX.p("chữ"), parts: ["word/styles.xml": styles], options: Self.tagging)
        #expect(unthemed.document.text == "chữ")
        #expect(unthemed.fonts.isEmpty)
        let bare = try DOCX.readDetailed(body: DOCX.p("chữ"), options: Self.tagging)
        #expect(bare.document.text == "chữ" && bare.fonts.isEmpty)
    }

    @Test func hookGetsConsecutiveRunsOfOneFontTogether() throws {
        let f1 = "<w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/>"
        let f2 = "<w:rFonts w:ascii=\"Arial\"/>"
        let body = "<w:p>" + DOCX.r("Vi", rPr: f1) + DOCX.r("Öt", rPr: f1 + "<w:b/>") + DOCX.r(" ", rPr: f1)
            + "<w:r><w:rPr>\(f1)</w:rPr><w:tab/><w:t>x</w:t><w:br/></w:r>"
            + "<w:r><w:rPr>\(f1)</w:rPr><w:sym w:font=\"Arial\" w:char=\"00E9\"/></w:r>"
            + DOCX.r("Nam", rPr: f1) + DOCX.r("!", rPr: f2) + DOCX.r("?") + DOCX.r("y", rPr: f1) + "</w:p>"
            + DOCX.p("Hai").replacingOccurrences(of: "<w:r>", with: "<w:r><w:rPr>\(f1)</w:rPr>")
        let options = DOCXReadOptions(runText: { text, font in "<\(font)|\(text)>" })
        let result = try DOCX.readDetailed(body: body, options: options)
        #expect(DOCX.texts(result.document) == ["<.VnTime|ViÖt \tx\n>\u{00E9}<.VnTime|Nam><Arial|!>?<.VnTime|y>", "<.VnTime|Hai>"])
        // Characters of run text: tabs, breaks and symbols are not counted.
        #expect(result.fonts == [DOCXFontUse(name: ".VnTime", characters: 13), DOCXFontUse(name: "Arial", characters: 1)])
    }

    @Test func replacementKeepsBlocksAndOffsets() throws {
        let vn = "<w:rFonts w:ascii=\".VnTime\" w:hAnsi=\".VnTime\"/>"
        let numbering = DOCX.part("numbering", """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        func vnPara(_ text: String, pPr: String = "") -> String {
            DOCX.p(text, pPr: pPr).replacingOccurrences(of: "<w:r>", with: "<w:r><w:rPr>\(vn)</w:rPr>")
        }
        let body = vnPara("§iÒu 1") + DOCX.p("Unicode") + vnPara("Kho¶n", pPr: "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>")
            + "<w:tbl><w:tr><w:tc>" + vnPara("ngµy") + "</w:tc><w:tc>" + DOCX.p("x") + "</w:tc></w:tr></w:tbl>" + vnPara("cuèi")
        // A toy decoder: a few TCVN3 bytes to Unicode, the text grows and shrinks.
        let table: [Character: String] = ["§": "Đ", "Ò": "ề", "¶": "ả", "µ": "à", "è": "ố"]
        let options = DOCXReadOptions(runText: { text, font in
            font == ".VnTime" ? String(text.flatMap { table[$0] ?? String($0) }) : nil
        })
        let doc = try DOCX.read(body: body, parts: ["word/numbering.xml": numbering], options: options)
        #expect(DOCX.texts(doc) == ["Điều 1", "Unicode", "1. Khoản", "ngày", "x", "cuối"])
        #expect(doc.text == "Điều 1\nUnicode\n1. Khoản\nngày\nx\ncuối")
        #expect(doc.blocks.map(\.label) == [nil, nil, "1.", nil, nil, nil])
        #expect(doc.blocks.map(\.start) == [0, 7, 15, 24, 29, 31])
        #expect(doc.contractViolation() == nil)
    }

    @Test func hookOutputCannotForgeANoteMark() throws {
        let options = DOCXReadOptions(runText: { text, _ in text + "\u{1}f1\u{2}" })
        let body = "<w:p>" + DOCX.r("a", rPr: "<w:rFonts w:ascii=\"X\"/>") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
        let doc = try DOCX.read(body: body, options: options)
        #expect(doc.text == "af1\u{2}\u{00B9}")
    }

    @Test func optionsCompareAllButTheHooksIdentity() {
        let a = DOCXReadOptions(runText: { text, _ in text })
        let b = DOCXReadOptions(runText: { _, _ in nil })
        #expect(a == b)
        #expect(a != DOCXReadOptions())
        #expect(DOCXReadOptions(includeComments: true) != DOCXReadOptions())
    }

    // MARK: - Real files

    /// The fonts a hook that tags every piece was given, read back from the text.
    static func hookFonts(_ text: String) -> Set<String> {
        Set(text.components(separatedBy: "⟦").dropFirst().compactMap { $0.components(separatedBy: "⟧").first })
    }

    /// The decree's appendices declare .VnTime and .VnTimeH (in styles and on some runs) but set
    /// no text in them: the runs in .VnTimeH are empty and the styles that name .VnTime are
    /// overridden run by run. The reader must resolve the fonts the text really has, and the
    /// hook must leave the text as it was when it returns it unchanged.
    @Test func realFilesDeclareLegacyFontsButSetNoTextInThem() throws {
        let folder = "/work/shared/real/decree-30-2020"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()
        guard !names.isEmpty else { return }
        // The tag goes after the text (a note's mark is followed by a space only when its text does
        // not start with one), and only after text that shows (a paragraph of spaces makes no block).
        let wrap = DOCXReadOptions(runText: { text, font in text.contains { !$0.isWhitespace } ? "\(text)⟦\(font)⟧" : nil })
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let input = InputFile(path: name, bytes: [UInt8](data))
            let result = try DOCXReader.readDetailed(input, options: wrap)
            let plain = try DOCXReader.readDetailed(input)
            let marked = result.document.text
            #expect(marked.replacingOccurrences(of: #"⟦[^⟧]*⟧"#, with: "", options: .regularExpression) == plain.document.text, "\(name)")
            #expect(result.document.contractViolation() == nil, "\(name)")
            #expect(Self.hookFonts(marked).isSubset(of: plain.fonts.map(\.name)), "\(name)")
            #expect(Self.hookFonts(marked).contains("Times New Roman"), "\(name)")
            #expect(plain.fonts.allSatisfy { ["Times New Roman", "Times New Roman Bold", "Calibri"].contains($0.name) }, "\(name): \(plain.fonts)")
            #expect(plain.fonts.first?.name == "Times New Roman", "\(name)")
        }
        // Appendix III names .VnTimeH on runs of its body, all of them empty.
        let path = folder + "/Phuluc3.docx"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        #expect(String(decoding: xml, as: UTF8.self).contains("w:ascii=\".VnTimeH\""))
        let result = try DOCXReader.readDetailed(InputFile(path: path, bytes: [UInt8](data)), options: wrap)
        #expect(!Self.hookFonts(result.document.text).contains(".VnTimeH"))
        #expect(result.fonts.map(\.name) == ["Times New Roman", "Calibri"])
    }
}
