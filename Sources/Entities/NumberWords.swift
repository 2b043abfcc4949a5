import VietnameseText

/// Numbers written in Vietnamese words, on folded tokens (lowercase, no diacritics):
/// "hai tram nam muoi" -> 250, "mot nghin chin tram bay muoi lam" -> 1975,
/// "hai ty ba tram nam muoi trieu" -> 2_350_000_000, "muoi hai" -> 12, "ba muoi mot"/"ba mot" -> 31.
///
/// Handles mươi/mười, lăm/nhăm (5 after a ten), mốt (1 after a ten), tư (4 after a ten), lẻ/linh
/// (a zero tens digit), nghìn/ngàn, triệu, tỷ/tỉ, and "chẵn" at the end (ignored by callers).
public enum NumberWords {
    static let digits: [String: Int] = [
        "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    ]

    /// Whether a folded token can be part of a number in words.
    public static func isNumberWord(_ t: String) -> Bool {
        digits[t] != nil || ["muoi", "tram", "nghin", "ngan", "trieu", "ty", "ti", "le", "linh", "lam", "nham", "mot", "tu", "chuc"].contains(t)
    }

    /// The value of a run of folded number words, or nil when they do not form a number.
    public static func value(of tokens: [String]) -> Int? {
        guard !tokens.isEmpty else { return nil }
        // Split on the scale words from the largest down: tỷ, triệu, nghìn.
        var total = 0
        var rest = tokens[...]
        for (scales, factor) in [(["ty", "ti"], 1_000_000_000), (["trieu"], 1_000_000), (["nghin", "ngan"], 1_000)] {
            if let k = rest.lastIndex(where: { scales.contains($0) }) {
                let head = rest[rest.startIndex..<k]
                let multiplier: Int
                if head.isEmpty {
                    multiplier = 1
                } else {
                    guard let m = value(of: Array(head)) else { return nil }
                    multiplier = m
                }
                total += multiplier * factor
                rest = rest[(k + 1)...]
            }
        }
        if rest.isEmpty { return total }
        guard let small = belowThousand(Array(rest)) else { return nil }
        return total + small
    }

    /// 0...999 in words: [digit trăm] [lẻ/linh digit | digit mươi [unit] | mười [unit] | digit].
    static func belowThousand(_ t: [String]) -> Int? {
        var i = 0
        var value = 0
        if t.count >= 2, let h = digits[t[0]], t[1] == "tram" {
            value = h * 100
            i = 2
        } else if t.first == "tram" {
            value = 100
            i = 1
        }
        if i == t.count { return i > 0 ? value : nil }
        if t[i] == "le" || t[i] == "linh" {
            guard i + 2 == t.count, let u = digits[t[i + 1]] else { return nil }
            return value + u
        }
        var tens = -1
        if t[i] == "muoi" {
            tens = 1
            i += 1
        } else if i + 1 < t.count, let d = digits[t[i]], d >= 1, t[i + 1] == "muoi" {
            tens = d
            i += 2
        } else if i + 1 < t.count, value == 0, let d = digits[t[i]], d >= 2, let u = unitAfterTens(t[i + 1]), i + 2 == t.count {
            // "ba mốt" = 31, "hai lăm" = 25: the tens word left out.
            return d * 10 + u
        }
        if tens >= 0 {
            value += tens * 10
            if i == t.count { return value }
            guard i + 1 == t.count, let u = unitAfterTens(t[i]) else { return nil }
            return value + u
        }
        guard i + 1 == t.count, let u = digits[t[i]] else { return nil }
        return value + u
    }

    /// A unit after a tens word: lăm/nhăm = 5, mốt = 1 (written "mot" once folded), tư = 4.
    static func unitAfterTens(_ w: String) -> Int? {
        switch w {
        case "lam", "nham": 5
        case "tu": 4
        default: digits[w]
        }
    }

    /// Folded tokens of a piece of text (letters only), for callers working from text.
    public static func tokens(_ text: String) -> [String] {
        Folding.fold(text).split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
