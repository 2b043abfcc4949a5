public import Foundation
import VietnameseText

/// Windows-1258 test input the way Vietnamese keyboards wrote it: letters with their quality
/// marks precomposed (â ă ê ô ơ ư đ), tone marks as separate combining bytes. Encoded through
/// ICU's converter, so the tests share one encoder.
public enum Windows1258 {
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    public static func encode(_ text: String) throws -> [UInt8] {
        var out = String.UnicodeScalarView()
        for character in text.precomposedStringWithCanonicalMapping {
            let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            let base = String(String.UnicodeScalarView(scalars.filter { !toneMarks.contains($0) })).precomposedStringWithCanonicalMapping
            out.append(contentsOf: base.unicodeScalars)
            out.append(contentsOf: scalars.filter { toneMarks.contains($0) })
        }
        return try ICU.encode(Array(String(out).utf8), charset: "windows-1258")
    }
}
