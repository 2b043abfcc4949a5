import DocumentModel
import Foundation
import Pipeline
import Testing
import _TestSupport

/// The same document as text, HTML and DOCX reads alike: the same text and the same blocks, up
/// to what a format cannot say (blank lines between paragraphs exist only in text; a Word bullet
/// is drawn, not typed).
@Suite("One document, three formats")
struct FormatEquivalenceTests {
    static let textFiles = corpusFiles.filter { $0.hasSuffix(".txt") && !$0.hasSuffix("-tcvn3.txt") }

    /// A block as a reader of any format should give it: type, level, label and its text.
    struct Shape: Equatable, CustomStringConvertible {
        var type: BlockType
        var level: Int?
        var label: String?
        var text: String
        var description: String { "\(type.rawValue) \(level.map(String.init) ?? "-") \(label ?? "-") \(text.prefix(50))" }
    }

    static func shapes(_ document: Document, body: Bool = true) -> [Shape] {
        document.blocks.filter { !body || $0.part == nil }.map {
            Shape(type: $0.type, level: $0.level, label: $0.label, text: String(document.slice($0.start, $0.end)))
        }
    }

    /// Text with the blank lines between paragraphs taken out: blocks joined by one line break.
    static func withoutBlankLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n")
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The blocks of a text document written as a web page: headings as h1–h6, every other
    /// block a paragraph with its numbering typed in it (as pages write it), lines kept with
    /// `<br>`, the markup indented and wrapped as HTML allows, and site chrome around it.
    static func html(_ document: Document) -> [UInt8] {
        var page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title>\n"
        page += "<script>var x = \"<p>not text</p>\";</script></head>\n<body>\n"
        page += "<nav class=\"menu\"><ul><li><a href=\"/\">Trang chủ</a></li></ul></nav>\n<main>\n"
        for block in document.blocks {
            let lines = document.slice(block.start, block.end).split(separator: "\n").map { escaped(String($0)) }
            let inner = lines.joined(separator: "<br>\n    ")
            if block.type == .heading {
                let level = min(max(block.level ?? 1, 1), 6)
                page += "  <h\(level)>\(inner)</h\(level)>\n"
            } else {
                page += "  <p>\n    \(inner)\n  </p>\n"
            }
        }
        page += "</main>\n<footer id=\"footer\">Bản quyền</footer>\n</body></html>\n"
        return Array(page.utf8)
    }

    /// The blocks of a text document written as a Word file: headings in "Heading n" styles,
    /// other blocks as paragraphs with their numbering typed, lines broken with `w:br`, and
    /// every paragraph cut into runs of seven characters (inside words, as Word does after
    /// editing), so that a reader that put anything at a run boundary would show it.
    static func docx(_ document: Document) -> [UInt8] {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        var body = ""
        for block in document.blocks {
            body += "<w:p>"
            if block.type == .heading { body += "<w:pPr><w:pStyle w:val=\"Heading\(min(max(block.level ?? 1, 1), 9))\"/></w:pPr>" }
            let lines = document.slice(block.start, block.end).split(separator: "\n")
            for (n, line) in lines.enumerated() {
                if n > 0 { body += "<w:r><w:br/></w:r>" }
                let scalars = Array(line.unicodeScalars)
                var at = 0
                while at < scalars.count {
                    var piece = String.UnicodeScalarView()
                    piece.append(contentsOf: scalars[at..<min(at + 7, scalars.count)])
                    body += "<w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:t xml:space=\"preserve\">\(escaped(String(piece)))</w:t></w:r>"
                    at += 7
                }
            }
            body += "</w:p>"
        }
        var styles = "<w:styles \(w)><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        for level in 1...9 {
            styles += "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/></w:style>"
        }
        styles += "</w:styles>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/_rels/document.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"),
            ("word/styles.xml", styles),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"),
        ]
        return StoredZip.make(parts.map { ($0.0, Array($0.1.utf8)) })
    }

    static func compare(_ variant: Document, _ original: Document, _ what: String) {
        #expect(variant.text == withoutBlankLines(original.text), "\(what): text differs")
        let got = shapes(variant), want = shapes(original)
        #expect(got.count == want.count, "\(what): \(got.count) blocks, text has \(want.count)")
        for (g, w) in zip(got, want) where g != w {
            Issue.record("\(what): block \(g) where the text has \(w)")
            break
        }
        #expect(variant.warnings.isEmpty, "\(what): \(variant.warnings.map(\.message))")
    }

    @Test("Each text sample written as a web page reads as the text does", arguments: textFiles)
    func asHTML(path: String) throws {
        let original = try process(path, try corpusBytes(path))
        let page = try process(path.replacingOccurrences(of: ".txt", with: ".html"), Self.html(original))
        #expect(page.source.format == .html)
        Self.compare(page, original, "\(path) as HTML")
    }

    @Test("Each text sample written as a Word file reads as the text does", arguments: textFiles)
    func asDOCX(path: String) throws {
        let original = try process(path, try corpusBytes(path))
        let word = try process(path.replacingOccurrences(of: ".txt", with: ".docx"), Self.docx(original))
        #expect(word.source.format == .docx)
        Self.compare(word, original, "\(path) as DOCX")
    }

    @Test("The stored ZIP the Word test files use has the standard CRC-32")
    func crc() {
        // The check value of CRC-32/ISO-HDLC.
        #expect(StoredZip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    // MARK: the Corpus's own format versions

    @Test("The Word questionnaire gives the text sample's body: Word numbering and bullets as the typed labels")
    func wordQuestionnaire() throws {
        let textPath = "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt"
        let wordPath = "Corpus/questionnaires/cao-bang-hpg-2016-11-15-answers.docx"
        let text = try process(textPath, try corpusBytes(textPath))
        let word = try process(wordPath, try corpusBytes(wordPath))
        let got = Self.shapes(word), want = Self.shapes(text)
        #expect(got.map(\.type) == want.map(\.type))
        #expect(got.map(\.level) == want.map(\.level))
        #expect(got.map(\.label) == want.map(\.label))
        #expect(got.map(\.text) == want.map(\.text))
        // What Word adds lives after the body, labelled.
        let parts = word.blocks.compactMap(\.part)
        #expect(parts == ["header", "footer"])
        #expect(word.metadata.map(\.key) == ["title", "creator", "created", "modified"])
    }

    @Test("The HTML pages keep the samples' content and drop the site around it", arguments: [
        ("Corpus/news/moh-leadership-news-2024-10.txt", "Corpus/news/moh-leadership-news-2024-10-page.html"),
        ("Corpus/twg/technical-working-groups.txt", "Corpus/twg/technical-working-groups-page.html"),
        ("Corpus/programmes/health-sector-policy-support-phase-2.txt", "Corpus/programmes/health-sector-policy-support-phase-2-windows-1258.html"),
    ])
    func pages(textPath: String, pagePath: String) throws {
        let text = try process(textPath, try corpusBytes(textPath))
        let page = try process(pagePath, try corpusBytes(pagePath))
        #expect(page.warnings.isEmpty)
        // No menu, footer or script text.
        for chrome in ["Trang chủ", "Bản quyền", "Liên hệ", "dataLayer", "Tìm kiếm", "Lịch công tác"] {
            #expect(!page.text.contains(chrome), "\(pagePath) keeps \(chrome)")
        }
        // Every block of the page is text of the sample (spaces aside), except the page's own
        // title; and together they hold nearly all of the sample's letters.
        func collapsed(_ s: Substring) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
        let sample = collapsed(text.text[...])
        let title: String? = page.metadata.first { $0.key == "title" }.flatMap {
            if case .string(let s) = $0.value { s } else { nil }
        }
        var covered = 0
        for block in page.blocks {
            let piece = collapsed(page.slice(block.start, block.end))
            if sample.contains(piece) {
                covered += piece.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            } else if title.map({ $0.contains(piece) }) != true {
                Issue.record("\(pagePath): \(block.type.rawValue) '\(piece.prefix(60))' is not in the sample")
            }
        }
        let letters = sample.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        #expect(Double(covered) >= Double(letters) * 0.97, "\(pagePath) holds \(covered) of the sample's \(letters) letters")
    }

    @Test("The Windows-1258 page decodes to the same words as the UTF-8 sample, tone marks composed")
    func windows1258Page() throws {
        let path = "Corpus/programmes/health-sector-policy-support-phase-2-windows-1258.html"
        let bytes = try corpusBytes(path)
        // The file really is Windows-1258 with combining tone marks (0xEC is U+0301 there).
        #expect(String(bytes: bytes, encoding: .utf8) == nil)
        #expect(bytes.contains(0xEC) && bytes.contains(0xF2))
        let page = try process(path, bytes)
        #expect(page.source.encoding == "windows-1258")
        let sample = try process("Corpus/programmes/health-sector-policy-support-phase-2.txt", try corpusBytes("Corpus/programmes/health-sector-policy-support-phase-2.txt"))
        let body = page.blocks.dropFirst().map { String(page.slice($0.start, $0.end)) }
        #expect(body == sample.blocks.map { String(sample.slice($0.start, $0.end)) })
        #expect(page.text.unicodeScalars.allSatisfy { !(0x0300...0x0323).contains($0.value) })
    }
}
