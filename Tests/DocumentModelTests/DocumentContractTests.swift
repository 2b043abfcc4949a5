import DocumentModel
import Testing

@Suite("Scalar walking")
struct ByteOffsetTests {
    static let texts = ["", "a", "Thừa Thiên Huế", "🙂 emoji và tiếng Việt ở Đắk Nông", String(repeating: "ệ", count: 40) + "abc" + String(repeating: "x", count: 33),
                        "ắ\u{0301}x", String(repeating: "Sở Y tế 🙂 ", count: 9)]

    @Test("The byte offset n scalars on is where Swift's n-th scalar starts", arguments: texts)
    func agreesWithSwift(text: String) {
        var copy = text
        copy.withUTF8 { bytes in
            let scalars = Array(text.unicodeScalars.indices) + [text.endIndex]
            for from in 0..<scalars.count {
                let fromByte = text.utf8.distance(from: text.startIndex, to: scalars[from])
                for n in 0...(scalars.count - 1 - from) {
                    let expected = text.utf8.distance(from: text.startIndex, to: scalars[from + n])
                    #expect(Document.byteOffset(bytes, from: fromByte, scalars: n) == expected, "\(text) from \(from) by \(n)")
                }
                // Past the end stops at the end.
                #expect(Document.byteOffset(bytes, from: fromByte, scalars: scalars.count + 5) == bytes.count)
            }
        }
    }
}

@Suite("Document contract")
struct DocumentContractTests {
    static let text = "Sở Y tế tỉnh Hòa Bình 🙂, ngày 5/3/2024."

    static func entity(_ t: String, _ start: Int, _ end: Int) -> Entity {
        Entity(type: "x", text: t, start: start, end: end, value: .null)
    }

    static func document(_ entities: [Entity], blocks: [Block] = []) -> Document {
        Document(source: Source(path: "x"), text: text, blocks: blocks, entities: entities)
    }

    @Test("Entities whose text is exactly their span keep the contract, in any order")
    func valid() {
        let good = [Self.entity("Sở Y tế", 0, 7), Self.entity("Hòa Bình", 13, 21), Self.entity("🙂", 22, 23), Self.entity("5/3/2024", 30, 38), Self.entity("", 5, 5)]
        #expect(Self.document(good).contractViolation() == nil)
        #expect(Self.document(good.reversed()).contractViolation() == nil)
    }

    @Test("A wrong text, a shifted span or a span outside the text is named",
          arguments: [(entity("Hòa Bình", 12, 20), "differs"), (entity("Hoa Binh", 13, 21), "differs"),
                      (entity("Hòa Bình", 13, 22), "differs"), (entity("5/3/2024 ", 30, 39), "differs"),
                      (entity(".", 39, 40), "outside"), (entity("a", -1, 0), "outside"), (entity("a", 5, 4), "outside")])
    func violations(entity: Entity, says: String) {
        let violation = Self.document([Self.entity("Sở Y tế", 0, 7), entity]).contractViolation()
        #expect(violation?.contains(says) == true, "\(String(describing: violation))")
    }
}
