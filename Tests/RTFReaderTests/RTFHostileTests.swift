import DocumentModel
import RTFReader
import Testing

/// Broken and hostile RTF: typed errors for what cannot be read, warnings where the text is
/// still there, and never a trap, a hang or unbounded memory.
@Suite struct RTFHostileTests {
    @Test func deepNestingIsRefused() {
        let bytes = Array("{\\rtf1 ".utf8) + [UInt8](repeating: UInt8(ascii: "{"), count: 200_000) + Array("x".utf8)
        RTF.expectFailure(bytes, code: .limitExceeded, mentions: "read.rtf_max_depth")
    }

    @Test(arguments: [(10, true), (11, false)])
    func nestingLimitIsExact(_ depth: Int, _ reads: Bool) {
        // The outer {\rtf1 group is level 1.
        let rtf = "{\\rtf1 " + String(repeating: "{", count: depth - 1) + "x" + String(repeating: "}", count: depth - 1) + "}"
        let error = RTF.failure(Array(rtf.utf8), RTFReadOptions(maxDepth: 10))
        #expect((error == nil) == reads, "\(String(describing: error))")
    }

    @Test func hugeBinaryLengthIsMalformed() {
        RTF.expectFailure(Array("{\\rtf1 {\\pict\\bin2147483647 abc}}".utf8), code: .malformed, mentions: "\\bin")
        RTF.expectFailure(Array("{\\rtf1 {\\pict\\bin99999999999999999999 abc}}".utf8), code: .malformed, mentions: "only 5 remain")
    }

    @Test func negativeBinaryLengthIsIgnored() throws {
        #expect(try RTF.read("{\\rtf1 {\\pict\\bin-5 ab}ok}").text == "ok")
    }

    @Test func unterminatedGroupsKeepTheTextWithAWarning() throws {
        let document = try RTF.read(String(RTF.document("first\\par {\\b second {\\i third").dropLast()))
        #expect(RTF.blockTexts(document) == ["first", "second third"])
        #expect(document.warnings.map(\.code) == ["rtf-unterminated"])
    }

    @Test func textAfterTheClosingBraceIsIgnored() throws {
        let document = try RTF.read("{\\rtf1 body\\par}}}} trailing {\\rtf1 again}")
        #expect(RTF.blockTexts(document) == ["body"])
        #expect(document.warnings.isEmpty)
    }

    @Test func truncatedEscapes() throws {
        for tail in ["\\", "\\'", "\\'b", "\\u", "\\u-", "\\uc9999999999\\u65"] {
            let document = try RTF.read("{\\rtf1 ok" + tail)
            #expect(document.text.hasPrefix("ok"), "\(tail)")
        }
    }

    @Test func unicodeSkipCannotEscapeItsGroup() throws {
        #expect(try RTF.read("{\\rtf1 {\\uc1000000\\u65 lost}kept}").text == "Akept")
    }

    @Test func manyGroupsAndControlWordsStayFast() throws {
        // 2 MB of small groups and control words: linear time, memory bounded by the text kept.
        var rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}"
        let chunk = "{\\b\\i\\fs24\\f0 w\\'e0rd} "
        rtf += String(repeating: chunk, count: 2_000_000 / chunk.utf8.count)
        rtf += "\\par}"
        let clock = ContinuousClock()
        var document: Document?
        let elapsed = try clock.measure { document = try RTF.read(rtf) }
        #expect(document?.blocks.count == 1)
        #expect(elapsed < .seconds(20))
    }

    /// Random corruption of a valid file (fixed seed): every result is a document or a typed error.
    @Test func randomCorruption() {
        let original = Array(RTF.document("""
            {\\info{\\title T\\'e0}}{\\header h\\par}\\pard\\f1 S\\'e8 \\u7897?\\par
            \\trowd\\pard\\intbl a\\cell b\\cell\\row {\\field{\\*\\fldinst X}{\\fldrslt r}}{\\pict\\bin3 abc}\\par
            """).utf8)
        var rng = SplitMix64(seed: 0xC0FFEE)
        let alphabet = Array("{}\\'u0123456789abcdef -;*".utf8)
        for _ in 0..<500 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 6)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                bytes[at] = rng.next() % 2 == 0 ? alphabet[Int(rng.next() % UInt64(alphabet.count))] : UInt8(truncatingIfNeeded: rng.next())
            }
            if rng.next() % 4 == 0 { bytes.removeLast(Int(rng.next() % UInt64(bytes.count))) }
            do {
                let document = try RTF.read(bytes)
                #expect(document.text.unicodeScalars.count <= bytes.count)
                #expect(document.contractViolation() == nil)
            } catch {
                #expect([.malformed, .limitExceeded].contains(error.code), "\(error)")
            }
        }
    }
}

/// A small deterministic generator for the corruption test.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
