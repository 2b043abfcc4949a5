public import DocumentModel

/// Runs every analysis over a processed document (blocks and entities present).
public enum Analyzer {
    public static func analyze(_ document: Document) -> Analysis {
        let header = HeaderParser.parse(document)
        let (kind, rule) = KindClassifier.classify(document, header: header)
        return Analysis(
            kind: kind, kindRule: rule, header: header,
            questionnaire: QuestionnaireParser.parse(document),
            news: NewsParser.parse(document),
            twgs: TWGParser.parse(document)
        )
    }
}
