import DocumentModel
import Foundation
import Pipeline
import _TestSupport

/// What the header and kind tests share: documents run through the built-in pipeline (from the
/// Corpus, from text written in a test, as a web page or a Word file), and JSON written compactly
/// so that an expected value reads as it would in the output.
enum HeaderTesting {
    static let root = Paths.packageRoot()

    static func corpus(_ relative: String) throws -> Document {
        try process(relative, [UInt8](try Data(contentsOf: root.appendingPathComponent(relative))))
    }

    /// Runs the built-in pipeline (read, normalize, segment, entities) over bytes named `path`.
    static func process(_ path: String, _ bytes: [UInt8]) throws -> Document {
        switch try Pipeline.builtIn().run(path: path, bytes: bytes) {
        case .success(let document): return document
        case .failure(let error): throw error
        }
    }

    static func text(_ text: String, path: String = "test.txt") throws -> Document {
        try process(path, Array(text.utf8))
    }

    /// The member's value, compact JSON; nil when the header lacks it.
    static func field(_ header: [JSONValue.Member], _ key: String) -> String? {
        header.first { $0.key == key }.map { json($0.value) }
    }

    static func keys(_ header: [JSONValue.Member]) -> [String] { header.map(\.key) }

    static func json(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return quoted(s)
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { quoted($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
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

    // MARK: web pages and Word files

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A UTF-8 web page whose body is `body`.
    static func page(_ body: String, title: String = "Trang") -> [UInt8] {
        Array("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body><main>
            \(body)
            </main></body></html>
            """.utf8)
    }

    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    /// A Word paragraph; `bold` runs as Word writes a letterhead.
    static func wordParagraph(_ text: String, bold: Bool = false) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p><w:r>\(properties)<w:t xml:space=\"preserve\">\(escaped(text))</w:t></w:r></w:p>"
    }

    /// A Word table without borders: one row per array, a cell's lines as its paragraphs.
    static func wordTable(_ rows: [[String]]) -> String {
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        for row in rows {
            out += "<w:tr>"
            for cell in row {
                out += "<w:tc>" + cell.split(separator: "\n", omittingEmptySubsequences: false).map { wordParagraph(String($0)) }.joined() + "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    /// A .docx whose body is `body`.
    static func docx(_ body: String) -> [UInt8] {
        let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationship)/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(w)><w:body>\(body)</w:body></w:document>"),
        ]
        return StoredZip.make(parts.map { ($0.0, Array($0.1.utf8)) })
    }
}
