import Testing
@testable import VietnameseText

@Suite("Byte-level composer")
struct ComposerTests {
    /// Every starter the composer knows, followed by every sequence of one or two of the eight
    /// marks (in any order, so non-canonical orders are covered too): the composer either gives
    /// ICU's NFC or declines.
    @Test("Agrees with ICU's NFC on every starter and mark sequence, or declines")
    func agreesWithICU() {
        var sequences: [[UInt32]] = Composer.marks.map { [$0] }
        for a in Composer.marks { for b in Composer.marks { sequences.append([a, b]) } }
        var starters: [UInt32] = []
        for range in Composer.ranges { starters.append(contentsOf: Array(range.lower...range.upper)) }
        var composed = 0, declined = 0
        var mismatches: [String] = []
        for s in starters {
            guard let starter = Unicode.Scalar(s) else { continue }
            for marks in sequences {
                var text = String.UnicodeScalarView([" ", starter])
                for m in marks { if let mark = Unicode.Scalar(m) { text.append(mark) } }
                text.append(" ")
                let input = Array(String(text).utf8)
                var out: [UInt8] = []
                let handled = input.withUnsafeBufferPointer { Composer.compose($0, to: &out) }
                if handled {
                    composed += 1
                    let expected = ICU.nfc(String(text))
                    if String(decoding: out, as: UTF8.self) != expected {
                        mismatches.append("U+\(String(s, radix: 16)) + \(marks.map { String($0, radix: 16) })")
                    }
                } else {
                    declined += 1
                }
            }
        }
        #expect(mismatches.count == 0, "\(mismatches.prefix(10))")
        #expect(composed >= 120)  // it does real work: at least every toned or marked Vietnamese vowel
        #expect(declined > 0)
    }

    @Test("Vietnamese in NFD is composed without ICU")
    func vietnamese() {
        let nfd = "Nguye\u{0302}\u{0303}n Thi\u{0323} Ho\u{0300}a, lu\u{031B}o\u{031B}\u{0301}i, a\u{0323}\u{0302}"
        var out: [UInt8] = []
        let handled = Array(nfd.utf8).withUnsafeBufferPointer { Composer.compose($0, to: &out) }
        #expect(handled)
        #expect(String(decoding: out, as: UTF8.self) == "Nguyễn Thị Hòa, lươ\u{0301}i, ậ".replacingOccurrences(of: "ơ\u{0301}", with: "ớ"))
    }
}
