public import DocumentModel
import Emit

/// A document's rows in every table of `DatasetTable.all`, taken from its JSON fields
/// (`metadata`, `entities` and the `questionnaire`, `news` and `twgs` records).
public struct DocumentRows: Sendable, Equatable {
    public var document: [Cell]
    public var entities: [[Cell]]
    public var questionnaireAnswers: [[Cell]]
    public var news: [[Cell]]
    public var twgs: [[Cell]]

    /// Rows in the order of `DatasetTable.all`, paired with their table.
    public var byTable: [(table: DatasetTable, rows: [[Cell]])] {
        [(.documents, [document]), (.entities, entities), (.questionnaireAnswers, questionnaireAnswers), (.news, news), (.twgs, twgs)]
    }

    /// `pipeline`: the fingerprint of what produced the document (the `documents.pipeline` column).
    public init(_ d: Document, pipeline: String = "") {
        let key = Cell.text(d.source.path)
        let metadata = JSONValue.object(d.metadata)
        let records = JSONValue.object(d.records)
        let questionnaire = records["questionnaire"]
        let province = questionnaire?["province"]

        let number = metadata["number"]
        let signer = metadata["signer"]
        let budget = metadata["budget"]
        let period = metadata["period"]
        document = [
            key, .text(d.source.format.rawValue), Cell(d.source.encoding), .integer(d.source.bytes), .text(d.source.sha256),
            Cell(d.kind), Cell(d.kindRule), Cell(metadata["title"]),
            Cell(metadata["issuing_body"].map(Self.body)), Cell(metadata["parent_body"].map(Self.body)),
            Cell(number?["number"]), Cell(number?["type"]), Cell(number?["type_name"]),
            Cell(metadata["document_type"]), Cell(metadata["place"]), Cell(metadata["date"]), Cell(metadata["summary"]),
            Cell(signer?["name"]), Cell(signer?["title"]), Cell(signer?["on_behalf_of"]), Cell(signer?["authority"]),
            Cell(budget?["amount"]), Cell(budget?["currency"]), Cell(period?["start"]), Cell(period?["end"]),
            Cell(province?["name"]), Cell(province?["successor"]),
            .integer(d.entities.count), .integer(d.warnings.count), .text(pipeline),
        ]

        entities = d.entities.map { e in
            let v = e.value
            return [
                key, .text(e.type), .text(e.text), .integer(e.start), .integer(e.end),
                .text(Self.canonical(v)),
                Cell(v["id"]), Cell(v["name"]), Cell(v["title"]), Cell(v["code"]), Cell(v["country"]),
                Cell(v["successor"]), Cell(v["start"]), Cell(v["end"]), Cell(v["amount"]),
                Cell(v["currency"]), .text(Self.json(v)), Cell(e.rule),
            ]
        }

        var answers: [[Cell]] = []
        if let questionnaire {
            let head: [Cell] = [key, Cell(province?["name"]), Cell(province?["successor"]), Cell(questionnaire["meeting_date"])]
            for item in questionnaire["items"]?.elements ?? [] {
                let itemCells = head + [Cell(item["id"]), Cell(item["question"])]
                let given = item["answers"]?.elements ?? []
                if given.isEmpty { answers.append(itemCells + [.null, .null]) }
                for (n, answer) in given.enumerated() { answers.append(itemCells + [.integer(n + 1), Cell(answer)]) }
            }
        }
        questionnaireAnswers = answers

        var newsRows: [[Cell]] = []
        if let record = records["news"] {
            for (n, item) in (record["items"]?.elements ?? []).enumerated() {
                newsRows.append([key, .text("item"), .integer(n + 1), Cell(item["title"]), Cell(item["published"]),
                                 Cell(item["summary"]), Cell(item["truncated"]), .null, .null])
            }
            if let article = record["article"], article != .null {
                newsRows.append([key, .text("article"), .null, Cell(article["title"]), Cell(article["published"]), .null, .null,
                                 Self.joined(article["body"], "\n\n"), Self.joined(article["related"], "\n")])
            }
        }
        news = newsRows

        twgs = (records["twgs"]?.elements ?? []).map { group in
            [key, Cell(group["no"]), Cell(group["name"]), Cell(group["id"]), Cell(group["founded"]),
             Self.joined(group["lead"], DatasetTable.listSeparator), Self.joined(group["partners"], DatasetTable.listSeparator),
             Cell(group["tor"])]
        }
    }

    /// An issuing or parent body: its name as written in running text when the header gives
    /// one, else the letterhead line.
    static func body(_ v: JSONValue) -> JSONValue {
        v["name"] ?? v["text"] ?? v
    }

    static func joined(_ v: JSONValue?, _ separator: String) -> Cell {
        guard let items = v?.elements, !items.isEmpty else { return .null }
        return .text(items.compactMap(\.string).joined(separator: separator))
    }

    /// An entity value as one string: strings as they are; an object by its identifying field
    /// (`id`, else `name`, else `start/end`, else `amount currency`, else `code`); anything else
    /// as compact JSON.
    public static func canonical(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let x): return Cell.format(x)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array: return json(v)
        case .object:
            if let id = v["id"]?.string { return id }
            if let name = v["name"]?.string { return name }
            if let start = v["start"]?.string, let end = v["end"]?.string { return start + "/" + end }
            if let amount = v["amount"], let currency = v["currency"]?.string {
                return canonical(amount) + " " + currency
            }
            if let code = v["code"]?.string { return code }
            return json(v)
        }
    }

    static func json(_ v: JSONValue) -> String {
        var w = JSONWriter(capacity: 64)
        w.value(v)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

extension Cell {
    init(_ s: String?) {
        self = s.map { .text($0) } ?? .null
    }

    /// A JSON scalar as a cell; arrays and objects as compact JSON; absent or null as null.
    init(_ v: JSONValue?) {
        switch v {
        case nil, .null?: self = .null
        case .string(let s)?: self = .text(s)
        case .int(let i)?: self = .integer(i)
        case .double(let x)?: self = .real(x)
        case .bool(let b)?: self = .integer(b ? 1 : 0)
        case let other?: self = .text(DocumentRows.json(other))
        }
    }

    /// A real as text: integral values without a fraction (`1500000`, not `1500000.0`).
    static func format(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var elements: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
