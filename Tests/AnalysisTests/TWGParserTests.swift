import Analysis
import DocumentModel
import Testing

/// The directory of technical working groups: the Corpus page as flattened text and as HTML,
/// the same table as a Word file with its columns in another order and other header words,
/// and smaller directories that try the rules one at a time.
@Suite("TWG records")
struct TWGParserTests {
    static let groups = """
        [
          {"no": 1, "name": "NKT về Sức khỏe sinh sản (RHAG)", "id": "RHAG", "founded": "2010-10-01",
           "lead": ["Vụ Sức khỏe Bà mẹ trẻ em", "Tổng Cục Dân số - Kế hoạch hóa gia đình"], "partners": ["UNFPA"], "tor": "RHAG TOR"},
          {"no": 2, "name": "NKT về Quản lý sức khỏe môi trường (HEMG)", "id": "HEMG", "founded": "2011-04-01",
           "lead": ["Cục Quản lý Môi trường y tế"], "partners": ["WHO", "Bộ NN & PTNT"], "tor": "HEMG TOR"},
          {"no": 3, "name": "NKT về Nhân lực y tế (HRH)", "id": "HRH", "founded": "2011-09-10",
           "lead": ["Vụ Tổ chức cán bộ", "Cục Khoa học Công nghệ & Đào tạo"], "partners": ["WHO"], "tor": "HRH TOR"},
          {"no": 4, "name": "NKT về Y tế cơ sở", "id": "LHS", "founded": "2011",
           "lead": ["Cục Quản lý Khám chữa bệnh", "Cục Y tế dự phòng"], "partners": [], "tor": "LHS TOR"},
          {"no": 5, "name": "NKT về Hệ thống thông tin y tế (HIS)", "id": "HIS", "founded": "2012-10-03",
           "lead": ["Vụ Kế hoạch tài chính", "Cục Công nghệ thông tin"], "partners": ["EU"], "tor": "HIS TOR"},
          {"no": 6, "name": "NKT về Kế hoạch và Tài chính y tế (bao gồm Bảo hiểm y tế)", "id": "HPF", "founded": "2012-10-03",
           "lead": ["Vụ Kế hoạch tài chính", "Vụ Bảo hiểm y tế"], "partners": ["EU"], "tor": "HPF TOR"},
          {"no": 7, "name": "NKT về Trang thiết bị y tế", "id": "MDG", "founded": "2012-10-11",
           "lead": ["Vụ Quản lý Trang thiết bị và Công trình y tế"], "partners": [], "tor": "MDG TOR"},
          {"no": 8, "name": "NKT về Quản lý chất lượng bệnh viện", "id": "HQM", "founded": "2013",
           "lead": ["Cục Quản lý Khám chữa bệnh"], "partners": [], "tor": "HQM TOR"},
          {"no": 9, "name": "NKT về Dược", "id": "TWGP", "founded": "2013-09-04",
           "lead": ["Cục Quản lý Dược"], "partners": ["WHO"], "tor": "TWGP TOR"},
          {"no": 10, "name": "NKT về Dinh dưỡng", "id": "TWGN", "founded": "2015-07-02",
           "lead": ["Viện Dinh dưỡng"], "partners": ["UNICEF"], "tor": "TWGN TOR"}
        ]
        """

    /// The Corpus table as a Word file: columns in another order under other header words, a
    /// department's two lines as two paragraphs, EU's cell merged over rows 5 and 6.
    static var word: [UInt8] {
        let rows: [[String]] = [
            ["Điều khoản tham chiếu", "Tên nhóm kỹ thuật", "Số TT", "Đối tác phát triển đầu mối", "Năm thành lập", "Đơn vị chủ trì"],
            ["RHAG TOR", "NKT về Sức khỏe sinh sản (RHAG)", "1", "UNFPA", "01/10/2010", "Vụ Sức khoẻ Bà mẹ trẻ em\nTổng Cục Dân số - Kế hoạch hoá gia đình"],
            ["HEMG TOR", "NKT về Quản lý sức khoẻ môi trường (HEMG)", "2", "WHO\nBộ NN & PTNT", "01/04/2011", "Cục Quản lý Môi trường y tế"],
            ["HRH TOR", "NKT về Nhân lực y tế (HRH)", "3", "WHO", "10/09/2011", "Vụ Tổ chức cán bộ\nCục Khoa học Công nghệ & Đào tạo"],
            ["LHS TOR", "NKT về Y tế cơ sở", "4", "", "2011", "Cục Quản lý Khám chữa bệnh\nCục Y tế dự phòng"],
            ["HIS TOR", "NKT về Hệ thống thông tin y tế (HIS)", "5", "Liên minh Châu Âu", "03/10/2012", "Vụ Kế hoạch tài chính\nCục Công nghệ thông tin"],
            ["HPF TOR", "NKT về Kế hoạch và Tài chính y tế (bao gồm Bảo hiểm y tế)", "6", "^", "03/10/2012", "Vụ Kế hoạch tài chính\nVụ Bảo hiểm y tế"],
            ["MDG TOR", "NKT về Trang thiết bị y tế", "7", "", "11/10/2012", "Vụ Quản lý Trang thiết bị và Công trình y tế"],
            ["HQM TOR", "NKT về Quản lý chất lượng bệnh viện", "8", "", "2013", "Cục Quản lý Khám chữa bệnh"],
            ["TWGP TOR", "NKT về Dược", "9", "WHO", "04/09/2013", "Cục Quản lý Dược"],
            ["TWGN TOR", "NKT về Dinh dưỡng", "10", "UNICEF", "02/07/2015", "Viện Dinh dưỡng"],
        ]
        return RecordTesting.docx(RecordTesting.wordParagraph("Danh sách các NKT (theo ngày thành lập)") + RecordTesting.wordTable(rows))
    }

    enum Form: String, CaseIterable, Sendable {
        case text, html, docx
    }

    @Test("The directory gives the same ten groups as flattened text, as a web page and as a Word table", arguments: Form.allCases)
    func directory(form: Form) throws {
        let document: Document
        switch form {
        case .text: document = try RecordTesting.process(corpus: "Corpus/twg/technical-working-groups.txt")
        case .html: document = try RecordTesting.process(corpus: "Corpus/twg/technical-working-groups-page.html")
        case .docx: document = try RecordTesting.process("groups.docx", Self.word)
        }
        #expect(document.source.format.rawValue == form.rawValue)
        RecordTesting.check(TWGParser.parse(document), try RecordTesting.json(Self.groups), "\(form)")
    }

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var path: String
        var content: String
        var expected: String
    }

    static let cases: [Case] = [
        Case(description: "flattened text of another directory: a group no gazetteer knows takes its id from its TOR; cells run together on one line",
             path: "groups.txt",
             content: """
                Danh sách các nhóm kỹ thuật
                STT
                Tên nhóm
                Ngày thành lập
                Đơn vị chủ trì
                Đối tác
                ĐKTC
                1
                NKT về Sức khỏe tâm thần
                15/03/2016
                Cục Quản lý Khám chữa bệnh
                WHO
                Hội Tâm thần học Việt Nam
                MHG TOR
                2
                NKT về Phòng chống HIV/AIDS 20/11/2017 Cục Phòng, chống HIV/AIDS
                UNAIDS
                Quỹ Toàn cầu
                HIVG TOR
                Ghi chú: danh sách cập nhật đến tháng 12/2017.
                """,
             expected: """
                [
                  {"no": 1, "name": "NKT về Sức khỏe tâm thần", "id": "MHG", "founded": "2016-03-15",
                   "lead": ["Cục Quản lý Khám chữa bệnh"], "partners": ["WHO", "Hội Tâm thần học Việt Nam"], "tor": "MHG TOR"},
                  {"no": 2, "name": "NKT về Phòng chống HIV/AIDS", "id": "HIVG", "founded": "2017-11-20",
                   "lead": ["Cục Phòng, chống HIV/AIDS"], "partners": ["UNAIDS", "GFATM"], "tor": "HIVG TOR"}
                ]
                """),
        Case(description: "a page table without a TOR column or numbers, a group named by its twg entity",
             path: "groups.html",
             content: """
                <table>
                <tr><th>Tên Nhóm Kỹ Thuật</th><th>Ngày thành lập</th><th>Vụ Cục Chủ Trì</th><th>ĐTPT Đầu Mối</th></tr>
                <tr><td>NKT về Dinh dưỡng</td><td>02/07/2015</td><td>Viện Dinh dưỡng</td><td>UNICEF<br>Tổ chức Y tế thế giới</td></tr>
                <tr><td>Nhóm kỹ thuật về Sức khỏe người cao tuổi</td><td>tháng 5/2019</td><td>Vụ Sức khỏe Bà mẹ - Trẻ em</td><td></td></tr>
                </table>
                """,
             expected: """
                [
                  {"no": null, "name": "NKT về Dinh dưỡng", "id": "TWGN", "founded": "2015-07-02",
                   "lead": ["Viện Dinh dưỡng"], "partners": ["UNICEF", "WHO"], "tor": null},
                  {"no": null, "name": "Nhóm kỹ thuật về Sức khỏe người cao tuổi", "id": null, "founded": "2019-05",
                   "lead": ["Vụ Sức khỏe Bà mẹ - Trẻ em"], "partners": [], "tor": null}
                ]
                """),
    ]

    @Test("Smaller directories", arguments: cases)
    func smaller(_ c: Case) throws {
        let bytes = c.path.hasSuffix(".html") ? RecordTesting.page(c.content) : Array(c.content.utf8)
        let document = try RecordTesting.process(c.path, bytes)
        RecordTesting.check(TWGParser.parse(document), try RecordTesting.json(c.expected), c.description)
    }

    @Test("A table that is not a directory of groups gives no record")
    func otherTable() throws {
        let page = RecordTesting.page("""
            <table>
            <tr><th>STT</th><th>Nội dung</th><th>Kinh phí</th></tr>
            <tr><td>1</td><td>Tập huấn cán bộ y tế xã</td><td>120.000.000 đồng</td></tr>
            </table>
            """)
        #expect(TWGParser.parse(try RecordTesting.process("budget.html", page)) == nil)
    }

    @Test("Documents without a directory of groups give no record", arguments: [
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt",
        "Corpus/news/moh-leadership-news-2024-10.txt",
        "Corpus/plans/bac-giang-123-kh-syt-2022.txt",
        "Corpus/programmes/health-sector-policy-support-phase-2.txt",
    ])
    func notDirectories(path: String) throws {
        #expect(TWGParser.parse(try RecordTesting.process(corpus: path)) == nil)
    }
}
