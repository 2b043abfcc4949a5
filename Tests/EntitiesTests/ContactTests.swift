import DocumentModel
import Testing
import _TestSupport
@testable import Entities

@Suite("Contacts: e-mail, phone, URL")
struct ContactTests {
    let recognizer = ContactRecognizer()

    func check(_ marked: String, _ type: EntityType, _ values: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let (found, positions) = RefContactHelpers.markedSpans(marked, type, [recognizer])
        #expect(found == RefContactHelpers.expectedSpans(positions, values), "\(marked)", sourceLocation: sourceLocation)
    }

    func found(_ text: String, _ type: EntityType) -> [String] {
        EntityRecognizer(recognizers: [recognizer], types: [type]).entities(in: text).map(\.text)
    }

    // MARK: e-mail

    @Test("E-mail addresses, lowercased; a '/' or '.' after them is not part of them", arguments: [
        ("theo địa chỉ email: 1️⃣moh.hpg@gmail.com2️⃣/ 04-62732235.", ["moh.hpg@gmail.com"]),
        ("Liên hệ 1️⃣Nguyen.Van_A@MOH.gov.vn2️⃣.", ["nguyen.van_a@moh.gov.vn"]),
        ("(1️⃣hpg-secretariat+2016@who.int2️⃣)", ["hpg-secretariat+2016@who.int"]),
        ("Email:1️⃣a@b.vn2️⃣, 3️⃣c.d@e.com.vn4️⃣;", ["a@b.vn", "c.d@e.com.vn"]),
    ])
    func emails(marked: String, values: [String]) {
        check(marked, .email, values)
    }

    @Test("Not e-mail addresses", arguments: [
        "user@localhost", "@moh.gov.vn", "giá 5@10", "a@b.c", "abc@.vn", "Nguyễn@moh", "x@-moh.vn",
    ])
    func notEmails(text: String) {
        #expect(found(text, .email) == [])
    }

    // MARK: phone

    @Test("Vietnamese numbers, to digits (+ for international)", arguments: [
        ("email: moh.hpg@gmail.com/ 1️⃣04-627322352️⃣.", ["0462732235"]),
        ("Điện thoại: 1️⃣(024) 3846 44162️⃣, Fax: 3️⃣(024) 3846 44174️⃣", ["02438464416", "02438464417"]),
        ("Hotline 1️⃣0912 345 6782️⃣ hoặc 3️⃣0912.345.6784️⃣", ["0912345678", "0912345678"]),
        ("Tel: 1️⃣+84 24 3846 44162️⃣", ["+842438464416"]),
        ("tổng đài 1️⃣1900 90952️⃣ (miễn phí)", ["19009095"]),
        ("ĐT:1️⃣09123456782️⃣", ["0912345678"]),
        ("1️⃣+84 (0)24 3846 44162️⃣", ["+842438464416"]),
        ("1️⃣(+84) 912 345 6782️⃣", ["+84912345678"]),
        ("ĐT 1️⃣0240 3854 1232️⃣ (Bắc Giang, trước 2017)", ["02403854123"]),
        ("1️⃣1800 12342️⃣ và 3️⃣1900 561 2124️⃣", ["18001234", "1900561212"]),
        ("di động 1️⃣0168 123 45672️⃣ (trước 2018)", ["01681234567"]),
        ("Văn phòng tại Viêng Chăn: 1️⃣+856 21 214 0402️⃣", ["+85621214040"]),
        ("1️⃣024.3846.44162️⃣", ["02438464416"]),
        ("1️⃣+84-24-3846-44162️⃣", ["+842438464416"]),
        ("số máy 1️⃣0912 345 6782️⃣ 2 lần", ["0912345678"]),
        ("(1️⃣09123456782️⃣)", ["0912345678"]),
    ])
    func phones(marked: String, values: [String]) {
        check(marked, .phone, values)
    }

    @Test("Not phone numbers: dates, years, ranges, money, document numbers, other ids", arguments: [
        "Cuộc họp HPG ngày 15/11/2016", "năm 2023", "Thời gian thực hiện: 2023-2025;", "giai đoạn 2021- 2025",
        "Dự kiến tổng kinh phí thực hiện Kế hoạch là: 1.766.925.000 đồng", "Số: 123 /KH-SYT",
        "Kế hoạch số 481/KH-UBND", "Nghị quyết số 99/2023/QH15", "ngày 10/10/2024 09:09", "- 08.10.2024. Domesco 1252.png",
        "01-10-2024", "02 07 2015 10 NKT", "giai đoạn 1900-1945", "1800 000 000 đồng", "1.900.000.000",
        "mã số thuế: 0312345678", "MST 0312345678", "tài khoản 0451000123456", "0100109106",
        "0912345678@gmail.com", "https://moh.gov.vn/0912345678", "0912-345-678-9", "0912345678,5",
        "0012 345 678", "0912 345 67", "09123456789", "091234567", "+84 12 345", "20232025", "0123/QĐ-UBND",
        "1.766.925.000", "100 triệu", "0 9 1 2 3 4 5 6 7 8", "(1)", "+2023",
    ])
    func notPhones(text: String) {
        #expect(found(text, .phone) == [])
    }

    // MARK: URL

    @Test("URLs as written, trailing punctuation left out", arguments: [
        ("Xem 1️⃣https://moh.gov.vn/web/guest/tin-tuc2️⃣.", ["https://moh.gov.vn/web/guest/tin-tuc"]),
        ("(xem 1️⃣www.moh.gov.vn2️⃣)", ["www.moh.gov.vn"]),
        ("tại 1️⃣moh.gov.vn2️⃣, 3️⃣who.int4️⃣ và 5️⃣kcb.vn/tin-tuc6️⃣;", ["moh.gov.vn", "who.int", "kcb.vn/tin-tuc"]),
        ("1️⃣http://example.com/a_(b)2️⃣ và (3️⃣https://a.vn/x?q=1&r=24️⃣)", ["http://example.com/a_(b)", "https://a.vn/x?q=1&r=2"]),
        ("“1️⃣https://vi.wikipedia.org/wiki/Bộ_Y_tế2️⃣”", ["https://vi.wikipedia.org/wiki/Bộ_Y_tế"]),
        ("Website:1️⃣WWW.Example.Org2️⃣.", ["WWW.Example.Org"]),
        ("1️⃣https://moh.gov.vn2️⃣…", ["https://moh.gov.vn"]),
    ])
    func urls(marked: String, values: [String]) {
        check(marked, .url, values)
    }

    @Test("Not URLs: e-mail hosts, abbreviations, file names, numbers", arguments: [
        "moh.hpg@gmail.com", "a.b@moh.gov.vn", "v.v...", "TP.HCM", "GS.TS. Trần Văn Thuấn", "08.10.2024. Domesco 1252.png",
        "bao-cao.pdf", "1.766.925.000", "Bộ Y tế.Com", "3.vn", "http://", "xhttps://a.vn",
    ])
    func notURLs(text: String) {
        #expect(found(text, .url) == [])
    }

    // MARK: rules, types together, Corpus

    @Test("Rules name the form")
    func rules() {
        let text = "moh.hpg@gmail.com, 04-62732235, 1900 9095, +84 24 3846 4416, https://moh.gov.vn, www.who.int, kcb.vn"
        let entities = EntityRecognizer(recognizers: [recognizer]).entities(in: text)
        #expect(entities.map { "\($0.type):\($0.rule ?? "-")" } == [
            "email:email", "phone:national", "phone:service", "phone:intl", "url:scheme", "url:www", "url:domain",
        ])
    }

    @Test("Types do not overlap: no URL inside an e-mail, no phone inside a URL")
    func noOverlap() {
        let text = "moh.hpg@gmail.com; https://moh.gov.vn/lien-he/0912345678; lien.he@kcb.vn/ 0912 345 678"
        let entities = EntityRecognizer(recognizers: [recognizer]).entities(in: text)
        #expect(entities.map(\.text) == ["moh.hpg@gmail.com", "https://moh.gov.vn/lien-he/0912345678", "lien.he@kcb.vn", "0912 345 678"])
    }

    @Test("Every contact in the Corpus, and nothing else")
    func corpus() throws {
        let found = try RefContactHelpers.corpusEntities([recognizer])
        #expect(found == [
            "questionnaires/cao-bang-hpg-2016-11-15.txt email email [moh.hpg@gmail.com] moh.hpg@gmail.com",
            "questionnaires/cao-bang-hpg-2016-11-15.txt phone national [04-62732235] 0462732235",
        ])
    }
}
