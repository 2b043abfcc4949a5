@testable import RTFReader
import Testing

@Suite struct RTFTokenizerTests {
    static func tokens(_ s: String) throws -> [RTFToken] {
        var tokenizer = RTFTokenizer(Array(s.utf8))
        var out: [RTFToken] = []
        while let token = try tokenizer.next() { out.append(token) }
        return out
    }

    static let cases: [(String, [RTFToken])] = [
        ("{\\b bold}", [.groupStart, .word("b", nil), .text(4..<8), .groupEnd]),
        ("\\fs24 x", [.word("fs", 24), .text(6..<7)]),
        ("\\li-720\\ri0", [.word("li", -720), .word("ri", 0)]),
        ("\\u7897?", [.word("u", 7897), .text(6..<7)]),
        ("\\'b5\\'E0", [.hex(0xB5), .hex(0xE0)]),
        ("\\~\\-\\_\\*\\{\\}\\\\", [.symbol(0x7E), .symbol(0x2D), .symbol(0x5F), .symbol(0x2A), .symbol(0x7B), .symbol(0x7D), .symbol(0x5C)]),
        ("a\r\nb", [.text(0..<1), .text(3..<4)]),
        ("\\\r\n", [.word("par", nil)]),
        ("\\par  two", [.word("par", nil), .text(5..<9)]),      // one space delimits, the next is text
        ("\\bin2 {}\\x", [.binary(6..<8), .word("x", nil)]),     // braces inside \bin data are data
        ("\\'zz", [.symbol(0x3F), .text(2..<4)]),                // a broken hex escape
        ("\\fs99999999999999999", [.word("fs", 9_999_999_999)]), // absurd parameters are clamped
    ]

    @Test(arguments: cases)
    func tokenizes(_ input: String, _ expected: [RTFToken]) throws {
        #expect(try Self.tokens(input) == expected)
    }

    @Test func longControlWordNamesAreCut() throws {
        let name = String(repeating: "a", count: 100)
        #expect(try Self.tokens("\\\(name)1 x") == [.word(String(repeating: "a", count: 32), 1), .text(103..<104)])
    }

    @Test func binaryPastTheEndIsAnError() {
        var tokenizer = RTFTokenizer(Array("\\bin1000 abc".utf8))
        #expect(throws: RTFProblem.self) { try tokenizer.next() }
    }
}
