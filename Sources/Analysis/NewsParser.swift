public import DocumentModel

/// Reads a news page: the listing's items and the one full article, from a text copy of the
/// page or from the page itself.
///
/// ```
/// Bộ trưởng Bộ Y tế Đào Hồng Lan tiếp Đại sứ Cu Ba        → item title (the block before the time)
/// Thứ Năm, ngày 10/10/2024 09:09Bộ trưởng … Đại...        → published, and the summary glued to it
///   (a page: the time in its own block, the summary in the next)
/// …
/// Bộ Y tế họp chuẩn bị Dự án Hỗ trợ Kỹ thuật …            → article title
/// 09/12/2023 | 08:28 AM                                   → published
/// Ngày 08/12/2023 tại Hà Nội, …                           → body, one entry per block
/// Tin liên quan                                           → related: the list after it
/// - Tăng cường hợp tác chuyển đổi số trong ngành Y tế
/// ```
///
/// The record: `{"items": [{"title", "published", "summary", "truncated"}], "article": {"title",
/// "published", "body": [...], "related": [...]} or null}`.
///
/// - A time is a date entity with a time of day (`2024-10-10T09:09`) that begins its block;
///   `published` is its value. The block before it is the title.
/// - The summary is the text glued after the time, or else the next block (unless that block
///   is already the next item's title). It is kept as written, whitespace collapsed, with its
///   "..." or "…" when the site cut it; `truncated` says whether it ends so.
/// - The article is the last time block that has no summary glued to it, is followed by more
///   than one block, and whose title is not a heading of the listing's titles' level: its body is
///   every block up to "Tin liên quan" (or "Bài viết liên quan", "Tin cùng chuyên mục", "Tin
///   khác"), and `related` the list items after that heading, as written.
/// - Body entries are blocks as a reader sees them: a bullet without its bullet, a numbered
///   item with its number. Photo captions are paragraphs of the text like any other.
public enum NewsParser {
    /// The news record, or nil when no block begins with a publication time after a title.
    public static func parse(_ document: Document) -> JSONValue? {
        parse(units: AnalysisText.units(document))
    }

    /// The same over the document's units, computed once by the caller.
    static func parse(units: [AnalysisText.Unit]) -> JSONValue? {
        let times: [(unit: Int, date: Entity)] = units.compactMap { unit in
            time(unit).map { (unit.index, $0) }
        }
        let timed = Set(times.map(\.unit))
        var items: [JSONValue] = []
        var article: JSONValue = .null
        var titleLevels: Set<Int> = []
        for (k, (i, date)) in times.enumerated() {
            guard i > 0, !timed.contains(i - 1), let published = AnalysisText.string(date.value) else { continue }
            let unit = units[i]
            let titleUnit = units[i - 1]
            let title = AnalysisText.collapse(titleUnit.text)
            let glued = AnalysisText.collapse(unit.slice(unit.range(of: date).upperBound, unit.scalars.count))
            let level = titleUnit.block.type == .heading ? titleUnit.block.level : nil
            if k == times.count - 1, glued.isEmpty, !(level.map(titleLevels.contains) ?? false) {
                let end = units[(i + 1)...].first(where: isRelatedHeading)?.index ?? units.count
                if end - (i + 1) >= 2 {
                    article = .object([
                        .init("title", .string(title)),
                        .init("published", .string(published)),
                        .init("body", .array(units[(i + 1)..<end].map { .string($0.entry) })),
                        .init("related", .array(related(units, after: end).map { .string($0) })),
                    ])
                    continue
                }
            }
            var summary: String? = glued.isEmpty ? nil : glued
            if summary == nil, i + 1 < units.count, !timed.contains(i + 1), !timed.contains(i + 2), !isRelatedHeading(units[i + 1]) {
                summary = AnalysisText.collapse(units[i + 1].text)
            }
            if let level { titleLevels.insert(level) }
            let truncated = summary.map { $0.hasSuffix("...") || $0.hasSuffix("…") } ?? false
            items.append(.object([
                .init("title", .string(title)),
                .init("published", .string(published)),
                .init("summary", AnalysisText.optional(summary)),
                .init("truncated", .bool(truncated)),
            ]))
        }
        guard !items.isEmpty || article != .null else { return nil }
        return .object([.init("items", .array(items)), .init("article", article)])
    }

    /// The date entity with a time of day that begins the block, if any.
    static func time(_ unit: AnalysisText.Unit) -> Entity? {
        guard let date = unit.entities("date").first, let value = AnalysisText.string(date.value), value.contains("T") else { return nil }
        let start = unit.range(of: date).lowerBound
        guard unit.scalars[0..<max(0, start)].allSatisfy({ $0.properties.isWhitespace }) else { return nil }
        return date
    }

    static let relatedHeadings = ["tin lien quan", "bai viet lien quan", "bai lien quan", "tin cung chuyen muc", "cac tin khac", "tin khac"]

    static func isRelatedHeading(_ unit: AnalysisText.Unit) -> Bool {
        // The headings are a few words; a longer unit is never one (and is not folded).
        guard unit.text.utf8.count <= 64 else { return false }
        return relatedHeadings.contains(AnalysisText.trim(AnalysisText.fold(unit.text), [":"]))
    }

    /// The list items right after the related-news heading, without their bullets.
    static func related(_ units: [AnalysisText.Unit], after heading: Int) -> [String] {
        guard heading < units.count else { return [] }
        var titles: [String] = []
        for unit in units[(heading + 1)...] {
            guard unit.block.type == .listItem else { break }
            titles.append(unit.isBullet ? unit.textAfterLabel : AnalysisText.collapse(unit.text))
        }
        return titles
    }
}
