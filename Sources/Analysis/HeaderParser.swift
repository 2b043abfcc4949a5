public import DocumentModel

/// The administrative header of a Vietnamese official document (the layout of Decree
/// 30/2020/NĐ-CP, Appendix I), read from the blocks and entities after the `entities` stage.
///
/// Members, in this order and only those found (an empty list when the document has no number,
/// no place and date and no national motto near its top: then it is no official document):
///
/// | key | value | example |
/// |---|---|---|
/// | `issuing_body` | `{"text", "name"}`: the lines in capitals as written, and the name in normal case | `{"text": "SỞ Y TẾ", "name": "Sở Y tế"}` |
/// | `parent_body` | the same, for the body above the issuer (the line above it) | `{"text": "UBND TỈNH BẮC GIANG", "name": "Ủy ban nhân dân tỉnh Bắc Giang"}` |
/// | `number` | `{"number", "type", "type_name"}`: number and symbol without spaces; the type code and its name (Appendix III), null when the symbol has no known code (a công văn's "123/SYT-KHTC") | `{"number": "123/KH-SYT", "type": "KH", "type_name": "Kế hoạch"}` |
/// | `place` | the place before ", ngày" | `"Bắc Giang"` |
/// | `date` | ISO 8601 | `"2022-10-10"` |
/// | `document_type` | the type's name: from the type line ("KẾ HOẠCH"), else from the number's code; "Công văn" for a number without a type code and a "V/v" summary or "Kính gửi" | `"Kế hoạch"` |
/// | `summary` | the trích yếu: the line after the type line (with the lines that go on with it in lowercase), or a công văn's "V/v …" line as written | `"Triển khai thực hiện Kế hoạch số 481/KH-UBND …"` |
/// | `addressees` | a công văn's "Kính gửi:" addressees, without dashes and closing ";" or "." | `["Sở Y tế các tỉnh"]` |
/// | `sections` | the tree of headings and numbered items (see `HeaderSections`) | `[{"label": "I.", "title": "MỤC ĐÍCH, YÊU CẦU", "children": [...]}]` |
/// | `recipients` | the lines under "Nơi nhận:", without dashes and closing ";" or "."; the filing line "Lưu: …" left out | `["UBND tỉnh (b/c)", "Sở Ngoại vụ (Phối hợp)"]` |
/// | `signer` | `{"name", "title", "on_behalf_of", "authority"}` (+ `"collective"`): see below | |
/// | `budget` | the total: `{"amount", "currency"}` of the money after "tổng kinh phí" / "kinh phí" | `{"amount": 1766925000, "currency": "VND"}` |
/// | `period` | `{"start", "end"}` of the period after "thời gian thực hiện", else in the summary | `{"start": "2023", "end": "2025"}` |
///
/// The signer: `name` as the person entity has it (a name in capitals in normal case); `title`
/// the signer's own position as written ("PHÓ GIÁM ĐỐC"); `authority` the code of the prefix
/// (Appendix I §II.7.b: TM = thay mặt, on behalf of a collective body; Q = quyền, acting; KT =
/// ký thay, a deputy signing for the head; TL = thừa lệnh, by order; TUQ = thừa ủy quyền, by
/// delegation) and `on_behalf_of` what follows it ("KT. GIÁM ĐỐC" → KT, "GIÁM ĐỐC"), both null
/// when the head signs in person; `collective` the body of a "TM." line above a deputy's
/// authority ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). Emphasis marks around lines
/// ("**KT. GIÁM ĐỐC") and signing notes ("(Đã ký)", "Đã ký:") are ignored.
///
/// The layout is read in text order, so a letterhead as a two-column table, as text with its
/// columns flattened onto one line, or as one column gives the same fields.
public enum HeaderParser {
    public static func parse(_ document: Document) -> [JSONValue.Member] {
        parse(document, types: HeaderDocumentTypes.standard)
    }

    static func parse(_ document: Document, types: HeaderDocumentTypes) -> [JSONValue.Member] {
        parse(HeaderDocument(document), types: types)
    }

    /// Over lines already cut (`Analyzer` shares them with `KindClassifier`).
    static func parse(_ doc: HeaderDocument, types: HeaderDocumentTypes) -> [JSONValue.Member] {
        let head = HeaderLetterhead.read(doc, types: types)
        guard head.anchored else { return [] }
        var members: [JSONValue.Member] = []

        let bodies = HeaderNames.bodies(head.issuerLines)
        if let issuer = bodies.last { members.append(.init("issuing_body", HeaderNames.value(issuer, doc))) }
        if bodies.count >= 2 { members.append(.init("parent_body", HeaderNames.value(bodies[bodies.count - 2], doc))) }

        let codeType = head.number.flatMap { HeaderLetterhead.typeCode($0, types) }
        if let number = head.number {
            members.append(.init("number", .object([
                .init("number", .string(number)),
                .init("type", codeType.map { .string($0.code) } ?? .null),
                .init("type_name", codeType.map { .string($0.name) } ?? .null),
            ])))
        }
        if let place = head.place { members.append(.init("place", .string(place))) }
        if let date = head.date { members.append(.init("date", .string(date))) }
        var type = head.typeLine ?? codeType
        if type == nil, head.number != nil, head.summaryIsSubject || !head.addressees.isEmpty {
            type = types.rows.first { $0.kind == .officialLetter }
        }
        if let type { members.append(.init("document_type", .string(type.name))) }
        if let summary = head.summary { members.append(.init("summary", .string(summary))) }
        if !head.addressees.isEmpty { members.append(.init("addressees", .array(head.addressees.map(JSONValue.string)))) }

        // The closing: recipients and signature, after the header.
        let lines = doc.lines
        let recipientsAt = HeaderClosing.recipientsLine(doc, from: head.endLine)
        var closingStart = lines.count
        var recipients: [String] = []
        if let r = recipientsAt {
            recipients = HeaderClosing.recipients(doc, at: r).names
            closingStart = r
        }
        // The signature block stands beside or after "Nơi nhận" (15 lines before it to 40 after),
        // or, without recipients, in the last 30 lines.
        let signatureFloor = max(head.endLine, min(recipientsAt.map { $0 - 15 } ?? lines.count, lines.count - 30))
        let signatureEnd = recipientsAt.map { min(lines.count, $0 + 40) } ?? lines.count
        let signer = signatureFloor < signatureEnd ? HeaderClosing.signer(doc, in: signatureFloor..<signatureEnd) : nil
        if let signer { closingStart = min(closingStart, signer.start) }

        let bodyEnd = closingStart < lines.count ? lines[closingStart].piece.start : doc.document.scalarCount
        let sections = HeaderSections.tree(doc, from: head.end, to: bodyEnd)
        if !sections.isEmpty { members.append(.init("sections", .array(sections))) }
        if !recipients.isEmpty { members.append(.init("recipients", .array(recipients.map(JSONValue.string)))) }
        if let signer { members.append(.init("signer", signer.0.json)) }

        let body = head.endLine..<max(head.endLine, closingStart)
        if let budget = HeaderFacts.budget(doc, lines: body) { members.append(.init("budget", budget)) }
        if let period = HeaderFacts.period(doc, lines: body, summary: head.summarySpan) { members.append(.init("period", period)) }
        return members
    }
}
