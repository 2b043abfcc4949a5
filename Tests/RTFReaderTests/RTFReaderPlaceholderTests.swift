import Testing
@testable import RTFReader

@Suite("RTFReader module")
struct RTFReaderModuleTests {
    @Test("The module links") func links() { #expect("\(RTFReader.self)" == "RTFReader") }
}
