import Testing
@testable import LegacyText

/// VIQR (RFC 1456): decoded only when asked, with backslash escapes.
@Suite("VIQR")
struct VIQRTests {
    @Test("Decodes marks after vowels", arguments: [
        ("Vie^.t Nam", "Việt Nam"),
        ("Ha` No^.i", "Hà Nội"),
        ("dda^'t nu+o+'c", "đất nước"),
        ("DDa(ng Quy`nh", "Đăng Quỳnh"),
        ("Dda(ng", "Đăng"),
        ("tru+o+`ng ho.c", "trường học"),
        ("khoe?", "khoẻ"), ("kho?e", "khỏe"),
        ("ca'c ba.n", "các bạn"),
        ("A^'N DDO^.", "ẤN ĐỘ"),
    ])
    func decodes(_ viqr: String, _ text: String) {
        #expect(LegacyDecoder.decode(Array(viqr.utf8), as: .viqr) == text)
    }

    @Test("A backslash keeps a mark character literal", arguments: [
        ("Ha` No^.i\\.", "Hà Nội."),
        ("Anh ddi dda^u\\?", "Anh đi đâu?"),
        ("a\\(b)", "a(b)"), ("a\\)", "a\\)"),
        ("d\\d", "dd"),
        ("C:\\\\temp", "C:\\temp"),
        ("C:\\temp", "C:\\temp"),
    ])
    func escapes(_ viqr: String, _ text: String) {
        #expect(LegacyDecoder.decode(Array(viqr.utf8), as: .viqr) == text)
    }

    @Test("Marks after consonants and invalid quality marks stay literal")
    func literal() {
        #expect(LegacyDecoder.decode(Array("b' e( i^ x.".utf8), as: .viqr) == "b' e( i^ x.")
    }

    @Test("Encoding escapes what would otherwise join a letter, and round-trips", arguments: [
        "Hà Nội. Anh đi đâu? Tôi đi học.",
        "a(b) e^ i. (ghi chú)",
        "Address: C:\\temp\\dd, add dd.",
        "Đồng Đăng, đđ Dd",
        "C:\\đường\\dd\\ \\",
    ])
    func encodes(_ text: String) throws {
        let viqr = try #require(LegacyDecoder.encode(text, as: .viqr))
        #expect(LegacyDecoder.decode(viqr, as: .viqr) == text, "\(String(decoding: viqr, as: UTF8.self))")
    }

    @Test("Encodes to the RFC mnemonics")
    func mnemonics() throws {
        let viqr = try #require(LegacyDecoder.encode("Việt Nam đất nước", as: .viqr))
        #expect(String(decoding: viqr, as: UTF8.self) == "Vie^.t Nam dda^'t nu+o+'c")
    }

    @Test("VIQR is never detected or repaired on its own", arguments: [
        "What? Really. I'm done (maybe) - don't worry^ about it.",
        "Vie^.t Nam dda^'t nu+o+'c",
    ])
    func neverAutomatic(_ text: String) {
        #expect(LegacyRepair.repair(text).text == text)
        #expect(LegacyDetect.detect(Array(text.utf8)) == nil)
    }
}
