/// The words the money recogniser knows, looked up by their lowercase UTF-8 bytes (tone marks
/// kept, so "năm" is five and "nam" is not; "trăm" is a hundred and "trạm" a station).
enum MoneyLexicon {
    /// A word's lowercase UTF-8 bytes packed into two integers (at most 16 bytes; longer words
    /// get `count` 255 and match nothing).
    struct Key: Hashable, Sendable {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var count: UInt8 = 0

        @inline(__always)
        mutating func append(_ b: UInt8) {
            if count < 8 {
                lo |= UInt64(b) << (8 * UInt64(count))
            } else if count < 16 {
                hi |= UInt64(b) << (8 * UInt64(count - 8))
            } else {
                count = 255
                return
            }
            count += 1
        }

        @inline(__always)
        mutating func append(scalar v: UInt32) {
            if v < 0x80 {
                append(UInt8(v))
            } else if v < 0x800 {
                append(UInt8(0xC0 | (v >> 6)))
                append(UInt8(0x80 | (v & 0x3F)))
            } else if v < 0x10000 {
                append(UInt8(0xE0 | (v >> 12)))
                append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                append(UInt8(0x80 | (v & 0x3F)))
            } else {
                count = 255
            }
        }

        /// The key of a word given in lowercase NFC.
        init(_ word: String) {
            for b in word.utf8 { append(b) }
        }

        init() {}
    }

    /// Currency words and codes, as they may follow (or, for codes and symbols, precede) a number.
    enum Currency: Sendable, Equatable {
        /// An ISO 4217 code written as such ("USD", "VNĐ"); `capitalsOnly` for codes that are also
        /// words or would be odd in lowercase.
        case code(String, capitalsOnly: Bool)
        /// đồng (not "đồng chí", "đồng thời", …); "đồng Việt Nam" joins the span.
        case dong
        /// đ, as in "500.000đ".
        case dSign
        /// đô, đô la, đô-la (US dollars unless a country follows: "đô la Úc").
        case dollarWord
        /// đôla, dollar, dollars.
        case dollar
        /// euro, euros.
        case euro
        /// yên (yên Nhật); not "Yên Bái", "yên tâm".
        case yen
        /// bảng, only in "bảng Anh".
        case pound
        /// nhân, only in "nhân dân tệ".
        case renminbi
        /// kíp (LAK), only in "kíp Lào" or after a scale word ("kíp trực" is a duty shift).
        case kip
        /// won (KRW), only after a scale word.
        case won
        /// "trđ": triệu đồng.
        case millionDong
        /// "tr", only in "tr.đ", "tr. đồng", "tr đồng".
        case million
        /// "us", only in "US$".
        case us
    }

    enum Entry: Sendable {
        case number(NumberWords.Word)
        /// million, billion, thousand (after digits only).
        case englishScale(Int)
        case currency(Currency)
    }

    /// An open-addressing table over `Key` with a multiplicative hash (the standard Hasher is
    /// the bulk of a lookup's cost, and the scanner looks up the word after every number).
    struct Table: Sendable {
        private var keys: [Key]
        private var entries: [Entry?]
        private let shift: UInt64

        init(_ pairs: [Key: Entry]) {
            var bits: UInt64 = 4
            while (1 << bits) < pairs.count * 4 { bits += 1 }
            shift = 64 - bits
            keys = Array(repeating: Key(), count: 1 << bits)
            entries = Array(repeating: nil, count: 1 << bits)
            for (k, e) in pairs {
                var slot = Self.slot(k, shift)
                while entries[slot] != nil { slot = (slot + 1) & (keys.count - 1) }
                keys[slot] = k
                entries[slot] = e
            }
        }

        @inline(__always)
        private static func slot(_ k: Key, _ shift: UInt64) -> Int {
            let h = (k.lo &* 0x9E37_79B9_7F4A_7C15) ^ (k.hi &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(k.count)
            return Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        @inline(__always)
        subscript(_ k: Key) -> Entry? {
            guard k.count != 255 else { return nil }
            var slot = Self.slot(k, shift)
            while true {
                guard let e = entries[slot] else { return nil }
                if keys[slot] == k { return e }
                slot = (slot + 1) & (keys.count - 1)
            }
        }
    }

    static let table = Table(entries)

    static let entries: [Key: Entry] = {
        var t: [Key: Entry] = [:]
        for (word, w) in NumberWords.spelled { t[Key(word)] = .number(w) }
        for (word, f) in [("thousand", 1_000), ("million", 1_000_000), ("millions", 1_000_000), ("billion", 1_000_000_000), ("billions", 1_000_000_000)] {
            t[Key(word)] = .englishScale(f)
        }
        for code in ["usd", "vnd", "vnđ", "eur", "jpy", "gbp"] {
            t[Key(code)] = .currency(.code(code == "vnđ" ? "VND" : code.uppercased(), capitalsOnly: false))
        }
        for code in ["aud", "cad", "chf", "cny", "rmb", "krw", "sgd", "thb", "hkd", "lak", "khr", "inr", "nzd", "sek", "dkk", "nok", "rub", "twd", "myr", "idr", "php"] {
            t[Key(code)] = .currency(.code(code == "rmb" ? "CNY" : code.uppercased(), capitalsOnly: true))
        }
        for (word, c) in currencyWords { t[Key(word)] = .currency(c) }
        return t
    }()

    /// Words that make "đồng" something else: đồng chí, đồng thời, đồng nghiệp, đồng hồ, …
    static let afterDongWords = [
        "chí", "thời", "bào", "nghiệp", "hành", "ý", "bộ", "đều", "tình", "nhất", "loạt", "minh", "lòng",
        "hương", "dạng", "phục", "tâm", "ca", "hồ", "cỏ", "ruộng", "lúa", "thuận", "sở", "tác", "đẳng",
        "điệu", "môn", "niên", "khởi", "thanh", "đội", "trinh", "quê", "hóa", "hoá", "vị", "phạm", "cảm",
        "âm", "ấu", "bệnh", "chủ", "tử", "nát", "bọn", "lõa", "loã", "dao", "sàng", "thau", "tiền", "xu",
    ]
    /// Words that make "đô" something else: đô thị, đô thành, đô hộ, đô vật, đô đốc.
    static let afterDoWords = ["thị", "thành", "hộ", "vật", "đốc", "trưởng"]
    /// Words that make "yên" something else: yên tâm, yên ổn, yên bình, …
    static let afterYenWords = ["tâm", "ổn", "bình", "lặng", "ắng", "ả", "giấc", "vui", "trí", "xe", "ngựa", "lòng"]

    static let afterDong = Set(afterDongWords.map(Key.init))
    static let afterDo = Set(afterDoWords.map(Key.init))
    static let afterYen = Set(afterYenWords.map(Key.init))

    /// Other words the scanner compares against.
    static let keywords = [
        "việt", "nam", "la", "mỹ", "úc", "singapore", "canada", "hồng", "kông", "nhật", "anh", "dân", "tệ", "lào",
        "chẵn", "đồng", "đ", "hàn", "quốc",
    ]
    /// Currency words and their meaning.
    static let currencyWords: [(String, Currency)] = [
        ("đồng", .dong), ("đ", .dSign), ("đô", .dollarWord), ("đôla", .dollar), ("dollar", .dollar),
        ("dollars", .dollar), ("euro", .euro), ("euros", .euro), ("yên", .yen), ("bảng", .pound),
        ("nhân", .renminbi), ("kíp", .kip), ("won", .won), ("trđ", .millionDong), ("tr", .million), ("us", .us),
    ]

    /// Every word literal here, for the test that they are lowercase NFC (keys are compared byte
    /// for byte with lowercased text).
    static var literals: [String] {
        afterDongWords + afterDoWords + afterYenWords + keywords + currencyWords.map(\.0) + NumberWords.spelled.map(\.0)
    }

    static let viet = Key("việt"), nam = Key("nam"), la = Key("la"), my = Key("mỹ"), uc = Key("úc")
    static let singapore = Key("singapore"), canada = Key("canada"), hong = Key("hồng"), kong = Key("kông")
    static let nhat = Key("nhật"), anh = Key("anh"), dan = Key("dân"), te = Key("tệ"), lao = Key("lào")
    static let chan = Key("chẵn"), dong = Key("đồng"), d = Key("đ"), han = Key("hàn"), quoc = Key("quốc")
}
