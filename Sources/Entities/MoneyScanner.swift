import DocumentModel

/// Amounts of money: "1.766.925.000 đồng", "2,5 tỷ đồng", "134,5 triệu USD", "USD 1,2 triệu",
/// "$5,000", "500.000đ", "100 triệu Euro", "2 tỷ 350 triệu đồng", and amounts in words
/// ("Hai tỷ, ba trăm năm mươi triệu đồng chẵn"). Value: `{"amount": Int or Double, "currency":
/// ISO 4217}`; the amount is an Int whenever it is whole.
///
/// A hand-written scanner over UTF-8 bytes of normalised text. It stops only at digits and at
/// word starts whose first bytes could begin một…chín or mười; everything else is one table
/// lookup per byte.
///
/// Grammar (a space is one space or none, never a line end):
///
///     money    = amount [space] currency ["chẵn"]         rule "digits-currency", or "scaled"
///              | prefix [space] amount                      rule "currency-digits"
///              | words space currency ["chẵn"]             rule "words"
///     amount   = number [scales ["rưỡi"] {digits scales}]  "2 tỷ 350 triệu", each scale smaller
///     number   = 1-3 digits {"." 3 digits} ["," digits]     Vietnamese: 1.766.925.000 / 2,5
///              | 1-3 digits {"," 3 digits} ["." digits]     English: 1,250,000.50
///              | digits ["," digits | "." digits]           2,5 / 1.5 / 5000
///              | 1-3 digits {" " 3 digits}                  1 500 000
///     scales   = scale {larger scale}                       nghìn/ngàn, triệu, tỷ/tỉ, trăm, "nghìn tỷ",
///                                                           million, billion, thousand
///     currency = đồng ["Việt Nam"] | đ | VNĐ | VND | USD | $ | đô [la | -la] [Mỹ] | đôla | euro(s)
///              | € | yên [Nhật] | £ | bảng Anh | nhân dân tệ | trđ / tr.đ (triệu đồng) | an ISO code …
///     prefix   = an ISO code | $ | US$ | A$ | S$ | HK$ | € | £ | ¥
///
/// One comma group of three ("1,250") is English thousands on its own or before "million",
/// and a Vietnamese decimal comma before a Vietnamese scale word ("1,250 tỷ" = 1.25 tỷ). A dot
/// group of three is always thousands ("5.000 USD", "1.725 tỷ").
///
/// A number must stand alone: not inside a date, phone or document number ("15/11/2016",
/// "04-62732235", "123/KH-SYT", "10-15"), touching no letter but a currency code. A number
/// without a currency is not money ("885 tỷ", "100 triệu người"); "đồng" is not a currency in
/// "đồng chí", "đồng thời", … nor "Đồng Tháp", "đô" in "đô thị", "yên" in "Yên Bái", "yên tâm".
public struct MoneyRecognizer: Recognizer {
    public let types: Set<EntityType> = [.money]

    public init() {}

    public func recognize(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        var scanner = MoneyScanner(p: text)
        scanner.scan(into: &matches)
    }
}

/// An amount being built: exact while it fits an Int and has no fraction left, else a Double.
struct MoneyAmount {
    var exact: Int? = 0
    var approx: Double = 0

    /// Adds mantissa / 10^fraction * scale.
    mutating func add(mantissa: Int, fraction: Int, scale: Int) {
        var den = 1
        for _ in 0..<fraction { den *= 10 }
        approx += Double(mantissa) * Double(scale) / Double(den)
        guard let e = exact else { return }
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: scale)
        if !overflow && product % den == 0 {
            let (sum, o2) = e.addingReportingOverflow(product / den)
            exact = o2 ? nil : sum
        } else if scale % den == 0 {
            let (p2, o1) = mantissa.multipliedReportingOverflow(by: scale / den)
            let (sum, o2) = e.addingReportingOverflow(p2)
            exact = o1 || o2 ? nil : sum
        } else {
            exact = nil
        }
    }

    var json: JSONValue { exact.map(JSONValue.int) ?? .double(approx) }
}

struct MoneyScanner {
    typealias Key = MoneyLexicon.Key
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let table: MoneyLexicon.Table
    /// End of the last match, so a code that ended one amount does not start the next.
    var lastEnd = 0
    /// Where the number that `digitsMoney` last read ends, to resume after it when it fails.
    var resume = 0

    init(p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        self.n = p.count
        self.table = MoneyLexicon.table
    }

    // MARK: - The scan

    /// Byte classes for the scan: bit 0 a digit, bit 1 a letter that may start a number word,
    /// bit 2 a byte after which a word may start (space, punctuation, the lead byte of “ – €),
    /// bit 3 a continuation byte (the state of its lead byte holds).
    static let byteClass: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x30...0x39: return 1
        case 0x41...0x5A, 0x61...0x7A:
            return [0x62, 0x63, 0x68, 0x6D, 0x6E, 0x73, 0x74].contains(b | 0x20) ? 2 : 0  // b c h m n s t
        case 0x80...0xBF: return 8
        case 0x00...0x7F, 0xC2, 0xE2, 0xE3, 0xEF: return 4
        default: return 0
        }
    }

    mutating func scan(into matches: inout [Match]) {
        let p = self.p, n = self.n  // locals, so the hot loop keeps them in registers
        guard n > 0 else { return }
        Self.byteClass.withUnsafeBufferPointer { cls in
            // Whether a word may start at i, from the bytes before it: after a space or ASCII
            // punctuation, or after a two- or three-byte symbol (C2 xx: « » °; E2 xx xx: “ ” – …).
            @inline(__always) func wordStart(_ i: Int) -> Bool {
                guard i >= 3 else { return UTF8Text.boundaryBefore(p, i) }
                let pc = cls[Int(p[i - 1])]
                return pc & 4 != 0 || (pc & 8 != 0 && (p[i - 3] == 0xE2 || p[i - 2] == 0xC2))
            }
            var i = 0
            while i < n {
                let c = cls[Int(p[i])]
                if c == 0 || c >= 4 || (c == 2 && !wordStart(i)) {
                    i += 1
                    continue
                }
                if c & 1 != 0 {
                    if let m = digitsMoney(at: i) {
                        emit(m, &matches)
                        i = m.end
                        continue
                    }
                    // Skip the whole number ("+84 912 345 678" is not three amounts).
                    i = max(resume, i + 1)
                    while i < n && p[i] &- 0x30 < 10 { i += 1 }
                    continue
                }
                if mayStartNumberWord(i), let m = wordsMoney(at: i) {
                    emit(m, &matches)
                    i = m.end
                    continue
                }
                i += 1
            }
        }
    }

    private mutating func emit(_ m: Match, _ matches: inout [Match]) {
        matches.append(m)
        lastEnd = m.end
    }

    // MARK: - Words

    /// A word of letters at `i`: its lowercase key, end, and case.
    struct Word {
        var key: Key
        var end: Int
        var firstUpper: Bool
        var allUpper: Bool
        /// What the lexicon says about the word.
        var entry: MoneyLexicon.Entry?
    }

    @inline(__always)
    static func lower(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v &- 0x41 < 26 ? v + 0x20 : v }
        if v >= 0xC0 && v <= 0xDE && v != 0xD7 { return v + 0x20 }
        if (v >= 0x100 && v <= 0x137) || (v >= 0x14A && v <= 0x177) { return v | 1 }
        if v == 0x1A0 || v == 0x1AF { return v + 1 }
        if v >= 0x1EA0 && v <= 0x1EF9 { return v | 1 }
        return v
    }

    func word(at i: Int) -> Word? {
        var j = i
        var key = Key()
        var firstUpper = false
        var allUpper = true
        while j < n {
            let b = p[j]
            var v: UInt32
            if b < 0x80 {
                guard UTF8Text.isASCIILetter(b) else { break }
                v = UInt32(b)
                j += 1
            } else {
                guard let (s, len) = UTF8Text.scalar(p, at: j), UTF8Text.isLetter(s) else { break }
                v = s
                j += len
            }
            let l = Self.lower(v)
            if key.count == 0 { firstUpper = l != v }
            if l == v { allUpper = false }
            key.append(scalar: l)
        }
        guard j > i else { return nil }
        return Word(key: key, end: j, firstUpper: firstUpper, allUpper: allUpper, entry: table[key])
    }

    /// The word after a single space (or directly after, with `attached`), if any.
    @inline(__always)
    func nextWord(after e: Int, attached: Bool = false) -> Word? {
        if e < n && p[e] == 0x20 { return word(at: e + 1) }
        return attached ? word(at: e) : nil
    }

    /// A cheap look at the first bytes: could a number word that starts an amount (một, hai, ba,
    /// bốn, năm, sáu, bảy/bẩy, tám, chín, mười, in any case) begin here?
    @inline(__always)
    func mayStartNumberWord(_ i: Int) -> Bool {
        guard i + 3 < n else { return false }
        let a = p[i + 1], b = p[i + 2], c = p[i + 3]
        switch p[i] | 0x20 {
        case 0x6D:  // một (ộ E1 BB 99/98), mười (ư C6 B0/AF, then ờ)
            return (a == 0xE1 && b == 0xBB && c | 1 == 0x99) || (a == 0xC6 && (b == 0xB0 || b == 0xAF) && c == 0xE1)
        case 0x68: return a | 0x20 == 0x61 && b | 0x20 == 0x69                     // hai
        case 0x62:  // ba, bốn (ố E1 BB 91/90), bảy (ả E1 BA A3/A2), bẩy (ẩ E1 BA A9/A8)
            return (a | 0x20 == 0x61 && !UTF8Text.isASCIILetter(b) && b < 0xC0)
                || (a == 0xE1 && ((b == 0xBB && c | 1 == 0x91) || (b == 0xBA && (c | 1 == 0xA3 || c | 1 == 0xA9))))
        case 0x6E: return a == 0xC4 && b | 1 == 0x83 && c | 0x20 == 0x6D           // năm
        case 0x73: return a == 0xC3 && (b == 0xA1 || b == 0x81) && c | 0x20 == 0x75  // sáu
        case 0x74: return a == 0xC3 && (b == 0xA1 || b == 0x81) && c | 0x20 == 0x6D  // tám
        case 0x63: return a | 0x20 == 0x68 && b == 0xC3 && (c == 0xAD || c == 0x8D)  // chín
        default: return false
        }
    }

    /// The number word at `i`, if the word there is one.
    @inline(__always)
    func numberWord(at i: Int) -> (NumberWords.Word, Word)? {
        guard let w = word(at: i), case .number(let nw)? = w.entry else { return nil }
        return (nw, w)
    }

    /// "Hai tỷ, ba trăm năm mươi triệu đồng chẵn": number words, then a currency.
    mutating func wordsMoney(at start: Int) -> Match? {
        guard let (first, firstWord) = numberWord(at: start) else { return nil }
        switch first {
        case .digit(let d) where d > 0: break
        case .ten: break
        default: return nil
        }
        // Two number words at least (or one and a scale): cheap rejection of "năm nay", "một số".
        guard firstWord.end < n, p[firstWord.end] == 0x20, let (second, secondWord) = numberWord(at: firstWord.end + 1) else { return nil }
        var words: [NumberWords.Word] = [first, second]
        var end = secondWord.end
        while end < n {
            var k = end
            if p[k] == 0x20 {
                k += 1
            } else if p[k] == 0x2C, k + 1 < n, p[k + 1] == 0x20, case .scale? = words.last {
                k += 2  // "Hai tỷ, ba trăm …": a comma between scale groups
            } else {
                break
            }
            guard let (w, info) = numberWord(at: k) else { break }
            words.append(w)
            end = info.end
        }
        guard end < n, p[end] == 0x20,
              let value = NumberWords.value(words[...]),
              let (code, currencyEnd, scale) = currency(at: end + 1, scaled: words.contains { if case .scale = $0 { true } else { false } })
        else { return nil }
        var amount = MoneyAmount()
        amount.add(mantissa: value, fraction: 0, scale: scale)
        return Match(.money, start, currencyEnd, Self.object(amount.json, code), rule: "words")
    }

    // MARK: - Digits

    /// A number in digits: its digits as one integer, how many of them are decimals, its end,
    /// and whether it was a single comma group of three ("1,250": thousands unless a scale follows).
    struct Number {
        var mantissa: Int
        var fraction: Int
        var end: Int
        var commaThree: Bool
    }

    @inline(__always) func isDigit(_ i: Int) -> Bool { i < n && p[i] &- 0x30 < 10 }

    func digitRun(_ i: Int) -> Int {
        var j = i
        while j < n && p[j] &- 0x30 < 10 { j += 1 }
        return j
    }

    /// Reads a number at `s` (a digit), or nil when the digits are not one well-formed number.
    func number(at s: Int) -> Number? {
        let e1 = digitRun(s)
        let firstLength = e1 - s
        var mantissa = 0
        var digits = 0
        @inline(__always) func add(_ a: Int, _ b: Int) {
            for k in a..<b where mantissa < Int.max / 100 { mantissa = mantissa * 10 + Int(p[k] &- 0x30) }
            digits += b - a
        }
        add(s, e1)
        // Groups after the first: their count, the first separator, the last group, and whether
        // all groups before the last share the first separator and have three digits.
        var count = 0
        var firstSep: UInt8 = 0
        var lastSep: UInt8 = 0
        var lastLength = 0
        var earlierRegular = true
        var j = e1
        while j + 1 < n && (p[j] == 0x2E || p[j] == 0x2C) && isDigit(j + 1) {
            let e = digitRun(j + 1)
            if count == 0 { firstSep = p[j] } else { earlierRegular = earlierRegular && lastSep == firstSep && lastLength == 3 }
            lastSep = p[j]
            lastLength = e - (j + 1)
            count += 1
            add(j + 1, e)
            j = e
        }
        // Space-grouped thousands: "1 500 000".
        if count == 0 && firstLength <= 3 {
            while j + 4 <= n && p[j] == 0x20 && isDigit(j + 1) {
                let e = digitRun(j + 1)
                guard e - (j + 1) == 3, !(e + 1 < n && (p[e] == 0x2E || p[e] == 0x2C || p[e] == 0x2F) && isDigit(e + 1)) else { break }
                firstSep = 0x20
                lastSep = 0x20
                lastLength = 3
                count += 1
                add(j + 1, e)
                j = e
            }
        }
        guard digits <= 18 else { return nil }
        var fraction = 0
        var commaThree = false
        if count > 0 {
            let regular = earlierRegular && firstLength <= 3
            if lastSep == firstSep {
                if count >= 2 || firstSep == 0x20 {
                    guard regular && lastLength == 3 else { return nil }  // 1.766.925.000, not 08.10.2024
                } else if regular && lastLength == 3 {
                    commaThree = firstSep == 0x2C  // "1,250": decided by what follows
                } else {
                    fraction = lastLength  // "2,5", "1.5", "10000,25"
                }
            } else {
                // "1.250.000,50" or "1,250,000.50": one kind groups thousands, the other marks decimals.
                guard regular, lastSep != 0x20 else { return nil }
                fraction = lastLength
            }
        }
        return Number(mantissa: mantissa, fraction: fraction, end: j, commaThree: commaThree)
    }

    /// Whether the bytes at `e` carry the token on ("15/11", "04-6273", "08.10", "2,5%").
    func continuesToken(_ e: Int) -> Bool {
        guard e < n else { return false }
        let b = p[e]
        if b == 0x25 { return true }  // %
        if b == 0x2F || b == 0x2D || b == 0x2E || b == 0x2C || b == 0x3A || b == 0x5F {
            guard let (v, _) = UTF8Text.scalar(p, at: e + 1) else { return false }
            return UTF8Text.isLetterOrDigit(v)
        }
        return false
    }

    /// Whether the text before `s` makes the number part of a larger token: a digit or letter
    /// right before; "/", "-", "_", "–" with a letter or digit before that ("123/KH", "COVID-19",
    /// "04-62732235"); ".", ",", ":" with a digit before ("15.11", "09:09" but "phí:500.000 đ");
    /// "+" ("+84").
    func insideToken(before s: Int) -> Bool {
        guard let j = UTF8Text.previousStart(p, before: s), let (v, _) = UTF8Text.scalar(p, at: j) else { return false }
        if UTF8Text.isLetterOrDigit(v) { return true }
        switch v {
        case 0x2B: return true
        case 0x2F, 0x2D, 0x5F, 0x2013, 0x2014: return !UTF8Text.boundaryBefore(p, j)
        case 0x2E, 0x2C, 0x3A: return j > 0 && isDigit(j - 1)
        default: return false
        }
    }

    /// A scale word (or a stack of them: "nghìn tỷ", "trăm triệu") at `k` (or the word `w` read
    /// there already): its factor and end.
    func scales(at k: Int, _ known: Word? = nil) -> (factor: Int, end: Int)? {
        guard let w = known ?? word(at: k), let f = scaleFactor(w) else { return nil }
        var factor = f
        var last = f
        var end = w.end
        while let next = nextWord(after: end), let g = scaleFactor(next), g > last, factor <= Int.max / g {
            factor *= g
            last = g
            end = next.end
        }
        return (factor, end)
    }

    @inline(__always)
    func scaleFactor(_ w: Word) -> Int? {
        switch w.entry {
        case .number(.scale(let f))?: f
        case .number(.hundred)?: 100
        case .englishScale(let f)?: f
        default: nil
        }
    }

    /// Position after optional spaces (never a line end).
    @inline(__always)
    func skipSpace(_ i: Int) -> Int { i < n && p[i] == 0x20 ? i + 1 : i }

    /// "1.766.925.000 đồng", "2 tỷ 350 triệu đồng", "USD 1,2 triệu", "$5,000".
    mutating func digitsMoney(at s: Int) -> Match? {
        let attachedLeft = insideToken(before: s)
        // Inside a token, only a code written onto the number can make it money ("USD5000").
        guard let num = number(at: s) else { return nil }
        resume = num.end
        if attachedLeft && !(s > 0 && UTF8Text.isASCIILetter(p[s - 1]) || s > 1 && p[s - 2] == 0xC4) { return nil }
        guard !continuesToken(num.end) else { return nil }
        var amount = MoneyAmount()
        var end = num.end
        var scaled = false

        // Scale words, then more "digits scale" groups each smaller than the one before.
        var k = skipSpace(end)
        let after = word(at: k)
        if let (factor, e) = scales(at: k, after) {
            scaled = true
            // "1,250 tỷ" is 1.25 tỷ: a Vietnamese scale word makes a lone comma a decimal comma
            // ("2,350 billion" stays English).
            var english = false
            if case .englishScale? = after?.entry { english = true }
            let fraction = num.commaThree && !english ? 3 : num.fraction
            amount.add(mantissa: num.mantissa, fraction: fraction, scale: factor)
            end = e
            // "2 triệu rưỡi": and a half.
            if fraction == 0, let half = nextWord(after: end), case .number(.half)? = half.entry {
                amount.add(mantissa: 5, fraction: 1, scale: factor)
                end = half.end
            }
            var previous = factor
            while true {
                let g = skipSpace(end)
                guard isDigit(g), !(g > 0 && p[g - 1] != 0x20) else { break }
                let ge = digitRun(g)
                guard ge - g <= 3, !continuesToken(ge) else { break }
                var value = 0
                for q in g..<ge { value = value * 10 + Int(p[q] &- 0x30) }
                let h = skipSpace(ge)
                if let (f2, e2) = scales(at: h), f2 < previous {
                    amount.add(mantissa: value, fraction: 0, scale: f2)
                    end = e2
                    previous = f2
                    continue
                }
                // Units after the last scale, right before the currency: "2 triệu 500 đồng".
                if previous >= 1_000, currency(at: h, scaled: true) != nil {
                    amount.add(mantissa: value, fraction: 0, scale: 1)
                    end = ge
                }
                break
            }
        } else {
            amount.add(mantissa: num.mantissa, fraction: num.fraction, scale: 1)
        }

        // Currency after the amount.
        if !attachedLeft || prefixCode(endingAt: s) != nil {
            k = skipSpace(end)
            let small = !scaled && (amount.exact ?? 0) < 1_000
            if let (code, e, scale) = currency(at: k, scaled: scaled, small: small, scaled ? nil : after) {
                if scale != 1 {
                    // "1,5 trđ": the currency carries the scale word.
                    amount = MoneyAmount()
                    amount.add(mantissa: num.mantissa, fraction: scaled || !num.commaThree ? num.fraction : 3, scale: scale)
                    if scaled { return nil }
                    scaled = true
                }
                let start = attachedLeft ? (prefixCode(endingAt: s)?.start ?? s) : s
                return Match(.money, start, e, Self.object(amount.json, code), rule: scaled ? "scaled" : "digits-currency")
            }
        }
        // A code or symbol before the amount: "USD 1,2 triệu", "$5,000", "USD5000".
        guard UTF8Text.boundaryAfter(p, end) else { return nil }
        let before = attachedLeft ? s : (s > 0 && p[s - 1] == 0x20 ? s - 1 : s)
        guard let (code, start) = prefixCode(endingAt: before), start >= lastEnd else { return nil }
        return Match(.money, start, end, Self.object(amount.json, code), rule: "currency-digits")
    }

    /// A currency code or symbol ending at `e`, and where it starts.
    func prefixCode(endingAt e: Int) -> (code: String, start: Int)? {
        guard e > 0 else { return nil }
        let b = p[e - 1]
        // Codes end in a capital or in d, đ, r, y, p (usd, vnđ, eur, jpy, gbp); symbols in $ € £ ¥.
        switch b {
        case 0x41...0x5A, 0x24, 0x90, 0x91, 0xAC, 0xA3, 0xA5: break
        case 0x64, 0x72, 0x79, 0x70:
            guard e >= 3, UTF8Text.isASCIILetter(p[e - 2]), UTF8Text.isASCIILetter(p[e - 3]) else { return nil }
        default: return nil
        }
        if b == 0x24 {  // $, US$, A$, S$, HK$, C$, NZ$
            var j = e - 1
            while j > 0 && p[j - 1] &- 0x41 < 26 && e - 1 - j < 2 { j -= 1 }
            guard UTF8Text.boundaryBefore(p, j) else { return nil }
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: p[j..<(e - 1)]), as: UTF8.self)
            let code: String? = switch prefix {
            case "", "US": "USD"
            case "A", "AU": "AUD"
            case "S", "SG": "SGD"
            case "HK": "HKD"
            case "C", "CA": "CAD"
            case "NZ": "NZD"
            default: nil
            }
            return code.map { ($0, j) }
        }
        if e >= 3 && p[e - 3] == 0xE2 && p[e - 2] == 0x82 && b == 0xAC { return ("EUR", e - 3) }
        if e >= 2 && p[e - 2] == 0xC2 && b == 0xA3 { return ("GBP", e - 2) }
        if e >= 2 && p[e - 2] == 0xC2 && b == 0xA5 { return ("JPY", e - 2) }
        // A code word: walk back over letters.
        var j = e
        while let q = UTF8Text.previousStart(p, before: j), let (v, _) = UTF8Text.scalar(p, at: q), UTF8Text.isLetter(v), e - q <= 4 {
            j = q
        }
        guard j < e, UTF8Text.boundaryBefore(p, j), let w = word(at: j), w.end == e,
              case .currency(.code(let code, let capitalsOnly))? = w.entry,
              w.allUpper || !capitalsOnly
        else { return nil }
        return (code, j)
    }

    /// A currency at `k` (a symbol, code or currency word, with the words that belong to it and
    /// a trailing "chẵn"): its ISO code, end, and the scale it carries ("trđ"). A lone "đ" after
    /// a space counts only for amounts of a thousand or more (`small` amounts: "5 đ)" is more
    /// likely a list label "đ)" than five đồng).
    func currency(at k: Int, scaled: Bool, small: Bool = false, _ known: Word? = nil) -> (code: String, end: Int, scale: Int)? {
        guard k < n else { return nil }
        let b = p[k]
        var code: String
        var end: Int
        var scale = 1
        if b == 0x24 {
            code = "USD"; end = k + 1
        } else if b == 0xE2 && k + 2 < n && p[k + 1] == 0x82 && p[k + 2] == 0xAC {
            code = "EUR"; end = k + 3
        } else if b == 0xC2 && k + 1 < n && (p[k + 1] == 0xA3 || p[k + 1] == 0xA5) {
            code = p[k + 1] == 0xA3 ? "GBP" : "JPY"; end = k + 2
        } else {
            guard let w = known ?? word(at: k), case .currency(let c)? = w.entry else { return nil }
            end = w.end
            switch c {
            case .code(let iso, let capitalsOnly):
                guard w.allUpper || !capitalsOnly else { return nil }
                code = iso
            case .us:
                guard end < n, p[end] == 0x24 else { return nil }
                code = "USD"; end += 1
            case .dong:
                code = "VND"
                if let next = nextWord(after: end) {
                    if MoneyLexicon.afterDong.contains(next.key) { return nil }
                    if next.key == MoneyLexicon.viet, let nam = nextWord(after: next.end), nam.key == MoneyLexicon.nam {
                        end = nam.end
                    } else if w.firstUpper && !w.allUpper && next.firstUpper {
                        return nil  // "Đồng Tháp", "Đồng Nai"
                    }
                }
            case .dSign:
                // Not "đ/c" (đồng chí: "5 đ/c").
                if end + 1 < n && p[end] == 0x2F && p[end + 1] | 0x20 == 0x63 && UTF8Text.boundaryAfter(p, end + 2) { return nil }
                if small && k > 0 && p[k - 1] == 0x20 { return nil }
                code = "VND"
            case .millionDong:
                code = "VND"; scale = 1_000_000
            case .million:
                // "tr.đ", "tr. đồng", "tr đồng": triệu đồng.
                var q = end
                if q < n && p[q] == 0x2E { q += 1 }
                q = skipSpace(q)
                guard let d = word(at: q), d.key == MoneyLexicon.d || d.key == MoneyLexicon.dong else { return nil }
                code = "VND"; scale = 1_000_000; end = d.end
            case .dollarWord:
                code = "USD"
                var la: Word? = nil
                if end + 1 < n && (p[end] == 0x20 || p[end] == 0x2D), let l = word(at: end + 1), l.key == MoneyLexicon.la { la = l }
                if let la {
                    end = la.end
                    if let country = nextWord(after: end) {
                        switch country.key {
                        case MoneyLexicon.my: end = country.end
                        case MoneyLexicon.uc: code = "AUD"; end = country.end
                        case MoneyLexicon.singapore: code = "SGD"; end = country.end
                        case MoneyLexicon.canada: code = "CAD"; end = country.end
                        case MoneyLexicon.hong:
                            if let kong = nextWord(after: country.end), kong.key == MoneyLexicon.kong { code = "HKD"; end = kong.end }
                        default: break
                        }
                    }
                } else if let next = nextWord(after: end) {
                    if MoneyLexicon.afterDo.contains(next.key) { return nil }
                    if next.key == MoneyLexicon.my { end = next.end }
                }
            case .dollar:
                code = "USD"
                if let next = nextWord(after: end), next.key == MoneyLexicon.my { end = next.end }
            case .euro:
                code = "EUR"
            case .yen:
                code = "JPY"
                if let next = nextWord(after: end) {
                    if next.key == MoneyLexicon.nhat {
                        end = next.end
                    } else if next.firstUpper || MoneyLexicon.afterYen.contains(next.key) {
                        return nil  // "Yên Bái", "yên tâm"
                    }
                }
            case .pound:
                guard let next = nextWord(after: end), next.key == MoneyLexicon.anh else { return nil }
                code = "GBP"; end = next.end
            case .renminbi:
                guard let dan = nextWord(after: end), dan.key == MoneyLexicon.dan,
                      let te = nextWord(after: dan.end), te.key == MoneyLexicon.te else { return nil }
                code = "CNY"; end = te.end
            case .kip:
                code = "LAK"
                if let next = nextWord(after: end), next.key == MoneyLexicon.lao {
                    end = next.end
                } else if !scaled {
                    return nil
                }
            case .won:
                guard scaled else { return nil }
                code = "KRW"
                if let han = nextWord(after: end), han.key == MoneyLexicon.han, let quoc = nextWord(after: han.end), quoc.key == MoneyLexicon.quoc {
                    end = quoc.end
                }
            }
            guard UTF8Text.boundaryAfter(p, end) else { return nil }
        }
        if let next = nextWord(after: end), next.key == MoneyLexicon.chan { end = next.end }
        return (code, end, scale)
    }

    static func object(_ amount: JSONValue, _ code: String) -> JSONValue {
        .object([.init("amount", amount), .init("currency", .string(code))])
    }
}
