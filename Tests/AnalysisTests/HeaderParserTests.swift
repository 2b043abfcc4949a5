import Analysis
import DocumentModel
import Entities
import Foundation
import Testing
import _TestSupport

/// The administrative header (Decree 30/2020/NĐ-CP layout) of Corpus documents, of documents
/// written here in the layouts they come in, and of the real decree and laws in ../shared.
@Suite("Administrative header")
struct HeaderParserTests {
    typealias T = HeaderTesting

    /// The section tree as one line: each label, its children in brackets, its bullets counted
    /// in parentheses ("I.[1. 2.(2)] II.").
    static func outline(_ value: JSONValue?) -> String {
        guard case .array(let nodes)? = value else { return "" }
        return nodes.map { node -> String in
            guard case .object(let members) = node else { return "?" }
            var out = ""
            if case .string(let label)? = members.first(where: { $0.key == "label" })?.value { out = label }
            if case .int(let bullets)? = members.first(where: { $0.key == "bullets" })?.value { out += "(\(bullets))" }
            let children = outline(members.first { $0.key == "children" }?.value)
            if !children.isEmpty { out += "[\(children)]" }
            return out
        }.joined(separator: " ")
    }

    static func titles(_ value: JSONValue?) -> [String] {
        guard case .array(let nodes)? = value else { return [] }
        return nodes.compactMap { node in
            guard case .object(let members) = node, case .string(let title)? = members.first(where: { $0.key == "title" })?.value else { return nil }
            return title
        }
    }

    static func value(_ header: [JSONValue.Member], _ key: String) -> JSONValue? {
        header.first { $0.key == key }?.value
    }

    // MARK: Corpus

    @Test("The Bắc Giang plan: number, place, date, type, summary, sections, recipients, signer, budget, period")
    func planFromCorpus() throws {
        let header = HeaderParser.parse(try T.corpus("Corpus/plans/bac-giang-123-kh-syt-2022.txt"))
        #expect(T.keys(header) == ["number", "place", "date", "document_type", "summary", "sections", "recipients", "signer", "budget", "period"])
        #expect(T.field(header, "number") == #"{"number":"123/KH-SYT","type":"KH","type_name":"Kế hoạch"}"#)
        #expect(T.field(header, "place") == #""Bắc Giang""#)
        #expect(T.field(header, "date") == #""2022-10-10""#)
        #expect(T.field(header, "document_type") == #""Kế hoạch""#)
        #expect(T.field(header, "summary") == #""Triển khai thực hiện Kế hoạch số 481/KH-UBND ngày 25/8/2022 của UBND tỉnh Bắc Giang thực hiện Thỏa thuận hợp tác với tỉnh Xây Sôm Bun (Lào) lĩnh vực y tế""#)
        #expect(Self.outline(Self.value(header, "sections")) == "I.[1. 2.(2)] II.[1. 2. 3.(3) 4.] III. IV.[1. 2. 3. 4.]")
        #expect(Self.titles(Self.value(header, "sections")) == ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG TRIỂN KHAI", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"])
        #expect(T.field(header, "recipients") == #"["UBND tỉnh (b/c)","Sở Ngoại vụ (Phối hợp)","Lãnh đạo SYT","Các đơn vị trực thuộc","Các phòng thuộc Sở"]"#)
        // The sample's signature lines carry stray markdown ("**KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC**").
        #expect(T.field(header, "signer") == #"{"name":"Nguyễn Văn Bình","title":"PHÓ GIÁM ĐỐC","on_behalf_of":"GIÁM ĐỐC","authority":"KT"}"#)
        #expect(T.field(header, "budget") == #"{"amount":1766925000,"currency":"VND"}"#)
        #expect(T.field(header, "period") == #"{"start":"2023","end":"2025"}"#)
    }

    @Test("The same plan as a .VnTime Word file and as TCVN3 text gives the same header", arguments: [
        "Corpus/plans/bac-giang-123-kh-syt-2022-vntime.docx",
        "Corpus/plans/bac-giang-123-kh-syt-2022-tcvn3.txt",
    ])
    func planInOtherFormats(_ path: String) throws {
        let reference = HeaderParser.parse(try T.corpus("Corpus/plans/bac-giang-123-kh-syt-2022.txt"))
        let header = HeaderParser.parse(try T.corpus(path))
        #expect(T.keys(header) == T.keys(reference))
        for member in reference where member.key != "sections" {
            #expect(T.field(header, member.key) == T.json(member.value), "\(member.key)")
        }
        // The same tree; titles are compared by outline only, as the TCVN3 reading of one
        // heading differs in case ("Tổ CHỨC THỰC HIỆN": the reader's, not the header's).
        #expect(Self.outline(Self.value(header, "sections")) == Self.outline(Self.value(reference, "sections")))
    }

    @Test("The Bình Phước decision (Word 97, VNI): a flattened letterhead, a day glued to its month, a signature table")
    func decisionFromCorpus() throws {
        let header = HeaderParser.parse(try T.corpus("Corpus/decisions/binh-phuoc-991-qd-ubnd-2008.doc"))
        #expect(T.keys(header) == ["issuing_body", "number", "place", "date", "document_type", "summary", "sections", "signer"])
        // "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH BÌNH PHƯỚC Độc lập - Tự do - Hạnh phúc"
        #expect(T.field(header, "issuing_body") == #"{"text":"ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC","name":"Ủy ban nhân dân tỉnh Bình Phước"}"#)
        #expect(T.field(header, "number") == #"{"number":"991/QĐ-UBND","type":"QĐ","type_name":"Quyết định"}"#)
        #expect(T.field(header, "place") == #""Đồng Xoài""#)
        #expect(T.field(header, "date") == #""2008-05-14""#)  // "ngày 14 tháng5 năm 2008"
        #expect(T.field(header, "document_type") == #""Quyết định""#)
        #expect(T.field(header, "summary") == #""Về việc phê duyệt Kế hoạch thực hiện quy hoạch sử dụng rừng, đất rừng và đất chuyển ra khỏi lâm phần sau rà soát quy hoạch 03 loại rừng""#)
        #expect(Self.outline(Self.value(header, "sections")) == "Điều 1. Điều 2.(2) Điều 3.")
        #expect(T.field(header, "signer") == #"{"name":"Trương Tấn Thiệu","title":"CHỦ TỊCH","on_behalf_of":"ỦY BAN NHÂN DÂN TỈNH","authority":"TM"}"#)
    }

    @Test("Documents without a number, a place and date or the national motto have no header", arguments: [
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt",
        "Corpus/questionnaires/cao-bang-hpg-2016-11-15-answers.docx",
        "Corpus/news/moh-leadership-news-2024-10.txt",
        "Corpus/news/moh-leadership-news-2024-10-page.html",
        "Corpus/twg/technical-working-groups.txt",
        "Corpus/twg/technical-working-groups-page.html",
        "Corpus/programmes/health-sector-policy-support-phase-2.txt",
        "Corpus/programmes/health-sector-policy-support-phase-2-windows-1258.html",
    ])
    func noHeader(_ path: String) throws {
        #expect(T.keys(HeaderParser.parse(try T.corpus(path))) == [])
    }

    // MARK: documents written here

    @Test("A công văn typed in two columns: parent and issuer, a symbol without type code, V/v, Kính gửi, a flattened signature")
    func officialLetter() throws {
        let header = HeaderParser.parse(try T.text(HeaderSamples.officialLetter))
        #expect(T.keys(header) == ["issuing_body", "parent_body", "number", "place", "date", "document_type", "summary", "addressees",
                                   "sections", "recipients", "signer"])
        #expect(T.field(header, "issuing_body") == #"{"text":"SỞ Y TẾ","name":"Sở Y tế"}"#)
        #expect(T.field(header, "parent_body") == #"{"text":"UBND TỈNH CAO BẰNG","name":"Ủy ban nhân dân tỉnh Cao Bằng"}"#)
        #expect(T.field(header, "number") == #"{"number":"1520/SYT-NVY","type":null,"type_name":null}"#)
        #expect(T.field(header, "place") == #""Cao Bằng""#)
        #expect(T.field(header, "date") == #""2023-09-05""#)
        #expect(T.field(header, "document_type") == #""Công văn""#)
        #expect(T.field(header, "summary") == #""V/v tăng cường công tác phòng, chống dịch sốt xuất huyết""#)
        #expect(T.field(header, "addressees") == #"["Bệnh viện Đa khoa tỉnh","Trung tâm Kiểm soát bệnh tật tỉnh","Trung tâm Y tế các huyện, thành phố"]"#)
        #expect(Self.outline(Self.value(header, "sections")) == "1. 2. 3.")
        // "Nơi nhận: KT. GIÁM ĐỐC" / "- Như trên; PHÓ GIÁM ĐỐC": the columns share lines.
        #expect(T.field(header, "recipients") == #"["Như trên","Giám đốc Sở (b/c)"]"#)
        #expect(T.field(header, "signer") == #"{"name":"Hoàng Thị Lan","title":"PHÓ GIÁM ĐỐC","on_behalf_of":"GIÁM ĐỐC","authority":"KT"}"#)
    }

    @Test("A báo cáo in one column: a ministry and its department, a summary over two lines, points under clauses, a head signing in person")
    func report() throws {
        let header = HeaderParser.parse(try T.text(HeaderSamples.report))
        #expect(T.keys(header) == ["issuing_body", "parent_body", "number", "place", "date", "document_type", "summary", "sections",
                                   "recipients", "signer", "budget"])
        #expect(T.field(header, "issuing_body") == #"{"text":"CỤC QUẢN LÝ KHÁM, CHỮA BỆNH","name":"Cục Quản lý Khám, chữa bệnh"}"#)
        #expect(T.field(header, "parent_body") == #"{"text":"BỘ Y TẾ","name":"Bộ Y tế"}"#)
        #expect(T.field(header, "number") == #"{"number":"245/BC-KCB","type":"BC","type_name":"Báo cáo"}"#)
        #expect(T.field(header, "place") == #""Hà Nội""#)
        #expect(T.field(header, "date") == #""2024-02-28""#)
        #expect(T.field(header, "document_type") == #""Báo cáo""#)
        #expect(T.field(header, "summary") == #""Kết quả công tác khám bệnh, chữa bệnh năm 2023 và phương hướng nhiệm vụ năm 2024""#)
        #expect(Self.outline(Self.value(header, "sections")) == "I.[1. 2.[a) b)]] II.[1. 2.]")
        #expect(T.field(header, "recipients") == #"["Bộ trưởng (để b/c)","Các Thứ trưởng"]"#)
        #expect(T.field(header, "signer") == #"{"name":"Nguyễn Trọng Khoa","title":"CỤC TRƯỞNG","on_behalf_of":null,"authority":null}"#)
        #expect(T.field(header, "budget") == #"{"amount":3200000000,"currency":"VND"}"#)
    }

    @Test("A decision as a Word file: letterhead and signature in tables, a deputy signing under TM.")
    func decisionDocx() throws {
        let header = HeaderParser.parse(try T.process("quyet-dinh.docx", HeaderSamples.decisionDocx))
        #expect(T.keys(header) == ["issuing_body", "number", "place", "date", "document_type", "summary", "sections", "recipients", "signer", "budget"])
        #expect(T.field(header, "issuing_body") == #"{"text":"ỦY BAN NHÂN DÂN TỈNH LÀO CAI","name":"Ủy ban nhân dân tỉnh Lào Cai"}"#)
        #expect(T.field(header, "number") == #"{"number":"1234/QĐ-UBND","type":"QĐ","type_name":"Quyết định"}"#)
        #expect(T.field(header, "place") == #""Lào Cai""#)
        #expect(T.field(header, "date") == #""2021-04-07""#)
        #expect(T.field(header, "summary") == #""Về việc phê duyệt Kế hoạch tiêm chủng mở rộng năm 2021 trên địa bàn tỉnh Lào Cai""#)
        #expect(Self.outline(Self.value(header, "sections")) == "Điều 1. Điều 2. Điều 3.")
        #expect(T.field(header, "recipients") == #"["Như Điều 3","TT. UBND tỉnh"]"#)
        #expect(T.field(header, "signer") == #"{"name":"Nguyễn Thanh Sinh","title":"PHÓ CHỦ TỊCH","on_behalf_of":"CHỦ TỊCH","authority":"KT","collective":"ỦY BAN NHÂN DÂN"}"#)
        #expect(T.field(header, "budget") == #"{"amount":2500000000,"currency":"VND"}"#)
    }

    /// A letterhead with the given issuer lines above a number, a place and date, and a type line.
    static func letterhead(_ issuer: [String]) -> String {
        (issuer + ["Số: 12/KH-ABC", "Hà Nội, ngày 01 tháng 02 năm 2024", "KẾ HOẠCH", "Tiêm chủng mở rộng năm 2024"]).joined(separator: "\n")
    }

    @Test("Issuer lines: a body starts with the word for its kind; the one above the issuer is its parent; names in normal case", arguments: [
        (["UBND TỈNH BẮC GIANG", "SỞ Y TẾ"], #"{"text":"SỞ Y TẾ","name":"Sở Y tế"}"#, #"{"text":"UBND TỈNH BẮC GIANG","name":"Ủy ban nhân dân tỉnh Bắc Giang"}"#),
        (["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"], #"{"text":"ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC","name":"Ủy ban nhân dân tỉnh Bình Phước"}"#, nil),
        (["BỘ Y TẾ", "CỤC QUẢN LÝ DƯỢC"], #"{"text":"CỤC QUẢN LÝ DƯỢC","name":"Cục Quản lý Dược"}"#, #"{"text":"BỘ Y TẾ","name":"Bộ Y tế"}"#),
        (["UBND TỈNH NGHỆ AN", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"], #"{"text":"SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI","name":"Sở Lao động - Thương binh và Xã hội"}"#,
         #"{"text":"UBND TỈNH NGHỆ AN","name":"Ủy ban nhân dân tỉnh Nghệ An"}"#),
        (["UBND HUYỆN YÊN DŨNG", "TRUNG TÂM Y TẾ"], #"{"text":"TRUNG TÂM Y TẾ","name":"Trung tâm Y tế"}"#, #"{"text":"UBND HUYỆN YÊN DŨNG","name":"Ủy ban nhân dân huyện Yên Dũng"}"#),
        (["SỞ Y TẾ TỈNH QUẢNG NINH", "BỆNH VIỆN ĐA KHOA TỈNH"], #"{"text":"BỆNH VIỆN ĐA KHOA TỈNH","name":"Bệnh viện Đa khoa tỉnh"}"#,
         #"{"text":"SỞ Y TẾ TỈNH QUẢNG NINH","name":"Sở Y tế tỉnh Quảng Ninh"}"#),
        (["BỘ Y TẾ", "VỤ KẾ HOẠCH - TÀI CHÍNH"], #"{"text":"VỤ KẾ HOẠCH - TÀI CHÍNH","name":"Vụ Kế hoạch - Tài chính"}"#, #"{"text":"BỘ Y TẾ","name":"Bộ Y tế"}"#),
    ] as [([String], String, String?)])
    func issuers(_ lines: [String], _ issuer: String, _ parent: String?) throws {
        let header = HeaderParser.parse(try T.text(Self.letterhead(lines)))
        #expect(T.field(header, "issuing_body") == issuer)
        #expect(T.field(header, "parent_body") == parent)
    }

    @Test("Signature blocks: authority, the one signed for, the signer's position and name", arguments: [
        ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn Bình", #"{"name":"Nguyễn Văn Bình","title":"PHÓ GIÁM ĐỐC","on_behalf_of":"GIÁM ĐỐC","authority":"KT"}"#),
        ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Lương",
         #"{"name":"Lê Văn Lương","title":"PHÓ CHỦ TỊCH","on_behalf_of":"CHỦ TỊCH","authority":"KT","collective":"ỦY BAN NHÂN DÂN"}"#),
        ("TM. ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nCHỦ TỊCH\nNguyễn Văn Sơn", #"{"name":"Nguyễn Văn Sơn","title":"CHỦ TỊCH","on_behalf_of":"ỦY BAN NHÂN DÂN TỈNH HÀ GIANG","authority":"TM"}"#),
        ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH\nNguyễn Thị Hạnh",
         #"{"name":"Nguyễn Thị Hạnh","title":"VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH","on_behalf_of":"BỘ TRƯỞNG","authority":"TL"}"#),
        ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ Y TẾ\n(Ký, đóng dấu)\nTRẦN VĂN MINH", #"{"name":"Trần Văn Minh","title":"GIÁM ĐỐC SỞ Y TẾ","on_behalf_of":"CHỦ TỊCH","authority":"TUQ"}"#),
        ("Q. GIÁM ĐỐC\n\nĐỗ Thị Hoa", #"{"name":"Đỗ Thị Hoa","title":null,"on_behalf_of":"GIÁM ĐỐC","authority":"Q"}"#),
        ("**KT. VIỆN TRƯỞNG\nPHÓ VIỆN TRƯỞNG**\n\nPhạm Quang Thái", #"{"name":"Phạm Quang Thái","title":"PHÓ VIỆN TRƯỞNG","on_behalf_of":"VIỆN TRƯỞNG","authority":"KT"}"#),
        ("GIÁM ĐỐC\nĐã ký: Vũ Thị Mai", #"{"name":"Vũ Thị Mai","title":"GIÁM ĐỐC","on_behalf_of":null,"authority":null}"#),
    ])
    func signers(_ block: String, _ expected: String) throws {
        let text = Self.letterhead(["SỞ Y TẾ"]) + "\nNội dung kế hoạch.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n" + block
        let header = HeaderParser.parse(try T.text(text))
        #expect(T.field(header, "signer") == expected)
        #expect(T.field(header, "recipients") == #"["Như trên"]"#)
    }

    @Test("Without a signature block there is no signer; a name alone is not one")
    func noSigner() throws {
        let header = HeaderParser.parse(try T.text(Self.letterhead(["SỞ Y TẾ"]) + "\nNội dung kế hoạch.\nNguyễn Văn Bình"))
        #expect(T.field(header, "signer") == nil)
    }

    @Test("A period in the summary when no line says when the plan runs; one year is a period of that year")
    func periods() throws {
        let inSummary = "SỞ Y TẾ\nSố: 5/KH-SYT\nHà Nội, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\nPhòng, chống bệnh lao giai đoạn 2021- 2025\nNội dung kế hoạch."
        #expect(T.field(HeaderParser.parse(try T.text(inSummary)), "period") == #"{"start":"2021","end":"2025"}"#)
        let oneYear = "SỞ Y TẾ\nSố: 5/KH-SYT\nHà Nội, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\nPhòng, chống bệnh lao\nThời gian thực hiện: năm 2024."
        #expect(T.field(HeaderParser.parse(try T.text(oneYear)), "period") == #"{"start":"2024","end":"2024"}"#)
    }

    // MARK: the type table

    /// Decree 30/2020/NĐ-CP Appendix III: code and name of every administrative document type and
    /// copy form.
    static let appendixIII: [(String, String)] = [
        ("NQ", "Nghị quyết"), ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("QC", "Quy chế"), ("QyĐ", "Quy định"),
        ("TC", "Thông cáo"), ("TB", "Thông báo"), ("HD", "Hướng dẫn"), ("CTr", "Chương trình"), ("KH", "Kế hoạch"),
        ("PA", "Phương án"), ("ĐA", "Đề án"), ("DA", "Dự án"), ("BC", "Báo cáo"), ("BB", "Biên bản"), ("TTr", "Tờ trình"),
        ("HĐ", "Hợp đồng"), ("CĐ", "Công điện"), ("BGN", "Bản ghi nhớ"), ("BTT", "Bản thỏa thuận"), ("GUQ", "Giấy ủy quyền"),
        ("GM", "Giấy mời"), ("GGT", "Giấy giới thiệu"), ("GNP", "Giấy nghỉ phép"), ("PG", "Phiếu gửi"), ("PC", "Phiếu chuyển"),
        ("PB", "Phiếu báo"), ("SY", "Bản sao y"), ("TrS", "Bản trích sao"), ("SL", "Bản sao lục"),
    ]

    @Test("Every type code of Appendix III resolves to its name", arguments: appendixIII)
    func typeCodes(_ code: String, _ name: String) throws {
        let header = HeaderParser.parse(try T.text("SỞ Y TẾ\nSố: 07/\(code)-SYT\nHà Nội, ngày 01 tháng 02 năm 2024"))
        let number = Self.value(header, "number")
        #expect(number.map(T.json)?.contains(#""type":"\#(code)","type_name":"\#(name)""#) == true, "\(number.map(T.json) ?? "no number")")
    }

    @Test("A type code in other capitals is the appendix's (QYĐ is QyĐ)")
    func typeCodeCase() throws {
        let header = HeaderParser.parse(try T.text("SỞ Y TẾ\nSố: 07/QYĐ-SYT\nHà Nội, ngày 01 tháng 02 năm 2024"))
        #expect(T.field(header, "number") == #"{"number":"07/QYĐ-SYT","type":"QyĐ","type_name":"Quy định"}"#)
    }

    static let typeFile = T.root.appendingPathComponent("Sources/Analysis/Resources/document_types.csv")

    @Test("The type table names its source on its first line")
    func typeTableSource() throws {
        let text = try String(contentsOf: Self.typeFile, encoding: .utf8)
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("# source: Decree 30/2020/NĐ-CP"))
        #expect(first.contains("Appendix III"))
        // The appendix's 27 types and 3 copy forms; legal documents (Nghị định, Thông tư) have
        // their symbols from another law and are marked as such.
        let file = DataFile.parse(text, name: "document_types.csv")
        let appendix = file.records.filter { $0["source"] == "III" }
        #expect(appendix.count == 30)
        #expect(!appendix.contains { $0["code"] == "NĐ" || $0["code"] == "TT" })
        #expect(file.records.first { $0["code"] == "NĐ" }?["source"] == "legal")
    }

    static let shared = T.root.deletingLastPathComponent().appendingPathComponent("shared/real")
    static let hasShared = FileManager.default.fileExists(atPath: shared.appendingPathComponent("decree-30-2020/Phuluc3.docx").path)

    @Test("Each Appendix III row of the type table stands in the appendix itself", .enabled(if: hasShared))
    func typeTableAgainstAppendix() throws {
        let url = Self.shared.appendingPathComponent("decree-30-2020/Phuluc3.docx")
        let document = try T.process(url.path, [UInt8](try Data(contentsOf: url)))
        let cells = document.blocks.filter { $0.type == .tableCell }.map { String(document.slice($0.start, $0.end)) }
        for (code, name) in Self.appendixIII {
            // The cell before the code's cell names the type ("Quyết định (cá biệt)", "Giấy uỷ quyền").
            let found = cells.indices.dropFirst().contains { i in
                cells[i] == code && foldedName(cells[i - 1]).hasPrefix(foldedName(name))
            }
            #expect(found, "\(code) \(name)")
        }
    }

    /// Lowercase, tone placement made one ("uỷ" and "ủy" alike).
    func foldedName(_ s: String) -> String {
        s.lowercased().replacingOccurrences(of: "uỷ", with: "ủy").replacingOccurrences(of: "oà", with: "òa")
    }

    // MARK: real documents

    @Test("The decree on clerical work and the health laws", .enabled(if: hasShared), arguments: [
        ("decree-30-2020/30_2020_ND_CP.docx", "30/2020/NĐ-CP", "Nghị định", "Nguyễn Xuân Phúc"),
        ("laws-docx/Luat-03-2007-QH12.docx", "03/2007/QH12", "Luật", "Nguyễn Phú Trọng"),
        ("laws-docx/Luat-09-2012-QH13.docx", "09/2012/QH13", "Luật", "Nguyễn Sinh Hùng"),
        ("laws-docx/Luat-105-2016-QH13.docx", "105/2016/QH13", "Luật", "Nguyễn Thị Kim Ngân"),
        ("laws-docx/Luat-15-2023-QH15.docx", "15/2023/QH15", "Luật", "Vương Đình Huệ"),
        ("laws-docx/Luat-25-2008-QH12.docx", "25/2008/QH12", "Luật", "Nguyễn Phú Trọng"),
        ("laws-docx/Luat-44-2019-QH14.docx", "44/2019/QH14", "Luật", "Nguyễn Thị Kim Ngân"),
        ("laws-docx/Luat-46-2014-QH13.docx", "46/2014/QH13", "Luật", "Nguyễn Sinh Hùng"),
        ("laws-docx/Luat-55-2010-QH12.docx", "55/2010/QH12", "Luật", "Nguyễn Phú Trọng"),
        ("laws-docx/Luat-64-2006-QH11.docx", "64/2006/QH11", "Luật", "Nguyễn Phú Trọng"),
    ])
    func realDocuments(_ path: String, _ number: String, _ type: String, _ signer: String) throws {
        let url = Self.shared.appendingPathComponent(path)
        let header = HeaderParser.parse(try T.process(url.path, [UInt8](try Data(contentsOf: url))))
        #expect(T.field(header, "number")?.hasPrefix(#"{"number":"\#(number)""#) == true)
        #expect(T.field(header, "document_type") == T.quoted(type))
        #expect(T.field(header, "signer")?.hasPrefix(#"{"name":"\#(signer)""#) == true)
    }

    @Test("Older government documents in TCVN3 and VNI fonts, old title layouts included", .enabled(if: hasShared), arguments: [
        ("tcvn3__2003-02144qd.doc", #"{"number":"144/2002/QĐ/BTC","type":"QĐ","type_name":"Quyết định"}"#, "2002-11-22", "Quyết định"),
        ("tcvn3__2003-A30.rtf", #"{"number":"117/2000/TT-BTC","type":"TT","type_name":"Thông tư"}"#, "2000-12-21", "Thông tư"),
        ("tcvn3__2004-0328NDCP.doc", #"{"number":"28/2003/NĐ-CP","type":"NĐ","type_name":"Nghị định"}"#, "2003-03-31", "Nghị định"),
        // "THÔNG TƯ / LIÊN TỊCH CỦA … SỐ 176/1998/TTLT-… / NGÀY 25 THÁNG 12 NĂM 1998"
        ("tcvn3__2004-A33.rtf", #"{"number":"176/1998/TTLT-BTC-BCN-TCHQ","type":"TTLT","type_name":"Thông tư liên tịch"}"#, "1998-12-25", "Thông tư"),
        // "QUYẾT ĐỊNH / CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH SỐ 1141-TC/QĐ/CĐKT / NGÀY 01 THÁNG 11 NĂM 1995 VỀ VIỆC …"
        ("tcvn3__2004-B6.doc", #"{"number":"1141-TC/QĐ/CĐKT","type":"QĐ","type_name":"Quyết định"}"#, "1995-11-01", "Quyết định"),
        ("tcvn3__2004-NghiDinh29_1998.doc", #"{"number":"29/1998/NĐ-CP","type":"NĐ","type_name":"Nghị định"}"#, "1998-05-11", "Nghị định"),
        ("tcvn3__2005-QD-256.doc", #"{"number":"256/2004/QĐ-UB","type":"QĐ","type_name":"Quyết định"}"#, "2004-07-01", "Quyết định"),
        ("vni__2008-23.QD-991-UBND.doc", #"{"number":"991/QĐ-UBND","type":"QĐ","type_name":"Quyết định"}"#, "2008-05-14", "Quyết định"),
    ])
    func olderDocuments(_ file: String, _ number: String, _ date: String, _ type: String) throws {
        let url = Self.shared.appendingPathComponent("legacy-encodings/orig/\(file)")
        let header = HeaderParser.parse(try T.process(url.path, [UInt8](try Data(contentsOf: url))))
        #expect(T.field(header, "number") == number)
        #expect(T.field(header, "date") == T.quoted(date))
        #expect(T.field(header, "document_type") == T.quoted(type))
    }

    @Test("An old title's summary is what follows \"về việc\", without the authority line under it", .enabled(if: hasShared))
    func olderTitle() throws {
        let url = Self.shared.appendingPathComponent("legacy-encodings/orig/tcvn3__2004-NghiDinh29_1998.doc")
        let header = HeaderParser.parse(try T.process(url.path, [UInt8](try Data(contentsOf: url))))
        #expect(T.field(header, "summary") == #""VỀ VIỆC BAN HÀNH QUY CHẾ THỰC HIỆN DÂN CHỦ Ở XÃ""#)
    }

    @Test("The decree's letterhead and closing in full", .enabled(if: hasShared))
    func decree() throws {
        let url = Self.shared.appendingPathComponent("decree-30-2020/30_2020_ND_CP.docx")
        let header = HeaderParser.parse(try T.process(url.path, [UInt8](try Data(contentsOf: url))))
        #expect(T.field(header, "issuing_body") == #"{"text":"CHÍNH PHỦ","name":"Chính phủ"}"#)
        #expect(T.field(header, "number") == #"{"number":"30/2020/NĐ-CP","type":"NĐ","type_name":"Nghị định"}"#)
        #expect(T.field(header, "place") == #""Hà Nội""#)
        #expect(T.field(header, "date") == #""2020-03-05""#)
        #expect(T.field(header, "summary") == #""Về công tác văn thư""#)
        #expect(T.field(header, "signer") == #"{"name":"Nguyễn Xuân Phúc","title":"THỦ TƯỚNG","on_behalf_of":"CHÍNH PHỦ","authority":"TM"}"#)
        guard case .array(let recipients)? = Self.value(header, "recipients") else { Issue.record("no recipients"); return }
        #expect(recipients.count == 20)
        // A recipient wrapped over two lines of its cell is one.
        #expect(recipients.prefix(4).map(T.json) == [#""Ban Bí thư Trung ương Đảng""#, #""Thủ tướng, các Phó Thủ tướng Chính phủ""#,
                                                     #""Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ""#, #""HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương""#])
        // Chương I … VII with their titles on the line under the label.
        #expect(Self.titles(Self.value(header, "sections")).first == "QUY ĐỊNH CHUNG")
        #expect(Self.outline(Self.value(header, "sections")).hasPrefix("Chương I[Điều 1. Điều 2.[1. 2.]"))
    }
}
