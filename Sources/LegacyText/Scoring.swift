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
    /// The score of decoded (or real Unicode) UTF-8.
    static func measure(_ utf8: [UInt8]) -> LineScore {
        utf8.withUnsafeBufferPointer { measure($0) }
    }

    static func measure(_ utf8: UnsafeBufferPointer<UInt8>) -> LineScore {
        let score: VietnameseScore
        if hasCombiningMark(utf8) {
            let composed = LegacyDecoder.composed(Array(utf8))
            score = composed.withUnsafeBufferPointer { VietnameseScore.measure($0) }
        } else {
            score = VietnameseScore.measure(utf8)
        }
        let breaks = caseBreaks(utf8)
        return LineScore(words: score.words, syllables: max(0, score.syllables - breaks), marked: score.markedSyllables)
    }

    /// The score of a line for comparing readings: every suspicious character (µ ¸ § ® …)
    /// counts as a non-Vietnamese letter inside its word (`tiªu` is one invalid word, not `ti`
    /// and `u`), and one-letter words are left out (a decoding that turns a stray `±` or `·`
    /// into `ổ` or `ã` proves nothing).
    static func measureAsRead(_ utf8: UnsafeBufferPointer<UInt8>) -> LineScore {
        var copy: [UInt8] = []
        copy.reserveCapacity(utf8.count)
        var i = 0
        // The current run of letters: where it starts in `copy`, and how many letters it has.
        var runStart = 0
        var runLetters = 0
        var suspiciousCount = 0
        @inline(__always) func endRun() {
            if runLetters == 1 {
                for k in runStart..<copy.count { copy[k] = 0x20 }
            }
            runLetters = 0
        }
        while i < utf8.count {
            let b = utf8[i]
            let (value, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Writer.scalar(at: i, in: utf8)
            let suspicious = AsRead.isSuspicious(value)
            let letter = suspicious || CapitalInference.isLetter(value)
            if letter {
                if runLetters == 0 { runStart = copy.count }
                runLetters += 1
            } else if !(value >= 0x0300 && value <= 0x036F) {
                endRun()
            }
            if suspicious {
                suspiciousCount += 1
                copy.append(0xC3)  // ß: a letter, but not a Vietnamese one
                copy.append(0x9F)
            } else {
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<min(utf8.count, i + length)]))
            }
            i += length
        }
        endRun()
        var score = measure(copy)
        score.suspicious = suspiciousCount
        return score
    }

    /// Words in which a capital follows a lowercase letter.
    static func caseBreaks(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var breaks = 0
        var previousLower = false
        var counted = false
        var i = 0
        while i < p.count {
            let (value, length) = UTF8Writer.scalar(at: i, in: p)
            i += length
            guard CapitalInference.isLetter(value) else { previousLower = false; counted = false; continue }
            let isUpper = UTF8Writer.lower(value) != value
            if isUpper && previousLower && !counted { breaks += 1; counted = true }
            previousLower = !isUpper
        }
        return breaks
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
