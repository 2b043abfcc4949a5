import DOCXReader
import DocumentModel
import Foundation
import Ingest
import ZIPFoundation

/// Builds .docx files in memory for the tests: a ZIP of the given parts, plus the content types.
enum DOCX {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:v="urn:schemas-microsoft-com:vml" \
        xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    /// A word/document.xml whose body is `body`.
    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    /// A part in the WordprocessingML namespace with the given root element.
    static func part(_ root: String, _ content: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:\(root) \(namespaces)>\(content)</w:\(root)>"
    }

    /// A paragraph of one run of text, with optional paragraph properties.
    static func p(_ text: String, pPr: String = "") -> String {
        "<w:p>" + (pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A relationships part (word/_rels/document.xml.rels): (id, type, target), the type given
    /// by its last word ("header", "footnotes", …).
    static func rels(_ entries: [(String, String, String)]) -> String {
        let items = entries.map { id, type, target in
            "<Relationship Id=\"\(id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(type)\" Target=\"\(target)\"/>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.joined() + "</Relationships>"
    }

    /// A run of text with the given run properties.
    static func r(_ text: String, rPr: String = "") -> String {
        "<w:r>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    /// A ZIP holding the parts (deflated), in the order given.
    static func zip(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in parts {
            let data = Data(bytes)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// A .docx of the given parts; [Content_Types].xml is added, word/document.xml wraps `body`.
    static func make(body: String?, parts: [String: String] = [:]) throws -> [UInt8] {
        var all: [(String, [UInt8])] = [("[Content_Types].xml", Array(contentTypes.utf8))]
        if let body { all.append(("word/document.xml", Array(document(body).utf8))) }
        for name in parts.keys.sorted() { all.append((name, Array((parts[name] ?? "").utf8))) }
        return try zip(all)
    }

    static func read(body: String, parts: [String: String] = [:], options: DOCXReadOptions = DOCXReadOptions()) throws -> Document {
        try DOCXReader.read(InputFile(path: "test.docx", bytes: make(body: body, parts: parts)), options: options)
    }

    static func readDetailed(body: String, parts: [String: String] = [:], options: DOCXReadOptions = DOCXReadOptions()) throws -> DOCXReadResult {
        try DOCXReader.readDetailed(InputFile(path: "test.docx", bytes: make(body: body, parts: parts)), options: options)
    }

    /// The text of each block.
    static func texts(_ document: Document) -> [String] {
        document.blocks.map { String(document.slice($0.start, $0.end)) }
    }
}
