import Testing
import Analysis

@Suite("Analysis model")
struct AnalysisModelTests {
    @Test("The ten kinds, spelled as the output names them")
    func kinds() {
        #expect(DocumentKind.allCases.map(\.rawValue) == [
            "questionnaire", "news-listing", "news-article", "twg-directory", "plan", "programme-brief",
            "decision", "official-letter", "report", "other",
        ])
    }
}
