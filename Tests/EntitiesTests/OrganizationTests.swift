import DocumentModel
import Foundation
import Testing
import VietnameseText
import _TestSupport
@testable import Entities

/// A marked text and the organisations in it (the first between 1️⃣ and 2️⃣, the next between
/// 3️⃣ and 4️⃣, …), each with its name as expanded.
struct OrganizationCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var names: [String]
    var testDescription: String { marked }

    init(_ marked: String, _ names: String...) {
        self.marked = marked
        self.names = names
    }
}

@Suite("Organization recogniser")
struct OrganizationTests {
    static let recognizer = EntityRecognizer(recognizers: [OrganizationRecognizer()])

    static func check(_ c: OrganizationCase) {
        let (text, at) = Markers.parse(c.marked)
        let found = recognizer.entities(in: text)
        #expect(found.count == c.names.count, "\(found.map { "\($0.text) -> \($0.value)" })")
        for (k, (entity, name)) in zip(found, c.names).enumerated() {
            #expect(entity.type == "organization")
            #expect(entity.start == at[Markers.symbols[2 * k]], "start of \(entity.text)")
            #expect(entity.end == at[Markers.symbols[2 * k + 1]], "end of \(entity.text)")
            #expect(entity.value == .object([.init("name", .string(name))]), "\(entity.text)")
        }
    }

    @Test("The data files load")
    func loads() throws {
        let lexicon = try NameLexicon.shared.get().lexicon
        #expect(!lexicon.heads.isEmpty)
        #expect(lexicon.abbreviations.count >= 40)
        #expect(lexicon.knownNames.count >= 25)
        _ = try OrganizationRecognizer.load()
    }

    @Test("A head word and its name", arguments: [
        OrganizationCase("tại trụ sở 1️⃣Bộ Y tế2️⃣ đã diễn ra", "Bộ Y tế"),
        OrganizationCase("đại diện từ 1️⃣Bộ Y tế2️⃣, 3️⃣Bộ Tài chính4️⃣, 5️⃣Kho bạc Nhà nước6️⃣, 7️⃣Bảo hiểm xã hội Việt Nam8️⃣, 9️⃣Bộ Kế hoạch và Đầu tư🔟.",
                         "Bộ Y tế", "Bộ Tài chính", "Kho bạc Nhà nước", "Bảo hiểm xã hội Việt Nam", "Bộ Kế hoạch và Đầu tư"),
        OrganizationCase("1️⃣Cục Quản lý Dược2️⃣", "Cục Quản lý Dược"),
        OrganizationCase("1️⃣Cục Quản lý Môi trường y tế2️⃣ chủ trì", "Cục Quản lý Môi trường y tế"),
        OrganizationCase("1️⃣Sở Y tế2️⃣ xây dựng Kế hoạch triển khai", "Sở Y tế"),
        OrganizationCase("đã đến 1️⃣Bệnh viện Việt Đức2️⃣ thăm, động viên người bệnh", "Bệnh viện Việt Đức"),
        OrganizationCase("đưa vào sử dụng 1️⃣Bệnh viện Nhi Hà Nội2️⃣. Công trình", "Bệnh viện Nhi Hà Nội"),
        OrganizationCase("1️⃣Viện Dinh dưỡng2️⃣\n", "Viện Dinh dưỡng"),
        OrganizationCase("1️⃣Công đoàn Y tế Việt Nam2️⃣ tổ chức hội nghị", "Công đoàn Y tế Việt Nam"),
        OrganizationCase("Nhận lời mời của 1️⃣Viện Tony Blair2️⃣ và 3️⃣Hội Phẫu thuật Hoàng gia Anh4️⃣, đoàn công tác",
                         "Viện Tony Blair", "Hội Phẫu thuật Hoàng gia Anh"),
        OrganizationCase("làm việc với 1️⃣Viện Tony Blair vì sự phát triển toàn cầu2️⃣ Sáng ngày", "Viện Tony Blair vì sự phát triển toàn cầu"),
        OrganizationCase("1️⃣Trung tâm Kiểm soát bệnh tật tỉnh2️⃣ có trách nhiệm", "Trung tâm Kiểm soát bệnh tật tỉnh"),
        OrganizationCase("1️⃣Phòng Tổ chức - Hành chính2️⃣, 3️⃣Sở Y tế4️⃣ tham mưu", "Phòng Tổ chức - Hành chính", "Sở Y tế"),
        OrganizationCase("1️⃣Bệnh viện Đa khoa tỉnh2️⃣, 3️⃣Bệnh viện Sản - Nhi4️⃣", "Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản - Nhi"),
        OrganizationCase("1️⃣Ủy ban nhân dân thành phố Hà Nội2️⃣ tổ chức khánh thành", "Ủy ban nhân dân thành phố Hà Nội"),
        OrganizationCase("1️⃣Trường Đại học Kỹ thuật Y - Dược Đà Nẵng2️⃣ tổ chức Lễ khai giảng", "Trường Đại học Kỹ thuật Y - Dược Đà Nẵng"),
        OrganizationCase("tại 1️⃣Trường tiểu học Hoàng Diệu2️⃣, Hà Nội", "Trường tiểu học Hoàng Diệu"),
        // A dash is set between spaces in the value.
        OrganizationCase("công bố tại 1️⃣Bệnh viện Phong- Da liễu Trung ương Quỳnh Lập Nghệ An2️⃣.", "Bệnh viện Phong - Da liễu Trung ương Quỳnh Lập Nghệ An"),
        OrganizationCase("1️⃣Sở Ngoại vụ2️⃣ (Phối hợp);", "Sở Ngoại vụ"),
        OrganizationCase("1️⃣Văn phòng Bộ2️⃣ và 3️⃣Thanh tra Bộ Y tế4️⃣", "Văn phòng Bộ", "Thanh tra Bộ Y tế"),
        OrganizationCase("điều trị tại 1️⃣Bệnh viện 1082️⃣.", "Bệnh viện 108"),
        OrganizationCase("1️⃣Ban Cán sự Đảng Bộ Y tế2️⃣ họp", "Ban Cán sự Đảng Bộ Y tế"),
        // The country a body belongs to is part of its name.
        OrganizationCase("1️⃣Bộ Y tế nước Cộng hòa xã hội chủ nghĩa Việt Nam2️⃣ và 3️⃣Bộ Y tế Cộng hòa Belarus4️⃣ trong lĩnh vực y tế",
                         "Bộ Y tế nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Bộ Y tế Cộng hòa Belarus"),
        OrganizationCase("1️⃣Bộ Y tế2️⃣ nước ngoài", "Bộ Y tế"),
        OrganizationCase("phê duyệt của 1️⃣Chính phủ2️⃣ và 3️⃣Quốc hội4️⃣", "Chính phủ", "Quốc hội"),
        OrganizationCase("1️⃣Viện Trang thiết bị và Công trình y tế2️⃣. Thứ trưởng", "Viện Trang thiết bị và Công trình y tế"),
        OrganizationCase("1️⃣Trạm y tế xã Tân Lập2️⃣ đã", "Trạm y tế xã Tân Lập"),
        OrganizationCase("1️⃣Trung tâm Y tế huyện Lâm Bình2️⃣ tổ chức", "Trung tâm Y tế huyện Lâm Bình"),
    ])
    func heads(_ c: OrganizationCase) { Self.check(c) }

    @Test("Abbreviations are expanded", arguments: [
        OrganizationCase("Kế hoạch số 481/KH-UBND của 1️⃣UBND tỉnh Bắc Giang2️⃣ thực hiện", "Ủy ban nhân dân tỉnh Bắc Giang"),
        OrganizationCase("- 1️⃣UBND tỉnh2️⃣ (b/c);", "Ủy ban nhân dân tỉnh"),
        OrganizationCase("của 1️⃣UBND tỉnh2️⃣ về thực hiện", "Ủy ban nhân dân tỉnh"),
        OrganizationCase("Đề nghị 1️⃣Vụ HTQT2️⃣ cần chia sẻ", "Vụ Hợp tác quốc tế"),
        OrganizationCase("Đề nghị 1️⃣vụ HTQT2️⃣ chia sẻ thông tin", "Vụ Hợp tác quốc tế"),
        OrganizationCase("Một tháng, 1️⃣BVĐK Đức Giang2️⃣ thực hiện thành công", "Bệnh viện Đa khoa Đức Giang"),
        OrganizationCase("- Lãnh đạo 1️⃣SYT2️⃣;", "Sở Y tế"),
        OrganizationCase("giữa 1️⃣BYT2️⃣ và WHO", "Bộ Y tế"),
        // In a document symbol the abbreviation names the issuer, not a mention.
        OrganizationCase("Số: 123 /KH-SYT; Công văn số 12/UBND-VX"),
        OrganizationCase("1️⃣HĐND tỉnh Cao Bằng2️⃣ khóa XVII", "Hội đồng nhân dân tỉnh Cao Bằng"),
        OrganizationCase("1️⃣BHXH Việt Nam2️⃣ và 3️⃣TTYT huyện Hòa An4️⃣", "Bảo hiểm xã hội Việt Nam", "Trung tâm Y tế huyện Hòa An"),
        OrganizationCase("1️⃣CDC Bắc Giang2️⃣ báo cáo", "Trung tâm Kiểm soát bệnh tật Bắc Giang"),
        OrganizationCase("1️⃣Vụ KH-TC2️⃣ và 3️⃣Cục QLKCB4️⃣", "Vụ Kế hoạch - Tài chính", "Cục Quản lý Khám, chữa bệnh"),
        OrganizationCase("1️⃣Bộ NN & PTNT2️⃣\n", "Bộ Nông nghiệp và Phát triển nông thôn"),
        OrganizationCase("đại diện 1️⃣Công ty TNHH AstraZeneca Việt Nam2️⃣ bàn về", "Công ty Trách nhiệm hữu hạn AstraZeneca Việt Nam"),
        OrganizationCase("của 1️⃣Công ty Cổ phần XNK Y tế Domesco2️⃣\n", "Công ty Cổ phần Xuất nhập khẩu Y tế Domesco"),
        OrganizationCase("tại 1️⃣Bệnh viện Đại học Y Dược TP. Hồ Chí Minh2️⃣ (3️⃣BV ĐHYD4️⃣)",
                         "Bệnh viện Đại học Y Dược Thành phố Hồ Chí Minh", "Bệnh viện Đại học Y Dược"),
    ])
    func abbreviations(_ c: OrganizationCase) { Self.check(c) }

    @Test("Coordination forums (the Health Partnership Group), partners' delegations, venues and committees alone are no organisations", arguments: [
        OrganizationCase("Cuộc họp Nhóm Đối tác y tế (HPG) ngày 15/11/2016"),
        OrganizationCase("Sự tham gia của tỉnh trong Nhóm ĐTYT chủ yếu là tham dự các cuộc họp nhóm ĐTYT,"),
        OrganizationCase("gửi về 1️⃣Vụ HTQT2️⃣/ Ban thư ký HPG", "Vụ Hợp tác quốc tế"),
        OrganizationCase("hỗ trợ của Phái đoàn Liên hiệp châu Âu phục vụ cho các đợt"),
        OrganizationCase("báo cáo của 1️⃣Bộ Y tế2️⃣ và Phái đoàn Liên hiệp châu Âu", "Bộ Y tế"),
        OrganizationCase("Sáng ngày 01/10/2024 tại Trung tâm Hội nghị Quốc gia, đã diễn ra"),
        OrganizationCase("đồng chí Đỗ Xuân Tuyên - Phó Bí thư Ban Cán sự Đảng, Thứ trưởng"),
    ])
    func forums(_ c: OrganizationCase) { Self.check(c) }

    @Test("Known units of the Ministry of Health (Decree 95/2022) end where their names end; the value is as written", arguments: [
        OrganizationCase("1️⃣Cục Quản lý Khám chữa bệnh2️⃣\n", "Cục Quản lý Khám chữa bệnh"),
        OrganizationCase("1️⃣Vụ Kế hoạch tài chính2️⃣\n", "Vụ Kế hoạch tài chính"),
        OrganizationCase("1️⃣Vụ Sức khoẻ Bà mẹ trẻ em2️⃣\n", "Vụ Sức khoẻ Bà mẹ trẻ em"),
        OrganizationCase("1️⃣Tổng Cục Dân số - Kế hoạch hoá gia đình2️⃣\n", "Tổng Cục Dân số - Kế hoạch hoá gia đình"),
        OrganizationCase("1️⃣Cục Phòng, chống HIV/AIDS2️⃣ và 3️⃣Cục HIV/AIDS4️⃣", "Cục Phòng, chống HIV/AIDS", "Cục Phòng, chống HIV/AIDS"),
        OrganizationCase("1️⃣Cục Y tế dự phòng2️⃣ đã", "Cục Y tế dự phòng"),
    ])
    func known(_ c: OrganizationCase) { Self.check(c) }

    @Test("Where a name ends", arguments: [
        OrganizationCase("1️⃣Bộ Y tế2️⃣ đã phối hợp chặt chẽ với WHO", "Bộ Y tế"),
        OrganizationCase("1️⃣Bộ Y tế2️⃣ và WHO", "Bộ Y tế"),
        OrganizationCase("Dự án của 1️⃣Bộ Y tế2️⃣ - WHO giai đoạn 2024-2027", "Bộ Y tế"),
        OrganizationCase("1️⃣Bộ Y tế2️⃣ - Tổ chức Y tế thế giới", "Bộ Y tế"),
        OrganizationCase("1️⃣Bộ Y tế2️⃣ điều động, bổ nhiệm Viện trưởng", "Bộ Y tế"),
        OrganizationCase("1️⃣Bộ Y tế2️⃣ kiện toàn công tác cán bộ 3️⃣Bệnh viện Phong-Da liễu Trung ương Quỳnh Lập Nghệ An4️⃣",
                         "Bộ Y tế", "Bệnh viện Phong - Da liễu Trung ương Quỳnh Lập Nghệ An"),
        OrganizationCase("1️⃣Bệnh viện Việt Đức2️⃣ thành lập năm 1906", "Bệnh viện Việt Đức"),
        OrganizationCase("1️⃣Cục Hàng không Việt Nam2️⃣ cho biết", "Cục Hàng không Việt Nam"),
        OrganizationCase("1️⃣Ban Quản lý dự án2️⃣ đã", "Ban Quản lý dự án"),
        OrganizationCase("1️⃣Trung tâm Y tế dự phòng tỉnh2️⃣ báo cáo", "Trung tâm Y tế dự phòng tỉnh"),
        // Laws: a verb after the body, however long the sentence.
        OrganizationCase("1️⃣Bộ Y tế2️⃣ quy định chi tiết Điều này.", "Bộ Y tế"),
        OrganizationCase("1️⃣Bộ Công an2️⃣ quản lý quy định tại khoản 2", "Bộ Công an"),
        OrganizationCase("1️⃣Sở Y tế2️⃣ chấp thuận bằng văn bản", "Sở Y tế"),
        OrganizationCase("1️⃣Bộ Y tế2️⃣ công bố dịch", "Bộ Y tế"),
        OrganizationCase("1️⃣Ủy ban Thường vụ Quốc hội2️⃣ quy định", "Ủy ban Thường vụ Quốc hội"),
        OrganizationCase("1️⃣Bộ Giao thông vận tải2️⃣, 3️⃣Bộ Lao động - Thương binh và Xã hội4️⃣", "Bộ Giao thông vận tải", "Bộ Lao động - Thương binh và Xã hội"),
        OrganizationCase("1️⃣Bệnh viện Răng hàm mặt Trung ương2️⃣ tiếp nhận", "Bệnh viện Răng hàm mặt Trung ương"),
        OrganizationCase("chuyển tới 1️⃣Bệnh viện K2️⃣ điều trị", "Bệnh viện K"),
        OrganizationCase("1️⃣Bộ Công Thương2️⃣ quy định", "Bộ Công Thương"),
        OrganizationCase("1️⃣Hội đồng nhân dân tỉnh Quảng Ninh2️⃣ khóa XIV", "Hội đồng nhân dân tỉnh Quảng Ninh"),
        OrganizationCase("1️⃣Phòng Nghiệp vụ Y2️⃣, 3️⃣Sở Y tế4️⃣ hướng dẫn", "Phòng Nghiệp vụ Y", "Sở Y tế"),
        OrganizationCase("1️⃣Viện Pasteur TP.HCM2️⃣ và 3️⃣Viện Pasteur Nha Trang4️⃣", "Viện Pasteur Thành phố Hồ Chí Minh", "Viện Pasteur Nha Trang"),
        OrganizationCase("1️⃣Trạm Y tế xã Lũng Cú2️⃣ báo cáo về 3️⃣TTYT huyện Đồng Văn4️⃣", "Trạm Y tế xã Lũng Cú", "Trung tâm Y tế huyện Đồng Văn"),
        OrganizationCase("1️⃣Văn phòng TW Đảng2️⃣ thứ hai", "Văn phòng Trung ương Đảng"),
        OrganizationCase("1️⃣Ban Chấp hành Trung ương Đảng2️⃣ khóa XII", "Ban Chấp hành Trung ương Đảng"),
        OrganizationCase("1️⃣Hội đồng Nhà nước2️⃣ và Điều lệ", "Hội đồng Nhà nước"),
        OrganizationCase("1️⃣Ban Cơ yếu Chính phủ2️⃣", "Ban Cơ yếu Chính phủ"),
        // A listing that cuts a name in the middle leaves no mention; one cut after a whole name does.
        OrganizationCase("tại Trung tâm Truyền thông - Giáo dục sức..."),
        OrganizationCase("Bằng khen của Bộ trưởng 1️⃣Bộ Y tế2️⃣...", "Bộ Y tế"),
    ])
    func ends(_ c: OrganizationCase) { Self.check(c) }

    @Test("After a position title a person's name is not part of the body", arguments: [
        OrganizationCase("Bộ trưởng 1️⃣Bộ Y tế2️⃣ Đào Hồng Lan tiếp Đại sứ", "Bộ Y tế"),
        OrganizationCase("Giám đốc 1️⃣Bệnh viện Bạch Mai2️⃣ Đào Xuân Cơ cho biết", "Bệnh viện Bạch Mai"),
        OrganizationCase("Phó Chủ tịch 1️⃣UBND tỉnh Bắc Giang2️⃣ Lê Ánh Dương", "Ủy ban nhân dân tỉnh Bắc Giang"),
        OrganizationCase("Viện trưởng 1️⃣Viện Trang thiết bị và Công trình y tế2️⃣.", "Viện Trang thiết bị và Công trình y tế"),
        OrganizationCase("Thủ tướng 1️⃣Chính phủ2️⃣ Phạm Minh Chính", "Chính phủ"),
    ])
    func afterTitles(_ c: OrganizationCase) { Self.check(c) }

    @Test("Headers in capitals", arguments: [
        OrganizationCase("1️⃣UBND TỈNH CAO BẰNG2️⃣\n3️⃣SỞ Y TẾ4️⃣\n", "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG", "SỞ Y TẾ"),
        OrganizationCase("1️⃣BỘ Y TẾ2️⃣\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BỘ Y TẾ"),
        OrganizationCase("1️⃣CỤC QUẢN LÝ DƯỢC2️⃣\n", "CỤC QUẢN LÝ DƯỢC"),
        OrganizationCase("1️⃣SỞ Y TẾ2️⃣ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", "SỞ Y TẾ"),
    ])
    func capitals(_ c: OrganizationCase) { Self.check(c) }

    @Test("Not organisations", arguments: [
        "với sự tham gia của các Bộ ban ngành liên quan",
        "các Bộ, ngành, địa phương",
        "Hỗ trợ thiết bị y tế cho một số bệnh viện của tỉnh",
        "đại diện một số Vụ, Cục, đơn vị thuộc và trực thuộc",
        "Vụ/Cục của Bộ",
        "Thủ tướng chỉ rõ mục tiêu",
        "Bộ trưởng phát biểu.",
        "tại các cơ sở Y tế",
        "Cộng hòa Xã hội Chủ nghĩa Việt Nam",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "HOẠT ĐỘNG CỦA LÃNH ĐẠO BỘ",
        "Việc thành lập các Nhóm kỹ thuật (NKT)",
        "Tên Nhóm Kỹ Thuật",
        "Vụ Cục Chủ Trì",
        "Hội nghị công tác truyền thông y tế năm 2024",
        "Tổ chức khảo sát điều kiện",
        "đóng BHXH đầy đủ",
        "chất lượng dịch vụ Y tế",
        "Bảo hiểm xã hội là chính sách lớn",
        "TM. ỦY BAN NHÂN DÂN",
        "Trường hợp ký thay",
        "bệnh truyền nhiễm thuộc nhóm A theo quy định",
        "Chương IV\nQUỸ BẢO HIỂM Y TẾ\n",
        "Mục 2\nTHANH TRA AN TOÀN THỰC PHẨM",
        "BAN BỐ TÌNH TRẠNG KHẨN CẤP",
        "PHÒNG, CHỐNG BỆNH TRUYỀN NHIỄM",
        "PGS.TS Nguyễn Trường Sơn",
        "Chủ tịch Hồ Chí Minh",
        // Two columns that the normaliser joined: the country's name is no part of the body.
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ])
    func notOrganizations(_ text: String) {
        let found = Self.recognizer.entities(in: text)
        #expect(found.isEmpty, "\(found.map { "\($0.text) -> \($0.value)" })")
    }

    @Test("Corpus: the gold standard's organisations, every one and nothing else", arguments: GoldEntities.names)
    func gold(name: String) throws {
        let (gold, found) = try GoldEntities.lines(of: "organization", in: name, recognizer: Self.recognizer)
        let missed = gold.filter { !found.contains($0) }
        let extra = found.filter { !gold.contains($0) }
        #expect(missed.isEmpty, "missed:\n\(missed.joined(separator: "\n"))")
        #expect(extra.isEmpty, "false alarms:\n\(extra.joined(separator: "\n"))")
    }
}
