public import DocumentModel

/// Runs every analysis over a processed document (blocks and entities present).
///
/// The kind is decided first; the records are then looked for only where the kind says they
/// are (a questionnaire's items in a questionnaire, news items in a news listing or article,
/// TWG rows in a TWG directory), so that each document pays for one record parser at most.
public enum Analyzer {
    public static func analyze(_ document: Document) -> Analysis {
        // The document's lines are cut once, for the header and for the kind.
        let lines = HeaderDocument(document)
        let types = HeaderDocumentTypes.standard
        let header = HeaderParser.parse(lines, types: types)
        let (kind, rule) = KindClassifier.classify(lines, header: header, types: types)
        var analysis = Analysis(kind: kind, kindRule: rule, header: header)
        switch kind {
        case .questionnaire:
            analysis.questionnaire = QuestionnaireParser.parse(units: AnalysisText.units(document))
        case .newsListing, .newsArticle:
            analysis.news = NewsParser.parse(units: AnalysisText.units(document))
        case .twgDirectory:
            analysis.twgs = TWGParser.parse(units: AnalysisText.units(document))
        case .plan, .programmeBrief, .decision, .officialLetter, .report, .other:
            break
        }
        return analysis
    }
}
