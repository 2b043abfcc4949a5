import Foundation
import Testing
@testable import VietnameseText
import CICUShim

@Suite("Normalisation")
struct NormalizerTests {
    static let sample = """
    Thông tin cung cấp từ các tỉnh: Thanh Hoá, Hoà Bình, Khánh Hoà, Thừa Thiên Huế.
    Nhóm Đối tác y tế (HPG) — sức khoẻ sinh sản; quỹ bảo hiểm y tế; Uỷ ban nhân dân tỉnh.
    """

    @Test("NFD and NFC input give byte-identical output")
    func nfdEqualsNFC() {
        let nfc = Self.sample.precomposedStringWithCanonicalMapping
        let nfd = Self.sample.decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(nfc.utf8))
        let a = VietnameseNormalizer.normalize(Array(nfc.utf8))
        let b = VietnameseNormalizer.normalize(Array(nfd.utf8))
        #expect(a == b)
        #expect(String(decoding: a, as: UTF8.self).contains("Thanh Hóa, Hòa Bình, Khánh Hòa"))
        #expect(String(decoding: a, as: UTF8.self).contains("sức khỏe"))
        #expect(String(decoding: a, as: UTF8.self).contains("Ủy ban"))
    }

    @Test("Long NFD text is normalised in chunks with the same result as one piece")
    func longNFD() {
        let line = Self.sample.decomposedStringWithCanonicalMapping + "\n"
        let text = String(repeating: line, count: 4000)  // about 1.5 MB: more than one chunk
        let out = VietnameseNormalizer.normalize(text)
        let expected = VietnameseNormalizer.normalize(line).appending("\n")
        #expect(out == String(repeating: expected, count: 4000).trimmingCharacters(in: .newlines))
    }

    @Test("A single line longer than a chunk is cut between words, not inside one")
    func longLine() {
        let words = String(repeating: "hoà bình khoẻ thuỷ ", count: 80_000)  // ~1.9 MB, no newline
        let out = VietnameseNormalizer.normalize(words.decomposedStringWithCanonicalMapping)
        #expect(out == String(repeating: "hòa bình khỏe thủy ", count: 80_000).trimmingCharacters(in: .whitespaces))
    }

    @Test("Normalising twice changes nothing")
    func idempotent() {
        for style in ToneStyle.allCases {
            let options = NormalizationOptions(tones: style)
            let once = VietnameseNormalizer.normalize(Self.sample, options: options)
            #expect(VietnameseNormalizer.normalize(once, options: options) == once)
        }
    }

    @Test("Whitespace", arguments: [
        ("a\u{00A0}b", "a b"),
        ("a  \t b", "a b"),
        ("  lề trái  \ndòng hai   ", "lề trái\ndòng hai"),
        ("một\r\nhai\rba\n", "một\nhai\nba"),
        ("đoạn một\n\n\n\n\nđoạn hai", "đoạn một\n\nđoạn hai"),
        ("\n\n  \u{00A0}\n đầu", "đầu"),
        ("zero\u{200B}width\u{200D}\u{2060}", "zerowidth"),
        ("soft\u{00AD}hyphen", "softhyphen"),
        ("\u{FEFF}BOM giữa\u{FEFF}chừng", "BOM giữachừng"),
        ("line\u{2028}sep\u{2029}para", "line\nsep\n\npara"),
        ("thin\u{2009}space\u{3000}ideo", "thin space ideo"),
        ("ctl\u{0007}\u{0001}chars", "ctlchars"),
        ("trailing \n \n", "trailing"),
    ])
    func whitespace(input: String, expected: String) {
        #expect(VietnameseNormalizer.normalize(input, options: NormalizationOptions(tones: nil)) == expected)
    }

    @Test("Whitespace state carries across chunk boundaries")
    func whitespaceAcrossFeeds() {
        let text = "một  \r\n\r\n\u{00A0} hai\r"
        let bytes = Array(text.utf8)
        // Feed one byte at a time through the cleaner: the result must equal the one-piece result.
        var cleaner = WhitespaceCleaner()
        var out: [UInt8] = []
        var k = 0
        while k < bytes.count {
            var width = 1
            while k + width < bytes.count && bytes[k + width] & 0xC0 == 0x80 { width += 1 }
            bytes[k..<(k + width)].withUnsafeBufferPointer { cleaner.clean($0, into: &out) }
            k += width
        }
        #expect(String(decoding: out, as: UTF8.self) == "một\n\nhai")
    }

    @Test("Tones can be left as written")
    func keepTones() {
        #expect(VietnameseNormalizer.normalize("hoà  hòa", options: NormalizationOptions(tones: nil)) == "hoà hòa")
    }

    @Test("The byte-level NFC shortcut agrees with ICU's quick check on every scalar it accepts")
    func trivialNFCAgreesWithICU() {
        var disagreements: [UInt32] = []
        for range in [0x0000...0x02FF, 0x1E00...0x1EFF, 0x2010...0x20BF] as [ClosedRange<UInt32>] {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let utf8 = Array(String(scalar).utf8)
                let shortcut = utf8.withUnsafeBufferPointer { VietnameseNormalizer.isTriviallyNFC($0) }
                guard shortcut else { continue }
                let units = Array(String(scalar).utf16)
                var status: Int32 = 0
                let span = units.withUnsafeBufferPointer { vn_nfc_span_yes($0.baseAddress, Int32($0.count), &status) }
                if span != Int32(units.count) || vn_combining_class(v) != 0 { disagreements.append(v) }
            }
        }
        #expect(disagreements.isEmpty, "accepted but not NFC-inert: \(disagreements.map { String($0, radix: 16) })")
        // And it refuses combining marks.
        #expect(Array("a\u{0301}".utf8).withUnsafeBufferPointer { VietnameseNormalizer.isTriviallyNFC($0) } == false)
    }

    @Test("Folded search key", arguments: [
        ("Thừa Thiên - Huế", "thua thien - hue"),
        ("ĐẮK NÔNG", "dak nong"),
        ("Đà Nẵng", "da nang"),
        ("Hòa Bình", "hoa binh"),
        ("Ho\u{0300}a Bi\u{0300}nh", "hoa binh"),
        ("Bà Rịa – Vũng Tàu", "ba ria – vung tau"),
        ("TP.HCM", "tp.hcm"),
    ])
    func fold(input: String, expected: String) {
        #expect(Folding.fold(input) == expected)
    }

    @Test("Windows-1258 bytes decode through ICU, tone marks composed by NFC")
    func windows1258() throws {
        // "Hòa bình" in Windows-1258: o + combining grave (0xCC), i + combining grave.
        let bytes: [UInt8] = [0x48, 0x6F, 0xCC, 0x61, 0x20, 0x62, 0x69, 0xCC, 0x6E, 0x68]
        let decoded = try ICU.decode(bytes, charset: "windows-1258")
        let text = VietnameseNormalizer.normalize(String(decoding: decoded, as: UTF8.self))
        #expect(text == "Hòa bình")
        // 0x81 is not defined in Windows-1258; ICU passes it through as the C1 control U+0081
        // (the text reader detects that and refuses the file).
        #expect(try ICU.decode([0x41, 0x81], charset: "windows-1258") == [0x41, 0xC2, 0x81])
        #expect(throws: ICU.Failure.self) { try ICU.decode([0x41], charset: "no-such-charset") }
    }

    @Test("Vietnamese score tells Vietnamese from other text")
    func score() {
        let vi = VietnameseScore.measure("Sở Y tế xây dựng kế hoạch triển khai thực hiện thỏa thuận hợp tác")
        #expect(vi.syllableShare > 0.9)
        #expect(vi.markedSyllables >= 8)
        let en = VietnameseScore.measure("The Health Partnership Group meets twice a year in Hanoi")
        #expect(en.markedSyllables == 0)
    }
}
