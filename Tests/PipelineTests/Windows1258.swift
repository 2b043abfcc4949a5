import Foundation
import VietnameseText

/// Windows-1258 the way Vietnamese keyboards wrote it: letters with their quality marks
/// precomposed (â ă ê ô ơ ư đ), tone marks as separate combining bytes.
enum Windows1258 {
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    static func encode(_ text: String) throws -> [UInt8] {
        var out = String.UnicodeScalarView()
        for character in text.precomposedStringWithCanonicalMapping {
            let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
            let rest = String(String.UnicodeScalarView(scalars.filter { !toneMarks.contains($0) })).precomposedStringWithCanonicalMapping
            out.append(contentsOf: rest.unicodeScalars)
            out.append(contentsOf: scalars.filter { toneMarks.contains($0) })
        }
        // Characters Windows-1258 lacks (“ ” … are in it; emoji are not) stay out of the samples.
        return try ICU.encode(Array(String(out).utf8), charset: "windows-1258")
    }
}
