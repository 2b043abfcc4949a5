import VietnameseText

/// `Scoring.measureAsRead` without the copy it scores, piece by piece.
///
/// The copy differs from the line in two ways only: suspicious characters become `ß` (a letter
/// that makes its word invalid) and one-letter runs become spaces. Both are decided here as the
/// scalars go by, and the words are split as `VietnameseScore` splits the copy:
///
///     line ──► pieces between ASCII separators ──► known piece? ──yes──► its counts (cache)
///                                                       │ no
///                                                       ▼
///     scalar ──► class (one table lookup) ──► run of letters ──► one letter when it ends?
///                                                 │                  yes: the word is cut there
///                                                 ▼
///                                  word of the copy ──► ends: counted, and a possible
///                                                       syllable is checked on its own bytes
///                                                       (which are the copy's)
///
/// An ASCII byte that is neither a letter nor a digit (a space, punctuation) ends every run,
/// word and case sequence, so a line's counts are the sums of its pieces' (syllables less case
/// breaks taken at the end), and a text repeats its pieces: each is scored once.
///
/// A word that starts before a run's first letter is remembered when the run starts, so that
/// a run that ends after one letter (blanked in the copy: the word ends before it) can be undone.
/// Words whose case flips (a capital after a small letter: a wrong decoding) do not depend on
/// the blanking: a blanked letter stands alone between non-letters. Lines with a combining
/// mark (U+0300...U+037F), which the copy path composes first, are left to it (`nil`).
enum OnePassScore {
    /// The counts of a piece of a line (or of a whole line).
    struct Counts {
        var words = 0, syllables = 0, marked = 0, breaks = 0, suspicious = 0

        @inline(__always)
        static func += (a: inout Counts, b: Counts) {
            a.words &+= b.words
            a.syllables &+= b.syllables
            a.marked &+= b.marked
            a.breaks &+= b.breaks
            a.suspicious &+= b.suspicious
        }
    }

    /// The line's score, or nil when it holds a scalar in U+0300...U+037F.
    static func measure(_ utf8: UnsafeBufferPointer<UInt8>, classes: ScalarClasses,
                        words wordTables: VietnameseScore.Tables, cache: PieceCache) -> LineScore? {
        guard let base = utf8.baseAddress else { return LineScore() }
        let n = utf8.count
        let limit = base + n
        var total = Counts()
        var i = 0
        while i < n {
            while i < n && classes.separates(base[i]) { i &+= 1 }
            let start = i
            while i < n && !classes.separates(base[i]) { i &+= 1 }
            guard i > start else { break }
            guard let counts = cache.counts(base + start, count: i &- start, limit: limit, classes: classes, words: wordTables) else {
                return nil
            }
            total += counts
        }
        return LineScore(words: total.words, syllables: max(0, total.syllables &- total.breaks), marked: total.marked,
                         suspicious: total.suspicious)
    }

    /// The counts of a piece (or a line), or nil when it holds a scalar in U+0300...U+037F.
    static func counts(_ utf8: UnsafeBufferPointer<UInt8>, classes: ScalarClasses,
                       words wordTables: VietnameseScore.Tables) -> Counts? {
        guard let base = utf8.baseAddress else { return Counts() }
        let n = utf8.count
        var tally = Tally(tables: wordTables)
        var suspicious = 0
        // The word of the copy being read: its start (-1: none), its letters, whether it is
        // already invalid.
        var wordStart = -1, letters = 0, invalid = false
        // The run of letters: how many, where its first letter starts, and whether a word had
        // started before that letter (and was invalid then).
        var runLetters = 0, runStart = 0
        var wordBeforeRun = false, invalidBeforeRun = false
        // Words of letters in which a capital follows a small letter (once a word), on the copy.
        var breaks = 0, previousSmall = false, counted = false
        var i = 0
        while i < n {
            let at = i
            let b = base[i]
            let c: UInt8
            if b < 0x80 {
                c = classes.ascii(b)
                i &+= 1
            } else if b < 0xE0 && i &+ 1 < n {
                c = classes.low[Int(UInt32(b & 0x1F) << 6 | UInt32(base[i &+ 1] & 0x3F))]
                i &+= 2
                if c & (ScalarClasses.mark | ScalarClasses.suspicious) != 0 {
                    if c & ScalarClasses.mark != 0 { return nil }
                    suspicious &+= 1
                }
            } else {
                let (value, length) = UTF8Writer.scalar(at: i, in: utf8)
                c = classes.of(value)
                i &+= length
                if c & ScalarClasses.suspicious != 0 { suspicious &+= 1 }
            }
            if c & ScalarClasses.runLetter != 0 {
                // Run letters are letters of words of the copy.
                if runLetters == 0 {
                    runStart = at
                    wordBeforeRun = wordStart >= 0
                    invalidBeforeRun = invalid
                }
                runLetters &+= 1
                if wordStart < 0 {
                    wordStart = at
                    letters = 0
                    invalid = false
                }
                letters &+= 1
                if c & ScalarClasses.invalid != 0 { invalid = true }
                if c & ScalarClasses.capital != 0 {
                    if previousSmall && !counted {
                        breaks &+= 1
                        counted = true
                    }
                    previousSmall = false
                } else {
                    previousSmall = true
                }
                // Small ASCII letters, the most common case, in a tight loop.
                var k = i
                while k < n && base[k] &- 0x61 < 26 { k &+= 1 }
                if k > i {
                    runLetters &+= k &- i
                    letters &+= k &- i
                    previousSmall = true
                    i = k
                }
                continue
            }
            if runLetters == 1 {
                // The run's only letter is blanked in the copy: the word ends before it.
                if wordBeforeRun {
                    tally.add(base + wordStart, count: runStart &- wordStart, letters: letters &- 1, invalid: invalidBeforeRun)
                }
                wordStart = -1
            }
            runLetters = 0
            previousSmall = false
            counted = false
            if c & ScalarClasses.wordCharacter != 0 {
                if wordStart < 0 {
                    wordStart = at
                    letters = 0
                    invalid = false
                }
                if c & ScalarClasses.letter != 0 { letters &+= 1 }
                if c & ScalarClasses.invalid != 0 { invalid = true }
            } else if wordStart >= 0 {
                tally.add(base + wordStart, count: at &- wordStart, letters: letters, invalid: invalid)
                wordStart = -1
            }
        }
        if runLetters == 1 {
            if wordBeforeRun {
                tally.add(base + wordStart, count: runStart &- wordStart, letters: letters &- 1, invalid: invalidBeforeRun)
            }
            wordStart = -1
        }
        if wordStart >= 0 {
            tally.add(base + wordStart, count: n &- wordStart, letters: letters, invalid: invalid)
        }
        return Counts(words: tally.words, syllables: tally.syllables, marked: tally.marked, breaks: breaks,
                      suspicious: suspicious)
    }

    /// Words, syllables and marked syllables so far.
    struct Tally {
        let tables: VietnameseScore.Tables
        var words = 0, syllables = 0, marked = 0

        init(tables: VietnameseScore.Tables) { self.tables = tables }

        /// One word of the copy (its bytes are the line's: it holds no `ß` unless `invalid`).
        @inline(__always)
        mutating func add(_ start: UnsafePointer<UInt8>, count: Int, letters: Int, invalid: Bool) {
            guard letters > 0 else { return }
            words &+= 1
            // `VietnameseScore` takes no word of more than seven letters or with a character
            // that is not a Vietnamese letter; the rest it parses.
            guard !invalid, letters <= 7 else { return }
            let score = VietnameseScore.measure(UnsafeBufferPointer(start: start, count: count), tables: tables)
            syllables &+= score.syllables
            marked &+= score.markedSyllables
        }
    }
}

/// What `OnePassScore` needs to know about a scalar, as bits: from `AsRead.isSuspicious`,
/// `CapitalInference.isLetter`, the case tables, and how `VietnameseScore` splits words (ASCII
/// letters and digits, U+00C0...U+027F but × and ÷, U+1E00...U+1EFF; a suspicious character
/// stands for `ß`). Built once from those definitions; raw memory that lives as long as the
/// process, so hot loops copy the value into a local.
struct ScalarClasses: @unchecked Sendable {  // read-only memory, written once before publication
    /// A letter of a run (`measureAsRead`): suspicious, or `CapitalInference.isLetter`.
    static let runLetter: UInt8 = 1
    /// Suspicious (`AsRead.isSuspicious`): `ß` in the copy.
    static let suspicious: UInt8 = 2
    /// A capital (not for suspicious characters: `ß` is small).
    static let capital: UInt8 = 4
    /// Part of a word of the copy.
    static let wordCharacter: UInt8 = 8
    /// Counted as a letter of its word (all word characters but digits).
    static let letter: UInt8 = 16
    /// Makes its word invalid without parsing: a digit, or `ß`.
    static let invalid: UInt8 = 32
    /// U+0300...U+037F: combining marks and what `VietnameseScore` reads like them.
    static let mark: UInt8 = 64

    /// Classes of U+0000...U+07FF.
    let low: UnsafePointer<UInt8>
    /// Classes of U+1E00...U+1EFF.
    let latinExtended: UnsafePointer<UInt8>

    static let shared = ScalarClasses()

    init() {
        let flags = LetterFlags.shared
        func classify(_ v: UInt32) -> UInt8 {
            if AsRead.isSuspicious(v) { return Self.runLetter | Self.suspicious | Self.wordCharacter | Self.letter | Self.invalid }
            if v >= 0x0300 && v <= 0x037F { return Self.mark }
            var c: UInt8 = 0
            if CapitalInference.isLetter(v) {
                c |= Self.runLetter
                let capital = v < 0x80 ? (v >= 0x41 && v <= 0x5A) : flags.of(v) & LetterFlags.capital != 0
                if capital { c |= Self.capital }
            }
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { c |= Self.wordCharacter | Self.letter }
                if v >= 0x30 && v <= 0x39 { c |= Self.wordCharacter | Self.invalid }
            } else if (v >= 0xC0 && v <= 0x27F && v != 0xD7 && v != 0xF7) || (v >= 0x1E00 && v <= 0x1EFF) {
                c |= Self.wordCharacter | Self.letter
            }
            return c
        }
        let low = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x800)
        for v in 0..<UInt32(0x800) { low[Int(v)] = classify(v) }
        let latin = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x100)
        for v in 0..<UInt32(0x100) { latin[Int(v)] = classify(0x1E00 + v) }
        self.low = UnsafePointer(low)
        self.latinExtended = UnsafePointer(latin)
    }

    @inline(__always)
    func ascii(_ b: UInt8) -> UInt8 { low[Int(b)] }

    /// Whether a byte is an ASCII character that is neither a letter nor a digit: it ends every
    /// run, word and case sequence (class 0), in every decoding and as read.
    @inline(__always)
    func separates(_ b: UInt8) -> Bool { b < 0x80 && low[Int(b)] == 0 }

    @inline(__always)
    func of(_ v: UInt32) -> UInt8 {
        if v < 0x800 { return low[Int(v)] }
        if v &- 0x1E00 < 0x100 { return latinExtended[Int(v &- 0x1E00)] }
        return AsRead.isSuspicious(v) ? Self.runLetter | Self.suspicious | Self.wordCharacter | Self.letter | Self.invalid : 0
    }
}
