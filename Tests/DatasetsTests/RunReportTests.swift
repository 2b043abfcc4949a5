import Datasets
import DocumentModel
import Testing

/// The run report: its tallies, and a page that is self-contained, escaped and deterministic.
@Suite("Run report")
struct RunReportTests {
    static func province(_ name: String, _ successor: String?, at start: Int) -> Entity {
        var value: [JSONValue.Member] = [.init("name", .string(name)), .init("country", .string("VN"))]
        value.append(.init("code", successor == nil ? .null : .string("24")))
        value.append(.init("successor", successor.map { .string($0) } ?? .null))
        return Entity(type: "province", text: name, start: start, end: start + 1, value: .object(value))
    }

    static var sample: RunReport {
        var report = RunReport()
        var a = Document(source: Source(path: "a.txt", bytes: 100))
        a.kind = "plan"
        a.metadata = [.init("date", .string("2022-10-10")), .init("budget", .object([.init("amount", .int(1_500_000)), .init("currency", .string("VND"))]))]
        a.entities = [province("Bắc Giang", "Bắc Ninh", at: 0), province("Bắc Giang", "Bắc Ninh", at: 2), province("Bắc Ninh", "Bắc Ninh", at: 4),
                      Entity(type: "partner", text: "EU", start: 6, end: 7, value: .object([.init("id", .string("EU"))])),
                      Entity(type: "money", text: "2 tỷ", start: 8, end: 9, value: .object([.init("amount", .int(2_000_000_000)), .init("currency", .string("VND"))]))]
        report.add(a)
        var b = Document(source: Source(path: "b.html", format: .html, bytes: 50))
        b.kind = "news-listing"
        b.records = [.init("news", .object([.init("items", .array([
            .object([.init("title", .string("<script>alert(1)</script>")), .init("published", .string("2024-10-10T09:09"))]),
            .object([.init("title", .string("x")), .init("published", .string("2019-01-02T08:00"))]),
        ]))]))]
        b.entities = [province("Bắc Giang", "Bắc Ninh", at: 0),
                      Entity(type: "partner", text: "EU", start: 1, end: 2, value: .object([.init("id", .string("EU"))]))]
        b.warnings = [Warning(stage: "read", code: "html-depth", message: "m")]
        report.add(b)
        report.add(DocumentError(.malformed, path: "c & <d>.docx", stage: "read", reason: "truncated ZIP"))
        return report
    }

    @Test("Tallies: mentions and documents, by province, partner, currency and year")
    func tallies() {
        let r = Self.sample
        #expect(r.documents == 2 && r.failed == 1 && r.bytes == 150)
        #expect(r.kinds == ["plan": 1, "news-listing": 1])
        let bacGiang = r.provinces.values.first { $0.name == "Bắc Giang" }
        #expect(bacGiang?.tally.mentions == 3)
        #expect(bacGiang?.tally.documents == 2)
        #expect(bacGiang?.successor == "Bắc Ninh")
        #expect(r.partners["EU"]?.mentions == 2 && r.partners["EU"]?.documents == 2)
        #expect(r.budgets["VND"] == RunReport.Sum(total: 1_500_000, count: 1))
        #expect(r.money["VND"] == RunReport.Sum(total: 2_000_000_000, count: 1))
        #expect(r.timeline[2022]?[.document] == 1)
        #expect(r.timeline[2024]?[.news] == 1 && r.timeline[2019]?[.news] == 1)
        #expect(r.warnings == ["html-depth": 1])
    }

    @Test("The page: no scripts, no outside resources, text escaped, charts as SVG, the same bytes each time")
    func page() {
        let html = RunReportPage.html(Self.sample)
        #expect(html == RunReportPage.html(Self.sample))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src="))
        #expect(!html.contains("https://"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("c &amp; &lt;d&gt;.docx"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 6)
        // Provinces by their 2025 successor: Bắc Giang's three mentions and Bắc Ninh's one.
        #expect(html.contains("Mentions by 2025 province"))
        #expect(html.contains("<title>Bắc Ninh: 4</title>"))
        // The timeline spans 2019 to 2024, years without items included.
        #expect(html.contains(">2020</text>") && html.contains(">2023</text>"))
        #expect(html.contains("1,500,000"))
    }

    @Test("An empty run still gives a whole page")
    func empty() {
        let html = RunReportPage.html(RunReport())
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("No dated items.") && html.contains("Every input was processed."))
    }
}
