#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocumentModel

/// E-mail addresses, telephone numbers and web addresses.
///
/// **url** (rules "scheme", "www", "domain"): `http://` or `https://` and what follows; `www.`
/// and a host; or a bare host whose last label is a known top-level domain (`moh.gov.vn`,
/// `who.int`; see `topLevelDomains`), not touching an '@' (the host of an e-mail is not a URL).
/// A path runs to the first space, control character, `< > " \` { } | \ ^`, or general
/// punctuation (curly quotes, dashes, "…"); then trailing `. , ; : ! ? ' ]` and an unbalanced
/// `)` are dropped. Value: the URL as written.
///
/// **email** (rule "email"): local part of `A-Z a-z 0-9 . _ % + -`, '@', a host of two or more
/// labels ending in letters; a '/' after it is not part of it. Value: lowercased.
///
/// **phone** (rules "national", "service", "intl"): digit groups joined by one kind of separator
/// (' ', '.', '-'; the one after the first group, or after a parenthesised area code
/// `(024)`, may differ); the first group of the national number (prefix or area code) two or
/// more digits, the later ones three or more (`02 07 2015 10` is a row of a table); at most 15
/// digits. Accepted when the digits fit Vietnamese numbering:
/// - national, leading 0: `09…` 10 digits (mobile); `02…`-`08…` 10 or 11 digits (landlines with
///   an area code, old 04/08/0240… and new 02x forms, and the 03/05/07/08 mobiles);
///   `01…` 11 digits (mobiles before 2018); `00…` never;
/// - service: 1800/1900 as the first group (or the first digits of an unseparated run), 8 or
///   10 digits in all, and not a year range (`1900-1945`);
/// - international: `+84` then the national number without its 0 (`(0)` or a written 0 after the
///   country code is dropped); another country code: 8 to 15 digits in all.
/// Not when glued to a letter, digit, '/', '@', '_', '=' or a decimal point; not when followed by a
/// unit (`đồng`, `triệu`, `%`…); not when the word before names another number (`mã số thuế`,
/// `MST`, `tài khoản`, `CMND`, `CCCD`, `số hiệu`). A run that goes on with '.' or '-' past the
/// longest valid prefix is refused whole (money `1.766.925.000`, dates `01-10-2024`); with ' '
/// the prefix is kept (`0912 345 678 2 lần`).
/// Value: the digits, with '+' for international.
public struct ContactRecognizer: Recognizer {
    public init() {}

    public var types: Set<EntityType> { [.email, .phone, .url] }

    /// Top-level domains accepted for a bare host (`moh.gov.vn`); `www.` and `http(s)://` take any.
    /// Short words that are also abbreviations or file extensions in Vietnamese text are left out.
    public static let topLevelDomains: Set<String> = [
        "vn", "com", "net", "org", "int", "gov", "edu", "info", "biz", "io", "eu", "asia",
        "uk", "us", "au", "jp", "kr", "cn", "fr", "de", "la", "kh", "th", "sg", "ch", "ca", "nz", "ru",
    ]

    public func recognize(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        var schemes: [Match] = []
        Self.schemeURLs(text, into: &schemes)
        var urls = schemes
        Self.hosts(text, skipping: schemes, into: &urls)
        urls.sort { $0.start < $1.start }
        var taken = urls
        Self.emails(text, urls: urls, into: &taken)
        taken.sort { $0.start < $1.start }
        var phones: [Match] = []
        Self.phones(text, skipping: taken, into: &phones)
        matches.append(contentsOf: taken)
        matches.append(contentsOf: phones)
    }

    // MARK: - URLs

    /// `http://…` and `https://…`, found from each "://".
    static func schemeURLs(_ p: UnsafeBufferPointer<UInt8>, into out: inout [Match]) {
        let n = p.count
        var i = 0
        while i < n {
            guard let colon = UTF8Text.index(of: 0x3A, in: p, from: i) else { break }
            i = colon + 1
            guard colon + 3 < n, p[colon + 1] == 0x2F, p[colon + 2] == 0x2F else { continue }
            var s = colon
            while s > 0 && UTF8Text.isASCIILetter(p[s - 1]) && colon - s < 5 { s -= 1 }
            let length = colon - s
            guard length == 4 || length == 5 else { continue }
            guard p[s] | 0x20 == 0x68, p[s + 1] | 0x20 == 0x74, p[s + 2] | 0x20 == 0x74, p[s + 3] | 0x20 == 0x70 else { continue }
            if length == 5 && p[s + 4] | 0x20 != 0x73 { continue }
            guard UTF8Text.boundaryBefore(p, s) else { continue }
            let hostStart = colon + 3
            guard hostStart < n, UTF8Text.isASCIILetter(p[hostStart]) || UTF8Text.isDigit(p[hostStart]) else { continue }
            let end = trimURL(p, hostStart, scanPath(p, from: hostStart))
            out.append(Match(.url, s, end, .string(string(p, s, end)), rule: "scheme"))
            i = end
        }
    }

    /// `www.` hosts and bare hosts with a known top-level domain, found from each '.' between two
    /// ASCII letters or digits.
    static func hosts(_ p: UnsafeBufferPointer<UInt8>, skipping taken: [Match], into out: inout [Match]) {
        let n = p.count
        var i = 0
        var t = 0
        while i < n {
            guard let dot = UTF8Text.index(of: 0x2E, in: p, from: i) else { break }
            i = dot + 1
            guard dot > 0, dot + 1 < n, isLabelByte(p[dot - 1]), UTF8Text.isASCIILetter(p[dot + 1]) || UTF8Text.isDigit(p[dot + 1]) else { continue }
            while t < taken.count && taken[t].end <= dot { t += 1 }
            if t < taken.count && taken[t].start <= dot { i = taken[t].end; continue }
            // back to the start of the host
            var s = dot
            while s > 0 && (isLabelByte(p[s - 1]) || p[s - 1] == 0x2E) && dot - s < 253 { s -= 1 }
            while s < dot && (p[s] == 0x2E || p[s] == 0x2D) { s += 1 }
            guard let (hostEnd, labels, lastLabel) = host(p, from: s) else { continue }
            i = max(i, hostEnd)
            guard UTF8Text.boundaryBefore(p, s) else { continue }
            if s > 0 {
                switch p[s - 1] {
                case 0x40, 0x2F, 0x5F, 0x2E, 0x5C: continue  // @ / _ . \ (part of something else)
                default: break
                }
            }
            if hostEnd < n {
                let b = p[hostEnd]
                if b == 0x40 || b == 0x5F { continue }  // the local part of an e-mail
                if !UTF8Text.boundaryAfter(p, hostEnd) { continue }
            }
            let www = labels >= 3 && p[s] | 0x20 == 0x77 && p[s + 1] | 0x20 == 0x77 && p[s + 2] | 0x20 == 0x77 && p[s + 3] == 0x2E
            if !www {
                let tld = String(decoding: UnsafeBufferPointer(rebasing: p[lastLabel..<hostEnd]), as: UTF8.self).lowercased()
                guard topLevelDomains.contains(tld) else { continue }
                // a name, not a number: some label before the TLD has a letter
                var letter = false
                for k in s..<lastLabel where UTF8Text.isASCIILetter(p[k]) { letter = true; break }
                guard letter else { continue }
            }
            // a path only after '/', a port, a query or a fragment
            var end = hostEnd
            if hostEnd < n {
                switch p[hostEnd] {
                case 0x2F, 0x3A, 0x3F, 0x23: end = trimURL(p, s, scanPath(p, from: hostEnd))  // / : ? #
                default: break
                }
            }
            out.append(Match(.url, s, end, .string(string(p, s, end)), rule: www ? "www" : "domain"))
            i = end
        }
    }

    @inline(__always)
    static func isLabelByte(_ b: UInt8) -> Bool { UTF8Text.isASCIILetter(b) || UTF8Text.isDigit(b) || b == 0x2D }

    /// A host of two or more labels from `s`: where it ends, how many labels, where the last
    /// label starts. The last label is letters only, two or more; no label starts or ends with '-'.
    static func host(_ p: UnsafeBufferPointer<UInt8>, from s: Int) -> (end: Int, labels: Int, last: Int)? {
        var j = s
        var labels = 0
        var lastStart = s
        var lastEnd = s
        while true {
            let start = j
            while j < p.count && isLabelByte(p[j]) { j += 1 }
            guard j > start, j - start <= 63, p[start] != 0x2D, p[j - 1] != 0x2D else { break }
            labels += 1
            lastStart = start
            lastEnd = j
            guard j + 1 < p.count, p[j] == 0x2E, isLabelByte(p[j + 1]) else { break }
            j += 1
        }
        guard labels >= 2, lastEnd - lastStart >= 2 else { return nil }
        for k in lastStart..<lastEnd where !UTF8Text.isASCIILetter(p[k]) { return nil }
        return (lastEnd, labels, lastStart)
    }

    /// From the end of a host: an optional port and path, to the first character that cannot be
    /// part of a URL as written in running text.
    static func scanPath(_ p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        var j = i
        let n = p.count
        while j < n {
            let b = p[j]
            if b < 0x80 {
                if b <= 0x20 || b == 0x7F { break }
                switch b {
                case 0x3C, 0x3E, 0x22, 0x60, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E: return j  // < > " ` { } | \ ^
                default: j += 1
                }
                continue
            }
            // general punctuation (E2 80 xx: quotes, dashes, …, zero-width), no-break space, « »,
            // CJK punctuation
            if b == 0xE2 && j + 1 < n && p[j + 1] == 0x80 { break }
            if b == 0xC2 && j + 1 < n && (p[j + 1] == 0xA0 || p[j + 1] == 0xAB || p[j + 1] == 0xBB) { break }
            if b == 0xE3 && j + 1 < n && p[j + 1] == 0x80 { break }
            j += 1
        }
        return j
    }

    /// Drops trailing punctuation, and a ')' with no '(' to match inside the URL; never cuts into
    /// the host (`hostStart`).
    static func trimURL(_ p: UnsafeBufferPointer<UInt8>, _ hostStart: Int, _ end: Int) -> Int {
        var e = end
        while e > hostStart + 1 {
            let b = p[e - 1]
            switch b {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x5D:  // . , ; : ! ? ' ]
                e -= 1
            case 0x29:  // ')'
                var open = 0, close = 0
                for k in hostStart..<e {
                    if p[k] == 0x28 { open += 1 } else if p[k] == 0x29 { close += 1 }
                }
                if close > open { e -= 1 } else { return e }
            default:
                return e
            }
        }
        return e
    }

    // MARK: - E-mail

    /// Addresses, found from each '@'; not inside a URL.
    static func emails(_ p: UnsafeBufferPointer<UInt8>, urls: [Match], into out: inout [Match]) {
        let n = p.count
        var i = 0
        var u = 0
        var floor = 0
        while i < n {
            guard let at = UTF8Text.index(of: 0x40, in: p, from: i) else { break }
            i = at + 1
            while u < urls.count && urls[u].end <= at { u += 1 }
            if u < urls.count && urls[u].start <= at { continue }
            var s = at
            while s > floor && isLocalByte(p[s - 1]) && at - s <= 64 { s -= 1 }
            if s > floor && isLocalByte(p[s - 1]) { continue }  // a local part longer than 64
            while s < at && (p[s] == 0x2E || p[s] == 0x2D || p[s] == 0x2B) { s += 1 }  // not from . - +
            guard s < at, UTF8Text.boundaryBefore(p, s) else { continue }
            guard let (hostEnd, _, _) = host(p, from: at + 1) else { continue }
            guard UTF8Text.boundaryAfter(p, hostEnd), hostEnd >= n || p[hostEnd] != 0x40 else { continue }
            var value = [UInt8]()
            value.reserveCapacity(hostEnd - s)
            for k in s..<hostEnd {
                let b = p[k]
                value.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            }
            out.append(Match(.email, s, hostEnd, .string(String(decoding: value, as: UTF8.self)), rule: "email"))
            floor = hostEnd
            i = hostEnd
        }
    }

    @inline(__always)
    static func isLocalByte(_ b: UInt8) -> Bool {
        UTF8Text.isASCIILetter(b) || UTF8Text.isDigit(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    // MARK: - Phones

    /// Telephone numbers, found from each digit, '+' or '(' that starts a token; not inside a URL
    /// or an e-mail address.
    static func phones(_ p: UnsafeBufferPointer<UInt8>, skipping taken: [Match], into out: inout [Match]) {
        guard let base = p.baseAddress else { return }
        let n = p.count
        var i = 0
        var t = 0
        while i < n {
            // eight bytes at a time while none of them can start a number
            while i + 8 <= n && !mayStart(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            let b = p[i]
            let isStart: Bool
            switch b {
            case 0x30:  // national numbers start with 0
                isStart = true
            case 0x31:  // 1800 / 1900
                isStart = i + 3 < n && (p[i + 1] == 0x38 || p[i + 1] == 0x39) && p[i + 2] == 0x30 && p[i + 3] == 0x30
            case 0x2B:  // +
                isStart = i + 1 < n && UTF8Text.isDigit(p[i + 1])
            case 0x28:  // (
                isStart = i + 1 < n && (UTF8Text.isDigit(p[i + 1]) || p[i + 1] == 0x2B)
            default:
                isStart = false
            }
            guard isStart else { i += 1; continue }
            while t < taken.count && taken[t].end <= i { t += 1 }
            if t < taken.count && taken[t].start <= i { i = taken[t].end; continue }
            if startAllowed(p, i), let m = phone(p, at: i),
               t >= taken.count || m.end <= taken[t].start {
                out.append(m)
                i = m.end
                continue
            }
            // a later digit of the same run is glued to this one and cannot start a number; after
            // '(' or '+', the digit that follows gets its own try ("(0912345678)")
            i += 1
        }
    }

    /// Whether any of the eight bytes is '0', '1', '+' or '(' (the bytes that can start a number).
    @inline(__always)
    static func mayStart(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ y: UInt64) -> Bool { (y &- ones) & ~y & high != 0 }
        return hasZeroByte((x | ones) ^ (ones &* 0x31))  // '0' or '1'
            || hasZeroByte(x ^ (ones &* 0x2B))           // '+'
            || hasZeroByte(x ^ (ones &* 0x28))           // '('
    }

    /// Nothing glued to the left of a phone number.
    static func startAllowed(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let b = p[i - 1]
        switch b {
        case 0x2F, 0x40, 0x5F, 0x3D, 0x26, 0x23, 0x5C, 0x25, 0x24:  // / @ _ = & # \ % $
            return false
        case 0x2E, 0x2C, 0x2D, 0x2B:  // . , - + after a letter or digit: part of another token
            guard i >= 2 else { return true }
            return UTF8Text.boundaryBefore(p, i - 1)
        default:
            return UTF8Text.boundaryBefore(p, i)
        }
    }

    private struct Group { var start: Int; var end: Int }

    /// The phone number starting at `i` (a digit, '+' or '('), or nil.
    static func phone(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Match? {
        let n = p.count
        var j = i
        var international = false
        var groups: [Group] = []
        var separators: [UInt8] = []  // separators[k] joins groups[k] and groups[k + 1]; 0: none
        var trunkZero = false          // "(0)" after a country code

        // first group: digits, "+digits", "(digits)" or "(+digits)"
        var paren = false
        if p[j] == 0x28 { paren = true; j += 1 }
        if j < n && p[j] == 0x2B { international = true; j += 1 }
        let g0 = j
        while j < n && UTF8Text.isDigit(p[j]) && j - g0 <= 15 { j += 1 }
        guard j > g0 else { return nil }
        groups.append(Group(start: g0, end: j))
        if paren {
            guard j < n && p[j] == 0x29 else { return nil }
            j += 1
        }
        var ends = [j]  // where the number would end after each group
        var digitCount = j - g0

        // further groups
        while groups.count < 6 && j < n {
            var k = j
            let sep: UInt8
            if p[k] == 0x20 || p[k] == 0x2E || p[k] == 0x2D {
                sep = p[k]
                k += 1
            } else if groups.count == 1 && (paren || (international && p[k] == 0x28)) {
                sep = 0  // "(024)38464416", "+84(0)24…"
            } else {
                break
            }
            if international && groups.count == 1 && !trunkZero && k + 2 < n && p[k] == 0x28 && p[k + 1] == 0x30 && p[k + 2] == 0x29 {
                trunkZero = true  // "+84 (0)24 …", "+84 (0) 24 …"
                k += 3
                if k < n && p[k] == 0x20 { k += 1 }
            }
            guard k < n, UTF8Text.isDigit(p[k]) else { break }
            if separators.count >= 2 && sep != separators[1] { break }  // one kind after the first group
            var e = k
            while e < n && UTF8Text.isDigit(p[e]) && e - k <= 15 { e += 1 }
            digitCount += e - k
            if digitCount > 15 { return nil }
            groups.append(Group(start: k, end: e))
            separators.append(sep)
            j = e
            ends.append(e)
        }

        // the longest prefix of groups that makes a valid number
        var count = groups.count
        while count >= 1 {
            defer { count -= 1 }
            if paren && count == 1 { continue }  // "(0912345678)": the number is inside the brackets
            guard let (value, rule) = validate(p, groups: groups.prefix(count), separators: separators, international: international) else { continue }
            // a '.'/'-' run going on past the prefix is refused whole (money, dates, ranges)
            if count < groups.count && separators[count - 1] != 0x20 { return nil }
            let end = ends[count - 1]
            guard endsCleanly(p, end), !labelledOtherwise(p, before: i) else { return nil }
            return Match(.phone, i, end, .string(value), rule: rule)
        }
        return nil
    }

    /// The normalised number and its rule when the groups make one.
    private static func validate(_ p: UnsafeBufferPointer<UInt8>, groups: ArraySlice<Group>, separators: [UInt8], international: Bool) -> (String, String)? {
        var digits: [UInt8] = []
        // group sizes: the country code any, the first national group (prefix or area code) two
        // or more digits, the subscriber groups three or more ("02 07 2015 10" is no number)
        let firstNational = international ? 1 : 0
        for (k, g) in groups.enumerated() {
            let length = g.end - g.start
            if groups.count > 1 {
                if k == firstNational && length < 2 { return nil }
                if k > firstNational && length < 3 { return nil }
            }
            digits.append(contentsOf: UnsafeBufferPointer(rebasing: p[g.start..<g.end]))
        }
        if international {
            guard digits.count >= 8 && digits.count <= 15 else { return nil }
            if digits[0] == 0x38 && digits[1] == 0x34 {  // +84
                var national = Array(digits[2...])
                if national.first == 0x30 { national.removeFirst() }
                guard national.first != 0x30, nationalIsValid([0x30] + national) else { return nil }
                return ("+84" + String(decoding: national, as: UTF8.self), "intl")
            }
            guard digits[0] != 0x30 else { return nil }
            return ("+" + String(decoding: digits, as: UTF8.self), "intl")
        }
        if digits[0] == 0x30 {
            guard nationalIsValid(digits) else { return nil }
            return (String(decoding: digits, as: UTF8.self), "national")
        }
        // 1800 / 1900: 8 or 10 digits, the prefix written as a group of its own (or unseparated)
        guard digits.count == 8 || digits.count == 10, digits[0] == 0x31, digits[1] == 0x38 || digits[1] == 0x39,
              digits[2] == 0x30, digits[3] == 0x30, let first = groups.first else { return nil }
        guard first.end - first.start == 4 || groups.count == 1 else { return nil }
        // "1900-1945" is a range of years
        if groups.count == 2, separators.first == 0x2D, let last = groups.last, last.end - last.start == 4,
           (p[last.start] == 0x31 && p[last.start + 1] == 0x39) || (p[last.start] == 0x32 && p[last.start + 1] == 0x30) {
            return nil
        }
        return (String(decoding: digits, as: UTF8.self), "service")
    }

    /// A national number (leading 0) that fits Vietnamese numbering.
    static func nationalIsValid(_ d: [UInt8]) -> Bool {
        guard d.count >= 10 && d.count <= 11, d[0] == 0x30 else { return false }
        switch d[1] {
        case 0x31: return d.count == 11             // 01xx xxx xxxx, mobiles before 2018
        case 0x32...0x38: return true                // landlines, 03/05/07/08 mobiles
        case 0x39: return d.count == 10             // 09x mobiles
        default: return false
        }
    }

    /// Nothing glued to the right of a phone number, and no unit after it.
    static func endsCleanly(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        guard end < p.count else { return true }
        let b = p[end]
        switch b {
        case 0x40, 0x5F, 0x25, 0x24:  // @ _ % $
            return false
        case 0x2F, 0x2E, 0x2C, 0x3A, 0x2D:  // / . , : - followed by a digit: part of another token
            if end + 1 < p.count && UTF8Text.isDigit(p[end + 1]) { return false }
        default:
            if !UTF8Text.boundaryAfter(p, end) { return false }
        }
        // a unit after it makes it an amount
        var w = end
        if p[w] == 0x20 { w += 1 }
        if let (key, _) = UTF8Text.foldedWord(p, at: w), units.contains(key) { return false }
        return true
    }

    static let units: Set<String> = ["dong", "d", "vnd", "usd", "eur", "euro", "trieu", "ty", "ti", "nghin", "ngan", "tram", "km", "kg"]

    /// A number labelled as something else: the word before it (over spaces and a colon) is one
    /// of `otherLabels` (mã số thuế, MST, tài khoản, STK, CMND, CCCD).
    static func labelledOtherwise(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var k = i
        while k > 0 && i - k < 3 && (p[k - 1] == 0x20 || p[k - 1] == 0x3A) { k -= 1 }
        guard k < i, let (key, _) = UTF8Text.foldedWord(endingAt: k, in: p) else { return false }
        return otherLabels.contains(key)
    }

    static let otherLabels: Set<String> = ["thue", "mst", "khoan", "stk", "tk", "cmnd", "cccd", "hieu"]

    @inline(__always)
    static func string(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[s..<e]), as: UTF8.self)
    }
}

extension UTF8Text {
    /// The first `byte` at or after `i` (memchr), or nil.
    @inline(__always)
    static func index(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
        guard let base = p.baseAddress, i < p.count, let hit = memchr(base + i, Int32(byte), p.count - i) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// The word of letters that ends at `end`, as its folded key, and where it starts; nil when
    /// no letter ends there. Only the last 40 bytes are looked at.
    static func foldedWord(endingAt end: Int, in p: UnsafeBufferPointer<UInt8>) -> (key: String, start: Int)? {
        var start = end
        while let prev = previousStart(p, before: start), let (v, _) = scalar(p, at: prev), isLetter(v), end - prev <= 40 {
            start = prev
        }
        guard start < end, let (key, _) = foldedWord(p, at: start) else { return nil }
        return (key, start)
    }
}
