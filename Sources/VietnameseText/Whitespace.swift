/// Whitespace made uniform, over UTF-8 bytes and across chunk boundaries:
///
/// - CRLF, CR, U+2028, NEL, VT and FF end a line; U+2029 ends a paragraph;
/// - no-break and other Unicode spaces and tabs become spaces, and runs of them one space;
/// - zero-width characters, soft hyphens, stray byte-order marks, bidi marks and C0 controls go;
/// - lines are trimmed at both ends, runs of blank lines become one blank line (a paragraph
///   break), and the text neither starts nor ends with whitespace.
public struct WhitespaceCleaner: Sendable {
    private var pendingSpace = false
    private var pendingNewlines = 0
    private var atLineStart = true
    private var atStart = true
    private var afterCR = false

    public init() {}

    private enum Kind: UInt8 { case plain = 0, space, lf, cr, control, newline, lead }

    private static let kinds: [UInt8] = {
        var t = [UInt8](repeating: Kind.plain.rawValue, count: 256)
        for b in 0..<0x20 { t[b] = Kind.control.rawValue }
        t[0x7F] = Kind.control.rawValue
        t[0x09] = Kind.space.rawValue
        t[0x20] = Kind.space.rawValue
        t[0x0A] = Kind.lf.rawValue
        t[0x0D] = Kind.cr.rawValue
        t[0x0B] = Kind.newline.rawValue
        t[0x0C] = Kind.newline.rawValue
        for b in [0xC2, 0xE1, 0xE2, 0xE3, 0xEF] { t[b] = Kind.lead.rawValue }
        return t
    }()

    private enum Special { case none, space, newline, paragraph, remove }

    /// Classifies the multi-byte sequence at `i` (its lead byte is one of C2 E1 E2 E3 EF).
    @inline(__always)
    private static func special(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Special, Int) {
        let n = p.count
        let b = p[i]
        if b == 0xC2 {
            guard i + 1 < n else { return (.none, 1) }
            switch p[i + 1] {
            case 0xA0: return (.space, 2)        // NO-BREAK SPACE
            case 0xAD: return (.remove, 2)       // SOFT HYPHEN
            case 0x85: return (.newline, 2)      // NEXT LINE
            case 0x80...0x9F: return (.remove, 2) // C1 controls
            default: return (.none, 2)
            }
        }
        guard i + 2 < n else { return (.none, 1) }
        let c = p[i + 1], d = p[i + 2]
        switch (b, c) {
        case (0xE1, 0x9A) where d == 0x80: return (.space, 3)                  // OGHAM SPACE MARK
        case (0xE2, 0x80):
            switch d {
            case 0x80...0x8A, 0xAF: return (.space, 3)                           // EN QUAD ... HAIR SPACE, NNBSP
            case 0x8B...0x8F, 0xAA...0xAE: return (.remove, 3)                   // ZW*, LRM/RLM, bidi embeddings
            case 0xA8: return (.newline, 3)                                      // LINE SEPARATOR
            case 0xA9: return (.paragraph, 3)                                    // PARAGRAPH SEPARATOR
            default: return (.none, 3)
            }
        case (0xE2, 0x81):
            switch d {
            case 0x9F: return (.space, 3)                                        // MEDIUM MATHEMATICAL SPACE
            case 0xA0...0xA4, 0xA6...0xAF: return (.remove, 3)                   // WORD JOINER, invisible operators, bidi isolates
            default: return (.none, 3)
            }
        case (0xE3, 0x80) where d == 0x80: return (.space, 3)                  // IDEOGRAPHIC SPACE
        case (0xEF, 0xBB) where d == 0xBF: return (.remove, 3)                 // ZWNBSP / stray BOM
        default: return (.none, 1)
        }
    }

    /// Appends the cleaned form of `input` to `out`. `input` must end at a scalar boundary.
    public mutating func clean(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = input.count
        var i = 0
        var runStart = -1  // start of the content run being copied, -1 when none
        Self.kinds.withUnsafeBufferPointer { kinds in
        @inline(__always) func flush(_ end: Int) {
            if runStart >= 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<end]))
                runStart = -1
            }
        }
        while i < n {
            // Inside a run of content, skip plain bytes, and a single space or line end between
            // plain bytes, which are already as they should be: the run is copied in one piece.
            if runStart >= 0 {
                while i < n {
                    let b = input[i]
                    if kinds[Int(b)] == 0 {
                        i += 1
                    } else if (b == 0x20 || b == 0x0A) && i + 1 < n && kinds[Int(input[i + 1])] == 0 {
                        i += 2
                    } else {
                        break
                    }
                }
                if i == n { break }
            }
            let kindRaw = kinds[Int(input[i])]
            var special = Special.none
            var width = 1
            switch kindRaw {
            case Kind.plain.rawValue: break
            case Kind.space.rawValue: special = .space
            case Kind.lf.rawValue:
                if afterCR {  // the LF of a CRLF split across calls or not: already counted
                    afterCR = false
                    flush(i)
                    i += 1
                    continue
                }
                special = .newline
            case Kind.cr.rawValue: special = .newline
            case Kind.control.rawValue: special = .remove
            case Kind.newline.rawValue: special = .newline
            default: (special, width) = Self.special(input, i)
            }
            afterCR = kindRaw == Kind.cr.rawValue
            if special == .none {
                if runStart < 0 {
                    // Content begins: emit what whitespace stood before it.
                    if pendingNewlines > 0 {
                        if !atStart { out.append(0x0A); if pendingNewlines > 1 { out.append(0x0A) } }
                    } else if pendingSpace && !atLineStart {
                        out.append(0x20)
                    }
                    pendingNewlines = 0
                    pendingSpace = false
                    atLineStart = false
                    atStart = false
                    runStart = i
                }
                i += width
                continue
            }
            flush(i)
            switch special {
            case .space:
                if !atLineStart { pendingSpace = true }
            case .newline, .paragraph:
                pendingSpace = false
                pendingNewlines += special == .paragraph ? 2 : 1
                atLineStart = true
            case .remove, .none:
                break
            }
            i += width
        }
        flush(n)
        }
    }
}
