public import DocumentModel

/// What a document is and the records in it, found over its blocks and entities (after the
/// `entities` stage): the kind, the administrative header of an official document, and the
/// records of questionnaires, news pages and the TWG directory.
public struct Analysis: Sendable, Equatable {
    /// One of `DocumentKind`'s raw values.
    public var kind: DocumentKind
    /// The rule that decided the kind, in words a user can check ("administrative header: number
    /// 123/KH-SYT has type code KH (Kế hoạch)"); `KindClassifier` lists the rules.
    public var kindRule: String
    /// Administrative header fields (Decree 30/2020/NĐ-CP layout), in a fixed order:
    /// issuing_body, parent_body, number, place, date, document_type, summary, addressees (a
    /// công văn's "Kính gửi"), sections, recipients, signer, budget, period; only those found.
    /// `HeaderParser` documents each value's shape.
    public var header: [JSONValue.Member]
    /// `{"province", "meeting", "meeting_date", "topic", "deadline", "contact", "items": [...]}`.
    public var questionnaire: JSONValue?
    /// `{"items": [...], "article": {...}}`.
    public var news: JSONValue?
    /// `[{"no", "name", "id", "founded", "lead", "partners", "tor"}]`.
    public var twgs: JSONValue?

    public init(kind: DocumentKind = .other, kindRule: String = "", header: [JSONValue.Member] = [],
                questionnaire: JSONValue? = nil, news: JSONValue? = nil, twgs: JSONValue? = nil) {
        self.kind = kind
        self.kindRule = kindRule
        self.header = header
        self.questionnaire = questionnaire
        self.news = news
        self.twgs = twgs
    }
}

/// The kinds of document vndoc tells apart.
public enum DocumentKind: String, Sendable, CaseIterable, Equatable {
    case questionnaire
    case newsListing = "news-listing"
    case newsArticle = "news-article"
    case twgDirectory = "twg-directory"
    case plan
    case programmeBrief = "programme-brief"
    case decision
    case officialLetter = "official-letter"
    case report
    case other
}
