import DocumentModel
import Emit
import Testing
import _TestSupport
@testable import Entities

/// Expected entity: type, span markers, canonical value as compact JSON.
struct Expected: Sendable, CustomStringConvertible {
    var type: String
    var from: String
    var to: String
    var value: String
    init(_ type: String, _ from: String, _ to: String, _ value: String) {
        self.type = type
        self.from = from
        self.to = to
        self.value = value
    }
    var description: String { "\(type) \(from)\(to) \(value)" }
}

/// Compact JSON of a value, as the emitter writes it.
func json(_ v: JSONValue) -> String {
    var w = JSONWriter()
    w.value(v)
    return String(decoding: w.bytes, as: UTF8.self)
}

/// Runs recognisers over marked text and compares with the expectations (all types produced).
func check(_ marked: String, _ expected: [Expected], with recognizers: [any Recognizer], types: Set<EntityType>? = nil,
           sourceLocation: SourceLocation = #_sourceLocation) {
    let (text, at) = Markers.parse(marked)
    let found = EntityRecognizer(recognizers: recognizers, types: types).entities(in: text)
    let got = found.map { "\($0.type) \($0.start)-\($0.end) \(json($0.value))" }
    let want = expected.map { e in "\(e.type) \(at[e.from] ?? -1)-\(at[e.to] ?? -1) \(e.value)" }
    #expect(got == want, "in: \(text)", sourceLocation: sourceLocation)
}

@Suite("Provinces, countries, partners, TWGs")
struct GazetteerRecognizerTests {
    static let recognizer: GazetteerRecognizer? = try? GazetteerRecognizer.load()

    func run(_ marked: String, _ expected: [Expected], types: Set<EntityType>? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try #require(Self.recognizer, "the data files load")
        check(marked, expected, with: [r], types: types, sourceLocation: sourceLocation)
    }

    static let bacGiang = #"{"name": "Bắc Giang", "country": "VN", "code": "24", "successor": "Bắc Ninh"}"#

    @Test("Provinces with their 2025 successors, in any spelling")
    func provinces() throws {
        try run("UBND tỉnh 1️⃣Bắc Giang2️⃣ thực hiện", [Expected("province", "1️⃣", "2️⃣", Self.bacGiang)])
        try run("1️⃣TỈNH CAO BẰNG2️⃣".replacingOccurrences(of: "1️⃣TỈNH ", with: "TỈNH 1️⃣"),
                [Expected("province", "1️⃣", "2️⃣", #"{"name": "Cao Bằng", "country": "VN", "code": "04", "successor": "Cao Bằng"}"#)])
        try run("tại 1️⃣Thanh Hoá2️⃣ và 3️⃣Thanh Hóa4️⃣", [
            Expected("province", "1️⃣", "2️⃣", #"{"name": "Thanh Hóa", "country": "VN", "code": "38", "successor": "Thanh Hóa"}"#),
            Expected("province", "3️⃣", "4️⃣", #"{"name": "Thanh Hóa", "country": "VN", "code": "38", "successor": "Thanh Hóa"}"#),
        ])
        try run("TP. 5️⃣Hồ Chí Minh6️⃣, 1️⃣TP.HCM2️⃣, 3️⃣Thừa Thiên - Huế4️⃣", [
            Expected("province", "5️⃣", "6️⃣", #"{"name": "Hồ Chí Minh", "country": "VN", "code": "79", "successor": "Hồ Chí Minh"}"#),
            Expected("province", "1️⃣", "2️⃣", #"{"name": "Hồ Chí Minh", "country": "VN", "code": "79", "successor": "Hồ Chí Minh"}"#),
            Expected("province", "3️⃣", "4️⃣", #"{"name": "Thừa Thiên Huế", "country": "VN", "code": "46", "successor": "Huế"}"#),
        ])
        // Text written without diacritics matches on the folded key.
        try run("1️⃣Dak Nong2️⃣, 3️⃣Cao Bang4️⃣", [
            Expected("province", "1️⃣", "2️⃣", #"{"name": "Đắk Nông", "country": "VN", "code": "67", "successor": "Lâm Đồng"}"#),
            Expected("province", "3️⃣", "4️⃣", #"{"name": "Cao Bằng", "country": "VN", "code": "04", "successor": "Cao Bằng"}"#),
        ])
    }

    @Test("Neighbour-country provinces")
    func neighbours() throws {
        try run("với tỉnh 1️⃣Xây Sôm Bun2️⃣ (5️⃣Lào6️⃣) và tỉnh 3️⃣Xây Sốp Bùn4️⃣", [
            Expected("province", "1️⃣", "2️⃣", #"{"name": "Xaisomboun", "country": "LA", "code": null, "successor": null}"#),
            Expected("country", "5️⃣", "6️⃣", #"{"code": "LA"}"#),
            Expected("province", "3️⃣", "4️⃣", #"{"name": "Xaisomboun", "country": "LA", "code": null, "successor": null}"#),
        ])
    }

    @Test("Countries, and Anh only as the United Kingdom in context")
    func countries() throws {
        try run("Đại sứ 1️⃣Cu Ba2️⃣ tại 3️⃣Việt Nam4️⃣", [
            Expected("country", "1️⃣", "2️⃣", #"{"code": "CU"}"#), Expected("country", "3️⃣", "4️⃣", #"{"code": "VN"}"#),
        ])
        try run("Hội Phẫu thuật Hoàng gia 1️⃣Anh2️⃣; anh Nam; Anh ấy", [Expected("country", "1️⃣", "2️⃣", #"{"code": "GB"}"#)])
        try run("người lao động, Lao động", [])
        // One-word names inside longer names or compounds are not countries.
        try run("Bệnh viện Việt Đức, BVĐK Đức Giang, tỉnh Lào Cai, Phú Mỹ, Pháp lệnh số 10, Nga Sơn", [], types: [.country])
        try run("thăm 1️⃣Pháp2️⃣, 3️⃣Đức4️⃣ và Cộng hòa 5️⃣Séc6️⃣.", [
            Expected("country", "1️⃣", "2️⃣", #"{"code": "FR"}"#), Expected("country", "3️⃣", "4️⃣", #"{"code": "DE"}"#),
            Expected("country", "5️⃣", "6️⃣", #"{"code": "CZ"}"#),
        ])
    }

    @Test("Partners by acronym and by name")
    func partners() throws {
        // A name with its own acronym in brackets is one mention.
        try run("1️⃣Tổ chức Y tế thế giới (WHO)2️⃣ và 5️⃣Liên minh Châu Âu6️⃣, 3️⃣WHO4️⃣", [
            Expected("partner", "1️⃣", "2️⃣", #"{"id": "WHO"}"#), Expected("partner", "5️⃣", "6️⃣", #"{"id": "EU"}"#),
            Expected("partner", "3️⃣", "4️⃣", #"{"id": "WHO"}"#),
        ])
        try run("1️⃣Ngân hàng thế giới2️⃣ (3️⃣WHO4️⃣)", [
            Expected("partner", "1️⃣", "2️⃣", #"{"id": "WB"}"#), Expected("partner", "3️⃣", "4️⃣", #"{"id": "WHO"}"#),
        ])
        try run("who are you", [])
    }

    @Test("Technical working groups by topic and by acronym; generic NKT is not one")
    func twgs() throws {
        try run("1️⃣NKT về Sức khỏe sinh sản (RHAG)2️⃣ và 3️⃣Nhóm kỹ thuật về Dinh dưỡng4️⃣", [
            Expected("twg", "1️⃣", "2️⃣", #"{"id": "RHAG"}"#), Expected("twg", "3️⃣", "4️⃣", #"{"id": "TWGN"}"#),
        ])
        try run("1️⃣RHAG2️⃣ TOR, 3️⃣NKT về Dược4️⃣", [
            Expected("twg", "1️⃣", "2️⃣", #"{"id": "RHAG"}"#), Expected("twg", "3️⃣", "4️⃣", #"{"id": "TWGP"}"#),
        ])
        try run("các NKT, một NKT, Nhóm kỹ thuật", [])
    }
}
