import Testing
@testable import LegacyText

@Suite("LegacyText module")
struct LegacyTextModuleTests {
    @Test("The module links") func links() { #expect("\(LegacyText.self)" == "LegacyText") }
}
