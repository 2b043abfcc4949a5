/// Splits NFC UTF-8 into words for the syllable-level passes (tone placement, the Vietnamese
/// score): a word is a run of ASCII letters and digits and Latin letters (U+00C0...U+024F,
/// U+1E00...U+1EFF); everything else separates words.
enum Words {
    struct Scan {
        var start: Int
        var end: Int
        /// Letters in the word (only the first 8 are decoded into the buffer).
        var count: Int
        /// Letters carrying a tone mark.
        var toned: Int
        /// Letters with Vietnamese-only marks (ă â ê ô ơ ư đ or a tone).
        var marked: Int
        /// False when the word has digits, non-Vietnamese letters or stray combining marks.
        var plausible: Bool
    }

    /// Calls `body` for each word with the decoded letters (first 8) in a scratch buffer that
    /// `body` may modify.
    @inline(__always)
    static func forEach(in input: UnsafeBufferPointer<UInt8>, _ body: (Scan, UnsafeMutableBufferPointer<Letter>) -> Void) {
        withUnsafeTemporaryAllocation(of: Letter.self, capacity: 8) { buf in
            forEach(in: input, scratch: buf, table: Letters.tables, body)
        }
    }

    /// The same with a scratch buffer (at least 8 letters) and the letter table supplied.
    @inline(__always)
    static func forEach(in input: UnsafeBufferPointer<UInt8>, scratch buf: UnsafeMutableBufferPointer<Letter>,
                        table: Letters.Tables, _ body: (Scan, UnsafeMutableBufferPointer<Letter>) -> Void) {
        let n = input.count
        var i = 0
        do {
            while i < n {
                var scan = Scan(start: i, end: i, count: 0, toned: 0, marked: 0, plausible: true)
                @inline(__always) func add(_ l: Letter) {
                    if scan.count < 8 { buf[scan.count] = l }
                    scan.count += 1
                    if l.tone != .level { scan.toned += 1 }
                    if l.tone != .level || (l.key >= Letters.ă && l.key <= Letters.đ) { scan.marked += 1 }
                }
                while i < n {
                    let b = input[i]
                    if b < 0x80 {
                        let lower = b | 0x20
                        if lower >= 0x61 && lower <= 0x7A {
                            add(Letter(key: lower, tone: .level, upper: b < 0x60))
                            i += 1
                        } else if b >= 0x30 && b <= 0x39 {
                            scan.plausible = false
                            i += 1
                        } else {
                            break
                        }
                    } else if b >= 0xC3 && b <= 0xC9 && i + 1 < n {
                        let scalar = UInt32(b & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
                        if scalar == 0xD7 || scalar == 0xF7 { break }  // × ÷
                        if let l = table.letter(scalar) { add(l) } else { scan.plausible = false; scan.count += 1 }
                        i += 2
                    } else if b == 0xE1 && i + 2 < n && input[i + 1] >= 0xB8 && input[i + 1] <= 0xBB {
                        let scalar = UInt32(b & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
                        if let l = table.letter(scalar) { add(l) } else { scan.plausible = false; scan.count += 1 }
                        i += 3
                    } else if (b == 0xCC || b == 0xCD) && i > scan.start {
                        // A combining mark that NFC left standing inside a word.
                        scan.plausible = false
                        i += 2
                    } else {
                        break
                    }
                }
                if i == scan.start {
                    i += utf8Length(input[i])  // not a word character
                    continue
                }
                scan.end = i
                body(scan, buf)
            }
        }
    }
}

/// How Vietnamese a piece of text looks: the share of its words that are Vietnamese syllables,
/// and how many carry Vietnamese-only marks. Used to decide whether a decoding is plausible.
public struct VietnameseScore: Sendable, Equatable {
    public var words = 0
    public var syllables = 0
    public var markedSyllables = 0

    /// Share of words (with letters) that parse as Vietnamese syllables.
    public var syllableShare: Double { words == 0 ? 0 : Double(syllables) / Double(words) }

    public init() {}

    /// Scores NFC UTF-8.
    public static func measure(_ input: UnsafeBufferPointer<UInt8>) -> VietnameseScore {
        var score = VietnameseScore()
        Words.forEach(in: input) { word, buf in
            guard word.count > 0 else { return }
            score.words += 1
            guard word.plausible, word.toned <= 1, word.count <= 7,
                  Syllable.parse(UnsafeBufferPointer(rebasing: buf[0..<word.count])) != nil else { return }
            score.syllables += 1
            if word.marked > 0 { score.markedSyllables += 1 }
        }
        return score
    }

    /// The tables `measure(_:tables:)` reads, for callers that score many short pieces (one
    /// word at a time, say) and would otherwise pay for the lazy globals on every call.
    public struct Tables: @unchecked Sendable {  // pointers to read-only memory
        let letters: Letters.Tables
        let syllables: Syllable.Tables
    }

    public static var tables: Tables { Tables(letters: Letters.tables, syllables: Syllable.tables) }

    /// The same as `measure(_:)`, with the tables held by the caller.
    public static func measure(_ input: UnsafeBufferPointer<UInt8>, tables: Tables) -> VietnameseScore {
        var score = VietnameseScore()
        withUnsafeTemporaryAllocation(of: Letter.self, capacity: 8) { scratch in
            Words.forEach(in: input, scratch: scratch, table: tables.letters) { word, buf in
                guard word.count > 0 else { return }
                score.words += 1
                guard word.plausible, word.toned <= 1, word.count <= 7,
                      Syllable.parse(UnsafeBufferPointer(rebasing: buf[0..<word.count]), tables.syllables) != nil else { return }
                score.syllables += 1
                if word.marked > 0 { score.markedSyllables += 1 }
            }
        }
        return score
    }

    public static func measure(_ text: String) -> VietnameseScore {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { measure(UnsafeBufferPointer($0)) }
    }
}
