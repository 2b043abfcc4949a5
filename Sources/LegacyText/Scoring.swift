import VietnameseText

/// How Vietnamese a line reads, on top of `VietnameseScore` (the syllable validator of
/// VietnameseText: onset, vowel nucleus, coda and one tone per word, on NFC).
struct LineScore: Equatable {
    /// Words with letters.
    var words = 0
    /// Words that are Vietnamese syllables, less the words whose case flips inside (`nhÊt`):
    /// decodings that turn bytes into capitals in the middle of words are wrong decodings.
    var syllables = 0
    /// Valid syllables with Vietnamese marks (tones, ă â ê ô ơ ư đ).
    var marked = 0
    /// Suspicious characters (`AsRead.isSuspicious`) left in the text.
    var suspicious = 0

    var invalid: Int { words - syllables }
    var share: Double { words == 0 ? 0 : Double(syllables) / Double(words) }
    /// Orders readings of one line: more valid than invalid words first, then more marks.
    var key: (Int, Int) { (2 * syllables - words, marked) }
}

enum Scoring {
    /// The score of a line for comparing readings: every suspicious character (µ ¸ § ® …)
    /// counts as a non-Vietnamese letter inside its word (`tiªu` is one invalid word, not `ti`
    /// and `u`), and one-letter words are left out (a decoding that turns a stray `±` or `·`
    /// into `ổ` or `ã` proves nothing).
    static func measureAsRead(_ utf8: UnsafeBufferPointer<UInt8>) -> LineScore {
        if let score = OnePassScore.measure(utf8, classes: ScalarClasses.shared, words: VietnameseScore.tables, cache: PieceCache(bits: 0)) {
            return score
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(utf8.count, 1)) { scratch in
            // Capacity is at least `utf8.count`, never zero, so there is a base address.
            guard let base = scratch.baseAddress else { return LineScore() }
            return measureAsReadByCopy(utf8, scratch: base, flags: LetterFlags.shared)
        }
    }

    /// The same, with `scratch` (room for `utf8.count` bytes) for the copy it may need.
    @inline(__always)
    static func measureAsRead(_ utf8: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>,
                              flags: LetterFlags, classes: ScalarClasses, words: VietnameseScore.Tables,
                              cache: PieceCache) -> LineScore {
        OnePassScore.measure(utf8, classes: classes, words: words, cache: cache)
            ?? measureAsReadByCopy(utf8, scratch: scratch, flags: flags)
    }

    /// `measureAsRead` as defined: the copy it scores is made in `scratch` (room for
    /// `utf8.count` bytes): suspicious characters become `ß` (two bytes, never more than they
    /// had), one-letter runs become spaces, and words whose case flips are counted on the way
    /// (a word counts once). `OnePassScore` gives the same without the copy, except for lines with
    /// combining marks, which this composes first.
    static func measureAsReadByCopy(_ utf8: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>,
                                    flags: LetterFlags) -> LineScore {
        let c = countsByCopy(utf8, scratch: scratch, flags: flags)
        return LineScore(words: c.words, syllables: max(0, c.syllables - c.breaks), marked: c.marked, suspicious: c.suspicious)
    }

    /// The counts behind `measureAsReadByCopy` (syllables before case breaks are taken off).
    static func countsByCopy(_ utf8: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutablePointer<UInt8>,
                             flags: LetterFlags) -> OnePassScore.Counts {
        let n = utf8.count
        var i = 0, o = 0
        // The current run of letters (suspicious characters count as letters): where it starts
        // in the copy, and how many letters it has.
        var runStart = 0, runLetters = 0
        var suspiciousCount = 0
        // Words in which a capital follows a small letter, on the copy: `ß` is a small letter,
        // a combining mark separates words.
        var breaks = 0
        var previousSmall = false, counted = false
        var hasMark = false
        while i < n {
            let b = utf8[i]
            if b < 0x80 {
                if (b | 0x20) &- 0x61 < 26 {
                    if runLetters == 0 { runStart = o }
                    runLetters &+= 1
                    if b < 0x60 {
                        if previousSmall && !counted { breaks &+= 1; counted = true }
                        previousSmall = false
                    } else {
                        previousSmall = true
                    }
                } else {
                    if runLetters == 1 { blank(scratch, runStart, o) }
                    runLetters = 0
                    previousSmall = false
                    counted = false
                }
                scratch[o] = b
                o &+= 1
                i &+= 1
                continue
            }
            let (value, length) = UTF8Writer.scalar(at: i, in: utf8)
            if AsRead.isSuspicious(value) {
                if runLetters == 0 { runStart = o }
                runLetters &+= 1
                suspiciousCount &+= 1
                previousSmall = true
                scratch[o] = 0xC3  // ß: a letter, but not a Vietnamese one
                scratch[o &+ 1] = 0x9F
                o &+= 2
                i &+= length
                continue
            }
            let f = flags.of(value)
            if f & LetterFlags.letter != 0 {
                if runLetters == 0 { runStart = o }
                runLetters &+= 1
                if f & LetterFlags.capital != 0 {
                    if previousSmall && !counted { breaks &+= 1; counted = true }
                    previousSmall = false
                } else {
                    previousSmall = true
                }
            } else {
                if value >= 0x0300 && value <= 0x036F {
                    hasMark = true
                } else {
                    if runLetters == 1 { blank(scratch, runStart, o) }
                    runLetters = 0
                }
                previousSmall = false
                counted = false
            }
            let end = min(n, i &+ length)
            while i < end {
                scratch[o] = utf8[i]
                o &+= 1
                i &+= 1
            }
        }
        if runLetters == 1 { blank(scratch, runStart, o) }
        let copy = UnsafeBufferPointer(start: scratch, count: o)
        let score: VietnameseScore
        // A mark inside a blanked run is gone from the copy.
        if hasMark && hasCombiningMark(copy) {
            let composed = LegacyDecoder.composed(Array(copy))
            score = composed.withUnsafeBufferPointer { VietnameseScore.measure($0) }
        } else {
            score = VietnameseScore.measure(copy)
        }
        return OnePassScore.Counts(words: score.words, syllables: score.syllables, marked: score.markedSyllables, breaks: breaks,
                                   suspicious: suspiciousCount)
    }

    @inline(__always)
    private static func blank(_ p: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) {
        var k = start
        while k < end {
            p[k] = 0x20
            k &+= 1
        }
    }

    /// Whether the UTF-8 holds a combining diacritic (U+0300...U+036F), which the syllable
    /// validator only reads after composition.
    static func hasCombiningMark(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b == 0xCC || (b == 0xCD && i + 1 < n && p[i + 1] <= 0xAF) { return true }
            i += 1
        }
        return false
    }
}
