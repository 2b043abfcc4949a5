import DocumentModel
import Foundation
import Testing
@testable import Emit

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("Strings round-trip through Foundation's parser", arguments: [
        "", "plain", "quote \" backslash \\ slash /", "tab\there\nnewline\r\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}",
        "Thừa Thiên Huế – “ngoặc” 🙂", "line\u{2028}para\u{2029}end", String(repeating: "dài ", count: 10_000),
    ])
    func strings(s: String) throws {
        var w = JSONWriter()
        w.raw("[")
        w.string(s)
        w.raw("]")
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
        #expect(parsed == [s])
    }

    @Test("Numbers, booleans, null, nested values keep their order")
    func values() throws {
        let value = JSONValue.object([
            .init("b", .int(-42)), .init("a", .double(2.5)), .init("z", .bool(true)), .init("n", .null),
            .init("list", .array([.int(0), .int(Int.max), .string("x"), .double(1e300)])),
            .init("inf", .double(.infinity)),
        ])
        var w = JSONWriter()
        w.value(value)
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text == #"{"b": -42, "a": 2.5, "z": true, "n": null, "list": [0, 9223372036854775807, "x", 1e+300], "inf": null}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
        #expect(parsed?["b"] as? Int == -42)
        #expect(parsed?["a"] as? Double == 2.5)
    }

    @Test("A document encodes to JSON that parses, pretty and compact alike")
    func document() throws {
        let text = "TỈNH CAO BẰNG\n- trả lời \"một\""
        let document = Document(
            source: Source(path: "a/b.txt", format: .text, encoding: "utf-8", bytes: 40, sha256: String(repeating: "0", count: 64)),
            text: text,
            blocks: [Block(type: .heading, start: 0, end: 13, level: 1), Block(type: .listItem, start: 14, end: 29, level: 1, label: "-")],
            entities: [Entity(type: "province", text: "CAO BẰNG", start: 5, end: 13, value: .object([.init("name", .string("Cao Bằng"))]), rule: "gazetteer")],
            warnings: [Warning(stage: "read", code: "decoded-windows-1258", message: "x")]
        )
        for pretty in [true, false] {
            let bytes = DocumentJSON.encode(document, pretty: pretty)
            if !pretty { #expect(!bytes.contains(0x0A)) }
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(parsed["text"] as? String == text)
            #expect((parsed["blocks"] as? [[String: Any]])?.count == 2)
            #expect((parsed["entities"] as? [[String: Any]])?.first?["rule"] as? String == "gazetteer")
            #expect(((parsed["source"] as? [String: Any])?["path"]) as? String == "a/b.txt")
        }
    }

    @Test("Streaming in chunks of any size gives the same bytes as encoding whole, with chunks bounded",
          arguments: [64, 100, 333, 4096, 1 << 20])
    func streaming(chunkSize: Int) {
        let text = String(repeating: "Sở Y tế \"Hòa Bình\"\n\tdài \u{2028}", count: 500) + String(repeating: "x", count: 5000)
        let document = Document(
            source: Source(path: "a.txt", format: .text, encoding: "utf-8", bytes: 1, sha256: ""),
            text: text,
            blocks: (0..<300).map { Block(type: .paragraph, start: $0, end: $0 + 1) },
            entities: (0..<300).map { Entity(type: "date", text: "S", start: $0, end: $0 + 1, value: .string("2024"), rule: "x") }
        )
        for pretty in [true, false] {
            var chunks: [[UInt8]] = []
            DocumentJSON.write(document, pretty: pretty, trailingNewline: true, chunkSize: chunkSize) { chunks.append(Array($0)) }
            let whole = DocumentJSON.encode(document, pretty: pretty) + (pretty ? [] : [0x0A])
            #expect(chunks.flatMap { $0 } == whole)
            // A chunk overshoots its size by at most one escaped item, never by a whole run of text.
            #expect(chunks.allSatisfy { $0.count <= chunkSize + 64 }, "\(chunks.map(\.count).max() ?? 0)")
            #expect(chunks.count >= whole.count / (chunkSize + 64))
        }
    }

    @Test("Atomic files: the target appears only on commit; discard leaves nothing")
    func atomic() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vndoc-emit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("sub/out.jsonl").path
        let file = try AtomicFile(path: target)
        try file.write(Array("one\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: target))
        try file.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "one\n")
        let second = try AtomicFile(path: target)
        try second.write(Array("two\n".utf8))
        second.discard()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "one\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("sub").path) == ["out.jsonl"])
    }
}
