import CLibXML2
import Foundation
import Testing

/// libxml2 links and runs next to Foundation (whose bundled ICU must not clash with the one
/// libxml2's headers would pull in; see Sources/CLibXML2/shim.h).
@Suite("libxml2")
struct LibXML2Tests {
    static let html = """
    <!DOCTYPE html>
    <html lang="vi">
    <head><meta charset="utf-8"><title>Kế hoạch phòng, chống dịch bệnh năm 2024 – Sở Y tế Thanh Hóa</title></head>
    <body><h1>Kế hoạch</h1><p>Nâng cao sức khỏe nhân dân.<p>Không đóng thẻ</body>
    </html>
    """

    static let options: Int32 = Int32(HTML_PARSE_NONET.rawValue) | Int32(HTML_PARSE_RECOVER.rawValue)
        | Int32(HTML_PARSE_NOERROR.rawValue) | Int32(HTML_PARSE_NOWARNING.rawValue)

    /// The content of the first element with this name, found by walking the tree iteratively.
    static func firstElementContent(_ root: xmlNodePtr?, named name: String) -> String? {
        var stack: [xmlNodePtr] = []
        if let root { stack.append(root) }
        while let node = stack.popLast() {
            if node.pointee.type == XML_ELEMENT_NODE, let nodeName = node.pointee.name,
               String(cString: nodeName).lowercased() == name {
                guard let content = xmlNodeGetContent(node) else { return "" }
                defer { vn_xml_free(content) }
                return String(cString: content)
            }
            // Children pushed in reverse so the walk is in document order.
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
        return nil
    }

    @Test("htmlReadMemory parses UTF-8 Vietnamese and the title comes back intact")
    func title() throws {
        let bytes = Array(Self.html.utf8)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), "page.html", "UTF-8", Self.options)
            }
        }
        let doc = try #require(document, "htmlReadMemory returned nil")
        defer { xmlFreeDoc(doc) }

        let root = xmlDocGetRootElement(doc)
        #expect(root.map { String(cString: $0.pointee.name) } == "html")
        let title = Self.firstElementContent(root, named: "title")
        #expect(title == "Kế hoạch phòng, chống dịch bệnh năm 2024 – Sở Y tế Thanh Hóa")
        #expect(Self.firstElementContent(root, named: "h1") == "Kế hoạch")
        // Recover mode closed the second paragraph.
        let body = Self.firstElementContent(root, named: "body")
        #expect(body?.contains("Không đóng thẻ") == true)
        // Foundation still works on what libxml2 handed over.
        #expect(title.map { $0.precomposedStringWithCanonicalMapping == $0 } == true)
        #expect(title?.data(using: .utf8)?.count == "Kế hoạch phòng, chống dịch bệnh năm 2024 – Sở Y tế Thanh Hóa".utf8.count)
    }

}
