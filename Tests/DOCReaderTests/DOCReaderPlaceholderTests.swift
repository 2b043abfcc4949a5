import Testing
@testable import DOCReader

@Suite("DOCReader module")
struct DOCReaderModuleTests {
    @Test("The module links") func links() { #expect("\(DOCReader.self)" == "DOCReader") }
}
