/// Which legacy encoding raw bytes (not UTF-8) are in, judged by how many of the words each
/// decoding yields are valid Vietnamese syllables.
public enum LegacyDetect {
    /// At most this many bytes are decoded per candidate (the start of the input).
    public static let sampleSize = 1 << 16

    /// A detected encoding.
    public struct Detection: Sendable, Equatable {
        public var encoding: LegacyEncoding
        /// 0...1: the syllable share of the decoding, lowered when another encoding comes close.
        public var confidence: Double
        /// Share of words that are Vietnamese syllables in the winning decoding.
        public var syllableShare: Double
    }

    /// The most plausible of `candidates` for `bytes`, or nil when the bytes are plain ASCII or
    /// no decoding reads as Vietnamese (at least half valid syllables, some with marks).
    public static func detect(_ bytes: [UInt8], candidates: [LegacyEncoding] = LegacyEncoding.byteEncodings) -> Detection? {
        let sample = bytes.prefix(sampleSize)
        // Only bytes above 0x7F, or the C0 codes VISCII and VPS use for letters, can be legacy letters.
        guard sample.contains(where: { $0 >= 0x80 || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) }) else { return nil }
        var scored: [(encoding: LegacyEncoding, score: LineScore, key: Int)] = []
        sample.withUnsafeBufferPointer { p in
            for encoding in candidates where encoding != .viqr {
                let utf8 = LegacyDecoder.decodeUTF8(p, as: encoding, uppercase: false)
                let score = utf8.withUnsafeBufferPointer { Scoring.measureAsRead($0) }
                scored.append((encoding, score, 2 * score.syllables - score.words + score.marked))
            }
        }
        var order = scored.enumerated().map { $0 }
        order.sort { a, b in a.element.key != b.element.key ? a.element.key > b.element.key : a.offset < b.offset }
        guard let best = order.first?.element, best.score.marked > 0, best.score.share >= 0.5 else { return nil }
        let runnerUp = order.dropFirst().first?.element.key ?? Int.min
        // The margin over the runner-up, as a share of the winner's words: 10 % of the words
        // or more is a clear win.
        let margin = runnerUp == Int.min ? 1 : Double(best.key - runnerUp) / Double(max(best.score.words, 1))
        let confidence = best.score.share * min(1, max(0, margin) * 10)
        return Detection(encoding: best.encoding, confidence: confidence, syllableShare: best.score.share)
    }
}
