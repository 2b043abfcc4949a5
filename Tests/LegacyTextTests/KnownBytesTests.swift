import Testing
@testable import LegacyText

/// Bytes whose meaning the published tables state, decoded.
@Suite("Known bytes")
struct KnownBytesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var encoding: LegacyEncoding
        var bytes: [UInt8]
        var text: String
        var testDescription: String { "\(encoding.rawValue): \(text)" }
    }

    static let cases: [Case] = [
        // TCVN3: Sè = Số, ngµy = ngày, N§ = NĐ, ®Þnh = định, tr­êng = trường (0xAD is ư).
        Case(encoding: .tcvn3, bytes: [0x53, 0xE8], text: "Số"),
        Case(encoding: .tcvn3, bytes: [0x6E, 0x67, 0xB5, 0x79], text: "ngày"),
        Case(encoding: .tcvn3, bytes: [0x4E, 0xA7, 0x2D, 0x43, 0x50], text: "NĐ-CP"),
        Case(encoding: .tcvn3, bytes: [0xAE, 0xDE, 0x6E, 0x68], text: "định"),
        Case(encoding: .tcvn3, bytes: [0x74, 0x72, 0xAD, 0xEA, 0x6E, 0x67], text: "trường"),
        Case(encoding: .tcvn3, bytes: [0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7], text: "ĂÂÊÔƠƯĐ"),
        Case(encoding: .tcvn3, bytes: [0x93, 0x6D, 0xE9, 0x74, 0x94], text: "“một”"),
        // VNI: Soá = Số, Ñoäc laäp = Độc lập, Töï do = Tự do, QÑ = QĐ, ôù = ớ, ÖÙ = Ứ.
        Case(encoding: .vni, bytes: [0x53, 0x6F, 0xE1], text: "Số"),
        Case(encoding: .vni, bytes: [0xD1, 0x6F, 0xE4, 0x63, 0x20, 0x6C, 0x61, 0xE4, 0x70], text: "Độc lập"),
        Case(encoding: .vni, bytes: [0x54, 0xF6, 0xEF, 0x20, 0x64, 0x6F], text: "Tự do"),
        Case(encoding: .vni, bytes: [0x51, 0xD1], text: "QĐ"),
        Case(encoding: .vni, bytes: [0xF1, 0xF6, 0xF4], text: "đươ"),
        Case(encoding: .vni, bytes: [0x6D, 0xF4, 0xF9, 0x69], text: "mới"),
        Case(encoding: .vni, bytes: [0xD6, 0xD9, 0x6E, 0x67], text: "Ứng"),
        Case(encoding: .vni, bytes: [0x54, 0xC6, 0x4E, 0x48], text: "TỈNH"),
        Case(encoding: .vni, bytes: [0x6E, 0x67, 0x68, 0xF3, 0x61], text: "nghĩa"),
        Case(encoding: .vni, bytes: [0x68, 0x6F, 0x61, 0xEB, 0x63], text: "hoặc"),
        Case(encoding: .vni, bytes: [0x6C, 0x79, 0xF9], text: "lý"),
        // VISCII (RFC 1456): six letters on C0 codes.
        Case(encoding: .viscii, bytes: [0x02, 0x05, 0x06, 0x14, 0x19, 0x1E], text: "ẲẴẪỶỸỴ"),
        Case(encoding: .viscii, bytes: [0x56, 0x69, 0xAE, 0x74], text: "Việt"),
        // VPS: đ at 0xC7, Đ at 0xF1, Ạ at 0x02.
        Case(encoding: .vps, bytes: [0xF1, 0xC7, 0x02], text: "ĐđẠ"),
        Case(encoding: .vps, bytes: [0x56, 0x69, 0x8C, 0x74], text: "Việt"),
        // Windows-1258: tone marks are bytes of their own after the letter.
        Case(encoding: .windows1258, bytes: [0x56, 0x69, 0xEA, 0xF2, 0x74], text: "Việt"),
        Case(encoding: .windows1258, bytes: [0xD0, 0xF0, 0xE3, 0xEC], text: "Đđắ"),
        // VIQR (RFC 1456).
        Case(encoding: .viqr, bytes: Array("Vie^.t Nam, dda^'t nu+o+'c".utf8), text: "Việt Nam, đất nước"),
    ]

    @Test("Decodes", arguments: cases)
    func decodes(_ c: Case) {
        #expect(LegacyDecoder.decode(c.bytes, as: c.encoding) == c.text)
    }

    @Test("VNI tries the two-byte form first: a base letter and its mark byte are one letter")
    func vniTwoByteFirst() {
        // a + ù is á, not "aù"; ô alone is ơ, ô + ù is ớ; a mark byte after a consonant is itself.
        #expect(LegacyDecoder.decode([0x61, 0xF9], as: .vni) == "á")
        #expect(LegacyDecoder.decode([0xF4], as: .vni) == "ơ")
        #expect(LegacyDecoder.decode([0xF4, 0xF9], as: .vni) == "ớ")
        #expect(LegacyDecoder.decode([0x62, 0xF9], as: .vni) == "bù")
        #expect(LegacyDecoder.decode([0x61, 0xE2, 0xF9], as: .vni) == "âù")
        // A mark byte in the other case still marks the letter, which keeps its own case.
        #expect(LegacyDecoder.decode([0x41, 0xF9], as: .vni) == "Á")
        #expect(LegacyDecoder.decode([0x61, 0xD9], as: .vni) == "á")
        // Some converters spell í as i + ù.
        #expect(LegacyDecoder.decode([0x63, 0x68, 0x69, 0xF9, 0x6E, 0x68], as: .vni) == "chính")
    }

    @Test("TCVN3 0xAD is ư, never a soft hyphen to drop")
    func softHyphenIsU() {
        #expect(LegacyDecoder.decode([0xAD], as: .tcvn3) == "ư")
        #expect(LegacyDecoder.encode("ư", as: .tcvn3) == [0xAD])
        let repaired = LegacyRepair.repair("Thñ t\u{AD}íng ChÝnh phñ quyÕt ®Þnh vÒ ch\u{AD}¬ng tr×nh c¶i c¸ch hµnh chÝnh")
        #expect(repaired.text == "Thủ tướng Chính phủ quyết định về chương trình cải cách hành chính")
    }

    @Test("All-capital fonts: uppercase after decoding")
    func uppercase() {
        #expect(LegacyDecoder.decode([0x51, 0x55, 0x59, 0xD5, 0x54], as: .tcvn3, uppercase: true) == "QUYẾT")
        #expect(LegacyDecoder.decode([0x71, 0x75, 0x79, 0xD5, 0x74, 0x20, 0xAE, 0xDE, 0x6E, 0x68], as: .tcvn3, uppercase: true) == "QUYẾT ĐỊNH")
        #expect(LegacyDecoder.decode([0x53, 0x6F, 0xE1], as: .vni, uppercase: true) == "SỐ")
    }

    @Test("Undefined Windows-1258 bytes decode to U+FFFD")
    func replacement() {
        #expect(LegacyDecoder.decode([0x41, 0x8A], as: .windows1258) == "A\u{FFFD}")
    }

    @Test("The capitals TCVN3 codes directly, read from its table, are Ă Â Ê Ô Ơ Ư Đ (bytes 0xA1–0xA7)")
    func untonedCapitals() {
        #expect(CapitalInference.untonedCapitals == Set("ĂÂÊÔƠƯĐ".unicodeScalars.map(\.value)))
        let bytes = (0xA1...0xA7).map { UInt8($0) }
        #expect(LegacyDecoder.decode(bytes, as: .tcvn3) == "ĂÂÊÔƠƯĐ")
    }
}
