import Analysis
import DocumentModel
import Foundation
import Testing

/// The kind of a document, by rules over structure and vocabulary: every Corpus document in
/// each of its formats, and documents written here.
@Suite("Document kind")
struct KindClassifierTests {
    typealias T = HeaderTesting

    static func classify(_ document: Document) -> (DocumentKind, rule: String) {
        KindClassifier.classify(document, header: HeaderParser.parse(document))
    }

    @Test("Corpus documents, whatever their format", arguments: [
        ("Corpus/plans/bac-giang-123-kh-syt-2022.txt", DocumentKind.plan, "administrative header: number 123/KH-SYT has type code KH (Kế hoạch)"),
        ("Corpus/plans/bac-giang-123-kh-syt-2022-tcvn3.txt", .plan, "administrative header: number 123/KH-SYT has type code KH (Kế hoạch)"),
        ("Corpus/plans/bac-giang-123-kh-syt-2022-vntime.docx", .plan, "administrative header: number 123/KH-SYT has type code KH (Kế hoạch)"),
        ("Corpus/decisions/binh-phuoc-991-qd-ubnd-2008.doc", .decision, "administrative header: number 991/QĐ-UBND has type code QĐ (Quyết định)"),
        ("Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt", .questionnaire,
         #"questionnaire: 3 numbered items ask questions ("?") and the opening lines say "câu hỏi""#),
        ("Corpus/questionnaires/cao-bang-hpg-2016-11-15-answers.docx", .questionnaire,
         #"questionnaire: 3 numbered items ask questions ("?") and the opening lines say "câu hỏi""#),
        // A listing followed by one article: a listing (it has at least three dated items).
        ("Corpus/news/moh-leadership-news-2024-10.txt", .newsListing, #"news listing: 21 items dated with a time of day ("Thứ Năm, ngày 10/10/2024 09:09")"#),
        ("Corpus/news/moh-leadership-news-2024-10-page.html", .newsListing, #"news listing: 21 items dated with a time of day ("Thứ Năm, ngày 10/10/2024 09:09")"#),
        ("Corpus/twg/technical-working-groups.txt", .twgDirectory, "TWG directory: 10 technical working groups named (RHAG, HEMG, HRH…) with founding dates"),
        ("Corpus/twg/technical-working-groups-page.html", .twgDirectory, "TWG directory: 10 technical working groups named (RHAG, HEMG, HRH…) with founding dates"),
        ("Corpus/programmes/health-sector-policy-support-phase-2.txt", .programmeBrief,
         #"programme brief: no administrative header; "chương trình"/"dự án" 11 times, partners EU, WB, money "100 triệu Euro""#),
        ("Corpus/programmes/health-sector-policy-support-phase-2-windows-1258.html", .programmeBrief,
         #"programme brief: no administrative header; "chương trình"/"dự án" 12 times, partners EU, WB, money "100 triệu Euro""#),
    ])
    func corpus(_ path: String, _ kind: DocumentKind, _ rule: String) throws {
        let result = Self.classify(try T.corpus(path))
        #expect(result.0 == kind)
        #expect(result.rule == rule)
    }

    @Test("The article after the Corpus listing, on its own, is a news article")
    func articleFromCorpus() throws {
        let listing = try T.corpus("Corpus/news/moh-leadership-news-2024-10.txt")
        let marker = "Xuất bản thông tin\n"
        let range = try #require(listing.text.range(of: marker))
        let article = try T.text(String(listing.text[range.upperBound...]))
        let result = Self.classify(article)
        #expect(result.0 == .newsArticle)
        #expect(result.rule.hasPrefix(#"news article: a title, the timestamp "09/12/2023 | 08:28 AM" near the top and "#))
    }

    @Test("Documents written here", arguments: [
        ("cong-van.txt", DocumentKind.officialLetter, "administrative header: number 1520/SYT-NVY without a type code and a V/v summary: công văn"),
        ("bao-cao.txt", .report, "administrative header: number 245/BC-KCB has type code BC (Báo cáo)"),
        ("quyet-dinh.docx", .decision, "administrative header: number 1234/QĐ-UBND has type code QĐ (Quyết định)"),
        ("thong-bao.txt", .other, "administrative header: number 88/TB-SYT has type code TB (Thông báo), a type vndoc does not tell apart"),
        ("bai-viet.html", .newsArticle, #"news article: a title, the timestamp "Thứ Ba, ngày 16/04/2024 10:30" near the top and 3 paragraphs"#),
        ("tin-tuc.html", .newsListing, #"news listing: 3 items dated with a time of day ("Thứ Hai, ngày 02/12/2024 08:15")"#),
        ("thu.txt", .other, "no rule matched"),
    ])
    func written(_ name: String, _ kind: DocumentKind, _ rule: String) throws {
        let bytes: [UInt8] = switch name {
        case "cong-van.txt": Array(HeaderSamples.officialLetter.utf8)
        case "bao-cao.txt": Array(HeaderSamples.report.utf8)
        case "quyet-dinh.docx": HeaderSamples.decisionDocx
        case "thong-bao.txt": Array(HeaderSamples.notice.utf8)
        case "bai-viet.html": HeaderSamples.newsArticlePage
        case "tin-tuc.html": HeaderSamples.newsListingPage
        default: Array(HeaderSamples.note.utf8)
        }
        let result = Self.classify(try T.process(name, bytes))
        #expect(result.0 == kind)
        #expect(result.rule == rule)
    }

    @Test("A type line decides when the number has no code; a công văn is known by Kính gửi too", arguments: [
        ("SỞ Y TẾ\nSố: 15/SYT\nHà Nội, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\nTiêm chủng mở rộng", DocumentKind.plan, "administrative header: type line Kế hoạch"),
        ("SỞ Y TẾ\nSố: 15/SYT-VP\nHà Nội, ngày 01 tháng 02 năm 2024\nKính gửi: Các bệnh viện trong tỉnh\nSở Y tế đề nghị các đơn vị báo cáo.",
         .officialLetter, "administrative header: number 15/SYT-VP without a type code and Kính gửi addressees: công văn"),
        ("SỞ Y TẾ\nHà Nội, ngày 01 tháng 02 năm 2024\nNội dung.", .other, "administrative header without a document type"),
    ])
    func headerRules(_ text: String, _ kind: DocumentKind, _ rule: String) throws {
        let result = Self.classify(try T.text(text))
        #expect(result.0 == kind)
        #expect(result.rule == rule)
    }

    @Test("A question list needs questions and the word or the province heading; two questions in a plan do not make it one")
    func questionnaireEvidence() throws {
        let questions = "1. Tỉnh đã tham gia những nhóm kỹ thuật nào?\n- Nhóm Dược.\n2. Khó khăn chính là gì?\n- Thiếu kinh phí."
        let withHeading = Self.classify(try T.text("TỈNH LẠNG SƠN\nÝ kiến của tỉnh\n" + questions))
        #expect(withHeading.0 == .questionnaire)
        #expect(withHeading.rule == #"questionnaire: 2 numbered items ask questions ("?") under the province heading TỈNH LẠNG SƠN"#)
        #expect(Self.classify(try T.text("Ý kiến của tỉnh\n" + questions)).0 == .other)
    }
}
