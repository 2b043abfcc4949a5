import DocumentModel
import Foundation
import HTMLReader
import Ingest
import Testing
import _TestSupport

// MARK: - Helpers

/// Reads an HTML string (UTF-8) with the reader's defaults or the given options.
func read(_ html: String, options: HTMLReadOptions = HTMLReadOptions()) throws -> Document {
    try read(bytes: Array(html.utf8), options: options)
}

func read(bytes: [UInt8], options: HTMLReadOptions = HTMLReadOptions()) throws -> Document {
    let document = try HTMLReader.read(InputFile(path: "t.html", bytes: bytes), options: options)
    checkSpans(document)
    return document
}

/// Every block's span, sliced out of the text by Unicode-scalar offsets, and the blocks tile
/// the text: joined by one line feed they give it back whole.
func checkSpans(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(document.contractViolation() == nil, sourceLocation: sourceLocation)
    let scalars = Array(document.text.unicodeScalars)
    var expectedStart = 0
    for block in document.blocks {
        #expect(block.start == expectedStart, "blocks tile the text", sourceLocation: sourceLocation)
        #expect(block.end <= scalars.count, sourceLocation: sourceLocation)
        expectedStart = block.end + 1
    }
    if let last = document.blocks.last { #expect(last.end == scalars.count, sourceLocation: sourceLocation) }
}

/// The text of each block, sliced by its span.
func blockTexts(_ document: Document) -> [String] {
    let scalars = Array(document.text.unicodeScalars)
    return document.blocks.map { block in
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[block.start..<block.end])
        return String(view)
    }
}

/// A compact picture of the blocks: type, level and label with the text.
func outline(_ document: Document) -> [String] {
    zip(document.blocks, blockTexts(document)).map { block, text in
        var head = block.type.rawValue
        if let level = block.level { head += "/\(level)" }
        if let label = block.label { head += " \(label)" }
        if let part = block.part { head += " [\(part)]" }
        return "\(head): \(text)"
    }
}

func page(_ body: String, head: String = "") -> String {
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
}

// MARK: - Blocks and text

@Suite("HTML reader: blocks and text")
struct HTMLBlockTests {
    static let cases: [(name: String, body: String, expected: [String])] = [
        ("headings with levels", "<h1>Kế hoạch</h1><h3>Mục tiêu</h3><p>Nội dung</p><h6>Cuối</h6>",
         ["heading/1: Kế hoạch", "heading/3: Mục tiêu", "paragraph: Nội dung", "heading/6: Cuối"]),
        ("inline elements join without spaces", "<p><b>Vi</b>ệt <i>Nam</i>, <a href='x'>Sở</a><span> Y</span> <em>t</em>ế<sup>2</sup></p>",
         ["paragraph: Việt Nam, Sở Y tế2"]),
        ("whitespace collapses and trims", "<p>  \n\t Nâng   cao\n\nsức  <b> khỏe </b>  nhân dân \n </p>",
         ["paragraph: Nâng cao sức khỏe nhân dân"]),
        ("entities are decoded, no-break spaces become spaces", "<p>a&amp;b &lt;c&gt; &quot;d&quot; &#7879; &#x1EC7;&nbsp;x&nbsp;&nbsp;y&nbsp;</p>",
         ["paragraph: a&b <c> \"d\" ệ ệ x y"]),
        ("br is a line feed inside the block", "<p>dòng một<br>dòng hai <br/> dòng ba<br></p><p><br>sau</p>",
         ["paragraph: dòng một\ndòng hai\ndòng ba", "paragraph: sau"]),
        ("a block inside inline content splits the paragraph", "<div>trước <span>nữa</span><p>trong</p>sau</div>",
         ["paragraph: trước nữa", "paragraph: trong", "paragraph: sau"]),
        ("block elements become paragraphs", "<blockquote>trích</blockquote><section>phần</section><article>bài</article><main>chính</main><dl><dt>từ</dt><dd>nghĩa</dd></dl><figure><figcaption>chú thích</figcaption></figure><address>địa chỉ</address>",
         ["paragraph: trích", "paragraph: phần", "paragraph: bài", "paragraph: chính", "paragraph: từ", "paragraph: nghĩa", "paragraph: chú thích", "paragraph: địa chỉ"]),
        ("pre is verbatim", "<p>mã:</p><pre>\n  x = 1\n\n    y\tz  \n</pre>",
         ["paragraph: mã:", "preformatted:   x = 1\n\n    y\tz  "]),
        ("pre keeps inline markup's text", "<pre><b>a</b>  <i>b</i>\nc</pre>",
         ["preformatted: a  b\nc"]),
        ("script, style, noscript, template and comments are dropped",
         "<p>a<script>var x = '<p>no</p>';</script>b<!-- c --></p><style>p { color: red }</style><noscript>bật JS</noscript><template><p>t</p></template><p>d</p>",
         ["paragraph: ab", "paragraph: d"]),
        ("text straight in body is a paragraph", "chữ <b>đậm</b>", ["paragraph: chữ đậm"]),
        ("hr ends a block", "một<hr>hai", ["paragraph: một", "paragraph: hai"]),
        ("unclosed paragraphs are recovered", "<p>một<p>hai<div>ba", ["paragraph: một", "paragraph: hai", "paragraph: ba"]),
    ]

    @Test("Blocks and their text", arguments: cases)
    func blocks(name: String, body: String, expected: [String]) throws {
        let document = try read(page(body))
        #expect(outline(document) == expected, "\(name)")
        #expect(document.text == expected.map { $0[$0.range(of: ": ")!.upperBound...] }.joined(separator: "\n"))
    }

    @Test("The title goes into metadata, not into the text")
    func title() throws {
        let document = try read(page("<h1>Tiêu đề trang</h1>", head: "<title>\n  Sở Y tế   Thanh Hóa &amp; bạn\n</title>"))
        #expect(document.metadata == [.init("title", .string("Sở Y tế Thanh Hóa & bạn"))])
        #expect(document.text == "Tiêu đề trang")
        let untitled = try read(page("<p>x</p>"))
        #expect(untitled.metadata.isEmpty)
    }

    @Test("Source: format, encoding, size and digest of the input bytes")
    func source() throws {
        let html = page("<p>Việt</p>")
        let document = try read(html)
        #expect(document.source.path == "t.html")
        #expect(document.source.format == .html)
        #expect(document.source.encoding == "utf-8")
        #expect(document.source.bytes == html.utf8.count)
        #expect(document.source.sha256 == SHA256.hex(Array(html.utf8)))
        #expect(document.warnings.isEmpty)
    }
}

// MARK: - Lists

@Suite("HTML reader: lists")
struct HTMLListTests {
    static let cases: [(name: String, body: String, expected: [String], kinds: [ListKind?])] = [
        ("bullets have no label", "<ul><li>một</li><li>hai</li></ul>",
         ["list-item/1: một", "list-item/1: hai"], [.bullet, .bullet]),
        ("nested lists count levels, ordered ones number their items",
         "<ol><li>Mục một<ul><li>ý a</li><li>ý b<ol><li>sâu</li></ol></li></ul></li><li>Mục hai</li></ol>",
         ["list-item/1 1.: Mục một", "list-item/2: ý a", "list-item/2: ý b", "list-item/3 1.: sâu", "list-item/1 2.: Mục hai"],
         [.numbered, .bullet, .bullet, .numbered, .numbered]),
        ("start and type a", "<ol start=\"3\" type=\"a\"><li>c</li><li>d</li></ol>",
         ["list-item/1 c.: c", "list-item/1 d.: d"], [.numbered, .numbered]),
        ("type A past z", "<ol type=\"A\" start=\"26\"><li>z</li><li>aa</li></ol>",
         ["list-item/1 Z.: z", "list-item/1 AA.: aa"], [.numbered, .numbered]),
        ("Roman numerals", "<ol type=\"I\"><li>một</li><li>hai</li><li>ba</li><li>bốn</li></ol><ol type=\"i\" start=\"9\"><li>chín</li></ol>",
         ["list-item/1 I.: một", "list-item/1 II.: hai", "list-item/1 III.: ba", "list-item/1 IV.: bốn", "list-item/1 ix.: chín"],
         [.numbered, .numbered, .numbered, .numbered, .numbered]),
        ("value renumbers, reversed counts down", "<ol><li value=\"7\">bảy</li><li>tám</li></ol><ol reversed><li>hai</li><li>một</li></ol>",
         ["list-item/1 7.: bảy", "list-item/1 8.: tám", "list-item/1 2.: hai", "list-item/1 1.: một"],
         [.numbered, .numbered, .numbered, .numbered]),
        ("paragraphs inside an item: the label goes on the first", "<ol><li><p>đầu</p><p>tiếp</p></li></ol>",
         ["list-item/1 1.: đầu", "paragraph: tiếp"], [.numbered, nil]),
    ]

    @Test("List items: level, label and kind", arguments: cases)
    func lists(name: String, body: String, expected: [String], kinds: [ListKind?]) throws {
        let document = try read(page(body))
        #expect(outline(document) == expected, "\(name)")
        #expect(document.blocks.map(\.list) == kinds, "\(name)")
    }
}

// MARK: - Tables

@Suite("HTML reader: tables")
struct HTMLTableTests {
    @Test("Cells: rows, grid columns with rowspan and colspan, headers, nested tables")
    func grid() throws {
        let body = """
        <p>trước</p>
        <table>
          <thead><tr><th>STT</th><th colspan="2">Đơn vị</th></tr></thead>
          <tbody>
            <tr><td rowspan="2">1</td><td>Sở</td><td>Y tế</td></tr>
            <tr><td colspan="2">Bệnh viện<table><tr><td>trong</td><td>bảng</td></tr></table>sau</td></tr>
            <tr><td>2</td><td></td><td>cuối</td></tr>
          </tbody>
        </table>
        <table><tr><td>bảng hai</td></tr></table>
        """
        let document = try read(page(body))
        let texts = blockTexts(document)
        #expect(texts == ["trước", "STT", "Đơn vị", "1", "Sở", "Y tế", "Bệnh viện", "trong", "bảng", "sau", "2", "cuối", "bảng hai"])
        #expect(document.blocks[0].type == .paragraph)
        #expect(document.blocks.dropFirst().allSatisfy { $0.type == .tableCell })
        let cells = document.blocks.dropFirst().map(\.cell)
        let expected: [TableCell] = [
            TableCell(table: 1, row: 1, column: 1, header: true),
            TableCell(table: 1, row: 1, column: 2, columnSpan: 2, header: true),
            TableCell(table: 1, row: 2, column: 1, rowSpan: 2),
            TableCell(table: 1, row: 2, column: 2),
            TableCell(table: 1, row: 2, column: 3),
            // Column 1 of row 3 is taken by the rowspan above.
            TableCell(table: 1, row: 3, column: 2, columnSpan: 2),
            TableCell(table: 2, row: 1, column: 1, parentTable: 1),
            TableCell(table: 2, row: 1, column: 2, parentTable: 1),
            // The outer cell's text after the nested table: the same cell.
            TableCell(table: 1, row: 3, column: 2, columnSpan: 2),
            TableCell(table: 1, row: 4, column: 1),
            TableCell(table: 1, row: 4, column: 3),
            TableCell(table: 3, row: 1, column: 1),
        ]
        #expect(cells == expected.map { Optional($0) })
    }

    @Test("Blocks inside a cell stay in the cell, one line each")
    func blocksInCell() throws {
        let document = try read(page("<table><tr><td><p>một</p><p>hai <b>ba</b></p><ul><li>bốn</li></ul>năm<br>sáu</td></tr></table>"))
        #expect(blockTexts(document) == ["một\nhai ba\nbốn\nnăm\nsáu"])
        #expect(document.blocks.map(\.cell) == [TableCell(table: 1, row: 1, column: 1)])
    }

    @Test("Hostile spans are clamped and do not grow memory")
    func hostileSpans() throws {
        let row = String(repeating: "<td colspan=\"999999\" rowspan=\"999999\">x</td>", count: 200)
        let document = try read(page("<table><tr>\(row)</tr><tr><td>y</td></tr></table>"))
        #expect(document.blocks.count == 201)
        #expect(document.blocks.first?.cell == TableCell(table: 1, row: 1, column: 1, rowSpan: 65534, columnSpan: 1000))
        #expect(document.blocks.last?.cell?.row == 2)
    }
}

// MARK: - Page chrome

@Suite("HTML reader: page chrome")
struct HTMLChromeTests {
    static let body = """
    <header><h1>Cổng thông tin</h1></header>
    <nav><ul><li>Trang chủ</li></ul></nav>
    <div class="breadcrumb">Trang chủ › Tin tức</div>
    <ul id="main-menu"><li>Giới thiệu</li></ul>
    <div class="site_sidebar">Liên kết</div>
    <main><h2>Thông báo</h2><p>Nội dung chính.</p><div class="navigation-notes">giữ</div></main>
    <aside>Quảng cáo</aside>
    <form><p>Tìm kiếm</p></form>
    <footer>Bản quyền</footer>
    """

    @Test("An article's own header and footer are content; a site header marked by class is chrome")
    func sectioningHeaders() throws {
        let body = """
        <div class="site-header"><a href="/">English</a> | <a href="/lien-he">Liên hệ</a></div>
        <div id="top_header">Cổng thông tin</div>
        <div class="masthead">Bộ Y tế</div>
        <header><p>Đăng nhập</p></header>
        <article>
          <header class="entry-header"><h1>Bộ trưởng tiếp Đại sứ</h1><time>10/10/2024</time></header>
          <p>Chiều ngày 10/10/2024, Bộ trưởng đã tiếp Đại sứ.</p>
          <footer>Tác giả: Ban biên tập</footer>
        </article>
        <div class="page-header"><h2>Tin liên quan</h2></div>
        <section><header><h2>Văn bản mới</h2></header><p>Kế hoạch số 123/KH-SYT</p></section>
        <footer>Bản quyền</footer>
        """
        let document = try read(page(body))
        #expect(outline(document) == [
            "heading/1: Bộ trưởng tiếp Đại sứ", "paragraph: 10/10/2024", "paragraph: Chiều ngày 10/10/2024, Bộ trưởng đã tiếp Đại sứ.",
            "paragraph: Tác giả: Ban biên tập", "heading/2: Tin liên quan", "heading/2: Văn bản mới", "paragraph: Kế hoạch số 123/KH-SYT",
        ])
    }

    @Test("Chrome is dropped by default")
    func dropped() throws {
        let document = try read(page(Self.body))
        #expect(outline(document) == ["heading/2: Thông báo", "paragraph: Nội dung chính.", "paragraph: giữ"])
        #expect(document.warnings.isEmpty)
    }

    @Test("keepChrome keeps chrome as blocks with part \"chrome\"")
    func kept() throws {
        let document = try read(page(Self.body), options: HTMLReadOptions(keepChrome: true))
        #expect(outline(document) == [
            "heading/1 [chrome]: Cổng thông tin",
            "list-item/1 [chrome]: Trang chủ",
            "paragraph [chrome]: Trang chủ › Tin tức",
            "list-item/1 [chrome]: Giới thiệu",
            "paragraph [chrome]: Liên kết",
            "heading/2: Thông báo",
            "paragraph: Nội dung chính.",
            "paragraph: giữ",
            "paragraph [chrome]: Quảng cáo",
            "paragraph [chrome]: Tìm kiếm",
            "paragraph [chrome]: Bản quyền",
        ])
    }

    @Test("A body class never makes the whole page chrome")
    func bodyClass() throws {
        let document = try read("<html><body class=\"has-sidebar nav-open\"><p>Nội dung</p></body></html>")
        #expect(document.text == "Nội dung")
    }

    @Test("A page whose only text is chrome keeps it, with a warning")
    func onlyChrome() throws {
        let document = try read(page("<div id=\"page-footer\"><p>Liên hệ: 0123</p></div>"))
        #expect(outline(document) == ["paragraph [chrome]: Liên hệ: 0123"])
        #expect(document.warnings.map(\.code) == ["html-only-chrome"])
    }
}

// MARK: - Character encodings

@Suite("HTML reader: character encodings")
struct HTMLEncodingTests {
    static let vietnamese = "Sở Y tế tỉnh Bắc Giang xây dựng kế hoạch năm 2024"

    static func html(_ head: String) -> String {
        "<html><head>\(head)<title>Việt</title></head><body><p>\(vietnamese)</p></body></html>"
    }

    @Test("meta charset windows-1258: bytes decoded, tone marks kept")
    func metaWindows1258() throws {
        let bytes = try Windows1258.encode(Self.html("<meta charset=\"windows-1258\">"))
        // Hand-made CP1258: 'ệ' is ê (0xEA) with a combining dot below (0xF2).
        #expect(try Windows1258.encode("Việt") == [0x56, 0x69, 0xEA, 0xF2, 0x74])
        let document = try read(bytes: bytes)
        #expect(document.source.encoding == "windows-1258")
        #expect(document.text == Self.vietnamese)
        #expect(document.metadata == [.init("title", .string("Việt"))])
        #expect(document.warnings.isEmpty)
    }

    @Test("http-equiv Content-Type with a charset", arguments: [
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">",
        "<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=\"CP1258\"'>",
    ])
    func httpEquiv(meta: String) throws {
        let document = try read(bytes: try Windows1258.encode(Self.html(meta)))
        #expect(document.source.encoding == "windows-1258")
        #expect(document.text == Self.vietnamese)
    }

    @Test("UTF-8 without a declaration")
    func undeclaredUTF8() throws {
        let document = try read(Self.html(""))
        #expect(document.source.encoding == "utf-8")
        #expect(document.text == Self.vietnamese)
        #expect(document.warnings.isEmpty)
    }

    @Test("Byte-order marks win over the declaration", arguments: [
        ([0xEF, 0xBB, 0xBF] as [UInt8], "utf-8-bom", false),
        ([0xFF, 0xFE], "utf-16le", true),
    ])
    func byteOrderMark(bom: [UInt8], name: String, utf16: Bool) throws {
        let html = Self.html("<meta charset=\"windows-1258\">")
        let body: [UInt8] = utf16 ? html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } : Array(html.utf8)
        let document = try read(bytes: bom + body)
        #expect(document.source.encoding == name)
        #expect(document.text == Self.vietnamese)
    }

    @Test("Undeclared and not UTF-8: Windows-1258, with a warning")
    func undeclaredWindows1258() throws {
        let document = try read(bytes: try Windows1258.encode(Self.html("")))
        #expect(document.source.encoding == "windows-1258")
        #expect(document.text == Self.vietnamese)
        #expect(document.warnings.map(\.code) == ["decoded-windows-1258"])
    }

    @Test("A commented-out declaration does not count")
    func commentedOut() throws {
        let document = try read(Self.html("<!-- <meta charset=\"windows-1258\"> -->"))
        #expect(document.source.encoding == "utf-8")
        #expect(document.text == Self.vietnamese)
    }

    @Test("The encoding option overrides the declaration")
    func forced() throws {
        let bytes = try Windows1258.encode(Self.html("<meta charset=\"utf-8\">"))
        let document = try read(bytes: bytes, options: HTMLReadOptions(encoding: .windows1258))
        #expect(document.source.encoding == "windows-1258")
        #expect(document.text == Self.vietnamese)
        #expect(throws: DocumentError.self) { try read(bytes: bytes, options: HTMLReadOptions(encoding: .utf8)) }
    }

    @Test("Declared UTF-8 but not UTF-8: read as Windows-1258 with a warning")
    func mismatch() throws {
        let bytes = try Windows1258.encode(Self.html("<meta charset=\"utf-8\">"))
        let document = try read(bytes: bytes)
        #expect(document.source.encoding == "windows-1258")
        #expect(document.text == Self.vietnamese)
        #expect(document.warnings.map(\.code) == ["html-charset-mismatch"])
    }

    @Test("A charset vndoc does not read: warned, read as UTF-8")
    func unsupported() throws {
        let document = try read(Self.html("<meta charset=\"iso-8859-1\">"))
        #expect(document.source.encoding == "utf-8")
        #expect(document.text == Self.vietnamese)
        #expect(document.warnings.map(\.code) == ["html-charset-unsupported"])
    }
}

// MARK: - Hostile and odd input

@Suite("HTML reader: hostile input")
struct HTMLHostileTests {
    @Test("Deep nesting: the depth limit is warned about", arguments: [300, 100_000])
    func deepNesting(depth: Int) throws {
        let html = "<html><body><p>đầu</p>" + String(repeating: "<div>", count: depth) + "sâu"
            + String(repeating: "</div>", count: depth) + "<p>cuối</p></body></html>"
        let clock = ContinuousClock()
        let start = clock.now
        let document = try read(html)
        #expect(clock.now - start < .seconds(5))
        #expect(document.warnings.map(\.code) == ["html-depth-limit"])
        #expect(document.text.hasPrefix("đầu"))
    }

    @Test("Nesting under the limit gives no warning")
    func shallowNesting() throws {
        let html = page(String(repeating: "<div>", count: 100) + "sâu" + String(repeating: "</div>", count: 100))
        let document = try read(html)
        #expect(document.text == "sâu")
        #expect(document.warnings.isEmpty)
    }

    @Test("Nothing is fetched: remote DTD, images, stylesheets and frames")
    func noNetwork() throws {
        let html = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
        <html xmlns="http://www.w3.org/1999/xhtml"><head><link rel="stylesheet" href="http://192.0.2.1/a.css">
        <script src="http://192.0.2.1/a.js"></script></head>
        <body><img src="http://192.0.2.1/a.png" alt="ảnh"><p>Nội dung &copy; 2024</p><iframe src="http://192.0.2.1/"></iframe></body></html>
        """
        let document = try read(html)
        #expect(document.text == "Nội dung © 2024")
    }

    @Test("No text in the page: an empty-document error", arguments: [
        "", "   \n  ", "<html><body>  </body></html>", "<script>var a = 1</script><!-- x -->", "<p>&nbsp;</p>",
    ])
    func empty(html: String) throws {
        let error = try #require(throws: DocumentError.self) { try read(html) }
        #expect(error.code == .empty)
        #expect(error.stage == "read")
        #expect(error.path == "t.html")
        if !html.isEmpty { #expect(error.reason == "no text in the page") }
    }

    @Test("Broken markup and stray bytes do not crash", arguments: [
        "<p>a<b>b<i>c</p>d</b>e", "<table><td>ô<tr><td rowspan=x colspan=-3>ơ</table>", "</div></div><p>ư", "<li>lẻ loi</li>",
        "<td>ngoài bảng</td>", "<<<>>><p>\u{1}a\u{7F}b", "<p>x</p><p attr='unterminated>a", "<ol type=\"i\" start=\"-5\"><li>âm</li></ol>",
        "<p>a\u{0}b</p><p>c</p>", "<p>đầu</p>" + String(repeating: "<b>", count: 50_000) + "đậm", String(repeating: "<p>", count: 50_000) + "đoạn",
        "<table>" + String(repeating: "<tr>", count: 20_000) + "<td>ô</td></table>",
    ])
    func broken(html: String) throws {
        let document = try read(html)
        #expect(!document.blocks.isEmpty)
    }

    @Test("A large page reads at a useful speed")
    func speed() throws {
        let paragraph = "<p>Sở Y tế <b>tỉnh</b> Bắc Giang xây dựng <a href=\"#\">kế hoạch</a> hợp tác với tỉnh Xây Sôm Bun.</p>\n"
        let html = page(String(repeating: paragraph, count: 40_000))
        let clock = ContinuousClock()
        let start = clock.now
        let document = try read(html)
        let elapsed = clock.now - start
        #expect(document.blocks.count == 40_000)
        #expect(elapsed < .seconds(10), "\(html.utf8.count) bytes in \(elapsed)")
    }
}
