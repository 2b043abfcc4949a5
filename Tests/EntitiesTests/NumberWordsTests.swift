import DocumentModel
@testable import Entities
import Testing
import _TestSupport

@Suite struct NumberWordsTests {
    /// Variants of cheque spelling the generator can choose between.
    struct Style: Sendable, CustomStringConvertible {
        var zeroTens = "lẻ"   // or "linh"
        var four = "tư"       // after a tens word: "tư" or "bốn"
        var one = "mốt"       // after a tens word (not mười): "mốt" or "một"
        var description: String { "\(zeroTens)/\(four)/\(one)" }
    }

    static let styles = [
        Style(),
        Style(zeroTens: "linh", four: "bốn", one: "một"),
    ]

    static let digitNames = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// 0...999 in words as written on cheques, built independently of the code under test.
    static func spell(_ n: Int, _ style: Style) -> String {
        precondition(n >= 0 && n < 1000)
        if n < 10 { return digitNames[n] }
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        var parts: [String] = []
        if h > 0 { parts += [digitNames[h], "trăm"] }
        if t == 0 {
            if u > 0 { parts += [style.zeroTens, digitNames[u]] }
        } else {
            if t == 1 {
                parts.append("mười")
            } else {
                parts += [digitNames[t], "mươi"]
            }
            switch u {
            case 0: break
            case 1: parts.append(t == 1 ? "một" : style.one)
            case 4: parts.append(t == 1 ? "bốn" : style.four)
            case 5: parts.append("lăm")
            default: parts.append(digitNames[u])
            }
        }
        return parts.joined(separator: " ")
    }

    @Test(arguments: styles)
    func exhaustiveBelowThousandFolded(_ style: Style) {
        for n in 0..<1000 {
            let words = Self.spell(n, style)
            #expect(NumberWords.value(of: NumberWords.tokens(words)) == n, "\(words)")
        }
    }

    /// The same words with their tone marks, through the money recogniser ("… nghìn đồng").
    @Test(arguments: styles)
    func exhaustiveBelowThousandSpelled(_ style: Style) {
        let recognizer = EntityRecognizer(recognizers: [MoneyRecognizer()])
        for n in 1..<1000 {
            let words = Self.spell(n, style)
            let found = recognizer.entities(in: "Bằng chữ: \(words) nghìn đồng.")
            #expect(found.count == 1 && found.first?.text == "\(words) nghìn đồng", "\(words): \(found.map(\.text))")
            #expect(found.first?.value == .object([.init("amount", .int(n * 1000)), .init("currency", .string("VND"))]), "\(words)")
        }
    }

    @Test(arguments: [
        ("một nghìn chín trăm bảy mươi lăm", 1975),
        ("hai mươi mốt", 21),
        ("ba mươi tư", 34),
        ("một trăm lẻ năm", 105),
        ("một trăm linh năm", 105),
        ("mười lăm", 15),
        ("hai tỷ ba trăm năm mươi triệu", 2_350_000_000),
        ("Hai tỷ, ba trăm năm mươi triệu", 2_350_000_000),
        ("một tỷ bảy trăm sáu mươi sáu triệu chín trăm hai mươi lăm nghìn", 1_766_925_000),
        ("một triệu không trăm lẻ năm nghìn", 1_005_000),
        ("một nghìn tỷ", 1_000_000_000_000),
        ("năm trăm nghìn tỷ", 500_000_000_000_000),
        ("mười", 10),
        ("mười một", 11),
        ("mười tư", 14),
        ("hai mươi", 20),
        ("ba mốt", 31),
        ("ba mot", 31),
        ("hai lăm", 25),
        ("một trăm", 100),
        ("trăm", 100),
        ("một trăm hai", 120),
        ("hai triệu rưỡi", 2_500_000),
        ("hai triệu năm", 2_500_000),
        ("một trăm rưỡi", 150),
        ("một nghìn lẻ năm", 1_005),
        ("ba ngàn", 3_000),
        ("năm tỉ", 5_000_000_000),
        ("hai chục", 20),
        ("không", 0),
        ("bảy", 7),
        ("bẩy mươi", 70),
    ])
    func knownValues(_ c: (String, Int)) {
        #expect(NumberWords.value(of: NumberWords.tokens(c.0)) == c.1, "\(c.0)")
    }

    @Test(arguments: [
        "", "đồng", "trăm mười trăm", "tư", "lẻ", "hai ba bốn", "năm hai", "mươi mươi", "một hai",
        "ba nghìn triệu", "hai mươi mươi", "lẻ lẻ năm",
    ])
    func notNumbers(_ words: String) {
        #expect(NumberWords.value(of: NumberWords.tokens(words)) == nil, "\(words)")
    }

    @Test func numberWordTokens() {
        for t in ["khong", "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi", "tram", "nghin", "ngan",
                  "trieu", "ty", "ti", "le", "linh", "lam", "nham", "tu", "chuc"] {
            #expect(NumberWords.isNumberWord(t), "\(t)")
        }
        for t in ["dong", "so", "nguoi", "chan", "va"] {
            #expect(!NumberWords.isNumberWord(t), "\(t)")
        }
        #expect(NumberWords.tokens("Hai tỷ, ba trăm") == ["hai", "ty", "ba", "tram"])
        #expect(NumberWords.value(of: ["hai", "trieu", "chan"]) == 2_000_000)
    }

    /// Every spelled word maps to the same number word as its folded form, except the pairs that
    /// only tone marks tell apart (mốt/một, tư/bốn's folded "tu").
    @Test func spelledAndFoldedAgree() {
        for (word, w) in NumberWords.spelled {
            let folded = NumberWords.tokens(word)
            #expect(folded.count == 1)
            guard let f = folded.first else { continue }
            if word == "mốt" { #expect(NumberWords.word(folded: f) == .digit(1)); continue }
            #expect(NumberWords.word(folded: f) == w, "\(word)")
        }
    }
}
