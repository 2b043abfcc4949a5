/// One field of a dataset row.
public enum Cell: Sendable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)
}

/// The tables every run writes, each as `DIR/<name>.csv` and as a table of `DIR/vndoc.sqlite`
/// with the same columns in the same order. `documents.document` (the input path) is the key
/// the other tables refer to.
public struct DatasetTable: Sendable, Equatable {
    public enum ColumnType: String, Sendable {
        case text = "TEXT"
        case integer = "INTEGER"
        case real = "REAL"
        /// Integers stay integers and fractions stay fractions (amounts of money).
        case numeric = "NUMERIC"
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var type: ColumnType
        init(_ name: String, _ type: ColumnType = .text) {
            self.name = name
            self.type = type
        }
    }

    public var name: String
    public var columns: [Column]
    /// Columns that get an index in SQLite (besides `document`, which every child table indexes).
    public var indexed: [String]

    public var columnNames: [String] { columns.map(\.name) }

    /// One row per document: where it came from, its kind and its administrative header.
    /// `pipeline` fingerprints what produced the row (the pipeline definition and the output
    /// schema), so that a database re-run redoes documents whose producer changed.
    public static let documents = DatasetTable(name: "documents", columns: [
        Column("document"), Column("format"), Column("encoding"), Column("bytes", .integer), Column("sha256"),
        Column("kind"), Column("kind_rule"), Column("title"),
        Column("issuing_body"), Column("parent_body"), Column("number"), Column("number_type"), Column("number_type_name"),
        Column("document_type"), Column("place"), Column("date"), Column("summary"),
        Column("signer_name"), Column("signer_title"), Column("signer_on_behalf_of"), Column("signer_authority"),
        Column("budget_amount", .numeric), Column("budget_currency"), Column("period_start"), Column("period_end"),
        Column("province"), Column("successor"),
        Column("entities", .integer), Column("warnings", .integer), Column("pipeline"),
    ], indexed: ["kind", "province", "date"])

    /// One row per entity. `value` is the canonical value as one string (the ISO date, the
    /// partner or TWG id, the province or organisation name, `start/end` for a period, `amount
    /// currency` for money); the `value_*` columns are the fields of object values and
    /// `value_json` the whole value as JSON.
    public static let entities = DatasetTable(name: "entities", columns: [
        Column("document"), Column("type"), Column("text"), Column("start", .integer), Column("end", .integer),
        Column("value"),
        Column("value_id"), Column("value_name"), Column("value_title"), Column("value_code"), Column("value_country"),
        Column("value_successor"), Column("value_start"), Column("value_end"), Column("value_amount", .numeric),
        Column("value_currency"), Column("value_json"), Column("rule"),
    ], indexed: ["type", "value", "value_successor"])

    /// One row per answer of a questionnaire item (an item without answers gives one row with
    /// `answer_no` and `answer` empty, so unanswered questions stay visible).
    public static let questionnaireAnswers = DatasetTable(name: "questionnaire_answers", columns: [
        Column("document"), Column("province"), Column("successor"), Column("meeting_date"),
        Column("item"), Column("question"), Column("answer_no", .integer), Column("answer"),
    ], indexed: ["province", "successor", "item"])

    /// One row per news item of a listing (`record` = `item`) and per article (`article`, whose
    /// `body` is its paragraphs separated by blank lines and `related` its related titles one per line).
    public static let news = DatasetTable(name: "news", columns: [
        Column("document"), Column("record"), Column("no", .integer), Column("title"), Column("published"),
        Column("summary"), Column("truncated", .integer), Column("body"), Column("related"),
    ], indexed: ["published"])

    /// One row per technical working group of a directory; `lead` and `partners` are lists
    /// joined with "; ".
    public static let twgs = DatasetTable(name: "twgs", columns: [
        Column("document"), Column("no", .integer), Column("name"), Column("id"), Column("founded"),
        Column("lead"), Column("partners"), Column("tor"),
    ], indexed: ["id"])

    public static let all: [DatasetTable] = [documents, entities, questionnaireAnswers, news, twgs]

    /// Separator of list values in one field (`lead`, `partners`).
    public static let listSeparator = "; "
}
