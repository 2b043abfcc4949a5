import Analysis
import DocumentModel
import Testing

/// Province answers to HPG questionnaires: the Corpus sample in its two formats, and answers of
/// other provinces written as text, as a web page and as a Word file, which must give the same
/// record in every format.
@Suite("Questionnaire records")
struct QuestionnaireParserTests {
    static let caoBang = """
        {
          "province": {"name": "Cao Bằng", "country": "VN", "code": "04", "successor": "Cao Bằng"},
          "meeting": "Cuộc họp Nhóm Đối tác y tế (HPG)",
          "meeting_date": "2016-11-15",
          "topic": "Hoạt động của các Nhóm kỹ thuật và sự tham gia của tỉnh trong Nhóm ĐTYT",
          "deadline": "2016-11-07",
          "contact": {
            "email": "moh.hpg@gmail.com",
            "phone": "0462732235",
            "text": "Phần trả lời xin gửi về xin được gửi về Vụ HTQT/ Ban thư ký HPG trước ngày 07/11/2016 theo địa chỉ email: moh.hpg@gmail.com/ 04-62732235."
          },
          "items": [
            {
              "id": "1",
              "question": "Ý kiến/đánh giá ngắn gọn của tỉnh về Báo cáo về sự tham gia tuyến tỉnh trong Nhóm Đối tác y tế? Và các đề xuất nếu có?",
              "answers": [
                "Báo cáo được viết ngắn gọn, rõ ràng và mô tả được các nội dung đã được phát hiện và các đề xuất là phù hợp."
              ]
            },
            {
              "id": "2a",
              "question": "Đánh giá về sự tham gia của tỉnh trong các NKT? Các kết quả đạt được và hạn chế? Làm thế nào để tăng cường sự gắn kết giữa các tỉnh và NKT?",
              "answers": [
                "Sự tham gia của tỉnh trong các NKT còn hạn chế, hầu như là chưa tham gia;",
                "Đề nghị Vụ HTQT cần chia sẻ thông tin về các nhóm kỹ thuật với các tỉnh và tạo điều kiện cho các tỉnh được tham gia các hoạt động của các NKT trên cơ sở lựa chọn những nội dung ưu tiên, phù hợp với nội dung hoạt động của NKT và nhu cầu của tỉnh nhằm nâng cao năng lực chuyên môn và năng lực quản lý cho cán bộ của tỉnh, VD trong các lĩnh vực như lập kế hoạch, quản lý dự án, quản lý và phân tích dữ liệu, giám sát đánh giá v.v..."
              ]
            },
            {
              "id": "2b",
              "question": "Sự tham gia của tỉnh trong Nhóm ĐTYT như thế nào? Các kết quả đạt được, tồn tại/ hạn chế? Làm thế nào để tăng cường sự gắn kết, phối hợp giữa tỉnh và Nhóm ĐTYT?",
              "answers": [
                "Sự tham gia của tỉnh trong Nhóm ĐTYT chủ yếu là tham dự các cuộc họp nhóm ĐTYT, tiếp nhận, cập nhật các thông tin về hợp tác phát triển trong ngành y tế, trao đổi và chia sẻ kinh nghiệm trong việc xây dựng và thực hiện kế hoạch ngành y tế địa phương, chia sẻ các thách thức và khó khăn, bài học kinh nghiệm để áp dụng tạị địa phương, tạo mối quan hệ gắn kết hơn giữa Trung ương với địa phương và giữa các địa phương.",
                "Nhất trí với những hạn chế đã nêu trong báo cáo.",
                "Để tăng cường sự gắn kết, phối hợp giữa tỉnh và Nhóm ĐTYT: Đề nghị vụ HTQT chia sẻ thông tin về nhóm ĐTYT, xây dựng điều khoản tham chiếu và khung kế hoạch hoạt động hàng năm giữa nhóm ĐTYT và tỉnh để nâng cao trách nhiệm của tỉnh trong việc tham gia nhóm ĐTYT. Thường xuyên có sự trao đổi thông tin giữa trung ương và địa phương, và đặc biệt là có các chuyến thăm quan thực địa của Vụ HTQT và các ĐTPT để tỉnh cơ hội tham gia vào hoạt động của nhóm ĐTYT, chia sẻ các thách thức và khó khăn của địa phương và có các đề xuất với Bộ Y tế và ĐTPT để phối hợp thực hiện tốt hơn."
              ]
            }
          ]
        }
        """

    @Test("The Cao Bằng answers give one record as text and as a Word file (numbering, bullets, header part)", arguments: [
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt",
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15-answers.docx",
    ])
    func caoBang(path: String) throws {
        let document = try RecordTesting.process(corpus: path)
        RecordTesting.check(QuestionnaireParser.parse(document), try RecordTesting.json(Self.caoBang), path)
    }

    // MARK: other provinces, three formats

    /// A province's answers, line by line, with the record they must give.
    struct Sample: CustomStringConvertible, Sendable {
        enum Line: Sendable {
            /// A heading: an all-capital line in text, `<h2>` on a page, Heading 1 in Word.
            case heading(String)
            /// A paragraph, numbering typed in it.
            case line(String)
            /// A bullet: typed with the sample's symbol in text, `<ul><li>` on a page, a Word bullet.
            case bullet(String)
        }

        var description: String
        var lines: [Line]
        /// The bullet typed in the text version ("-", "+", "•").
        var symbol: String
        /// Whether the text version has a blank line between paragraphs.
        var blankLines: Bool
        var expected: String

        var text: [UInt8] {
            let rows = lines.map { line -> String in
                switch line {
                case .heading(let s), .line(let s): s
                case .bullet(let s): symbol + " " + s
                }
            }
            return Array(rows.joined(separator: blankLines ? "\n\n" : "\n").utf8)
        }

        var html: [UInt8] {
            var body = ""
            var inList = false
            for line in lines {
                if case .bullet = line {} else if inList { body += "</ul>\n"; inList = false }
                switch line {
                case .heading(let s): body += "<h2>\(RecordTesting.escaped(s))</h2>\n"
                case .line(let s): body += "<p>\(RecordTesting.escaped(s))</p>\n"
                case .bullet(let s):
                    if !inList { body += "<ul>\n"; inList = true }
                    body += "  <li>\(RecordTesting.escaped(s))</li>\n"
                }
            }
            if inList { body += "</ul>\n" }
            return RecordTesting.page(body)
        }

        var docx: [UInt8] {
            RecordTesting.docx(lines.map { line in
                switch line {
                case .heading(let s): RecordTesting.wordParagraph(s, style: "Heading1")
                case .line(let s): RecordTesting.wordParagraph(s)
                case .bullet(let s): RecordTesting.wordParagraph(s, bullet: true)
                }
            }.joined())
        }
    }

    enum Form: String, CaseIterable, Sendable {
        case text, html, docx
    }

    static let samples: [Sample] = [
        Sample(
            description: "Thanh Hóa: answers as paragraphs, one on the question's line; the date of the letter is no deadline",
            lines: [
                .heading("SỞ Y TẾ TỈNH THANH HÓA"),
                .line("Thanh Hóa, ngày 05 tháng 6 năm 2017"),
                .heading("PHIẾU TRẢ LỜI CÂU HỎI"),
                .line("Chuẩn bị cho Hội nghị Nhóm Đối tác y tế (HPG) ngày 20/6/2017"),
                .line("Chủ đề: Tài chính y tế và lộ trình bảo hiểm y tế toàn dân"),
                .line("1. Tỉnh đã triển khai lộ trình bảo hiểm y tế toàn dân như thế nào? Năm 2016 tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 86,5%, tăng 4,2% so với năm 2015."),
                .line("Ủy ban nhân dân tỉnh đã ban hành kế hoạch thực hiện lộ trình và giao chỉ tiêu cho từng huyện, thị xã, thành phố."),
                .line("2. Những khó khăn chính khi vận động người dân tham gia bảo hiểm y tế hộ gia đình?"),
                .line("Mức đóng còn cao so với thu nhập của người dân ở các huyện miền núi."),
                .line("Nhiều hộ gia đình chỉ mua thẻ cho người đang ốm."),
                .line("3. Tỉnh có đề xuất gì với Bộ Y tế và các đối tác phát triển?"),
                .line("Hỗ trợ kỹ thuật để thí điểm thanh toán theo định suất tại tuyến huyện."),
                .line("Đề nghị các tỉnh gửi phiếu trả lời về Vụ Kế hoạch - Tài chính, Bộ Y tế trước ngày 10/6/2017 qua địa chỉ email: vukhtc@moh.gov.vn."),
                .line("Xin trân trọng cảm ơn!"),
            ],
            symbol: "-", blankLines: true,
            expected: """
                {
                  "province": {"name": "Thanh Hóa", "country": "VN", "code": "38", "successor": "Thanh Hóa"},
                  "meeting": "Hội nghị Nhóm Đối tác y tế (HPG)",
                  "meeting_date": "2017-06-20",
                  "topic": "Tài chính y tế và lộ trình bảo hiểm y tế toàn dân",
                  "deadline": "2017-06-10",
                  "contact": {
                    "email": "vukhtc@moh.gov.vn",
                    "phone": null,
                    "text": "Đề nghị các tỉnh gửi phiếu trả lời về Vụ Kế hoạch - Tài chính, Bộ Y tế trước ngày 10/6/2017 qua địa chỉ email: vukhtc@moh.gov.vn."
                  },
                  "items": [
                    {"id": "1", "question": "Tỉnh đã triển khai lộ trình bảo hiểm y tế toàn dân như thế nào?", "answers": [
                      "Năm 2016 tỷ lệ bao phủ bảo hiểm y tế của tỉnh đạt 86,5%, tăng 4,2% so với năm 2015.",
                      "Ủy ban nhân dân tỉnh đã ban hành kế hoạch thực hiện lộ trình và giao chỉ tiêu cho từng huyện, thị xã, thành phố."
                    ]},
                    {"id": "2", "question": "Những khó khăn chính khi vận động người dân tham gia bảo hiểm y tế hộ gia đình?", "answers": [
                      "Mức đóng còn cao so với thu nhập của người dân ở các huyện miền núi.",
                      "Nhiều hộ gia đình chỉ mua thẻ cho người đang ốm."
                    ]},
                    {"id": "3", "question": "Tỉnh có đề xuất gì với Bộ Y tế và các đối tác phát triển?", "answers": [
                      "Hỗ trợ kỹ thuật để thí điểm thanh toán theo định suất tại tuyến huyện."
                    ]}
                  ]
                }
                """
        ),
        Sample(
            description: "Điện Biên: lettered sub-answers, a section, an item without a question mark",
            lines: [
                .heading("UBND TỈNH ĐIỆN BIÊN"),
                .heading("SỞ Y TẾ"),
                .heading("TRẢ LỜI CÂU HỎI CHUẨN BỊ CUỘC HỌP NHÓM ĐỐI TÁC Y TẾ"),
                .line("Cuộc họp Nhóm Đối tác y tế (HPG) quý IV, ngày 05/12/2018, tại Hà Nội"),
                .line("Chủ đề cuộc họp:"),
                .line("Y tế cơ sở và chăm sóc sức khỏe ban đầu"),
                .line("1. Tỉnh đánh giá thế nào về mạng lưới y tế cơ sở hiện nay?"),
                .line("a) Về nhân lực: 100% trạm y tế xã có bác sĩ làm việc."),
                .line("b) Về cơ sở vật chất: còn 23 trạm y tế xuống cấp cần sửa chữa."),
                .line("2. Các câu hỏi thảo luận nhóm"),
                .line("2a, Tỉnh đã triển khai mô hình trạm y tế xã theo nguyên lý y học gia đình chưa? Đã triển khai thí điểm tại 10 xã thuộc huyện Mường Chà."),
                .line("2b, Khó khăn khi triển khai mô hình này là gì?"),
                .bullet("Thiếu bác sĩ được đào tạo về y học gia đình;"),
                .bullet("Chưa có cơ chế thanh toán bảo hiểm y tế phù hợp cho các dịch vụ tại trạm."),
                .line("3. Kiến nghị của tỉnh"),
                .line("Đề nghị Bộ Y tế hỗ trợ đào tạo bác sĩ gia đình cho tuyến xã."),
                .line("Đầu mối liên hệ: Phòng Kế hoạch - Tài chính, Sở Y tế Điện Biên, điện thoại 0215 3825 346, email khtc.syt@dienbien.gov.vn"),
                .line("Hạn gửi báo cáo: trước ngày 25/11/2018."),
            ],
            symbol: "+", blankLines: false,
            expected: """
                {
                  "province": {"name": "Điện Biên", "country": "VN", "code": "11", "successor": "Điện Biên"},
                  "meeting": "Cuộc họp Nhóm Đối tác y tế (HPG) quý IV",
                  "meeting_date": "2018-12-05",
                  "topic": "Y tế cơ sở và chăm sóc sức khỏe ban đầu",
                  "deadline": "2018-11-25",
                  "contact": {
                    "email": "khtc.syt@dienbien.gov.vn",
                    "phone": "02153825346",
                    "text": "Đầu mối liên hệ: Phòng Kế hoạch - Tài chính, Sở Y tế Điện Biên, điện thoại 0215 3825 346, email khtc.syt@dienbien.gov.vn"
                  },
                  "items": [
                    {"id": "1", "question": "Tỉnh đánh giá thế nào về mạng lưới y tế cơ sở hiện nay?", "answers": [
                      "a) Về nhân lực: 100% trạm y tế xã có bác sĩ làm việc.",
                      "b) Về cơ sở vật chất: còn 23 trạm y tế xuống cấp cần sửa chữa."
                    ]},
                    {"id": "2a", "question": "Tỉnh đã triển khai mô hình trạm y tế xã theo nguyên lý y học gia đình chưa?", "answers": [
                      "Đã triển khai thí điểm tại 10 xã thuộc huyện Mường Chà."
                    ]},
                    {"id": "2b", "question": "Khó khăn khi triển khai mô hình này là gì?", "answers": [
                      "Thiếu bác sĩ được đào tạo về y học gia đình;",
                      "Chưa có cơ chế thanh toán bảo hiểm y tế phù hợp cho các dịch vụ tại trạm."
                    ]},
                    {"id": "3", "question": "Kiến nghị của tỉnh", "answers": [
                      "Đề nghị Bộ Y tế hỗ trợ đào tạo bác sĩ gia đình cho tuyến xã."
                    ]}
                  ]
                }
                """
        ),
        Sample(
            description: "Lào Cai: Roman-numbered parts, bullets then a paragraph, a phone number only",
            lines: [
                .heading("TỈNH LÀO CAI"),
                .line("Thông tin trả lời cho Hội thảo Nhóm Đối tác y tế ngày 12/3/2019"),
                .line("Chủ đề cuộc họp: Phòng chống bệnh không lây nhiễm tại tuyến cơ sở"),
                .line("Đề nghị các tỉnh trả lời ngắn gọn các câu hỏi dưới đây."),
                .heading("I. QUẢN LÝ BỆNH KHÔNG LÂY NHIỄM"),
                .line("1. Tỉnh đang quản lý bao nhiêu người bệnh tăng huyết áp và đái tháo đường tại trạm y tế xã?"),
                .bullet("Tăng huyết áp: 12.450 người được quản lý tại 164 trạm y tế."),
                .bullet("Đái tháo đường: 3.120 người."),
                .heading("II. KHÓ KHĂN VÀ ĐỀ XUẤT"),
                .line("2. Những khó khăn của tỉnh khi quản lý bệnh không lây nhiễm ở tuyến xã? Tỉnh có đề xuất gì?"),
                .bullet("Thiếu thuốc điều trị tăng huyết áp tại trạm y tế xã."),
                .bullet("Cán bộ trạm chưa được tập huấn đầy đủ."),
                .line("Tỉnh đề xuất Bộ Y tế bổ sung thuốc điều trị bệnh không lây nhiễm vào danh mục thuốc của trạm."),
                .line("Phiếu trả lời xin gửi lại Ban thư ký HPG trước ngày 01/3/2019, điện thoại: 024.62732235."),
                .line("Trân trọng cảm ơn."),
            ],
            symbol: "•", blankLines: false,
            expected: """
                {
                  "province": {"name": "Lào Cai", "country": "VN", "code": "10", "successor": "Lào Cai"},
                  "meeting": "Hội thảo Nhóm Đối tác y tế",
                  "meeting_date": "2019-03-12",
                  "topic": "Phòng chống bệnh không lây nhiễm tại tuyến cơ sở",
                  "deadline": "2019-03-01",
                  "contact": {
                    "email": null,
                    "phone": "02462732235",
                    "text": "Phiếu trả lời xin gửi lại Ban thư ký HPG trước ngày 01/3/2019, điện thoại: 024.62732235."
                  },
                  "items": [
                    {"id": "1", "question": "Tỉnh đang quản lý bao nhiêu người bệnh tăng huyết áp và đái tháo đường tại trạm y tế xã?", "answers": [
                      "Tăng huyết áp: 12.450 người được quản lý tại 164 trạm y tế.",
                      "Đái tháo đường: 3.120 người."
                    ]},
                    {"id": "2", "question": "Những khó khăn của tỉnh khi quản lý bệnh không lây nhiễm ở tuyến xã? Tỉnh có đề xuất gì?", "answers": [
                      "Thiếu thuốc điều trị tăng huyết áp tại trạm y tế xã.",
                      "Cán bộ trạm chưa được tập huấn đầy đủ.",
                      "Tỉnh đề xuất Bộ Y tế bổ sung thuốc điều trị bệnh không lây nhiễm vào danh mục thuốc của trạm."
                    ]}
                  ]
                }
                """
        ),
    ]

    @Test("Answers of other provinces give the same record as text, as a web page and as a Word file",
          arguments: samples, Form.allCases)
    func otherProvinces(sample: Sample, form: Form) throws {
        let document: Document
        switch form {
        case .text: document = try RecordTesting.process("answers.txt", sample.text)
        case .html: document = try RecordTesting.process("answers.html", sample.html)
        case .docx: document = try RecordTesting.process("answers.docx", sample.docx)
        }
        #expect(document.source.format.rawValue == form.rawValue)
        RecordTesting.check(QuestionnaireParser.parse(document), try RecordTesting.json(sample.expected), "\(form)")
    }

    // MARK: rules one at a time

    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var text: String
        /// (id, question, answers) of each item.
        var items: [Item]

        struct Item: Equatable, Sendable {
            var id: String
            var question: String
            var answers: [String]
        }
    }

    static let cases: [Case] = [
        Case(description: "numbered answers under a question keep their numbers; the next question is a question again",
             text: "TỈNH BẮC KẠN\nCâu hỏi chuẩn bị cuộc họp\n1. Tỉnh có bao nhiêu trạm y tế đạt chuẩn?\n1) Năm 2016: 98 trạm.\n2) Năm 2017: 105 trạm.\n2. Tỉnh có kế hoạch gì cho năm 2018?\nTiếp tục đầu tư cho các xã vùng cao.",
             items: [
                .init(id: "1", question: "Tỉnh có bao nhiêu trạm y tế đạt chuẩn?", answers: ["1) Năm 2016: 98 trạm.", "2) Năm 2017: 105 trạm."]),
                .init(id: "2", question: "Tỉnh có kế hoạch gì cho năm 2018?", answers: ["Tiếp tục đầu tư cho các xã vùng cao."]),
             ]),
        Case(description: "answers numbered like the questions continue their own list",
             text: "TỈNH HÀ GIANG\nCâu hỏi chuẩn bị cuộc họp\n2b, Những giải pháp tỉnh đã thực hiện?\n1. Tăng cường giám sát.\n2. Đào tạo lại cán bộ.\n3. Huy động nguồn lực xã hội hóa.\n2c, Kết quả đạt được?\nTỷ lệ tiêm chủng đạt 95%.",
             items: [
                .init(id: "2b", question: "Những giải pháp tỉnh đã thực hiện?", answers: ["1. Tăng cường giám sát.", "2. Đào tạo lại cán bộ.", "3. Huy động nguồn lực xã hội hóa."]),
                .init(id: "2c", question: "Kết quả đạt được?", answers: ["Tỷ lệ tiêm chủng đạt 95%."]),
             ]),
        Case(description: "a question with nothing after it has no answers; the thanks line is not one",
             text: "TỈNH SƠN LA\nCâu hỏi chuẩn bị cuộc họp\n1. Tỉnh đã tham gia NKT nào?\n2. Tỉnh có đề xuất gì?\n- Không có đề xuất.\nTrân trọng cảm ơn.",
             items: [
                .init(id: "1", question: "Tỉnh đã tham gia NKT nào?", answers: []),
                .init(id: "2", question: "Tỉnh có đề xuất gì?", answers: ["Không có đề xuất."]),
             ]),
        Case(description: "a bullet that asks to send something before a date is an answer, not the closing line",
             text: "TỈNH YÊN BÁI\nCâu hỏi chuẩn bị cuộc họp\n1. Tỉnh có đề xuất gì với Bộ Y tế?\n- Đề nghị Bộ Y tế gửi hướng dẫn về tỉnh trước ngày 30/6/2017.\nBáo cáo xin gửi về Vụ HTQT trước ngày 20/5/2017.",
             items: [
                .init(id: "1", question: "Tỉnh có đề xuất gì với Bộ Y tế?", answers: ["Đề nghị Bộ Y tế gửi hướng dẫn về tỉnh trước ngày 30/6/2017."]),
             ]),
    ]

    @Test("Questions, sections and answers", arguments: cases)
    func rules(_ c: Case) throws {
        let document = try RecordTesting.process("answers.txt", Array(c.text.utf8))
        let record = try #require(QuestionnaireParser.parse(document))
        guard case .object(let members) = record, case .array(let items)? = members.first(where: { $0.key == "items" })?.value else {
            Issue.record("no items: \(RecordTesting.render(record))")
            return
        }
        let got: [Case.Item] = items.compactMap { item in
            guard case .object(let fields) = item else { return nil }
            func string(_ key: String) -> String {
                if case .string(let s)? = fields.first(where: { $0.key == key })?.value { return s }
                return ""
            }
            var answers: [String] = []
            if case .array(let list)? = fields.first(where: { $0.key == "answers" })?.value {
                for case .string(let s) in list { answers.append(s) }
            }
            return Case.Item(id: string("id"), question: string("question"), answers: answers)
        }
        #expect(got == c.items)
    }

    @Test("A page that numbers its questions with <ol>: the numbers the browser draws are the ids; what is not written (the letter's date is no deadline) is null")
    func orderedListPage() throws {
        let page = RecordTesting.page("""
            <h2>TỈNH KHÁNH HÒA</h2>
            <p>Khánh Hòa, ngày 02 tháng 5 năm 2019</p>
            <p>Câu hỏi chuẩn bị cho Cuộc họp Nhóm Đối tác y tế ngày 14/5/2019</p>
            <ol>
              <li>Tỉnh đã lồng ghép hoạt động của các dự án ODA vào kế hoạch 5 năm chưa?
                <ul><li>Đã lồng ghép từ năm 2016.</li></ul>
              </li>
              <li>Tỉnh cần hỗ trợ gì về kỹ thuật? Hỗ trợ xây dựng kế hoạch đầu tư công trung hạn.</li>
            </ol>
            """)
        let document = try RecordTesting.process("answers.html", page)
        RecordTesting.check(QuestionnaireParser.parse(document), try RecordTesting.json("""
            {
              "province": {"name": "Khánh Hòa", "country": "VN", "code": "56", "successor": "Khánh Hòa"},
              "meeting": "Cuộc họp Nhóm Đối tác y tế",
              "meeting_date": "2019-05-14",
              "topic": null,
              "deadline": null,
              "contact": null,
              "items": [
                {"id": "1", "question": "Tỉnh đã lồng ghép hoạt động của các dự án ODA vào kế hoạch 5 năm chưa?", "answers": ["Đã lồng ghép từ năm 2016."]},
                {"id": "2", "question": "Tỉnh cần hỗ trợ gì về kỹ thuật?", "answers": ["Hỗ trợ xây dựng kế hoạch đầu tư công trung hạn."]}
              ]
            }
            """), "ordered list page")
    }

    @Test("Documents that are not questionnaires give no record", arguments: [
        "Corpus/news/moh-leadership-news-2024-10.txt",
        "Corpus/twg/technical-working-groups.txt",
        "Corpus/plans/bac-giang-123-kh-syt-2022.txt",
        "Corpus/programmes/health-sector-policy-support-phase-2.txt",
        "Corpus/decisions/binh-phuoc-991-qd-ubnd-2008.doc",
    ])
    func notQuestionnaires(path: String) throws {
        let document = try RecordTesting.process(corpus: path)
        #expect(QuestionnaireParser.parse(document) == nil)
    }

    @Test("One numbered question without the word “câu hỏi” before it is not a questionnaire")
    func oneQuestion() throws {
        let document = try RecordTesting.process("note.txt", Array("BÁO CÁO\n1. Vì sao tỷ lệ tiêm chủng giảm?\nDo thiếu vắc xin.".utf8))
        #expect(QuestionnaireParser.parse(document) == nil)
    }
}
