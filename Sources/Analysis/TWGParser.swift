public import DocumentModel

/// Reads the directory of technical working groups (Nhóm kỹ thuật, NKT): one record per group,
/// from a real table (HTML, Word) or from the table's text flattened one cell per line.
///
/// The record: `[{"no", "name", "id", "founded", "lead": [...], "partners": [...], "tor"}]`, e.g.
/// `{"no": 1, "name": "NKT về Sức khỏe sinh sản (RHAG)", "id": "RHAG", "founded": "2010-10-01",
/// "lead": ["Vụ Sức khỏe Bà mẹ trẻ em", "Tổng Cục Dân số - Kế hoạch hóa gia đình"],
/// "partners": ["UNFPA"], "tor": "RHAG TOR"}`.
///
/// - `no` is the row's number (`null` when the table has none); `name` the group's name as
///   written; `id` the `twg` entity's id in the name, else in the TOR cell ("LHS TOR" → LHS),
///   else the word before "TOR"; `founded` the date entity's value (ISO at the precision written:
///   "2011" stays "2011"); `tor` the terms-of-reference cell as written. Missing values are null.
/// - `lead` lists the leading departments as written, one per line or per organisation named.
/// - `partners` lists each development partner by its `partner` entity id ("Liên minh Châu Âu" →
///   "EU"), and any other organisation as written ("Bộ NN & PTNT"), in table order.
///
/// A real table is one whose header row names the columns (found by their words, not their
/// place): STT, Tên Nhóm Kỹ Thuật, Ngày thành lập, Vụ Cục Chủ Trì, ĐTPT Đầu Mối, ĐKTC. Without
/// one, the flattened text is read: rows begin with a line holding only the number 1, 2, …
/// followed by a group's name ("NKT về …"); empty cells are simply missing, so each piece of
/// text says what it is by its look: a date, "… TOR", a name, a department (Vụ, Cục, Tổng cục,
/// Viện, …), a partner or another organisation. Several cells on one line are told apart by
/// the entities in it.
public enum TWGParser {
    /// The groups, or nil when the document holds no TWG table.
    public static func parse(_ document: Document) -> JSONValue? {
        parse(units: AnalysisText.units(document))
    }

    /// The same over the document's units, computed once by the caller.
    static func parse(units: [AnalysisText.Unit]) -> JSONValue? {
        var rows = tableRows(units)
        if rows.isEmpty { rows = textRows(units) }
        return rows.isEmpty ? nil : .array(rows.map(\.json))
    }

    struct Row {
        var no: Int?
        var name = ""
        var id: String?
        var founded: String?
        var lead: [String] = []
        var partners: [String] = []
        var tor: String?

        var json: JSONValue {
            .object([
                .init("no", no.map { .int($0) } ?? .null),
                .init("name", .string(name)),
                .init("id", AnalysisText.optional(id)),
                .init("founded", AnalysisText.optional(founded)),
                .init("lead", .array(lead.map { .string($0) })),
                .init("partners", .array(partners.map { .string($0) })),
                .init("tor", AnalysisText.optional(tor)),
            ])
        }
    }

    // MARK: pieces of text

    enum Kind: Int, Comparable {
        case tor, date, name, partner, department, organization, number, other
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    /// A stretch of a line that is one cell's value (or one entry of it).
    struct Piece {
        var kind: Kind
        var text: String
        /// Entities inside the piece.
        var entities: [Entity]
    }

    static let departmentWords = ["vu", "cuc", "tong cuc", "vien", "van phong", "thanh tra", "ban"]
    static let nameWords = ["nkt", "nhom ky thuat", "nhom cong tac"]

    /// The pieces of a block, line by line: each line is cut where an entity (a date, a group, a
    /// partner, an organisation) or a "… TOR" begins, the text between going with the piece
    /// before it.
    static func pieces(_ unit: AnalysisText.Unit) -> [Piece] {
        var out: [Piece] = []
        var lineStart = 0
        while lineStart <= unit.scalars.count {
            let lineEnd = unit.scalars[lineStart...].firstIndex(of: "\n") ?? unit.scalars.count
            out += pieces(unit, lineStart, lineEnd)
            lineStart = lineEnd + 1
        }
        return out
    }

    struct Anchor {
        var kind: Kind
        var range: Range<Int>
    }

    static func pieces(_ unit: AnalysisText.Unit, _ lineStart: Int, _ lineEnd: Int) -> [Piece] {
        var start = lineStart
        while start < lineEnd, unit.scalars[start].properties.isWhitespace { start += 1 }
        guard start < lineEnd else { return [] }
        let torAnchors = tors(unit, start, lineEnd)
        var anchors = torAnchors
        for entity in unit.entities {
            let range = unit.range(of: entity)
            guard range.lowerBound >= start, range.upperBound <= lineEnd,
                  !torAnchors.contains(where: { $0.range.overlaps(range) }) else { continue }
            switch entity.type {
            case "date": anchors.append(Anchor(kind: .date, range: range))
            case "twg": anchors.append(Anchor(kind: .name, range: range))
            case "partner": anchors.append(Anchor(kind: .partner, range: range))
            case "organization":
                let looks = AnalysisText.Unit.startsWord(unit.folded, at: range.lowerBound, departmentWords)
                anchors.append(Anchor(kind: looks ? .department : .organization, range: range))
            default: break
            }
        }
        // A line that begins with a group's name is the name up to the next date or TOR.
        if AnalysisText.Unit.startsWord(unit.folded, at: start, nameWords) {
            let end = anchors.filter { ($0.kind == .date || $0.kind == .tor) && $0.range.lowerBound > start }
                .map(\.range.lowerBound).min() ?? lineEnd
            anchors.append(Anchor(kind: .name, range: start..<end))
        }
        // Longest first where two begin together, then the more telling kind; nested ones go.
        anchors.sort { ($0.range.lowerBound, -$0.range.count, $0.kind) < ($1.range.lowerBound, -$1.range.count, $1.kind) }
        var kept: [Anchor] = []
        for anchor in anchors where kept.last.map({ anchor.range.lowerBound >= $0.range.upperBound }) ?? true {
            kept.append(anchor)
        }
        var bounds: [(Kind?, Int)] = kept.map { ($0.kind, $0.range.lowerBound) }
        if (kept.first?.range.lowerBound ?? lineEnd) > start { bounds.insert((nil, start), at: 0) }
        var out: [Piece] = []
        for (n, (kind, from)) in bounds.enumerated() {
            let to = n + 1 < bounds.count ? bounds[n + 1].1 : lineEnd
            let text = AnalysisText.trim(AnalysisText.collapse(unit.slice(from, to)), [",", ";"])
            guard !text.isEmpty else { continue }
            let inside = unit.entities.filter { unit.range(of: $0).lowerBound >= from && unit.range(of: $0).upperBound <= to }
            out.append(Piece(kind: kind ?? look(text), text: text, entities: inside))
        }
        return out
    }

    /// "RHAG TOR": the word TOR and the code before it.
    static func tors(_ unit: AnalysisText.Unit, _ start: Int, _ end: Int) -> [Anchor] {
        var found: [Anchor] = []
        for at in unit.findAll("tor") where at >= start && at + 3 <= end {
            guard at + 3 == unit.scalars.count || !AnalysisText.isWordScalar(unit.scalars[at + 3]),
                  unit.scalars[at..<(at + 3)].elementsEqual("TOR".unicodeScalars) else { continue }
            var from = at
            var i = at
            while i > start, unit.scalars[i - 1] == " " { i -= 1 }
            var j = i
            while j > start, AnalysisText.isWordScalar(unit.scalars[j - 1]), !unit.scalars[j - 1].properties.isLowercase { j -= 1 }
            if j < i { from = j }
            found.append(Anchor(kind: .tor, range: from..<(at + 3)))
        }
        return found
    }

    /// What a piece without an entity is, by its look.
    static func look(_ text: String) -> Kind {
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return .number }
        let folded = AnalysisText.fold(text)
        if nameWords.contains(where: { folded.hasPrefix($0 + " ") }) { return .name }
        if departmentWords.contains(where: { folded.hasPrefix($0 + " ") }) { return .department }
        return .other
    }

    /// A group's id: the `twg` entity in its name, else in its TOR, else the code before "TOR".
    static func id(name: [Entity], tor: Piece?) -> String? {
        if let id = name.first(where: { $0.type == "twg" }).flatMap({ AnalysisText.id($0.value) }) { return id }
        guard let tor else { return nil }
        if let id = tor.entities.first(where: { $0.type == "twg" }).flatMap({ AnalysisText.id($0.value) }) { return id }
        let words = tor.text.split(separator: " ")
        guard words.count >= 2, words.last == "TOR", let code = words.dropLast().last,
              code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else { return nil }
        return String(code)
    }

    static func partner(_ piece: Piece) -> String {
        if piece.kind == .partner, let id = piece.entities.first(where: { $0.type == "partner" }).flatMap({ AnalysisText.id($0.value) }) {
            return id
        }
        return piece.text
    }

    // MARK: real tables

    enum Role: CaseIterable { case no, name, founded, lead, partners, tor }

    /// The role of a header cell, by its words.
    static func role(_ header: String) -> Role? {
        let folded = AnalysisText.fold(header)
        if ["stt", "tt", "so tt", "so thu tu"].contains(folded) { return .no }
        if folded.contains("thanh lap") { return .founded }
        if folded.contains("chu tri") { return .lead }
        if ["dtpt", "doi tac", "dau moi", "nha tai tro"].contains(where: folded.contains) { return .partners }
        if folded == "tor" || ["dktc", "dieu khoan", "tor "].contains(where: folded.contains) { return .tor }
        if ["ten nhom", "nhom ky thuat", "ten nkt"].contains(where: folded.contains) || folded == "ten" { return .name }
        return nil
    }

    static func tableRows(_ units: [AnalysisText.Unit]) -> [Row] {
        let cells = units.filter { $0.block.type == .tableCell && $0.block.cell != nil }
        let tables = Dictionary(grouping: cells) { $0.block.cell?.table ?? 0 }
        return tables.keys.sorted().flatMap { read(table: tables[$0] ?? []) }
    }

    static func read(table cells: [AnalysisText.Unit]) -> [Row] {
        // The cells covering each row (a cell merged down covers the rows below it too).
        var byRow: [Int: [AnalysisText.Unit]] = [:]
        for unit in cells {
            guard let c = unit.block.cell else { continue }
            for row in c.row..<(c.row + min(max(c.rowSpan, 1), 1000)) { byRow[row, default: []].append(unit) }
        }
        let rowNumbers = byRow.keys.sorted()
        // The header row: the first that names the group column and two others.
        var columns: [Role: Int] = [:]
        var headerRow: Int?
        for row in rowNumbers {
            var found: [Role: Int] = [:]
            for unit in byRow[row] ?? [] where unit.block.cell?.row == row {
                if let role = role(unit.text), found[role] == nil, let column = unit.block.cell?.column { found[role] = column }
            }
            if found[.name] != nil && found.count >= 3 {
                columns = found
                headerRow = row
                break
            }
        }
        guard let headerRow else { return [] }
        func cell(_ row: Int, _ role: Role) -> [AnalysisText.Unit] {
            guard let column = columns[role] else { return [] }
            return (byRow[row] ?? []).filter {
                guard let c = $0.block.cell else { return false }
                return column >= c.column && column < c.column + max(c.columnSpan, 1)
            }
        }
        func text(_ units: [AnalysisText.Unit]) -> String {
            AnalysisText.collapse(units.map(\.text).joined(separator: " "))
        }
        var rows: [Row] = []
        for row in rowNumbers where row > headerRow {
            let nameCells = cell(row, .name)
            let name = text(nameCells)
            guard !name.isEmpty else { continue }
            var record = Row()
            record.no = Int(text(cell(row, .no)).prefix { $0.isASCII && $0.isNumber })
            record.name = name
            let torCells = cell(row, .tor)
            let tor = text(torCells)
            record.tor = tor.isEmpty ? nil : tor
            let torPiece = torCells.isEmpty ? nil : Piece(kind: .tor, text: tor, entities: torCells.flatMap(\.entities))
            record.id = id(name: nameCells.flatMap(\.entities), tor: torPiece)
            let foundedCells = cell(row, .founded)
            record.founded = foundedCells.flatMap { $0.entities("date") }.first.flatMap { AnalysisText.string($0.value) }
                ?? year(text(foundedCells))
            record.lead = cell(row, .lead).flatMap(pieces).map(\.text)
            record.partners = cell(row, .partners).flatMap(pieces).map(partner)
            rows.append(record)
        }
        return rows
    }

    /// A year written alone ("2011"), when no date entity covers it.
    static func year(_ text: String) -> String? {
        text.count == 4 && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? text : nil
    }

    // MARK: flattened text

    /// Whether the unit holds only the row number `n` and the next unit begins with a name.
    static func startsRow(_ units: [AnalysisText.Unit], _ i: Int, _ n: Int) -> Bool {
        guard i + 1 < units.count, AnalysisText.collapse(units[i].text) == String(n) else { return false }
        return pieces(units[i + 1]).first?.kind == .name
    }

    /// A unit that cannot be part of the table: a heading, or a paragraph of many words.
    static func endsTable(_ unit: AnalysisText.Unit) -> Bool {
        unit.block.type == .heading || unit.block.type == .listItem || AnalysisText.collapse(unit.text).split(separator: " ").count > 24
    }

    static func textRows(_ units: [AnalysisText.Unit]) -> [Row] {
        guard let first = units.indices.first(where: { startsRow(units, $0, 1) }) else { return [] }
        var rows: [Row] = []
        var n = 1
        var i = first
        while i < units.count {
            // The row's blocks: up to the next number, or the end of the table.
            var j = i + 1
            var pieces: [Piece] = []
            var next: Int?
            while j < units.count {
                if startsRow(units, j, n + 1) { next = j; break }
                if endsTable(units[j]) { break }
                let more = self.pieces(units[j])
                // After the TOR, or at a piece that is no cell, the last row is over.
                if pieces.contains(where: { $0.kind == .tor }) { break }
                if more.contains(where: { $0.kind == .other }) && pieces.contains(where: { [.date, .department, .partner].contains($0.kind) })
                    && !units[(j + 1)...].prefix(8).contains(where: { startsRow(units, $0.index, n + 1) }) { break }
                pieces += more
                j += 1
            }
            rows.append(row(n, pieces))
            guard let next else { break }
            n += 1
            i = next
        }
        return rows
    }

    /// A row from its pieces, each placed by what it is; text that is none of the cells goes
    /// with the name before the later cells begin, and among the partners after.
    static func row(_ n: Int, _ pieces: [Piece]) -> Row {
        var record = Row()
        record.no = n
        var nameEntities: [Entity] = []
        var torPiece: Piece?
        var pastName = false
        for piece in pieces {
            switch piece.kind {
            case .name where !pastName:
                record.name = record.name.isEmpty ? piece.text : record.name + " " + piece.text
                nameEntities += piece.entities
            case .other where !pastName && !record.name.isEmpty:
                record.name += " " + piece.text
            case .date where record.founded == nil:
                record.founded = piece.entities.first { $0.type == "date" }.flatMap { AnalysisText.string($0.value) }
                pastName = true
            case .tor:
                record.tor = piece.text
                torPiece = piece
                pastName = true
            case .department:
                record.lead.append(piece.text)
                pastName = true
            case .partner, .organization, .other, .name:
                record.partners.append(partner(piece))
                pastName = true
            case .number, .date:
                pastName = true
            }
        }
        record.id = id(name: nameEntities, tor: torPiece)
        return record
    }
}
