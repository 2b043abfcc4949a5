import Testing
import VietnameseText
@testable import LegacyText

/// Every Vietnamese letter, in both cases, survives encode + decode in every encoding.
@Suite("Round trips over the alphabet")
struct RoundTripTests {
    static let letters: [String] = VietnameseLetters.all.compactMap { Unicode.Scalar($0).map { String(Character($0)) } }

    @Test("The alphabet has 144 vowel letters and đ Đ")
    func alphabet() {
        #expect(Self.letters.count == 146)
        #expect(Set(Self.letters).count == 146)
        #expect(Self.letters.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }.count == 134)
    }

    @Test("Each letter round-trips", arguments: LegacyEncoding.allCases)
    func eachLetter(_ encoding: LegacyEncoding) throws {
        for letter in Self.letters {
            let bytes = try #require(LegacyDecoder.encode(letter, as: encoding), "\(encoding) cannot write \(letter)")
            let isCapital = letter.lowercased() != letter
            // TCVN3 writes toned capitals with lowercase codes, drawn as capitals by .VnTimeH.
            let uppercase = encoding == .tcvn3 && isCapital
            #expect(LegacyDecoder.decode(bytes, as: encoding, uppercase: uppercase) == letter, "\(encoding): \(letter) -> \(bytes)")
        }
    }

    @Test("A sentence round-trips, mark characters and all", arguments: LegacyEncoding.allCases)
    func sentence(_ encoding: LegacyEncoding) throws {
        let text = "Điều 1. Hà Nội, ngày 31 tháng 3 năm 2003: \"quyết định\" (số 28/2003/NĐ-CP) - thuỷ, khoẻ? Được. Bộ Y tế."
        let bytes = try #require(LegacyDecoder.encode(text, as: encoding))
        #expect(LegacyDecoder.decode(bytes, as: encoding) == text)
    }

    @Test("TCVN3 capitals written under an all-capital font")
    func tcvn3Capitals() throws {
        let heading = "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ Y TẾ"
        let bytes = try #require(LegacyDecoder.encode(heading, as: .tcvn3))
        #expect(LegacyDecoder.decode(bytes, as: .tcvn3, uppercase: true) == heading)
        #expect(LegacyDecoder.decode(bytes, as: .tcvn3) == "QUYếT ĐịNH CủA Bộ TRƯởNG Bộ Y Tế")
    }

    @Test("Decoded text is NFC", arguments: LegacyEncoding.allCases)
    func nfc(_ encoding: LegacyEncoding) throws {
        let text = Self.letters.joined(separator: " ")
        let bytes = try #require(LegacyDecoder.encode(text, as: encoding))
        let back = LegacyDecoder.decode(bytes, as: encoding, uppercase: false)
        #expect(back == ICU.nfc(back))
    }

    @Test("Characters an encoding cannot write make encode return nil")
    func unencodable() {
        #expect(LegacyDecoder.encode("Привет", as: .tcvn3) == nil)
        #expect(LegacyDecoder.encode("中文", as: .vni) == nil)
        #expect(LegacyDecoder.encode("€", as: .viscii) == nil)
    }
}
