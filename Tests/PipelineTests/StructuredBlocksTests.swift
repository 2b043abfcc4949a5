import DocumentModel
import Emit
import Foundation
import Pipeline
import Testing
import _TestSupport

/// What the stages after a structured reader (HTML, DOCX) do with the blocks it made.
@Suite("Blocks from structured readers")
struct StructuredBlocksTests {
    /// A document as an HTML or DOCX reader leaves it: blocks tiling the text, not yet normalised
    /// (decomposed marks, main-vowel tone placement, stray spaces).
    static func readerDocument() -> Document {
        var b = BlockText()
        b.add(.heading, "  Ke\u{302}\u{301} hoa\u{323}ch  ", level: 1)
        b.add(.paragraph, "1. Mục tiêu:   nâng cao  sức khoẻ")
        b.add(.paragraph, "a) Hoà Bình\ndòng hai")
        b.add(.listItem, "Thứ nhất", level: 1, list: .bullet)
        b.add(.tableCell, "Ô  một", cell: TableCell(table: 1, row: 1, column: 1, columnSpan: 2, header: true))
        b.add(.tableCell, "1. Không phải mục", cell: TableCell(table: 1, row: 2, column: 1))
        b.add(.preformatted, "  code   kept\n    indented")
        b.add(.paragraph, "Trang 1", part: "footer")
        return Document(source: Source(path: "x.docx", format: .docx, bytes: 1, sha256: String(repeating: "0", count: 64)), text: b.text, blocks: b.blocks,
                        metadata: [.init("title", .string("Kế hoạch"))])
    }

    static func run(_ document: Document) throws -> Document {
        var d = document
        let context = StageContext(path: "x.docx")
        try NormalizeStage(options: StageOptions()).process(&d, context: context)
        try SegmentStage(options: StageOptions()).process(&d, context: context)
        return d
    }

    static func texts(_ d: Document) -> [String] {
        d.blocks.map { String(d.slice($0.start, $0.end)) }
    }

    @Test("Each block is normalised on its own; boundaries and attributes survive")
    func normalisedPerBlock() throws {
        let d = try Self.run(Self.readerDocument())
        #expect(Self.texts(d) == ["Kế hoạch", "1. Mục tiêu: nâng cao sức khỏe", "a) Hòa Bình\ndòng hai", "Thứ nhất", "Ô một",
                                  "1. Không phải mục", "  code   kept\n    indented", "Trang 1"])
        #expect(d.text == Self.texts(d).joined(separator: "\n"))
        #expect(d.contractViolation() == nil)
        #expect(d.blocks[4].cell == TableCell(table: 1, row: 1, column: 1, columnSpan: 2, header: true))
        #expect(d.blocks[3].list == .bullet)
        #expect(d.blocks[7].part == "footer")
    }

    @Test("Numbering typed by hand in a body paragraph becomes a list item; cells, parts and marked lists stay")
    func handNumbering() throws {
        let d = try Self.run(Self.readerDocument())
        #expect(d.blocks.map(\.type) == [.heading, .listItem, .listItem, .listItem, .tableCell, .tableCell, .preformatted, .paragraph])
        #expect(d.blocks[1].label == "1.")
        #expect(d.blocks[1].level == 1)
        #expect(d.blocks[2].label == "a)")
        #expect(d.blocks[2].level == 2)
        #expect(d.blocks[3].label == nil)
        #expect(d.blocks[5].label == nil)
    }

    @Test("A block that normalises to nothing goes")
    func emptyBlockDropped() throws {
        var d = Self.readerDocument()
        d.text += "\n\u{200B}"
        d.blocks.append(Block(type: .paragraph, start: d.scalarCount - 1, end: d.scalarCount))
        let out = try Self.run(d)
        #expect(out.blocks.count == 8 || Self.texts(out).last == "\u{200B}")
        #expect(out.contractViolation() == nil)
    }

    @Test("Cells, lists, parts and metadata are written and keep to the schema")
    func jsonAndSchema() throws {
        let d = try Self.run(Self.readerDocument())
        let bytes = DocumentJSON.encode(d, pretty: true)
        let errors = try schema.validate(jsonData: Data(bytes))
        #expect(errors.isEmpty, "\(errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((object["metadata"] as? [String: Any])?["title"] as? String == "Kế hoạch")
        let blocks = try #require(object["blocks"] as? [[String: Any]])
        let cell = try #require(blocks[4]["cell"] as? [String: Any])
        #expect(cell["column_span"] as? Int == 2)
        #expect(cell["header"] as? Bool == true)
        #expect(blocks[3]["list"] as? String == "bullet")
        #expect(blocks[7]["part"] as? String == "footer")
        #expect(Array(object.keys).contains("metadata"))
    }
}
