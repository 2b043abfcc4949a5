import DocumentModel
@testable import Entities
import Foundation
import Testing
import VietnameseText
import _TestSupport

/// Money amounts, marked in the text: 1️⃣ … 2️⃣ is the first match, 3️⃣ … 4️⃣ the second, ….
@Suite struct MoneyTests {
    struct Expected: Sendable, CustomStringConvertible {
        var amount: JSONValue
        var currency: String
        var rule: String? = nil
        var description: String { "\(amount) \(currency)" }
    }

    static func int(_ v: Int, _ c: String, _ rule: String? = nil) -> Expected { Expected(amount: .int(v), currency: c, rule: rule) }
    static func dbl(_ v: Double, _ c: String) -> Expected { Expected(amount: .double(v), currency: c) }

    static let recognizer = EntityRecognizer(recognizers: [MoneyRecognizer()])

    /// Checks the marked spans and values, in order.
    static func check(_ marked: String, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        let (text, at) = Markers.parse(marked)
        let found = recognizer.entities(in: text)
        #expect(found.count == expected.count, "\(marked): found \(found.map { "\($0.text) = \($0.value)" })", sourceLocation: sourceLocation)
        for (k, (e, want)) in zip(found, expected).enumerated() {
            let s = at[Markers.symbols[2 * k]], t = at[Markers.symbols[2 * k + 1]]
            #expect(e.start == s && e.end == t, "\(marked): span of '\(e.text)' is \(e.start)..<\(e.end), want \(String(describing: s))..<\(String(describing: t))", sourceLocation: sourceLocation)
            #expect(e.type == "money", sourceLocation: sourceLocation)
            #expect(e.value == .object([.init("amount", want.amount), .init("currency", .string(want.currency))]), "\(marked): '\(e.text)' = \(e.value), want \(want)", sourceLocation: sourceLocation)
            if let rule = want.rule { #expect(e.rule == rule, "\(marked): rule \(String(describing: e.rule))", sourceLocation: sourceLocation) }
        }
    }

    // MARK: - Digits with a currency after them

    static let digitCases: [(String, [Expected])] = [
        ("Tổng kinh phí: 1️⃣1.766.925.000 đồng2️⃣.", [int(1_766_925_000, "VND", "digits-currency")]),
        ("Dự kiến tổng kinh phí thực hiện Kế hoạch là: 1️⃣1.766.925.000 đồng2️⃣\n", [int(1_766_925_000, "VND")]),
        ("Giá 1️⃣5.000 USD2️⃣ mỗi lượt", [int(5_000, "USD")]),
        ("Phí 1️⃣500.000đ2️⃣/người", [int(500_000, "VND")]),
        ("Phí 1️⃣500.000 đ2️⃣.", [int(500_000, "VND")]),
        ("Phí 1️⃣500đ2️⃣, 3️⃣1.000 đ4️⃣, 5️⃣2 triệu đ6️⃣", [int(500, "VND"), int(1_000, "VND"), int(2_000_000, "VND")]),
        ("1️⃣500.000 VNĐ2️⃣ và 3️⃣200.000 VND4️⃣", [int(500_000, "VND"), int(200_000, "VND")]),
        ("khoản 1️⃣1,250,000 VND2️⃣", [int(1_250_000, "VND")]),
        ("khoản 1️⃣1,250,000.50 USD2️⃣", [dbl(1_250_000.5, "USD")]),
        ("khoản 1️⃣1.250.000,50 đồng2️⃣", [dbl(1_250_000.5, "VND")]),
        ("khoản 1️⃣1.250.000,00 đồng2️⃣", [int(1_250_000, "VND")]),
        ("giá 1️⃣2,5 USD2️⃣", [dbl(2.5, "USD")]),
        ("giá 1️⃣12,75 EUR2️⃣", [dbl(12.75, "EUR")]),
        ("giá 1️⃣5,000 USD2️⃣", [int(5_000, "USD")]),
        ("1️⃣5000USD2️⃣ hoặc 3️⃣5000 USD4️⃣", [int(5_000, "USD"), int(5_000, "USD")]),
        ("1️⃣5.000 $2️⃣", [int(5_000, "USD")]),
        ("1️⃣300 €2️⃣, 3️⃣40 £4️⃣", [int(300, "EUR"), int(40, "GBP")]),
        ("1️⃣20 đô la2️⃣, 3️⃣30 đô-la4️⃣, 5️⃣40 đô la Mỹ6️⃣, 7️⃣50 đôla8️⃣", [int(20, "USD"), int(30, "USD"), int(40, "USD"), int(50, "USD")]),
        ("1️⃣1.000 đô la Úc2️⃣", [int(1_000, "AUD")]),
        ("1️⃣100 euro2️⃣, 3️⃣200 euros4️⃣, 5️⃣300 Euro6️⃣", [int(100, "EUR"), int(200, "EUR"), int(300, "EUR")]),
        ("1️⃣5.000 Yên2️⃣, 3️⃣10.000 yên Nhật4️⃣", [int(5_000, "JPY"), int(10_000, "JPY")]),
        ("1️⃣500 bảng Anh2️⃣", [int(500, "GBP")]),
        ("1️⃣1.000.000 đồng Việt Nam2️⃣", [int(1_000_000, "VND")]),
        ("1️⃣1 500 000 đồng2️⃣", [int(1_500_000, "VND")]),
        ("Năm 2021 1️⃣500 000 đồng2️⃣", [int(500_000, "VND")]),
        ("1️⃣100 nhân dân tệ2️⃣", [int(100, "CNY")]),
        ("1️⃣5.000.000 đồng chẵn2️⃣", [int(5_000_000, "VND")]),
        ("GIÁ 1️⃣5.000 ĐỒNG2️⃣", [int(5_000, "VND")]),
        ("1️⃣0 đồng2️⃣", [int(0, "VND")]),
        ("Kinh phí:1️⃣500.000 đồng2️⃣", [int(500_000, "VND")]),
        ("Tỷ giá 1️⃣1 USD2️⃣ = 3️⃣23.500 VND4️⃣", [int(1, "USD"), int(23_500, "VND")]),
        ("từ 1️⃣5.000.000 đồng2️⃣ đến 3️⃣10.000.000 đồng4️⃣", [int(5_000_000, "VND"), int(10_000_000, "VND")]),
    ]

    @Test(arguments: digitCases)
    func digitsThenCurrency(_ c: (String, [Expected])) { Self.check(c.0, c.1) }

    // MARK: - Scale words

    static let scaledCases: [(String, [Expected])] = [
        ("1️⃣885 tỷ đồng2️⃣", [int(885_000_000_000, "VND", "scaled")]),
        ("1️⃣2,5 tỷ đồng2️⃣", [int(2_500_000_000, "VND")]),
        ("1️⃣134,5 triệu USD2️⃣", [int(134_500_000, "USD")]),
        ("hợp đồng cải cách ngành y tế (1️⃣100 triệu Euro2️⃣); hỗ trợ", [int(100_000_000, "EUR")]),
        ("1️⃣300 nghìn đồng2️⃣ và 3️⃣300 ngàn đồng4️⃣", [int(300_000, "VND"), int(300_000, "VND")]),
        ("1️⃣200 triệu đô2️⃣ cho dự án", [int(200_000_000, "USD")]),
        ("1️⃣5 tỷ VNĐ2️⃣", [int(5_000_000_000, "VND")]),
        ("1️⃣5 tỉ đồng2️⃣", [int(5_000_000_000, "VND")]),
        ("1️⃣3 nghìn tỷ đồng2️⃣", [int(3_000_000_000_000, "VND")]),
        ("1️⃣1,5 nghìn tỷ đồng2️⃣", [int(1_500_000_000_000, "VND")]),
        ("1️⃣5 trăm triệu đồng2️⃣", [int(500_000_000, "VND")]),
        ("1️⃣2 tỷ 350 triệu đồng2️⃣", [int(2_350_000_000, "VND")]),
        ("1️⃣1 tỷ 766 triệu 925 nghìn đồng2️⃣", [int(1_766_925_000, "VND")]),
        ("1️⃣2 triệu 500 đồng2️⃣", [int(2_000_500, "VND")]),
        ("1️⃣1,250 tỷ đồng2️⃣", [int(1_250_000_000, "VND")]),
        ("1️⃣2.5 million USD2️⃣", [int(2_500_000, "USD")]),
        ("1️⃣500 trđ2️⃣ và 3️⃣1,5 tr.đ4️⃣", [int(500_000_000, "VND"), int(1_500_000, "VND")]),
        ("1️⃣0,5 triệu USD2️⃣", [int(500_000, "USD")]),
        ("1️⃣1,25 triệu kíp2️⃣", [int(1_250_000, "LAK")]),
        ("1️⃣3,3333 triệu đồng2️⃣", [int(3_333_300, "VND")]),
        ("1️⃣1,2345678 triệu đồng2️⃣", [dbl(1_234_567.8, "VND")]),
        ("1️⃣2 triệu rưỡi đồng2️⃣", [int(2_500_000, "VND")]),
        ("1️⃣500 tr đồng2️⃣", [int(500_000_000, "VND")]),
        // A range: the bound that stands with its currency ("10-15 tỷ đồng" is one token: no match).
        ("10 - 1️⃣15 tỷ đồng2️⃣", [int(15_000_000_000, "VND")]),
        ("Số tiền 1️⃣5.000.000 đồng2️⃣ bằng chữ: 3️⃣năm triệu đồng4️⃣", [int(5_000_000, "VND"), int(5_000_000, "VND")]),
    ]

    @Test(arguments: scaledCases)
    func scaled(_ c: (String, [Expected])) { Self.check(c.0, c.1) }

    // MARK: - Currency before the number

    static let prefixCases: [(String, [Expected])] = [
        ("khoản vay 1️⃣USD 1,2 triệu2️⃣ từ", [int(1_200_000, "USD", "currency-digits")]),
        ("1️⃣USD50002️⃣", [int(5_000, "USD")]),
        ("1️⃣$5,0002️⃣ và 3️⃣$ 1204️⃣", [int(5_000, "USD"), int(120, "USD")]),
        ("1️⃣US$ 2,5 triệu2️⃣", [int(2_500_000, "USD")]),
        ("1️⃣€1002️⃣, 3️⃣£504️⃣", [int(100, "EUR"), int(50, "GBP")]),
        ("1️⃣VND 500.0002️⃣", [int(500_000, "VND")]),
        ("1️⃣USD 1.2 million2️⃣, 3️⃣VND 2,350 billion4️⃣", [int(1_200_000, "USD"), int(2_350_000_000_000, "VND")]),
        ("1️⃣$1.5 million2️⃣", [int(1_500_000, "USD")]),
        // A code that ends one amount does not start the next.
        ("1️⃣1.000 USD2️⃣ 2.000 người", [int(1_000, "USD")]),
    ]

    @Test(arguments: prefixCases)
    func currencyFirst(_ c: (String, [Expected])) { Self.check(c.0, c.1) }

    // MARK: - Words

    static let wordCases: [(String, [Expected])] = [
        ("1️⃣Hai tỷ, ba trăm năm mươi triệu đồng chẵn2️⃣.", [int(2_350_000_000, "VND", "words")]),
        ("(Bằng chữ: 1️⃣Một tỷ bảy trăm sáu mươi sáu triệu chín trăm hai mươi lăm nghìn đồng2️⃣)", [int(1_766_925_000, "VND")]),
        ("Bằng chữ: 1️⃣một triệu không trăm lẻ năm nghìn đồng2️⃣", [int(1_005_000, "VND")]),
        ("1️⃣một trăm linh năm nghìn đồng2️⃣", [int(105_000, "VND")]),
        ("1️⃣hai mươi mốt triệu đồng2️⃣", [int(21_000_000, "VND")]),
        ("1️⃣ba mươi tư nghìn đồng2️⃣", [int(34_000, "VND")]),
        ("1️⃣mười lăm triệu đồng2️⃣", [int(15_000_000, "VND")]),
        ("1️⃣Năm trăm đồng2️⃣", [int(500, "VND")]),
        ("1️⃣hai triệu đô la Mỹ2️⃣", [int(2_000_000, "USD")]),
        ("1️⃣HAI TRIỆU ĐỒNG2️⃣", [int(2_000_000, "VND")]),
        ("1️⃣hai triệu rưỡi đồng2️⃣", [int(2_500_000, "VND")]),
        ("trong năm 1️⃣hai triệu đồng2️⃣", [int(2_000_000, "VND")]),
        ("1️⃣Một nghìn tỷ đồng2️⃣", [int(1_000_000_000_000, "VND")]),
        ("“1️⃣Ba triệu đồng2️⃣”", [int(3_000_000, "VND")]),
    ]

    @Test(arguments: wordCases)
    func words(_ c: (String, [Expected])) { Self.check(c.0, c.1) }

    // MARK: - Not money

    static let nearMisses: [String] = [
        "885 tỷ người", "885 tỷ", "100 triệu người", "10 triệu lượt", "198 gia đình", "5 năm", "06 cán bộ",
        "04-62732235", "04-62732235 đồng", "2023-2025", "2023-2025 đồng", "1252.png", "năm 2021",
        "ngày 15/11/2016", "15/11/2016 đồng", "Số: 123 /KH-SYT", "123/KH-SYT", "08.10.2024. Domesco 1252.png",
        "hai đồng chí", "3 đồng chí", "ba mươi đồng chí lãnh đạo", "5 đồng nghiệp", "năm 2021 đồng thời",
        "3 đô thị", "200 Yên Bái", "2 yên tâm", "5 bảng", "3 kíp trực", "một số đồng chí", "một đồng",
        "COVID-19 đồng", "H5N1", "tăng 2,5%", "10 Đồng Tháp", "2 won", "A4", "Nghị quyết số 99/2023/QH15",
        "hai bên đồng ý", "Năm 2024", "Một số", "Bảng 5", "tiền 5 triệu", "500k", "3 trạm đồng", "1,2,3 đồng",
        "1.2.3 đồng", "+84 912 345 678 đồng", "gồm 5 đ/c lãnh đạo", "tối đa 5 đ) Kinh phí", "khoản 3 đ", "2,5 đ", "0912.345.678 đồng", "09:09 đồng",
        "Điện thoại: 024.3846.4416", "10-15 tỷ đồng", "Số 1234567890 tại", "tăng 5%",
    ]

    @Test(arguments: nearMisses)
    func notMoney(_ text: String) {
        let found = Self.recognizer.entities(in: text)
        #expect(found.isEmpty, "\(text): \(found.map { "\($0.text) = \($0.value)" })")
    }

    // MARK: - Byte offsets and the whole pipeline

    @Test func byteOffsetsBecomeScalarOffsets() {
        var text = "Dự kiến: 1.766.925.000 đồng"
        var matches: [Match] = []
        text.withUTF8 { MoneyRecognizer().recognize($0, into: &matches) }
        #expect(matches.count == 1)
        let prefix = Array("Dự kiến: ".utf8).count
        #expect(matches.first?.start == prefix)
        #expect(matches.first?.end == Array(text.utf8).count)
    }

    @Test func toleratesEndsOfText() {
        for s in ["1", "1.", "1,", "5 đ", "5 đô", "5 đô la", "USD", "$", "hai", "hai mươi", "hai mươi đồng", "1 tr.", "1 tr", "€", "US$"] {
            _ = Self.recognizer.entities(in: s)
        }
        Self.check("1️⃣hai mươi đồng2️⃣", [Self.int(20, "VND")])
        Self.check("1️⃣5 đô2️⃣", [Self.int(5, "USD")])
    }

    @Test func lexiconWordsAreLowercaseNFC() {
        for w in MoneyLexicon.literals {
            #expect(w == w.precomposedStringWithCanonicalMapping && w == w.lowercased(), "\(w)")
        }
    }

    /// Every prefix of every example (ends of text in the middle of a number, a currency word,
    /// a scale word) and seeded random strings of the pieces the scanner reacts to: no trap,
    /// and every match lies within the text.
    @Test func survivesTruncationAndNoise() {
        let all = Self.digitCases + Self.scaledCases + Self.prefixCases + Self.wordCases
        for (marked, _) in all {
            let text = Markers.parse(marked).text
            var prefix = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                prefix.append(scalar)
                for e in Self.recognizer.entities(in: String(prefix)) {
                    #expect(e.start < e.end && e.end <= prefix.count)
                }
            }
        }
        let pieces = ["1", "23", "456", ".", ",", " ", "-", "/", ":", "%", "+", "$", "€", "£", "¥", "US", "USD", "VNĐ", "đ",
                      "Đ", "đồng", "Đồng", "đô", "la", "Mỹ", "tr", "trđ", "nghìn", "tỷ", "triệu", "hai", "mươi", "mốt", "lẻ",
                      "trăm", "rưỡi", "chẵn", "yên", "Nhật", "bảng", "Anh", "kíp", "“", "\n", "ồ", "a"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + next(14)) { text += pieces[next(pieces.count)] }
            let count = text.unicodeScalars.count
            for e in Self.recognizer.entities(in: text) {
                #expect(e.start < e.end && e.end <= count, "\(text)")
                #expect(e.text.unicodeScalars.count == e.end - e.start)
            }
        }
    }

    /// The Corpus documents, normalised: every match listed (so a change shows up here).
    @Test func corpus() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let expected: [String: [String]] = [
            "plans/bac-giang-123-kh-syt-2022.txt": ["1.766.925.000 đồng = 1766925000 VND"],
            "programmes/health-sector-policy-support-phase-2.txt": ["100 triệu Euro = 100000000 EUR"],
            "news/moh-leadership-news-2024-10.txt": [],
            "questionnaires/cao-bang-hpg-2016-11-15.txt": [],
            "twg/technical-working-groups.txt": [],
        ]
        for (path, want) in expected {
            let url = root.appendingPathComponent("Corpus").appendingPathComponent(path)
            let text = VietnameseNormalizer.normalize(try String(contentsOf: url, encoding: .utf8))
            let got = Self.recognizer.entities(in: text).map { e -> String in
                guard case .object(let members) = e.value, members.count == 2 else { return e.text }
                let amount: String = switch members[0].value {
                case .int(let v): String(v)
                case .double(let v): String(v)
                default: "?"
                }
                guard case .string(let code) = members[1].value else { return e.text }
                return "\(e.text) = \(amount) \(code)"
            }
            #expect(got == want, "\(path)")
        }
    }
}
