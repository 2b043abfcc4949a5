import DocumentModel
import Foundation
import Testing
import VietnameseText
import _TestSupport
@testable import Entities

/// A person expected between two markers: name and title (nil = JSON null).
struct ExpectedPerson: Sendable, CustomTestStringConvertible {
    var from: String
    var to: String
    var name: String
    var title: String?
    var testDescription: String { "\(name) (\(title ?? "no title"))" }
}

/// A marked text and the people in it, in text order.
struct PersonCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var people: [ExpectedPerson]
    var testDescription: String { marked }

    init(_ marked: String, _ people: [ExpectedPerson]) {
        self.marked = marked
        self.people = people
    }

    init(_ marked: String, _ name: String, _ title: String?) {
        self.init(marked, [ExpectedPerson(from: "1️⃣", to: "2️⃣", name: name, title: title)])
    }
}

/// The hand-annotated gold standard of the Corpus (Tests/Gold, see its README): the entities of
/// one type in one document, as "start-end text => value" lines, next to what a recogniser finds.
enum GoldEntities {
    static func lines(of type: String, in goldName: String, recognizer: EntityRecognizer) throws -> (gold: [String], found: [String]) {
        let root = Paths.packageRoot()
        let data = try Data(contentsOf: root.appendingPathComponent("Tests/Gold").appendingPathComponent(goldName))
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any], let path = json["document"] as? String,
              let entities = json["entities"] as? [[String: Any]] else { return ([], []) }
        let text = VietnameseNormalizer.normalize(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        func show(_ value: Any) -> String {
            guard let object = value as? [String: Any] else { return "\(value)" }
            return object.keys.sorted().map { key in "\(key)=\(object[key].map { $0 is NSNull ? "null" : "\($0)" } ?? "null")" }.joined(separator: " | ")
        }
        let gold = entities.filter { $0["type"] as? String == type }.map { e in
            "\(e["start"] ?? "")-\(e["end"] ?? "") \(e["text"] ?? "") => \(show(e["value"] ?? NSNull()))"
        }
        let found = recognizer.entities(in: text).filter { $0.type == type }.map { e -> String in
            var object: [String: Any] = [:]
            if case .object(let members) = e.value {
                for m in members {
                    switch m.value {
                    case .string(let s): object[m.key] = s
                    default: object[m.key] = NSNull()
                    }
                }
            }
            return "\(e.start)-\(e.end) \(e.text) => \(show(object))"
        }
        return (gold, found)
    }

    static let names = [
        "news__moh-leadership-news-2024-10.json", "plans__bac-giang-123-kh-syt-2022.json",
        "programmes__health-sector-policy-support-phase-2.json", "questionnaires__cao-bang-hpg-2016-11-15.json",
        "twg__technical-working-groups.json",
    ]
}

@Suite("Person recogniser")
struct PersonTests {
    static let recognizer = EntityRecognizer(recognizers: [PersonRecognizer()])

    static func check(_ c: PersonCase) {
        let (text, at) = Markers.parse(c.marked)
        let found = recognizer.entities(in: text)
        #expect(found.count == c.people.count, "\(found.map { "\($0.text) -> \($0.value)" })")
        for (entity, expected) in zip(found, c.people) {
            #expect(entity.type == "person")
            #expect(entity.start == at[expected.from], "start of \(entity.text)")
            #expect(entity.end == at[expected.to], "end of \(entity.text)")
            let value = JSONValue.object([
                .init("name", .string(expected.name)),
                .init("title", expected.title.map(JSONValue.string) ?? .null),
            ])
            #expect(entity.value == value, "\(entity.text)")
        }
    }

    @Test("The data files load; the gazetteer's place names are there to tell places from names")
    func loads() throws {
        _ = try PersonRecognizer.load()
        let lexicon = try NameLexicon.shared.get().lexicon
        #expect(lexicon.families.count >= 80)
        #expect(lexicon.places.count >= 200, "provinces.csv / countries.csv not found: two-word names after a body are then refused")
    }

    @Test("A title, the body it belongs to, then the name", arguments: [
        PersonCase("1️⃣Bộ trưởng Bộ Y tế Đào Hồng Lan2️⃣ tiếp Đại sứ Cu Ba tại Việt Nam", "Đào Hồng Lan", "Bộ trưởng Bộ Y tế"),
        PersonCase("Sáng ngày 04/10/2024, 1️⃣Thứ trưởng Bộ Y tế Trần Văn Thuấn2️⃣ đã có buổi làm việc", "Trần Văn Thuấn", "Thứ trưởng Bộ Y tế"),
        PersonCase("1️⃣Thứ trưởng Bộ Y tế Trần Văn Thuấn2️⃣ làm việc với Viện Tony Blair vì sự phát triển toàn cầu", "Trần Văn Thuấn", "Thứ trưởng Bộ Y tế"),
        PersonCase("Tại cuộc họp, 1️⃣Trưởng đại diện WHO Angela Pratt2️⃣ cũng thống nhất", "Angela Pratt", "Trưởng đại diện WHO"),
        PersonCase("1️⃣Phó Chủ tịch UBND tỉnh Bắc Giang Lê Ánh Dương2️⃣ chủ trì hội nghị", "Lê Ánh Dương", "Phó Chủ tịch UBND tỉnh Bắc Giang"),
        PersonCase("1️⃣Giám đốc Bệnh viện Bạch Mai Đào Xuân Cơ2️⃣ cho biết", "Đào Xuân Cơ", "Giám đốc Bệnh viện Bạch Mai"),
        PersonCase("trình 1️⃣Thủ tướng Chính phủ Phạm Minh Chính2️⃣ phê duyệt", "Phạm Minh Chính", "Thủ tướng Chính phủ"),
        PersonCase("1️⃣Giám đốc Sở Y tế Nguyễn Thị Kim Tiến2️⃣ phát biểu", "Nguyễn Thị Kim Tiến", "Giám đốc Sở Y tế"),
        PersonCase("Dự lễ có 1️⃣Thủ tướng Phạm Minh Chính2️⃣.", "Phạm Minh Chính", "Thủ tướng"),
        PersonCase("1️⃣Bộ trưởng Tô Lâm2️⃣ nhấn mạnh", "Tô Lâm", "Bộ trưởng"),
        PersonCase("1️⃣Tổng Bí thư, Chủ tịch nước Tô Lâm2️⃣ dẫn đầu đoàn", "Tô Lâm", "Tổng Bí thư, Chủ tịch nước"),
        PersonCase("1️⃣Bí thư kiêm Chủ tịch UBND huyện Nguyễn Văn Hùng2️⃣ dự", "Nguyễn Văn Hùng", "Bí thư kiêm Chủ tịch UBND huyện"),
        PersonCase("Sáng 15/3, 1️⃣Phó Thủ tướng Vũ Đức Đam2️⃣ đã làm việc", "Vũ Đức Đam", "Phó Thủ tướng"),
        PersonCase("1️⃣Giám đốc Sở Y tế Hà Nội Trần Thị Nhị Hà2️⃣ cho biết", "Trần Thị Nhị Hà", "Giám đốc Sở Y tế Hà Nội"),
        PersonCase("1️⃣Chủ tịch UBND thành phố Hồ Chí Minh Nguyễn Thành Phong2️⃣ đã kiểm tra", "Nguyễn Thành Phong", "Chủ tịch UBND thành phố Hồ Chí Minh"),
        // Two words after a body: a name when the place lists say it is no place.
        PersonCase("1️⃣Bộ trưởng Bộ Công an Tô Lâm2️⃣ phát biểu", "Tô Lâm", "Bộ trưởng Bộ Công an"),
        // A head word inside a name ("Trường").
        PersonCase("1️⃣PGS.TS Nguyễn Trường Sơn, Thứ trưởng Bộ Y tế2️⃣;", "Nguyễn Trường Sơn", "PGS.TS, Thứ trưởng Bộ Y tế"),
    ])
    func titled(_ c: PersonCase) { Self.check(c) }

    @Test("Academic titles and honorifics before the name; positions after a comma", arguments: [
        PersonCase("đoàn công tác của Bộ Y tế do 1️⃣GS.TS. Trần Văn Thuấn, Thứ trưởng Bộ Y tế2️⃣ làm Trưởng đoàn", "Trần Văn Thuấn", "GS.TS., Thứ trưởng Bộ Y tế"),
        // A dash attaches a title as a comma does; the place of the office joins it.
        PersonCase("Chiều nay - 7/10, 1️⃣TS.BSCK II Nguyễn Tri Thức - Thứ trưởng Bộ Y tế2️⃣ đã đến tham dự", "Nguyễn Tri Thức", "TS.BSCK II, Thứ trưởng Bộ Y tế"),
        PersonCase("1️⃣TS.BSCK II Nguyễn Tri Thức2️⃣ đã đến", "Nguyễn Tri Thức", "TS.BSCK II"),
        PersonCase("1️⃣TS. Angela Pratt, Trưởng đại diện WHO tại Việt Nam2️⃣ phát biểu.", "Angela Pratt", "TS., Trưởng đại diện WHO tại Việt Nam"),
        PersonCase("1️⃣TS. Angela Pratt, Trưởng đại diện WHO2️⃣ nhấn mạnh", "Angela Pratt", "TS., Trưởng đại diện WHO"),
        PersonCase("Bộ trưởng đã tiếp 1️⃣ngài Orlando Hernandez Guillen2️⃣, Đại...", "Orlando Hernandez Guillen", "ngài"),
        // A title that a listing cut ("Thứ trưởng...") is left out.
        PersonCase("Khai giảng năm học, 1️⃣đồng chí Đỗ Xuân Tuyên - Phó Bí thư Ban Cán sự Đảng2️⃣, Thứ trưởng...", "Đỗ Xuân Tuyên",
                   "đồng chí, Phó Bí thư Ban Cán sự Đảng"),
        PersonCase("1️⃣PGS.TS. Nguyễn Thị Kim Tiến2️⃣ cho biết", "Nguyễn Thị Kim Tiến", "PGS.TS."),
        PersonCase("1️⃣PGS. TS. Lương Ngọc Khuê, Cục trưởng2️⃣ phát biểu", "Lương Ngọc Khuê", "PGS. TS., Cục trưởng"),
        PersonCase("1️⃣ông Lê Văn Khanh, Chánh Văn phòng Bộ Y tế2️⃣, cho biết", "Lê Văn Khanh", "ông, Chánh Văn phòng Bộ Y tế"),
        PersonCase("1️⃣bà Trần Thị Thu, Giám đốc Sở2️⃣ cho biết", "Trần Thị Thu", "bà, Giám đốc Sở"),
        PersonCase("Tham dự có 1️⃣BSCKII Hoàng Văn Minh2️⃣.", "Hoàng Văn Minh", "BSCKII"),
        PersonCase("theo 1️⃣ThS. BS. Phan Thị Thu Hương2️⃣ thì", "Phan Thị Thu Hương", "ThS. BS."),
        PersonCase("1️⃣Giáo sư Tôn Thất Tùng2️⃣ là người", "Tôn Thất Tùng", "Giáo sư"),
        PersonCase("hỏi 1️⃣ông Nguyễn Văn A2️⃣ về việc này", "Nguyễn Văn A", "ông"),
        PersonCase("1️⃣Bà Angela Pratt2️⃣ cho biết", "Angela Pratt", "Bà"),
        PersonCase("gửi 1️⃣đ/c Trần Thị Hòa2️⃣ để biết", "Trần Thị Hòa", "đ/c"),
        PersonCase("1️⃣ông Nguyễn Văn Bình, Phó Giám đốc Sở Y tế, Trưởng ban2️⃣ cho biết", "Nguyễn Văn Bình", "ông, Phó Giám đốc Sở Y tế, Trưởng ban"),
        PersonCase("1️⃣bác sĩ Nguyễn Văn Hưng, giám đốc Bệnh viện Việt Đức2️⃣, cho biết", "Nguyễn Văn Hưng", "bác sĩ, giám đốc Bệnh viện Việt Đức"),
        PersonCase("1️⃣Bác sĩ Nguyễn Văn Kính, nguyên Giám đốc Bệnh viện Bệnh Nhiệt đới Trung ương2️⃣ cho biết", "Nguyễn Văn Kính",
                   "Bác sĩ, nguyên Giám đốc Bệnh viện Bệnh Nhiệt đới Trung ương"),
        PersonCase("1️⃣ông Kidong Park, Trưởng Đại diện Tổ chức Y tế Thế giới tại Việt Nam2️⃣.", "Kidong Park", "ông, Trưởng Đại diện Tổ chức Y tế Thế giới tại Việt Nam"),
        PersonCase("1️⃣TS. Lương Ngọc Khuê, Cục trưởng Cục Quản lý Khám, chữa bệnh2️⃣, các bệnh viện", "Lương Ngọc Khuê", "TS., Cục trưởng Cục Quản lý Khám, chữa bệnh"),
    ])
    func prefixes(_ c: PersonCase) { Self.check(c) }

    @Test("Several people in one sentence", arguments: [
        PersonCase("1️⃣Bộ trưởng Bộ Y tế Đào Hồng Lan2️⃣ và 3️⃣bà Angela Pratt, Trưởng đại diện WHO tại Việt Nam4️⃣ chủ trì cuộc họp.", [
            ExpectedPerson(from: "1️⃣", to: "2️⃣", name: "Đào Hồng Lan", title: "Bộ trưởng Bộ Y tế"),
            ExpectedPerson(from: "3️⃣", to: "4️⃣", name: "Angela Pratt", title: "bà, Trưởng đại diện WHO tại Việt Nam"),
        ]),
        // A title after a comma that a name follows is the next person's.
        PersonCase("1️⃣Bộ trưởng Đào Hồng Lan2️⃣, 3️⃣Thứ trưởng Trần Văn Thuấn4️⃣ dự", [
            ExpectedPerson(from: "1️⃣", to: "2️⃣", name: "Đào Hồng Lan", title: "Bộ trưởng"),
            ExpectedPerson(from: "3️⃣", to: "4️⃣", name: "Trần Văn Thuấn", title: "Thứ trưởng"),
        ]),
    ])
    func several(_ c: PersonCase) { Self.check(c) }

    @Test("The signer under a signature block: the title is its last position line as written", arguments: [
        PersonCase("Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT, TCHC (1).\n\n**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\n1️⃣Nguyễn Văn Bình2️⃣\n", "Nguyễn Văn Bình", "PHÓ GIÁM ĐỐC"),
        PersonCase("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n(Đã ký)\n\n1️⃣Trần Văn Thuấn2️⃣", "Trần Văn Thuấn", "THỨ TRƯỞNG"),
        PersonCase("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n1️⃣Lê Ánh Dương2️⃣\n", "Lê Ánh Dương", "PHÓ CHỦ TỊCH"),
        PersonCase("GIÁM ĐỐC\n\n1️⃣Hà Văn Thái2️⃣", "Hà Văn Thái", "GIÁM ĐỐC"),
        PersonCase("Q. GIÁM ĐỐC\n1️⃣Lò Văn Pọm2️⃣\n", "Lò Văn Pọm", "GIÁM ĐỐC"),
        PersonCase("Luật này đã được Quốc hội thông qua.\n\nCHỦ TỊCH QUỐC HỘI\n\n\n1️⃣Nguyễn Phú Trọng2️⃣", "Nguyễn Phú Trọng", "CHỦ TỊCH QUỐC HỘI"),
        PersonCase("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(Đã ký)\n1️⃣Lò Thị Mai Hương2️⃣", "Lò Thị Mai Hương", "PHÓ GIÁM ĐỐC"),
        // Not a block: the line above is no position.
        PersonCase("KẾ HOẠCH\n\n1️⃣Nguyễn Văn Bình2️⃣", "Nguyễn Văn Bình", nil),
    ])
    func signature(_ c: PersonCase) { Self.check(c) }

    @Test("A Vietnamese name alone: a strong family name and three or four syllables", arguments: [
        PersonCase("Người liên hệ: 1️⃣Nguyễn Thị Minh Hằng2️⃣, điện thoại 0912345678", "Nguyễn Thị Minh Hằng", nil),
        PersonCase("Cán bộ đầu mối: 1️⃣Trần Văn Nam2️⃣.", "Trần Văn Nam", nil),
        PersonCase("1️⃣Phạm Văn Tuấn, Trưởng phòng Tổ chức - Hành chính2️⃣ báo cáo", "Phạm Văn Tuấn", "Trưởng phòng Tổ chức - Hành chính"),
    ])
    func bare(_ c: PersonCase) { Self.check(c) }

    @Test("Not people", arguments: [
        "Thủ tướng: Mỗi công dân Việt Nam sẽ đều có sổ sức khoẻ điện tử",
        "Thủ tướng chỉ rõ mục tiêu mỗi công dân",
        "đang được trình Thủ tướng Chính phủ phê duyệt",
        "WHO đã đồng hành cùng Bộ Y tế Việt Nam",
        "Bộ trưởng Bộ Y tế và Trưởng đại diện WHO đã đồng ý",
        "tiếp Đại sứ Cu Ba tại Việt Nam",
        "Đại sứ Nam Phi và Đại sứ Hàn Quốc",
        "Đồng chí Tổng Bí thư, Chủ tịch nước Cộng hòa Xã hội Chủ nghĩa Việt Nam dẫn đầu Đoàn đại biểu",
        "Cục Khoa học Công nghệ & Đào tạo",
        "- Năm 2023: Đào tạo 03 cán bộ quản lý",
        "công tác Đào tạo nhân lực y tế",
        "tỉnh Bà Rịa - Vũng Tàu",
        "Vụ Sức khỏe Bà mẹ - Trẻ em",
        "Giám đốc Sở Y tế Hà Nội cho biết",
        "Sở Y tế Hà Nội",
        "Trường tiểu học Hoàng Diệu, Hà Nội",
        "số 138 đường Trần Hưng Đạo, quận Hoàn Kiếm",
        "Bệnh viện Đại học Y Dược TP. Hồ Chí Minh",
        "Trường THPT Chu Văn An",
        "Trường Đại học Tôn Đức Thắng",
        "Hội nghị có sự tham dự của Thứ...",
        "Viện trưởng Viện Trang thiết bị và Công trình y tế.",
        "Nguyễn Văn",
        "Lê Lợi",
        "NGUYỄN VĂN BÌNH",
        "Thứ Năm, ngày 10/10/2024 09:09Bộ trưởng phát biểu",
        "Đại sứ Hàn Quốc tại Việt Nam",
        "Đại sứ Thái Lan và Đại sứ Hà Lan",
        "Chủ tịch UBND tỉnh Hà Giang",
        "Trung tâm Y tế huyện Lâm Bình",
    ])
    func notPeople(_ text: String) {
        let found = Self.recognizer.entities(in: text)
        #expect(found.isEmpty, "\(found.map { "\($0.text) -> \($0.value)" })")
    }

    @Test("Offsets count scalars and the text is the span")
    func offsets() {
        let text = "Ngày 9/10, Bộ trưởng Bộ Y tế Đào Hồng Lan đã đến"
        let found = Self.recognizer.entities(in: text)
        #expect(found.count == 1)
        guard let e = found.first else { return }
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.text)
        #expect(e.text == "Bộ trưởng Bộ Y tế Đào Hồng Lan")
        #expect(e.rule == "title")
    }

    @Test("Corpus: the gold standard's people, every one and nothing else", arguments: GoldEntities.names)
    func gold(name: String) throws {
        let (gold, found) = try GoldEntities.lines(of: "person", in: name, recognizer: Self.recognizer)
        let missed = gold.filter { !found.contains($0) }
        let extra = found.filter { !gold.contains($0) }
        #expect(missed.isEmpty, "missed:\n\(missed.joined(separator: "\n"))")
        #expect(extra.isEmpty, "false alarms:\n\(extra.joined(separator: "\n"))")
    }
}
