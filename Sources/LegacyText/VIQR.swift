/// VIQR (RFC 1456): Vietnamese in ASCII, each vowel followed by its quality mark `(` `^` `+` and
/// tone mark `'` `` ` `` `?` `~` `.`, `dd` for đ. A backslash before a mark character (or `d`,
/// or a backslash) makes it literal: `Ha\. ` keeps the full stop. Decoded only when asked:
/// ordinary English punctuation looks like VIQR, so it is never detected automatically.
enum VIQR {
    /// The mnemonics, read from `Resources/viqr.txt`.
    struct Rules: Sendable {
        var source = ""
        /// Mark character -> combining scalar (0 = not a mark).
        var marks = [UInt32](repeating: 0, count: 128)
        /// Two-letter spellings of đ and Đ.
        var letters: [(text: [UInt8], scalar: UInt32)] = []
        var escape: UInt8 = UInt8(ascii: "\\")

        init(parsing text: String) {
            for rawLine in text.split(separator: "\n") {
                if rawLine.hasPrefix("# source:") {
                    source = String(rawLine.dropFirst("# source:".count).drop(while: { $0 == " " }))
                    continue
                }
                if rawLine.hasPrefix("#") { continue }
                let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 3, let value = UInt32(fields[2], radix: 16) else { continue }
                let spelled = Array(fields[1].utf8)
                switch fields[0] {
                case "mark" where spelled.count == 1 && spelled[0] < 0x80:
                    marks[Int(spelled[0])] = value
                case "letter" where !spelled.isEmpty:
                    letters.append((spelled, value))
                case "escape" where spelled.count == 1:
                    escape = spelled[0]
                default:
                    continue
                }
            }
        }
    }

    static let rules = Rules(parsing: TableFile.resourceText("viqr") ?? "")

    static let breve: UInt32 = 0x0306, circumflex: UInt32 = 0x0302, horn: UInt32 = 0x031B

    @inline(__always) static func isVowel(_ b: UInt8) -> Bool {
        switch b | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): true
        default: false
        }
    }

    /// Whether a quality mark can sit on this ASCII vowel (a( a^ e^ o^ o+ u+).
    @inline(__always) static func takesQuality(_ vowel: UInt8, _ mark: UInt32) -> Bool {
        switch (vowel | 0x20, mark) {
        case (UInt8(ascii: "a"), breve), (UInt8(ascii: "a"), circumflex), (UInt8(ascii: "e"), circumflex),
             (UInt8(ascii: "o"), circumflex), (UInt8(ascii: "o"), horn), (UInt8(ascii: "u"), horn): true
        default: false
        }
    }

    @inline(__always) static func isQuality(_ mark: UInt32) -> Bool { mark == breve || mark == circumflex || mark == horn }

    static func isEscapable(_ b: UInt8, _ r: Rules) -> Bool {
        b == r.escape || b == UInt8(ascii: "d") || b == UInt8(ascii: "D") || (b < 0x80 && r.marks[Int(b)] != 0)
    }

    /// Appends the decoded text (letters followed by combining marks; the caller composes).
    static func decode(_ input: UnsafeBufferPointer<UInt8>, uppercase: Bool, into out: inout [UInt8]) {
        let r = rules
        let n = input.count
        var i = 0
        @inline(__always) func emit(_ b: UInt8) {
            out.append(uppercase && b >= 0x61 && b <= 0x7A ? b - 0x20 : b)
        }
        while i < n {
            let b = input[i]
            if b == r.escape, i + 1 < n, isEscapable(input[i + 1], r) {
                emit(input[i + 1])
                i += 2
                continue
            }
            if let letter = r.letters.first(where: { spelled in
                spelled.text.count <= n - i && spelled.text.indices.allSatisfy { input[i + $0] == spelled.text[$0] }
            }) {
                UTF8Writer.append(uppercase ? UTF8Writer.upper(letter.scalar) : letter.scalar, to: &out)
                i += letter.text.count
                continue
            }
            emit(b)
            i += 1
            guard isVowel(b) else { continue }
            if i < n, input[i] < 0x80 {
                let mark = r.marks[Int(input[i])]
                if isQuality(mark), takesQuality(b, mark) {
                    UTF8Writer.append(mark, to: &out)
                    i += 1
                }
            }
            if i < n, input[i] < 0x80 {
                let mark = r.marks[Int(input[i])]
                if mark != 0, !isQuality(mark) {
                    UTF8Writer.append(mark, to: &out)
                    i += 1
                }
            }
        }
    }

    /// `text` (NFC) in VIQR, escaping mark characters that would otherwise join a letter.
    static func encode(_ text: String) -> [UInt8]? {
        let r = rules
        var markChar = [UInt32: UInt8]()
        for b in 0..<128 where r.marks[b] != 0 { markChar[r.marks[b]] = UInt8(b) }
        var spelling = [UInt32: [UInt8]]()
        for letter in r.letters.reversed() { spelling[letter.scalar] = letter.text }
        let scalars = text.unicodeScalars.map(\.value)
        var out: [UInt8] = []
        // What a following mark character would join: the last vowel, whether it has a quality
        // mark and a tone.
        var open: (vowel: UInt8, quality: Bool, tone: Bool)?
        for (index, value) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : 0
            if let split = split(value, markChar: markChar) {
                out.append(split.base)
                if let q = split.quality { out.append(q) }
                if let t = split.tone { out.append(t) }
                open = (split.base, split.quality != nil, split.tone != nil)
                continue
            }
            if let spelled = spelling[value] {
                out.append(contentsOf: spelled)
                open = nil
                continue
            }
            if value < 0x80 {
                let b = UInt8(value)
                let mark = r.marks[Int(b)]
                var literal = false
                if mark != 0, let o = open {
                    literal = isQuality(mark) ? (!o.quality && !o.tone && takesQuality(o.vowel, mark)) : !o.tone
                }
                let startsD = (b | 0x20) == UInt8(ascii: "d")
                    && (next == 0x64 || next == 0x44 || spelling[next] != nil)
                    && r.letters.contains(where: { $0.text.first == b })
                // The first byte the next character will be written with (đ is written "dd").
                let nextByte: UInt8? = next < 0x80 ? UInt8(next) : spelling[next]?.first
                let escapesNext = b == r.escape && nextByte.map { isEscapable($0, r) } == true
                if literal || startsD || escapesNext {
                    out.append(r.escape)
                }
                out.append(b)
                open = nil
                continue
            }
            UTF8Writer.append(value, to: &out)
            open = nil
        }
        return out
    }

    /// A Vietnamese vowel letter as ASCII base, quality character and tone character.
    static func split(_ value: UInt32, markChar: [UInt32: UInt8]) -> (base: UInt8, quality: UInt8?, tone: UInt8?)? {
        if value < 0x80 {
            let b = UInt8(value)
            return isVowel(b) ? (b, nil, nil) : nil
        }
        guard let decomposition = VIQRLetters.decompositions[value] else { return nil }
        return (decomposition.base,
                decomposition.quality.flatMap { markChar[$0] },
                decomposition.tone.flatMap { markChar[$0] })
    }
}

/// Vowel letter -> ASCII base, quality mark and tone mark (combining scalars), for VIQR.
enum VIQRLetters {
    static let decompositions: [UInt32: (base: UInt8, quality: UInt32?, tone: UInt32?)] = {
        var out: [UInt32: (base: UInt8, quality: UInt32?, tone: UInt32?)] = [:]
        for upper in [false, true] {
            for base in VietnameseLetters.vowelBases {
                var scalars = base
                if upper { scalars[0] -= 0x20 }
                let ascii = UInt8(scalars[0])
                let quality = scalars.count > 1 ? scalars[1] : nil
                for tone in [nil] + VietnameseLetters.toneMarks.map(Optional.some) {
                    guard let letter = VietnameseLetters.compose(scalars + (tone.map { [$0] } ?? [])), letter >= 0x80 else { continue }
                    out[letter] = (ascii, quality, tone)
                }
            }
        }
        return out
    }()
}
