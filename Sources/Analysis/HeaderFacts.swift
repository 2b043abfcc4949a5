import DocumentModel

/// The budget and the period of a plan, from the sentences that state them.
enum HeaderFacts {
    /// The total budget: the first money entity after "tổng kinh phí" on a line, else after
    /// "kinh phí" (on the same line, or on the next when the line is a heading or ends in ":").
    /// The entity's value: `{"amount", "currency"}`.
    static func budget(_ doc: HeaderDocument, lines range: Range<Int>) -> JSONValue? {
        for phrase in ["tong kinh phi", "tong so kinh phi", "kinh phi"] {
            if let value = first(doc, lines: range, after: phrase, types: ["money"]) { return value.value }
        }
        return nil
    }

    /// The period of implementation: a period entity after "thời gian thực hiện" (or "thời gian
    /// triển khai") on a line or the next, `{"start", "end"}`; a single date there is a period of
    /// that one date. Else a period in the summary ("… giai đoạn 2021-2025").
    static func period(_ doc: HeaderDocument, lines range: Range<Int>, summary: Range<Int>?) -> JSONValue? {
        for phrase in ["thoi gian thuc hien", "thoi gian trien khai"] {
            if let found = first(doc, lines: range, after: phrase, types: ["period", "date"]) {
                if found.type == "period" { return found.value }
                return .object([.init("start", found.value), .init("end", found.value)])
            }
        }
        if let summary, let period = doc.entities("period", in: summary.lowerBound, summary.upperBound).first { return period.value }
        return nil
    }

    /// The first entity of one of `types` after `phrase` on a line of `range`, or on the line
    /// after when the phrase's line has none and ends in ":" or is a heading.
    static func first(_ doc: HeaderDocument, lines range: Range<Int>, after phrase: String, types: [String]) -> Entity? {
        let lines = doc.lines
        for k in range {
            let piece = lines[k].piece
            guard let at = piece.find(phrase) else { continue }
            let from = piece.start + at
            if let entity = entity(doc, types, from: from, to: piece.end) { return entity }
            let block = doc.block(of: lines[k])
            if (piece.scalars.last == ":" || block.type == .heading) && k + 1 < range.upperBound {
                let next = lines[k + 1].piece
                if let entity = entity(doc, types, from: next.start, to: next.end) { return entity }
            }
        }
        return nil
    }

    private static func entity(_ doc: HeaderDocument, _ types: [String], from: Int, to: Int) -> Entity? {
        types.compactMap { doc.entities($0, in: from, to).first }.min { $0.start < $1.start }
    }
}
