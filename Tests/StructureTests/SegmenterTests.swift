import DocumentModel
import Testing
@testable import Structure

/// Blocks as readable lines: "type level label | text".
func dump(_ text: String, _ options: SegmentOptions = SegmentOptions()) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return Segmenter.segment(text, options: options).map { b in
        let body = String(String.UnicodeScalarView(scalars[b.start..<b.end]))
        return [b.type.rawValue, b.level.map(String.init), b.label].compactMap { $0 }.joined(separator: " ") + " | " + body
    }
}

@Suite("Block segmentation")
struct SegmenterTests {
    @Test("An administrative plan: Roman sections, numbered items, bullets, all-capital headings")
    func plan() {
        let text = """
        KẾ HOẠCH
        Triển khai thực hiện Thỏa thuận hợp tác

        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        Cụ thể hóa các nội dung.
        2. Yêu cầu
        - Xác định rõ những nhiệm vụ;
        + chi tiết một;
        + chi tiết hai;
        - Việc triển khai thực hiện.
        II. NỘI DUNG
        a) Đào tạo cán bộ;
        b) Hỗ trợ thiết bị.
        1.1. Mục con
        1.1.2 Mục cháu
        Nơi nhận:
        - UBND tỉnh (b/c);
        - Lưu: VT.
        """
        #expect(dump(text) == [
            "heading 1 | KẾ HOẠCH",
            "paragraph | Triển khai thực hiện Thỏa thuận hợp tác",
            "heading 1 I. | I. MỤC ĐÍCH, YÊU CẦU",
            "list-item 1 1. | 1. Mục đích",
            "paragraph | Cụ thể hóa các nội dung.",
            "list-item 1 2. | 2. Yêu cầu",
            "list-item 2 - | - Xác định rõ những nhiệm vụ;",
            "list-item 3 + | + chi tiết một;",
            "list-item 3 + | + chi tiết hai;",
            "list-item 2 - | - Việc triển khai thực hiện.",
            "heading 1 II. | II. NỘI DUNG",
            "list-item 1 a) | a) Đào tạo cán bộ;",
            "list-item 1 b) | b) Hỗ trợ thiết bị.",
            "list-item 2 1.1. | 1.1. Mục con",
            "list-item 3 1.1.2 | 1.1.2 Mục cháu",
            "paragraph | Nơi nhận:",
            "list-item 1 - | - UBND tỉnh (b/c);",
            "list-item 1 - | - Lưu: VT.",
        ])
    }

    @Test("A questionnaire: 2a, 2b under 2., answers as bullets")
    func questionnaire() {
        let text = """
        TỈNH CAO BẰNG
        1. Ý kiến của tỉnh về Báo cáo? Và các đề xuất nếu có?
        2. Phần trả lời cho các câu hỏi thảo luận
        2a, Đánh giá về sự tham gia của tỉnh trong các NKT?
        - Sự tham gia còn hạn chế;
        2b) Sự tham gia của tỉnh trong Nhóm ĐTYT như thế nào?
        -Tham dự các cuộc họp.
        """
        #expect(dump(text) == [
            "heading 1 | TỈNH CAO BẰNG",
            "list-item 1 1. | 1. Ý kiến của tỉnh về Báo cáo? Và các đề xuất nếu có?",
            "list-item 1 2. | 2. Phần trả lời cho các câu hỏi thảo luận",
            "list-item 2 2a | 2a, Đánh giá về sự tham gia của tỉnh trong các NKT?",
            "list-item 3 - | - Sự tham gia còn hạn chế;",
            "list-item 2 2b) | 2b) Sự tham gia của tỉnh trong Nhóm ĐTYT như thế nào?",
            "list-item 3 - | -Tham dự các cuộc họp.",
        ])
    }

    @Test("Lines that only look like markers stay paragraphs", arguments: [
        "1.766.925.000 đồng là tổng kinh phí",
        "2023-2025: giai đoạn thực hiện",
        "10/10/2024 09:09 Bộ trưởng tiếp Đại sứ",
        "-5 độ C vào ban đêm",
        "**KT. giám đốc**",
        "RHAG TOR",
        "WHO",
        "UNFPA UNICEF WHO",
        "phần lớn các tỉnh đã tham gia",
        "Điều kiện tham gia của tỉnh",
    ])
    func notMarkers(line: String) {
        #expect(dump(line) == ["paragraph | \(line)"])
    }

    @Test("Legal headings: Chương, Mục, Điều")
    func legal() {
        let text = "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định.\nMục 2. Khám bệnh"
        #expect(dump(text) == [
            "heading 1 Chương I | Chương I",
            "heading 1 | NHỮNG QUY ĐỊNH CHUNG",
            "heading 3 Điều 1. | Điều 1. Phạm vi điều chỉnh",
            "paragraph | Luật này quy định.",
            "heading 2 Mục 2. | Mục 2. Khám bệnh",
        ])
    }

    @Test("Hard-wrapped text is joined into paragraphs; items still start new blocks")
    func wrapped() {
        let line = "Nội dung hợp tác được triển khai theo kế hoạch của Sở Y tế và các đơn vị"
        let text = (0..<6).map { _ in line }.joined(separator: "\n") + "\n\n- " + line + "\n" + line + "\n" + line
        let blocks = dump(text)
        #expect(blocks.count == 2)
        #expect(blocks[0].hasPrefix("paragraph | " + line + "\n" + line))
        #expect(blocks[1].hasPrefix("list-item 1 - | - " + line + "\n" + line))
        // Joining can be switched off.
        #expect(dump(text, SegmentOptions(joinWrappedLines: .never)).count == 9)
    }

    @Test("Blocks cover every non-blank line exactly, with offsets in Unicode scalars")
    func coverage() {
        let text = "  Thừa Thiên Huế  \n\n\t- mục một\n🙂 emoji dòng ba\nkết thúc"
        let blocks = Segmenter.segment(text)
        let scalars = Array(text.unicodeScalars)
        var covered = [Bool](repeating: false, count: scalars.count)
        for b in blocks { for i in b.start..<b.end { covered[i] = true } }
        for (i, s) in scalars.enumerated() where !covered[i] {
            #expect(s == " " || s == "\n" || s == "\t", "scalar \(i) (\(s)) is in no block")
        }
        #expect(dump(text) == ["paragraph | Thừa Thiên Huế", "list-item 1 - | - mục một", "paragraph | 🙂 emoji dòng ba", "paragraph | kết thúc"])
    }

    @Test("Roman numerals are checked", arguments: [("IV", 4), ("XIV", 14), ("IIII", nil), ("VX", nil), ("XL", 40), ("", nil)] as [(String, Int?)])
    func roman(text: String, value: Int?) {
        #expect(Marker.romanValue(text) == value)
    }
}
