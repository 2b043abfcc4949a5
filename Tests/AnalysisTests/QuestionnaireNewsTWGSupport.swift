import DocumentModel
import Foundation
import Pipeline
import Testing
import _TestSupport

/// What the questionnaire, news and TWG record tests share: Corpus files run through the
/// built-in pipeline, the same content written as a web page and as a Word file, and JSON
/// written in the tests (members kept in order) to compare records with.
enum RecordTesting {
    static let root = Paths.packageRoot()

    enum Failure: Error, CustomStringConvertible {
        case json(String)
        var description: String {
            switch self { case .json(let message): "expected JSON: \(message)" }
        }
    }

    static func corpus(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    /// Runs the built-in pipeline (read, normalize, segment, entities) over bytes named `path`.
    static func process(_ path: String, _ bytes: [UInt8]) throws -> Document {
        switch try Pipeline.builtIn().run(path: path, bytes: bytes) {
        case .success(let document): return document
        case .failure(let error): throw error
        }
    }

    static func process(corpus path: String) throws -> Document {
        try process(path, try corpus(path))
    }

    // MARK: web pages and Word files

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A page with `body` as its main content, inside the menus and footer a site adds.
    static func page(_ body: String) -> [UInt8] {
        Array("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Trang</title></head>
            <body>
            <nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
            <main>
            \(body)
            </main>
            <footer id="footer">Bản quyền thuộc về Sở Y tế</footer>
            </body></html>
            """.utf8)
    }

    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A Word paragraph of the text, cut into runs of five characters (as Word leaves text after
    /// editing); `style` names a paragraph style, `bullet` puts it in the bulleted list.
    static func wordParagraph(_ text: String, style: String? = nil, bullet: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if bullet { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        var out = "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>")
        let scalars = Array(text.unicodeScalars)
        var at = 0
        while at < scalars.count {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[at..<min(at + 5, scalars.count)])
            out += "<w:r><w:t xml:space=\"preserve\">\(escaped(String(piece)))</w:t></w:r>"
            at += 5
        }
        return out + "</w:p>"
    }

    /// A Word table: one row per array, a cell's lines as its paragraphs; a cell written "^"
    /// continues the cell above it (a vertical merge).
    static func wordTable(_ rows: [[String]]) -> String {
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        for (r, row) in rows.enumerated() {
            out += "<w:tr>"
            for (c, cell) in row.enumerated() {
                if cell == "^" {
                    out += "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
                    continue
                }
                let merges = r + 1 < rows.count && c < rows[r + 1].count && rows[r + 1][c] == "^"
                let lines = cell.split(separator: "\n", omittingEmptySubsequences: false)
                out += "<w:tc>" + (merges ? "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" : "")
                out += lines.map { wordParagraph(String($0)) }.joined() + "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    /// A .docx whose body is `body`, with heading styles and a bulleted list (numId 1, drawn "•").
    static func docx(_ body: String) -> [UInt8] {
        var styles = "<w:styles \(w)><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        for level in 1...3 {
            styles += "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/></w:style>"
        }
        styles += "</w:styles>"
        let numbering = """
            <w:numbering \(w)><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
            <w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
            """
        let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationship)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/_rels/document.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationship)/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"\(relationship)/numbering\" Target=\"numbering.xml\"/></Relationships>"),
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"),
        ]
        return StoredZip.make(parts.map { ($0.0, Array($0.1.utf8)) })
    }

    // MARK: JSON

    /// Parses JSON written in a test, keeping object members in order (`JSONValue` compares
    /// them in order, as vndoc writes them).
    static func json(_ text: String) throws -> JSONValue {
        var parser = JSONText(Array(text.unicodeScalars))
        let value = try parser.value()
        parser.space()
        guard parser.at == parser.scalars.count else { throw Failure.json("text after the value at \(parser.at)") }
        return value
    }

    /// Records an issue naming the first place where `got` differs from `expected`, with the
    /// record written out; nothing when they are equal.
    static func check(_ got: JSONValue?, _ expected: JSONValue, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let got else {
            Issue.record("\(what): no record", sourceLocation: sourceLocation)
            return
        }
        guard let path = difference(got, expected, "") else { return }
        Issue.record("\(what): differs at \(path.isEmpty ? "the top" : path):\n\(render(got))", sourceLocation: sourceLocation)
    }

    /// The path of the first difference ("items[2].answers[0]: got … expected …"), nil for none.
    static func difference(_ a: JSONValue, _ b: JSONValue, _ path: String) -> String? {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            for (i, (p, q)) in zip(x, y).enumerated() {
                if let d = difference(p, q, "\(path)[\(i)]") { return d }
            }
            return x.count == y.count ? nil : "\(path): \(x.count) elements, expected \(y.count)"
        case (.object(let x), .object(let y)):
            if x.map(\.key) != y.map(\.key) { return "\(path): keys \(x.map(\.key)), expected \(y.map(\.key))" }
            for (p, q) in zip(x, y) {
                if let d = difference(p.value, q.value, path + "." + p.key) { return d }
            }
            return nil
        default:
            return a == b ? nil : "\(path): got \(render(a)), expected \(render(b))"
        }
    }

    /// A JSON value written out, one member or element per line, to show in a failed check.
    static func render(_ value: JSONValue, _ indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .double(let d): return String(d)
        case .string(let s): return quoted(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + render($0, inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + quoted($0.key) + ": " + render($0.value, inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    struct JSONText {
        let scalars: [Unicode.Scalar]
        var at = 0
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func space() {
            while at < scalars.count, scalars[at].properties.isWhitespace { at += 1 }
        }

        mutating func expect(_ c: Unicode.Scalar) throws {
            space()
            guard at < scalars.count, scalars[at] == c else { throw Failure.json("expected \(c) at \(at)") }
            at += 1
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
            for c in word.unicodeScalars { try expect(c) }
            return value
        }

        mutating func value() throws -> JSONValue {
            space()
            guard at < scalars.count else { throw Failure.json("unexpected end") }
            switch scalars[at] {
            case "{":
                at += 1
                var members: [JSONValue.Member] = []
                space()
                if at < scalars.count, scalars[at] == "}" { at += 1; return .object([]) }
                repeat {
                    space()
                    let key = try string()
                    try expect(":")
                    members.append(.init(key, try value()))
                    space()
                } while try comma("}")
                return .object(members)
            case "[":
                at += 1
                var items: [JSONValue] = []
                space()
                if at < scalars.count, scalars[at] == "]" { at += 1; return .array([]) }
                repeat {
                    items.append(try value())
                    space()
                } while try comma("]")
                return .array(items)
            case "\"": return .string(try string())
            case "n": return try literal("null", .null)
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            default:
                var digits = ""
                while at < scalars.count, "-0123456789".unicodeScalars.contains(scalars[at]) {
                    digits.unicodeScalars.append(scalars[at])
                    at += 1
                }
                guard let n = Int(digits) else { throw Failure.json("bad value at \(at)") }
                return .int(n)
            }
        }

        /// After an element: true on a comma, false on the closing bracket.
        mutating func comma(_ close: Unicode.Scalar) throws -> Bool {
            space()
            guard at < scalars.count else { throw Failure.json("unexpected end") }
            if scalars[at] == "," { at += 1; return true }
            if scalars[at] == close { at += 1; return false }
            throw Failure.json("expected , or \(close) at \(at)")
        }

        mutating func string() throws -> String {
            try expect("\"")
            var out = String.UnicodeScalarView()
            while at < scalars.count, scalars[at] != "\"" {
                if scalars[at] == "\\", at + 1 < scalars.count {
                    at += 1
                    switch scalars[at] {
                    case "n": out.append("\n")
                    default: out.append(scalars[at])
                    }
                } else {
                    out.append(scalars[at])
                }
                at += 1
            }
            try expect("\"")
            return String(out)
        }
    }
}
