import Foundation
import Testing
@testable import LegacyText

/// Raw legacy bytes: which encoding they are in.
@Suite("Detection of raw legacy bytes")
struct LegacyDetectTests {
    /// Real text (the ground truth of a corpus document) written in each encoding.
    @Test("Text encoded in each byte encoding is detected as it", arguments: LegacyEncoding.byteEncodings)
    func encoded(_ encoding: LegacyEncoding) throws {
        let truth = SharedCorpus.groundTruth("tcvn3__2004-B6") ?? Self.sample
        let lowercase = truth.lowercased()  // TCVN3 has no toned capitals without a font
        let bytes = try #require(LegacyDecoder.encode(lowercase, as: encoding))
        let detection = try #require(LegacyDetect.detect(bytes))
        #expect(detection.encoding == encoding)
        #expect(detection.confidence > 0.5, "\(detection)")
    }

    @Test("The original bytes of the real documents are detected", arguments: SharedCorpus.asReadNames())
    func realBytes(_ name: String) throws {
        let asRead = try #require(SharedCorpus.asRead(name))
        // Back to the bytes the Word file held: each character's Windows-1252 byte.
        let bytes = asRead.unicodeScalars.compactMap { scalar -> UInt8? in
            let b = AsRead.byte(scalar.value)
            return b >= 0 ? UInt8(b) : nil
        }
        let detection = try #require(LegacyDetect.detect(bytes))
        #expect(detection.encoding == (name.hasPrefix("vni") ? .vni : .tcvn3))
        #expect(detection.confidence > 0.5, "\(detection)")
    }

    @Test("ASCII, English and Latin-1 European text are not Vietnamese", arguments: [
        "Plain ASCII text, nothing to see.",
        "Caf\u{E9} cr\u{E8}me br\u{FB}l\u{E9}e, na\u{EF}ve r\u{E9}sum\u{E9}, M\u{FC}ller Stra\u{DF}e, se\u{F1}or.",
    ])
    func notVietnamese(_ text: String) {
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        #expect(LegacyDetect.detect(bytes) == nil)
    }

    static let sample = "Căn cứ Nghị định số 86/2002/NĐ-CP ngày 05/11/2002 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ, cơ quan ngang Bộ"
}
