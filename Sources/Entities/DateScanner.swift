import DocumentModel

/// Dates and periods in normalised Vietnamese text, found by small hand-written grammars over
/// the UTF-8 bytes (no regular expressions). The scan jumps between digits and the first letters
/// of a few keywords (ngày, tháng, năm, từ, quý, thứ, chủ nhật, giai đoạn, …) and reads a
/// grammar only there.
///
/// `date` values are ISO 8601 strings at the precision written ("2016-11-15", "2014-10",
/// "2021", "2024-10-10T09:09"); `period` values are `{"start", "end"}` with ISO strings.
///
/// - Numeric dates: `15/11/2016`, `15-11-2016`, `15.11.2016` (one separator, a four-digit year
///   1900–2100, a real calendar day, not inside a bigger token such as `123/2003/NĐ-CP`). A
///   leading "ngày" is not part of the span; a weekday before it is ("Thứ Năm, ngày 10/10/2024").
/// - In words: `ngày [mồng] 5 tháng ba năm 2019` (the span starts at "ngày"), `tháng 10/2014`,
///   `tháng mười hai năm 2020`, `năm 2021`.
/// - Times: after a date (`10/10/2024 09:09`, `… | 08:28 AM`, `…, lúc 9 giờ`) or before it
///   (`9 giờ 30 sáng ngày 5/3/2024`, `14h30 ngày 5/3/2024`); "chiều/tối" move the hour to the
///   afternoon. A time alone is not a date.
/// - Periods: year ranges (`2023-2025`, `giai đoạn 2021- 2025`, `năm học 2024 – 2025`),
///   `từ … đến …` (a year-less start takes the end's year), day ranges (`5-7/3/2024`), month
///   ranges (`tháng 1-6/2020`), quarters (`quý IV năm 2021`), `6 tháng đầu/cuối năm 2025`,
///   `nửa đầu năm 2025`. Dates inside a period are not reported on their own.
/// - Year-less dates (`ngày 30/9`) count only as the start of a range.
public struct DateRecognizer: Recognizer {
    public let types: Set<EntityType> = [.date, .period]

    public init() {}

    public func recognize(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        let first = matches.count
        let tables = DateTables.shared
        tables.scanFilter.withUnsafeBufferPointer { filter in
            DateScanner(p: text, filter: filter, t: tables).scan(into: &matches)
        }
        // A date inside a period is reported as the period only. The scan already skips past
        // each match, so this only guards the rare look-back ("sáu tháng đầu năm").
        guard matches[first...].contains(where: { $0.type == .period }) else { return }
        let periods = matches[first...].filter { $0.type == .period }.map { $0.start..<$0.end }.sorted { $0.lowerBound < $1.lowerBound }
        var maxEnd: [Int] = []
        maxEnd.reserveCapacity(periods.count)
        for r in periods { maxEnd.append(max(maxEnd.last ?? Int.min, r.upperBound)) }
        func insidePeriod(_ m: Match) -> Bool {
            var lo = 0, hi = periods.count  // first period starting at or after the date's end
            while lo < hi {
                let mid = (lo + hi) / 2
                if periods[mid].lowerBound < m.end { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && maxEnd[lo - 1] > m.start
        }
        if matches[first...].contains(where: { $0.type == .date && insidePeriod($0) }) {
            let kept = matches[first...].filter { !($0.type == .date && insidePeriod($0)) }
            matches.replaceSubrange(first..., with: kept)
        }
    }
}

/// One end of a range, or a date on its own.
struct DateEndpoint {
    var start: Int
    var end: Int
    var parts: DateParts
    var rule: String
    /// False for forms that are only read inside a range: year-less dates, a bare year, "6/2018".
    var standalone: Bool = true

    var yearOnly: Bool { parts.year != nil && parts.month == nil && parts.day == nil }
}

/// A time of day as read.
struct DateClock {
    var hour: Int
    var minute: Int?
    var second: Int?
    var end: Int
    /// Written "09:09" (may be followed by AM/PM or run into the next word).
    var colon: Bool
}

struct DateScanner {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    /// `DateTables.scanFilter`.
    let filter: UnsafeBufferPointer<UInt8>
    let t: DateTables

    init(p: UnsafeBufferPointer<UInt8>, filter: UnsafeBufferPointer<UInt8>, t: DateTables) {
        self.p = p
        self.n = p.count
        self.filter = filter
        self.t = t
    }

    // MARK: - The scan

    func scan(into matches: inout [Match]) {
        var i = 0
        // End of the last match: text glued to it still starts a word ("07:52Từ ngày …").
        var lastEnd = -1
        var previous: UInt8 = 0x20
        while i < n {
            let b = p[i]
            let look = filter[Int(b)] & filter[256 + Int(previous)]
            if look == 0 {
                previous = b
                i += 1
                continue
            }
            if look == 1 {
                var runEnd = i + 1
                while runEnd < n && UTF8Text.isDigit(p[runEnd]) { runEnd += 1 }
                if cleanStart(i), let m = atDigit(i) {
                    matches.append(m)
                    i = max(m.end, i + 1)
                    lastEnd = i
                    previous = 0x20
                } else if let m = yearAlone(i, runEnd) {
                    matches.append(m)
                    i = runEnd
                    lastEnd = i
                    previous = 0x20
                } else {
                    i = runEnd
                    previous = p[i - 1]
                }
                continue
            }
            if (i == lastEnd || letterStart(i)) && keywordPrefix(i), let (key, wordEnd) = word(at: i) {
                if let m = atWord(i, key, wordEnd) {
                    matches.append(m)
                    i = max(m.end, wordEnd)
                    lastEnd = i
                    previous = 0x20
                } else {
                    i = wordEnd
                    previous = p[i - 1]
                }
                continue
            }
            previous = b
            i += 1
        }
    }

    /// A year standing alone on its line, as in a table cell flattened into text ("2011" in a
    /// "founded" column): a date at the precision written.
    func yearAlone(_ start: Int, _ end: Int) -> Match? {
        guard end - start == 4, let (year, _) = UTF8Text.digits(p, at: start), year >= 1900, year <= 2100 else { return nil }
        var a = start
        while a > 0 && (p[a - 1] == 0x20 || p[a - 1] == 0x09) { a -= 1 }
        guard a == 0 || p[a - 1] == 0x0A else { return nil }
        var b = end
        while b < n && (p[b] == 0x20 || p[b] == 0x09) { b += 1 }
        guard b == n || p[b] == 0x0A else { return nil }
        return Match(.date, start, end, .string(String(year)), rule: "year-alone")
    }

    /// No letter or digit just before `i`.
    @inline(__always)
    func letterStart(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let b = p[i - 1]
        if b < 0x80 { return !(UTF8Text.isDigit(b) || UTF8Text.isASCIILetter(b)) }
        // Quick no for the common case: the end of a Vietnamese letter ("động", "tình").
        if b < 0xC0 && i >= 3 {
            let l2 = p[i - 2], l3 = p[i - 3]
            if (l2 >= 0xC3 && l2 <= 0xC8 && !(l2 == 0xC3 && (b == 0x97 || b == 0xB7))) || (l2 == 0xC9 && b < 0x90)
                || (l3 == 0xE1 && l2 >= 0xB8 && l2 <= 0xBB) { return false }
        }
        return UTF8Text.boundaryBefore(p, i)
    }

    /// The bytes after an ASCII first letter: can a keyword start here? Exact on the accented
    /// letters (either case), so the word is read only for real candidates.
    @inline(__always)
    func keywordPrefix(_ i: Int) -> Bool {
        if i + 5 < n {
            return Self.keywordPrefix(p[i], p[i + 1], p[i + 2], p[i + 3], p[i + 4], p[i + 5])
        }
        @inline(__always) func at(_ k: Int) -> UInt8 { i + k < n ? p[i + k] : 0 }
        return Self.keywordPrefix(at(0), at(1), at(2), at(3), at(4), at(5))
    }

    static func keywordPrefix(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8, _ b4: UInt8, _ b5: UInt8) -> Bool {
        let l1 = b1 | 0x20
        switch b0 | 0x20 {
        case 0x6E:  // n
            if l1 == 0x67 {  // ngày, ngay
                return (b2 == 0xC3 && (b3 == 0xA0 || b3 == 0x80)) || (b2 | 0x20 == 0x61 && b3 | 0x20 == 0x79)
            }
            if b1 == 0xC4 { return b2 == 0x83 || b2 == 0x82 }  // năm
            if b1 == 0xE1 { return b2 == 0xBB && (b3 == 0xAD || b3 == 0xAC) }  // nửa
            if l1 == 0x69 { return b2 == 0xC3 && (b3 == 0xAA || b3 == 0x8A) }  // niên
            if l1 == 0x68 { return b2 | 0x20 == 0x69 && b3 == 0xE1 && b4 == 0xBB && (b5 == 0x87 || b5 == 0x86) }  // nhiệm
            return false
        case 0x74:  // t
            if b1 == 0xE1 { return b2 == 0xBB && (b3 == 0xAB || b3 == 0xAA) }  // từ
            guard l1 == 0x68 else { return false }
            if b2 == 0xC3 { return b3 == 0xA1 || b3 == 0x81 }  // tháng
            if b2 == 0xE1 { return b3 == 0xBB && (b4 == 0xA9 || b4 == 0xA8 || b4 == 0x9D || b4 == 0x9C) }  // thứ, thời
            return b2 | 0x20 == 0x61 && b3 | 0x20 == 0x6E  // thang
        case 0x71: return l1 == 0x75 && b2 == 0xC3 && (b3 == 0xBD || b3 == 0x9D)  // quý
        case 0x67: return l1 == 0x69 && b2 | 0x20 == 0x61 && b3 | 0x20 == 0x69  // giai
        case 0x63: return l1 == 0x68 && b2 == 0xE1 && b3 == 0xBB && (b4 == 0xA7 || b4 == 0xA6)  // chủ
        case 0x6D:  // mồng, mùng
            return (b1 == 0xE1 && b2 == 0xBB && (b3 == 0x93 || b3 == 0x92)) || (b1 == 0xC3 && (b2 == 0xB9 || b2 == 0x99))
        default: return false
        }
    }

    // MARK: - Dispatch

    func atDigit(_ i: Int) -> Match? {
        if let (count, e) = number(i, maxDigits: 2), let m = monthsOfYear(count: count, start: i, after: e) { return m }
        if let m = timeThenDate(at: i) { return m }
        if let m = dayRange(at: i) { return m }
        guard let a = endpoint(at: i, dayMonth: true, monthYear: false, dashOK: true, bareYear: true) else { return nil }
        if let m = range(from: a, spanStart: a.start, explicit: false, hasFrom: false) { return m }
        return single(a)
    }

    func atWord(_ i: Int, _ k: DateWordKey, _ e: Int) -> Match? {
        if k == t.tu {
            guard let s = spaces(e),
                  let a = endpoint(at: s, dayMonth: true, monthYear: true, dashOK: true, bareYear: true)
            else { return nil }
            return range(from: a, spanStart: i, explicit: true, hasFrom: true)
        }
        if k == t.ngay || k == t.ngayPlain || k == t.thang || k == t.thangPlain || k == t.nam || k == t.mong || k == t.mung {
            if k == t.nam, let m = periodPrefix(i, k, e) { return m }
            if k == t.ngay || k == t.ngayPlain, let s = spaces(e), isDigit(s), let m = dayRange(at: s) { return m }
            if k == t.thang || k == t.thangPlain {
                if let m = monthRange(at: i, afterKeyword: e) { return m }
                if let m = numberWordsMonths(thang: i, after: e) { return m }
            }
            guard let a = endpoint(at: i, key: k, keyEnd: e, dayMonth: true, monthYear: false, dashOK: true) else { return nil }
            if let m = range(from: a, spanStart: a.start, explicit: false, hasFrom: false) { return m }
            return single(a)
        }
        if k == t.giai || k == t.nien || k == t.nhiem || k == t.thoi { return periodPrefix(i, k, e) }
        if k == t.quy { return quarter(at: i, afterKeyword: e) }
        if k == t.nua { return half(at: i, afterKeyword: e) }
        if k == t.thu || k == t.chu { return weekday(at: i, key: k, keyEnd: e) }
        return nil
    }

    /// A date on its own (with a time after it when one follows).
    func single(_ a: DateEndpoint) -> Match? {
        guard a.standalone, a.parts.year != nil, cleanEnd(a.end, dashOK: false) else { return nil }
        var parts = a.parts
        var end = a.end
        var rule = a.rule
        if parts.day != nil, let c = timeAfter(a.end) {
            parts.hour = c.hour
            parts.minute = c.minute
            parts.second = c.second
            end = c.end
            rule = "datetime"
        }
        return Match(.date, a.start, end, .string(parts.iso), rule: rule)
    }

    // MARK: - Lexical helpers

    @inline(__always)
    func byte(_ j: Int) -> UInt8 { j >= 0 && j < n ? p[j] : 0 }

    @inline(__always)
    func isDigit(_ j: Int) -> Bool { j < n && UTF8Text.isDigit(p[j]) }

    /// The word of letters at `i` as a lowercase key, and where it ends.
    func word(at i: Int) -> (key: DateWordKey, end: Int)? {
        var j = i
        var key = DateWordKey()
        while j < n {
            let b = p[j]
            if b < 0x80 {
                guard UTF8Text.isASCIILetter(b) else { break }
                key.append(UInt16(b | 0x20))
                j += 1
                continue
            }
            guard let (v, len) = UTF8Text.scalar(p, at: j), UTF8Text.isLetter(v) else { break }
            key.append(t.lower(v))
            j += len
        }
        return j > i ? (key, j) : nil
    }

    /// `j` when `key` is the word at `j`, its end; else nil.
    func keyword(_ j: Int, _ key: DateWordKey) -> Int? {
        guard let (k, e) = word(at: j), k == key else { return nil }
        return e
    }

    /// One or more spaces at `j`; the offset after them.
    @inline(__always)
    func spaces(_ j: Int) -> Int? {
        let s = UTF8Text.skipSpaces(p, from: j)
        return s > j ? s : nil
    }

    /// A run of 1...maxDigits digits at `j`.
    func number(_ j: Int, maxDigits: Int) -> (value: Int, end: Int)? {
        guard let (v, e) = UTF8Text.digits(p, at: j), e - j <= maxDigits else { return nil }
        return (v, e)
    }

    /// Exactly two digits at `j`.
    func twoDigits(_ j: Int) -> (value: Int, end: Int)? {
        guard let (v, e) = UTF8Text.digits(p, at: j), e - j == 2 else { return nil }
        return (v, e)
    }

    /// A plausible year: exactly four digits, 1900–2100.
    func year(_ j: Int) -> (value: Int, end: Int)? {
        guard let (v, e) = UTF8Text.digits(p, at: j), e - j == 4, v >= 1900, v <= 2100 else { return nil }
        return (v, e)
    }

    func alnum(at j: Int) -> Bool {
        guard let (v, _) = UTF8Text.scalar(p, at: j) else { return false }
        return UTF8Text.isLetterOrDigit(v)
    }

    /// An en or em dash at `j`.
    @inline(__always)
    func longDash(_ j: Int) -> Bool {
        j + 2 < n && p[j] == 0xE2 && p[j + 1] == 0x80 && (p[j + 2] == 0x93 || p[j + 2] == 0x94)
    }

    /// Nothing at `j` carries the number on: no letter or digit, no "/", "." or "-" leading to a
    /// letter or digit ("2003/NĐ-CP", "1.766", "2024.png"), no "," before a digit. `dashOK`
    /// lets a dash follow (a range may go on).
    func cleanEnd(_ j: Int, dashOK: Bool) -> Bool {
        guard j < n else { return true }
        let b = p[j]
        if b >= 0x80 {
            if longDash(j) { return dashOK || !alnum(at: j + 3) }
            return UTF8Text.boundaryAfter(p, j)
        }
        if UTF8Text.isDigit(b) || UTF8Text.isASCIILetter(b) { return false }
        switch b {
        case 0x2F, 0x2E: return !alnum(at: j + 1)  // / .
        case 0x2C: return !isDigit(j + 1)  // ,
        case 0x2D: return dashOK || !alnum(at: j + 1)  // -
        case 0x5F, 0x40: return false  // _ @
        default: return true
        }
    }

    /// A number may start at `i`: no letter or digit before it, and it does not continue a
    /// token such as "99/2023", "1.766", "04-6273", "KH-2020".
    func cleanStart(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let b = p[i - 1]
        if b >= 0x80 { return UTF8Text.boundaryBefore(p, i) }
        if UTF8Text.isDigit(b) || UTF8Text.isASCIILetter(b) { return false }
        switch b {
        case 0x2F, 0x2E, 0x2C, 0x2D, 0x5F, 0x40:  // / . , - _ @
            guard let j = UTF8Text.previousStart(p, before: i - 1) else { return true }
            return !alnum(at: j)
        case 0x3A:  // : after a digit ("10:2023")
            return !(i >= 2 && UTF8Text.isDigit(p[i - 2]))
        default:
            return true
        }
    }

    // MARK: - Dates and range ends

    /// D/M/YYYY, D-M-YYYY, D.M.YYYY; with `dayMonth` also D/M, with `monthYear` also M/YYYY.
    func numericDate(at i: Int, dayMonth: Bool, monthYear: Bool, dashOK: Bool) -> DateEndpoint? {
        guard let (d, e1) = number(i, maxDigits: 2), e1 < n else { return nil }
        let sep = p[e1]
        guard sep == 0x2F || sep == 0x2D || sep == 0x2E else { return nil }
        if let (m, e2) = number(e1 + 1, maxDigits: 2) {
            if e2 < n, p[e2] == sep, let (y, e3) = year(e2 + 1) {
                let parts = DateParts(year: y, month: m, day: d)
                guard parts.isValid, cleanEnd(e3, dashOK: dashOK) else { return nil }
                let rule = sep == 0x2F ? "dmy-slash" : sep == 0x2D ? "dmy-dash" : "dmy-dot"
                return DateEndpoint(start: i, end: e3, parts: parts, rule: rule)
            }
            let parts = DateParts(month: m, day: d)
            guard dayMonth, sep == 0x2F, parts.isValid, cleanEnd(e2, dashOK: dashOK) else { return nil }
            return DateEndpoint(start: i, end: e2, parts: parts, rule: "day-month", standalone: false)
        }
        guard monthYear, sep == 0x2F, d >= 1, d <= 12, let (y, e2) = year(e1 + 1), cleanEnd(e2, dashOK: dashOK) else { return nil }
        return DateEndpoint(start: i, end: e2, parts: DateParts(year: y, month: d), rule: "month-year", standalone: false)
    }

    /// A day of the month: 1–2 digits or number words ("mười lăm"), read up to "tháng".
    func dayNumber(at j: Int) -> (value: Int, end: Int)? {
        if isDigit(j) {
            guard let (d, e) = number(j, maxDigits: 2), d >= 1, d <= 31 else { return nil }
            return (d, e)
        }
        guard let (k0, _) = word(at: j), t.numberFold[k0] != nil else { return nil }
        var tokens: [String] = []
        var end = j
        var s = j
        while tokens.count < 4, let (key, e) = word(at: s), let f = t.numberFold[key] {
            tokens.append(f)
            end = e
            guard let s2 = spaces(e) else { break }
            s = s2
        }
        guard let v = NumberWords.value(of: tokens), v >= 1, v <= 31 else { return nil }
        return (v, end)
    }

    /// A month: 1–2 digits (1–12) or a month word ("giêng", "tư", "mười hai", "chạp").
    func monthNumber(at j: Int) -> (value: Int, end: Int, digits: Bool)? {
        if isDigit(j) {
            guard let (m, e) = number(j, maxDigits: 2), m >= 1, m <= 12 else { return nil }
            return (m, e, true)
        }
        guard let (key, e) = word(at: j), let m = t.monthWord[key] else { return nil }
        if key == t.muoi, let s = spaces(e), let (k2, e2) = word(at: s) {
            if k2 == t.mot { return (11, e2, false) }
            if k2 == t.hai { return (12, e2, false) }
        }
        return (m, e, false)
    }

    /// The year after a month: "/2014", "-2014", ".2014" right after digits, or "[,] năm 2014".
    func yearAfterMonth(at j: Int, monthDigits: Bool, dashOK: Bool) -> (value: Int, end: Int)? {
        let b = byte(j)
        if monthDigits, b == 0x2F || b == 0x2D || b == 0x2E {
            guard let (y, e) = year(j + 1), cleanEnd(e, dashOK: dashOK) else { return nil }
            return (y, e)
        }
        guard let s = spaces(b == 0x2C ? j + 1 : j), let (k, e) = word(at: s), k == t.nam || k == t.namPlain,
              let s2 = spaces(e), let (y, e2) = year(s2), cleanEnd(e2, dashOK: dashOK)
        else { return nil }
        return (y, e2)
    }

    /// "D tháng M [năm Y]" with the day at `day`; the span starts at `start`. Without
    /// `dayMonth` the year is required.
    func dayMonthWords(start: Int, day: Int, dayMonth: Bool, dashOK: Bool) -> DateEndpoint? {
        guard let (d, e) = dayNumber(at: day), let s = spaces(e), let (k, e2) = word(at: s), k == t.thang || k == t.thangPlain,
              let s2 = spaces(e2), let (m, e3, digits) = monthNumber(at: s2)
        else { return nil }
        if let (y, e4) = yearAfterMonth(at: e3, monthDigits: digits, dashOK: dashOK) {
            let parts = DateParts(year: y, month: m, day: d)
            guard parts.isValid else { return nil }
            return DateEndpoint(start: start, end: e4, parts: parts, rule: "dmy-words")
        }
        let parts = DateParts(month: m, day: d)
        guard dayMonth, parts.isValid, !digits || cleanEnd(e3, dashOK: dashOK) else { return nil }
        return DateEndpoint(start: start, end: e3, parts: parts, rule: "day-month", standalone: false)
    }

    /// A date or range end at `i` (a digit or a keyword).
    func endpoint(at i: Int, dayMonth: Bool, monthYear: Bool, dashOK: Bool, bareYear: Bool) -> DateEndpoint? {
        if isDigit(i) {
            if let d = numericDate(at: i, dayMonth: dayMonth, monthYear: monthYear, dashOK: dashOK) { return d }
            if let d = dayMonthWords(start: i, day: i, dayMonth: false, dashOK: dashOK) { return d }
            if bareYear, let (y, e) = year(i), cleanEnd(e, dashOK: dashOK) {
                return DateEndpoint(start: i, end: e, parts: DateParts(year: y), rule: "year", standalone: false)
            }
            return nil
        }
        guard let (k, e) = word(at: i) else { return nil }
        return endpoint(at: i, key: k, keyEnd: e, dayMonth: dayMonth, monthYear: monthYear, dashOK: dashOK)
    }

    func endpoint(at i: Int, key k: DateWordKey, keyEnd e: Int, dayMonth: Bool, monthYear: Bool, dashOK: Bool) -> DateEndpoint? {
        if k == t.ngay || k == t.ngayPlain {
            guard var s = spaces(e) else { return nil }
            if let (k2, e2) = word(at: s), k2 == t.mong || k2 == t.mung, let s2 = spaces(e2) { s = s2 }
            if isDigit(s), let d = numericDate(at: s, dayMonth: dayMonth, monthYear: false, dashOK: dashOK) { return d }
            if let d = dayMonthWords(start: i, day: s, dayMonth: dayMonth, dashOK: dashOK) { return d }
            // "ngày 5" (đến ngày 10/3/2024): only as a range start.
            if dayMonth, let (d, e3) = number(s, maxDigits: 2), d >= 1, d <= 31, cleanEnd(e3, dashOK: dashOK), byte(e3) != 0x2F {
                return DateEndpoint(start: s, end: e3, parts: DateParts(day: d), rule: "day", standalone: false)
            }
            return nil
        }
        if k == t.mong || k == t.mung {
            guard let s = spaces(e) else { return nil }
            return dayMonthWords(start: i, day: s, dayMonth: dayMonth, dashOK: dashOK)
        }
        if k == t.thang || k == t.thangPlain {
            guard let s = spaces(e), let (m, e2, digits) = monthNumber(at: s) else { return nil }
            if let (y, e3) = yearAfterMonth(at: e2, monthDigits: digits, dashOK: dashOK) {
                return DateEndpoint(start: i, end: e3, parts: DateParts(year: y, month: m), rule: "month-year")
            }
            guard dayMonth, !digits || cleanEnd(e2, dashOK: dashOK) else { return nil }
            return DateEndpoint(start: i, end: e2, parts: DateParts(month: m), rule: "month", standalone: false)
        }
        if k == t.nam {
            guard let s = spaces(e), let (y, e2) = year(s), cleanEnd(e2, dashOK: dashOK) else { return nil }
            return DateEndpoint(start: i, end: e2, parts: DateParts(year: y), rule: "year-word")
        }
        return nil
    }

    // MARK: - Periods

    /// After a range start: a connector ("đến", "tới", "cho đến", "-", "–") and a dated end.
    /// A year-less start takes the end's year (the year before when it would come after the
    /// end), a day alone also the end's month. `explicit`: "từ" or "giai đoạn …" came first.
    func range(from a: DateEndpoint, spanStart: Int, explicit: Bool, hasFrom: Bool) -> Match? {
        let s0 = UTF8Text.skipSpaces(p, from: a.end)
        guard s0 < n else { return nil }
        var c: Int
        var wordConnector = false
        if p[s0] == 0x2D {
            c = s0 + 1
        } else if longDash(s0) {
            c = s0 + 3
        } else {
            guard s0 > a.end, let (k, e) = word(at: s0) else { return nil }
            if k == t.den || k == t.toi {
                c = e
            } else if k == t.cho, let s1 = spaces(e), let e1 = keyword(s1, t.den) {
                c = e1
            } else {
                return nil
            }
            if let s1 = spaces(c), let e1 = keyword(s1, t.het) { c = e1 }
            wordConnector = true
        }
        let s = UTF8Text.skipSpaces(p, from: c)
        if wordConnector && s == c { return nil }
        let monthStart = a.parts.month != nil && a.parts.day == nil
        guard let b = endpoint(at: s, dayMonth: false, monthYear: explicit && monthStart, dashOK: false, bareYear: a.yearOnly),
              let by = b.parts.year
        else { return nil }
        // A bare year pairs only with a year.
        if a.rule == "year" && !b.yearOnly { return nil }

        var start = a.parts.dateOnly
        if start.year == nil {
            var inheritedMonth = false
            if start.month == nil {
                guard start.day != nil, let bm = b.parts.month else { return nil }
                start.month = bm
                inheritedMonth = true
            }
            start.year = by
            if !inheritedMonth && start.low > b.parts.high { start.year = by - 1 }
        }
        let end = b.parts.dateOnly
        guard start.isValid, start.low <= end.high else { return nil }
        let rule = hasFrom ? "from-to" : (a.yearOnly && b.yearOnly ? "year-range" : "date-range")
        return period(spanStart, b.end, start, end, rule)
    }

    func period(_ s: Int, _ e: Int, _ a: DateParts, _ b: DateParts, _ rule: String) -> Match {
        Match(.period, s, e, .object([.init("start", .string(a.iso)), .init("end", .string(b.iso))]), rule: rule)
    }

    /// "giai đoạn", "năm học", "niên khóa", "nhiệm kỳ", "thời kỳ" before a range ("từ" optional).
    func periodPrefix(_ i: Int, _ k: DateWordKey, _ e: Int) -> Match? {
        guard let s = spaces(e), let (k2, e2) = word(at: s) else { return nil }
        let ok: Bool
        if k == t.giai { ok = k2 == t.doan }
        else if k == t.nam { ok = k2 == t.hoc }
        else if k == t.nien { ok = k2 == t.khoa || k2 == t.khoaAlt }
        else { ok = k2 == t.ky || k2 == t.kyAlt }
        guard ok, var s2 = spaces(e2) else { return nil }
        var hasFrom = false
        if let e3 = keyword(s2, t.tu), let s3 = spaces(e3) {
            s2 = s3
            hasFrom = true
        }
        guard let a = endpoint(at: s2, dayMonth: true, monthYear: true, dashOK: true, bareYear: true) else { return nil }
        return range(from: a, spanStart: i, explicit: true, hasFrom: hasFrom)
    }

    /// A dash with optional spaces around it; the offset after the spaces.
    func dash(at j: Int) -> Int? {
        let s = UTF8Text.skipSpaces(p, from: j)
        if byte(s) == 0x2D { return UTF8Text.skipSpaces(p, from: s + 1) }
        if longDash(s) { return UTF8Text.skipSpaces(p, from: s + 3) }
        return nil
    }

    /// "5-7/3/2024": days of one month.
    func dayRange(at i: Int) -> Match? {
        guard let (d1, e1) = number(i, maxDigits: 2), let s = dash(at: e1), let (d2, e2) = number(s, maxDigits: 2),
              byte(e2) == 0x2F, let (m, e3) = number(e2 + 1, maxDigits: 2), byte(e3) == 0x2F,
              let (y, e4) = year(e3 + 1), cleanEnd(e4, dashOK: false), d1 < d2
        else { return nil }
        let a = DateParts(year: y, month: m, day: d1), b = DateParts(year: y, month: m, day: d2)
        guard a.isValid, b.isValid else { return nil }
        return period(i, e4, a, b, "day-range")
    }

    /// "tháng 1-6/2020", "tháng 1 - 6 năm 2020": months of one year.
    func monthRange(at i: Int, afterKeyword e: Int) -> Match? {
        guard let s = spaces(e), let (m1, e1) = number(s, maxDigits: 2), let s2 = dash(at: e1),
              let (m2, e2) = number(s2, maxDigits: 2), m1 >= 1, m1 < m2, m2 <= 12,
              let (y, e3) = yearAfterMonth(at: e2, monthDigits: true, dashOK: false)
        else { return nil }
        return period(i, e3, DateParts(year: y, month: m1), DateParts(year: y, month: m2), "month-range")
    }

    /// "quý IV năm 2021", "quý 4/2021", "Quý I - 2024".
    func quarter(at i: Int, afterKeyword e: Int) -> Match? {
        guard let s = spaces(e) else { return nil }
        var q = 0
        var e1 = s
        if isDigit(s) {
            guard let (v, x) = number(s, maxDigits: 1) else { return nil }
            q = v
            e1 = x
        } else {
            while e1 < n && e1 - s < 4, p[e1] | 0x20 == 0x69 || p[e1] | 0x20 == 0x76 { e1 += 1 }  // i v
            guard UTF8Text.boundaryAfter(p, e1) else { return nil }
            switch String(decoding: UnsafeBufferPointer(rebasing: p[s..<e1]), as: UTF8.self).uppercased() {
            case "I": q = 1
            case "II": q = 2
            case "III": q = 3
            case "IV": q = 4
            default: return nil
            }
        }
        guard q >= 1, q <= 4 else { return nil }
        var y: (value: Int, end: Int)?
        if let s2 = dash(at: e1) {
            y = year(s2)
        } else if byte(e1) == 0x2F {
            y = year(e1 + 1)
        } else {
            y = yearAfterMonth(at: e1, monthDigits: false, dashOK: false)
        }
        guard let (yv, ye) = y, cleanEnd(ye, dashOK: false) else { return nil }
        return period(i, ye, DateParts(year: yv, month: 3 * q - 2), DateParts(year: yv, month: 3 * q), "quarter")
    }

    /// After a count of months at `start`: "tháng đầu/cuối năm 2025".
    func monthsOfYear(count: Int, start: Int, after e: Int) -> Match? {
        guard count >= 1, count <= 12, let s = spaces(e), let (k, e1) = word(at: s), k == t.thang || k == t.thangPlain else { return nil }
        return partOfYear(count: count, start: start, after: e1)
    }

    /// "(đầu|cuối) năm YYYY" after "N tháng" or "nửa".
    func partOfYear(count: Int, start: Int, after e: Int) -> Match? {
        guard let s = spaces(e), let (k, e1) = word(at: s), k == t.dau || k == t.cuoi,
              let s2 = spaces(e1), let e2 = keyword(s2, t.nam), let s3 = spaces(e2),
              let (y, e3) = year(s3), cleanEnd(e3, dashOK: false)
        else { return nil }
        let first = k == t.dau ? 1 : 13 - count
        let last = k == t.dau ? count : 12
        return period(start, e3, DateParts(year: y, month: first), DateParts(year: y, month: last),
                      count == 6 ? "half-year" : "months-of-year")
    }

    /// "nửa đầu năm 2025".
    func half(at i: Int, afterKeyword e: Int) -> Match? { partOfYear(count: 6, start: i, after: e) }

    /// "sáu tháng đầu năm 2025": the count in words, found by looking back from "tháng".
    func numberWordsMonths(thang i: Int, after e: Int) -> Match? {
        guard let s = spaces(e), let (k, _) = word(at: s), k == t.dau || k == t.cuoi,
              let (w1, s1) = wordBefore(i), let f1 = t.numberFold[w1]
        else { return nil }
        if let (w0, s0) = wordBefore(s1), let f0 = t.numberFold[w0], let v = NumberWords.value(of: [f0, f1]), v >= 1, v <= 12 {
            return partOfYear(count: v, start: s0, after: e)
        }
        guard let v = NumberWords.value(of: [f1]), v >= 1, v <= 12 else { return nil }
        return partOfYear(count: v, start: s1, after: e)
    }

    /// The word just before `i` (one space between), its key and start.
    func wordBefore(_ i: Int) -> (key: DateWordKey, start: Int)? {
        guard i >= 2, p[i - 1] == 0x20 else { return nil }
        let end = i - 1
        var s = end
        while let ps = UTF8Text.previousStart(p, before: s), let (v, _) = UTF8Text.scalar(p, at: ps), UTF8Text.isLetter(v) { s = ps }
        guard s < end, letterStart(s), let (k, e) = word(at: s), e == end else { return nil }
        return (k, s)
    }

    // MARK: - Weekdays and times

    /// "Thứ Năm, ngày 10/10/2024 09:09", "Chủ nhật, 6/10/2024".
    func weekday(at i: Int, key: DateWordKey, keyEnd e: Int) -> Match? {
        guard let s = spaces(e) else { return nil }
        var j: Int
        if key == t.thu {
            if isDigit(s) {
                guard let (v, x) = number(s, maxDigits: 1), v >= 2, v <= 7 else { return nil }
                j = x
            } else {
                guard let (k, x) = word(at: s), t.weekdays.contains(k) else { return nil }
                j = x
            }
        } else {
            guard let x = keyword(s, t.nhat) else { return nil }
            j = x
        }
        if byte(j) == 0x2C {
            j += 1
        } else if let d = dash(at: j) {
            j = d - 1  // leave one space for the check below
        }
        guard let s2 = spaces(j) else { return nil }
        let date: DateEndpoint?
        if let (k, ke) = word(at: s2) {
            date = (k == t.ngay || k == t.ngayPlain)
                ? endpoint(at: s2, key: k, keyEnd: ke, dayMonth: false, monthYear: false, dashOK: false) : nil
        } else {
            date = endpoint(at: s2, dayMonth: false, monthYear: false, dashOK: false, bareYear: false)
        }
        guard let date, date.parts.day != nil, date.parts.year != nil else { return nil }
        var parts = date.parts
        var end = date.end
        if let c = timeAfter(date.end) {
            parts.hour = c.hour
            parts.minute = c.minute
            parts.second = c.second
            end = c.end
        }
        return Match(.date, i, end, .string(parts.iso), rule: parts.hour == nil ? "weekday-date" : "weekday-datetime")
    }

    /// "09:09[:ss]", "14h30", "9h", "9g30", or (with `words`) "9 giờ [30 [phút]]".
    func clock(at i: Int, words: Bool) -> DateClock? {
        guard let (h, e) = number(i, maxDigits: 2), h <= 23, e < n else { return nil }
        let b = p[e]
        if b == 0x3A {  // :
            guard let (m, e2) = twoDigits(e + 1), m <= 59 else { return nil }
            var c = DateClock(hour: h, minute: m, second: nil, end: e2, colon: true)
            if byte(e2) == 0x3A, let (sec, e3) = twoDigits(e2 + 1), sec <= 59 {
                c.second = sec
                c.end = e3
            }
            // Letters may follow ("09:09Bộ trưởng" in news listings), digits may not.
            guard !isDigit(c.end), byte(c.end) != 0x3A else { return nil }
            return c
        }
        if b | 0x20 == 0x68 || b | 0x20 == 0x67 {  // h g
            var c = DateClock(hour: h, minute: nil, second: nil, end: e + 1, colon: false)
            if let (m, e2) = twoDigits(e + 1), m <= 59 {
                c.minute = m
                c.end = e2
            } else if b | 0x20 == 0x67 {
                return nil  // "9g" alone could be grams
            }
            guard UTF8Text.boundaryAfter(p, c.end) else { return nil }
            return c
        }
        guard words, let s = spaces(e), let e2 = keyword(s, t.gio) else { return nil }
        var c = DateClock(hour: h, minute: nil, second: nil, end: e2, colon: false)
        if let s2 = spaces(e2), let (m, e3) = number(s2, maxDigits: 2), m <= 59, cleanEnd(e3, dashOK: false) {
            c.minute = m
            c.end = e3
            if let s3 = spaces(e3), let e4 = keyword(s3, t.phut) { c.end = e4 }
        }
        return c
    }

    /// "sáng", "chiều", … after a time, or AM/PM after "hh:mm".
    func dayPart(_ c: inout DateClock) {
        if c.colon {
            let s = byte(c.end) == 0x20 ? c.end + 1 : c.end
            if s + 1 < n, p[s + 1] | 0x20 == 0x6D, UTF8Text.boundaryAfter(p, s + 2) {
                let x = p[s] | 0x20
                if x == 0x61 {  // AM
                    if c.hour == 12 { c.hour = 0 }
                    c.end = s + 2
                    return
                }
                if x == 0x70 {  // PM
                    if c.hour < 12 { c.hour += 12 }
                    c.end = s + 2
                    return
                }
            }
        }
        if let s = spaces(c.end), let (k, e) = word(at: s), let part = t.partsOfDay[k] {
            c.hour = part.adjust(c.hour)
            c.end = e
        }
    }

    /// A time after a date: " 09:09", " | 08:28 AM", " - 10:30", " 14h30", ", lúc 9 giờ sáng".
    func timeAfter(_ e: Int) -> DateClock? {
        if byte(e) == 0x20 {
            // "| hh:mm" and "- hh:mm" (news listings): a colon time only.
            var s = -1
            if byte(e + 1) == 0x7C || byte(e + 1) == 0x2D { s = e + 2 } else if longDash(e + 1) { s = e + 4 }
            if s > 0, byte(s) == 0x20, var c = clock(at: s + 1, words: false), c.colon {
                dayPart(&c)
                return c
            }
        }
        let j = byte(e) == 0x2C ? e + 1 : e
        guard let s = spaces(j) else { return nil }
        if let e2 = keyword(s, t.luc), let s2 = spaces(e2), var c = clock(at: s2, words: true) {
            dayPart(&c)
            return c
        }
        guard j == e, var c = clock(at: s, words: false) else { return nil }
        dayPart(&c)
        return c
    }

    /// "9 giờ 30 sáng ngày 5/3/2024", "14h30 ngày 5/3/2024", "09:00, 5/3/2024".
    func timeThenDate(at i: Int) -> Match? {
        guard var c = clock(at: i, words: true) else { return nil }
        dayPart(&c)
        let j = byte(c.end) == 0x2C ? c.end + 1 : c.end
        guard let s = spaces(j) else { return nil }
        let date: DateEndpoint?
        if let (k, ke) = word(at: s) {
            date = (k == t.ngay || k == t.ngayPlain)
                ? endpoint(at: s, key: k, keyEnd: ke, dayMonth: false, monthYear: false, dashOK: false) : nil
        } else {
            date = endpoint(at: s, dayMonth: false, monthYear: false, dashOK: false, bareYear: false)
        }
        guard let date, date.parts.day != nil, date.parts.year != nil else { return nil }
        var parts = date.parts
        parts.hour = c.hour
        parts.minute = c.minute
        parts.second = c.second
        return Match(.date, i, date.end, .string(parts.iso), rule: "time-date")
    }
}
