import VietnameseText

/// Numbers written in Vietnamese words, on folded tokens (lowercase, no diacritics):
/// "hai tram nam muoi" -> 250, "mot nghin chin tram bay muoi lam" -> 1975,
/// "hai ty ba tram nam muoi trieu" -> 2_350_000_000, "muoi hai" -> 12, "ba muoi mot"/"ba mot" -> 31.
///
/// Handles mươi/mười/chục, lăm/nhăm (5 after a ten), mốt (1 after a ten), tư (4 after a ten or
/// lẻ), lẻ/linh (a zero tens digit), nghìn/ngàn, triệu, tỷ/tỉ (also stacked: "nghìn tỷ" = 10^12),
/// rưỡi (a half of the unit before it), and "chẵn" at the end (ignored).
///
/// Spoken shortenings are read as speakers mean them: a lone digit after "trăm" or after a scale
/// word counts in the next place down ("một trăm hai" = 120, "hai triệu năm" = 2_500_000), as
/// cheque writing would spell the literal value with "lẻ" ("một trăm lẻ hai" = 102).
///
/// The money recogniser reads the words with their tone marks (`spelled`), so "năm" (5) is not
/// "nam" and "trăm" (100) is not "trạm"; `value(of:)` works on folded tokens for other callers.
public enum NumberWords {
    /// One number word as the evaluator sees it.
    enum Word: Sendable, Equatable, Hashable {
        /// không … chín.
        case digit(Int)
        /// mốt (1), tư (4), lăm/nhăm (5): units that only follow a tens word (tư also after lẻ).
        case unit(Int)
        /// mười, mươi, chục.
        case ten
        /// trăm.
        case hundred
        /// lẻ, linh: a zero tens digit.
        case odd
        /// rưỡi: half of the unit before it.
        case half
        /// nghìn/ngàn (1e3), triệu (1e6), tỷ/tỉ (1e9).
        case scale(Int)
    }

    /// The number words as written (lowercase NFC, official tone placement).
    static let spelled: [(String, Word)] = [
        ("không", .digit(0)), ("một", .digit(1)), ("hai", .digit(2)), ("ba", .digit(3)), ("bốn", .digit(4)),
        ("năm", .digit(5)), ("sáu", .digit(6)), ("bảy", .digit(7)), ("bẩy", .digit(7)), ("tám", .digit(8)),
        ("chín", .digit(9)),
        ("mốt", .unit(1)), ("tư", .unit(4)), ("lăm", .unit(5)), ("nhăm", .unit(5)),
        ("mười", .ten), ("mươi", .ten), ("chục", .ten), ("trăm", .hundred),
        ("lẻ", .odd), ("linh", .odd), ("rưỡi", .half),
        ("nghìn", .scale(1_000)), ("ngàn", .scale(1_000)), ("triệu", .scale(1_000_000)),
        ("tỷ", .scale(1_000_000_000)), ("tỉ", .scale(1_000_000_000)),
    ]

    /// The word a folded token stands for ("mot" is một or mốt, "nam" năm, "tu" tư).
    static func word(folded t: String) -> Word? {
        switch t {
        case "khong": .digit(0)
        case "mot": .digit(1)
        case "hai": .digit(2)
        case "ba": .digit(3)
        case "bon": .digit(4)
        case "nam": .digit(5)
        case "sau": .digit(6)
        case "bay": .digit(7)
        case "tam": .digit(8)
        case "chin": .digit(9)
        case "tu": .unit(4)
        case "lam", "nham": .unit(5)
        case "muoi", "chuc": .ten
        case "tram": .hundred
        case "le", "linh": .odd
        case "ruoi": .half
        case "nghin", "ngan": .scale(1_000)
        case "trieu": .scale(1_000_000)
        case "ty", "ti": .scale(1_000_000_000)
        default: nil
        }
    }

    /// Whether a folded token can be part of a number in words.
    public static func isNumberWord(_ t: String) -> Bool {
        word(folded: t) != nil
    }

    /// The value of a run of folded number words, or nil when they do not form a number.
    /// A final "chan" (chẵn) is ignored.
    public static func value(of tokens: [String]) -> Int? {
        var tokens = tokens[...]
        if tokens.last == "chan" { tokens = tokens.dropLast() }
        var words: [Word] = []
        words.reserveCapacity(tokens.count)
        for t in tokens {
            guard let w = word(folded: t) else { return nil }
            words.append(w)
        }
        return value(words[...], folded: true)
    }

    /// The value of a run of number words. With `folded`, "mot" after a digit is the unit of
    /// an elided tens word ("ba mot" = 31), since mốt and một fold alike.
    static func value(_ w: ArraySlice<Word>, folded: Bool = false) -> Int? {
        guard !w.isEmpty else { return nil }
        // Split at the last occurrence of the largest scale word; the words before it multiply it.
        for factor in [1_000_000_000, 1_000_000, 1_000] {
            guard let k = w.lastIndex(of: .scale(factor)) else { continue }
            let head = w[w.startIndex..<k]
            let multiplier: Int
            if head.isEmpty {
                multiplier = 1
            } else {
                guard let m = value(head, folded: folded), m > 0 else { return nil }
                // "ba nghìn triệu" is not how amounts are written; "một nghìn tỷ" is.
                if factor < 1_000_000_000 && m >= 1_000 { return nil }
                multiplier = m
            }
            let rest = w[(k + 1)...]
            var tail = 0
            if rest.isEmpty {
                tail = 0
            } else if rest.count == 1, let only = rest.first {
                switch only {
                case .half: tail = factor / 2
                case .digit(let d) where d > 0: tail = d * (factor / 10)   // "hai triệu năm" = 2.5 triệu
                case .unit(let d): tail = d * (factor / 10)
                default:
                    guard let v = value(rest, folded: folded), v < factor else { return nil }
                    tail = v
                }
            } else {
                guard let v = value(rest, folded: folded), v < factor else { return nil }
                tail = v
            }
            let (product, o1) = multiplier.multipliedReportingOverflow(by: factor)
            let (sum, o2) = product.addingReportingOverflow(tail)
            return o1 || o2 ? nil : sum
        }
        return belowThousand(w, folded: folded)
    }

    /// 0...999: [digit trăm] then [lẻ digit | mười [unit] | digit mươi [unit] | unit-less digit].
    static func belowThousand(_ t: ArraySlice<Word>, folded: Bool) -> Int? {
        var i = t.startIndex
        var value = 0
        var hundred = false
        if t.count >= 2, case .digit(let h) = t[i], t[i + 1] == .hundred {
            value = h * 100
            hundred = true
            i += 2
        } else if t.first == .hundred {
            value = 100
            hundred = true
            i += 1
        }
        let r = t[i...]
        let n = r.count
        if n == 0 { return hundred ? value : nil }
        let a = r[i]
        let b: Word? = n >= 2 ? r[i + 1] : nil
        let c: Word? = n >= 3 ? r[i + 2] : nil
        if n > 3 { return nil }
        switch (a, b, c) {
        // lẻ/linh + digit (or tư): a zero tens digit.
        case (.odd, .digit(let u)?, nil) where u > 0: return value + u
        case (.odd, .unit(4)?, nil): return value + 4
        // rưỡi after trăm: half a hundred.
        case (.half, nil, nil) where hundred: return value + 50
        // mười [unit]
        case (.ten, nil, nil): return value + 10
        case (.ten, .digit(let u)?, nil) where u > 0: return value + 10 + u
        case (.ten, .unit(let u)?, nil) where u != 1: return value + 10 + u
        // digit mươi [unit]
        case (.digit(let d), .ten?, nil) where d > 0: return value + d * 10
        case (.digit(let d), .ten?, .digit(let u)?) where d > 0 && u > 0: return value + d * 10 + u
        case (.digit(let d), .ten?, .unit(let u)?) where d > 0: return value + d * 10 + u
        // The tens word left out: "ba mốt" = 31, "hai lăm" = 25 ("ba mot" when folded).
        case (.digit(let d), .unit(let u)?, nil) where d >= 2: return value + d * 10 + u
        case (.digit(let d), .digit(1)?, nil) where d >= 2 && folded: return value + d * 10 + 1
        // A lone digit: the units, or the tens after trăm as spoken ("một trăm hai" = 120).
        case (.digit(let d), nil, nil): return hundred ? (d > 0 ? value + d * 10 : nil) : d
        case (.unit(let u), nil, nil) where hundred: return value + u * 10
        default: return nil
        }
    }

    /// Folded tokens of a piece of text (letters only), for callers working from text.
    public static func tokens(_ text: String) -> [String] {
        Folding.fold(text).split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
