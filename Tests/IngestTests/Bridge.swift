import Foundation
import VietnameseText

/// Test-only access to ICU's encoder (through the one wrapper file).
enum VietnameseTextBridge {
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// Windows-1258 bytes the way Vietnamese keyboards wrote them: letters with their quality
    /// marks precomposed (â ă ê ô ơ ư đ), tone marks as separate combining bytes.
    static func encode(_ text: String) throws -> [UInt8] {
        var out = String.UnicodeScalarView()
        for character in text.precomposedStringWithCanonicalMapping {
            let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            let tones = scalars.filter { toneMarks.contains($0) }
            let rest = String(String.UnicodeScalarView(scalars.filter { !toneMarks.contains($0) })).precomposedStringWithCanonicalMapping
            out.append(contentsOf: rest.unicodeScalars)
            out.append(contentsOf: tones)
        }
        return try ICU.encode(Array(String(out).utf8), charset: "windows-1258")
    }
}
