/// A word as the date scanner sees it: its letters lowercased (diacritics kept, so "năm" is not
/// "Nam"), up to 8 scalars packed 16 bits each, plus the letter count so longer words never
/// collide with a keyword. Built without allocating.
struct DateWordKey: Hashable, Sendable {
    var a: UInt64 = 0
    var b: UInt64 = 0
    var count: UInt8 = 0

    init() {}

    /// A key from a lowercase NFC literal.
    init(_ word: String) {
        for s in word.unicodeScalars { append(UInt16(truncatingIfNeeded: s.value)) }
    }

    @inline(__always)
    mutating func append(_ v: UInt16) {
        if count < 4 {
            a |= UInt64(v) << (16 * UInt64(count))
        } else if count < 8 {
            b |= UInt64(v) << (16 * UInt64(count - 4))
        }
        if count < 255 { count += 1 }
    }
}

/// Part of the day after an hour ("3 giờ chiều" = 15:00).
enum PartOfDay: Sendable {
    case morning, noon, afternoon, evening, night

    /// The 24-hour clock hour for `hour` said with this part of the day.
    func adjust(_ hour: Int) -> Int {
        switch self {
        case .morning: return hour
        case .noon: return hour <= 2 ? hour + 12 : hour
        case .afternoon, .evening: return hour < 12 ? hour + 12 : hour
        case .night: return hour == 12 ? 0 : (hour >= 6 && hour < 12 ? hour + 12 : hour)
        }
    }
}

/// Read-only tables and keywords of the date scanner, built once.
final class DateTables: Sendable {
    static let shared = DateTables()

    /// The scan loop's filter, two 256-byte tables: `[b]` is 1 for a digit, 2 for the first
    /// letter of a keyword (n t q g c m, either case); `[256 + previous byte]` is 0 after a digit,
    /// 1 after an ASCII letter (a digit may start there, a keyword may not), 3 otherwise. A byte
    /// needs a look only when the two AND to non-zero.
    let scanFilter: [UInt8]
    /// Lowercase of U+00C0...U+024F and of U+1E00...U+1EFF.
    let lowerLatin: [UInt16]
    let lowerExtended: [UInt16]

    // Keywords (lowercase, as written in normalised Vietnamese; "ngay"/"thang"/"nam" also
    // without diacritics inside strong patterns).
    let ngay = DateWordKey("ngày"), ngayPlain = DateWordKey("ngay")
    let thang = DateWordKey("tháng"), thangPlain = DateWordKey("thang")
    let nam = DateWordKey("năm"), namPlain = DateWordKey("nam")
    let mong = DateWordKey("mồng"), mung = DateWordKey("mùng")
    let tu = DateWordKey("từ"), den = DateWordKey("đến"), toi = DateWordKey("tới"), het = DateWordKey("hết"), cho = DateWordKey("cho")
    let giai = DateWordKey("giai"), doan = DateWordKey("đoạn"), hoc = DateWordKey("học")
    let nien = DateWordKey("niên"), khoa = DateWordKey("khóa"), khoaAlt = DateWordKey("khoá")
    let nhiem = DateWordKey("nhiệm"), thoi = DateWordKey("thời"), ky = DateWordKey("kỳ"), kyAlt = DateWordKey("kì")
    let quy = DateWordKey("quý"), nua = DateWordKey("nửa"), dau = DateWordKey("đầu"), cuoi = DateWordKey("cuối")
    let thu = DateWordKey("thứ"), chu = DateWordKey("chủ"), nhat = DateWordKey("nhật")
    let gio = DateWordKey("giờ"), phut = DateWordKey("phút"), luc = DateWordKey("lúc")
    let mot = DateWordKey("một"), hai = DateWordKey("hai"), muoi = DateWordKey("mười")

    /// Number words usable for a day of the month, as the folded tokens `NumberWords` reads.
    let numberFold: [DateWordKey: String]
    /// Month names: "tháng giêng" = 1, "tháng tư" = 4, "tháng chạp" = 12 ("mười một/hai" read on).
    let monthWord: [DateWordKey: Int]
    /// Weekdays after "thứ".
    let weekdays: Set<DateWordKey>
    let partsOfDay: [DateWordKey: PartOfDay]

    /// Every keyword literal, for the test that they are NFC lowercase.
    static let literals: [String] = [
        "ngày", "tháng", "năm", "mồng", "mùng", "từ", "đến", "tới", "hết", "giai", "đoạn", "học", "niên", "khóa", "khoá",
        "nhiệm", "thời", "kỳ", "kì", "quý", "nửa", "đầu", "cuối", "thứ", "chủ", "nhật", "giờ", "phút", "lúc", "một", "mười",
        "giêng", "chạp", "bốn", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín", "mươi", "mốt", "lẻ", "không",
        "sáng", "trưa", "chiều", "tối", "đêm",
    ]

    /// Keyword spellings that official tone placement would not produce (kept for text
    /// normalised with main-vowel placement).
    static let alternateSpellings: Set<String> = ["khoá"]

    private init() {
        // Byte classes: 0 other (spaces, punctuation, continuation bytes), 1 digit, 2 first
        // letter of a keyword, 3 another ASCII letter, 4/5 the lead of a 2-/3-byte letter.
        var cls = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 {
            let u = UInt8(b)
            if UTF8Text.isDigit(u) {
                cls[b] = 1
            } else if UTF8Text.isASCIILetter(u) {
                cls[b] = "nNtTqQgGcCmM".utf8.contains(u) ? 2 : 3
            } else if u >= 0xC3 && u <= 0xC9 {
                cls[b] = 4
            } else if u == 0xE1 {
                cls[b] = 5
            }
        }
        var filter = [UInt8](repeating: 0, count: 512)
        for b in 0..<256 {
            filter[b] = cls[b] == 1 ? 1 : cls[b] == 2 ? 2 : 0
            filter[256 + b] = cls[b] == 1 ? 0 : (cls[b] == 2 || cls[b] == 3) ? 1 : 3
        }
        scanFilter = filter

        func lower(_ v: UInt32) -> UInt16 {
            guard let s = Unicode.Scalar(v) else { return UInt16(truncatingIfNeeded: v) }
            let l = s.properties.lowercaseMapping.unicodeScalars
            return UInt16(truncatingIfNeeded: l.count == 1 ? (l.first?.value ?? v) : v)
        }
        lowerLatin = (UInt32(0xC0)..<0x250).map(lower)
        lowerExtended = (UInt32(0x1E00)..<0x1F00).map(lower)

        var numbers: [DateWordKey: String] = [:]
        for (w, f) in [
            ("một", "mot"), ("hai", "hai"), ("ba", "ba"), ("bốn", "bon"), ("tư", "tu"), ("năm", "nam"), ("lăm", "lam"),
            ("nhăm", "nham"), ("sáu", "sau"), ("bảy", "bay"), ("bẩy", "bay"), ("tám", "tam"), ("chín", "chin"),
            ("mười", "muoi"), ("mươi", "muoi"), ("mốt", "mot"), ("linh", "linh"), ("lẻ", "le"),
        ] {
            numbers[DateWordKey(w)] = f
        }
        numberFold = numbers

        var months: [DateWordKey: Int] = [:]
        for (w, m) in [
            ("giêng", 1), ("một", 1), ("hai", 2), ("ba", 3), ("tư", 4), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7),
            ("bẩy", 7), ("tám", 8), ("chín", 9), ("mười", 10), ("chạp", 12),
        ] {
            months[DateWordKey(w)] = m
        }
        monthWord = months

        weekdays = Set(["hai", "ba", "tư", "năm", "sáu", "bảy", "bẩy"].map(DateWordKey.init))
        partsOfDay = [
            DateWordKey("sáng"): .morning, DateWordKey("trưa"): .noon, DateWordKey("chiều"): .afternoon,
            DateWordKey("tối"): .evening, DateWordKey("đêm"): .night,
        ]
    }

    @inline(__always)
    func lower(_ v: UInt32) -> UInt16 {
        if v >= 0xC0 && v < 0x250 { return lowerLatin[Int(v - 0xC0)] }
        if v >= 0x1E00 && v < 0x1F00 { return lowerExtended[Int(v - 0x1E00)] }
        return UInt16(truncatingIfNeeded: v)
    }
}

/// A date as written: the fields present give its ISO 8601 precision.
struct DateParts: Sendable, Equatable {
    var year: Int?
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?

    /// "2016-11-15", "2014-10", "2021", "2024-10-10T09:09".
    var iso: String {
        String(unsafeUninitializedCapacity: 24) { buffer in
            var k = 0
            func put(_ value: Int, _ width: Int, after separator: UInt8?) {
                if let separator {
                    buffer[k] = separator
                    k += 1
                }
                var v = min(max(value, 0), width == 4 ? 9999 : 99)
                for j in stride(from: width - 1, through: 0, by: -1) {
                    buffer[k + j] = UInt8(0x30 + v % 10)
                    v /= 10
                }
                k += width
            }
            if let year { put(year, 4, after: nil) }
            if let month {
                put(month, 2, after: year == nil ? nil : 0x2D)
                if let day { put(day, 2, after: 0x2D) }
            }
            if let hour {
                put(hour, 2, after: k == 0 ? nil : 0x54)
                put(minute ?? 0, 2, after: 0x3A)
                if let second { put(second, 2, after: 0x3A) }
            }
            return k
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    /// Days in a month; February has 29 when the year is unknown.
    static func days(inMonth m: Int, year: Int?) -> Int {
        switch m {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return year.map { isLeap($0) ? 29 : 28 } ?? 29
        default: return 0
        }
    }

    /// Month 1–12 and a day that exists in it (in that year when known).
    var isValid: Bool {
        if let month {
            guard (1...12).contains(month) else { return false }
            if let day { return day >= 1 && day <= Self.days(inMonth: month, year: year) }
            return true
        }
        return day == nil
    }

    /// Ordering keys: the first and the last day this date can mean.
    var low: Int { (year ?? 0) * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
    var high: Int { (year ?? 0) * 10_000 + (month ?? 12) * 100 + (day ?? 31) }

    /// Same calendar fields without the time.
    var dateOnly: DateParts { DateParts(year: year, month: month, day: day) }
}
