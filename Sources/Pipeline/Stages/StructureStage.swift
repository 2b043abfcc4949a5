public import Analysis
public import DocumentModel

/// `structure`: what kind of document this is and the records in it — the administrative
/// header of an official document (number, date, place, summary, sections, recipients, signer,
/// a plan's budget and period), a questionnaire's items and answers, a news page's items and
/// article, a TWG directory's rows. Needs blocks and entities.
public struct StructureStage: Stage {
    public static let name = "structure"
    public static let summary = "find the document's kind, administrative header and records (questionnaire items, news items, TWG rows)"
    public static let options: [OptionSpec] = []
    public static let requires: Set<Capability> = [.blocks, .entities]
    public static let provides: Set<Capability> = [.structure]

    public init(options: StageOptions) throws(PipelineError) {}

    public func process(_ document: inout Document, context: StageContext) throws(DocumentError) {
        let analysis = Analyzer.analyze(document)
        document.kind = analysis.kind.rawValue
        document.kindRule = analysis.kindRule
        document.metadata += analysis.header
        var records: [JSONValue.Member] = []
        if let questionnaire = analysis.questionnaire { records.append(.init("questionnaire", questionnaire)) }
        if let news = analysis.news { records.append(.init("news", news)) }
        if let twgs = analysis.twgs { records.append(.init("twgs", twgs)) }
        document.records = records
    }
}
