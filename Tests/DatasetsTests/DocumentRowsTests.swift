import Datasets
import DocumentModel
import Testing

/// The rows each Corpus kind gives, written out by hand from the documents and compared exactly.
@Suite("Dataset rows")
struct DocumentRowsTests {
    static func row(_ table: DatasetTable, _ values: [String: Cell], document: String) -> [Cell] {
        table.columnNames.map { name in name == "document" ? .text(document) : values[name] ?? .null }
    }

    @Test("Every row has its table's columns", arguments: [
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt", "Corpus/news/moh-leadership-news-2024-10.txt",
        "Corpus/twg/technical-working-groups-page.html", "Corpus/plans/bac-giang-123-kh-syt-2022.txt",
    ])
    func widths(path: String) throws {
        let rows = DocumentRows(try DatasetTesting.corpus(path))
        for (table, tableRows) in rows.byTable {
            for row in tableRows { #expect(row.count == table.columns.count, "\(table.name)") }
            for row in tableRows { #expect(row.first == .text(path)) }
        }
    }

    @Test("Questionnaire: one row per answer, numbered within its item, with the province and its 2025 successor")
    func questionnaire() throws {
        let path = "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt"
        let rows = DocumentRows(try DatasetTesting.corpus(path))
        let q1 = "Ý kiến/đánh giá ngắn gọn của tỉnh về Báo cáo về sự tham gia tuyến tỉnh trong Nhóm Đối tác y tế? Và các đề xuất nếu có?"
        let expected: [(item: String, no: Int, answerStart: String)] = [
            ("1", 1, "Báo cáo được viết ngắn gọn, rõ ràng"),
            ("2a", 1, "Sự tham gia của tỉnh trong các NKT còn hạn chế"),
            ("2a", 2, "Đề nghị Vụ HTQT cần chia sẻ thông tin"),
            ("2b", 1, "Sự tham gia của tỉnh trong Nhóm ĐTYT chủ yếu"),
            ("2b", 2, "Nhất trí với những hạn chế đã nêu trong báo cáo."),
            ("2b", 3, "Để tăng cường sự gắn kết, phối hợp"),
        ]
        #expect(rows.questionnaireAnswers.count == expected.count)
        for (row, e) in zip(rows.questionnaireAnswers, expected) {
            #expect(Array(row.prefix(5)) == [.text(path), .text("Cao Bằng"), .text("Cao Bằng"), .text("2016-11-15"), .text(e.item)])
            #expect(row[6] == .integer(e.no))
            guard case .text(let answer) = row[7] else { Issue.record("no answer text in \(row)"); continue }
            #expect(answer.hasPrefix(e.answerStart), "\(answer)")
        }
        #expect(rows.questionnaireAnswers[0][5] == .text(q1))
        #expect(rows.questionnaireAnswers[0][7] == .text("Báo cáo được viết ngắn gọn, rõ ràng và mô tả được các nội dung đã được phát hiện và các đề xuất là phù hợp."))
        let document = rows.document
        #expect(document[DatasetTable.documents.columnNames.firstIndex(of: "kind") ?? 0] == .text("questionnaire"))
        #expect(document[DatasetTable.documents.columnNames.firstIndex(of: "province") ?? 0] == .text("Cao Bằng"))
    }

    @Test("Plan: the documents row carries the administrative header")
    func plan() throws {
        let path = "Corpus/plans/bac-giang-123-kh-syt-2022.txt"
        let d = try DatasetTesting.corpus(path)
        let rows = DocumentRows(d, pipeline: "p1")
        let expected = Self.row(.documents, [
            "format": .text("text"), "encoding": .text("utf-8"), "bytes": .integer(d.source.bytes), "sha256": .text(d.source.sha256),
            "kind": .text("plan"), "kind_rule": .text(d.kindRule ?? ""),
            "number": .text("123/KH-SYT"), "number_type": .text("KH"), "number_type_name": .text("Kế hoạch"),
            "document_type": .text("Kế hoạch"), "place": .text("Bắc Giang"), "date": .text("2022-10-10"),
            "summary": .text("Triển khai thực hiện Kế hoạch số 481/KH-UBND ngày 25/8/2022 của UBND tỉnh Bắc Giang thực hiện Thỏa thuận hợp tác với tỉnh Xây Sôm Bun (Lào) lĩnh vực y tế"),
            "signer_name": .text("Nguyễn Văn Bình"), "signer_title": .text("PHÓ GIÁM ĐỐC"), "signer_on_behalf_of": .text("GIÁM ĐỐC"),
            "signer_authority": .text("KT"), "budget_amount": .integer(1_766_925_000), "budget_currency": .text("VND"),
            "period_start": .text("2023"), "period_end": .text("2025"),
            "entities": .integer(d.entities.count), "warnings": .integer(0), "pipeline": .text("p1"),
        ], document: path)
        #expect(rows.document == expected)
        #expect(rows.questionnaireAnswers.isEmpty && rows.news.isEmpty && rows.twgs.isEmpty)
    }

    @Test("TWG directory: one row per group, lists joined with “; ”")
    func twgs() throws {
        let path = "Corpus/twg/technical-working-groups-page.html"
        let rows = DocumentRows(try DatasetTesting.corpus(path))
        #expect(rows.twgs.count == 10)
        #expect(rows.twgs.first == [.text(path), .integer(1), .text("NKT về Sức khỏe sinh sản (RHAG)"), .text("RHAG"), .text("2010-10-01"),
                                    .text("Vụ Sức khỏe Bà mẹ trẻ em; Tổng Cục Dân số - Kế hoạch hóa gia đình"), .text("UNFPA"), .text("RHAG TOR")])
        #expect(rows.twgs[3] == [.text(path), .integer(4), .text("NKT về Y tế cơ sở"), .text("LHS"), .text("2011"),
                                 .text("Cục Quản lý Khám chữa bệnh; Cục Y tế dự phòng"), .null, .text("LHS TOR")])
        #expect(rows.twgs.map { $0[3] } == ["RHAG", "HEMG", "HRH", "LHS", "HIS", "HPF", "MDG", "HQM", "TWGP", "TWGN"].map { .text($0) })
    }

    @Test("News: twenty listing items in order, then the article")
    func news() throws {
        let path = "Corpus/news/moh-leadership-news-2024-10.txt"
        let rows = DocumentRows(try DatasetTesting.corpus(path))
        #expect(rows.news.count == 21)
        #expect(Array(rows.news[0].prefix(5)) == [.text(path), .text("item"), .integer(1), .text("Bộ trưởng Bộ Y tế Đào Hồng Lan tiếp Đại sứ Cu Ba"), .text("2024-10-10T09:09")])
        #expect(rows.news[0][6] == .integer(1))
        #expect(rows.news.prefix(20).map { $0[2] } == (1...20).map { .integer($0) })
        let article = rows.news[20]
        #expect(Array(article.prefix(5)) == [.text(path), .text("article"), .null,
                                             .text("Bộ Y tế họp chuẩn bị Dự án Hỗ trợ Kỹ thuật y tế của Bộ Y tế - Tổ chức Y tế thế giới giai đoạn 2024-2027"),
                                             .text("2023-12-09T08:28")])
        guard case .text(let body) = article[7], case .text(let related) = article[8] else {
            Issue.record("article without body or related: \(article)")
            return
        }
        #expect(body.hasPrefix("Ngày 08/12/2023 tại Hà Nội, Bộ Y tế phối hợp"))
        #expect(body.contains(".\n\nTham dự có đại diện"))
        #expect(related.split(separator: "\n").first == "Tăng cường hợp tác chuyển đổi số trong ngành Y tế")
    }

    struct ValueCase: CustomStringConvertible, Sendable {
        var description: String
        var value: JSONValue
        var canonical: String
    }

    @Test("An entity value as one string", arguments: [
        ValueCase(description: "a date", value: .string("2022-10-10"), canonical: "2022-10-10"),
        ValueCase(description: "a partner by id", value: .object([.init("id", .string("EU"))]), canonical: "EU"),
        ValueCase(description: "a province by name", value: .object([.init("name", .string("Bắc Giang")), .init("country", .string("VN")), .init("code", .string("24")), .init("successor", .string("Bắc Ninh"))]), canonical: "Bắc Giang"),
        ValueCase(description: "a period as an ISO interval", value: .object([.init("start", .string("2021")), .init("end", .string("2025"))]), canonical: "2021/2025"),
        ValueCase(description: "money as amount and currency", value: .object([.init("amount", .int(100_000_000)), .init("currency", .string("EUR"))]), canonical: "100000000 EUR"),
        ValueCase(description: "a country by code", value: .object([.init("code", .string("LA"))]), canonical: "LA"),
        ValueCase(description: "an unknown shape as JSON", value: .object([.init("x", .array([.int(1)]))]), canonical: "{\"x\": [1]}"),
    ])
    func canonical(_ c: ValueCase) {
        #expect(DocumentRows.canonical(c.value) == c.canonical)
    }

    @Test("Entity rows flatten the value's fields")
    func entityRows() throws {
        var d = Document(source: Source(path: "a.txt"), text: "UBND tỉnh Bắc Giang")
        d.entities = [Entity(type: "province", text: "Bắc Giang", start: 10, end: 19,
                             value: .object([.init("name", .string("Bắc Giang")), .init("country", .string("VN")), .init("code", .string("24")), .init("successor", .string("Bắc Ninh"))]),
                             rule: "gazetteer")]
        let rows = DocumentRows(d)
        #expect(rows.entities == [Self.row(.entities, [
            "type": .text("province"), "text": .text("Bắc Giang"), "start": .integer(10), "end": .integer(19), "value": .text("Bắc Giang"),
            "value_name": .text("Bắc Giang"), "value_code": .text("24"), "value_country": .text("VN"), "value_successor": .text("Bắc Ninh"),
            "value_json": .text("{\"name\": \"Bắc Giang\", \"country\": \"VN\", \"code\": \"24\", \"successor\": \"Bắc Ninh\"}"), "rule": .text("gazetteer"),
        ], document: "a.txt")])
    }
}
