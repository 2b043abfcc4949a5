import DocumentModel
import Foundation
import Testing
import VietnameseText
import _TestSupport
@testable import Entities

/// An expected entity: its type, the markers around its span, its value.
struct DateExpect: Sendable, CustomStringConvertible {
    var type: EntityType
    var from: String
    var to: String
    var value: JSONValue

    /// A date: `.init(.date, "1️⃣", "2️⃣", "2024-03-15")`.
    init(_ type: EntityType, _ from: String, _ to: String, _ value: String) {
        self.type = type
        self.from = from
        self.to = to
        self.value = .string(value)
    }

    /// A period: `.init(.period, "1️⃣", "2️⃣", start: "2023", end: "2025")`.
    init(_ type: EntityType, _ from: String, _ to: String, start: String, end: String) {
        self.type = type
        self.from = from
        self.to = to
        self.value = .object([.init("start", .string(start)), .init("end", .string(end))])
    }

    var description: String { "\(type.rawValue) \(from)…\(to) \(value)" }
}

@Suite("Dates and periods")
struct DateTests {
    static let recognizer = EntityRecognizer(recognizers: [DateRecognizer()])

    /// Entities as comparable lines: "date 5..14 2024-03-15".
    static func found(_ text: String) -> [String] {
        recognizer.entities(in: text).map { "\($0.type) \($0.start)..\($0.end) \(render($0.value))" }
    }

    static func expected(_ marked: String, _ expect: [DateExpect]) -> (text: String, lines: [String]) {
        let (text, at) = Markers.parse(marked)
        let lines = expect.map { e in
            "\(e.type.rawValue) \(at[e.from] ?? -1)..\(at[e.to] ?? -1) \(render(e.value))"
        }
        return (text, lines)
    }

    static func render(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .object(let members): return "{" + members.map { "\($0.key)=\(render($0.value))" }.joined(separator: ",") + "}"
        default: return "\(v)"
        }
    }

    func check(_ marked: String, _ expect: [DateExpect], sourceLocation: SourceLocation = #_sourceLocation) {
        let (text, lines) = Self.expected(marked, expect)
        #expect(Self.found(text) == lines, "in: \(text)", sourceLocation: sourceLocation)
    }

    // MARK: - Dates

    @Test("Numeric dates: slash, dash, dot; 'ngày' stays outside the span", arguments: [
        ("Ngày 1️⃣15/3/20242️⃣ tại Hà Nội", [DateExpect(.date, "1️⃣", "2️⃣", "2024-03-15")]),
        ("họp HPG ngày 1️⃣15/11/20162️⃣.", [.init(.date, "1️⃣", "2️⃣", "2016-11-15")]),
        ("1️⃣15-11-20162️⃣", [.init(.date, "1️⃣", "2️⃣", "2016-11-15")]),
        ("- 1️⃣08.10.20242️⃣. Domesco 1252.png", [.init(.date, "1️⃣", "2️⃣", "2024-10-08")]),
        ("Kế hoạch số 481/KH-UBND ngày 1️⃣25/8/20222️⃣ của UBND tỉnh", [.init(.date, "1️⃣", "2️⃣", "2022-08-25")]),
        ("1️⃣01/10/20102️⃣\n3️⃣03/10/20124️⃣", [.init(.date, "1️⃣", "2️⃣", "2010-10-01"), .init(.date, "3️⃣", "4️⃣", "2012-10-03")]),
        ("Chiều ngày 1️⃣10/10/20242️⃣, Bộ trưởng", [.init(.date, "1️⃣", "2️⃣", "2024-10-10")]),
        ("sáng ngày 1️⃣29/02/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-02-29")]),
        ("(1️⃣31/12/19992️⃣)", [.init(.date, "1️⃣", "2️⃣", "1999-12-31")]),
    ])
    func numeric(marked: String, expect: [DateExpect]) { check(marked, expect) }

    @Test("Dates in words: ngày … tháng … năm, mồng, month names, month-year, year", arguments: [
        ("Bắc Giang, 1️⃣ngày 10 tháng 10 năm 20222️⃣", [DateExpect(.date, "1️⃣", "2️⃣", "2022-10-10")]),
        ("1️⃣ngày mồng 5 tháng ba năm 20192️⃣", [.init(.date, "1️⃣", "2️⃣", "2019-03-05")]),
        ("1️⃣Ngày mùng một tháng giêng năm 20202️⃣", [.init(.date, "1️⃣", "2️⃣", "2020-01-01")]),
        ("1️⃣ngày hai mươi lăm tháng chạp năm 20232️⃣", [.init(.date, "1️⃣", "2️⃣", "2023-12-25")]),
        ("1️⃣NGÀY 10 THÁNG 10 NĂM 20222️⃣", [.init(.date, "1️⃣", "2️⃣", "2022-10-10")]),
        ("1️⃣ngày 5 tháng 3/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05")]),
        ("hoạt động từ 1️⃣tháng 10-20142️⃣, bao gồm", [.init(.date, "1️⃣", "2️⃣", "2014-10")]),
        ("1️⃣tháng 10/20142️⃣", [.init(.date, "1️⃣", "2️⃣", "2014-10")]),
        ("1️⃣tháng 10 năm 20142️⃣", [.init(.date, "1️⃣", "2️⃣", "2014-10")]),
        ("1️⃣tháng mười hai năm 20202️⃣", [.init(.date, "1️⃣", "2️⃣", "2020-12")]),
        ("1️⃣tháng mười năm 20202️⃣", [.init(.date, "1️⃣", "2️⃣", "2020-10")]),
        ("1️⃣tháng giêng năm 20212️⃣", [.init(.date, "1️⃣", "2️⃣", "2021-01")]),
        ("1️⃣tháng chạp năm 20212️⃣", [.init(.date, "1️⃣", "2️⃣", "2021-12")]),
        ("1️⃣tháng tư năm 20212️⃣", [.init(.date, "1️⃣", "2️⃣", "2021-04")]),
        ("Hội nghị công tác truyền thông y tế 1️⃣năm 20242️⃣: đánh dấu", [.init(.date, "1️⃣", "2️⃣", "2024")]),
        ("- 1️⃣Năm 20232️⃣: Đào tạo 03 cán bộ", [.init(.date, "1️⃣", "2️⃣", "2023")]),
        ("giai đoạn đến 1️⃣năm 20302️⃣, tầm nhìn đến 3️⃣năm 20454️⃣", [
            .init(.date, "1️⃣", "2️⃣", "2030"), .init(.date, "3️⃣", "4️⃣", "2045"),
        ]),
        ("1️⃣ngay 10 thang 10 nam 20222️⃣", [.init(.date, "1️⃣", "2️⃣", "2022-10-10")]),
    ])
    func words(marked: String, expect: [DateExpect]) { check(marked, expect) }

    @Test("Weekdays and times belong to the date", arguments: [
        ("1️⃣Thứ Năm, ngày 10/10/2024 09:092️⃣Bộ trưởng Bộ Y tế", [DateExpect(.date, "1️⃣", "2️⃣", "2024-10-10T09:09")]),
        ("1️⃣Thứ Năm, ngày 10/10/2024 07:522️⃣3️⃣Từ ngày 30/9 đến ngày 7/10/20244️⃣, Đồng chí", [
            .init(.date, "1️⃣", "2️⃣", "2024-10-10T07:52"), .init(.period, "3️⃣", "4️⃣", start: "2024-09-30", end: "2024-10-07"),
        ]),
        ("1️⃣Thứ Bẩy, ngày 28/09/2024 07:112️⃣Ngày 3️⃣26/9/20244️⃣, tại", [
            .init(.date, "1️⃣", "2️⃣", "2024-09-28T07:11"), .init(.date, "3️⃣", "4️⃣", "2024-09-26"),
        ]),
        ("1️⃣Chủ nhật, ngày 6/10/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-10-06")]),
        ("1️⃣thứ 2, 7/10/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-10-07")]),
        ("1️⃣10/10/2024 09:092️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-10-10T09:09")]),
        ("1️⃣09/12/2023 | 08:28 AM2️⃣\nNgày", [.init(.date, "1️⃣", "2️⃣", "2023-12-09T08:28")]),
        ("1️⃣09/12/2023 | 08:28 PM2️⃣", [.init(.date, "1️⃣", "2️⃣", "2023-12-09T20:28")]),
        ("lúc 1️⃣9 giờ 30 sáng ngày 5/3/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T09:30")]),
        ("1️⃣9 giờ 30 phút ngày 5/3/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T09:30")]),
        ("1️⃣14h30 ngày 5/3/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T14:30")]),
        ("1️⃣3 giờ chiều ngày 5/3/20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T15:00")]),
        ("1️⃣8 giờ tối ngày 10 tháng 10 năm 20242️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-10-10T20:00")]),
        ("ngày 1️⃣5/3/2024, lúc 9 giờ sáng2️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T09:00")]),
        ("1️⃣5/3/2024 14h302️⃣ tại", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T14:30")]),
        ("1️⃣5/3/2024 09:30:152️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-05T09:30:15")]),
        ("1️⃣Chủ Nhật, 06/10/2024 - 10:302️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-10-06T10:30")]),
        ("1️⃣10/10/2024 – 15:452️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-10-10T15:45")]),
        ("ngày 1️⃣15/11/2016 10:002️⃣-11:00", [.init(.date, "1️⃣", "2️⃣", "2016-11-15T10:00")]),
        // A bare number before the date is not a time.
        ("khoảng 1️⃣15/3/20242️⃣ 2 lần", [.init(.date, "1️⃣", "2️⃣", "2024-03-15")]),
    ])
    func times(marked: String, expect: [DateExpect]) { check(marked, expect) }

    // MARK: - Periods

    @Test("Year ranges, with or without 'giai đoạn', 'năm học', 'năm'", arguments: [
        ("Thời gian thực hiện: 1️⃣2023-20252️⃣;", [DateExpect(.period, "1️⃣", "2️⃣", start: "2023", end: "2025")]),
        ("1️⃣2023 - 20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2023", end: "2025")]),
        ("1️⃣2023– 20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2023", end: "2025")]),
        ("thời hạn 4 năm (1️⃣2024-20272️⃣)", [.init(.period, "1️⃣", "2️⃣", start: "2024", end: "2027")]),
        ("(Lào) 1️⃣giai đoạn 2021- 20252️⃣ (Thỏa thuận", [.init(.period, "1️⃣", "2️⃣", start: "2021", end: "2025")]),
        ("khai giảng 1️⃣năm học 2024 – 20252️⃣, đồng chí", [.init(.period, "1️⃣", "2️⃣", start: "2024", end: "2025")]),
        ("1️⃣năm 2021-20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2021", end: "2025")]),
        ("1️⃣giai đoạn từ năm 2016 đến năm 20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2016", end: "2020")]),
        ("1️⃣nhiệm kỳ 2021-20262️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2021", end: "2026")]),
    ])
    func yearRanges(marked: String, expect: [DateExpect]) { check(marked, expect) }

    @Test("From-to ranges; a year-less start takes the end's year", arguments: [
        ("1️⃣từ tháng 6/2018 đến tháng 12/20202️⃣", [DateExpect(.period, "1️⃣", "2️⃣", start: "2018-06", end: "2020-12")]),
        ("1️⃣Từ ngày 30/9 đến ngày 7/10/20242️⃣, Đồng chí", [.init(.period, "1️⃣", "2️⃣", start: "2024-09-30", end: "2024-10-07")]),
        ("1️⃣từ năm 2016 đến năm 20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2016", end: "2020")]),
        ("1️⃣từ 2016 đến 20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2016", end: "2020")]),
        ("1️⃣từ ngày 15/12 đến ngày 10/1/20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-12-15", end: "2025-01-10")]),
        ("1️⃣từ ngày 5 đến ngày 10/3/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-03-05", end: "2024-03-10")]),
        ("ngày 1️⃣5 đến ngày 10/3/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-03-05", end: "2024-03-10")]),
        ("1️⃣từ tháng 6 đến tháng 12 năm 20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2020-06", end: "2020-12")]),
        ("1️⃣từ 01/01/2020 - 31/12/20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2020-01-01", end: "2020-12-31")]),
        ("1️⃣từ năm 2016 đến hết năm 20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2016", end: "2020")]),
        ("ngày 1️⃣30/9 - 2/10/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-09-30", end: "2024-10-02")]),
        ("1️⃣ngày 5 tháng 3 đến ngày 7 tháng 3 năm 20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-03-05", end: "2024-03-07")]),
        ("1️⃣năm 2016 đến năm 20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2016", end: "2020")]),
        ("ngày 1️⃣31/12/2023 – 01/01/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2023-12-31", end: "2024-01-01")]),
        ("1️⃣Từ 15/11 - 20/11/20162️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2016-11-15", end: "2016-11-20")]),
        ("vào ngày 1️⃣1-2/10/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-10-01", end: "2024-10-02")]),
        ("1️⃣giai đoạn 2016-20202️⃣, 3️⃣2021-20254️⃣", [
            .init(.period, "1️⃣", "2️⃣", start: "2016", end: "2020"), .init(.period, "3️⃣", "4️⃣", start: "2021", end: "2025"),
        ]),
        // No end date: the start alone (if it has a year).
        ("Từ ngày 1️⃣1/1/20202️⃣ đến nay", [.init(.date, "1️⃣", "2️⃣", "2020-01-01")]),
        ("từ 1️⃣năm 20162️⃣ đến nay", [.init(.date, "1️⃣", "2️⃣", "2016")]),
        ("1️⃣Từ ngày 5-7/3/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-03-05", end: "2024-03-07")]),
        ("ngày 1️⃣5-7/3/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-03-05", end: "2024-03-07")]),
        ("trong 1️⃣tháng 1-6/20202️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2020-01", end: "2020-06")]),
        // An end before the start is no range: two dates.
        ("từ ngày 1️⃣10/3/20242️⃣ đến ngày 3️⃣5/3/20244️⃣", [.init(.date, "1️⃣", "2️⃣", "2024-03-10"), .init(.date, "3️⃣", "4️⃣", "2024-03-05")]),
        // "từ" without an end: the date alone.
        ("bắt đầu từ ngày 1️⃣5/3/20242️⃣.", [.init(.date, "1️⃣", "2️⃣", "2024-03-05")]),
    ])
    func fromTo(marked: String, expect: [DateExpect]) { check(marked, expect) }

    @Test("Quarters and parts of a year", arguments: [
        ("1️⃣quý IV năm 20212️⃣", [DateExpect(.period, "1️⃣", "2️⃣", start: "2021-10", end: "2021-12")]),
        ("1️⃣quý 4 năm 20212️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2021-10", end: "2021-12")]),
        ("1️⃣Quý I/20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-01", end: "2024-03")]),
        ("1️⃣QUÝ II - 20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-04", end: "2024-06")]),
        ("1️⃣quý III năm 20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-07", end: "2024-09")]),
        ("1️⃣6 tháng đầu năm 20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2025-01", end: "2025-06")]),
        ("1️⃣6 tháng cuối năm 20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2025-07", end: "2025-12")]),
        ("1️⃣9 tháng đầu năm 20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-01", end: "2024-09")]),
        ("trong 1️⃣sáu tháng đầu năm 20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2025-01", end: "2025-06")]),
        ("1️⃣mười hai tháng cuối năm 20252️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2025-01", end: "2025-12")]),
        ("1️⃣nửa cuối năm 20242️⃣", [.init(.period, "1️⃣", "2️⃣", start: "2024-07", end: "2024-12")]),
        ("6 tháng cuối năm", []),
        ("quý IV", []),
        ("Quỹ 4 1️⃣năm 20212️⃣", [.init(.date, "1️⃣", "2️⃣", "2021")]),
    ])
    func quarters(marked: String, expect: [DateExpect]) { check(marked, expect) }

    // MARK: - Near misses

    @Test("Near misses are not dates", arguments: [
        "Kế hoạch 5 năm ngành y tế",
        "chúc mừng 61 năm thành lập",
        "(phụ lục 1 để biết dự thảo)",
        "Domesco 1252.png",
        "Đào tạo 3 kỹ thuật (06 cán bộ y tế);",
        "moh.hpg@gmail.com/ 04-62732235.",
        "Kế hoạch số 481/KH-UBND của UBND",
        "Nghị định số 123/2003/NĐ-CP",
        "Nghị quyết số 99/2023/QH15 giám sát",
        "cập nhật lúc 09:09",
        "32/13/2020",
        "29/02/2023",
        "31/4/2024",
        "0/1/2024",
        "đào tạo trong 3 tháng/học viên",
        "năm 20",
        "tổng kinh phí là: 1.766.925.000 đồng",
        "Sáng 1/10, đoàn công tác",
        "Chiều nay - 7/10, TS.BSCK II",
        "ngày 30/9",
        "Việt Nam 2020",
        "Thông tư 10/2014/TT-BYT",
        "mã 2023-2025/QĐ",
        "năm 2023-24",
        "2025-2023",
        "năm 1800",
        "15/11/20166",
        "115/11/2016",
        "1/2/2020.5",
        "Số: 123 /KH-SYT",
        "Thứ trưởng Bộ Y tế",
        "lần thứ hai",
        "giai đoạn II",
        "24h ngày",
        "trong 72 giờ",
        "9g đường",
        "Tỷ lệ 2023/2022 tăng 5%",
        "Điện thoại: 0206.3852.123",
        "số 2020 người",
        "TCVN 5945-2005",
        "ISO 9001:2015",
        "QCVN 01:2009/BYT",
        "tháng 13/2024",
        "giá 2.000-3.000 đồng",
        "tuổi 15-49",
        "6/2018 - 12/2020",
        "trong 6 tháng đầu năm nay",
        "v1.2.2020",
    ])
    func nearMisses(text: String) {
        #expect(Self.found(text) == [], "in: \(text)")
    }

    @Test("Rules name the grammar that matched")
    func rules() {
        let cases: [(String, String)] = [
            ("15/11/2016", "dmy-slash"), ("15-11-2016", "dmy-dash"), ("15.11.2016", "dmy-dot"),
            ("ngày 10 tháng 10 năm 2022", "dmy-words"), ("tháng 10-2014", "month-year"), ("năm 2021", "year-word"),
            ("Thứ Năm, ngày 10/10/2024 09:09", "weekday-datetime"), ("Thứ Năm, ngày 10/10/2024", "weekday-date"),
            ("10/10/2024 09:09", "datetime"), ("14h30 ngày 5/3/2024", "time-date"),
            ("2023-2025", "year-range"), ("từ năm 2016 đến năm 2020", "from-to"), ("quý IV năm 2021", "quarter"),
            ("6 tháng đầu năm 2025", "half-year"), ("9 tháng đầu năm 2024", "months-of-year"),
            ("5-7/3/2024", "day-range"), ("tháng 1-6/2020", "month-range"), ("01/01/2020 - 31/12/2020", "date-range"),
        ]
        for (text, rule) in cases {
            let found = Self.recognizer.entities(in: text)
            #expect(found.map(\.rule) == [rule], "in: \(text)")
            #expect(found.first?.text == text)
        }
    }

    @Test("Keywords are lowercase NFC, as in normalised text")
    func keywords() {
        for word in DateTables.literals {
            #expect(word.unicodeScalars.count == word.count, "\(word) is not NFC")
            #expect(word.lowercased() == word)
            if !DateTables.alternateSpellings.contains(word) {
                #expect(VietnameseNormalizer.normalize(word) == word, "\(word) is not in official tone placement")
            }
        }
    }

    @Test("Offsets are Unicode scalars even after multi-byte text")
    func scalarOffsets() {
        check("Đồng chí Tổng Bí thư ngày 1️⃣30/9/20242️⃣ — “3️⃣năm 20254️⃣”", [
            .init(.date, "1️⃣", "2️⃣", "2024-09-30"), .init(.date, "3️⃣", "4️⃣", "2025"),
        ])
    }

    @Test("Only the recogniser's own dates give way to its periods")
    func othersKept() {
        var text = "giai đoạn 2021-2025"
        var matches = [Match(.date, 10, 14, .string("x"), rule: "other")]
        text.withUTF8 { DateRecognizer().recognize($0, into: &matches) }
        #expect(matches.count == 2)
        #expect(matches.first?.rule == "other")
    }

    // MARK: - Corpus

    /// Prints every match in the Corpus with its context, for reading by eye:
    /// `DATE_EYEBALL=1 swift test --filter DateTests.eyeball`.
    @Test("Corpus matches, printed (DATE_EYEBALL=1)", .enabled(if: ProcessInfo.processInfo.environment["DATE_EYEBALL"] != nil))
    func eyeball() throws {
        for path in ["news/moh-leadership-news-2024-10.txt", "plans/bac-giang-123-kh-syt-2022.txt",
                     "programmes/health-sector-policy-support-phase-2.txt", "questionnaires/cao-bang-hpg-2016-11-15.txt",
                     "twg/technical-working-groups.txt"] {
            let text = try Self.corpus(path)
            let scalars = Array(text.unicodeScalars)
            for e in Self.recognizer.entities(in: text) {
                let a = max(0, e.start - 25), b = min(scalars.count, e.end + 25)
                var ctx = String.UnicodeScalarView(); ctx.append(contentsOf: scalars[a..<b])
                print("EYE \(path.prefix(5)) \(e.type) [\(e.text)] \(Self.render(e.value)) \(e.rule ?? "") | \(String(ctx).replacingOccurrences(of: "\n", with: "⏎"))")
            }
        }
    }

    static func corpus(_ path: String) throws -> String {
        let url = Paths.packageRoot().appendingPathComponent("Corpus").appendingPathComponent(path)
        return VietnameseNormalizer.normalize(try String(contentsOf: url, encoding: .utf8))
    }

    @Test("News listing: one date with a time per 'Thứ …, ngày dd/mm/yyyy hh:mm' line (and per 'dd/mm/yyyy | hh:mm AM' line)")
    func newsTimes() throws {
        let text = try Self.corpus("news/moh-leadership-news-2024-10.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let weekdayLines = lines.filter { $0.contains(/^Thứ [^,\n]+, ngày \d{1,2}\/\d{1,2}\/\d{4} \d{2}:\d{2}/) }.count
        let pipeLines = lines.filter { $0.contains(/^\d{1,2}\/\d{1,2}\/\d{4} \| \d{2}:\d{2}/) }.count
        let timed = Self.recognizer.entities(in: text).filter { e in
            guard e.type == "date", case .string(let v) = e.value else { return false }
            return v.contains("T")
        }
        #expect(weekdayLines >= 20)
        #expect(pipeLines == 1)
        #expect(timed.count == weekdayLines + pipeLines)
        #expect(timed.filter { $0.text.hasPrefix("Thứ ") }.count == weekdayLines)
    }

    @Test("Plan from Bắc Giang: every date and period, nothing else")
    func plan() throws {
        let text = try Self.corpus("plans/bac-giang-123-kh-syt-2022.txt")
        let found = Self.recognizer.entities(in: text).map { "\($0.type) \($0.text) \(Self.render($0.value))" }
        #expect(found == [
            "date ngày 10 tháng 10 năm 2022 2022-10-10",
            "date 25/8/2022 2022-08-25",
            "date 25/8/2022 2022-08-25",
            "date 25/8/2022 2022-08-25",
            "period giai đoạn 2021- 2025 {start=2021,end=2025}",
            "period 2023-2025 {start=2023,end=2025}",
            "date Năm 2023 2023",
            "date Năm 2024 2024",
            "date Năm 2025 2025",
            "date 25/8/2022 2022-08-25",
        ])
    }

    @Test("Questionnaire, programme brief and TWG page")
    func otherCorpus() throws {
        func found(_ path: String) throws -> [String] {
            Self.recognizer.entities(in: try Self.corpus(path)).map { "\($0.type) \($0.text) \(Self.render($0.value))" }
        }
        #expect(try found("questionnaires/cao-bang-hpg-2016-11-15.txt") == [
            "date 15/11/2016 2016-11-15", "date 15/11/2016 2016-11-15", "date 15/11/2016 2016-11-15", "date 07/11/2016 2016-11-07",
        ])
        #expect(try found("programmes/health-sector-policy-support-phase-2.txt") == ["date tháng 10-2014 2014-10"])
        #expect(try found("twg/technical-working-groups.txt") == [
            "date 01/10/2010 2010-10-01", "date 01/04/2011 2011-04-01", "date 10/09/2011 2011-09-10",
            "date 2011 2011", "date 03/10/2012 2012-10-03", "date 03/10/2012 2012-10-03", "date 11/10/2012 2012-10-11",
            "date 2013 2013", "date 04/09/2013 2013-09-04", "date 02/07/2015 2015-07-02",
        ])
    }
}

@Suite("Years alone on a line")
struct YearAloneTests {
    @Test("A year alone on its line (a table cell) is a date; a number in running text is not")
    func yearAlone() {
        let (text, at) = Markers.parse("Ngày thành lập\n1️⃣20112️⃣\n  3️⃣20134️⃣  \nCó 2011 người\n1999 bệnh nhân\n12345")
        let found = EntityRecognizer(recognizers: [DateRecognizer()]).entities(in: text)
        #expect(found.map { "\($0.start)-\($0.end) \($0.value)" } == [
            "\(at["1️⃣"] ?? -1)-\(at["2️⃣"] ?? -1) \(JSONValue.string("2011"))",
            "\(at["3️⃣"] ?? -1)-\(at["4️⃣"] ?? -1) \(JSONValue.string("2013"))",
        ])
    }
}
