import Analysis
import DocumentModel
import Testing

/// News pages: the Ministry's leadership listing as a text copy and as the page itself, and
/// smaller listings and articles that try the rules one at a time.
@Suite("News records")
struct NewsParserTests {
    static let corpusText = "Corpus/news/moh-leadership-news-2024-10.txt"
    static let corpusPage = "Corpus/news/moh-leadership-news-2024-10-page.html"

    /// Members of an object, by key.
    static func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let members)? = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    static func array(_ value: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    static func strings(_ value: JSONValue?) -> [String] {
        array(value).compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    @Test("The text copy and the page give the same record")
    func sameRecord() throws {
        let text = NewsParser.parse(try RecordTesting.process(corpus: Self.corpusText))
        let page = try #require(NewsParser.parse(try RecordTesting.process(corpus: Self.corpusPage)))
        RecordTesting.check(text, page, "text against page")
    }

    @Test("The listing: twenty items, each time from its date entity, summaries as written", arguments: [corpusText, corpusPage])
    func listing(path: String) throws {
        let record = try #require(NewsParser.parse(try RecordTesting.process(corpus: path)))
        let items = Self.array(Self.member(record, "items"))
        #expect(Self.strings(.array(items.compactMap { Self.member($0, "published") })) == [
            "2024-10-10T09:09", "2024-10-10T07:52", "2024-10-10T00:10", "2024-10-09T09:13", "2024-10-09T08:35",
            "2024-10-08T10:06", "2024-10-07T12:38", "2024-10-07T07:43", "2024-10-07T01:00", "2024-10-04T08:57",
            "2024-10-04T08:52", "2024-10-04T06:23", "2024-10-03T09:14", "2024-10-03T06:44", "2024-10-03T01:53",
            "2024-10-01T08:32", "2024-10-01T06:21", "2024-10-01T05:08", "2024-09-28T07:11", "2024-09-28T03:08",
        ])
        // Only the fifth and the fourteenth summaries were not cut by the site.
        let truncated = items.map { Self.member($0, "truncated") }
        #expect(truncated == (0..<20).map { .bool(![4, 13].contains($0)) })
        RecordTesting.check(items.first, try RecordTesting.json("""
            {
              "title": "Bộ trưởng Bộ Y tế Đào Hồng Lan tiếp Đại sứ Cu Ba",
              "published": "2024-10-10T09:09",
              "summary": "Bộ trưởng Bộ Y tế Đào Hồng Lan tiếp Đại sứ Cu Ba tại Việt Nam Chiều ngày 10/10/2024, Bộ trưởng Bộ Y tế Đào Hồng Lan đã tiếp ngài Orlando Hernandez Guillen, Đại...",
              "truncated": true
            }
            """), "\(path): first item")
        RecordTesting.check(items.count > 4 ? items[4] : nil, try RecordTesting.json("""
            {
              "title": "Chính thức đưa vào hoạt động Bệnh viện Nhi Hà Nội",
              "published": "2024-10-09T08:35",
              "summary": "Sáng ngày 09/10/2024, Ủy ban nhân dân thành phố Hà Nội tổ chức khánh thành và đưa vào sử dụng Bệnh viện Nhi Hà Nội. Công trình được gắn biển chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô.",
              "truncated": false
            }
            """), "\(path): fifth item")
        // A title that begins like a weekday ("Thứ trưởng …") is a title, not a time.
        #expect(items.count > 11 ? Self.member(items[11], "title") == .string("Thứ trưởng Bộ Y tế Trần Văn Thuấn làm việc với Viện Tony Blair vì sự phát triển toàn cầu") : false)
    }

    @Test("The article: title, time, body up to “Tin liên quan”, and the related titles", arguments: [corpusText, corpusPage])
    func article(path: String) throws {
        let record = try #require(NewsParser.parse(try RecordTesting.process(corpus: path)))
        let article = Self.member(record, "article")
        #expect(Self.member(article, "title") == .string("Bộ Y tế họp chuẩn bị Dự án Hỗ trợ Kỹ thuật y tế của Bộ Y tế - Tổ chức Y tế thế giới giai đoạn 2024-2027"))
        #expect(Self.member(article, "published") == .string("2023-12-09T08:28"))
        let body = Self.strings(Self.member(article, "body"))
        #expect(body.count == 28)
        #expect(body.first == "Ngày 08/12/2023 tại Hà Nội, Bộ Y tế phối hợp với Tổ chức Y tế thế giới (WHO) tại Việt Nam tổ chức cuộc họp chuẩn bị Dự án Hỗ trợ Kỹ thuật Y tế của Bộ Y tế - WHO giai đoạn 2024-2027. Bộ trưởng Bộ Y tế Đào Hồng Lan và bà Angela Pratt, Trưởng đại diện WHO tại Việt Nam chủ trì cuộc họp.")
        #expect(body.last == "Tại cuộc họp, Bộ trưởng Bộ Y tế Đào Hồng Lan và Trưởng đại diện WHO Angela Pratt cũng thống nhất thiết lập một nhóm công tác chung giữa Bộ Y tế và WHO để cùng xây dựng văn kiện dự án phù hợp với những thay đổi trên./.")
        // Bullets lose their bullet, numbered points keep their number.
        #expect(body.contains("Giảm các nguy cơ với sức khỏe và các yếu tố gây bệnh trong suốt cuộc đời;"))
        #expect(body.contains { $0.hasPrefix("2. Ưu tiên các hoạt động về hỗ trợ chính sách") })
        #expect(Self.strings(Self.member(article, "related")) == [
            "Tăng cường hợp tác chuyển đổi số trong ngành Y tế",
            "Thông tin về cơ sở bán buôn của cơ sở nhập khẩu nhưng không có quyền phân phối thuốc, nguyên liệu làm thuốc tại Việt Nam để phân phối của Công ty TNHH Allegens",
            "Thông tin về cơ sở bán buôn của cơ sở nhập khẩu nhưng không có quyền phân phối thuốc, nguyên liệu làm thuốc tại Việt Nam để phân phối của Công ty Cổ phần XNK Y tế Domesco",
            "Thông tin về cơ sở bán buôn của cơ sở nhập khẩu nhưng không có quyền phân phối thuốc, nguyên liệu làm thuốc tại Việt Nam để phân phối của Công ty TNHH Allegens",
            "08.10.2024. Domesco 1252.png",
            "08.10.2024. Allegens. 1251.png",
            "08.10.2024. allegens 1253.png",
        ])
    }

    // MARK: smaller pages

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var path: String
        var content: String
        var expected: String
    }

    static let cases: [Case] = [
        Case(description: "a listing page without an article: the last item keeps its summary; a pager is no article",
             path: "listing.html",
             content: """
                <h2>TIN HOẠT ĐỘNG</h2>
                <div><h3>Sở Y tế Quảng Ninh triển khai tiêm vắc xin sởi</h3><div>Thứ Hai, ngày 04/03/2024 14:20</div>
                <p>Sáng ngày 04/03/2024, Sở Y tế Quảng Ninh tổ chức lễ ra quân chiến dịch tiêm vắc xin sởi cho trẻ em…</p></div>
                <div><h3>Khai trương phòng khám bác sĩ gia đình tại Hạ Long</h3><div>Thứ Sáu, ngày 01/03/2024 09:05</div>
                <p>Phòng khám đi vào hoạt động từ ngày 01/03/2024.</p></div>
                <p>Trang 1 2 3</p>
                """,
             expected: """
                {
                  "items": [
                    {"title": "Sở Y tế Quảng Ninh triển khai tiêm vắc xin sởi", "published": "2024-03-04T14:20",
                     "summary": "Sáng ngày 04/03/2024, Sở Y tế Quảng Ninh tổ chức lễ ra quân chiến dịch tiêm vắc xin sởi cho trẻ em…", "truncated": true},
                    {"title": "Khai trương phòng khám bác sĩ gia đình tại Hạ Long", "published": "2024-03-01T09:05",
                     "summary": "Phòng khám đi vào hoạt động từ ngày 01/03/2024.", "truncated": false}
                  ],
                  "article": null
                }
                """),
        Case(description: "a listing copied as text: summaries glued to the times, an item without a summary",
             path: "listing.txt",
             content: """
                TIN HOẠT ĐỘNG
                Sở Y tế Quảng Ninh triển khai tiêm vắc xin sởi
                Thứ Hai, ngày 04/03/2024 14:20Sáng ngày 04/03/2024, Sở Y tế Quảng Ninh tổ chức lễ ra quân chiến dịch tiêm vắc xin sởi cho trẻ em…
                Hội nghị giao ban y tế quý I
                Thứ Sáu, ngày 01/03/2024 09:05
                Khai trương phòng khám bác sĩ gia đình tại Hạ Long
                Thứ Năm, ngày 29/02/2024 16:45Phòng khám đi vào hoạt động từ ngày 01/03/2024.
                """,
             expected: """
                {
                  "items": [
                    {"title": "Sở Y tế Quảng Ninh triển khai tiêm vắc xin sởi", "published": "2024-03-04T14:20",
                     "summary": "Sáng ngày 04/03/2024, Sở Y tế Quảng Ninh tổ chức lễ ra quân chiến dịch tiêm vắc xin sởi cho trẻ em…", "truncated": true},
                    {"title": "Hội nghị giao ban y tế quý I", "published": "2024-03-01T09:05", "summary": null, "truncated": false},
                    {"title": "Khai trương phòng khám bác sĩ gia đình tại Hạ Long", "published": "2024-02-29T16:45",
                     "summary": "Phòng khám đi vào hoạt động từ ngày 01/03/2024.", "truncated": false}
                  ],
                  "article": null
                }
                """),
        Case(description: "an article alone, with its related news",
             path: "article.txt",
             content: """
                Bệnh viện Đa khoa tỉnh Hà Tĩnh ghép thận thành công
                15/03/2024 | 10:30 AM
                Ngày 14/03/2024, Bệnh viện Đa khoa tỉnh Hà Tĩnh thực hiện thành công ca ghép thận đầu tiên.
                Ca ghép có sự hỗ trợ của các chuyên gia Bệnh viện Trung ương Huế.
                - Người bệnh đã tự thở sau 6 giờ.
                Tin liên quan
                - Hà Tĩnh đầu tư trang thiết bị cho khoa Hồi sức
                - Nâng cao chất lượng khám chữa bệnh tuyến tỉnh
                """,
             expected: """
                {
                  "items": [],
                  "article": {
                    "title": "Bệnh viện Đa khoa tỉnh Hà Tĩnh ghép thận thành công",
                    "published": "2024-03-15T10:30",
                    "body": [
                      "Ngày 14/03/2024, Bệnh viện Đa khoa tỉnh Hà Tĩnh thực hiện thành công ca ghép thận đầu tiên.",
                      "Ca ghép có sự hỗ trợ của các chuyên gia Bệnh viện Trung ương Huế.",
                      "Người bệnh đã tự thở sau 6 giờ."
                    ],
                    "related": ["Hà Tĩnh đầu tư trang thiết bị cho khoa Hồi sức", "Nâng cao chất lượng khám chữa bệnh tuyến tỉnh"]
                  }
                }
                """),
    ]

    @Test("Listings and articles", arguments: cases)
    func pages(_ c: Case) throws {
        let bytes = c.path.hasSuffix(".html") ? RecordTesting.page(c.content) : Array(c.content.utf8)
        let document = try RecordTesting.process(c.path, bytes)
        RecordTesting.check(NewsParser.parse(document), try RecordTesting.json(c.expected), c.description)
    }

    @Test("Documents without publication times give no record", arguments: [
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt",
        "Corpus/twg/technical-working-groups-page.html",
        "Corpus/plans/bac-giang-123-kh-syt-2022.txt",
        "Corpus/programmes/health-sector-policy-support-phase-2.txt",
    ])
    func notNews(path: String) throws {
        #expect(NewsParser.parse(try RecordTesting.process(corpus: path)) == nil)
    }
}
