public import DocumentModel
import VietnameseText

/// What kind of document this is, by rules over its structure and vocabulary (never its file
/// name or format), tried in this order; the first that holds decides, and the rule string says
/// which and on what evidence:
///
/// 1. **Administrative header with a type** (`HeaderParser`): the type code of the number
///    ("123/KH-SYT" → KH), else the type line ("QUYẾT ĐỊNH"), else a number without a type code
///    with a "V/v" summary or "Kính gửi" (a công văn), gives the kind through
///    `Resources/document_types.csv`: KH, CTr, PA, ĐA, DA → plan; QĐ, NQ → decision; BC → report;
///    công văn → official-letter; the other types (Thông báo, Tờ trình, Luật, …) → other.
/// 2. **Questionnaire**: at least two numbered items that ask (contain "?") and, in the opening
///    lines, "câu hỏi" or a province heading in capitals ("TỈNH CAO BẰNG").
/// 3. **News listing**: at least three dates with a time of day ("Thứ Năm, ngày 10/10/2024
///    09:09"), one per item. A page that lists news and then shows one article is a listing.
/// 4. **TWG directory**: at least three technical working groups named as such ("NKT về …",
///    "Nhóm kỹ thuật …", Entities' twg type), "thành lập" (founded) and at least three dates.
/// 5. **News article**: a timestamp near the top (a date with a time, or a line that is only a
///    date, in the first six lines) and at least three paragraphs; or a "Tin liên quan" (related
///    news) line with a date before it.
/// 6. **Programme brief**: "chương trình" or "dự án" at least twice, a development partner and
///    an amount of money.
/// 7. **Other**: none of these.
///
/// A document with an administrative header but no type it names is tried against rules 2 and 4
/// only (an official document is no news page and no brief), then is other.
public enum KindClassifier {
    public static func classify(_ document: Document, header: [JSONValue.Member]) -> (DocumentKind, rule: String) {
        classify(document, header: header, types: HeaderDocumentTypes.standard)
    }

    static func classify(_ document: Document, header: [JSONValue.Member], types: HeaderDocumentTypes) -> (DocumentKind, rule: String) {
        if let decided = KindRules.header(header, types) { return decided }
        return classify(HeaderDocument(document), header: header, types: types)
    }

    /// Over lines already cut (`Analyzer` shares them with `HeaderParser`).
    static func classify(_ doc: HeaderDocument, header: [JSONValue.Member], types: HeaderDocumentTypes) -> (DocumentKind, rule: String) {
        if let decided = KindRules.header(header, types) { return decided }
        if !header.isEmpty {
            // An official document is no web page: only the rules for forms and directories apply.
            for rule in [KindRules.questionnaire, KindRules.twgDirectory] {
                if let decided = rule(doc) { return decided }
            }
            return (.other, "administrative header without a document type")
        }
        for rule in [KindRules.questionnaire, KindRules.newsListing, KindRules.twgDirectory, KindRules.newsArticle, KindRules.programmeBrief] {
            if let decided = rule(doc) { return decided }
        }
        return (.other, "no rule matched")
    }
}

/// The rules `KindClassifier` tries, one function each.
enum KindRules {
    static func member(_ header: [JSONValue.Member], _ key: String) -> JSONValue? {
        header.first { $0.key == key }?.value
    }

    static func string(_ value: JSONValue?, _ key: String) -> String? {
        guard case .object(let members)? = value, case .string(let s)? = members.first(where: { $0.key == key })?.value else { return nil }
        return s
    }

    // MARK: 1. administrative header

    static func header(_ header: [JSONValue.Member], _ types: HeaderDocumentTypes) -> (DocumentKind, rule: String)? {
        guard !header.isEmpty else { return nil }
        let numberValue = member(header, "number")
        let number = string(numberValue, "number")
        var evidence: String
        let row: HeaderDocumentTypes.Row
        if let code = string(numberValue, "type"), let found = types.type(code: code), let number {
            row = found
            evidence = "number \(number) has type code \(found.code) (\(found.name))"
        } else if case .string(let name)? = member(header, "document_type"), let found = types.type(name: name) {
            row = found
            if found.kind == .officialLetter, let number {
                let summary: String
                if case .string(let s)? = member(header, "summary"), Folding.fold(s).hasPrefix("v/v") {
                    summary = "a V/v summary"
                } else {
                    summary = "Kính gửi addressees"
                }
                evidence = "number \(number) without a type code and \(summary): công văn"
            } else {
                evidence = "type line \(found.name)"
            }
        } else {
            return nil
        }
        if row.kind == .other {
            evidence += ", a type vndoc does not tell apart"
        }
        return (row.kind, "administrative header: " + evidence)
    }

    // MARK: 2. questionnaire

    static func questionnaire(_ doc: HeaderDocument) -> (DocumentKind, rule: String)? {
        let blocks = doc.document.blocks
        var questions = 0
        for block in blocks where block.part == nil && (block.type == .listItem || block.type == .heading) {
            guard let label = block.label, let kind = HeaderSections.kind(label), kind != HeaderSections.bulletRank else { continue }
            if doc.document.slice(block.start, block.end).unicodeScalars.contains("?") { questions += 1 }
        }
        guard questions >= 2 else { return nil }
        let opening = doc.lines.prefix(8)
        if opening.contains(where: { $0.piece.find("cau hoi") != nil }) {
            return (.questionnaire, "questionnaire: \(questions) numbered items ask questions (\"?\") and the opening lines say \"câu hỏi\"")
        }
        if let heading = opening.first(where: { isProvinceHeading($0.piece) }) {
            return (.questionnaire, "questionnaire: \(questions) numbered items ask questions (\"?\") under the province heading \(heading.piece.text)")
        }
        return nil
    }

    /// "TỈNH CAO BẰNG", "THÀNH PHỐ HÀ NỘI": a province's name in capitals, alone on its line.
    static func isProvinceHeading(_ piece: HeaderPiece) -> Bool {
        guard piece.isAllCaps, piece.starts(with: "tinh") || piece.starts(with: "thanh pho"), piece.scalars.count <= 40 else { return false }
        return true
    }

    // MARK: 3. news listing

    /// Dates with a time of day ("2024-10-10T09:09").
    static func timestamps(_ doc: HeaderDocument) -> [Entity] {
        doc.entities.filter { entity in
            guard entity.type == "date", case .string(let value) = entity.value else { return false }
            return value.contains("T")
        }
    }

    static func newsListing(_ doc: HeaderDocument) -> (DocumentKind, rule: String)? {
        let stamps = timestamps(doc)
        guard stamps.count >= 3 else { return nil }
        return (.newsListing, "news listing: \(stamps.count) items dated with a time of day (\"\(stamps[0].text)\")")
    }

    // MARK: 4. TWG directory

    static func twgDirectory(_ doc: HeaderDocument) -> (DocumentKind, rule: String)? {
        var ids: [String] = []
        for entity in doc.entities where entity.type == "twg" {
            let folded = Folding.fold(entity.text)
            guard folded.hasPrefix("nkt") || folded.hasPrefix("nhom ky thuat"), case .object(let members) = entity.value,
                  case .string(let id)? = members.first(where: { $0.key == "id" })?.value, !ids.contains(id) else { continue }
            ids.append(id)
        }
        guard ids.count >= 3 else { return nil }
        let dates = doc.entities.filter { $0.type == "date" }.count
        guard dates >= 3, doc.lines.contains(where: { $0.piece.find("thanh lap") != nil }) else { return nil }
        return (.twgDirectory, "TWG directory: \(ids.count) technical working groups named (\(ids.prefix(3).joined(separator: ", "))…) with founding dates")
    }

    // MARK: 5. news article

    static func newsArticle(_ doc: HeaderDocument) -> (DocumentKind, rule: String)? {
        let lines = doc.lines
        let opening = lines.prefix(6)
        var stamp: (line: Int, text: String)? = nil
        for (k, line) in opening.enumerated() {
            let dates = doc.entities("date", in: line.piece)
            if let timed = dates.first(where: { if case .string(let v) = $0.value { return v.contains("T") } else { return false } }) {
                stamp = (k, timed.text)
                break
            }
            // A line that is only a date ("Ngày đăng: 10/10/2024").
            if let date = dates.first, (date.end - date.start) * 2 >= line.piece.scalars.count, line.piece.scalars.count <= 40 {
                stamp = (k, date.text)
                break
            }
        }
        if let stamp {
            let paragraphs = doc.document.blocks.filter { $0.part == nil && $0.type == .paragraph && $0.start >= lines[stamp.line].piece.end }.count
            if paragraphs >= 3 {
                return (.newsArticle, "news article: a title, the timestamp \"\(stamp.text)\" near the top and \(paragraphs) paragraphs")
            }
        }
        if let related = lines.firstIndex(where: { $0.piece.folded.count <= 20 && $0.piece.starts(with: "tin lien quan") }),
           doc.entities.contains(where: { $0.type == "date" && $0.end <= lines[related].piece.start }) {
            return (.newsArticle, "news article: a dated text followed by \"Tin liên quan\" (related news)")
        }
        return nil
    }

    // MARK: 6. programme brief

    static func programmeBrief(_ doc: HeaderDocument) -> (DocumentKind, rule: String)? {
        var mentions = 0
        for line in doc.lines {
            for phrase in ["chuong trinh", "du an"] {
                var from = 0
                while let at = line.piece.find(phrase, from: from) { mentions += 1; from = at + 1 }
            }
        }
        var partners: [String] = []
        for entity in doc.entities where entity.type == "partner" {
            if case .object(let members) = entity.value, case .string(let id)? = members.first(where: { $0.key == "id" })?.value,
               !partners.contains(id) {
                partners.append(id)
            }
        }
        let money = doc.entities.filter { $0.type == "money" }
        guard mentions >= 2, !partners.isEmpty, let amount = money.first else { return nil }
        return (.programmeBrief, "programme brief: no administrative header; \"chương trình\"/\"dự án\" \(mentions) times, partners \(partners.prefix(3).joined(separator: ", ")), money \"\(amount.text)\"")
    }
}
